"""``sitrep export events --format plover-json | gdelt``: the event exports other tools read."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import jsonschema
import pytest

from sitrep.context import Context
from sitrep.errors import UserError
from sitrep.events import gdelt, plover_json
from sitrep.pipeline import process
from sitrep.store import db, exports
from tests.conftest import sitrep

TEXT = (
    "Rebels fired at least seven rockets at an army base in Kabul on Monday, killing two soldiers, police said. "
    "The president could attack the rebels next week."
)
URL = "https://example.org/kabul"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, ctx: Context) -> Path:
    path = tmp_path_factory.mktemp("export") / "s.duckdb"
    article = process(TEXT, published="2020-11-19", url=URL, ctx=ctx)
    con = db.connect(path)
    db.write(con, [article], ingested_at="2020-11-20T10:00:00+00:00")
    con.close()
    return path


def _export(store: Path, tmp_path: Path, fmt: str) -> Path:
    out = tmp_path / f"events.{fmt}"
    result = sitrep("export", "events", str(out), "--format", fmt, "--db", str(store))
    assert result.returncode == 0, result.stderr
    return out


def test_export_plover_json_has_the_manual_fields(store: Path, tmp_path: Path) -> None:
    records = [json.loads(line) for line in _export(store, tmp_path, "plover-json").read_text().splitlines()]
    assert records and all({"id", "date", "actor", "recipient", "event", "mode"} <= r.keys() for r in records)
    assault = next(
        r for r in records if r["event"] == ["ASSAULT"] and r["modality"] in ("asserted", "reported")
    )
    assert assault["size"].get("dead") == 2 and assault["cite_info"]["url"] == URL
    assert assault["quad_code"] == 4 and assault["event_text"]
    assert any(r["modality"] == "hypothetical" for r in records)  # every event, with its modality
    schema = json.loads(plover_json.SCHEMA.read_text())
    for record in records:
        jsonschema.validate(record, schema)


def test_export_gdelt_rows_have_61_columns_and_only_factual_events(store: Path, tmp_path: Path) -> None:
    with open(_export(store, tmp_path, "gdelt"), encoding="utf-8") as fh:
        rows = list(csv.reader(fh, delimiter="\t"))
    col = {name: i for i, name in enumerate(gdelt.COLUMNS)}
    assert len(gdelt.COLUMNS) == 61 and rows
    assert all(len(r) == 61 for r in rows)
    assault = next(r for r in rows if r[col["EventRootCode"]] == "19")
    assert assault[col["SOURCEURL"]] == URL
    assert assault[col["EventCode"]].startswith(assault[col["EventBaseCode"]])
    assert assault[col["SQLDATE"]] == "20201116" and assault[col["QuadClass"]] == "4"
    con = db.connect(store, read_only=True)
    factual = con.execute("SELECT count(*) FROM events WHERE modality IN ('asserted', 'reported')").fetchone()
    con.close()
    assert factual is not None and len(rows) == factual[0]


def test_export_event_format_of_another_table_is_a_user_error(store: Path, tmp_path: Path) -> None:
    result = sitrep("export", "actors", str(tmp_path / "x"), "--format", "gdelt", "--db", str(store))
    assert result.returncode == UserError.exit_code and result.stderr.startswith("sitrep: error:")


def test_export_unknown_event_format_is_a_user_error(store: Path, tmp_path: Path) -> None:
    con = db.connect(store, read_only=True)
    with pytest.raises(UserError):
        exports.export(con, "events", str(tmp_path / "x"), "acled")
    con.close()
