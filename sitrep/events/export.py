"""Event exports for other tools: PLOVER's event JSON (one object a line) and a GDELT-2.0-style table.

PLOVER JSON carries every event with sitrep's modality and salience as extra named fields (the manual
invites providers to add fields). The GDELT table carries only events the text asserts or reports —
GDELT has no modality column, so a hypothetical attack must not enter it. Its 61 columns follow the
GDELT 2.0 event codebook (IsRootEvent: 1 for an event that is news of its sentence, 0 for one named in
passing); GDELT's own country codes in the geography columns are FIPS 10-4, sitrep writes the ISO-3166
alpha-2 it has; Goldstein scale, tone and ethnic/religion codes are left empty.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import duckdb
import yaml

from sitrep.errors import UserError
from sitrep.events import plover_json
from sitrep.events.lexicon import DATA
from sitrep.store.db import query

FORMATS = ("plover-json", "gdelt")
FACTUAL = ("asserted", "reported")
_ACTOR = ["Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
          "Type1Code", "Type2Code", "Type3Code"]  # fmt: skip
_GEO = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"]
GDELT_COLUMNS = (
    ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
    + [f"Actor1{c}" for c in _ACTOR] + [f"Actor2{c}" for c in _ACTOR]
    + ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
       "NumMentions", "NumSources", "NumArticles", "AvgTone"]
    + [f"Actor1Geo_{c}" for c in _GEO] + [f"Actor2Geo_{c}" for c in _GEO] + [f"ActionGeo_{c}" for c in _GEO]
    + ["DATEADDED", "SOURCEURL"]
)  # fmt: skip
SQL = """
    SELECT e.*, a.url, a.publisher, a.title, a.language, a.ingested_at, a.published_date,
           p.feature_class, p.feature_code, p.admin1, p.geonames_id
    FROM events e JOIN articles a ON a.id = e.article_id LEFT JOIN places p ON p.id = e.place_id
    ORDER BY e.date NULLS LAST, e.article_id, e.trigger_start
"""


@lru_cache(maxsize=1)
def quads() -> dict[str, int]:
    with open(DATA / "plover_types.yaml", encoding="utf-8") as fh:
        return {k: int(v) for k, v in yaml.safe_load(fh).items()}


def _geo_type(row: dict[str, Any]) -> int | str:
    """GDELT geography type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state."""
    if not row["place_id"]:
        return ""
    us = row["place_country"] == "US"
    code = row["feature_code"] or ""
    if row["feature_class"] == "A" and code.startswith("PCL"):
        return 1
    if row["feature_class"] == "A":
        return 2 if us else 5
    return 3 if us else 4


def _fraction(day: date) -> str:
    return f"{day.year + (day.timetuple().tm_yday - 1) / 365.25:.4f}"


def gdelt_row(row: dict[str, Any]) -> list[Any]:
    """One stored event as the 61 columns of a GDELT 2.0 event record."""
    iso = (row["date"] or "")[:10]
    try:
        day: date | None = date.fromisoformat(iso)
    except ValueError:
        day = None
    cameo = row["cameo"] or ""
    evidence = json.loads(row["evidence"] or "[]")

    def actor(side: str) -> list[Any]:
        return [row[f"{side}_code"] or "", row[f"{side}_text"] or "", row[f"{side}_country"] or "", "", "", "",
                "", row[f"{side}_sector"] or "", "", ""]  # fmt: skip

    geo = [_geo_type(row), row["place_name"] or "", row["place_country"] or "", row["admin1"] or "", "",
           row["lat"] if row["lat"] is not None else "", row["lon"] if row["lon"] is not None else "",
           row["geonames_id"] or ""]  # fmt: skip
    added = (row["ingested_at"] or "").replace("-", "").replace(":", "").replace("T", "")[:14]
    return [
        int(row["id"][:13], 16), day.strftime("%Y%m%d") if day else "", day.strftime("%Y%m") if day else "",
        day.year if day else "", _fraction(day) if day else "", *actor("source"), *actor("target"),
        0 if row["salience"] == "background" else 1, cameo, cameo[:3], cameo[:2], quads().get(row["plover_type"], ""), "",
        sum(e["role"] == "trigger" for e in evidence), 1, 1, "",
        *([""] * len(_GEO)), *([""] * len(_GEO)), *geo, added, row["url"] or "",
    ]  # fmt: skip


def _rows(con: duckdb.DuckDBPyConnection) -> Iterator[dict[str, Any]]:
    yield from query(con, SQL)


def write(con: duckdb.DuckDBPyConnection, path: str, fmt: str) -> int:
    """Write the store's events in ``fmt`` to ``path``; returns how many were written."""
    if fmt not in FORMATS:
        raise UserError(f"unknown event format {fmt!r}; formats: {', '.join(FORMATS)}")
    n = 0
    with open(Path(path), "w", encoding="utf-8", newline="") as fh:
        if fmt == "plover-json":
            for row in _rows(con):
                record = plover_json.record(row, quads().get(row["plover_type"]))
                if record is not None:
                    fh.write(json.dumps(record, ensure_ascii=False) + "\n")
                    n += 1
        else:
            out = csv.writer(fh, delimiter="\t", lineterminator="\n")
            for row in _rows(con):
                if row["modality"] in FACTUAL:
                    out.writerow(gdelt_row(row))
                    n += 1
    return n
