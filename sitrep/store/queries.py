"""Filtered reads of events that the CLI, the demo and the API share: one filter, one meaning everywhere.

Every user value goes in as a bound parameter; only fixed fragments of this module become SQL text.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import duckdb

from sitrep.store.db import query

EVENT_COLUMNS = (
    "id", "article_id", "plover_type", "plover_mode", "cameo", "modality", "salience", "source_text", "source_code",
    "target_text", "target_code", "place_name", "place_country", "lat", "lon", "date", "date_precision",
    "killed", "injured", "quantity", "weapon", "confidence", "trigger_text",
    "source_actor_id", "source_sector", "target_actor_id", "target_sector", "place_id", "place_flag",
    "date_flag", "arrested", "rule", "evidence", "quote_id", "incident_id", "pipeline_version",
    "date_from", "date_to",
)  # fmt: skip
# The days an event covers: its own date's range (a day, a week, a month ...), else its article's day.
EVENT_FROM_DAY = "coalesce(e.date_from, a.published_date)"
EVENT_TO_DAY = "coalesce(e.date_to, a.published_date)"
EVENT_DAY = EVENT_FROM_DAY  # where a timeline places an event: the first day it covers
EVENT_FROM = "FROM events e LEFT JOIN articles a ON a.id = e.article_id"
# Newest first: what happened last (by the end of its range) leads.
EVENT_ORDER = (
    f"{EVENT_TO_DAY} DESC NULLS LAST, {EVENT_FROM_DAY} DESC NULLS LAST, e.article_id, e.trigger_start"
)

JSON_COLUMNS = ("evidence", "cuts", "aliases", "roles", "sources")  # nested facts stored as JSON text

BBox = tuple[float, float, float, float]  # west, south, east, north


@dataclass
class Where:
    """A conjunction of SQL conditions and their parameters."""

    clauses: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, clause: str, *params: Any) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def sql(self) -> str:
        return f" WHERE {' AND '.join(self.clauses)}" if self.clauses else ""


ILIKE = "ILIKE ? ESCAPE '\\'"  # with ``literal`` or ``contains``: a user's % and _ are plain characters


def literal(value: str) -> str:
    """A value for ``ILIKE ? ESCAPE '\\'`` that matches itself only: '%' and '_' in a user's filter are
    characters to find ('100%', 'al_Assad'), not wildcards."""
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def contains(value: str) -> str:
    """An ``ILIKE ? ESCAPE '\\'`` pattern for text containing ``value`` literally."""
    return f"%{literal(value)}%"


def bbox_clause(w: Where, box: BBox | None, prefix: str) -> None:
    """Points inside the box; one whose west edge is east of its east edge crosses the antimeridian."""
    if box is None:
        return
    west, south, east, north = box
    lon = f"{prefix}.lon BETWEEN ? AND ?" if west <= east else f"({prefix}.lon >= ? OR {prefix}.lon <= ?)"
    w.add(f"{lon} AND {prefix}.lat BETWEEN ? AND ?", west, east, south, north)


@dataclass(frozen=True)
class EventFilter:
    type: str | None = None
    mode: str | None = None
    modality: str | None = None
    actor: str | None = None  # actor id, code (IRNMIL), country, or words of the source/target text
    country: str | None = None  # ISO-2 of the place or ISO-3 of either actor
    place: str | None = None  # place id, name, or ISO-2 country
    bbox: BBox | None = None
    since: date | None = None
    until: date | None = None
    outlet: str | None = None
    text: str | None = None
    article: str | None = None
    incident: str | None = None
    located: bool | None = None

    def where(self) -> Where:
        w = Where()
        if self.located is not None:
            w.add(f"(e.lat IS {'NOT ' if self.located else ''}NULL)")
        if self.type:
            w.add("upper(e.plover_type) = upper(?)", self.type)
        if self.mode:
            w.add("lower(e.plover_mode) = lower(?)", self.mode)
        if self.modality:
            w.add("e.modality = lower(?)", self.modality)
        if self.actor:
            w.add(
                "(? IN (e.source_actor_id, e.target_actor_id, e.source_code, e.target_code,"
                f" e.source_country, e.target_country) OR e.source_text {ILIKE} OR e.target_text {ILIKE})",
                self.actor, *[contains(self.actor)] * 2,
            )  # fmt: skip
        if self.country:
            w.add("upper(?) IN (e.place_country, e.source_country, e.target_country)", self.country)
        if self.place:
            iso2 = country_iso2(self.place) or self.place.upper()
            w.add(f"(e.place_id = ? OR e.place_country = ? OR e.place_name {ILIKE})",
                  self.place, iso2, literal(self.place))  # fmt: skip
        bbox_clause(w, self.bbox, "e")
        if self.since:  # the event's range overlaps [since, until]: it ends on or after since ...
            w.add(f"{EVENT_TO_DAY} >= ?", self.since)
        if self.until:  # ... and begins on or before until
            w.add(f"{EVENT_FROM_DAY} <= ?", self.until)
        if self.outlet:
            w.add(
                f"(a.publisher {ILIKE} OR a.original_outlet {ILIKE})",
                literal(self.outlet),
                literal(self.outlet),
            )
        if self.text:
            like = contains(self.text)
            w.add(
                f"(e.trigger_text {ILIKE} OR e.source_text {ILIKE} OR e.target_text {ILIKE}"
                f" OR e.place_name {ILIKE} OR a.title {ILIKE})",
                *[like] * 5,
            )  # fmt: skip
        if self.article:
            w.add("e.article_id = ?", self.article)
        if self.incident:
            w.add("e.incident_id = ?", self.incident)
        return w


def events(
    con: duckdb.DuckDBPyConnection, f: EventFilter, limit: int = 100, offset: int = 0
) -> list[dict[str, Any]]:
    where = f.where()
    columns = ", ".join(f"e.{c}" for c in EVENT_COLUMNS)
    sql = f"SELECT {columns} {EVENT_FROM}{where.sql()} ORDER BY {EVENT_ORDER} LIMIT ? OFFSET ?"
    return query(con, sql, [*where.params, limit, offset])


INCIDENT_COLUMNS = ("id", "plover_type", "place_name", "date_from", "date_to", "article_count",
                    "outlet_count", "event_count")  # fmt: skip


def incidents(con: duckdb.DuckDBPyConnection, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
    """Incidents with the most reports first: what ``sitrep incidents`` lists."""
    sql = f"""SELECT {", ".join(INCIDENT_COLUMNS)} FROM incidents
              ORDER BY article_count DESC, outlet_count DESC, date_to DESC NULLS LAST, id LIMIT ? OFFSET ?"""
    return query(con, sql, [limit, offset])


def counts_by_type(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    return query(
        con,
        "SELECT plover_type, modality, count(*) AS n FROM events GROUP BY ALL ORDER BY plover_type, n DESC",
    )


def decode(row: dict[str, Any]) -> dict[str, Any]:
    """JSON-text columns (evidence, aliases, ...) back to lists, as the API and the CLI's JSON give them."""
    for col in JSON_COLUMNS:
        if isinstance(row.get(col), str):
            row[col] = json.loads(row[col])
    return row


def country_iso2(value: str) -> str | None:
    """The ISO-2 code of a country given as ISO-2, ISO-3 or its name (places are stored with ISO-2)."""
    import pycountry

    try:
        return str(pycountry.countries.lookup(value.strip()).alpha_2)
    except LookupError:
        return None
