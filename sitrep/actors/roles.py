"""Offices by date: who held an office on a day, and what an actor's code was on that day.

"The US president" on 2020-11-19 is Donald Trump, on 2021-03-01 Joe Biden; Trump's sector is GOV while he
holds office and his base sector otherwise.
"""

from __future__ import annotations

import dataclasses
from functools import lru_cache

from sitrep.actors.index import Index
from sitrep.records import Actor

# Which offices "the X leader" may mean, in order, when X is a country.
HEAD_OFFICES = (
    "leader",
    "supreme_leader",
    "president",
    "king",
    "emir",
    "sultan",
    "chancellor",
    "prime_minister",
)


def holder(index: Index, qualifier: str, office: str, day: str) -> Actor | None:
    """The holder of ``office`` of ``qualifier`` (an ISO3 code or an organisation id) on ``day``."""
    if office == "leader" and qualifier in index.heads:  # "the Pentagon chief": the defence minister
        qualifier, office = index.actors[qualifier].country or "", index.heads[qualifier]
    offices = HEAD_OFFICES if office == "leader" and qualifier.isupper() else (office,)
    for name in offices:
        for start, end, person in index.roles.get((qualifier, name), ()):
            if start <= day < end:
                return index.actors.get(person)
    return None


def active_offices(actor: Actor, day: str) -> list[str]:
    return [r.title for r in actor.roles if (r.start or "") <= day < (r.end or "9999")]


@lru_cache(maxsize=50_000)
def on(actor: Actor, day: str) -> Actor:
    """The actor as coded on ``day``: the country and sector of the first office held then, if any."""
    for role in actor.roles:
        if (role.start or "") <= day < (role.end or "9999"):
            if role.country == actor.country and role.sector == actor.sector:
                return actor
            return dataclasses.replace(actor, country=role.country or actor.country, sector=role.sector)
    return actor
