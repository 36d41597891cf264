"""Toponym resolution in two passes over one article's names.

Pass one ranks each name's candidates on their own (kind of place, population, exact name); the
confident picks — mostly countries, regions, continents and demonyms — become the article's context.
Pass two ranks again with that context: is the candidate's country or region mentioned, and how near is
it to the places already placed. A name never counts as its own context.
"""

from __future__ import annotations

import math
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


def _km(lat1: np.ndarray, lon1: np.ndarray, lat2: np.ndarray, lon2: np.ndarray) -> np.ndarray:
    p = math.pi / 180
    a = (
        np.sin((lat2 - lat1) * p / 2) ** 2
        + np.cos(lat1 * p) * np.cos(lat2 * p) * np.sin((lon2 - lon1) * p / 2) ** 2
    )
    return 12742.0 * np.arcsin(np.sqrt(a))


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
        if gaz.gid[c.row] < 0:
            score += SUPPLEMENT_KIND
        score += KIND.get(code, 0.0)
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
            km = _km(
                gaz.lat[rows][:, None], gaz.lon[rows][:, None], ctx.lat[near][None, :], ctx.lon[near][None, :]
            )
            bonus[local] += NEAR * np.clip(1.0 - km.min(axis=1) / NEAR_KM, 0.0, None)
    kind = [
        SIBLINGS
        if gaz.code(c.row) == "ADM1" and ctx.siblings(gaz.country(c.row), name) >= MIN_SIBLINGS
        else 0.0
        for c in cands
    ]
    return (np.asarray(base) + np.minimum(bonus, MAX_CONTEXT) + kind).tolist()


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
) -> list[Choice | None]:
    """Choose a place for each name of one article. ``hints`` per name: "state" prefers a region;
    ``home`` is the publisher's country (ISO alpha-2, see ``home_country``) when known.

    Mentions of the same name with the same hint are one decision, made once.
    """
    keys = [norm(n) for n in names]
    groups: dict[tuple[str, str], int] = {}
    for i, key in enumerate(keys):
        groups.setdefault((key, hints[i] if i < len(hints) else ""), i)
    bases: dict[int, tuple[list[Candidate], list[float]]] = {}
    for (_, hint), i in groups.items():
        base = _base(gaz, candidates[i])
        if hint == "state":
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
    final = {
        i: _pick(c, _with_context(gaz, c, b, ctx, keys[i])) if c else None for i, (c, b) in bases.items()
    }
    return [final[g] for g in group_of]


def clean_name(name: str) -> str:
    """The name inside a span: no possessive, no leading article, no surrounding punctuation."""
    name = name.strip().strip("\"'“”‘’()[],;:")  # a final dot may be an abbreviation's ("Calif.")
    for suffix in ("'s", "’s"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    if name[:4].lower() == "the ":
        name = name[4:]
    return name.strip()


def hint_after(text: str, end: int) -> str:
    """ "Washington state", "New York State": the word after a name that says which kind it is."""
    follow = text[end : end + 7].lower()
    return "state" if follow.startswith((" state", "-state")) else ""


def resolve_spans(
    gaz: Gazetteer, text: str, spans: Sequence[tuple[int, int]], home: str = ""
) -> list[Choice | None]:
    """Resolve spans known to be toponyms (the gold-span mode of the eval) with the article's context.

    A name the gazetteer lacks ("Royal Street", "Colorado State University") takes a place named inside
    it, else the article's local focus: a street or a school is near the places the article is about.
    """
    names = [clean_name(text[s:e]) for s, e in spans]
    hints = [hint_after(text, e) for _, e in spans]
    known = [() if n.lower() in generic() else lookup(gaz, n) for n in names]
    inside = [Inner((), False) if k else inner(gaz, n) for k, n in zip(known, names, strict=True)]
    picks = [k or i.candidates for k, i in zip(known, inside, strict=True)]
    choices = resolve(gaz, picks, names, hints, home)
    named = [c for c, k in zip(choices, known, strict=True) if k]
    for i, within in enumerate(inside):
        if known[i]:
            continue
        chosen = choices[i]
        if chosen is None:
            choices[i] = local_focus(gaz, named)
        elif gaz.code(chosen.candidate.row) not in (*WIDE, "ADM1"):
            if _far(gaz, chosen.candidate.row, named):
                choices[i] = local_focus(gaz, named) or chosen
        elif not within.head:
            choices[i] = local_focus(gaz, named, chosen.candidate.row) or chosen
    return choices


def _far(gaz: Gazetteer, row: int, named: Sequence[Choice | None]) -> bool:
    """A town inside a venue's name ("Carnegie Library", "Paddock Hill Bend") far from every place the
    article names is a namesake, not where the venue is."""
    rows = [c.candidate.row for c in named if c is not None and gaz.code(c.candidate.row) not in WIDE]
    if not rows:
        return False
    at = np.array(rows)
    km = _km(gaz.lat[at], gaz.lon[at], gaz.lat[[row]], gaz.lon[[row]])
    return bool(km.min() > NEAR_KM)


@lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    data = yaml.safe_load(GENERIC.read_text(encoding="utf-8"))
    return {key: frozenset(data[key]) for key in ("words", "streets")}


def generic() -> frozenset[str]:
    """Common words that are also place names: never a place on their own."""
    return _words()["words"]


def strong(gaz: Gazetteer, c: Candidate) -> bool:
    """A candidate a name may mean even without an entity label or with words around it."""
    if c.demonym or gaz.gid[c.row] < 0 or gaz.code(c.row) in ("PCLI", "ADM1", "CONT"):
        return True
    return c.primary and (gaz.fclass[c.row] != b"P" or int(gaz.pop[c.row]) >= STRONG_CITY)


@dataclass(frozen=True, slots=True)
class Inner:
    """The place named inside a longer unknown name, and whether the name is about that place itself:
    "Nazi Germany", "East Yorkshire" (the place ends the name), "European Commission", "US Federal
    Reserve" (a country's or continent's word opens it) — unlike "Colorado State University", whose
    region only says roughly where it is."""

    candidates: tuple[Candidate, ...]
    head: bool


def inner(gaz: Gazetteer, name: str) -> Inner:
    """The longest place name inside a longer unknown name ("Dubai World Cup" → Dubai)."""
    words = name.split()
    if words and words[-1].lower().rstrip(".") in _words()["streets"]:
        return Inner((), False)
    for size in range(len(words) - 1, 0, -1):
        for at in range(len(words) - size + 1):
            part = words[at : at + size]
            if not part[0][:1].isupper() or all(w.lower() in generic() for w in part):
                continue
            found = tuple(
                c for c in gaz.lookup(" ".join(part)) if strong(gaz, c) and (not c.demonym or at == 0)
            )
            if found:
                opens = at == 0 and any(c.demonym or gaz.code(c.row) in ("PCLI", "CONT") for c in found)
                return Inner(found, at + size == len(words) or opens)
    return Inner((), False)


def local_focus(gaz: Gazetteer, choices: Sequence[Choice | None], within: int | None = None) -> Choice | None:
    """The article's central town or feature (not a country or first-level region), else its central
    place: where a street or a school of the article most likely is. Central: named most often, counting
    the other places named within LOCAL_KM of it (Chicago among Park Ridge and Near North Side, not
    Hubbard, Ohio), the larger town on a tie. ``within`` a country or
    region ("Colorado State University"): only the article's towns there count, and without one the
    name keeps its region."""
    rows = [c.candidate.row for c in choices if c is not None]
    specific = [r for r in rows if gaz.code(r) not in (*WIDE, "ADM1")]
    pool = specific or [r for r in rows if gaz.code(r) not in WIDE] or rows
    if within is not None and gaz.code(within) in ("PCLI", "ADM1"):
        key = gaz.region if gaz.code(within) == "ADM1" else gaz.country
        pool = [r for r in specific if key(r) == key(within)]
    if not pool:
        return None
    counts = Counter(pool)
    rows = list(counts)
    at = np.array(rows)
    km = _km(gaz.lat[at][:, None], gaz.lon[at][:, None], gaz.lat[at][None, :], gaz.lon[at][None, :])
    neighbours = (km <= LOCAL_KM).sum(axis=1) - 1
    row = max(range(len(rows)), key=lambda i: (counts[rows[i]] + neighbours[i], int(gaz.pop[rows[i]])))
    return Choice(Candidate(rows[row], False, False, False), 0.0, 0.0)


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
