"""The API's reads as SQL over the store's tables: pagination and the nested article record, with the
filters of ``sitrep.store.queries`` (one filter set for the CLI and the API).

Every user value goes in as a bound parameter; only fixed fragments of this module become SQL text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import duckdb

from sitrep.errors import NotFound
from sitrep.store.db import query
from sitrep.store.queries import (
    EVENT_FROM,
    EVENT_FROM_DAY,
    EVENT_ORDER,
    EVENT_TO_DAY,
    ILIKE,
    EventFilter,
    Where,
    contains,
    decode,
    literal,
)

EVENT_SELECT = f"SELECT e.*, a.title, a.publisher, a.url, a.published_at {EVENT_FROM}"
ARTICLE_SELECT = (
    "SELECT a.id, a.url, a.title, a.publisher, a.original_outlet, a.is_repost, a.repost_of, a.published_at,"
    " a.published_precision, a.language, a.story_id, a.ingested_at, a.pipeline_version,"
    " (SELECT count(*) FROM events x WHERE x.article_id = a.id) AS event_count FROM articles a"
)


@dataclass(frozen=True)
class Page:
    limit: int = 50
    offset: int = 0


def paged(
    con: duckdb.DuckDBPyConnection, select: str, where: Where, order: str, page: Page
) -> dict[str, Any]:
    """One page of rows and the total matching, in the API's list shape."""
    total = con.execute(f"SELECT count(*) FROM ({select}{where.sql()})", where.params).fetchone()
    rows = query(con, f"{select}{where.sql()} ORDER BY {order} LIMIT ? OFFSET ?",
                 [*where.params, page.limit, page.offset])  # fmt: skip
    return {"items": [decode(r) for r in rows], "total": total[0] if total else 0, **vars(page)}


def events(
    con: duckdb.DuckDBPyConnection, f: EventFilter, page: Page, oldest: bool = False
) -> dict[str, Any]:
    order = (
        f"{EVENT_FROM_DAY} NULLS LAST, {EVENT_TO_DAY} NULLS LAST, e.article_id, e.trigger_start"
        if oldest
        else EVENT_ORDER
    )
    return paged(con, EVENT_SELECT, f.where(), order, page)


@dataclass(frozen=True)
class ArticleFilter:
    outlet: str | None = None
    since: date | None = None
    until: date | None = None
    text: str | None = None
    language: str | None = None

    def where(self) -> Where:
        w = Where()
        day = "a.published_date"
        if self.outlet:
            w.add(
                f"(a.publisher {ILIKE} OR a.original_outlet {ILIKE})",
                literal(self.outlet),
                literal(self.outlet),
            )
        if self.since:
            w.add(f"{day} >= ?", self.since)
        if self.until:
            w.add(f"{day} <= ?", self.until)
        if self.text:
            w.add(f"(a.title {ILIKE} OR a.text {ILIKE})", *[contains(self.text)] * 2)
        if self.language:
            w.add("a.language = ?", self.language)
        return w


def articles(con: duckdb.DuckDBPyConnection, f: ArticleFilter, page: Page) -> dict[str, Any]:
    return paged(con, ARTICLE_SELECT, f.where(), "a.published_at DESC NULLS LAST, a.id", page)


def article(con: duckdb.DuckDBPyConnection, article_id: str) -> dict[str, Any]:
    """The article's text and every fact with its spans, joined to the actor and place it names."""
    rows = query(con, "SELECT * FROM articles WHERE id = ?", [article_id])
    if not rows:
        raise NotFound(f"no article with id {article_id!r}")
    record = decode(rows[0])
    by_article = [article_id]
    record["times"] = query(con, 'SELECT * EXCLUDE (article_id) FROM times WHERE article_id = ? ORDER BY start',
                            by_article)  # fmt: skip
    record["mentions"] = query(
        con,
        "SELECT m.* EXCLUDE (article_id), ac.name AS actor_name, ac.code AS actor_code,"
        " p.name AS place_name, p.country AS place_country, p.lat, p.lon FROM mentions m"
        " LEFT JOIN actors ac ON ac.id = m.actor_id LEFT JOIN places p ON p.id = m.place_id"
        " WHERE m.article_id = ? ORDER BY m.start, m.kind",
        by_article,
    )
    record["events"] = [decode(r) for r in query(
        con, "SELECT * EXCLUDE (article_id) FROM events WHERE article_id = ? ORDER BY trigger_start", by_article
    )]  # fmt: skip
    record["quotes"] = query(con, 'SELECT * EXCLUDE (article_id) FROM quotes WHERE article_id = ? ORDER BY start',
                             by_article)  # fmt: skip
    return record
