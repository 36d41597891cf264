"""Source and target: actors-stage mentions first, the words' country otherwise."""

from __future__ import annotations

from sitrep.records import Actor, ActorMention


def _mention(text: str, words: str, actor: Actor) -> ActorMention:
    start = text.index(words)
    return ActorMention(start, start + len(words), words, actor)


def test_arguments_use_actor_mentions(asserted) -> None:  # type: ignore[no-untyped-def]
    text = "Qaani met Hezbollah leader Hassan Nasrallah in Beirut."
    qaani = Actor("ismail-qaani", "Ismail Qaani", "person", "IRN", "MIL")
    nasrallah = Actor("hassan-nasrallah", "Hassan Nasrallah", "person", "LBN", "REB")
    mentions = (_mention(text, "Qaani", qaani), _mention(text, "Hassan Nasrallah", nasrallah))
    (event,) = asserted(text, mentions=mentions)
    assert event.source is not None and event.target is not None
    assert (event.source.actor_id, event.source.code) == ("ismail-qaani", "IRNMIL")
    assert (event.target.actor_id, event.target.country) == ("hassan-nasrallah", "LBN")


def test_arguments_fall_back_to_the_country_in_the_words(asserted) -> None:  # type: ignore[no-untyped-def]
    (event,) = asserted("Senior Hungarian officials met Romanian diplomats in Budapest.")
    assert event.source is not None and event.source.country == "HUN"
    assert event.target is not None and event.target.country == "ROU"


def test_arguments_passive_agent_is_the_source(asserted) -> None:  # type: ignore[no-untyped-def]
    (event,) = [
        e for e in asserted("The convoy was attacked by Syrian rebels.") if e.plover_type == "ASSAULT"
    ]
    assert event.source is not None and event.source.country == "SYR"
    assert event.target is not None and event.target.span.text == "The convoy"
