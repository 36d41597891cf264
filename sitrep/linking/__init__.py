"""Links across the store: reposts and near-duplicates, stories, incidents.

``link(con, article_ids)`` is what the batch calls after each chunk is written. Each step looks up only
what its blocking keys reach (LSH buckets, key terms in a time window, event type and day) and
re-checks only the threads a chunk touched, so the cost per article stays flat as the store grows (``scripts/bench_linking.py`` measures it).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import duckdb

from sitrep.linking import dedup, grouping, incidents, stories, tables
from sitrep.provenance.outlets import norm_name
from sitrep.store import db

__all__ = ["LinkSummary", "link", "unlink"]


@dataclass(frozen=True)
class LinkSummary:
    articles: int
    reposts: int
    near_duplicates: int
    events: int


def link(con: duckdb.DuckDBPyConnection, article_ids: Iterable[str]) -> LinkSummary:
    """Set repost_of, story_id and the events' incident_id for these (just written) articles."""
    tables.ensure(con)
    ids = list(dict.fromkeys([*article_ids, *_unlinked(con)]))
    if not ids:
        return LinkSummary(0, 0, 0, 0)
    with db.transaction(con):
        return _link(con, ids)


def unlink(con: duckdb.DuckDBPyConnection, article_ids: Iterable[str]) -> None:
    """Forget articles about to leave the store: their link rows go and the incidents their events were
    members of are recounted without them (one left with no member disappears)."""
    ids = list(article_ids)
    if not ids:
        return
    tables.ensure(con)
    with db.transaction(con):
        before = incidents.forget(con, ids)
        tables.forget(con, ids)
        incidents.refresh(con, before)


def _link(con: duckdb.DuckDBPyConnection, ids: list[str]) -> LinkSummary:
    again = tables.linked(con, ids)  # being linked again: forget what linking knew of them
    before = incidents.forget(con, again)
    tables.forget(con, again)
    marks = ", ".join("?" for _ in ids)
    rows: list[Any] = con.execute(
        f"SELECT id, text, title, published_date FROM articles WHERE id IN ({marks})", ids
    ).fetchall()
    rank = {aid: k for k, aid in enumerate(ids)}
    docs = sorted(
        (grouping.Doc(r[0], r[1] or "", r[2], r[3].isoformat() if r[3] else None) for r in rows),
        key=lambda d: rank[d.id],
    )
    sigs = dedup.index(con, {d.id: d.text for d in docs})
    near = dedup.near_duplicates(con, sigs)
    reposts = dedup.repost_links(con, near)
    stories.assign(con, docs, near)
    reposts.update(_cited_in_story(con, [d.id for d in docs if d.id not in reposts]))
    tables.update(con, "articles", "repost_of", reposts)
    linked = incidents.assign(con, [d.id for d in docs], before)
    return LinkSummary(len(docs), len(reposts), sum(len(v) for v in near.values()), len(linked))


def _cited_in_story(con: duckdb.DuckDBPyConnection, ids: list[str]) -> dict[str, str]:
    """A repost that rewrote its original enough to escape MinHash still names it: find the article of
    the same story published by the outlet it cites."""
    if not ids:
        return {}
    marks = ", ".join("?" for _ in ids)
    rows = con.execute(
        f"""SELECT a.id, a.original_outlet, o.id, o.publisher FROM articles a
            JOIN articles o ON o.story_id = a.story_id AND o.id <> a.id
            WHERE a.id IN ({marks}) AND a.is_repost AND a.original_outlet IS NOT NULL
            ORDER BY coalesce(o.published_at, o.ingested_at), o.id""",
        ids,
    ).fetchall()
    found: dict[str, str] = {}
    for copy, cited, other, publisher in rows:
        if publisher and norm_name(publisher) == norm_name(cited):
            found.setdefault(copy, other)
    return found


def _unlinked(con: duckdb.DuckDBPyConnection, limit: int = 64) -> list[str]:
    """Articles written but never linked (a batch killed between the write and the link)."""
    rows = con.execute(
        "SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM link_vectors) ORDER BY id LIMIT ?",
        [limit],
    ).fetchall()
    return [r[0] for r in rows]
