"""Ingest the sample corpus and print events by type and the seed article's events."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import duckdb
import typer

from sitrep.batch import ingest
from sitrep.cli.output import emit
from sitrep.stages.clean import article_id
from sitrep.store.db import DEFAULT_DB, connect, query
from sitrep.store.queries import EventFilter, counts_by_type, events

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
) -> None:
    paths, seed = corpus(shared)
    summary = ingest(paths, store=db)
    if seed:
        summary_seed = ingest([seed], store=db, published=SEED_PUBLISHED)
        summary.written += summary_seed.written
    typer.echo(f"{summary.written} articles newly stored in {db} ({summary.rejected} rejected)")
    con = connect(db, read_only=True)
    emit(counts_by_type(con), "table", title="events by type and modality")
    if seed:
        sid = article_id_of(con, seed)
        cols = ("plover_type", "plover_mode", "modality", "source_text", "target_text", "place_name", "date",
                "killed", "injured", "quantity", "weapon")  # fmt: skip
        rows = events(con, EventFilter(article=sid), limit=1000)
        emit([{c: r[c] for c in cols} for r in rows], "table", title=f"seed article {sid}")


def article_id_of(con: duckdb.DuckDBPyConnection, seed: str) -> str | None:
    rows = query(
        con, "SELECT id FROM articles WHERE source_ref = ? ORDER BY ingested_at DESC LIMIT 1", [seed]
    )
    return rows[0]["id"] if rows else article_id(Path(seed).read_text(encoding="utf-8"))
