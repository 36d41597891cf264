"""The DuckDB store: schema, idempotent writes, exports, and one writer at a time."""

from __future__ import annotations

import dataclasses
import multiprocessing
from datetime import date
from pathlib import Path

import duckdb
import pytest

from sitrep.errors import StoreLocked, UserError
from sitrep.records import Article, Cut, Event, Place, PlaceMention, Reject, Span, TimeExpr
from sitrep.store import db, exports
from sitrep.store.schema import SCHEMA_VERSION, TABLES, column_ddl

BAGHDAD = Place(98182, "Baghdad", "IQ", "07", 33.34, 44.40, "P", "PPLC", 7216000)


def _article(aid: str = "a1", text: str = "Rockets hit Baghdad on Tuesday.") -> Article:
    event = Event(
        id=f"{aid}-e1", plover_type="ASSAULT", plover_mode="explosives", cameo="190", trigger=Span(8, 11, "hit"),
        source=None, target=None, place=BAGHDAD, place_flag="text", date="2020-11-17", date_precision="day",
        date_flag="text", killed=1, injured=5, arrested=None, quantity=7, weapon="rockets", modality="asserted",
        confidence=0.9, rule="test", evidence=(),
    )  # fmt: skip
    return Article(
        id=aid, text=text, source_ref="test", published_at="2020-11-19", cuts=(Cut("share-line", "Share"),),
        times=(TimeExpr(20, 30, "on Tuesday", "DATE", "2020-11-17", "day"),),
        places=(PlaceMention(12, 19, "Baghdad", BAGHDAD),), events=(event,), pipeline_version="t",
    )  # fmt: skip


def _counts(path: Path) -> dict[str, int]:
    con = db.connect(path, read_only=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}  # type: ignore[index]
    finally:
        con.close()


def test_connect_creates_every_table_with_a_schema_version(tmp_path: Path) -> None:
    con = db.connect(tmp_path / "s.duckdb")
    tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert set(TABLES) | {"meta"} <= tables
    assert con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == (
        str(SCHEMA_VERSION),
    )


def test_connect_adds_the_columns_an_older_store_lacks(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    old = duckdb.connect(str(path))
    old.execute(f"CREATE TABLE events ({column_ddl('events', leave_out=('salience',))})")
    old.close()
    con = db.connect(path)
    db.write(con, [_article()])
    assert con.execute("SELECT salience FROM events").fetchall() == [("main",)]


def test_write_dates_as_date_columns(tmp_path: Path) -> None:
    con = db.connect(tmp_path / "s.duckdb")
    week = _article()
    week = week.with_(events=(dataclasses.replace(week.events[0], date="2020-W46", date_precision="week"),))
    db.write(con, [week])
    assert con.execute("SELECT published_date, published_month FROM articles").fetchone() == (
        date(2020, 11, 19),
        "2020-11",
    )
    assert con.execute("SELECT date, date_from, date_to FROM events").fetchone() == (
        "2020-W46", date(2020, 11, 9), date(2020, 11, 15))  # fmt: skip


def test_connect_migrates_a_schema_1_store(tmp_path: Path) -> None:
    """A store written before DATE columns existed gains them, filled by the one date model."""
    path = tmp_path / "old.duckdb"
    old = duckdb.connect(str(path))
    old.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
    old.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    for name, cols in V1_TABLES.items():
        old.execute(f"CREATE TABLE {name} ({cols})")
    old.execute(
        "INSERT INTO articles (id, published_at) VALUES ('a', '2020-11-19T10:00:00'), ('b', '19 Nove')"
    )
    old.execute(
        "INSERT INTO events (id, article_id, date) VALUES ('e', 'a', '2020-11'), ('f', 'b', 'PRESENT_REF')"
    )
    old.execute("INSERT INTO incidents (id, date_from, date_to) VALUES ('i', '2018-12-31TNI', '2019-01-02')")
    old.close()
    con = db.connect(path)
    assert con.execute("SELECT id, published_date FROM articles ORDER BY id").fetchall() == [
        ("a", date(2020, 11, 19)), ("b", None)]  # fmt: skip
    assert con.execute("SELECT id, date_from, date_to FROM events ORDER BY id").fetchall() == [
        ("e", date(2020, 11, 1), date(2020, 11, 30)), ("f", None, None)]  # fmt: skip
    assert con.execute("SELECT date_from, date_to FROM incidents").fetchone() == (
        date(2018, 12, 31),
        date(2019, 1, 2),
    )
    db.write(con, [_article()])  # a migrated store takes new rows
    assert con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == (
        str(SCHEMA_VERSION),
    )


V1_TABLES = {
    "articles": "id VARCHAR PRIMARY KEY, url VARCHAR, source_ref VARCHAR, publisher VARCHAR, publisher_evidence"
    " VARCHAR, original_outlet VARCHAR, original_start INTEGER, original_end INTEGER, is_repost BOOLEAN,"
    " repost_of VARCHAR, title VARCHAR, published_at VARCHAR, published_precision VARCHAR, published_source"
    " VARCHAR, published_month VARCHAR, language VARCHAR, text VARCHAR, cuts VARCHAR, story_id VARCHAR,"
    " ingested_at VARCHAR, pipeline_version VARCHAR",
    "events": "id VARCHAR PRIMARY KEY, article_id VARCHAR, plover_type VARCHAR, plover_mode VARCHAR, cameo VARCHAR,"
    " trigger_start INTEGER, trigger_end INTEGER, trigger_text VARCHAR, source_actor_id VARCHAR, source_text"
    " VARCHAR, source_code VARCHAR, source_country VARCHAR, source_sector VARCHAR, target_actor_id VARCHAR,"
    " target_text VARCHAR, target_code VARCHAR, target_country VARCHAR, target_sector VARCHAR, place_id VARCHAR,"
    " place_name VARCHAR, place_country VARCHAR, lat DOUBLE, lon DOUBLE, place_flag VARCHAR, date VARCHAR,"
    " date_precision VARCHAR, date_flag VARCHAR, killed INTEGER, injured INTEGER, arrested INTEGER, quantity"
    " INTEGER, weapon VARCHAR, modality VARCHAR, confidence DOUBLE, rule VARCHAR, evidence VARCHAR, quote_id"
    " VARCHAR, incident_id VARCHAR, published_month VARCHAR, pipeline_version VARCHAR",
    "incidents": "id VARCHAR PRIMARY KEY, plover_type VARCHAR, place_id VARCHAR, place_name VARCHAR, lat DOUBLE,"
    " lon DOUBLE, date_from VARCHAR, date_to VARCHAR, event_count INTEGER, article_count INTEGER, outlet_count"
    " INTEGER",
}


def test_write_twice_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    for _ in range(2):
        con = db.connect(path)
        db.write(con, [_article()], [Reject("bad.bin", "binary", "bad.bin", "now")], ingested_at="x")
        con.close()
    counts = _counts(path)
    assert counts["articles"] == 1 and counts["events"] == 1 and counts["times"] == 1
    assert counts["mentions"] == 1 and counts["places"] == 1 and counts["rejects"] == 1


def test_write_replaces_an_articles_old_rows(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    con = db.connect(path)
    db.write(con, [_article()])
    db.write(con, [_article().with_(events=())])
    assert con.execute("SELECT count(*) FROM events").fetchone() == (0,)


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_export_writes_a_readable_file(tmp_path: Path, fmt: str) -> None:
    con = db.connect(tmp_path / "s.duckdb")
    db.write(con, [_article()])
    out = tmp_path / f"events.{fmt}"
    exports.export(con, "events", str(out), fmt)
    reader = "read_parquet" if fmt == "parquet" else "read_csv_auto"
    [row] = duckdb.sql(f"SELECT plover_type, killed, lat FROM {reader}('{out}')").fetchall()
    assert row == ("ASSAULT", 1, 33.34)


@pytest.mark.parametrize(("table", "fmt"), [("nope", "csv"), ("events", "xlsx")])
def test_export_rejects_unknown_names(tmp_path: Path, table: str, fmt: str) -> None:
    con = db.connect(tmp_path / "s.duckdb")
    with pytest.raises(UserError):
        exports.export(con, table, str(tmp_path / "x"), fmt)


def test_read_only_connect_to_a_missing_store_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="sitrep ingest"):
        db.connect(tmp_path / "none.duckdb", read_only=True)


def test_a_file_that_is_not_a_store_is_a_user_error(tmp_path: Path) -> None:
    path = tmp_path / "junk.duckdb"
    path.write_bytes(b"not a database at all" * 100)
    with pytest.raises(UserError):
        db.connect(path)


def _hold_lock(
    path: str, ready: multiprocessing.synchronize.Event, done: multiprocessing.synchronize.Event
) -> None:
    with db.writer_lock(path):
        ready.set()
        done.wait(10)


def test_second_writer_gets_a_clear_message(tmp_path: Path) -> None:
    path = str(tmp_path / "s.duckdb")
    ready, done = multiprocessing.Event(), multiprocessing.Event()
    holder = multiprocessing.Process(target=_hold_lock, args=(path, ready, done))
    holder.start()
    try:
        assert ready.wait(10)
        with pytest.raises(StoreLocked, match="another sitrep process"), db.writer_lock(path, wait=0.3):
            pass
    finally:
        done.set()
        holder.join()
    with db.writer_lock(path, wait=0.3):
        pass
