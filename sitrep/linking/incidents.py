"""Incidents: events from different articles that are one real-world happening.

Whether two events are one happening is ``sitrep.linking.agreement``'s rule (type, an actor, place and
date all agree); the reason is stored with the link (``events.incident_reason``) for the incident view.
An event joins the incident of the candidate it agrees with best. A factual event (asserted or
reported) is an incident's member; a non-factual one (future, hypothetical, negated ...) that agrees
with an incident's member is linked to it as ``about`` it, and counts in none of its figures.

Blocking keeps this linear: an event is compared only with stored members under one of its probe
blocks, through ``link_event_blocks``: its type (and the types coded with it) and a day of its date range
(``ASSAULT|d:2020-11-17``), a month for month-long dates (``ASSAULT|m:2020-11``, met by the day blocks'
``ASSAULT|M:2020-11``), or its story (``ASSAULT|story:…``). A date vaguer than a month has no time block.
"""

from __future__ import annotations

import dataclasses
import hashlib
from datetime import date, timedelta
from typing import Any

import duckdb

from sitrep.linking.agreement import Ev, Party, agree, date_range, partner_types, place_level
from sitrep.linking.tables import insert, rename, smallest_names, update
from sitrep.records import FACTUAL

DAY_BLOCKS = 7  # a range of at most this many days is blocked by its days, a longer one by its months


def _months(start: date, end: date) -> list[str]:
    months, at = [], start.replace(day=1)
    while at <= end:
        months.append(at.strftime("%Y-%m"))
        at = (at + timedelta(days=32)).replace(day=1)
    return months


def _days(ev: Ev) -> list[str]:
    assert ev.start is not None and ev.end is not None
    return [(ev.start + timedelta(days=k)).isoformat() for k in range((ev.end - ev.start).days + 1)]


def _short(ev: Ev) -> bool:
    return ev.start is not None and ev.end is not None and (ev.end - ev.start).days < DAY_BLOCKS


def blocks(ev: Ev) -> list[str]:
    """Where a member is stored."""
    out: list[str] = []
    if _short(ev):
        out += [f"{ev.type}|d:{d}" for d in _days(ev)]
        out += [f"{ev.type}|M:{m}" for m in _months(ev.start, ev.end)]  # type: ignore[arg-type]
    elif not ev.vague:
        out += [f"{ev.type}|m:{m}" for m in _months(ev.start, ev.end)]  # type: ignore[arg-type]
    if ev.story_id:
        out.append(f"{ev.type}|story:{ev.story_id}")
    return out or [f"{ev.type}|-"]


def probes(ev: Ev) -> list[str]:
    """Where the members an event may agree with are stored (a day meets days and months; a month meets
    every day of it and other months)."""
    out: list[str] = []
    for kind in partner_types(ev.type):
        if _short(ev):
            out += [f"{kind}|d:{d}" for d in _days(ev)]
            out += [f"{kind}|m:{m}" for m in _months(ev.start, ev.end)]  # type: ignore[arg-type]
        elif not ev.vague:
            out += [f"{kind}|{k}:{m}" for m in _months(ev.start, ev.end) for k in "mM"]  # type: ignore[arg-type]
        if ev.story_id:
            out.append(f"{kind}|story:{ev.story_id}")
    return out


def _party(actor_id: str | None, kind: str | None, country: str | None) -> Party | None:
    return Party(actor_id, kind, country) if actor_id else None


def new_events(con: duckdb.DuckDBPyConnection, ids: list[str]) -> list[Ev]:
    marks = ", ".join("?" for _ in ids)
    rows: list[Any] = con.execute(
        f"""SELECT e.id, e.article_id, e.plover_type, e.date_from, e.date_to, e.date_flag, a.published_date,
                   e.lat, e.lon, e.place_id, e.place_name, e.place_country, p.feature_class, p.feature_code,
                   e.source_actor_id, sa.kind, e.source_country, e.target_actor_id, ta.kind, e.target_country,
                   a.story_id, e.modality IN {FACTUAL}
            FROM events e JOIN articles a ON a.id = e.article_id
            LEFT JOIN places p ON p.id = e.place_id
            LEFT JOIN actors sa ON sa.id = e.source_actor_id
            LEFT JOIN actors ta ON ta.id = e.target_actor_id
            WHERE e.article_id IN ({marks})
            ORDER BY e.article_id, e.trigger_start, e.id""",
        ids,
    ).fetchall()
    out = []
    for r in rows:
        span = date_range(r[3], r[4], r[5], r[6])
        out.append(Ev(r[0], r[1], r[2], span[0] if span else None, span[1] if span else None, r[7], r[8],
                      r[9], r[10], r[11], place_level(r[12], r[13]), _party(*r[14:17]), _party(*r[17:20]),
                      r[20], bool(r[21])))  # fmt: skip
    return out


_STORED = """b.event_id, b.article_id, b.type, b.day, b.day_end, b.lat, b.lon, b.place_id, b.place_name,
             b.place_country, b.place_level, b.source_actor, b.source_kind, b.source_country, b.target_actor,
             b.target_kind, b.target_country, b.story_id, b.incident_id"""


def _stored(r: Any) -> Ev:
    return Ev(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], _party(*r[11:14]),
              _party(*r[14:17]), r[17], True, r[18])  # fmt: skip


def _stored_candidates(con: duckdb.DuckDBPyConnection, events: list[Ev]) -> dict[str, list[Ev]]:
    """Per new event, the stored members under one of its probes: one query for the whole chunk, its
    blocks a list of constants that the index on ``link_event_blocks.block`` answers without a scan."""
    wanted: dict[str, list[str]] = {}
    for ev in events:
        for key in probes(ev):
            wanted.setdefault(key, []).append(ev.id)
    if not wanted:
        return {}
    rows: list[Any] = con.execute(
        f"SELECT DISTINCT b.block, {_STORED} FROM link_event_blocks b WHERE b.block IN ({', '.join('?' for _ in wanted)})",
        list(wanted),
    ).fetchall()
    found: dict[str, dict[str, Ev]] = {}
    for row in rows:
        member = _stored(row[1:])
        for event in wanted[row[0]]:
            found.setdefault(event, {})[member.id] = member
    return {event: list(members.values()) for event, members in found.items()}


def incident_id(event_id: str) -> str:
    return "i" + hashlib.sha1(event_id.encode()).hexdigest()[:15]


def _block_row(block: str, ev: Ev, inc: str) -> dict[str, object]:
    src, tgt = ev.source, ev.target
    return {"block": block, "event_id": ev.id, "article_id": ev.article_id, "incident_id": inc, "type": ev.type,
            "story_id": ev.story_id, "day": ev.start, "day_end": ev.end, "lat": ev.lat, "lon": ev.lon,
            "place_id": ev.place_id, "place_name": ev.place_name, "place_country": ev.place_country,
            "place_level": ev.place_level, "source_actor": src.actor_id if src else None,
            "source_kind": src.kind if src else None, "source_country": src.country if src else None,
            "target_actor": tgt.actor_id if tgt else None, "target_kind": tgt.kind if tgt else None,
            "target_country": tgt.country if tgt else None}  # fmt: skip


def assign(con: duckdb.DuckDBPyConnection, ids: list[str], previous: set[str]) -> dict[str, str]:
    """Event id -> incident id for the factual events of these articles, and the links of their
    non-factual ones; the incidents table follows.

    Members of the same chunk are candidates for the later events, through the same blocks."""
    rank = {aid: k for k, aid in enumerate(ids)}
    events = sorted(new_events(con, ids), key=lambda ev: rank[ev.article_id])  # ingest order, as one by one
    stored = _stored_candidates(con, events)
    in_chunk: dict[str, list[Ev]] = {}
    assigned: dict[str, str] = {}
    about: dict[str, str] = {}
    reasons: dict[str, str] = {}
    rows: list[dict[str, object]] = []
    for ev in events:
        pool = stored.get(ev.id, []) + [c for key in probes(ev) for c in in_chunk.get(key, [])]
        scored = [(r, c) for c in pool if (r := agree(ev, c)) is not None]
        best = max(scored, key=lambda rc: (rc[0].score, rc[1].id), default=None)  # ties: by event, not name
        if best:
            reasons[ev.id] = best[0].to_json()
        if not ev.factual:
            if best and best[1].incident_id:
                about[ev.id] = best[1].incident_id
            continue
        inc = best[1].incident_id if best and best[1].incident_id else incident_id(ev.id)
        assigned[ev.id] = inc
        linked = dataclasses.replace(ev, incident_id=inc)
        for block in blocks(ev):
            in_chunk.setdefault(block, []).append(linked)
            rows.append(_block_row(block, ev, inc))
    names = _smallest_ids(con, assigned)
    for row in rows:
        row["incident_id"] = names[str(row["event_id"])]
    insert(con, "link_event_blocks", rows)
    about = {e: _renamed(i, names, assigned) for e, i in about.items()}
    update(con, "events", "incident_id", names, also="incident_role = 'member'")
    update(con, "events", "incident_id", about, also="incident_role = 'about'")
    update(con, "events", "incident_reason", reasons)
    refresh(con, set(assigned.values()) | set(names.values()) | previous)
    return {**names, **about}


def _renamed(inc: str, names: dict[str, str], assigned: dict[str, str]) -> str:
    """The name an incident has after this chunk (a chunk's member may have given it a smaller one)."""
    for event, label in assigned.items():
        if label == inc:
            return names[event]
    return inc


def _smallest_ids(con: duckdb.DuckDBPyConnection, labels: dict[str, str]) -> dict[str, str]:
    """Name each incident after the smallest ``incident_id`` of its members, whatever order or chunks
    they came in; a stored incident that a new event with a smaller name joined is renamed."""
    names = smallest_names(labels, incident_id)
    renames = {label: names[e] for e, label in labels.items() if label != names[e]}
    for table in ("events", "link_event_blocks"):
        rename(con, table, "incident_id", renames)
    return names


def forget(con: duckdb.DuckDBPyConnection, ids: list[str]) -> set[str]:
    """Before articles are linked again: the incidents their events belonged to (to recount them), and
    their events' links cleared (a non-factual event may no longer agree with anything)."""
    before = previous_incidents(con, ids)
    if ids:
        marks = ", ".join("?" for _ in ids)
        con.execute(f"""UPDATE events SET incident_id = NULL, incident_role = NULL, incident_reason = NULL
                        WHERE article_id IN ({marks})""", ids)  # fmt: skip
    return before


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
    """Recount the incidents' rows from their members (an incident with no members left disappears)."""
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
            WHERE e.incident_id IN ({marks}) AND e.incident_role = 'member' GROUP BY e.incident_id""",
        ids,
    )
