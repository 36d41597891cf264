"""Read the actor data files (sitrep/data/actors) into plain records: actors, their names, dated offices.

Hand-written files outrank generated ones: when two actors claim the same name, the higher ``rank``
keeps it. Nothing here knows about text; ``index`` compiles what this returns.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pycountry
import yaml

from sitrep.actors.normalize import fold, slug
from sitrep.records import Actor, Role

DATA = Path(__file__).resolve().parents[1] / "data" / "actors"
HAND, GENERATED, PEOPLES = 3, 1, 0
ETHNIC = "ethnic:"  # id prefix of the peoples of ethnic_groups.csv, named by origin like a nationality
ALPHA3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries} | {"PS": "PSE", "XK": "XKX"}
THE = re.compile(r"^the\s+", re.IGNORECASE)  # "The Security Council" is the Security Council


@dataclass(frozen=True, slots=True)
class Name:
    """One way of writing an actor: ``place`` names are cities used as metonyms, not the actor itself;
    a ``seat`` (capital, seat of government) acting stands for the government ("Tehran said")."""

    text: str
    actor_id: str
    rank: int
    place: bool = False
    seat: bool = False


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
    transnational_words: frozenset[str] = frozenset()
    domestic_heads: frozenset[str] = frozenset()
    formed: dict[str, tuple[str, str]] = field(default_factory=dict)  # state -> (first day, state before)
    heads: dict[str, str] = field(default_factory=dict)  # state body id -> office of its head


def _rows(name: str) -> Iterator[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8") as fh:
        yield from csv.DictReader(fh)


def _yaml(name: str) -> Any:
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


def _split(value: str | None) -> list[str]:
    return [v for v in (value or "").split("|") if v]


def _add(data: ActorData, actor: Actor, rank: int) -> None:
    data.actors[actor.id] = actor
    data.names.extend(Name(text, actor.id, rank) for text in (actor.name, *actor.aliases))


def _countries(data: ActorData) -> None:
    extra = _yaml("countries_extra.yaml")
    data.formed = {iso: (str(spec["since"]), spec["before"]) for iso, spec in extra["formed"].items()}
    for row in _rows("countries.csv"):
        iso = row["iso3"]
        more = extra["names"].get(iso, [])
        places = [p for p in _split(row["places"]) if p not in more] + extra["seats"].get(iso, [])
        aliases = [*_split(row["aliases"]), row["demonym"], *more]
        if row["demonym"]:
            aliases.append(
                row["demonym"] + ("" if row["demonym"].endswith(("s", "ese", "sh", "ch")) else "s")
            )
        actor = Actor(id=iso, name=row["name"], kind="country", country=iso, sector=None,
                      aliases=tuple(dict.fromkeys(a for a in aliases if a)),
                      sources=tuple(s.strip() for s in row["source"].split(";")))  # fmt: skip
        _add(data, actor, HAND)
        seats = {*places[:1], *extra["seats"].get(iso, [])}  # countries.csv lists the capital first
        data.names.extend(Name(text, iso, HAND, place=True, seat=text in seats) for text in places)
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
    for row in [*_rows("roles.csv"), *_rows("countryinfo_roles.csv")]:  # hand-written terms first
        person, holder, office = slug(row["person"]), row["holder"], row["office"]
        org = data.actors.get(holder)
        country = org.country if org else holder
        spec.setdefault(person, {"name": row["person"], "country": country, "source": row["source"]})
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
        spec = _yaml(name)
        for o in spec["outlets"] if kind == "media" else spec:
            parent = o.get("parent")
            actor = Actor(id=o["id"], name=o["name"], kind=kind,  # type: ignore[arg-type]
                          country=o.get("country"), sector="MED" if kind == "media" else o.get("sector"),
                          aliases=tuple(o.get("aliases", ())),
                          parent_id=parent.split(":", 1)[1] if parent and parent.startswith("country:") else parent,
                          roles=tuple(Role(title=t, country=o.get("country"), sector=sec, start=a, end=b or None,
                                           source=src) for t, sec, a, b, src in o.get("roles", ())),
                          sources=(o.get("source", "sitrep"),))  # fmt: skip
            _add(data, actor, HAND)
            if o.get("head"):
                data.heads[o["id"]] = o["head"]


def _common_words(rows: list[dict[str, str]]) -> set[str]:
    """Words found in three or more names ("Union", "Front"): alone, such a word names no one group."""
    counts: Counter[str] = Counter()
    for row in rows:
        counts.update({w for name in [row["name"], *_split(row["aliases"])] for w in fold(name).split()})
    return {w for w, n in counts.items() if n >= 3}


def _outlets(data: ActorData) -> None:
    """The provenance stage's outlet list (sitrep/data/outlets/known.tsv) as MED actors, after media.yaml.

    A one-word name that is also an everyday word ("Time", "Dawn") is left out: alone in text it is rarely
    the outlet."""
    path = DATA.parent / "outlets" / "known.tsv"
    if not path.exists():
        return
    spec = _yaml("media.yaml")
    skip = {fold(w) for w in spec["ambiguous_names"]}
    taken = {fold(n.text) for n in data.names}
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    for row in csv.DictReader(lines, delimiter="\t"):
        name = re.sub(r"\s*\(.*\)$", "", row["name"]).strip()  # "The Daily Star (Lebanon)"
        names = [n for n in [name, THE.sub("", name), *_split(row["abbreviations"])] if fold(n) not in skip]
        if not names or any(fold(n) in taken for n in names) or (" " not in name and fold(name) in skip):
            continue
        country = ALPHA3.get(row["country"])
        actor = Actor(id=f"outlet:{slug(name)}", name=name, kind="media", country=country, sector="MED",
                      aliases=tuple(n for n in dict.fromkeys(names[1:]) if n != name), sources=("sitrep/data/outlets/known.tsv",))  # fmt: skip
        _add(data, actor, HAND)
        taken.update(fold(n) for n in names)


def _generated(data: ActorData) -> None:
    """The generated lists, UCDP before Phoenix: a name already taken by a better source is skipped."""
    taken = {fold(n.text) for n in data.names}
    groups = sorted(_rows("armed_groups.csv"), key=lambda r: not r["id"].startswith("ucdp:"))
    files = [(groups, "group"), (list(_rows("international.csv")), "organisation"),
             (list(_rows("phoenix_leaders.csv")), "person")]  # fmt: skip
    common = _common_words([row for rows, _ in files for row in rows])
    for rows, kind in files:
        for row in rows:
            names = [THE.sub("", n) for n in [row["name"], *_split(row["aliases"])]]
            if row["id"] in data.actors or any(fold(n) in taken for n in names):
                continue  # an actor a better source already describes
            aliases = [a for a in names[1:] if " " in a.strip() or fold(a) not in common][:12]
            roles = tuple(_phoenix_roles(row)) if kind == "person" else ()
            actor = Actor(id=row["id"], name=row["name"], kind=kind,  # type: ignore[arg-type]
                          country=row["country"] or None, sector=None if roles else row["sector"] or None,
                          aliases=tuple(aliases), roles=roles, sources=(row["source"],))  # fmt: skip
            _add(data, actor, GENERATED)
            taken.update(fold(n) for n in names)


def _peoples(data: ActorData) -> None:
    """Peoples named by origin ("Karen rebels", "Uyghur activists"), coded with the one state most of
    them live in, as CAMEO codes them; a name any other actor has keeps that actor."""
    for row in _rows("ethnic_groups.csv"):
        names = [row["name"], *_split(row["aliases"])]
        actor = Actor(id=row["id"], name=row["name"], kind="group", country=row["country"], sector=None,
                      aliases=tuple(names[1:]), sources=(row["source"],))  # fmt: skip
        data.actors[actor.id] = actor
        data.names.extend(Name(text, actor.id, PEOPLES) for text in names)


def is_people(actor: Actor) -> bool:
    """A people of ethnic_groups.csv (its record kind is "group", as armed groups' is)."""
    return actor.id.startswith(ETHNIC)


def is_origin(actor: Actor) -> bool:
    """A country or a people: words that say where someone is from ("Iraqi Kurds", "Karen villagers")."""
    return actor.kind == "country" or is_people(actor)


def _phoenix_roles(row: dict[str, str]) -> Iterator[Role]:
    for code in row["roles"].split(";"):
        country, sector, start, end = code.split(":")
        yield Role(title=f"official ({sector})", country=country, sector=sector,
                   start=start or None, end=end or None, source=row["source"])  # fmt: skip


def _surnames(data: ActorData) -> None:
    """A hand-described person's surname stands alone ("Bouteflika said") when no other actor has it."""
    owners: dict[str, set[str]] = {}
    for actor in data.actors.values():
        if actor.kind == "person" and " " in actor.name:
            owners.setdefault(fold(actor.name.split()[-1]), set()).add(actor.id)
    taken = {fold(n.text) for n in data.names}
    for surname, ids in owners.items():
        (pid,) = ids if len(ids) == 1 else (None,)
        if pid and not pid.startswith("phx:") and len(surname) >= 4 and surname not in taken:
            data.names.append(Name(data.actors[pid].name.split()[-1], pid, HAND))


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
    data.transnational_words = frozenset(spec["transnational_words"])
    data.domestic_heads = frozenset(spec["domestic_heads"])


def load() -> ActorData:
    """Every actor data file, read once; the order matters: organisations before the roles that cite them."""
    data = ActorData()
    _countries(data)
    _organisations(data)
    _outlets(data)
    _offices(data)
    _people(data)
    _generated(data)
    _peoples(data)
    _surnames(data)
    _generic(data)
    return data
