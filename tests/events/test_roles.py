"""Who speaks is not who acts: accusers, critics and witnesses of a deed are not its doers."""

from __future__ import annotations

import pytest


def _only(found, type_):  # type: ignore[no-untyped-def]
    (event,) = [e for e in found if e.plover_type == type_]
    return event


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        ("The ministry attributed the shelling to the militia.", "the militia"),
        ("The governor blamed the shelling on the militia.", "the militia"),
        ("The governor accused the militia of shelling the market.", "the militia"),
        ("The militia was accused of shelling the market.", "The militia"),
        ("Police detained two soldiers for shelling the market.", "two soldiers"),
    ],
)
def test_roles_the_accused_does_the_deed_the_accuser_reports(code, text: str, doer: str) -> None:  # type: ignore[no-untyped-def]
    deed = _only(code(text), "ASSAULT")
    assert deed.source is not None and deed.source.span.text == doer
    assert (deed.modality, deed.salience) == ("reported", "background")


@pytest.mark.parametrize(
    "text",
    [
        "The ministry condemned the shelling of the market.",
        "The ministry described the shelling as a breach of the truce.",
        "The ministry called the shelling an act of aggression.",
        "The envoy welcomed the release of the hostages.",
    ],
)
def test_roles_a_judge_of_a_deed_is_not_its_doer(code, text: str) -> None:  # type: ignore[no-untyped-def]
    found = code(text)
    speaker = text.split(" ", 2)[:2]
    assert not [e for e in found if e.salience == "background" and e.source is not None
                and e.source.span.text.endswith(speaker[1])], found  # fmt: skip
    assert any(e.salience == "main" and e.source is not None for e in found)


@pytest.mark.parametrize(
    "text",
    [
        "The ministry described the shelling as a breach of the truce.",
        "The ministry called the raid a violation.",
    ],
)
def test_roles_naming_a_deed_a_wrong_is_criticism(asserted, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [e.plover_type for e in asserted(text)] == ["ACCUSE"]


def test_roles_a_light_verb_keeps_the_doer(asserted) -> None:  # type: ignore[no-untyped-def]
    assert _only(asserted("The militia launched an attack on the town."), "ASSAULT").source is not None
