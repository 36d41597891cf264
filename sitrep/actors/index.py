"""The compiled actor index: one dict from spelling key to what the key can name, built once and pickled.

Compiling the data files takes a second or two; a process loads the pickle (cached under the user's cache
directory, keyed by a digest of the data) instead. Lookups are plain dict hits, so resolving ten thousand
mentions costs milliseconds.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import pickle
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from sitrep.actors.load import DATA, ActorData, load
from sitrep.actors.normalize import case_rule, keys, prefixes
from sitrep.records import Actor

# What a key can name, in the order resolution prefers at equal length.
ACTOR, OFFICE, TITLE, GENERIC = "actor", "office", "title", "generic"


@dataclass(frozen=True, slots=True)
class Entry:
    category: str  # ACTOR, OFFICE, TITLE or GENERIC
    value: str  # actor id, office name, or sector ("" when none)
    case: str  # "upper", "title" or "any": how the text must be cased
    place: bool = False  # a city standing for its country: not an actor after "in", "to", "at" ...
    seat: bool = False  # a capital or seat of government: acting, it is the government


@dataclass
class Index:
    actors: dict[str, Actor]
    table: dict[str, tuple[Entry, ...]]
    prefixes: frozenset[str]
    roles: dict[tuple[str, str], list[tuple[str, str, str]]]
    office_sector: dict[str, str | None]
    modifier_sectors: dict[str, str]
    sponsor_suffixes: frozenset[str]
    seats: dict[str, Actor] = field(default_factory=dict)
    heads: dict[str, str] = field(
        default_factory=dict
    )  # state body id -> office of its head  # country id -> the country as government (GOV)
    max_tokens: int = 8
    version: str = field(default="")
    transnational_words: frozenset[str] = frozenset()  # an unknown body named so, with no country: NGO
    domestic_heads: frozenset[str] = frozenset()  # an unknown party, front, movement: its sentence's country
    formed: dict[str, tuple[str, str]] = field(default_factory=dict)  # state -> (first day, state before)


def _put(table: dict[str, dict[str, tuple[int, Entry]]], text: str, entry: Entry, rank: int,
         pre: set[str]) -> None:  # fmt: skip
    for key in keys(text):
        slot = table.setdefault(key, {})
        if entry.category not in slot or slot[entry.category][0] < rank:
            slot[entry.category] = (rank, entry)
    pre.update(prefixes(text))


def compile_index(data: ActorData, version: str = "") -> Index:
    table: dict[str, dict[str, tuple[int, Entry]]] = {}
    pre: set[str] = set()
    for name in data.names:
        _put(
            table,
            name.text,
            Entry(ACTOR, name.actor_id, case_rule(name.text), name.place, name.seat),
            name.rank,
            pre,
        )
    for phrase, office in data.office_phrases.items():
        _put(table, phrase, Entry(OFFICE, office, "any"), 1, pre)
    for phrase, sector in data.name_titles.items():
        _put(table, phrase, Entry(TITLE, sector or "", "any"), 1, pre)
    for phrase, sector in data.generic.items():
        _put(table, phrase, Entry(GENERIC, sector, "any"), 1, pre)
    order = {ACTOR: 0, OFFICE: 1, TITLE: 2, GENERIC: 3}
    compiled = {
        key: tuple(e for _, e in sorted(slot.values(), key=lambda r: order[r[1].category]))
        for key, slot in table.items()
    }
    seats = {a.id: dataclasses.replace(a, sector="GOV") for a in data.actors.values() if a.kind == "country"}
    return Index(actors=data.actors, table=compiled, seats=seats, heads=data.heads, prefixes=frozenset(pre), roles=data.roles,
                 office_sector=data.office_sector, modifier_sectors=data.modifier_sectors,
                 sponsor_suffixes=data.sponsor_suffixes, version=version,
                 transnational_words=data.transnational_words, domestic_heads=data.domestic_heads, formed=data.formed)  # fmt: skip


def data_digest() -> str:
    digest = hashlib.sha256()
    for path in [*sorted(DATA.rglob("*")), DATA.parent / "outlets" / "known.tsv"]:
        if path.is_file():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    for module in ("load.py", "index.py", "normalize.py"):
        digest.update((Path(__file__).parent / module).read_bytes())
    return digest.hexdigest()[:16]


def cache_dir() -> Path:
    root = os.environ.get("SITREP_CACHE") or os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(root) / "sitrep"


def build_index() -> Index:
    """The index for the current data: from the pickle cache when it matches, else compiled and cached."""
    version = data_digest()
    path = cache_dir() / f"actors-{version}.pickle"
    try:
        with path.open("rb") as fh:
            index = pickle.load(fh)
        if isinstance(index, Index) and index.version == version:
            return index
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
        pass
    index = compile_index(load(), version)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as tmp:
            pickle.dump(index, tmp, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp.name, path)
    except OSError:
        pass  # a read-only home only costs the compile time again
    return index
