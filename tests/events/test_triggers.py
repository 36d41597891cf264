"""Trigger words to PLOVER types and modes, from the lexicon data."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "type_", "mode"),
    [
        ("Rebels attacked an army convoy near the border on Monday.", "ASSAULT", None),
        ("Police arrested twelve opposition activists in the capital.", "COERCE", "arrest"),
        ("Thousands of students demonstrated outside parliament.", "PROTEST", "demo"),
        ("The foreign minister met his Chinese counterpart in Beijing.", "CONSULT", None),
        ("The government imposed a curfew on the northern province.", "COERCE", "curfew"),
        ("The two sides declared a ceasefire.", "RETREAT", "ceasefire"),
        ("The minister resigned after the scandal.", "RETREAT", "resign"),
        ("The rebels released three foreign hostages.", "RETREAT", "release"),
        ("The European Union imposed sanctions on the regime.", "SANCTION", "discontinue"),
        ("The opposition condemned the election result.", "ACCUSE", "disapprove"),
        ("Workers went on strike at the port.", "PROTEST", "strike"),
        ("Prisoners began a hunger strike.", "PROTEST", "hunger"),
        ("The army deployed troops along the frontier.", "MOBILIZE", "troops"),
        ("Japan sent food aid to the flood victims.", "AID", None),
        ("Separatist fighters blocked the main highway into the port city.", "PROTEST", "obstruct"),
        ("The militia used villagers as human shields during the siege.", "COERCE", None),
        ("Riot police dispersed the protesters with water cannon.", "ASSAULT", "crowd-control"),
        (
            "The army forced the charity out of the region.",
            "SANCTION",
            "expel",
        ),  # an NGO, particle apart
    ],
)
def test_trigger_types_and_modes(asserted, text: str, type_: str, mode: str | None) -> None:  # type: ignore[no-untyped-def]
    found = asserted(text)
    assert any(e.plover_type == type_ and e.plover_mode == mode for e in found), found


@pytest.mark.parametrize(
    ("text", "type_", "mode", "inner"),
    [
        ("The rebels threatened to attack the capital.", "THREATEN", "violence", "ASSAULT"),
        ("The president called for a ceasefire.", "REQUEST", "yield", "RETREAT"),
        ("The government refused to release the prisoners.", "REJECT", "yield", "RETREAT"),
        ("The two countries agreed to hold talks next month.", "AGREE", None, "CONSULT"),
    ],
)
def test_frames_code_the_frame_and_keep_the_complement_unasserted(code, text, type_, mode, inner) -> None:  # type: ignore[no-untyped-def]
    found = code(text)
    frame = [e for e in found if e.plover_type == type_]
    assert frame and frame[0].modality in ("asserted", "reported") and frame[0].plover_mode == mode
    assert all(e.modality not in ("asserted", "reported") for e in found if e.plover_type == inner)


@pytest.mark.parametrize(
    "text",
    [
        "The talks were held in March.",  # a month is not a march
        "Diplomats met in the war-torn capital.",  # war as a modifier is no attack
    ],
)
def test_triggers_ignore_names_and_modifiers(asserted, text: str) -> None:  # type: ignore[no-untyped-def]
    assert {e.plover_type for e in asserted(text)} <= {"CONSULT"}


def test_protest_demands_are_not_a_separate_request(asserted) -> None:  # type: ignore[no-untyped-def]
    found = asserted("Thousands of students rioted in the capital demanding the resignation of the minister.")
    assert [e.plover_type for e in found] == ["PROTEST"]


def test_cameo_codes_are_set(asserted) -> None:  # type: ignore[no-untyped-def]
    (event,) = asserted("Rebels shelled the town overnight.")
    assert event.cameo == "194" and event.plover_mode == "heavy-weapons"


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("Authorities lifted the curfew in the city.", "CONCEDE"),  # the manual's CONCEDE: removing curfews
        ("The council lifted the embargo on the island.", "RETREAT"),  # CAMEO2PLOVER 085
        ("The navy lifted its blockade of the port.", "RETREAT"),  # CAMEO2PLOVER 0872
        ("The two parties agreed to postpone the vote.", "AGREE"),  # an agreement, not a refusal
        ("Police raided the camp, arresting a dozen activists.", "COERCE"),  # a second act of its own
        ("Workers marched to the parliament to protest the cuts.", "PROTEST"),
    ],
)
def test_trigger_coverage_types(asserted, text: str, type_: str) -> None:  # type: ignore[no-untyped-def]
    found = {e.plover_type for e in asserted(text)}
    assert type_ in found and (type_ != "AGREE" or "REJECT" not in found), found


@pytest.mark.parametrize(
    "text", ["A fire destroyed at least 200 homes in the slum.", "A stampede injured dozens of pilgrims."]
)
def test_triggers_accidents_are_no_assault(asserted, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not [e for e in asserted(text) if e.plover_type == "ASSAULT"]


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("The president talked with rebel leaders in Geneva.", "CONSULT"),
        ("She talked about her work with children.", None),
        ("The study discusses harm aversion.", None),
        ("The government accepted the proposal.", "AGREE"),
        ("She accepted the award.", None),
        ("France backed the rebels.", "SUPPORT"),
        ("The data support the hypothesis.", None),
    ],
)
def test_triggers_verbs_of_everyday_use_need_a_party(asserted, text: str, type_: str | None) -> None:  # type: ignore[no-untyped-def]
    assert [e.plover_type for e in asserted(text)] == ([type_] if type_ else [])
