"""Counts (lower bounds) and weapons."""

from __future__ import annotations

import pytest


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
