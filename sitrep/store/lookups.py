"""Reads of the tables around events: incidents (with their reports), actors, places and quotes."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import duckdb

from sitrep.errors import NotFound
from sitrep.store.db import query
from sitrep.store.pages import ARTICLE_SELECT, EVENT_SELECT, Page, paged
from sitrep.store.queries import (
    EVENT_FROM,
    ILIKE,
    BBox,
    EventFilter,
    Where,
    bbox_clause,
    contains,
    decode,
    literal,
)

INCIDENT_SELECT = "SELECT i.*, p.country AS country FROM incidents i LEFT JOIN places p ON p.id = i.place_id"


def incidents(con: duckdb.DuckDBPyConnection, f: EventFilter, page: Page) -> dict[str, Any]:
    """Incidents with at least one event that the filter keeps: the list follows the same filters as the
    events, the map and the counts."""
    order = (
        "i.article_count DESC NULLS LAST, i.outlet_count DESC NULLS LAST, i.date_from DESC NULLS LAST, i.id"
    )
    events = f.where()
    where = Where()
    if events.clauses:
        where.add(f"i.id IN (SELECT e.incident_id {EVENT_FROM}{events.sql()})", *events.params)
    return paged(con, INCIDENT_SELECT, where, order, page)


def incident(con: duckdb.DuckDBPyConnection, incident_id: str) -> dict[str, Any]:
    """An incident with its reports: the events merged into it and the articles they come from."""
    rows = query(con, f"{INCIDENT_SELECT} WHERE i.id = ?", [incident_id])
    if not rows:
        raise NotFound(f"no incident with id {incident_id!r}")
    where = EventFilter(incident=incident_id).where()
    record = rows[0]
    events = [decode(r) for r in query(con, f"{EVENT_SELECT}{where.sql()} ORDER BY e.date, a.publisher",
                                       where.params)]  # fmt: skip
    record["events"] = with_reasons(con, events)
    record["articles"] = query(
        con,
        f"{ARTICLE_SELECT} WHERE a.id IN (SELECT article_id FROM events WHERE incident_id = ?)"
        " ORDER BY a.published_at NULLS LAST, a.publisher",
        [incident_id],
    )
    return record


def with_reasons(con: duckdb.DuckDBPyConnection, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each event's ``why``: what it agrees on with the event linking joined it to (type, actors by name,
    place, dates, same story); None for the report that started the incident."""
    reasons = {e["id"]: json.loads(e["incident_reason"]) for e in events if e.get("incident_reason")}
    ids = sorted({a for r in reasons.values() for a in r.get("actors", [])})
    names = dict(con.execute(f"SELECT id, name FROM actors WHERE id IN ({', '.join('?' for _ in ids)})", ids)
                 .fetchall()) if ids else {}  # fmt: skip
    for e in events:
        why = reasons.get(e["id"])
        if why:
            why["actors"] = [names.get(a) or a for a in why.get("actors", [])]
        e["why"] = why
    return events


@dataclass(frozen=True)
class ActorFilter:
    text: str | None = None
    country: str | None = None
    kind: str | None = None

    def where(self) -> Where:
        w = Where()
        if self.text:
            like = contains(self.text)
            w.add(f"(ac.name {ILIKE} OR ac.aliases {ILIKE} OR ac.code = upper(?) OR ac.id = ?)",
                  like, like, self.text, self.text)  # fmt: skip
        if self.country:
            w.add("ac.country = upper(?)", self.country)
        if self.kind:
            w.add("ac.kind = lower(?)", self.kind)
        return w


def actors(con: duckdb.DuckDBPyConnection, f: ActorFilter, page: Page) -> dict[str, Any]:
    select = "SELECT ac.*, (SELECT count(*) FROM mentions m WHERE m.actor_id = ac.id) AS mention_count FROM actors ac"
    return paged(con, select, f.where(), "mention_count DESC, ac.name, ac.id", page)


@dataclass(frozen=True)
class PlaceFilter:
    text: str | None = None
    country: str | None = None
    bbox: BBox | None = None

    def where(self) -> Where:
        w = Where()
        if self.text:
            w.add(f"(p.name {ILIKE} OR p.id = ?)", contains(self.text), self.text)
        if self.country:
            w.add("p.country = upper(?)", self.country)
        bbox_clause(w, self.bbox, "p")
        return w


def places(con: duckdb.DuckDBPyConnection, f: PlaceFilter, page: Page) -> dict[str, Any]:
    select = (
        "SELECT p.*, (SELECT count(*) FROM mentions m WHERE m.place_id = p.id) AS mention_count,"
        " (SELECT count(*) FROM events e WHERE e.place_id = p.id) AS event_count FROM places p"
    )
    return paged(con, select, f.where(), "event_count DESC, mention_count DESC, p.name, p.id", page)


@dataclass(frozen=True)
class QuoteFilter:
    article: str | None = None
    actor: str | None = None
    outlet: str | None = None
    text: str | None = None
    anonymous: bool | None = None

    def where(self) -> Where:
        w = Where()
        if self.article:
            w.add("q.article_id = ?", self.article)
        if self.actor:
            w.add(
                f"(q.speaker_actor_id = ? OR q.speaker_description {ILIKE})", self.actor, contains(self.actor)
            )
        if self.outlet:
            w.add(
                f"(q.via_outlet {ILIKE} OR a.publisher {ILIKE})", literal(self.outlet), literal(self.outlet)
            )
        if self.text:
            w.add(f"q.text {ILIKE}", contains(self.text))
        if self.anonymous is not None:
            w.add("q.anonymous = ?", self.anonymous)
        return w


def quotes(con: duckdb.DuckDBPyConnection, f: QuoteFilter, page: Page) -> dict[str, Any]:
    select = "SELECT q.*, a.title, a.publisher, a.published_at FROM quotes q LEFT JOIN articles a ON a.id = q.article_id"
    return paged(con, select, f.where(), "a.published_at DESC NULLS LAST, q.article_id, q.start", page)
