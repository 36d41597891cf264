"""A stored event as PLOVER's event JSON (manual, chapter "Data Fields"; allowed values in
sitrep/data/export/plover.yaml, checked by plover_event.schema.json).

The manual requires ``id``, ``date`` (YYYY-MM-DD), ``actor`` (a list of entities) and ``event``. So:

- ``date`` is the first day the event's date covers; ``enddate`` its last when the date spans more than a
  day (a week, a month); the precision is a field of its own (``date_precision``). A told past event whose
  sentence gives no date takes the narrative's time, flagged ``date_flag: "narrative"``; another event whose text
  gives no date takes its article's publication day, flagged ``date_flag: "publication"``; an event with
  neither is not written (it cannot meet the required ``date``) and ``write`` counts it.
- An event whose doer the text does not name is written with the actor the manual's sector table gives for
  it: ``[{"sector": "UNK"}]`` (UNK: "generic unidentified actors", its example being the actor of "two
  civilians were killed by a bomb"). The field is required, and an empty list would read as "no actor
  coded" rather than "an actor the text does not name".
- Modes are the manual's modes of the event's category; a context sitrep's data carries as a mode (CAMEO
  175 is ``pro_autocracy`` in CAMEO2PLOVER) goes to ``context``.
- Sectors are PLOVER's (CAMEO's MED, media, is JRN; CAMEO's HLH, health, is MED); ``event_loc`` has the
  ISO alpha-3 ``country_code`` and the manual's ``resolution`` (1 country ... 5 sub-city).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from sitrep.events import codes

DATA = Path(__file__).resolve().parents[1] / "data" / "export"
SCHEMA = DATA / "plover_event.schema.json"


@dataclass(frozen=True)
class Vocabulary:
    modes: dict[str, frozenset[str]]
    mode_names: dict[str, str | None]
    contexts: frozenset[str]
    sectors: frozenset[str]
    sector_names: dict[str, str]
    non_state: frozenset[str]


@cache
def vocabulary() -> Vocabulary:
    with open(DATA / "plover.yaml", encoding="utf-8") as fh:
        raw = yaml.safe_load(fh)
    return Vocabulary(
        {k: frozenset(v) for k, v in raw["modes"].items()}, raw["mode_names"], frozenset(raw["contexts"]),
        frozenset(raw["sectors"]), raw["sector_names"], frozenset(raw["non_state"]),
    )  # fmt: skip


def sector(code: str | None) -> str | None:
    """The PLOVER sector of a sitrep (CAMEO) sector; None when PLOVER has no such sector."""
    if not code:
        return None
    voc = vocabulary()
    found = voc.sector_names.get(code, code)
    return found if found in voc.sectors else None


def _country(code: str | None) -> str | None:
    voc = vocabulary()
    if code in voc.non_state or code in codes.iso3_codes():
        return code
    return "KOS" if code == "XKX" else None


def entity(row: dict[str, Any], side: str) -> dict[str, Any] | None:
    """The source or target as a PLOVER entity object; None when the event has none."""
    text = row[f"{side}_text"]
    if not text:
        return None
    found = {
        "code": _country(row[f"{side}_country"]), "sector": sector(row[f"{side}_sector"]), "entity_text": text,
        "identifier_id": row[f"{side}_actor_id"],
    }  # fmt: skip
    return {k: v for k, v in found.items() if v is not None}


def mode_and_context(event_type: str, mode: str | None) -> tuple[list[str], list[str]]:
    voc = vocabulary()
    if not mode:
        return [], []
    if mode in voc.contexts:
        return [], [mode]
    mode = voc.mode_names.get(mode, mode)
    return ([mode] if mode and mode in voc.modes.get(event_type, ()) else []), []


def resolution(feature_class: str | None, feature_code: str | None) -> int | None:
    """The manual's location resolution: 5 sub-city, 4 city, 3 district, 2 province, 1 country."""
    code = feature_code or ""
    if feature_class == "A":
        return 1 if code.startswith("PCL") else 2 if code == "ADM1" else 3 if code.startswith("ADM") else 2
    if feature_class == "P":
        return 5 if code in ("PPLX", "PPLL") else 4
    return 5 if feature_class in ("S", "R", "L", "H", "T", "V") else None


def location(row: dict[str, Any], evidence: list[dict[str, Any]]) -> dict[str, Any] | None:
    if not row["place_id"]:
        return None
    words = next((e["text"] for e in evidence if e["role"] == "place"), None)
    found = {
        "extracted_place": words, "resolved_place": row["place_name"], "geonameid": row["geonames_id"], "lat": row["lat"],
        "lon": row["lon"], "country": codes.country_name(row["place_country"]),
        "country_code": codes.iso3(row["place_country"]),
        "feature_class": row["feature_class"], "feature_code": row["feature_code"],
        "resolution": resolution(row["feature_class"], row["feature_code"]),
        # sitrep's fields: the GeoNames admin1 code and whether the text or the article's focus placed it
        "admin1_code": row["admin1"], "place_flag": row["place_flag"],
    }  # fmt: skip
    return {k: v for k, v in found.items() if v is not None}


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _coded(ingested_at: str | None) -> str | None:
    """The day sitrep coded the event: when its article was stored."""
    try:
        return datetime.fromisoformat(ingested_at or "").date().isoformat()
    except ValueError:
        return None


def record(row: dict[str, Any], quad: int | None) -> dict[str, Any] | None:
    """One stored event as a PLOVER event object; None when it has no date at all (see the module doc)."""
    first, last = row["date_from"], row["date_to"]
    flag, precision = row["date_flag"], row["date_precision"]
    if first is None:  # no calendar date in the text (none, or PRESENT_REF): the publication day
        first = last = row["published_date"]
        flag, precision = "publication", "day"
    if first is None:
        return None
    evidence = json.loads(row["evidence"] or "[]")
    mode, context = mode_and_context(row["plover_type"], row["plover_mode"])
    actor, recipient = entity(row, "source"), entity(row, "target")
    out: dict[str, Any] = {
        "id": row["id"], "date": _iso(first), "actor": [actor or {"sector": "UNK"}],
        "recipient": [recipient] if recipient else [], "event": [row["plover_type"]], "mode": mode,
        "context": context, "event_text": [e["text"] for e in evidence if e["role"] == "trigger"],
        "quad_code": quad,
        "size": {k: row[f] for k, f in (("dead", "killed"), ("injured", "injured"), ("arrested", "arrested"))
                 if row[f] is not None},
        "text_info": {"start": row["trigger_start"], "end": row["trigger_end"]},
        "cite_info": {"url": row["url"], "title": row["title"], "publication": row["publisher"],
                      "language": row["language"], "coder": "sitrep", "version": row["pipeline_version"]},
        "coder": "sitrep", "coded_date": _coded(row["ingested_at"]),
        # sitrep's own fields (the manual invites named fields beyond its list)
        "date_precision": precision,
        "date_flag": flag, "cameo": row["cameo"], "sitrep_mode": row["plover_mode"],
        "modality": row["modality"], "salience": row["salience"], "confidence": row["confidence"],
        "rule": row["rule"], "quantity": row["quantity"], "weapon": row["weapon"],
        "article_id": row["article_id"], "incident_id": row["incident_id"], "evidence": evidence,
    }  # fmt: skip
    if last is not None and last != first:
        out["enddate"] = _iso(last)
    if loc := location(row, evidence):
        out["event_loc"] = loc
    out["cite_info"] = {k: v for k, v in out["cite_info"].items() if v is not None}
    return {k: v for k, v in out.items() if v is not None}
