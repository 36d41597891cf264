"""Splitting a text cluster into incidents by markers that each side repeats and the other lacks."""

from __future__ import annotations

import pytest

from sitrep.linking.features import views
from sitrep.linking.split import split

LEADS = [
    "Wladimir Klitschko retained his heavyweight titles by stopping {who} in the {rnd} round in {city}.",
    "Champion Wladimir Klitschko beat {who} in {city}, ending the fight in the {rnd} round.",
    "In {city}, Wladimir Klitschko knocked out {who} in round {rnd} to keep his belts.",
    "{who} was stopped by Wladimir Klitschko in the {rnd} round of their title fight in {city}.",
    "Wladimir Klitschko defended his crown against {who}, winning in the {rnd} round in {city}.",
    "A dominant Wladimir Klitschko stopped {who} in {city}; the referee ended it in the {rnd} round.",
]
TAIL = " Klitschko said he was happy with the win and the crowd cheered the Ukrainian champion."


def _reports(who: str, rnd: str, city: str) -> list[str]:
    return [lead.format(who=who, rnd=rnd, city=city) + TAIL for lead in LEADS]


def _split(texts: list[str]) -> list[list[int]]:
    return split([views(t).names for t in texts], [set(views(t, max_tokens=60).names) for t in texts])


def test_split_two_incidents_with_their_own_participants() -> None:
    texts = _reports("Hasim Rahman", "seventh", "Mannheim") + _reports("Tony Thompson", "sixth", "Bern")
    assert _split(texts) == [list(range(6)), list(range(6, 12))]


@pytest.mark.parametrize("size", [4, 6])
def test_split_keeps_one_incident_whole(size: int) -> None:
    texts = _reports("Hasim Rahman", "seventh", "Mannheim")[:size]
    assert _split(texts) == [list(range(size))]


def test_split_too_few_reports_on_a_side_is_no_evidence() -> None:
    texts = (
        _reports("Hasim Rahman", "seventh", "Mannheim")[:2] + _reports("Tony Thompson", "sixth", "Bern")[:2]
    )
    assert _split(texts) == [[0, 1, 2, 3]]
