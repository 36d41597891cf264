"""Resolution of names in the context of the other names of the same text."""

from __future__ import annotations

import pytest

from sitrep.gazetteer import Gazetteer
from sitrep.gazetteer.resolve import clean_name, resolve_spans


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer()


def _resolve(gaz: Gazetteer, text: str, names: list[str]) -> list[tuple[str, str]]:
    spans = []
    for name in names:
        start = text.index(name, spans[-1][1] if spans else 0)
        spans.append((start, start + len(name)))
    out = []
    for choice in resolve_spans(gaz, text, spans):
        assert choice is not None
        out.append((gaz.country(choice.candidate.row), gaz.code(choice.candidate.row)))
    return out


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        ("Fighting in London.", ["London"], [("GB", "PPLC")]),
        (
            "In London, Ontario, in Canada.",
            ["London", "Ontario", "Canada"],
            [("CA", "PPL"), ("CA", "ADM1"), ("CA", "PCLI")],
        ),
        ("Edmonton, Alberta.", ["Edmonton", "Alberta"], [("CA", "PPL"), ("CA", "ADM1")]),
        ("Officials in Washington met.", ["Washington"], [("US", "PPLC")]),
        ("Wildfires in Washington state.", ["Washington"], [("US", "ADM1")]),
        ("Rockets hit Baghdad.", ["Baghdad"], [("IQ", "PPLC")]),
        ("Protests in New York.", ["New York"], [("US", "PPL")]),
        ("Georgia and Armenia and Azerbaijan.", ["Georgia", "Armenia"], [("GE", "PCLI"), ("AM", "PCLI")]),
        ("Atlanta, Georgia, in the United States.", ["Atlanta", "Georgia"], [("US", "PPL"), ("US", "ADM1")]),
        ("Mexico and Canada.", ["Mexico", "Canada"], [("MX", "PCLI"), ("CA", "PCLI")]),
    ],
)
def test_resolve_spans_uses_context(
    gaz: Gazetteer, text: str, names: list[str], expected: list[tuple[str, str]]
) -> None:
    assert _resolve(gaz, text, names) == expected


@pytest.mark.parametrize(
    ("raw", "clean"),
    [("the Middle East", "Middle East"), ("Iran's", "Iran"), ("(Syria)", "Syria"), ("Calif.", "Calif.")],
)
def test_clean_name_strips_articles_and_possessives(raw: str, clean: str) -> None:
    assert clean_name(raw) == clean
