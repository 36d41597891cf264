"""Counts (lower bounds) and weapons."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import given
from hypothesis import strategies as st
from spacy.tokens import Doc

from sitrep.events.counts import number
from sitrep.events.lexicon import load

VOCAB = spacy.blank("en").vocab
LEX = load()


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("The attack killed a child and wounded a further five civilians.", "killed", 1),
        ("The attack killed a child and wounded a further five civilians.", "injured", 5),
        ("Gunmen killed at least 12 people in the market.", "killed", 12),
        ("Police arrested dozens of protesters.", "arrested", 24),
        ("At least seven BM-21 rockets hit the Green Zone.", "quantity", 7),
        ("Twenty-five soldiers were killed in the ambush.", "killed", 25),
    ],
)
def test_counts_lower_bounds(asserted, text: str, field: str, value: int) -> None:  # type: ignore[no-untyped-def]
    assert any(getattr(e, field) == value for e in asserted(text)), asserted(text)


def test_counts_weapon_keeps_its_model_and_sets_the_mode(asserted) -> None:  # type: ignore[no-untyped-def]
    (event,) = asserted("On Tuesday a volley of at least seven BM-21 rockets hit the Green Zone.")
    assert (event.weapon, event.plover_mode) == ("BM-21 rockets", "heavy-weapons")
    assert {"weapon", "quantity", "trigger", "target"} <= {ev.role for ev in event.evidence}


@given(st.integers(min_value=0, max_value=10**9))
def test_counts_number_reads_any_figure(value: int) -> None:
    word = Doc(VOCAB, words=[f"{value:,}"])[0]
    assert number(word, LEX) == value


@given(
    st.sampled_from(["twenty", "thirty", "forty", "fifty", "ninety"]), st.integers(min_value=1, max_value=9)
)
def test_counts_number_reads_hyphenated_words(tens: str, unit: int) -> None:
    units = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
    word = Doc(VOCAB, words=[f"{tens}-{units[unit - 1]}"])[0]
    assert number(word, LEX) == LEX.numbers[tens] + unit
