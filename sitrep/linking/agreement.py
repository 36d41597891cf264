"""When two events are one happening: they agree on type, on an actor, on place and on date.

Two reports of the same kind of event, in the same country, in the same week are most often two
happenings (two interviews with different candidates; two officials' resignations). So two events join
only when all four agree, and the agreement is kept as the reason for the link:
- type: the same PLOVER type, or a pair the manual codes one act with (``one_happening.yaml``);
- actors: at least one actor record in common (source or target, either role), and no role held by
  two different people ("Smith endorsed Lee" and "Jones endorsed Lee" are two endorsements). When one
  event names no actor at all there is nothing to compare: then the two must be of one story and agree
  on a place finer than a country;
- place: within a distance that follows the coarser place's precision (a building 25 km, a town 50 km,
  a district 100 km, a province 300 km). A country (its centroid) or no place at all agrees only when
  neither event names anything finer, in the same country; a town and a country never agree;
- date: the ranges the two dates stand for overlap ("in March" is the month; a date taken from the
  publication is the ``PUBLICATION_DAYS`` before it, when news reports what happened). A range longer
  than ``MAX_SPAN_DAYS`` is background, not a date: it agrees only within one story.
The same story (``story_id``) raises the score among candidates; it is evidence, never enough alone.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path

import yaml

PAIRS_FILE = Path(__file__).resolve().parents[1] / "data" / "events" / "one_happening.yaml"
RADIUS_KM = {"site": 25.0, "city": 50.0, "district": 100.0, "region": 300.0}
LEVELS = (*RADIUS_KM, "country")  # finest first; "country" also stands for no place at all
PUBLICATION_DAYS = 2
MAX_SPAN_DAYS = 31
_SITE_CLASSES = frozenset("SHTUVR")  # GeoNames: spots and buildings, water, terrain, undersea, forest, roads


@cache
def type_pairs(path: Path = PAIRS_FILE) -> frozenset[frozenset[str]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return frozenset(frozenset(pair) for pair in data["pairs"])


def partner_types(plover_type: str) -> list[str]:
    """The type itself and the types the manual codes the same act with."""
    return [plover_type, *sorted(t for p in type_pairs() if plover_type in p for t in p - {plover_type})]


def place_level(feature_class: str | None, feature_code: str | None) -> str:
    """How precise a place is, from its GeoNames feature class and code."""
    code = feature_code or ""
    if feature_class == "P":
        return "city"
    if feature_class == "A" and code.startswith("ADM") and code[3:4] not in ("1", ""):
        return "district"
    if feature_class == "A" and code.startswith("ADM1"):
        return "region"
    if feature_class == "L" and code in ("RGN", "AREA", "PRK", "RESV", "PRT", "INDS", "MILB", "CMN"):
        return "site" if code not in ("RGN", "AREA") else "region"
    if feature_class in _SITE_CLASSES and code not in ("OCN", "SEA", "GULF", "BAY", "STRT", "CONT"):
        return "site"
    return "country"  # a country, a continent, an ocean, or nothing known


def date_range(
    start: date | None, end: date | None, flag: str | None, published: date | None
) -> tuple[date, date] | None:
    """The days a date stands for (the store's ``date_from``/``date_to``: a month is all its days); a
    date that is only the publication's is the ``PUBLICATION_DAYS`` before it (news tells what happened
    lately)."""
    if flag == "publication" or start is None or end is None:
        return (published - timedelta(days=PUBLICATION_DAYS), published) if published else None
    return start, end


@dataclass(frozen=True)
class Party:
    """An event's source or target as linking compares it."""

    actor_id: str
    kind: str | None
    country: str | None


@dataclass(frozen=True)
class Ev:
    id: str
    article_id: str
    type: str
    start: date | None
    end: date | None
    lat: float | None
    lon: float | None
    place_id: str | None
    place_name: str | None
    place_country: str | None
    place_level: str
    source: Party | None
    target: Party | None
    story_id: str | None
    factual: bool = True
    incident_id: str | None = None

    @property
    def vague(self) -> bool:
        return self.start is None or self.end is None or (self.end - self.start).days > MAX_SPAN_DAYS


@dataclass(frozen=True)
class Reason:
    """Why an event was joined to another (``with_event``): what they agree on, for the incident view."""

    with_event: str
    type: str
    actors: tuple[str, ...]
    place: str
    dates: str
    same_story: bool
    score: float

    def to_json(self) -> str:
        return json.dumps({"with_event": self.with_event, "type": self.type, "actors": list(self.actors),
                           "place": self.place, "dates": self.dates, "same_story": self.same_story})  # fmt: skip


def km(a: Ev, b: Ev) -> float | None:
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return None
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dl = math.radians(b.lon - a.lon)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def _types(a: Ev, b: Ev) -> str | None:
    if a.type == b.type:
        return a.type
    return f"{a.type}+{b.type}" if frozenset((a.type, b.type)) in type_pairs() else None


def _contradict(x: Party | None, y: Party | None) -> bool:
    """One role held by two different people, or by actors of two different countries."""
    if x is None or y is None:
        return False
    if x.kind == y.kind == "person" and x.actor_id != y.actor_id:
        return True
    return x.country is not None and y.country is not None and x.country != y.country


def _actors(a: Ev, b: Ev) -> tuple[str, ...] | None:
    """The actor records both name; () when one event names none and the two are of one story at one
    place finer than a country (nothing to compare, and the text and the place speak for them)."""
    if _contradict(a.source, b.source) or _contradict(a.target, b.target):
        return None
    mine = {p.actor_id for p in (a.source, a.target) if p}
    theirs = {p.actor_id for p in (b.source, b.target) if p}
    if mine & theirs:
        return tuple(sorted(mine & theirs))
    unknown = not mine or not theirs
    return () if unknown and _same_story(a, b) and "country" not in (a.place_level, b.place_level) else None


def _place(a: Ev, b: Ev) -> tuple[str, float] | None:
    """How the places agree, and how far apart they are as a share of the allowed distance."""
    coarse = {a.place_level, b.place_level} & {"country"}
    if coarse:
        if a.place_level != b.place_level or _differs(a.place_country, b.place_country):
            return None  # a town and a country never agree: the country is no evidence of the town
        where = a.place_country or b.place_country
        return (f"same country ({where}), neither names a finer place" if where else "no place named"), 1.0
    if a.place_id is not None and a.place_id == b.place_id:
        return f"same place ({a.place_name or a.place_id})", 0.0
    level = max(a.place_level, b.place_level, key=LEVELS.index)
    distance = km(a, b)
    if distance is None or distance > RADIUS_KM[level]:
        return None
    names = " / ".join(dict.fromkeys(n for n in (a.place_name, b.place_name) if n))
    return f"{names}: {distance:.0f} km apart (within {RADIUS_KM[level]:.0f} km for a {level})", (
        distance / RADIUS_KM[level]
    )


def _differs(x: str | None, y: str | None) -> bool:
    return x is not None and y is not None and x != y


def _dates(a: Ev, b: Ev) -> str | None:
    if a.start is None or a.end is None or b.start is None or b.end is None:
        return None
    if a.start > b.end or b.start > a.end:
        return None
    if (a.vague or b.vague) and not _same_story(a, b):
        return None
    return f"{max(a.start, b.start).isoformat()}..{min(a.end, b.end).isoformat()}"


def _same_story(a: Ev, b: Ev) -> bool:
    return a.story_id is not None and a.story_id == b.story_id


def agree(a: Ev, b: Ev) -> Reason | None:
    """Why ``a`` and ``b`` are one happening, or None when they are not (or are of one article: the
    events stage already merged an article's mentions of one happening)."""
    if a.article_id == b.article_id:
        return None
    kind = _types(a, b)
    actors = _actors(a, b) if kind else None
    dates = _dates(a, b) if actors is not None else None
    place = _place(a, b) if dates else None
    if kind is None or actors is None or dates is None or place is None:
        return None
    story = _same_story(a, b)
    score = len(actors) + (1.0 if story else 0.0) + (a.type == b.type) - place[1]
    return Reason(b.id, kind, actors, place[0], dates, story, score)
