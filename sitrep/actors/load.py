"""Read the actor data files (sitrep/data/actors) into plain records: actors, their names, dated offices.

Hand-written files outrank generated ones: when two actors claim the same name, the higher ``rank``
keeps it. Nothing here knows about text; ``index`` compiles what this returns.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from sitrep.actors.normalize import fold, slug
from sitrep.records import Actor, Role

DATA = Path(__file__).resolve().parents[1] / "data" / "actors"
HAND, GENERATED = 3, 1


@dataclass(frozen=True, slots=True)
class Name:
    """One way of writing an actor: ``place`` names are cities used as metonyms, not the actor itself."""

    text: str
    actor_id: str
    rank: int
    place: bool = False


@dataclass
class ActorData:
    actors: dict[str, Actor] = field(default_factory=dict)
    names: list[Name] = field(default_factory=list)
    roles: dict[tuple[str, str], list[tuple[str, str, str]]] = field(default_factory=dict)
    office_sector: dict[str, str | None] = field(default_factory=dict)
    office_phrases: dict[str, str] = field(default_factory=dict)
    name_titles: dict[str, str | None] = field(default_factory=dict)
    generic: dict[str, str] = field(default_factory=dict)
    modifier_sectors: dict[str, str] = field(default_factory=dict)
    sponsor_suffixes: frozenset[str] = frozenset()


def _rows(name: str) -> Iterator[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8") as fh:
        yield from csv.DictReader(fh)


def _yaml(name: str) -> Any:
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


def _split(value: str | None) -> list[str]:
    return [v for v in (value or "").split("|") if v]


def _add(data: ActorData, actor: Actor, rank: int, places: list[str] | None = None) -> None:
    data.actors[actor.id] = actor
    data.names.extend(Name(text, actor.id, rank) for text in (actor.name, *actor.aliases))
    data.names.extend(Name(text, actor.id, rank, place=True) for text in places or ())


def _countries(data: ActorData) -> None:
    extra: dict[str, list[str]] = _yaml("countries_extra.yaml")
    for row in _rows("countries.csv"):
        iso = row["iso3"]
        places = _split(row["places"])
        more = [m for m in extra.get(iso, []) if m not in places]
        aliases = [*_split(row["aliases"]), row["demonym"], *more]
        if row["demonym"]:
            aliases.append(
                row["demonym"] + ("" if row["demonym"].endswith(("s", "ese", "sh", "ch")) else "s")
            )
        actor = Actor(id=iso, name=row["name"], kind="country", country=iso, sector=None,
                      aliases=tuple(dict.fromkeys(a for a in aliases if a)),
                      sources=tuple(s.strip() for s in row["source"].split(";")))  # fmt: skip
        _add(data, actor, HAND, places)
        data.names.extend(Name(text, iso, HAND + 1) for text in more)  # the usual reading wins: "American"


def _offices(data: ActorData) -> None:
    titles = _yaml("titles.yaml")
    for office, spec in titles["offices"].items():
        data.office_sector[office] = spec.get("sector")
        for phrase in spec["phrases"]:
            data.office_phrases.setdefault(phrase, office)
    for sector, phrases in titles["name_titles"].items():
        for phrase in phrases:
            data.name_titles.setdefault(phrase, None if sector in (None, "null") else sector)


def _role_title(holder: str, office: str, data: ActorData) -> str:
    if holder in data.actors and data.actors[holder].kind != "country":
        return f"{office.replace('_', ' ').title()} of {data.actors[holder].name}"
    return office.replace("_", " ").title()


def _people(data: ActorData) -> None:
    """roles.csv holds the dated offices; people.yaml adds aliases and people who hold none of them."""
    spec = {slug(p["name"]): p for p in _yaml("people.yaml")}
    roles: dict[str, list[Role]] = {}
    for row in _rows("roles.csv"):
        person, holder, office = slug(row["person"]), row["holder"], row["office"]
        org = data.actors.get(holder)
        country = org.country if org else holder
        spec.setdefault(person, {"name": row["person"], "country": country})
        sector = org.sector if org and org.kind != "country" else data.office_sector.get(office)
        roles.setdefault(person, []).append(Role(
            title=_role_title(holder, office, data), country=country, sector=sector,
            start=row["start"] or None, end=row["end"] or None, source=row["source"]))  # fmt: skip
        data.roles.setdefault((holder, office), []).append((row["start"], row["end"] or "9999", person))
    for pid, p in spec.items():
        parent = p.get("parent")
        actor = Actor(id=pid, name=p["name"], kind="person", country=p.get("country"), sector=p.get("sector"),
                      aliases=tuple(p.get("aliases", ())), parent_id=parent, roles=tuple(roles.get(pid, ())),
                      sources=(p.get("source", "sitrep"),))  # fmt: skip
        _add(data, actor, HAND)


def _organisations(data: ActorData) -> None:
    for kind, name in (("organisation", "organisations.yaml"), ("media", "media.yaml")):
        for o in _yaml(name):
            parent = o.get("parent")
            actor = Actor(id=o["id"], name=o["name"], kind=kind,  # type: ignore[arg-type]
                          country=o.get("country"), sector="MED" if kind == "media" else o.get("sector"),
                          aliases=tuple(o.get("aliases", ())),
                          parent_id=parent.split(":", 1)[1] if parent and parent.startswith("country:") else parent,
                          sources=(o.get("source", "sitrep"),))  # fmt: skip
            _add(data, actor, HAND)


def _generated(data: ActorData) -> None:
    taken = {fold(n.text) for n in data.names if n.rank == HAND}
    for file, kind in (("armed_groups.csv", "group"), ("international.csv", "organisation")):
        for row in _rows(file):
            if row["id"] in data.actors or fold(row["name"]) in taken:
                continue
            actor = Actor(id=row["id"], name=row["name"], kind=kind,  # type: ignore[arg-type]
                          country=row["country"] or None, sector=row["sector"] or None,
                          aliases=tuple(_split(row["aliases"])[:12]), sources=(row["source"],))  # fmt: skip
            _add(data, actor, GENERATED)
    for row in _rows("phoenix_leaders.csv"):
        if row["id"] in data.actors or any(fold(n) in taken for n in [row["name"], *_split(row["aliases"])]):
            continue  # someone the hand-written files already describe
        roles = []
        for code in row["roles"].split(";"):
            country, sector, start, end = code.split(":")
            roles.append(Role(title=f"official ({sector})", country=country, sector=sector,
                              start=start or None, end=end or None, source=row["source"]))  # fmt: skip
        actor = Actor(id=row["id"], name=row["name"], kind="person", country=row["country"], sector=None,
                      aliases=tuple(_split(row["aliases"])[:12]), roles=tuple(roles),
                      sources=(row["source"],))  # fmt: skip
        _add(data, actor, GENERATED)


def _generic(data: ActorData) -> None:
    for row in _rows("generic_agents.csv"):
        data.generic[row["phrase"]] = row["sector"]
    spec = _yaml("generic.yaml")
    for sector, phrases in spec["agents"].items():
        for phrase in phrases:
            data.generic[phrase] = sector
    for sector, words in spec["modifier_sectors"].items():
        for word in words:
            data.modifier_sectors[word] = sector
    data.sponsor_suffixes = frozenset(spec["sponsor_suffixes"])


def load() -> ActorData:
    """Every actor data file, read once; the order matters: organisations before the roles that cite them."""
    data = ActorData()
    _countries(data)
    _organisations(data)
    _offices(data)
    _people(data)
    _generated(data)
    _generic(data)
    return data
