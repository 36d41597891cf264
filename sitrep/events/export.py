"""Event exports for other tools: PLOVER's event JSON (one object a line, ``plover_json``) and the GDELT
2.0 Event table (``gdelt``).

PLOVER JSON carries every event with sitrep's modality and salience as extra named fields (the manual
invites providers to add fields). The GDELT table carries only events the text asserts or reports —
GDELT has no modality column, so a hypothetical attack must not enter it. An event with no date at all
(no date in its text, no publication date) can be written in neither: both formats require one.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import duckdb
import yaml

from sitrep.errors import UserError
from sitrep.events import gdelt, plover_json
from sitrep.events.lexicon import DATA
from sitrep.records import FACTUAL
from sitrep.store.db import query

FORMATS = ("plover-json", "gdelt")
SQL = """
    SELECT e.*, a.url, a.publisher, a.title, a.language, a.ingested_at, a.published_date,
           p.feature_class, p.feature_code, p.admin1, p.geonames_id,
           i.event_count AS incident_events, i.article_count AS incident_articles,
           i.outlet_count AS incident_outlets, sa.name AS source_name, ta.name AS target_name
    FROM events e JOIN articles a ON a.id = e.article_id LEFT JOIN places p ON p.id = e.place_id
    LEFT JOIN incidents i ON i.id = e.incident_id
    LEFT JOIN actors sa ON sa.id = e.source_actor_id LEFT JOIN actors ta ON ta.id = e.target_actor_id
    ORDER BY e.date_from NULLS LAST, e.article_id, e.trigger_start
"""
COUNTRY_POINTS = "SELECT country, any_value(lat), any_value(lon) FROM places WHERE feature_code LIKE 'PCL%' GROUP BY country"


@lru_cache(maxsize=1)
def quads() -> dict[str, int]:
    with open(DATA / "plover_types.yaml", encoding="utf-8") as fh:
        return {k: int(v) for k, v in yaml.safe_load(fh).items()}


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
            points = {c: (lat, lon) for c, lat, lon in con.execute(COUNTRY_POINTS).fetchall()}
            out = csv.writer(fh, delimiter="\t", lineterminator="\n")
            for row in _rows(con):
                line = gdelt.row(row, points) if row["modality"] in FACTUAL else None
                if line is not None:
                    out.writerow(line)
                    n += 1
    return n
