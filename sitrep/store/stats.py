"""Counts that feed the page's timeline and filters: events by type, week, country and modality."""

from __future__ import annotations

from typing import Any

import duckdb

from sitrep.store.db import query
from sitrep.store.queries import EVENT_DAY, EVENT_FROM, EventFilter

TOTALS = ("articles", "events", "incidents", "actors", "places", "quotes", "rejects")


def stats(con: duckdb.DuckDBPyConnection, f: EventFilter) -> dict[str, Any]:
    where = f.where()

    def count_by(expr: str, name: str) -> list[dict[str, Any]]:
        return query(
            con,
            f"SELECT {expr} AS {name}, count(*) AS n {EVENT_FROM}{where.sql()} GROUP BY 1 ORDER BY n DESC, 1",
            where.params,
        )

    weeks = query(
        con,
        f"SELECT strftime(date_trunc('week', {EVENT_DAY}), '%Y-%m-%d') AS week, e.plover_type AS type,"
        f" count(*) AS n {EVENT_FROM}{where.sql()} GROUP BY 1, 2 ORDER BY 1 NULLS LAST, 2",
        where.params,
    )
    articles = query(con, f"SELECT count(DISTINCT e.article_id) AS n {EVENT_FROM}{where.sql()}", where.params)
    totals = {t: query(con, f"SELECT count(*) AS n FROM {t}")[0]["n"] for t in TOTALS}
    return {
        "totals": totals,
        "events": sum(r["n"] for r in weeks),
        "articles": articles[0]["n"],
        "by_type": count_by("e.plover_type", "type"),
        "by_week": weeks,
        "by_country": count_by("e.place_country", "country"),
        "by_modality": count_by("e.modality", "modality"),
    }
