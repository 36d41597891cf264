"""Word senses: a trigger word names an event only in the sense the CAMEO dictionary and the PLOVER
manual code ("sought talks", not "sought re-election"; "hosted the summit", not "a TV host")."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest

from sitrep.context import Context
from sitrep.events import build, nesting
from sitrep.events.lexicon import lexicon
from sitrep.stages import language


@pytest.fixture(scope="module")
def types(ctx: Context) -> Callable[[str], set[str]]:
    """The types of the triggers found in a sentence, before actors decide what is coded."""

    def run(text: str) -> set[str]:
        return {c.type for c in nesting.find(language.nlp(ctx)(text), lexicon(ctx))}

    return run


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        ("The party is petitioning in three states.", "REQUEST", None),
        ("The union petitioned the court for a review.", None, "REQUEST"),
        ("She fought for equal pay all her life.", "ASSAULT", None),
        ("The mayor vowed to fight corruption.", "ASSAULT", None),
        ("Rebels fought government troops near the town.", None, "ASSAULT"),
        ("The state government is partially shut down.", "COERCE", None),
        ("Police shut down the opposition newspaper.", None, "COERCE"),
        ("The network called the state for the senator.", "REQUEST", None),
        ("The president called for talks.", None, "REQUEST"),
        ("He sought the party's nomination in 2010.", "REQUEST", None),
        ("Kenya sought the extradition of the suspect.", None, "REQUEST"),
        ("He used to be a TV host as a child.", "CONSULT", None),
        ("The company hosts the files on its servers.", "CONSULT", None),
        ("Qatar hosted the summit.", None, "CONSULT"),
        ("The minister signed a decree on taxes.", "SUPPORT", None),
        ("The two countries signed a trade agreement.", None, "SUPPORT"),
        ("The senator withdrew from the race.", "RETREAT", None),
        ("Jane Smith withdrew in March.", "RETREAT", None),
        ("The army withdrew its troops from the border.", None, "RETREAT"),
        ("The board severed the bond with its founder.", "SANCTION", None),
        ("Qatar severed diplomatic relations with Egypt.", None, "SANCTION"),
        ("In order to win, the team trained hard.", "REQUEST", None),
        ("In order for the plan to work, funds are needed.", "REQUEST", None),
        ("They made a big deal of the defeat.", "AGREE", None),
        ("The minister held a press conference in the capital.", "CONSULT", None),
        ("The judge agreed the documents may have been secret.", "AGREE", None),
        ("The two sides agreed to a truce.", None, "AGREE"),
        ("The fans wanted a better story.", "AGREE", None),
    ],
)
def test_trigger_sense(types, text: str, absent: str | None, present: str | None) -> None:  # type: ignore[no-untyped-def]
    found = types(text)
    assert absent not in found and (present is None or present in found), found


def test_attacking_a_proposal_is_criticism(types) -> None:  # type: ignore[no-untyped-def]
    found = types("The senator attacked the proposal as reckless.")
    assert "ACCUSE" in found and "ASSAULT" not in found


def test_a_phone_call_is_a_consultation(types) -> None:  # type: ignore[no-untyped-def]
    found = types("In a phone call, the president spoke with the prime minister.")
    assert found == {"CONSULT"}


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("Chilean lawmakers expressed dissatisfaction with the envoy.", "ACCUSE"),  # CAMEO EXPRESS 111
        ("The company blocked access to the opposition website.", "COERCE"),  # CAMEO EXCLUDE, censor
        ("The assembly voted to impeach the governor.", "ACCUSE"),  # a formal charge, as an indictment
    ],
)
def test_triggers_from_the_cameo_dictionary(types, text: str, type_: str) -> None:  # type: ignore[no-untyped-def]
    assert type_ in types(text)


def test_a_fronted_adjunct_is_no_complement_of_a_frame(ctx: Context) -> None:
    """ "In a phone call, Chile urged Peru to act": the call is where the urging happened, not what was
    urged."""
    cands = nesting.find(language.nlp(ctx)("In a phone call, Chile urged Peru to act."), lexicon(ctx))
    (call,) = [c for c in cands if c.type == "CONSULT"]
    assert call.frame_of is None


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        ("Chile asked Peru for help in the crisis.", None, "REQUEST"),  # CAMEO ASK: "* HELP"
        ("The reporter asked a question.", "REQUEST", None),
        ("The senator railed against the ruling.", None, "ACCUSE"),
        ("The senator was critical of the ruling.", None, "ACCUSE"),
        ("The senator was in critical condition.", "ACCUSE", None),
        ("The minister berated the envoy.", None, "ACCUSE"),  # CAMEO DENOUNCE
        ("Chile expressed a desire to work with Peru.", None, "AGREE"),  # CAMEO EXPRESS WILLINGNESS
        ("Jane Smith withdrew in May.", "RETREAT", None),  # a candidate, not a force
        ("The rebels withdrew overnight.", None, "RETREAT"),
        ("Chile recognised the new government of Peru.", None, "SUPPORT"),
        ("She recognised the confusion among voters.", "SUPPORT", None),
        ("It was nice talking to you.", "CONSULT", None),  # a conversation, not a consultation
        ("The envoy talked with the rebels.", None, "CONSULT"),
        ("My family supported me.", "SUPPORT", None),
    ],
)
def test_trigger_sense_more(types, text: str, absent: str | None, present: str | None) -> None:  # type: ignore[no-untyped-def]
    found = types(text)
    assert absent not in found and (present is None or present in found), found


def test_a_cameo_single_verb_needs_a_known_doer(code) -> None:  # type: ignore[no-untyped-def]
    """The lowest prior (a CAMEO verb coded on its own) stands only with a known party as its doer: with
    none, it is not coded even when its type is material."""
    (event,) = [e for e in code("Rebels shelled the town overnight.") if e.plover_type == "ASSAULT"]
    unnamed = dataclasses.replace(event, source=None)
    assert build.codable(unnamed)
    assert not build.codable(dataclasses.replace(unnamed, rule="cameo-verb:help:070"))


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        ("The storm hit the coast on Monday.", "ASSAULT", None),  # weather
        ("Soldiers stormed the parliament building.", None, "ASSAULT"),
        ("The drug has a molecular mass of 300.", "MOBILIZE", None),
        ("The army massed troops on the border.", None, "MOBILIZE"),
        ("She lost a long battle with cancer.", "ASSAULT", None),
        ("The battle between rebels and the army went on for days.", None, "ASSAULT"),
        ("A tourist captured the moment on video.", "ASSAULT", None),
        ("Rebels captured the town.", None, "ASSAULT"),
        ("The bank cut interest on student loans.", "AID", None),
        ("The minister offered her condolences to the families.", "AGREE", None),
        ("Chile offered troops to the mission.", None, "AGREE"),
        ("Chile offered to mediate between the parties.", None, "AGREE"),
        ("Police arrived at the scene within minutes.", "CONSULT", None),
        ("The Chilean envoy arrived in Lima for talks.", None, "CONSULT"),
    ],
)
def test_trigger_sense_of_common_words(types, text: str, absent: str | None, present: str | None) -> None:  # type: ignore[no-untyped-def]
    found = types(text)
    assert absent not in found and (present is None or present in found), found


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        ("The plan has wide support among voters.", "SUPPORT", None),  # support held, not given
        ("Chile announced its support for Peru.", None, "SUPPORT"),
        ("The ministry said so in a press release.", "RETREAT", None),
        ("The band's new release sold well.", "RETREAT", None),
        ("Talks led to the release of the hostages.", None, "RETREAT"),
        ("The senator spoke at a campaign rally in Ohio.", "PROTEST", None),  # no protest (PLOVER)
        ("Thousands joined a rally against the reform.", None, "PROTEST"),
        ("The city deployed new cameras downtown.", "MOBILIZE", None),
        ("The army deployed troops to the border.", None, "MOBILIZE"),
        ("The senator gained national recognition during his run.", "SUPPORT", None),  # fame
        ("Spain announced its recognition of the new government.", None, "SUPPORT"),
        ("Cameras captured their arrival at the building.", "ASSAULT", None),
        ("Rebels captured the town and two soldiers.", None, "ASSAULT"),
        ("The singer cancelled her concert in Lima.", "REJECT", None),
        ("Chile cancelled the summit with Peru.", None, "REJECT"),
    ],
)
def test_trigger_sense_by_dependents(types, text: str, absent: str | None, present: str | None) -> None:  # type: ignore[no-untyped-def]
    found = types(text)
    assert absent not in found and (present is None or present in found), found


@pytest.mark.parametrize(
    ("text", "type_", "mode"),
    [
        ("The federation banned the two players from the national team.", "SANCTION", "expel"),  # PLOVER
        ("The party suspended the senator from its caucus.", "SANCTION", "expel"),
        ("The government banned the sale of guns.", "COERCE", "restrict"),  # a ban on its own
        ("A federal judge ruled that the law violated the constitution.", "SANCTION", "convict"),
        ("The court found the minister guilty of fraud.", "SANCTION", "convict"),
    ],
)
def test_expulsions_and_court_findings_are_sanctions(ctx: Context, text: str, type_: str, mode: str) -> None:
    cands = nesting.find(language.nlp(ctx)(text), lexicon(ctx))
    assert any(c.type == type_ and c.mode == mode for c in cands), [(c.type, c.mode) for c in cands]


@pytest.mark.parametrize(
    "text",
    [
        "The coach found the players tired after the game.",  # no court
        "The committee ruled that the meeting would start at noon.",  # a court's finding of nothing wrong
    ],
)
def test_a_finding_is_a_conviction_only_by_a_court_of_a_wrong(types, text: str) -> None:  # type: ignore[no-untyped-def]
    assert "SANCTION" not in types(text)


@pytest.mark.parametrize(
    ("text", "consult"),
    [
        ("With reporters, the minister discussed the plan.", False),  # an interview, not a consultation
        ("The minister talked to journalists on Monday.", False),
        ("The minister talked with the rebel envoy.", True),
    ],
)
def test_talking_to_the_press_is_no_consultation(types, text: str, consult: bool) -> None:  # type: ignore[no-untyped-def]
    assert ("CONSULT" in types(text)) is consult


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        ("The minister pleaded guilty to fraud.", "REQUEST", "CONCEDE"),  # a plea in court admits
        ("The minister pleaded not guilty.", "CONCEDE", None),  # a denial: no PLOVER event
        ("Chile pleaded with Peru to release the sailors.", None, "REQUEST"),
        ("The gang committed murder in the town.", "AGREE", None),  # a crime committed is no commitment
        ("Chile committed to holding talks with Peru.", None, "AGREE"),
        ("The senator proposed a bill on taxes.", "AGREE", None),  # no offer to a party
        ("Chile proposed a truce to Peru.", None, "AGREE"),
        ("Forecasters issued a weather alert for the coast.", "MOBILIZE", None),
        ("Troops were put on high alert along the border.", None, "MOBILIZE"),
    ],
)
def test_trigger_sense_of_legal_and_intent_words(
    types, text: str, absent: str | None, present: str | None
) -> None:  # type: ignore[no-untyped-def]
    found = types(text)
    assert absent not in found and (present is None or present in found), found


@pytest.mark.parametrize(
    "text",
    [
        "A ranger was killed by a lion on Tuesday.",  # an animal
        "The collision, which killed two workers, happened at dawn.",  # an accident, through "which"
        "The coronavirus has infected and killed many people.",  # an illness
    ],
)
def test_deaths_by_accident_animal_or_illness_are_no_assault(types, text: str) -> None:  # type: ignore[no-untyped-def]
    """Accidents, disasters, illnesses and animals are no PLOVER actors: what they kill is no ASSAULT."""
    assert "ASSAULT" not in types(text)


def test_a_reporters_question_is_no_request(types) -> None:  # type: ignore[no-untyped-def]
    assert "REQUEST" not in types("A reporter asked the minister to explain the delay.")
    assert "REQUEST" in types("The minister asked the rebels to explain the delay.")


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        ("Police defused a bomb in the city centre.", "ASSAULT", None),  # a device found, no attack
        ("Rebels detonated a bomb near the embassy.", None, "ASSAULT"),
        ("The doctor warned people about the virus.", "THREATEN", None),  # information, not a threat
        ("Chile warned Peru that it would respond.", None, "THREATEN"),
    ],
)
def test_devices_and_warnings(types, text: str, absent: str | None, present: str | None) -> None:  # type: ignore[no-untyped-def]
    found = types(text)
    assert absent not in found and (present is None or present in found), found


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("The unions vowed to protest against the reform.", "THREATEN"),  # CAMEO 133
        ("The minister vowed to criticise the envoy.", None),  # an intent to criticise: no event
        ("Chile agreed to help with the inquiry.", "AGREE"),  # the help, not the inquiry, is intended
    ],
)
def test_an_intent_takes_its_type_from_what_is_intended(ctx: Context, text: str, type_: str | None) -> None:
    cands = nesting.find(language.nlp(ctx)(text), lexicon(ctx))
    frames = {c.type for c in cands if c.entry.frame == "intent"}
    assert frames == ({type_} if type_ else set()), frames


def test_a_plan_met_with_criticism_is_no_meeting(types) -> None:  # type: ignore[no-untyped-def]
    assert "CONSULT" not in types("The plan was met with criticism from the opposition.")
    assert "CONSULT" in types("The minister met with the rebel envoy.")
