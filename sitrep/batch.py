"""A batch ingest into the store: read, run the line, commit in chunks.

Chunks are committed whole, and articles already stored with the same pipeline version are skipped, so a
batch killed at any moment and run again ends with the rows of an uninterrupted run.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from sitrep.context import Context, default_context
from sitrep.errors import UserError
from sitrep.pipeline import process_sources
from sitrep.records import Article, Reject, Source
from sitrep.stages import ingest as readers
from sitrep.stages.language import now
from sitrep.store import db

CHUNK = 32


@dataclass
class Summary:
    written: int = 0
    rejected: int = 0
    not_english: int = 0
    reasons: list[str] = field(default_factory=list)


def ingest(
    paths: Iterable[str],
    store: str | os.PathLike[str] = db.DEFAULT_DB,
    published: str | None = None,
    outlet: str | None = None,
    ctx: Context | None = None,
    on_item: Callable[[Article | Reject], None] | None = None,
    chunk: int = CHUNK,
) -> Summary:
    return ingest_sources(
        readers.read(paths, published=published, publisher=outlet), store, ctx, on_item, chunk
    )


def ingest_sources(
    sources: Iterable[Source | Reject],
    store: str | os.PathLike[str] = db.DEFAULT_DB,
    ctx: Context | None = None,
    on_item: Callable[[Article | Reject], None] | None = None,
    chunk: int = CHUNK,
) -> Summary:
    ctx = ctx or default_context()
    summary = Summary()
    with db.writer_lock(store):
        con = db.connect(store)
        known = db.known_articles(con)
        con.close()
        articles: list[Article] = []
        rejects: list[Reject] = []

        def flush() -> None:
            con = db.connect(store)
            try:
                summary.written += db.write(con, articles, rejects, ingested_at=now())
            finally:
                con.close()
            articles.clear()
            rejects.clear()

        for item in process_sources(sources, ctx, known=known):
            if isinstance(item, Reject):
                rejects.append(item)
                summary.rejected += 1
                summary.reasons.append(f"{item.source}: {item.reason}")
            else:
                articles.append(item)
                known[item.id] = item.pipeline_version
                summary.not_english += item.language != "en"
            if on_item:
                on_item(item)
            if len(articles) + len(rejects) >= chunk:
                flush()
        flush()
    return summary


def check_date(value: str | None) -> str | None:
    """A caller's publication date must be ISO-8601: a wrong one is a user error, not a silent guess."""
    if value is None:
        return None
    from datetime import date, datetime

    try:
        (datetime if "T" in value else date).fromisoformat(value)
    except ValueError:
        raise UserError(f"--published must be an ISO date like 2020-11-19, not {value!r}") from None
    return value
