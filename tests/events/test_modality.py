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


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Villagers say the militia attacks the road every week.", "habitual"),  # habitual outranks reported
        ("The militia attacks the road every week.", "habitual"),
        ("The militia regularly attacks the road.", "habitual"),
        ("The militia attacks convoys on that road.", "habitual"),  # a generic present
        ("Did the militia attack the convoy?", "hypothetical"),  # a question asserts nothing
    ],
)
def test_modality_habitual_needs_a_habitual_cue(code, text: str, modality: str) -> None:  # type: ignore[no-untyped-def]
    attacks = [e for e in code(text) if e.plover_type == "ASSAULT"]
    assert attacks and attacks[0].modality == modality, attacks


def test_salience_named_in_passing_is_background_not_habitual(code) -> None:  # type: ignore[no-untyped-def]
    found = code("The ministry met the envoys after the bombing of the embassy.")
    (bombing,) = [e for e in found if e.plover_type == "ASSAULT"]
    (meeting,) = [e for e in found if e.plover_type == "CONSULT"]
    assert (bombing.salience, bombing.modality) == ("background", "asserted")
    assert (meeting.salience, meeting.modality) == ("main", "asserted")


def test_salience_mention_in_passing_joins_the_article_event(code) -> None:  # type: ignore[no-untyped-def]
    text = "Rebels shelled the town on Monday. The government condemned the shelling."
    (shelling,) = [e for e in code(text) if e.plover_type == "ASSAULT"]
    assert shelling.salience == "main"
    assert len([ev for ev in shelling.evidence if ev.role == "trigger"]) == 2


def test_modality_an_event_named_as_missing_is_negated(code) -> None:  # type: ignore[no-untyped-def]
    text = "Villagers deplored the lack of a ceasefire by the army."
    found = [e for e in code(text) if e.plover_type == "RETREAT"]
    assert found and found[0].modality == "negated", found


@pytest.mark.parametrize(
    ("text", "type_", "modality"),
    [
        ("The rebels conceded nothing at the talks.", "CONCEDE", "negated"),
        ("Nobody attacked the convoy.", "ASSAULT", "negated"),
        ("The deal would have allowed the army to attack the town.", "ASSAULT", "hypothetical"),
        ("The army did not allow the rebels to withdraw.", "RETREAT", "negated"),
        ("The army allowed the rebels to withdraw.", "RETREAT", "asserted"),
    ],
)
def test_modality_from_the_arguments_and_the_governing_verb(
    code, text: str, type_: str, modality: str
) -> None:  # type: ignore[no-untyped-def]
    found = [e for e in code(text) if e.plover_type == type_]
    assert found and found[0].modality == modality, found


@pytest.mark.parametrize(
    "text",
    [
        "Had the board ever warned you to leave the club?\n\n((J. Smith))  Well, not in writing.",
        "((Q))  Did the players back your bid?  ((A))  Very few of them.",
    ],
)
def test_modality_a_question_followed_by_a_speaker_tag_asserts_nothing(code, text: str) -> None:  # type: ignore[no-untyped-def]
    """An interview's question may share a parsed sentence with the answer's speaker tag: the end mark
    that closes the trigger's own clause decides."""
    assert not [e for e in code(text) if e.modality in ("asserted", "reported")]


@pytest.mark.parametrize(
    ("text", "types"),
    [
        ("The mayor did not endorse any candidate in the race.", set()),  # nothing happened, no refusal
        ("The committee members do not agree on how the rules work.", set()),
        ("Chile did not accede to the strikers' demands.", {"REJECT"}),  # a refusal to yield
        ("The minister said Chile will not meet the rebel envoys.", {"REJECT"}),  # a stated refusal
    ],
)
def test_modality_only_a_refusal_is_recoded_as_a_rejection(asserted, text: str, types: set[str]) -> None:  # type: ignore[no-untyped-def]
    assert {e.plover_type for e in asserted(text)} == types


@pytest.mark.parametrize(
    ("text", "type_", "modality"),
    [
        ("Chile would like to thank Peru for its help.", "SUPPORT", "asserted"),  # thanks given by saying so
        ("Chile would like to attack Peru.", "ASSAULT", "hypothetical"),  # a wish, not a speech act
        ("At times, Chilean students marched on the ministry.", "PROTEST", "habitual"),
        ("Numerous times, Chilean police have arrested students.", "COERCE", "habitual"),
        ("Over the years, Chilean police arrested many students.", "COERCE", "habitual"),
        ("Chilean police managed to arrest the rebels.", "COERCE", "asserted"),  # an implicative verb
        ("Chilean police chose to arrest the rebels.", "COERCE", "asserted"),
        ("Nobody was hurt in the attack on the Chilean embassy.", "ASSAULT", "asserted"),  # presupposed
        ("Chile could sign the deal at the summit next week.", "CONSULT", "hypothetical"),  # not in the past
    ],
)
def test_modality_speech_acts_repetition_implicatives_presuppositions(
    code, text: str, type_: str, modality: str
) -> None:  # type: ignore[no-untyped-def]
    found = [e for e in code(text) if e.plover_type == type_]
    assert found and found[0].modality == modality, found


def test_modality_a_semicolon_ends_the_clause_chain(code) -> None:  # type: ignore[no-untyped-def]
    """ "X was sanctioned; the motion to end it failed": the parser may hang the first clause on "failed",
    but a semicolon joins two sentences, so the sanction is not what failed."""
    found = code("In 1998, Chile was sanctioned by Peru; the motion to end it also failed.")
    assert [e.modality for e in found if e.plover_type == "SANCTION"] == ["asserted"]
