"""The events stage on the seed article: the seven expected events, and no hypothetical one asserted."""

from __future__ import annotations

from typing import Any

import pytest

from sitrep.context import Context
from sitrep.records import Article, Event
from sitrep.stages import events

FACTUAL = ("asserted", "reported")


def _factual(article: Article, type_: str) -> list[Event]:
    return [e for e in article.events if e.plover_type == type_ and e.modality in FACTUAL]


def _words(event: Event) -> str:
    return " ".join(ev.text for ev in event.evidence)


def test_events_seed_green_zone_attack_is_one_event_with_every_field(seed_article: Any) -> None:
    (attack,) = [e for e in _factual(seed_article, "ASSAULT") if e.quantity == 7]
    assert attack.plover_mode in ("heavy-weapons", "explosives", "aerial")
    assert (attack.killed, attack.injured, attack.weapon) == (1, 5, "BM-21 rockets")
    assert attack.date == "2020-11-17" and attack.date_flag == "text"
    assert attack.cameo and attack.cameo.startswith("19")
    assert "barrage" in _words(attack) or "targeted" in _words(attack)  # both volleys, one event
    assert "volley" in _words(attack) and "attack" in _words(attack)
    assert 0 < attack.confidence <= 1 and attack.rule


@pytest.mark.parametrize(
    ("type_", "source", "target"),
    [
        ("CONSULT", "Qaani", "Nasrallah"),
        ("CONSULT", "Qaani", "Kadhimi"),
        ("REQUEST", "Khamenei", None),
        ("REQUEST", "Iran", "factions"),
    ],
)
def test_events_seed_expected_events(seed_article: Any, type_: str, source: str, target: str | None) -> None:
    found = [
        e for e in _factual(seed_article, type_)
        if e.source and source in (e.source.name + e.source.span.text)
        and (target is None or (e.target and target in e.target.name + e.target.span.text))
    ]  # fmt: skip
    assert found, [(e.plover_type, e.source, e.target) for e in seed_article.events]


def test_events_seed_ceasefire_declared_on_11_october(seed_article: Any) -> None:
    assert any(
        e.plover_mode == "ceasefire" and e.date == "2020-10-11" for e in _factual(seed_article, "RETREAT")
    )


@pytest.mark.parametrize(
    "words", ["lash out", "war breaks out", "open war", "move beyond Iraq", "wage a war"]
)
def test_events_seed_never_asserts_a_hypothetical_attack(seed_article: Any, words: str) -> None:
    start = seed_article.text.find(words)
    assert start >= 0
    sentence = (seed_article.text.rfind(".", 0, start), seed_article.text.find(".", start))
    for e in _factual(seed_article, "ASSAULT"):
        assert not sentence[0] < e.trigger.start < sentence[1], e


def test_events_stage_without_a_parse_finds_nothing(ctx: Context) -> None:
    article = Article(id="x", text="Rebels attacked the town.", source_ref="t")
    assert events.run(article, None, ctx) == ()
