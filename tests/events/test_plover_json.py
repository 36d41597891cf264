"""PLOVER JSON: every exported record validates against the schema written from the manual."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import jsonschema
import pytest

from sitrep.events import export, plover_json
from sitrep.records import Article, Event, EventActor, Place, Span
from sitrep.store import db

BAGHDAD = Place(98182, "Baghdad", "IQ", "07", 33.34, 44.40, "P", "PPLC", 7216000)
TEXT = "Police beat reporters of Al Jazeera in Baghdad last week while doctors watched."


def party(text: str, country: str | None, sector: str | None) -> EventActor:
    start = TEXT.index(text)
    return EventActor(Span(start, start + len(text), text), None, text, country, sector)


def event(n: int, **kw: object) -> Event:
    fields: dict[str, object] = dict(
        id=f"e{n}", plover_type="ASSAULT", plover_mode="beat", cameo="182", trigger=Span(7, 11, "beat"),
        source=party("Police", "IRQ", "COP"), target=party("reporters of Al Jazeera", "QAT", "MED"),
        place=BAGHDAD, place_flag="text", date="2020-11-19", date_precision="day", date_flag="text",
        killed=None, injured=2, arrested=None, quantity=None, weapon=None, modality="asserted", confidence=0.9,
        rule="test", evidence=(),
    )  # fmt: skip
    fields.update(kw)
    return Event(**fields)  # type: ignore[arg-type]


EVENTS = (
    event(1),
    event(2, date="2020-W46", date_precision="week"),  # a week: date is its Monday, enddate its Sunday
    event(3, source=None),  # no doer named: the manual's UNK actor
    event(4, plover_mode="pro_autocracy", cameo="175"),  # a PLOVER context, never a mode
    event(5, plover_mode="assassinate"),  # an older mode name
    event(6, target=party("doctors", "IRQ", "HLH"), place=None, place_flag="none"),
    event(7, date=None, date_precision=None, date_flag="publication"),
    event(8, plover_type="COERCE", plover_mode="beat", cameo="17"),  # a mode of another category: dropped
)


@pytest.fixture(scope="module")
def records(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, object]]:
    folder = tmp_path_factory.mktemp("plover")
    article = Article(id="a1", text=TEXT, source_ref="t", url="https://example.org/a", published_at="2020-11-19",
                      published_precision="day", language="en", events=EVENTS, pipeline_version="t")  # fmt: skip
    con = db.connect(folder / "s.duckdb")
    db.write(con, [article], ingested_at="2020-11-20T10:00:00+00:00")
    export.write(con, str(folder / "e.jsonl"), "plover-json")
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
    assert (r["e2"]["date"], r["e2"]["enddate"], r["e2"]["date_precision"]) == (
        "2020-11-09",
        "2020-11-15",
        "week",
    )
    assert (
        "enddate" not in r["e1"] and r["e7"]["date"] == "2020-11-19" and r["e7"]["date_flag"] == "publication"
    )


def test_sectors_modes_contexts_and_unknown_actor(records: list[dict[str, object]]) -> None:
    r = by_id(records)
    assert r["e1"]["recipient"] == [
        {"code": "QAT", "sector": "JRN", "entity_text": "reporters of Al Jazeera"}
    ]
    assert r["e6"]["recipient"][0]["sector"] == "MED"  # type: ignore[index]
    assert r["e3"]["actor"] == [{"sector": "UNK"}]
    assert (r["e4"]["mode"], r["e4"]["context"]) == ([], ["pro_autocracy"])
    assert r["e5"]["mode"] == ["targeted"] and r["e8"]["mode"] == []


def test_event_loc_has_iso3_country_and_resolution(records: list[dict[str, object]]) -> None:
    loc = by_id(records)["e1"]["event_loc"]
    assert loc["country_code"] == "IRQ" and loc["resolution"] == 4 and loc["geonameid"] == 98182  # type: ignore[index]
    assert "event_loc" not in by_id(records)["e6"]


def test_the_schema_refuses_what_the_manual_does_not_allow(records: list[dict[str, object]]) -> None:
    schema = json.loads(plover_json.SCHEMA.read_text())
    good = by_id(records)["e1"]
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
    undated = event(9, date=None, date_precision=None, date_flag="none")
    article = Article(id="a2", text=TEXT, source_ref="t", events=(undated,), pipeline_version="t")
    con = db.connect(tmp_path / "s.duckdb")
    db.write(con, [dataclasses.replace(article)])
    assert export.write(con, str(tmp_path / "e.jsonl"), "plover-json") == 0
