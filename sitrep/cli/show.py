"""Show one stored article's cleaned text with every extracted fact marked."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.console import Console
from rich.text import Text

from sitrep.errors import NotFound
from sitrep.store.db import DEFAULT_DB, connect, query

NAME = "show"
STYLES = {
    "quote": "italic", "time": "yellow", "place": "green", "actor": "cyan",
    "event": "bold red", "hypothetical": "bold magenta",
}  # fmt: skip


def facts(con: Any, article_id: str) -> list[tuple[int, int, str, str]]:
    """(start, end, kind, label) for every fact of the article, widest first so narrower ones win."""
    out: list[tuple[int, int, str, str]] = []
    for r in query(con, 'SELECT start, "end", text FROM quotes WHERE article_id = ?', [article_id]):
        out.append((r["start"], r["end"], "quote", "quote"))
    for r in query(con, 'SELECT start, "end", value FROM times WHERE article_id = ?', [article_id]):
        out.append((r["start"], r["end"], "time", r["value"] or "?"))
    for r in query(con, 'SELECT start, "end", kind, coalesce(actor_id, place_id) AS ref FROM mentions '
                   "WHERE article_id = ?", [article_id]):  # fmt: skip
        out.append((r["start"], r["end"], r["kind"], r["ref"] or "?"))
    for r in query(con, "SELECT trigger_start, trigger_end, plover_type, modality FROM events "
                   "WHERE article_id = ?", [article_id]):  # fmt: skip
        kind = "event" if r["modality"] in ("asserted", "reported") else "hypothetical"
        out.append((r["trigger_start"], r["trigger_end"], kind, f"{r['plover_type']}/{r['modality']}"))
    return sorted(out, key=lambda f: (f[0] - f[1], f[0]))


def command(
    article_id: Annotated[str, typer.Argument(help="Article id (a unique prefix will do).")],
    db: Annotated[str, typer.Option(help="The store (DuckDB file).")] = DEFAULT_DB,
) -> None:
    con = connect(db, read_only=True)
    rows = query(con, "SELECT id, title, publisher, original_outlet, published_at, text FROM articles "
                 "WHERE id LIKE ? || '%' LIMIT 2", [article_id])  # fmt: skip
    if len(rows) != 1:
        raise NotFound(f"{'no' if not rows else 'more than one'} article with id {article_id!r}")
    art = rows[0]
    text = Text(art["text"])
    for start, end, kind, _ in facts(con, art["id"]):
        text.stylize(STYLES[kind], start, end)
    console = Console()
    console.print(f"[bold]{art['title'] or '(no title)'}[/bold]  {art['id']}", markup=True, highlight=False)
    console.print(f"publisher: {art['publisher']}  original: {art['original_outlet']}  "
                  f"published: {art['published_at']}", markup=False)  # fmt: skip
    console.print(text)
    legend = Text("  ".join(STYLES))
    for kind, style in STYLES.items():
        start = legend.plain.index(kind)
        legend.stylize(style, start, start + len(kind))
    console.print(legend)
    for start, end, kind, label in sorted(facts(con, art["id"])):
        if kind in ("event", "hypothetical"):
            console.print(f"  {label:28} {art['text'][start:end]!r} [{start}:{end}]", markup=False)
