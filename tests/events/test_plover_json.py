"""PLOVER JSON: every exported record validates against the schema written from the manual."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import jsonschema
import pytest

from sitrep.events import plover_json
from sitrep.records import Article
from sitrep.store import db, exports
from tests.constructed import ARTICLE, EVENTS, TEXT, build, event

ID = {n: e.id for n, e in enumerate(EVENTS, start=1)}


@pytest.fixture(scope="module")
def records(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, object]]:
    folder = tmp_path_factory.mktemp("plover")
    con = db.connect(build(folder / "s.duckdb", (ARTICLE,)))
    exports.export(con, "events", str(folder / "e.jsonl"), "plover-json")
    con.close()
    return [json.loads(line) for line in (folder / "e.jsonl").read_text().splitlines()]


def test_every_record_validates(records: list[dict[str, object]]) -> None:
    schema = json.loads(plover_json.SCHEMA.read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    for record in records:
        jsonschema.validate(record, schema)
    assert len(records) == len(EVENTS)


def by_id(records: list[dict[str, object]]) -> dict[str, dict[str, object]]:
    return {str(r["id"]): r for r in records}


def test_dates_are_days_with_a_separate_precision(records: list[dict[str, object]]) -> None:
    r = by_id(records)
    assert (r[ID[2]]["date"], r[ID[2]]["enddate"], r[ID[2]]["date_precision"]) == (
        "2020-11-09",
        "2020-11-15",
        "week",
    )
    assert (
        "enddate" not in r[ID[1]]
        and r[ID[7]]["date"] == "2020-11-19"
        and r[ID[7]]["date_flag"] == "publication"
    )


def test_sectors_modes_contexts_and_unknown_actor(records: list[dict[str, object]]) -> None:
    r = by_id(records)
    assert r[ID[1]]["recipient"] == [
        {"code": "QAT", "sector": "JRN", "entity_text": "reporters of Al Jazeera"}
    ]
    assert r[ID[6]]["recipient"][0]["sector"] == "MED"  # type: ignore[index]
    assert r[ID[3]]["actor"] == [{"sector": "UNK"}]
    assert (r[ID[4]]["mode"], r[ID[4]]["context"]) == ([], ["pro_autocracy"])
    assert r[ID[5]]["mode"] == ["targeted"] and r[ID[8]]["mode"] == []


def test_event_loc_has_iso3_country_and_resolution(records: list[dict[str, object]]) -> None:
    loc = by_id(records)[ID[1]]["event_loc"]
    assert loc["country_code"] == "IRQ" and loc["resolution"] == 4 and loc["geonameid"] == 98182  # type: ignore[index]
    assert loc["country"] == "Iraq"  # type: ignore[index]
    assert "event_loc" not in by_id(records)[ID[6]]


def test_the_schema_refuses_what_the_manual_does_not_allow(records: list[dict[str, object]]) -> None:
    schema = json.loads(plover_json.SCHEMA.read_text())
    good = by_id(records)[ID[1]]
    for bad in ({"date": "2020-11"}, {"actor": []}, {"mode": ["pro_autocracy"]}, {"context": ["beat"]},
                {"recipient": [{"sector": "PPL"}]}, {"event_loc": {"country_code": "IQ"}}):  # fmt: skip
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate({**good, **bad}, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({k: v for k, v in good.items() if k != "date"}, schema)


def test_plover_sector_mapping_covers_every_sector_sitrep_data_uses() -> None:
    assert plover_json.sector("MED") == "JRN" and plover_json.sector("HLH") == "MED"
    for code in ("PPL", "MUS", "HRI", "SEC", "DEV", "CHR"):
        assert plover_json.sector(code) in plover_json.vocabulary().sectors


def test_export_event_without_any_date_is_skipped(tmp_path: Path) -> None:
    undated = event(11, date=None, date_precision=None, date_flag="none")
    article = Article(id="a2", text=TEXT, source_ref="t", events=(undated,), pipeline_version="t")
    con = db.connect(tmp_path / "s.duckdb")
    db.write(con, [dataclasses.replace(article)])
    assert exports.export(con, "events", str(tmp_path / "e.jsonl"), "plover-json") == 0


def test_a_date_without_calendar_value_falls_back_to_publication_and_validates(tmp_path: Path) -> None:
    now = event(12, date="PRESENT_REF", date_precision="unknown", date_flag="text")
    con = db.connect(build(tmp_path / "s.duckdb", (dataclasses.replace(ARTICLE, events=(now,)),)))
    exports.export(con, "events", str(tmp_path / "e.jsonl"), "plover-json")
    (record,) = [json.loads(line) for line in (tmp_path / "e.jsonl").read_text().splitlines()]
    assert (record["date"], record["date_precision"], record["date_flag"]) == (
        "2020-11-19",
        "day",
        "publication",
    )
    jsonschema.validate(record, json.loads(plover_json.SCHEMA.read_text()))
