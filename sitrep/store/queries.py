"""Filtered reads of the store that the CLI and the API share."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import duckdb

from sitrep.store.db import query

EVENT_COLUMNS = (
    "id", "article_id", "plover_type", "plover_mode", "cameo", "modality", "source_text", "source_code",
    "target_text", "target_code", "place_name", "place_country", "lat", "lon", "date", "date_precision",
    "killed", "injured", "quantity", "weapon", "confidence", "trigger_text",
    "source_actor_id", "source_sector", "target_actor_id", "target_sector", "place_id", "place_flag",
    "date_flag", "arrested", "rule", "evidence", "quote_id", "incident_id", "pipeline_version",
)  # fmt: skip


@dataclass(frozen=True)
class EventFilter:
    type: str | None = None
    mode: str | None = None
    actor: str | None = None  # actor id, code, or words of the source/target text
    place: str | None = None  # place name, id, or ISO-2 country
    since: str | None = None
    until: str | None = None
    modality: str | None = None
    article_id: str | None = None
    limit: int = 100
    offset: int = 0


def events(con: duckdb.DuckDBPyConnection, f: EventFilter) -> list[dict[str, Any]]:
    where, params = ["TRUE"], []
    if f.type:
        where.append("upper(plover_type) = upper(?)")
        params.append(f.type)
    if f.mode:
        where.append("plover_mode = ?")
        params.append(f.mode)
    if f.modality:
        where.append("modality = ?")
        params.append(f.modality)
    if f.article_id:
        where.append("article_id = ?")
        params.append(f.article_id)
    if f.actor:
        where.append(
            "(? IN (source_actor_id, target_actor_id, source_code, target_code, source_country, target_country)"
            " OR source_text ILIKE ? OR target_text ILIKE ?)"
        )
        params += [f.actor, f"%{f.actor}%", f"%{f.actor}%"]
    if f.place:
        where.append("(place_id = ? OR place_country = upper(?) OR place_name ILIKE ?)")
        params += [f.place, f.place, f.place]
    if f.since:
        where.append("date >= ?")
        params.append(f.since)
    if f.until:
        where.append("date <= ? || '~'")
        params.append(f.until)
    sql = (
        f"SELECT {', '.join(EVENT_COLUMNS)} FROM events WHERE {' AND '.join(where)}"
        " ORDER BY date NULLS LAST, article_id, trigger_start LIMIT ? OFFSET ?"
    )
    return query(con, sql, [*params, f.limit, f.offset])


def counts_by_type(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    return query(
        con,
        "SELECT plover_type, modality, count(*) AS n FROM events GROUP BY ALL ORDER BY plover_type, n DESC",
    )
