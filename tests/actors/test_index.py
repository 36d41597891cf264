from __future__ import annotations

import pytest

from sitrep.actors import Index, roles
from sitrep.actors.index import ACTOR


@pytest.mark.parametrize(
    ("spelling", "actor_id"),
    [("qaani", "ismail-qaani"), ("ghaani", "ismail-qaani"), ("kadhemi", "mustafa-al-kadhimi"),
     ("hashd alshaabi", "popular-mobilization-forces"), ("popular mobilization forces", "popular-mobilization-forces"),
     ("pmf", "popular-mobilization-forces"), ("mee", "middle-east-eye"), ("iranian", "IRN"), ("american", "USA")],
)  # fmt: skip
def test_index_knows_transliterations(index: Index, spelling: str, actor_id: str) -> None:
    entry = next(e for e in index.table[spelling] if e.category == ACTOR)
    assert entry.value == actor_id


@pytest.mark.parametrize(
    ("holder", "office", "day", "person"),
    [("USA", "president", "2020-11-19", "donald-trump"), ("USA", "president", "2021-03-01", "joe-biden"),
     ("USA", "president", "2025-06-01", "donald-trump"), ("IRN", "supreme_leader", "2020-11-19", "ali-khamenei"),
     ("IRQ", "prime_minister", "2020-11-19", "mustafa-al-kadhimi"), ("IRN", "leader", "2020-11-19", "ali-khamenei"),
     ("quds-force", "leader", "2019-06-01", "qasem-soleimani"), ("quds-force", "leader", "2020-06-01", "ismail-qaani")],
)  # fmt: skip
def test_holder_by_date(index: Index, holder: str, office: str, day: str, person: str) -> None:
    actor = roles.holder(index, holder, office, day)
    assert actor is not None and actor.id == person


def test_holder_none_outside_any_term(index: Index) -> None:
    assert roles.holder(index, "IRQ", "prime_minister", "2003-06-01") is None


@pytest.mark.parametrize(("day", "code"), [("2020-11-19", "USAGOV"), ("2022-06-01", "USA")])
def test_actor_code_follows_office_dates(index: Index, day: str, code: str) -> None:
    assert roles.on(index.actors["donald-trump"], day).code == code


def test_parents_chain_to_country(index: Index) -> None:
    quds = index.actors["quds-force"]
    assert quds.parent_id == "irgc" and index.actors["irgc"].parent_id == "IRN"


def test_every_role_and_actor_has_a_source(index: Index) -> None:
    for actor in index.actors.values():
        assert actor.sources and all(actor.sources), actor.id
        assert all(r.source for r in actor.roles), actor.id


def test_outlets_of_the_provenance_list_are_media_actors(index: Index) -> None:
    entry = next(e for e in index.table["interfax"] if e.category == ACTOR)
    actor = index.actors[entry.value]
    assert (actor.kind, actor.sector, actor.country) == ("media", "MED", "RUS")


@pytest.mark.parametrize(("day", "code"), [("2019-01-01", "AFGREB"), ("2022-01-01", "AFGGOV")])
def test_group_that_took_power_is_recoded_by_date(index: Index, day: str, code: str) -> None:
    assert roles.on(index.actors["taliban"], day).code == code
