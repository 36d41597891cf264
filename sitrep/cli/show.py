"""Show one stored article's cleaned text with every extracted fact marked, and its events."""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer

from sitrep.errors import NotFound
from sitrep.records import FACTUAL
from sitrep.store import DEFAULT_DB

NAME = "show"
STYLES = {
    "quote": "italic", "time": "yellow", "place": "green", "actor": "cyan",
    "event": "bold red", "hypothetical": "bold magenta",
}  # fmt: skip
Fact = tuple[int, int, str, str]  # start, end, kind, label


def facts(con: Any, article_id: str) -> list[Fact]:
    """(start, end, kind, label) for every fact of the article, widest first so narrower ones win."""
    from sitrep.store import articles

    found = articles.spans(con, article_id)
    out: list[Fact] = [(r["start"], r["end"], "quote", "") for r in found["quotes"]]
    out += [(r["start"], r["end"], "time", r["value"] or "?") for r in found["times"]]
    out += [(r["start"], r["end"], r["kind"], r["ref"] or "?") for r in found["mentions"]]
    for r in event_rows(con, article_id):
        out.append((r["trigger_start"], r["trigger_end"], kind_of(r["modality"]), label_of(r)))
    return sorted(out, key=lambda f: (f[0] - f[1], f[0]))


def event_rows(con: Any, article_id: str) -> list[dict[str, Any]]:
    from sitrep.store import articles

    return articles.events(con, article_id)


def kind_of(modality: str) -> str:
    return "event" if modality in FACTUAL else "hypothetical"


def label_of(event: dict[str, Any]) -> str:
    return str(event["plover_type"]) + ("" if event["modality"] == "asserted" else f" {event['modality']}")


def marked(text: str, marks: list[Fact]) -> str:
    """The text with each fact as ``[KIND label: words]``, nested where one lies inside another.

    A fact that crosses the edge of a wider one (overlaps it without lying inside it) is left unmarked, so
    every bracket closes where its fact ends.
    """
    kept: list[Fact] = []
    for fact in sorted(marks, key=lambda f: (f[0] - f[1], f[0])):
        if not any(
            k[0] < fact[1] and fact[0] < k[1] and not k[0] <= fact[0] <= fact[1] <= k[1] for k in kept
        ):
            kept.append(fact)
    opening: dict[int, list[str]] = {}
    closing: dict[int, int] = {}
    for start, end, kind, label in sorted(kept, key=lambda f: (f[0], -f[1])):
        name = "EVENT" if kind == "hypothetical" else kind.upper()
        opening.setdefault(start, []).append(f"[{name}{' ' + label if label else ''}: ")
        closing[end] = closing.get(end, 0) + 1
    out = []
    for i, ch in enumerate(text):
        out.append("]" * closing.get(i, 0) + "".join(opening.get(i, ())) + ch)
    out.append("]" * closing.get(len(text), 0))
    return "".join(out)


def command(
    article_id: Annotated[str, typer.Argument(help="Article id (a unique prefix will do).")],
    plain: Annotated[
        bool, typer.Option("--plain", help="Marks as text ([EVENT ASSAULT: hit]); the default when piped.")
    ] = False,
    db: Annotated[str, typer.Option(help="The store (DuckDB file).")] = DEFAULT_DB,
) -> None:
    from rich.console import Console
    from rich.text import Text

    from sitrep.store import articles
    from sitrep.store.db import connect

    con = connect(db, read_only=True)
    rows = articles.by_prefix(con, article_id)
    if len(rows) != 1:
        raise NotFound(f"{'no' if not rows else 'more than one'} article with id {article_id!r}")
    art = rows[0]
    marks = facts(con, art["id"])
    plain = plain or not sys.stdout.isatty()
    console = Console(highlight=False, no_color=plain, soft_wrap=True)
    console.print(Text(f"{art['title'] or '(no title)'}  {art['id']}", style="bold"))
    console.print(f"publisher: {art['publisher']}  original: {art['original_outlet']}  "
                  f"published: {art['published_at']}", markup=False)  # fmt: skip
    if plain:
        print(marked(art["text"], marks))
    else:
        text = Text(art["text"])
        for start, end, kind, _ in marks:
            text.stylize(STYLES[kind], start, end)
        console.print(text)
        legend = Text("  ".join(STYLES))
        for kind, style in STYLES.items():
            start = legend.plain.index(kind)
            legend.stylize(style, start, start + len(kind))
        console.print(legend)
    events = event_rows(con, art["id"])
    console.print(f"\n{len(events)} events", markup=False)
    for e in events:
        console.print(Text(event_line(e, art["text"]), style="" if plain else STYLES[kind_of(e["modality"])]))


def event_line(event: dict[str, Any], text: str) -> str:
    """One event on one line: type, trigger words, and the parties, place and date it has."""
    words = " ".join(text[event["trigger_start"] : event["trigger_end"]].split())
    parts = [f"{label_of(event)}: {words}"]
    for name, column in (("source", "source_text"), ("target", "target_text"), ("place", "place_name"),
                         ("date", "date")):  # fmt: skip
        if event[column]:
            parts.append(f"{name}: {' '.join(str(event[column]).split())}")
    return "  " + " | ".join(parts)
