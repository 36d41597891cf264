"""An Article as rows of the store's tables: the one mapping that DuckDB, Parquet and Spark all use."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from typing import Any

from sitrep.records import Actor, Article, EventActor, Place, Reject
from sitrep.timex import calendar, published

Row = dict[str, Any]


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def place_row(place: Place) -> Row:
    return {
        "id": place.key, "geonames_id": place.geonames_id, "name": place.name, "country": place.country,
        "admin1": place.admin1, "lat": place.lat, "lon": place.lon, "feature_class": place.feature_class,
        "feature_code": place.feature_code, "population": place.population,
    }  # fmt: skip


def actor_row(actor: Actor) -> Row:
    return {
        "id": actor.id, "name": actor.name, "kind": actor.kind, "code": actor.code,
        "country": actor.country, "sector": actor.sector, "aliases": _json(list(actor.aliases)),
        "parent_id": actor.parent_id, "roles": _json([dataclasses.asdict(r) for r in actor.roles]),
        "sources": _json(list(actor.sources)), "provisional": actor.provisional,
    }  # fmt: skip


def _party(prefix: str, party: EventActor | None) -> Row:
    if party is None:
        return {f"{prefix}_{k}": None for k in ("actor_id", "text", "code", "country", "sector")}
    return {
        f"{prefix}_actor_id": party.actor_id, f"{prefix}_text": party.span.text,
        f"{prefix}_code": party.code or None, f"{prefix}_country": party.country,
        f"{prefix}_sector": party.sector,
    }  # fmt: skip


def month(published_at: str | None) -> str | None:
    """YYYY-MM of a stored (normalised) publication date: the partition key of exports."""
    when = published.lenient(published_at)
    return when.month if when else None


def published_day(published_at: str | None) -> date | None:
    """The day of publication when it is known to the day (a month or a year has no one day)."""
    when = published.lenient(published_at)
    return when.day if when and when.precision in ("day", "minute") else None


def date_range(value: str | None) -> tuple[date | None, date | None]:
    """The first and last day an event's TIMEX value covers; (None, None) for no calendar value."""
    found = calendar.bounds(value)
    return found if found else (None, None)


def article_rows(article: Article, ingested_at: str) -> dict[str, list[Row]]:
    """Every row one article contributes, by table (actors and places deduplicated within it)."""
    prov = article.provenance
    aid = article.id
    pm = month(article.published_at)
    rows: dict[str, list[Row]] = {
        "articles": [{
            "id": aid, "url": article.url, "source_ref": article.source_ref,
            "publisher": (prov.publisher if prov else None) or article.publisher,
            "publisher_evidence": prov.publisher_evidence if prov else None,
            "original_outlet": prov.original_outlet if prov else None,
            "original_start": prov.original_span.start if prov and prov.original_span else None,
            "original_end": prov.original_span.end if prov and prov.original_span else None,
            "is_repost": prov.is_repost if prov else False, "repost_of": None,
            "title": article.title, "published_at": article.published_at,
            "published_precision": article.published_precision,
            "published_source": article.published_source, "published_month": pm,
            "language": article.language, "text": article.text,
            "cuts": _json([dataclasses.asdict(c) for c in article.cuts]), "story_id": None,
            "ingested_at": ingested_at, "pipeline_version": article.pipeline_version,
            "published_date": published_day(article.published_at),
        }],
        "times": [
            {"article_id": aid, "start": t.start, "end": t.end, "text": t.text, "type": t.type,
             "value": t.value, "precision": t.precision, "rule": t.rule}
            for t in article.times
        ],
        "mentions": [
            {"article_id": aid, "start": m.start, "end": m.end, "text": m.text, "kind": "actor",
             "actor_id": m.actor.id, "place_id": None, "role": m.actor.kind, "corefers_with": m.corefers_with}
            for m in article.mentions
        ] + [
            {"article_id": aid, "start": p.start, "end": p.end, "text": p.text, "kind": "place",
             "actor_id": None, "place_id": p.place.key if p.place else None, "role": p.role,
             "corefers_with": None}
            for p in article.places
        ],
        "quotes": [
            {"id": q.id, "article_id": aid, "start": q.start, "end": q.end, "text": q.text, "kind": q.kind,
             "speaker_start": q.speaker.start if q.speaker else None,
             "speaker_end": q.speaker.end if q.speaker else None,
             "speaker_description": q.speaker.text if q.speaker else None,
             "speaker_actor_id": q.speaker_actor_id, "anonymous": q.anonymous,
             "cue": q.cue.text if q.cue else None, "cue_start": q.cue.start if q.cue else None,
             "cue_end": q.cue.end if q.cue else None, "via_outlet": q.via_outlet,
             "parent_quote_id": q.parent_quote_id}
            for q in article.quotes
        ],
        "events": [],
    }  # fmt: skip
    places: dict[str, Row] = {}
    for pmention in article.places:
        if pmention.place:
            places[pmention.place.key] = place_row(pmention.place)
    for e in article.events:
        if e.place:
            places[e.place.key] = place_row(e.place)
        rows["events"].append({
            "id": e.id, "article_id": aid, "plover_type": e.plover_type, "plover_mode": e.plover_mode,
            "cameo": e.cameo, "trigger_start": e.trigger.start, "trigger_end": e.trigger.end,
            "trigger_text": e.trigger.text, **_party("source", e.source), **_party("target", e.target),
            "place_id": e.place.key if e.place else None, "place_name": e.place.name if e.place else None,
            "place_country": e.place.country if e.place else None,
            "lat": e.place.lat if e.place else None, "lon": e.place.lon if e.place else None,
            "place_flag": e.place_flag, "date": e.date, "date_precision": e.date_precision,
            "date_flag": e.date_flag, "killed": e.killed, "injured": e.injured, "arrested": e.arrested,
            "quantity": e.quantity, "weapon": e.weapon, "modality": e.modality,
            "salience": e.salience,
            "confidence": e.confidence, "rule": e.rule,
            "evidence": _json([dataclasses.asdict(ev) for ev in e.evidence]),
            "quote_id": e.quote_id, "incident_id": e.incident_id, "published_month": pm,
            "pipeline_version": article.pipeline_version,
            **dict(zip(("date_from", "date_to"), date_range(e.date), strict=True)),
        })  # fmt: skip
    rows["places"] = list(places.values())
    rows["actors"] = list({m.actor.id: actor_row(m.actor) for m in article.mentions}.values())
    return rows


def reject_row(reject: Reject) -> Row:
    return dataclasses.asdict(reject)
