"""Typed Parquet: what ``sitrep export TABLE OUT --format parquet`` writes, read by pandas, pyarrow and DuckDB."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from sitrep.store import db, exports
from sitrep.store.schema import NESTED, TABLES, UNDATED, as_stored, columns
from tests.constructed import EVENTS, build


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("parquet")
    con = db.connect(build(folder / "s.duckdb"))
    for table in TABLES:
        exports.export(con, table, str(folder / f"{table}.parquet"), "parquet")
    con.close()
    return folder


def test_dates_times_and_nested_facts_are_typed(exported: Path) -> None:
    events = pq.read_schema(exported / "events.parquet")
    assert events.field("date_from").type == pa.date32() and events.field("date_to").type == pa.date32()
    evidence = events.field("evidence").type
    assert pa.types.is_list(evidence) and pa.types.is_struct(evidence.value_type)
    assert {f.name for f in evidence.value_type} == {"role", "start", "end", "text"}
    articles = pq.read_schema(exported / "articles.parquet")
    assert articles.field("published_date").type == pa.date32()
    assert pa.types.is_timestamp(articles.field("ingested_at").type)
    assert pa.types.is_list(articles.field("cuts").type)
    actors = pq.read_schema(exported / "actors.parquet")
    assert pa.types.is_list(actors.field("aliases").type) and pa.types.is_list(actors.field("roles").type)
    assert pq.read_schema(exported / "incidents.parquet").field("date_from").type == pa.date32()


@pytest.mark.parametrize("table", list(TABLES))
def test_every_table_reads_in_pandas_and_duckdb(exported: Path, table: str) -> None:
    frame = pd.read_parquet(exported / f"{table}.parquet")
    assert list(frame.columns) == columns(table)
    rows = duckdb.connect().execute(f"SELECT * FROM read_parquet('{exported / table}.parquet')").fetchall()
    assert len(rows) == len(frame)


def test_values_survive_the_round_trip(exported: Path) -> None:
    frame = pd.read_parquet(exported / "events.parquet").set_index("id")
    week = frame.loc[EVENTS[1].id]
    assert (week["date_from"], week["date_to"]) == (date(2020, 11, 9), date(2020, 11, 15))
    assert set(NESTED) >= {"evidence"} and list(frame.loc[EVENTS[0].id]["evidence"]) == []


def test_as_stored_reads_typed_parquet_back_in_the_stores_types(tmp_path: Path) -> None:
    """What serve --parquet sees: TIMESTAMPs as sitrep's ISO text, the undated folder as no month."""
    path = tmp_path / "a.parquet"
    con = duckdb.connect()
    con.execute(
        f"""COPY (SELECT TIMESTAMPTZ '2020-11-20 10:00:00+00' AS ingested_at, '{UNDATED}' AS published_month)
            TO '{path}' (FORMAT PARQUET)"""
    )
    described = [(r[0], r[1]) for r in con.execute(f"DESCRIBE SELECT * FROM '{path}'").fetchall()]
    row = con.execute(f"SELECT *{as_stored(described)} FROM '{path}'").fetchone()
    assert row == ("2020-11-20T10:00:00+00:00", None)
