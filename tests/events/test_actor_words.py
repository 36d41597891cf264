"""Only actors stand as actors: no times, numbers, datelines or empty pronouns; a doer is a party."""

from __future__ import annotations

import pytest

from sitrep.events import arguments
from sitrep.events.lexicon import load
from sitrep.records import Actor, ActorMention, EventActor, Quote, Span
from sitrep.stages import language

LEX = load()


@pytest.mark.parametrize(
    ("text", "word", "doer", "stands"),
    [
        ("Monday brought more shelling.", "Monday", True, False),
        ("Thousands marched through the city.", "Thousands", True, False),
        ("Thousands of students marched through the city.", "Thousands", True, True),
        ("The fact angered the villagers.", "fact", True, False),
        ("The fact angered the villagers.", "villagers", False, True),
        ("The committee condemned the raid.", "committee", True, True),
        ("The rebels shelled the town.", "rebels", True, True),
        ("BAGHDAD — Rockets hit the city.", "BAGHDAD", False, False),
    ],
)
def test_actor_words_stand_for_a_party(ctx, text: str, word: str, doer: bool, stands: bool) -> None:  # type: ignore[no-untyped-def]
    doc = language.nlp(ctx)(text)
    tok = next(t for t in doc if t.text == word)
    actor = EventActor(Span(tok.idx, tok.idx + len(tok), word), None, word, None, None)
    assert arguments.stands_for_party(tok, actor, LEX, text, doer) is stands


def test_actor_words_a_pronoun_with_no_antecedent_is_nobody(code) -> None:  # type: ignore[no-untyped-def]
    (event,) = [e for e in code("They shelled the market at dawn.") if e.plover_type == "ASSAULT"]
    assert event.source is None


def test_actor_words_it_is_not_a_person(code) -> None:  # type: ignore[no-untyped-def]
    text = "Ali Hassan spoke to the council. It condemned the shelling."
    ali = Actor("ali-hassan", "Ali Hassan", "person", "IRQ", None)
    council = Actor("council", "the council", "organisation", "IRQ", "GOV")
    mentions = (ActorMention(0, 10, "Ali Hassan", ali), ActorMention(21, 32, "the council", council))
    (event,) = [e for e in code(text, mentions=mentions) if e.plover_type == "ACCUSE"]
    assert event.source is not None and event.source.actor_id == "council"


def test_actor_words_we_in_a_quote_is_its_speaker(code) -> None:  # type: ignore[no-untyped-def]
    text = '"We shelled their positions," the general said.'
    general = Actor("gen-x", "the general", "person", "SYR", "MIL")
    quote = Quote(
        id="q1", start=1, end=29, text=text[1:29], kind="direct", speaker=Span(31, 42, "the general"),
        speaker_actor_id="gen-x", anonymous=False, cue=Span(43, 47, "said"), via_outlet=None,
    )  # fmt: skip
    mentions = (ActorMention(31, 42, "the general", general),)
    (event,) = [e for e in code(text, quotes=(quote,), mentions=mentions) if e.plover_type == "ASSAULT"]
    assert event.source is not None and event.source.actor_id == "gen-x"


def _mentioned(text: str, *named: tuple[str, Actor]) -> tuple[ActorMention, ...]:
    return tuple(ActorMention(text.index(w), text.index(w) + len(w), w, a) for w, a in named)


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        # a transcript's speaker label is no antecedent of "he"
        ("((Ann Lee))\nOmar Nasser was my coach. He shelled the market at dawn.", "omar-nasser"),
        ("((Ann Lee))\nHe shelled the market at dawn.", None),
        # a subject pronoun continues the subject, not the nearest name
        ("Omar Nasser praised Ann Lee on the radio. He also shelled the market at dawn.", "omar-nasser"),
    ],
)
def test_actor_words_he_stands_for(code, text: str, doer: str | None) -> None:  # type: ignore[no-untyped-def]
    ann = Actor("ann-lee", "Ann Lee", "person", "USA", None)
    omar = Actor("omar-nasser", "Omar Nasser", "person", "SYR", None)
    named = [(w, a) for w, a in (("Ann Lee", ann), ("Omar Nasser", omar)) if w in text]
    (event,) = [e for e in code(text, mentions=_mentioned(text, *named)) if e.plover_type == "ASSAULT"]
    assert (event.source.actor_id if event.source is not None else None) == doer


def test_actor_words_a_relative_pronoun_stands_for_its_antecedent(code) -> None:  # type: ignore[no-untyped-def]
    text = "The union thanked Acme, which is being sued in Germany for hosting the site."
    acme = Actor("acme", "Acme", "organisation", "DEU", "BUS")
    (event,) = [e for e in code(text, mentions=_mentioned(text, ("Acme", acme))) if e.plover_type == "ACCUSE"]
    assert event.target is not None and event.target.actor_id == "acme"


def test_actor_words_which_for_a_clause_names_no_party(code) -> None:  # type: ignore[no-untyped-def]
    text = "Reports said the mayor sought help in the election, which the mayor denied."
    mayor = Actor("mayor", "the mayor", "person", "USA", "GOV")
    at = text.rindex("the mayor")
    (event,) = [
        e
        for e in code(text, mentions=(ActorMention(at, at + 9, "the mayor", mayor),))
        if e.plover_type == "REJECT"
    ]
    assert event.target is None


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        ("Senator Ann Lee and Senator Bo Chen announced their support for the bill.", "ann-lee"),
        ("Senator Ann Lee announced their support for the bill.", None),
    ],
)
def test_actor_words_a_possessive_agrees_with_the_subject(code, text: str, owner: str | None) -> None:  # type: ignore[no-untyped-def]
    ann = Actor("ann-lee", "Ann Lee", "person", "USA", None)
    bo = Actor("bo-chen", "Bo Chen", "person", "USA", None)
    mentions = _mentioned(text, ("Ann Lee", ann), *((("Bo Chen", bo),) if "Bo Chen" in text else ()))
    found = [e for e in code(text, mentions=mentions) if e.plover_type == "SUPPORT"]
    # "their" is no single senator's: with no group named there is no one to support the bill
    assert [e.source.actor_id if e.source is not None else None for e in found] == ([owner] if owner else [])


def test_actor_words_her_government_is_the_government_of_her_country(code) -> None:  # type: ignore[no-untyped-def]
    text = "Ann Lee, the mayor of Oslo, announced that her government will withdraw the bill."
    ann = Actor("ann-lee", "Ann Lee", "person", "NOR", "GOV")
    other = Actor("SWE GOV", "SWE GOV", "generic", "SWE", "GOV")  # a generic read with a wrong country
    found = code(text, mentions=_mentioned(text, ("Ann Lee", ann), ("her government", other)))
    (event,) = [e for e in found if e.plover_type == "CONCEDE"]
    assert event.source is not None and (event.source.country, event.source.name) == ("NOR", "NOR GOV")
