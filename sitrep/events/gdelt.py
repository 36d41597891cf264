"""A stored event as a row of the GDELT 2.0 Event table (61 tab-separated columns, no header), so that
tools made for GDELT read sitrep's events as their own (GDELT 2.0 Event Database codebook, V2.0).

- Geography: country codes are FIPS 10-4 (GeoNames' ``fips`` column: GB is UK, AU is AS, RU is RS) and
  ADM1 codes are the FIPS country code followed by the admin1 code (``IZ07`` for Nineveh); a country-level
  match has its FIPS code as ADM1Code, as in GDELT. ``ActionGeo_*`` is the event's place. ``Actor1Geo_*``
  is the actor's own location as the text ties it to the event: the event's place when it lies in the
  actor's country, else the actor's country (country-level), else empty. ``FeatureID`` is the GeoNames id
  sitrep resolved the place to (GDELT's own are GNS/GNIS ids) and the FIPS code for a country, as GDELT.
- ``GoldsteinScale`` comes from the CAMEO Goldstein table (sitrep/data/export/cameo_goldstein.tsv, source
  in its header); ``QuadClass`` from the CAMEO root code (01-05 verbal cooperation, 06-09 material
  cooperation, 10-14 verbal conflict, 15-20 material conflict).
- ``NumMentions`` / ``NumSources`` / ``NumArticles`` are those of the event's incident (events, outlets and
  articles that report it) and 1 for an event no other report shares; ``IsRootEvent`` is 1 for the news of
  its sentence (salience main), 0 for an event named in passing.
- ``SQLDATE`` is the first day of the event's date, or its article's publication day when the text gives
  none (GDELT itself dates events by publication; sitrep's ``date_flag`` in the store and the PLOVER JSON
  says which); an event with neither is not written.
- ``Actor1Name`` is the resolved actor's name, else the words of the text unless they are a pronoun.
- ``Actor1CountryCode`` is the actor's ISO alpha-3 country (CAMEO's country codes are ISO's); a
  non-state code (IGO, NGO, MNC ...) goes to ``Actor1KnownGroupCode`` instead.
- ``AvgTone``, the ethnic and religion codes are empty: sitrep does not code them.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

from sitrep.events import codes

GOLDSTEIN = Path(__file__).resolve().parents[1] / "data" / "export" / "cameo_goldstein.tsv"
_ACTOR = ["Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
          "Type1Code", "Type2Code", "Type3Code"]  # fmt: skip
_GEO = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"]
COLUMNS = (
    ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
    + [f"Actor1{c}" for c in _ACTOR] + [f"Actor2{c}" for c in _ACTOR]
    + ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
       "NumMentions", "NumSources", "NumArticles", "AvgTone"]
    + [f"Actor1Geo_{c}" for c in _GEO] + [f"Actor2Geo_{c}" for c in _GEO] + [f"ActionGeo_{c}" for c in _GEO]
    + ["DATEADDED", "SOURCEURL"]
)  # fmt: skip
PRONOUNS = frozenset((
    "i", "me", "we", "us", "you", "he", "him", "she", "her", "it", "they", "them", "who", "whom", "this", "that",
    "these", "those", "one", "someone", "somebody",
))  # fmt: skip


@cache
def goldstein() -> dict[str, float]:
    with open(GOLDSTEIN, encoding="utf-8") as fh:
        rows = [line.split("\t") for line in fh if line.strip() and not line.startswith(("#", "cameo\t"))]
    return {code: float(value) for code, value in rows}


def quad_class(cameo: str) -> int | str:
    if not cameo[:2].isdigit():
        return ""
    root = int(cameo[:2])
    return 1 if root <= 5 else 2 if root <= 9 else 3 if root <= 14 else 4


def _geo_type(iso2: str | None, feature_class: str | None, feature_code: str | None) -> int:
    """GDELT geography type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state."""
    us = iso2 == "US"
    if feature_class == "A" and (feature_code or "").startswith("PCL"):
        return 1
    if feature_class == "A":
        return 2 if us else 5
    return 3 if us else 4


def _place_geo(row: dict[str, Any]) -> list[Any]:
    iso2, fips = row["place_country"], codes.fips(row["place_country"])
    kind = _geo_type(iso2, row["feature_class"], row["feature_code"])
    adm1 = fips if kind == 1 else f"{fips}{row['admin1']}" if fips and row["admin1"] else ""
    return [kind, row["place_name"] or "", fips or "", adm1 or "", "", row["lat"], row["lon"],
            fips if kind == 1 else row["geonames_id"] or ""]  # fmt: skip


def _actor_geo(row: dict[str, Any], side: str, points: dict[str, tuple[float, float]]) -> list[Any]:
    iso2 = codes.iso2_of_iso3(row[f"{side}_country"])
    if not iso2:
        return [""] * len(_GEO)
    if row["place_id"] and row["place_country"] == iso2:
        return _place_geo(row)
    fips = codes.fips(iso2) or ""
    point = points.get(iso2, (None, None))
    return [1, codes.country_name(iso2) or "", fips, fips, "", point[0], point[1], fips]


def _name(row: dict[str, Any], side: str) -> str:
    name = row[f"{side}_name"] or row[f"{side}_text"] or ""
    return "" if name.casefold() in PRONOUNS else name.upper()


def _actor(row: dict[str, Any], side: str) -> list[Any]:
    name = _name(row, side)
    if not name and not row[f"{side}_code"]:
        return [""] * len(_ACTOR)
    country = row[f"{side}_country"] or ""
    group = "" if country in codes.iso3_codes() else country  # IGO, NGO, MNC ...: a group, not a country
    return [row[f"{side}_code"] or "", name, "" if group else country, group, "", "", "",
            row[f"{side}_sector"] or "", "", ""]  # fmt: skip


def _added(ingested_at: str | None) -> str:
    try:
        return datetime.fromisoformat(ingested_at or "").strftime("%Y%m%d%H%M%S")
    except ValueError:
        return ""


def row(r: dict[str, Any], points: dict[str, tuple[float, float]]) -> list[Any] | None:
    """One stored event (with its article, place, incident and actors) as GDELT's 61 columns; None when
    it has no date at all. ``points``: ISO-2 -> the country's point, for country-level actor geography."""
    day: date | None = r["date_from"] or r["published_date"]
    if day is None:
        return None
    cameo = r["cameo"] or ""
    evidence = json.loads(r["evidence"] or "[]")
    mentions = r["incident_events"] or sum(e["role"] == "trigger" for e in evidence) or 1
    fraction = f"{day.year + (day.timetuple().tm_yday - 1) / 365.25:.4f}"
    action = _place_geo(r) if r["place_id"] else [""] * len(_GEO)
    return [
        int(r["id"][:13], 16), int(day.strftime("%Y%m%d")), int(day.strftime("%Y%m")), day.year, fraction,
        *_actor(r, "source"), *_actor(r, "target"),
        0 if r["salience"] == "background" else 1, cameo, cameo[:3], cameo[:2], quad_class(cameo),
        goldstein().get(cameo, ""), mentions, r["incident_outlets"] or 1, r["incident_articles"] or 1, "",
        *_actor_geo(r, "source", points), *_actor_geo(r, "target", points), *action, _added(r["ingested_at"]), r["url"] or "",
    ]  # fmt: skip
