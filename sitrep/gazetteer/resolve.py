"""Toponym resolution in two passes over one article's names.

Pass one ranks each name's candidates on their own (kind of place, population, exact name); the
confident picks — mostly countries, regions, continents and demonyms — become the article's context.
Pass two ranks again with that context: is the candidate's country or region mentioned, and how near is
it to the places already placed. A name never counts as its own context. Last, a name followed by an
address ("Houma, La.", "Croft, Yorkshire") keeps the best of its candidates that lie there.
Spans known to be toponyms, including names no gazetteer has, are resolved in sitrep.gazetteer.spans.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import yaml

from sitrep.gazetteer.build import DATA
from sitrep.gazetteer.index import Candidate, Gazetteer
from sitrep.gazetteer.names import norm

GENERIC = DATA / "generic.yaml"
# Prior by GeoNames feature code: countries and continents are what a bare name usually means.
KIND = {"PCLI": 5.0, "CONT": 5.0, "ADM1": 1.5, "ADM2": 0.3, "PPLC": 3.0, "RGN": 2.0, "TERR": 2.0, "AIRP": 3.0}
SUPPLEMENT_KIND = 2.0  # straits, seas, bases, zones: named on purpose, rarely homonyms
PRIMARY = 1.0  # the entry's own name, not one of its alternates
DEMONYM = 3.0  # "Iraqi" is Iraq, whatever village is called Iraqi
STATE_HINT = 4.0  # "Washington state"
CITY_SHADOWS_REGION = 4.0  # "Baghdad", "New York", "Edmonton": the city, not the region it lies in
BIG_CITY = 100_000
COUNTRY_MENTIONED = 2.5
REGION_MENTIONED = 2.5
NEAR = 2.5  # bonus for a candidate next to places already placed, fading to 0 at NEAR_KM
NEAR_KM = 600.0
HOME = 2.5  # the publisher's country: a Sun story's "Colchester" is in England
MAX_CONTEXT = 5.0
SIBLINGS = 1.5  # an article listing US states ("Florida, Nevada, Alaska") means the state "Georgia"
MIN_SIBLINGS = 3  # context may overturn a prior, not a country named outright
CONFIDENT = 1.5  # margin over the runner-up for a pass-one pick to become context
STRONG_CITY = 10_000
LOCAL_KM = 100.0  # places this close are one neighbourhood of the article
TOP = 12  # candidates kept per name after the prior; the rest never win on context
WIDE = ("PCLI", "CONT", "RGN", "OCN", "SEA")  # too wide to say what is near


@dataclass(frozen=True, slots=True)
class Choice:
    candidate: Candidate
    score: float
    margin: float


def km(lat1: np.ndarray, lon1: np.ndarray, lat2: np.ndarray, lon2: np.ndarray) -> np.ndarray:
    p = math.pi / 180
    a = (
        np.sin((lat2 - lat1) * p / 2) ** 2
        + np.cos(lat1 * p) * np.cos(lat2 * p) * np.sin((lon2 - lon1) * p / 2) ** 2
    )
    return np.asarray(12742.0 * np.arcsin(np.sqrt(a)))


class Context:
    """What the other names of the article say: countries, regions and points already placed.

    Contributions are kept per name, so that repeating a name ("New York ... New York") never makes it
    its own evidence.
    """

    def __init__(
        self, gaz: Gazetteer, rows: Sequence[int | None], names: Sequence[str], home: str = ""
    ) -> None:
        self.home = home
        self.countries: Counter[str] = Counter()
        self.regions: Counter[str] = Counter()
        self.by_name: dict[str, tuple[Counter[str], Counter[str]]] = {}
        self.first_level: set[tuple[str, str]] = set()  # (region, name) of first-level regions placed
        points, point_names = [], []
        for row, name in zip(rows, names, strict=True):
            if row is None:
                continue
            own = self.by_name.setdefault(name, (Counter(), Counter()))
            for counter in (self.countries, own[0]):
                counter[gaz.country(row)] += 1
            for counter in (self.regions, own[1]):
                counter[gaz.region(row)] += 1
            if gaz.code(row) == "ADM1":
                self.first_level.add((gaz.region(row), name))
            if gaz.code(row) not in WIDE:
                points.append(row)
                point_names.append(name)
        self.lat = gaz.lat[points].astype(np.float64)
        self.lon = gaz.lon[points].astype(np.float64)
        self.point_names = np.asarray(point_names, dtype=object)

    def others(self, name: str) -> tuple[Counter[str], Counter[str]]:
        own = self.by_name.get(name)
        if own is None:
            return self.countries, self.regions
        return self.countries - own[0], self.regions - own[1]

    def siblings(self, country: str, name: str) -> int:
        """How many first-level regions of the country other names of the article are."""
        return len({r for r, n in self.first_level if n != name and r.startswith(country + ".")})


def _base(gaz: Gazetteer, cands: Sequence[Candidate]) -> list[float]:
    big_city = {gaz.region(c.row) for c in cands if gaz.fclass[c.row] == b"P" and gaz.pop[c.row] >= BIG_CITY}
    scores = []
    for c in cands:
        code = gaz.code(c.row)
        score = math.log10(int(gaz.pop[c.row]) + 1) + (PRIMARY if c.primary else 0.0)
        score += DEMONYM if c.demonym else 0.0
        if gaz.curated[c.row]:
            score += SUPPLEMENT_KIND
        # a capital's alternate name does not carry the capital's weight: "Delhi" is an alternate of Dili
        score += KIND.get(code, 0.0) if c.primary or c.demonym or code != "PPLC" else 0.0
        if code in ("ADM1", "ADM2") and gaz.region(c.row) in big_city:
            score -= CITY_SHADOWS_REGION
        scores.append(score)
    return scores


def _with_context(
    gaz: Gazetteer, cands: Sequence[Candidate], base: list[float], ctx: Context, name: str
) -> list[float]:
    countries, regions = ctx.others(name)
    bonus = np.zeros(len(cands))
    for i, c in enumerate(cands):
        cc, region = gaz.country(c.row), gaz.region(c.row)
        bonus[i] = (
            (COUNTRY_MENTIONED if cc and countries[cc] > 0 else 0.0)
            + (REGION_MENTIONED if region and regions[region] > 0 else 0.0)
            + (HOME if cc and cc == ctx.home and gaz.code(c.row) not in WIDE else 0.0)
        )
    near = ctx.point_names != name
    if near.any():
        local = [i for i, c in enumerate(cands) if gaz.code(c.row) not in WIDE]
        if local:
            rows = np.array([cands[i].row for i in local])
            dist = km(
                gaz.lat[rows][:, None], gaz.lon[rows][:, None], ctx.lat[near][None, :], ctx.lon[near][None, :]
            )
            bonus[local] += NEAR * np.clip(1.0 - dist.min(axis=1) / NEAR_KM, 0.0, None)
    kind = [
        SIBLINGS
        if gaz.code(c.row) == "ADM1" and ctx.siblings(gaz.country(c.row), name) >= MIN_SIBLINGS
        else 0.0
        for c in cands
    ]
    return [float(x) for x in np.asarray(base) + np.minimum(bonus, MAX_CONTEXT) + kind]


def _pick(cands: Sequence[Candidate], scores: list[float]) -> Choice | None:
    if not cands:
        return None
    order = sorted(range(len(cands)), key=lambda i: -scores[i])
    best = order[0]
    margin = scores[best] - scores[order[1]] if len(order) > 1 else 10.0
    return Choice(cands[best], scores[best], margin)


def resolve(
    gaz: Gazetteer,
    candidates: Sequence[Sequence[Candidate]],
    names: Sequence[str],
    hints: Sequence[str] = (),
    home: str = "",
    within: Sequence[tuple[int, bool] | None] = (),
) -> list[Choice | None]:
    """Choose a place for each name of one article. ``hints`` per name: "state" prefers a region;
    ``home`` is the publisher's country (ISO alpha-2, see ``home_country``) when known; ``within``
    per name: the name that may say where it is ("Houma, La.", see ``qualifiers``).

    Mentions of the same name with the same hint are one decision, made once, unless a qualifier
    places one of them.
    """
    keys = [norm(n) for n in names]
    groups: dict[tuple[str, str], int] = {}
    for i, key in enumerate(keys):
        groups.setdefault((key, hints[i] if i < len(hints) else ""), i)
    bases: dict[int, tuple[list[Candidate], list[float]]] = {}
    for (_, kind), i in groups.items():
        base = _base(gaz, candidates[i])
        if kind == "state":
            base = [
                s + (STATE_HINT if gaz.code(c.row) == "ADM1" else 0.0)
                for c, s in zip(candidates[i], base, strict=True)
            ]
        top = sorted(range(len(base)), key=lambda k: -base[k])[:TOP]
        bases[i] = ([candidates[i][k] for k in top], [base[k] for k in top])
    first = {i: _pick(*bases[i]) for i in bases}
    group_of = [groups[(key, hints[i] if i < len(hints) else "")] for i, key in enumerate(keys)]
    picks = [first[g] for g in group_of]
    ctx = Context(
        gaz, [ch.candidate.row if ch and ch.margin >= CONFIDENT else None for ch in picks], keys, home
    )
    scored = {i: _with_context(gaz, c, b, ctx, keys[i]) if c else [] for i, (c, b) in bases.items()}
    out = [_pick(bases[g][0], scored[g]) for g in group_of]
    for i in reversed(range(len(within))):
        q = qualifier(gaz, out, within[i])
        if q is not None and bases[group_of[i]][0]:
            out[i] = inside(gaz, bases[group_of[i]][0], scored[group_of[i]], q.candidate.row) or out[i]
    return out


ADMIN = ("PCLI", "ADM1", "ADM2")


def qualifier(gaz: Gazetteer, choices: Sequence[Choice | None], at: tuple[int, bool] | None) -> Choice | None:
    """The place a qualifying name stands for, if it can say where another is: after a comma only a
    country or a region in one ("Spokane, Washington", "Croft, Yorkshire"; "Washington, New York" is a
    list), after "in" any place that is not too wide."""
    if at is None or choices[at[0]] is None:
        return None
    choice = choices[at[0]]
    assert choice is not None
    row = choice.candidate.row
    region = gaz.code(row) in ADMIN or (gaz.code(row) == "RGN" and bool(gaz.country(row)))
    return choice if region or (not at[1] and gaz.code(row) not in WIDE) else None


def inside(gaz: Gazetteer, cands: Sequence[Candidate], scores: list[float], row: int) -> Choice | None:
    """The best candidate that lies in the qualifying place: its country, its first-level region, or
    within LOCAL_KM of a smaller place ("Thruxton, Hampshire"); None when none does."""
    code = gaz.code(row)
    if code == "PCLI":
        ok = [gaz.country(c.row) == gaz.country(row) for c in cands]
    elif code == "ADM1":
        ok = [gaz.region(c.row) == gaz.region(row) for c in cands]
    else:
        at = np.array([c.row for c in cands])
        ok = (km(gaz.lat[at], gaz.lon[at], gaz.lat[[row]], gaz.lon[[row]]) <= LOCAL_KM).tolist()
    kept = [i for i, good in enumerate(ok) if good and cands[i].row != row]
    if not kept:
        return None
    return _pick([cands[i] for i in kept], [scores[i] for i in kept])


COMMA = re.compile(r"\s*,\s*")
IN = re.compile(r"\s+in\s+")


def qualifiers(text: str, chars: Sequence[tuple[int, int]]) -> list[tuple[int, bool] | None]:
    """For each name, the name right after it that may say where it is, and whether a comma parts
    them: "Houma, La.", "Thruxton Circuit, Hampshire", "Harbor Light Bakery in Spokane"."""
    order = sorted(range(len(chars)), key=lambda i: chars[i])
    out: list[tuple[int, bool] | None] = [None] * len(chars)
    for a, b in itertools.pairwise(order):
        gap = text[chars[a][1] : chars[b][0]]
        if COMMA.fullmatch(gap) or IN.fullmatch(gap):
            out[a] = (b, bool(COMMA.fullmatch(gap)))
    return out


def clean_name(name: str) -> str:
    """The name inside a span: no possessive, no leading article, no surrounding punctuation."""
    name = name.strip().strip("\"'“”‘’()[],;:")  # a final dot may be an abbreviation's ("Calif.")
    for suffix in ("'s", "’s"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    if name[:4].lower() == "the ":
        name = name[4:]
    return name.strip()


def hint(text: str, start: int, end: int) -> str:
    """ "Washington state", "New York State": the word after a name that says which kind it is; "La.",
    "Calif.": a short name with a dot is a state's abbreviation, not a city's code ("LA")."""
    follow = text[end : end + 7].lower()
    name = text[start:end].strip()
    short = name.endswith(".") and len(name) <= 7 and name[:1].isupper() and "." not in name[:-1]
    return "state" if short or follow.startswith((" state", "-state")) else ""


@lru_cache(maxsize=1)
def words() -> dict[str, frozenset[str]]:
    data = yaml.safe_load(GENERIC.read_text(encoding="utf-8"))
    return {key: frozenset(data[key]) for key in ("words", "streets", "buildings", "crossing", "languages")}


def generic() -> frozenset[str]:
    """Common words that are also place names: never a place on their own."""
    return words()["words"]


def languages() -> frozenset[str]:
    """Demonyms that are mostly a language's name in news ("English"): a place only in a given span."""
    return words()["languages"]


def strong(gaz: Gazetteer, c: Candidate) -> bool:
    """A candidate a name may mean even without an entity label or with words around it."""
    if c.demonym or gaz.curated[c.row] or gaz.code(c.row) in ("PCLI", "ADM1", "CONT"):
        return True
    return c.primary and (gaz.fclass[c.row] != b"P" or int(gaz.pop[c.row]) >= STRONG_CITY)


SUFFIXES = (" state", " province", " governorate", " region", " county", " city")


def lookup(gaz: Gazetteer, name: str) -> tuple[Candidate, ...]:
    """The gazetteer's candidates for a name, or for it without a kind word ("Oaxaca State")."""
    found = gaz.lookup(name)
    if found:
        return found
    lowered = name.lower()
    for suffix in SUFFIXES:
        if lowered.endswith(suffix) and len(name) > len(suffix) + 2:
            return gaz.lookup(name[: -len(suffix)])
    return ()
