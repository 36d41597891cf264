"""Incidents: events from different articles that are one real-world happening.

Two events are one incident when they have the same PLOVER type, are not from the same article (the
events stage already merged mentions within one), their actors do not contradict (a known source or
target country differs), and either their dates lie within ``WINDOW_DAYS`` and their places within
``RADIUS_KM`` (or the same place / country when coordinates are missing), or their articles belong to
one story (textual evidence) and nothing contradicts.

Blocking keeps this linear: an event is compared only with stored events under the same type and a
day of the window (``type|2020-11-17``), or the same type and story (``type|story:…``), through
``link_event_blocks``. Only asserted and reported events take part: a threat or a denial is no happening.
"""

from __future__ import annotations

import dataclasses
import hashlib
import math
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import duckdb
import pandas as pd

from sitrep.linking.tables import insert, rename, smallest_names, update

WINDOW_DAYS = 2
RADIUS_KM = 50.0
MODALITIES = ("asserted", "reported")


@dataclass(frozen=True)
class Ev:
    id: str
    article_id: str
    type: str
    day: date | None
    lat: float | None
    lon: float | None
    place_id: str | None
    place_country: str | None
    source_country: str | None
    target_country: str | None
    story_id: str | None
    incident_id: str | None = None


def km(a: Ev, b: Ev) -> float | None:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return None
    p1, p2 = math.radians(a.lat or 0.0), math.radians(b.lat or 0.0)
    dl = math.radians((b.lon or 0.0) - (a.lon or 0.0))
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def _differ(x: str | None, y: str | None) -> bool:
    return x is not None and y is not None and x != y


def compatible(a: Ev, b: Ev) -> float | None:
    """A score (higher is closer) when a and b can be one happening, else None."""
    if a.type != b.type or a.article_id == b.article_id:
        return None
    if _differ(a.source_country, b.source_country) or _differ(a.target_country, b.target_country):
        return None
    same_story = a.story_id is not None and a.story_id == b.story_id
    if a.day and b.day and abs((a.day - b.day).days) > WINDOW_DAYS:
        return None
    distance = km(a, b)
    if distance is not None:
        return 2.0 + same_story - distance / RADIUS_KM if distance <= RADIUS_KM else None
    if _differ(a.place_country, b.place_country):
        return None
    if a.place_id is not None and a.place_id == b.place_id:
        return 1.5 + same_story
    if same_story:
        return 1.0
    return None


def blocks(ev: Ev) -> list[str]:
    out = [f"{ev.type}|{ev.day.isoformat()}"] if ev.day else []
    if ev.story_id:
        out.append(f"{ev.type}|story:{ev.story_id}")
    return out


def _probe(ev: Ev) -> list[str]:
    days = [ev.day + timedelta(days=k) for k in range(-WINDOW_DAYS, WINDOW_DAYS + 1)] if ev.day else []
    out = [f"{ev.type}|{d.isoformat()}" for d in days]
    if ev.story_id:
        out.append(f"{ev.type}|story:{ev.story_id}")
    return out


def new_events(con: duckdb.DuckDBPyConnection, ids: list[str]) -> list[Ev]:
    marks = ", ".join("?" for _ in ids)
    rows: list[Any] = con.execute(
        f"""SELECT e.id, e.article_id, e.plover_type,
                   CASE WHEN e.date IS NULL THEN a.published_date WHEN e.date_from = e.date_to THEN e.date_from END,
                   e.lat, e.lon, e.place_id, e.place_country, e.source_country, e.target_country, a.story_id
            FROM events e JOIN articles a ON a.id = e.article_id
            WHERE e.article_id IN ({marks}) AND e.modality IN {MODALITIES}
            ORDER BY e.article_id, e.trigger_start""",
        ids,
    ).fetchall()
    return [Ev(*r) for r in rows]


def _stored_candidates(con: duckdb.DuckDBPyConnection, events: list[Ev]) -> dict[str, list[Ev]]:
    """Per new event, the stored events under one of its blocks: one query for the whole chunk."""
    probe = pd.DataFrame([(ev.id, key) for ev in events for key in _probe(ev)] or [("", "")],
                         columns=["event", "block"])  # fmt: skip
    con.register("_event_probe", probe)
    try:
        rows: list[Any] = con.execute(
            """SELECT DISTINCT p.event, b.event_id, b.article_id, split_part(b.block, '|', 1), b.day, b.lat,
                      b.lon, b.place_id, b.place_country, b.source_country, b.target_country, b.story_id,
                      b.incident_id
               FROM _event_probe p JOIN link_event_blocks b ON b.block = p.block"""
        ).fetchall()
    finally:
        con.unregister("_event_probe")
    found: dict[str, list[Ev]] = {}
    for row in rows:
        found.setdefault(row[0], []).append(Ev(*row[1:]))
    return found


def incident_id(event_id: str) -> str:
    return "i" + hashlib.sha1(event_id.encode()).hexdigest()[:15]


def assign(con: duckdb.DuckDBPyConnection, ids: list[str], previous: set[str]) -> dict[str, str]:
    """Event id -> incident id for the events of these articles; the incidents table follows.

    Events of the same chunk are candidates for the later ones, through the same blocks."""
    rank = {aid: k for k, aid in enumerate(ids)}
    events = sorted(new_events(con, ids), key=lambda ev: rank[ev.article_id])  # ingest order, as one by one
    stored = _stored_candidates(con, events)
    in_chunk: dict[str, list[Ev]] = {}
    assigned: dict[str, str] = {}
    rows: list[dict[str, object]] = []
    for ev in events:
        pool = stored.get(ev.id, []) + [c for key in _probe(ev) for c in in_chunk.get(key, [])]
        scored = [(s, c) for c in pool if (s := compatible(ev, c)) is not None]
        best = max(scored, key=lambda sc: (sc[0], sc[1].id), default=None)  # ties: by event, not by name
        inc = best[1].incident_id if best and best[1].incident_id else incident_id(ev.id)
        assigned[ev.id] = inc
        linked = dataclasses.replace(ev, incident_id=inc)
        for block in blocks(ev):
            in_chunk.setdefault(block, []).append(linked)
            rows.append({"block": block, "event_id": ev.id, "article_id": ev.article_id, "incident_id": inc,
                         "story_id": ev.story_id, "day": ev.day, "lat": ev.lat, "lon": ev.lon,
                         "place_id": ev.place_id, "place_country": ev.place_country,
                         "source_country": ev.source_country, "target_country": ev.target_country})  # fmt: skip
    names = _smallest_ids(con, assigned)
    for row in rows:
        row["incident_id"] = names[str(row["event_id"])]
    insert(con, "link_event_blocks", rows)
    update(con, "events", "incident_id", names)
    refresh(con, set(assigned.values()) | set(names.values()) | previous)
    return names


def _smallest_ids(con: duckdb.DuckDBPyConnection, labels: dict[str, str]) -> dict[str, str]:
    """Name each incident after the smallest ``incident_id`` of its events, whatever order or chunks
    they came in; a stored incident that a new event with a smaller name joined is renamed."""
    names = smallest_names(labels, incident_id)
    renames = {label: names[e] for e, label in labels.items() if label != names[e]}
    for table in ("events", "link_event_blocks"):
        rename(con, table, "incident_id", renames)
    return names


def previous_incidents(con: duckdb.DuckDBPyConnection, ids: list[str]) -> set[str]:
    """Incidents the articles' events belonged to before they are linked again (to recount them)."""
    if not ids:
        return set()
    marks = ", ".join("?" for _ in ids)
    rows = con.execute(
        f"SELECT DISTINCT incident_id FROM link_event_blocks WHERE article_id IN ({marks})", ids
    ).fetchall()
    return {r[0] for r in rows if r[0]}


def refresh(con: duckdb.DuckDBPyConnection, incidents: set[str]) -> None:
    """Recount the incidents' rows from their events (an incident with no events left disappears)."""
    if not incidents:
        return
    ids = sorted(incidents)
    marks = ", ".join("?" for _ in ids)
    con.execute(f"DELETE FROM incidents WHERE id IN ({marks})", ids)
    con.execute(
        f"""INSERT INTO incidents (id, plover_type, place_id, place_name, lat, lon, date_from, date_to,
                                   event_count, article_count, outlet_count, date, date_precision)
            SELECT e.incident_id, any_value(e.plover_type), mode(e.place_id), mode(e.place_name),
                   avg(e.lat), avg(e.lon), min(coalesce(e.date_from, a.published_date)),
                   max(coalesce(e.date_to, a.published_date)), count(*), count(DISTINCT e.article_id),
                   count(DISTINCT coalesce(a.publisher, 'article:' || a.id)),
                   arg_min(e.date, date_diff('day', e.date_from, e.date_to)),
                   arg_min(e.date_precision, date_diff('day', e.date_from, e.date_to))
            FROM events e JOIN articles a ON a.id = e.article_id
            WHERE e.incident_id IN ({marks}) GROUP BY e.incident_id""",
        ids,
    )


COLUMNS = ("id", "plover_type", "place_name", "date_from", "date_to", "article_count", "outlet_count",
           "event_count")  # fmt: skip


def listing(con: duckdb.DuckDBPyConnection, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
    """Incidents with the most reports first: what ``sitrep incidents`` and the API list."""
    cur = con.execute(
        f"""SELECT {", ".join(COLUMNS)} FROM incidents
            ORDER BY article_count DESC, outlet_count DESC, date_to DESC NULLS LAST, id LIMIT ? OFFSET ?""",
        [limit, offset],
    )
    names = [d[0] for d in cur.description or []]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
