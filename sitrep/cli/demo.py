"""Ingest the sample corpus with a progress bar, then summarise: events by type, the seed article's events,
and what to run next."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from sitrep.cli.ingest import run
from sitrep.cli.show import event_line, event_rows
from sitrep.store import DEFAULT_DB

if TYPE_CHECKING:
    import duckdb

NAME = "demo"
SHARED = Path(__file__).resolve().parents[2].parent / "shared"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SEED_PUBLISHED = "2020-11-19"


def corpus(shared: Path = SHARED) -> tuple[list[str], str | None]:
    """The Wikinews sample and the seed when ../shared exists, otherwise the project's own examples."""
    if (shared / "corpus" / "wikinews").is_dir() and (shared / "seed" / "seed-article.txt").is_file():
        return [str(shared / "corpus" / "wikinews")], str(shared / "seed" / "seed-article.txt")
    return [str(EXAMPLES)], None


def command(
    db: Annotated[str, typer.Option(help="The store (DuckDB file).")] = DEFAULT_DB,
    shared: Annotated[Path, typer.Option(help="Folder with corpus/ and seed/.")] = SHARED,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    from sitrep.store import articles
    from sitrep.store.db import connect

    paths, seed = corpus(shared)
    typer.echo(f"sitrep demo: {', '.join(paths)} → {db} (articles already stored are skipped)", err=True)
    summary = run(paths, db, quiet=quiet)
    if seed:
        summary.written += run([seed], db, published=SEED_PUBLISHED, quiet=True).written
    typer.echo(f"{summary.written} articles newly stored in {db} ({summary.rejected} rejected)\n")
    con = connect(db, read_only=True)
    sid = article_id_of(con, seed) if seed else None
    try:
        typer.echo("\n".join(by_type(con)))
        if sid:
            text = articles.text(con, sid)
            events = event_rows(con, sid)
            typer.echo(f"\nThe seed article {sid}: {len(events)} events")
            typer.echo("\n".join(event_line(e, text) for e in events if text))
    finally:
        con.close()
    typer.echo("\n".join(next_steps(db, sid)))


def next_steps(db: str, seed_id: str | None) -> list[str]:
    store = "" if db == DEFAULT_DB else f" --db {db}"
    steps = [
        ("sitrep serve" + store, "the map, timeline, incidents and events at http://127.0.0.1:8000/"),
        ("sitrep events --type ASSAULT --place Iraq" + store, "a filtered list (add --format csv > x.csv)"),
        ("sitrep incidents" + store, "the happenings reported most"),
    ]
    if seed_id:
        steps.append((f"sitrep show {seed_id}{store}", "one article with every fact marked"))
    return ["", "Next:", *(f"  {cmd:<44} {what}" for cmd, what in steps)]


def by_type(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Asserted events by type, most first, and one line for the events of every other modality."""
    from sitrep.store.queries import counts_by_type

    counts = counts_by_type(con)
    asserted = sorted((r for r in counts if r["modality"] == "asserted"), key=lambda r: -r["n"])
    rest = sum(r["n"] for r in counts if r["modality"] != "asserted")
    lines = [f"Asserted events by type ({sum(r['n'] for r in asserted):,}):"]
    lines += [f"  {r['plover_type']:<10} {r['n']:>6,}" for r in asserted]
    lines.append(
        f"  and {rest:,} reported, hypothetical, negated or other events (sitrep events --modality ...)"
    )
    return lines


def article_id_of(con: duckdb.DuckDBPyConnection, seed: str) -> str:
    from sitrep.pipeline import article_id
    from sitrep.store import articles

    return articles.latest_from(con, seed) or article_id(Path(seed).read_text(encoding="utf-8"))
