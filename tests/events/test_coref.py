"""Within-article coreference: one happening, one event, several evidence spans."""

from __future__ import annotations


def test_coref_anaphoric_attack_joins_the_volley(asserted) -> None:  # type: ignore[no-untyped-def]
    text = (
        "On Tuesday a volley of at least seven rockets hit the Green Zone. "
        "The attack killed a child and wounded a further five civilians."
    )
    (event,) = [e for e in asserted(text) if e.plover_type == "ASSAULT"]
    assert (event.quantity, event.killed, event.injured) == (7, 1, 5)
    assert len([ev for ev in event.evidence if ev.role == "trigger"]) >= 2


def test_coref_keeps_meetings_with_different_people_apart(asserted) -> None:  # type: ignore[no-untyped-def]
    text = "The envoy met the king on Monday. The envoy met the opposition leader on Tuesday."
    assert len([e for e in asserted(text) if e.plover_type == "CONSULT"]) == 2


def test_coref_another_meeting_keeps_the_source(asserted) -> None:  # type: ignore[no-untyped-def]
    text = "The envoy met the king on Monday. Another meeting was held with the prime minister."
    meetings = [e for e in asserted(text) if e.plover_type == "CONSULT"]
    assert len(meetings) == 2 and meetings[1].source is not None
    assert meetings[1].source.name == "The envoy"
