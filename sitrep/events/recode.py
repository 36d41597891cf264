"""Re-code stored articles after the lexicon (or any stage's data) changed: ``sitrep recode``.

The store keeps each article's cleaned text but not its parse, and the event stage reads the parse and
every earlier stage's facts; so recoding re-runs the whole line from the stored text (with the stored
URL, title, publisher and publication date) and rewrites the article's rows — events, mentions, times,
quotes — under the new pipeline version. Articles already at the current version are skipped unless
``everything`` is asked for. An article whose cleaned text now hashes differently replaces its old id.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass

from sitrep.context import CHUNK, Context, default_context, now
from sitrep.pipeline import pipeline_version, process_sources
from sitrep.records import Article, Source
from sitrep.store import db
from sitrep.store.schema import PER_ARTICLE
from sitrep.timex import published


@dataclass
class Recoded:
    checked: int = 0
    recoded: int = 0
    events: int = 0


def _stale(con: db.duckdb.DuckDBPyConnection, everything: bool) -> list[dict[str, object]]:
    sql = "SELECT id, text, url, title, publisher, published_at, source_ref, pipeline_version FROM articles"
    rows = db.query(con, sql + ("" if everything else " WHERE pipeline_version IS DISTINCT FROM ?"),
                    [] if everything else [pipeline_version()])  # fmt: skip
    return sorted(rows, key=lambda r: str(r["id"]))


def _sources(rows: list[dict[str, object]]) -> Iterator[Source]:
    """The stored articles as Sources again; a publication date an older sitrep stored unread ("19 Nove")
    is dropped rather than making the article a reject (and so deleting it)."""
    for r in rows:
        when = published.lenient(r["published_at"])  # type: ignore[arg-type]
        yield Source(ref=str(r["source_ref"] or r["id"]), text=str(r["text"]), url=r["url"] or None,  # type: ignore[arg-type]
                     title=r["title"] or None, published=when.value if when else None,  # type: ignore[arg-type]
                     publisher=r["publisher"] or None)  # type: ignore[arg-type]  # fmt: skip


def _drop(con: db.duckdb.DuckDBPyConnection, ids: list[str]) -> None:
    if ids:
        marks = ", ".join("?" for _ in ids)
        for table in PER_ARTICLE:
            con.execute(f"DELETE FROM {table} WHERE article_id IN ({marks})", ids)
        con.execute(f"DELETE FROM articles WHERE id IN ({marks})", ids)


def recode(store: str | os.PathLike[str], ctx: Context | None = None, everything: bool = False) -> Recoded:
    """Re-run the line over the store's stale articles and rewrite their rows."""
    ctx = ctx or default_context()
    summary = Recoded()
    with db.writer_lock(store):
        con = db.connect(store)
        try:
            rows = _stale(con, everything)
            summary.checked = len(rows)
            for i in range(0, len(rows), CHUNK):
                chunk = rows[i : i + CHUNK]
                done = [a for a in process_sources(_sources(chunk), ctx) if isinstance(a, Article)]
                kept = {a.id for a in done}
                _drop(con, [str(r["id"]) for r in chunk if r["id"] not in kept])
                db.write(con, done, ingested_at=now())
                summary.recoded += len(done)
                summary.events += sum(len(a.events) for a in done)
        finally:
            con.close()
    return summary
