"""Resolution of spans known to be toponyms (another tagger's, or the gold spans of the eval).

Such a span may name what no gazetteer has: a street, a school, a venue, a village. Like a person
reading the article, fall back on what the text says about where it is: an address after it ("Harbor
Light Bakery in Spokane", "Thruxton, Hampshire"), a place named inside it ("Balliol College Oxford"), the same place named on its own elsewhere in the article, else the article's central town.
A village far from everything else the article names, in a country and region it never names, is a
local namesake (a cinema, a winery) of that central town.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from sitrep.gazetteer.index import Candidate, Gazetteer
from sitrep.gazetteer.names import norm
from sitrep.gazetteer.resolve import (
    ADMIN,
    LOCAL_KM,
    NEAR_KM,
    WIDE,
    Choice,
    clean_name,
    generic,
    hint,
    inside,
    km,
    lookup,
    qualifier,
    qualifiers,
    resolve,
    strong,
    words,
)

VILLAGE = 20_000  # a place this small, far from the article's other places, may be a local namesake
# "Elm and Dayton streets": a town's name that the word after makes a street's
STREET_AFTER = re.compile(r"\s+(?:streets?|avenues?|roads?|boulevard|lane)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Inner:
    """The place named inside a longer unknown name, and whether the name is about that place itself:
    "Nazi Germany", "East Yorkshire" (the place ends the name), "European Commission", "US Federal
    Reserve" (a country's or continent's word opens it) — unlike "Colorado State University", whose
    region only says roughly where it is."""

    candidates: tuple[Candidate, ...]
    head: bool
    part: str = ""  # the words that name the place


def resolve_spans(
    gaz: Gazetteer, text: str, spans: Sequence[tuple[int, int]], home: str = ""
) -> list[Choice | None]:
    """Resolve spans known to be toponyms with the article's context; ``home`` as in ``resolve``."""
    names = [clean_name(text[s:e]) for s, e in spans]
    known = [() if norm(n) in generic() else lookup(gaz, n) for n in names]
    known = [
        () if STREET_AFTER.match(text, e) and all(_town_only(gaz, c) for c in k) else k
        for k, (_, e) in zip(known, spans, strict=True)
    ]
    inside_names = [Inner((), False) if k else inner(gaz, n) for k, n in zip(known, names, strict=True)]
    where = qualifiers(text, spans)
    choices = resolve(
        gaz,
        [k or i.candidates for k, i in zip(known, inside_names, strict=True)],
        names,
        [hint(text, s, e) for s, e in spans],
        home,
        where,
    )
    named = [c for c, k in zip(choices, known, strict=True) if k]
    placed = _addresses(gaz, spans, known, where, choices)
    towns = [(n, c) for n, c, k in zip(names, choices, known, strict=True) if k and c is not None]
    by_name = {norm(n): c for n, c in towns if gaz.code(c.candidate.row) not in (*WIDE, "ADM1")}
    for i, within in enumerate(inside_names):
        if not known[i] and i not in placed:
            choices[i] = _unknown(gaz, names[i], within, choices[i], named, by_name)
    for i, chosen in enumerate(choices):
        if known[i] and chosen is not None and i not in placed and _stray(gaz, chosen.candidate.row, named):
            others = [c for c in named if c is not None and c.candidate.row != chosen.candidate.row]
            choices[i] = local_focus(gaz, others) or chosen
    return choices


def _addresses(
    gaz: Gazetteer,
    spans: Sequence[tuple[int, int]],
    known: Sequence[tuple[Candidate, ...]],
    where: Sequence[tuple[int, bool] | None],
    choices: list[Choice | None],
) -> set[int]:
    """Unknown names, and villages the gazetteer lacks, placed by the known name after them ("Harbor
    Light Bakery in Spokane", "Thruxton, Hampshire"), unless their own place lies there. Last to first,
    so that "Bakery in Spokane, Washington" takes the Spokane in Washington."""
    placed = set()
    for i in sorted(range(len(spans)), key=lambda i: spans[i], reverse=True):
        at = where[i]
        q = qualifier(gaz, choices, at) if at is not None and known[at[0]] else None
        if q is None or (known[i] and not _missing(gaz, known[i], q)):
            continue
        placed.add(i)
        own = choices[i]
        if own is None or inside(gaz, [own.candidate], [0.0], q.candidate.row) is None:
            choices[i] = q
    return placed


def _unknown(
    gaz: Gazetteer,
    name: str,
    within: Inner,
    chosen: Choice | None,
    named: Sequence[Choice | None],
    by_name: dict[str, Choice],
) -> Choice | None:
    """An unknown name's place: the article's own place of the name inside it ("Riverdale Luke Oil"
    in a story about Riverdale, New Jersey), else the place inside it unless that is a far namesake
    ("Carnegie Library") or only the region it is in ("Colorado State University": the article's town
    there; a river runs past regions, so "Mississippi River" takes the article's town), else the
    article's central town."""
    if norm(within.part) in by_name:
        return by_name[norm(within.part)]
    if chosen is None:
        return local_focus(gaz, named)
    row = chosen.candidate.row
    if gaz.code(row) not in (*WIDE, "ADM1"):
        return local_focus(gaz, named) or chosen if _far(gaz, row, named) else chosen
    if within.head:
        return chosen
    region = None if _last(name) in words()["crossing"] else row
    return local_focus(gaz, named, region) or chosen


def _last(name: str) -> str:
    parts = name.split()
    return parts[-1].lower().rstrip(".") if parts else ""


def _town_only(gaz: Gazetteer, c: Candidate) -> bool:
    return gaz.fclass[c.row] == b"P" and not gaz.curated[c.row]


def _missing(gaz: Gazetteer, cands: Sequence[Candidate], q: Choice) -> bool:
    """ "Thruxton, Hampshire": villages of that name elsewhere (no town, no region), none in
    the region that qualifies it — the gazetteer lacks this one, which lies in that region."""
    row = q.candidate.row
    region = gaz.code(row) in ADMIN or (gaz.code(row) == "RGN" and bool(gaz.country(row)))
    towns = [int(gaz.pop[c.row]) for c in cands if gaz.fclass[c.row] == b"P"]
    others = [c for c in cands if gaz.fclass[c.row] != b"P" and gaz.code(c.row) != "ADM2"]
    villages = bool(towns) and max(towns) < VILLAGE and not others
    return region and villages and inside(gaz, cands, [0.0] * len(cands), row) is None


def _stray(gaz: Gazetteer, row: int, named: Sequence[Choice | None]) -> bool:
    """A village far from every other place of the article, whose country and region the article never
    names ("the Regent cinema" in a Yorkshire story is not a village Regent overseas): a local namesake."""
    if gaz.fclass[row] != b"P" or int(gaz.pop[row]) >= VILLAGE:
        return False
    others = [c for c in named if c is not None and c.candidate.row != row]
    cc, region = gaz.country(row), gaz.region(row)
    rows = [c.candidate.row for c in others]
    return _far(gaz, row, others) and not any(
        (gaz.code(r) == "PCLI" and gaz.country(r) == cc) or (region and gaz.region(r) == region) for r in rows
    )


def _far(gaz: Gazetteer, row: int, named: Sequence[Choice | None]) -> bool:
    """A town inside a venue's name ("Carnegie Library", "Paddock Hill Bend") far from every place the
    article names is a namesake, not where the venue is."""
    rows = [c.candidate.row for c in named if c is not None and gaz.code(c.candidate.row) not in WIDE]
    if not rows:
        return False
    at = np.array(rows)
    dist = km(gaz.lat[at], gaz.lon[at], gaz.lat[[row]], gaz.lon[[row]])
    return bool(dist.min() > NEAR_KM)


def inner(gaz: Gazetteer, name: str) -> Inner:
    """The longest place name inside a longer unknown name ("Oslo Jazz Festival" → Oslo).

    A town wins over a country's word, and the name's last words over its first ("French Embassy
    Ottawa", "Balliol College Oxford"); a place word inside a person's name ("Thomas Jefferson Middle
    School": neither first, nor last, nor after "of") is no place; a building named for a nation
    ("American Community School", "American University") stands wherever the article is, so
    it names no place.
    """
    parts = name.split()
    last = _last(name)
    if last in words()["streets"]:
        return Inner((), False)
    for size in range(len(parts) - 1, 0, -1):
        found = []
        for at in range(len(parts) - size + 1):
            part = parts[at : at + size]
            if not part[0][:1].isupper() or all(w.lower() in generic() for w in part):
                continue
            if 0 < at < len(parts) - size and parts[at - 1].lower() not in ("of", "de"):
                continue
            cands = tuple(
                c for c in gaz.lookup(" ".join(part)) if strong(gaz, c) and (not c.demonym or at == 0)
            )
            if cands:
                national = any(c.demonym or gaz.code(c.row) in ("PCLI", "CONT") for c in cands)
                found.append((national, at, cands))
        if found:
            national, at, cands = min(found, key=lambda f: (f[0], f[1] + size != len(parts), f[1]))
            if national and at == 0 and last in words()["buildings"]:
                return Inner((), False)
            head = at + size == len(parts) or (national and at == 0)
            return Inner(cands, head, " ".join(parts[at : at + size]))
    return Inner((), False)


def local_focus(gaz: Gazetteer, choices: Sequence[Choice | None], within: int | None = None) -> Choice | None:
    """The article's central town or feature (not a country or first-level region), else its central
    place: where a street or a school of the article most likely is. Central: named most often, counting
    the other places named within LOCAL_KM of it (Chicago among Oak Park and the South Loop, not
    Cicero, Indiana), the larger town on a tie. ``within`` a country or region ("Colorado State
    University"): only the article's towns there count, and without one the name keeps its region."""
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
    dist = km(gaz.lat[at][:, None], gaz.lon[at][:, None], gaz.lat[at][None, :], gaz.lon[at][None, :])
    neighbours = (dist <= LOCAL_KM).sum(axis=1) - 1
    row = max(range(len(rows)), key=lambda i: (counts[rows[i]] + neighbours[i], int(gaz.pop[rows[i]])))
    return Choice(Candidate(rows[row], False, False, False), 0.0, 0.0)
