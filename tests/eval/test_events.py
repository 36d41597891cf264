"""The events scorer: type macro-F1 over the 16 PLOVER types, accuracy, actor countries and sectors."""

from __future__ import annotations

from typing import Any

import pytest

from sitrep.eval.events import score_predictions
from sitrep.records import Event, EventActor, Span


def _event(type_: str, country: str | None = None, sector: str | None = None, conf: float = 0.8) -> Event:
    source = EventActor(Span(0, 1, "x"), None, "x", country, sector) if country else None
    return Event(
        id=type_, plover_type=type_, plover_mode=None, cameo=None, trigger=Span(0, 1, "x"), source=source,
        target=None, place=None, place_flag="none", date=None, date_precision=None, date_flag="none",
        killed=None, injured=None, arrested=None, quantity=None, weapon=None, modality="asserted",
        confidence=conf, rule="test", evidence=(),
    )  # fmt: skip


def _record(type_: str, code: str = "IRN", sector: str = "GOV") -> dict[str, Any]:
    return {"event_plover2": type_, "source": [{"code": code, "sector": sector}], "target": []}


def test_score_perfect_predictions() -> None:
    records = [_record("ASSAULT"), _record("CONSULT")]
    result = score_predictions(
        records, [(_event("ASSAULT", "IRN", "GOV"),), (_event("CONSULT", "IRN", "GOV"),)]
    )
    # 2 of 16 types seen, both perfect; the other 14 score 0 as the metric's definition says
    assert result.metrics["type_macro_f1"] == pytest.approx(2 / 16, abs=1e-4)
    assert result.metrics["type_accuracy"] == 1.0
    assert result.metrics["source_country_acc"] == 1.0 and result.metrics["source_sector_acc"] == 1.0


def test_score_extra_types_are_false_positives() -> None:
    records = [_record("ASSAULT")]
    result = score_predictions(records, [(_event("ASSAULT"), _event("THREATEN"))])
    rows = {r["type"]: r for r in result.rows}
    assert (rows["ASSAULT"]["tp"], rows["THREATEN"]["fp"]) == (1, 1)
    assert result.metrics["type_accuracy"] == 1.0


def test_score_missed_type_is_a_false_negative_and_country_wrong() -> None:
    records = [_record("REQUEST", code="USA")]
    result = score_predictions(records, [(_event("ACCUSE", "USA"),)])
    rows = {r["type"]: r for r in result.rows}
    assert (rows["REQUEST"]["fn"], rows["ACCUSE"]["fp"]) == (1, 1)
    assert result.metrics["source_country_acc"] == 0.0  # no event of the gold type carries it


def test_score_metric_names_are_the_contract() -> None:
    result = score_predictions([_record("AID")], [()])
    assert set(result.metrics) == {
        "type_macro_f1", "type_accuracy", "source_country_acc", "target_country_acc", "source_sector_acc",
    }  # fmt: skip


@pytest.mark.parametrize(("gold", "ours"), [("JAP", "JPN"), ("ITL", "ITA"), ("VTN", "VNM"), ("KOS", "XKX")])
def test_score_cameo_era_country_code_counts_as_its_iso_code(gold: str, ours: str) -> None:
    result = score_predictions([_record("AID", code=gold)], [(_event("AID", ours),)])
    assert result.metrics["source_country_acc"] == 1.0


def test_score_other_codes_are_compared_as_written() -> None:
    result = score_predictions([_record("AID", code="JPN")], [(_event("AID", "JAP"),)])
    assert result.metrics["source_country_acc"] == 0.0  # only the gold's spelling is read as ISO
