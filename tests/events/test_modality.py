"""Modality: what the text claims happened, and what it only imagines, fears, plans or denies."""

from __future__ import annotations

import pytest

from sitrep.records import Quote, Span


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Rebels attacked the town.", "asserted"),
        ("Trump could lash out at Iran before he loses his power.", "hypothetical"),
        ("If war breaks out, rebels will attack the capital.", "conditional"),
        ("The army did not attack the village.", "negated"),
        ("The rebels will attack the capital next week.", "future"),
        ("The rebels plan to attack the capital.", "future"),
        ("Militias have for months rained rockets down on US targets.", "habitual"),
        ("Rebels attacked the town, police said.", "reported"),
        ("Tehran fears Trump would attack Iran.", "hypothetical"),
    ],
)
def test_modality_of_an_attack(code, text: str, modality: str) -> None:  # type: ignore[no-untyped-def]
    attacks = [e for e in code(text) if e.plover_type == "ASSAULT"]
    assert attacks and attacks[0].modality == modality, attacks


def test_modality_inside_a_quote_is_reported_with_its_id(code) -> None:  # type: ignore[no-untyped-def]
    text = '"Gunmen attacked our village at dawn," a farmer told reporters.'
    quote = Quote(
        id="q1", start=0, end=37, text=text[:37], kind="direct", speaker=Span(39, 47, "a farmer"),
        speaker_actor_id=None, anonymous=True, cue=Span(48, 52, "told"), via_outlet=None,
    )  # fmt: skip
    (event,) = [e for e in code(text, quotes=(quote,)) if e.plover_type == "ASSAULT"]
    assert (event.modality, event.quote_id) == ("reported", "q1")


def test_modality_hypothetical_attack_is_never_asserted(asserted) -> None:  # type: ignore[no-untyped-def]
    text = "Trump wants to drag the region into an open war and could strike Iran."
    assert not [e for e in asserted(text) if e.plover_type == "ASSAULT"]
