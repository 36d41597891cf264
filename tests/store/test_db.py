"""The DuckDB store: schema, idempotent writes, exports, and one writer at a time."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import duckdb
import pytest

from sitrep.errors import StoreLocked, UserError
from sitrep.records import Article, Cut, Event, Place, PlaceMention, Reject, Span, TimeExpr
from sitrep.store import db
from sitrep.store.schema import TABLES

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
    assert con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == ("2",)


def test_connect_adds_the_columns_an_older_store_lacks(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    old = duckdb.connect(str(path))
    old.execute(f"CREATE TABLE events ({TABLES['events'].replace('salience VARCHAR,', '')})")
    old.close()
    con = db.connect(path)
    db.write(con, [_article()])
    assert con.execute("SELECT salience FROM events").fetchall() == [("main",)]


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
    db.export(con, "events", str(out), fmt)
    reader = "read_parquet" if fmt == "parquet" else "read_csv_auto"
    [row] = duckdb.sql(f"SELECT plover_type, killed, lat FROM {reader}('{out}')").fetchall()
    assert row == ("ASSAULT", 1, 33.34)


@pytest.mark.parametrize(("table", "fmt"), [("nope", "csv"), ("events", "xlsx")])
def test_export_rejects_unknown_names(tmp_path: Path, table: str, fmt: str) -> None:
    con = db.connect(tmp_path / "s.duckdb")
    with pytest.raises(UserError):
        db.export(con, table, str(tmp_path / "x"), fmt)


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
