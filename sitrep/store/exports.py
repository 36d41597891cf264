"""Exports, one table of formats (``FORMATS``: name → writer, the tables it takes, its help) that
``sitrep export`` and its help read: any table as typed Parquet or CSV; the events also as PLOVER's
event JSON (one object a line, ``plover_json``) and the GDELT 2.0 Event table (``gdelt``). The writers
import what they need when they run, so that reading the table (the CLI's help) stays cheap.

PLOVER JSON carries every event with sitrep's modality and salience as extra named fields (the manual
invites providers to add fields). The GDELT table carries only events the text asserts or reports —
GDELT has no modality column, so a hypothetical attack must not enter it. An event with no date at all
(no date in its text, no publication date) can be written in neither: both formats require one.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sitrep.errors import UserError
from sitrep.records import FACTUAL
from sitrep.store.schema import TABLES, typed_select

if TYPE_CHECKING:
    import duckdb

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
    import yaml

    from sitrep.events.lexicon import DATA

    with open(DATA / "plover_types.yaml", encoding="utf-8") as fh:
        return {k: int(v) for k, v in yaml.safe_load(fh).items()}


def _rows(con: duckdb.DuckDBPyConnection) -> Iterator[dict[str, Any]]:
    from sitrep.store.db import query

    yield from query(con, SQL)


def _plover_json(con: duckdb.DuckDBPyConnection, table: str, path: str) -> int:
    from sitrep.events import plover_json

    n = 0
    with open(Path(path), "w", encoding="utf-8", newline="") as fh:
        for row in _rows(con):
            record = plover_json.record(row, quads().get(row["plover_type"]))
            if record is not None:
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
                n += 1
    return n


def _gdelt(con: duckdb.DuckDBPyConnection, table: str, path: str) -> int:
    from sitrep.events import gdelt

    points = {c: (lat, lon) for c, lat, lon in con.execute(COUNTRY_POINTS).fetchall()}
    n = 0
    with open(Path(path), "w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh, delimiter="\t", lineterminator="\n")
        for row in _rows(con):
            line = gdelt.row(row, points) if row["modality"] in FACTUAL else None
            if line is not None:
                out.writerow(line)
                n += 1
    return n


def _parquet(con: duckdb.DuckDBPyConnection, table: str, path: str) -> int:
    return _copied(con.execute(f"COPY ({typed_select(table)}) TO '{_quote(path)}' (FORMAT PARQUET)"))


def _csv(con: duckdb.DuckDBPyConnection, table: str, path: str) -> int:
    return _copied(con.execute(f"COPY (SELECT * FROM {table}) TO '{_quote(path)}' (FORMAT CSV, HEADER)"))


def _copied(result: duckdb.DuckDBPyConnection) -> int:
    row = result.fetchone()
    return int(row[0]) if row else 0


def _quote(path: str) -> str:
    return path.replace("'", "''")


@dataclass(frozen=True)
class Format:
    write: Callable[[duckdb.DuckDBPyConnection, str, str], int]  # (con, table, path) -> rows written
    tables: tuple[str, ...]
    help: str


FORMATS: dict[str, Format] = {
    "parquet": Format(_parquet, tuple(TABLES), "typed: DATE and TIMESTAMP columns, lists and structs"),
    "csv": Format(_csv, tuple(TABLES), "one header line, the store's columns as they are"),
    "plover-json": Format(_plover_json, ("events",), "PLOVER event JSON, one object a line, every modality"),
    "gdelt": Format(_gdelt, ("events",), "the GDELT 2.0 Event table: asserted and reported events only"),
}


def export(con: duckdb.DuckDBPyConnection, table: str, path: str, fmt: str) -> int:
    """Write one table of the store to ``path`` in ``fmt``; returns how many rows were written."""
    if table not in TABLES:
        raise UserError(f"unknown table {table!r}; tables: {', '.join(TABLES)}")
    if fmt not in FORMATS:
        raise UserError(f"unknown format {fmt!r}; formats: {', '.join(FORMATS)}")
    if table not in FORMATS[fmt].tables:
        raise UserError(
            f"--format {fmt} exports the {' and '.join(FORMATS[fmt].tables)} table, not {table!r}"
        )
    return FORMATS[fmt].write(con, table, path)
