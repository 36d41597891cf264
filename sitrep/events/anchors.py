"""Where and when: an event's place and date from the places and time stages' facts.

The places and time stages may offer ``place_in`` / ``focus`` and ``time_of``; when they do, they decide.
Otherwise the nearest resolved place (or dated expression) inside the event's own clause, then in its
sentence, then the article's most named place (flagged "article-focus") or the publication date
(flagged "publication").
"""

from __future__ import annotations

import importlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from sitrep.records import Article, Place, PlaceMention, Precision, TimeExpr


@dataclass(frozen=True, slots=True)
class When:
    value: str | None
    precision: Precision | None
    flag: str  # text, publication, none
    expr: TimeExpr | None = None


def _stage_function(module: str, name: str) -> Callable[..., Any] | None:
    """A helper another stage offers, if that stage has landed (it may not have yet)."""
    try:
        return getattr(importlib.import_module(module), name, None)
    except ImportError:
        return None


T = TypeVar("T", PlaceMention, TimeExpr)


def _nearest(items: list[T], pos: int) -> T | None:
    return min(items, key=lambda x: abs(x.start - pos)) if items else None


def place_of(
    article: Article, clause: tuple[int, int], sent: tuple[int, int], pos: int
) -> tuple[Place | None, str, PlaceMention | None]:
    """The event's place, its flag ("text", "article-focus", "none") and the words it came from."""
    place_in = _stage_function("sitrep.stages.places", "place_in")
    if place_in is not None:
        found = place_in(article, *clause)
        if isinstance(found, PlaceMention) and found.place is not None:
            return found.place, "text", found
        if isinstance(found, Place):
            return found, "text", None
    resolved = [p for p in article.places if p.place is not None and p.role != "demonym"]
    for lo, hi in (clause, sent):
        hit = _nearest([p for p in resolved if lo <= p.start < hi], pos)
        if hit is not None and hit.place is not None:
            return hit.place, "text", hit
    focus = _stage_function("sitrep.stages.places", "focus")
    if focus is not None:
        place = focus(article)
        if isinstance(place, Place):
            return place, "article-focus", None
    if resolved:
        key, _ = Counter(p.place.key for p in resolved if p.place).most_common(1)[0]
        top = next(p.place for p in resolved if p.place and p.place.key == key)
        return top, "article-focus", None
    return None, "none", None


def date_of(article: Article, clause: tuple[int, int], sent: tuple[int, int] | None, pos: int) -> When:
    """The event's date with precision; the publication date when the text gives none.

    ``sent`` is None when the sentence's dates belong to another clause ("arriving a day after rockets
    hit": the arrival's date is not the attack's).
    """
    time_of = _stage_function("sitrep.stages.time", "time_of")
    dated = [t for t in article.times if t.value and t.type in ("DATE", "TIME")]
    in_clause = _nearest([t for t in dated if clause[0] <= t.start < clause[1]], pos)
    if in_clause is not None:
        return When(in_clause.value, in_clause.precision, "text", in_clause)
    if time_of is not None:
        found = time_of(article, *clause)
        if isinstance(found, TimeExpr) and found.value:
            return When(found.value, found.precision, "text", found)
    elif sent is not None:
        in_sent = _nearest([t for t in dated if sent[0] <= t.start < sent[1]], pos)
        if in_sent is not None:
            return When(in_sent.value, in_sent.precision, "text", in_sent)
    if article.published_at:
        return When(article.published_at[:10], "day", "publication")
    return When(None, None, "none")
