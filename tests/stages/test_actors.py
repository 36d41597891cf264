"""The actors stage on the seed article: the expected.yaml ``actors`` items, 12 of 12."""

from __future__ import annotations

from typing import Any

import pytest

from sitrep.records import ActorMention
from sitrep.stages import actors

SEED_ACTORS = [  # mention -> (country, sector) or the mention it is the same actor as
    ("Ismail Qaani", ("IRN", "MIL")),
    ("Quds force", ("IRN", "MIL")),
    ("Donald Trump", ("USA", "GOV")),
    ("Biden", ("USA", None)),
    ("Ali Khamenei", ("IRN", "GOV")),
    ("Hassan Nasrallah", ("LBN", None)),
    ("Mustafa Al-Kadhimi", ("IRQ", "GOV")),
    ("Hashd al-Shaabi", ("IRQ", None)),
    ("Middle East Eye", (None, "MED")),
]
SAME_AS = [("Qaani", "Ismail Qaani"), ("Kadhimi", "Mustafa Al-Kadhimi"), ("MEE", "Middle East Eye")]


def named(article: Any, words: str) -> list[ActorMention]:
    return [m for m in article.mentions if m.text == words]


@pytest.mark.parametrize(("words", "code"), SEED_ACTORS)
def test_actors_seed_codes(seed_article: Any, words: str, code: tuple[str | None, str | None]) -> None:
    found = named(seed_article, words)
    assert found, words
    country, sector = code
    assert all(country is None or m.actor.country == country for m in found)
    assert all(sector is None or m.actor.sector == sector for m in found)


@pytest.mark.parametrize(("short", "full"), SAME_AS)
def test_actors_seed_short_forms_are_the_same_actor(seed_article: Any, short: str, full: str) -> None:
    first = named(seed_article, full)[0]
    shorts = named(seed_article, short)
    assert shorts and all(m.actor.id == first.actor.id for m in shorts)
    assert all(m.corefers_with == first.start for m in shorts if m.start > first.start)


def test_actors_spacy_labels_lose_to_the_data(seed_article: Any) -> None:
    kinds = {m.text: m.actor.kind for m in seed_article.mentions}
    assert (kinds["Trump"], kinds["Qaani"], kinds["MEE"]) == ("person", "person", "media")


def test_actors_stage_contract() -> None:
    assert actors.NAME == "actors" and actors.ADDS == "mentions" and "published_at" in actors.NEEDS
