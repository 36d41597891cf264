"""The seed scorer's judging, on hand-built records, and the floor the whole line must keep."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.eval import seed
from sitrep.records import Event, EventActor, Place, Span
from tests.conftest import sitrep

SHARED_SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seed"

# Raise these as the line improves; never lower them.
FLOOR = {
    "events_found": 7,
    "quotes_correct": 5,
    "times_correct": 5,
    "places_correct": 10,
    "actors_correct": 12,
    "article_checks_passed": 7,
}
CEILING = {"false_assertions": 0}


def _event(**kw: object) -> Event:
    base: dict[str, object] = dict(
        id="e", plover_type="ASSAULT", plover_mode=None, cameo=None, trigger=Span(10, 15, "shell"),
        source=None, target=None, place=None, place_flag="none", date=None, date_precision=None,
        date_flag="none", killed=None, injured=None, arrested=None, quantity=None, weapon=None,
        modality="asserted", confidence=1.0, rule="test", evidence=(),
    )  # fmt: skip
    base.update(kw)
    return Event(**base)  # type: ignore[arg-type]


def _party(text: str, country: str | None = None) -> EventActor:
    return EventActor(Span(0, len(text), text), None, text, country, None)


PARIS = Place(2988507, "Paris", "FR", "11", 48.85, 2.35, "P")


@pytest.mark.parametrize(
    ("spec", "event", "ok"),
    [
        ({"type": "ASSAULT"}, _event(), True),
        ({"type": {"any_of": ["REQUEST", "RETREAT"]}}, _event(plover_type="RETREAT"), True),
        ({"type": "CONSULT"}, _event(), False),
        ({"source": {"any_of": [None, "FRA"]}}, _event(), True),
        ({"source": {"any_of": [None, "FRA"]}}, _event(source=_party("police", "FRA")), True),
        ({"source": {"any_of": [None, "FRA"]}}, _event(source=_party("army", "DEU")), False),
        ({"source": "Emmanuel Macron"}, _event(source=_party("Macron", "FRA")), True),
        ({"place": {"name": "Paris", "country": "FR", "lat": 48.86, "lon": 2.34}}, _event(place=PARIS), True),
        ({"place": {"country": "DE"}}, _event(place=PARIS), False),
        ({"date": {"from": "2020-01-02", "to": "2020-01-02"}}, _event(date="2020-01-02"), True),
        ({"date": {"from": "2020-01-02", "to": "2020-01-02"}}, _event(date="2020-W01"), False),
        ({"killed": 3, "quantity": 2}, _event(killed=3, quantity=2), True),
        ({"weapon": "mortar shells"}, _event(weapon="mortar shells"), True),
    ],
)
def test_event_failures_judges_by_meaning(spec: dict, event: Event, ok: bool) -> None:
    assert (seed.event_failures(spec, event) == []) is ok


def test_judge_event_ignores_hypothetical_events() -> None:
    spec = {"type": "ASSAULT"}
    assert not seed.judge_event(spec, [_event(modality="hypothetical")])[0]
    assert seed.judge_event(spec, [_event(modality="reported")])[0]


def test_published_of_reads_the_header() -> None:
    assert seed.published_of("# ingested with published date 2020-11-19 given by") == "2020-11-19"


@pytest.mark.slow
def test_eval_seed_json_contract_and_floor() -> None:
    if not SHARED_SEED.is_dir():
        pytest.skip(f"no shared seed at {SHARED_SEED}")
    out = sitrep("eval", "seed", "--json")
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    assert set(result) == {"name", "gold", "n", "metrics", "split"} and result["name"] == "seed"
    metrics = result["metrics"]
    for key, floor in FLOOR.items():
        assert metrics[key] >= floor, (key, metrics[key])
    for key, ceiling in CEILING.items():
        assert metrics[key] <= ceiling, (key, metrics[key])
