"""Where and when: an event's place and date from the places and time stages' facts.

The events stage hands in the places and time stages' ``place_in`` / ``focus`` and ``time_of`` (a helper
never imports a stage); when given, they decide (a dated expression inside the event's own clause comes
first all the same). Otherwise the nearest
resolved place (or dated expression) inside the event's clause, then in its sentence, then the article's
most named place (flagged "article-focus"). A told past event with no date of its own takes the narrative's
time (flagged "narrative"): the nearest earlier day, week or month the article names that is not after its
publication, since a report keeps the reference time of its last dated sentence until it names another ("On
3 May rebels shelled the port. Two ships sank." — the ships sank on 3 May; Reichenbach's reference time,
Webber 1988). Otherwise the publication date (flagged "publication").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from sitrep.events.arguments import MentionIndex
from sitrep.events.modality import clause_verb
from sitrep.records import Article, Place, PlaceMention, Precision, TimeExpr
from sitrep.timex import calendar, published, years
from sitrep.timex.published import Published

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass(frozen=True, slots=True)
class When:
    value: str | None
    precision: Precision | None
    flag: str  # text, narrative, publication, none
    expr: TimeExpr | None = None


Ranges = tuple[tuple[int, int], ...]
PlaceIn = Callable[[Article, int, int, Ranges], Place | None]
Focus = Callable[[Article], Place | None]
TimeOf = Callable[[Article, int, int, Any], TimeExpr | None]


T = TypeVar("T", PlaceMention, TimeExpr)
NARRATIVE = ("day", "week", "month")  # precisions that move the narrative time (see Anchors.sets_the_time)


class Sorted(Generic[T]):
    """Spans sorted by start, for the ones inside a range in log time (long articles have hundreds)."""

    def __init__(self, items: list[T]) -> None:
        self.items: list[T] = sorted(items, key=lambda x: x.start)
        self.starts: list[int] = [x.start for x in self.items]

    def nearest(self, lo: int, hi: int, pos: int, skip: Ranges = ()) -> T | None:
        inside = [
            x
            for x in self.items[bisect_left(self.starts, lo) : bisect_left(self.starts, hi)]
            if not any(a <= x.start < b for a, b in skip)
        ]
        return min(inside, key=lambda x: abs(x.start - pos)) if inside else None

    def last_before(self, pos: int) -> T | None:
        at = bisect_left(self.starts, pos)
        return self.items[at - 1] if at else None


def earliest_named_year(article: Article, when: Published | None) -> int | None:
    """The oldest year the article names in a date context ("in 1947", "June 23, 1941"), or its
    publication year (``when``) when that is older; None when it names none and has no publication date."""
    named = [
        b[0].year
        for t in article.times
        if t.rule in years.absolute_rules() and (b := calendar.bounds(t.value))
    ]
    found = named + ([when.day.year] if when else [])
    return min(found) if found else None


_BETWEEN_DATES = re.compile(r"[\s,]*")


def _past_separators(text: str, at: int) -> int:
    found = _BETWEEN_DATES.match(text, at)
    return found.end() if found else at


def dateline(article: Article, when: Published | None) -> int:
    """Where the article's dateline ends: the dates that open the text, one after another ("Saturday, May 8,
    2021  Police said ..."), each covering the publication day (``when``). A dateline says when the report
    was filed, never when an event happened."""
    end = _past_separators(article.text, 0)
    for t in sorted(article.times, key=lambda x: x.start):
        span = calendar.bounds(t.value)
        if t.start != end or when is None or span is None or not span[0] <= when.day <= span[1]:
            break
        end = _past_separators(article.text, t.end)
    return end


class Anchors:
    """Where and when for the events of one article; what is the same for all of them is computed once."""

    def __init__(self, article: Article, doc: Doc | None = None, place_in: PlaceIn | None = None,
                 focus: Focus | None = None, time_of: TimeOf | None = None) -> None:  # fmt: skip
        self.article = article
        self.doc = doc
        self.mentions = MentionIndex(article.mentions)
        self.places = Sorted([p for p in article.places if p.place is not None and p.role != "demonym"])
        self.published = published.lenient(article.published_at)  # once: every undated event falls back to it
        self.earliest = earliest_named_year(article, self.published)
        self.head = dateline(article, self.published)
        self.times = Sorted(
            [
                t
                for t in article.times
                if t.value and t.type in ("DATE", "TIME") and not self.too_old(t) and t.start >= self.head
            ]
        )
        day = self.published.day if self.published else None
        self.narrative = Sorted(
            [
                t
                for t in self.times.items
                if day is not None
                and self.sets_the_time(t)
                and (b := calendar.bounds(t.value))
                and b[1] <= day
            ]
        )
        self.place_in = place_in
        self.time_of = time_of
        self._find_focus = focus
        self._focus: tuple[Place | None] | None = None

    def too_old(self, expr: TimeExpr) -> bool:
        """A date read other than from a calendar date's own words (a decade, "83 years later") that ends
        before every year the article names in a date context is far before its news: it dates no event."""
        if self.earliest is None or expr.rule in years.absolute_rules():
            return False
        span = calendar.bounds(expr.value)
        return span is not None and span[1].year < self.earliest

    def sets_the_time(self, expr: TimeExpr) -> bool:
        """A day, week or month in a main clause moves the narrative. A date in a relative or subordinate
        clause is background ("the talks, which had begun in April, collapsed"), and a bare year is mostly
        one too: news and obituaries name years for background ("born in 1950", "the 2016 election"), and
        the sentences after one tell the news again, not that year's events."""
        if expr.precision not in NARRATIVE:
            return False
        if self.doc is None:
            return True
        span = self.doc.char_span(expr.start, expr.end, alignment_mode="expand")
        if span is None or not len(span):
            return False
        verb = clause_verb(span.root)
        while verb.dep_ == "conj":
            verb = verb.head
        return verb.dep_ == "ROOT"

    def focus(self) -> Place | None:
        """The article's main place: the places stage's ``focus`` if given, else the most named."""
        if self._focus is None:
            place = self._find_focus(self.article) if self._find_focus is not None else None
            if not isinstance(place, Place) and self.places.items:
                key, _ = Counter(p.place.key for p in self.places.items if p.place).most_common(1)[0]
                place = next(p.place for p in self.places.items if p.place and p.place.key == key)
            self._focus = (place if isinstance(place, Place) else None,)
        return self._focus[0]

    def place(
        self, clause: tuple[int, int], sent: tuple[int, int], pos: int, skip: Ranges = ()
    ) -> tuple[Place | None, str, PlaceMention | None]:
        """The event's place, its flag ("text", "article-focus", "none") and the words it came from.
        ``skip``: the clauses nested in the event's arguments, whose places are their own events' ("withdrew
        a bill that let Ruritania extradite suspects" did not happen in Ruritania)."""
        if self.place_in is not None:
            found = self.place_in(self.article, *clause, skip)
            if isinstance(found, PlaceMention) and found.place is not None:
                return found.place, "text", found
            if isinstance(found, Place):  # the words it came from, for the evidence
                lo, hi = (
                    bisect_left(self.places.starts, clause[0]),
                    bisect_left(self.places.starts, clause[1]),
                )
                words = next((m for m in self.places.items[lo:hi] if m.place == found), None)
                return found, "text", words
        for lo, hi in (clause, sent):
            hit = self.places.nearest(lo, hi, pos, skip)
            if hit is not None and hit.place is not None:
                return hit.place, "text", hit
        focus = self.focus()
        return (focus, "article-focus", None) if focus is not None else (None, "none", None)

    def date(
        self, clause: tuple[int, int], sent: tuple[int, int] | None, pos: int, past: bool = False
    ) -> When:
        """The event's date with precision; for a ``past`` event the narrative's time, else the publication
        date, when the text gives none.

        ``sent`` is None when the sentence's dates belong to another clause ("arriving a day after rockets
        hit": the arrival's date is not the attack's).
        """
        in_clause = self.times.nearest(*clause, pos)
        if in_clause is not None:
            return When(in_clause.value, in_clause.precision, "text", in_clause)
        if self.time_of is not None and sent is not None:
            found = self.time_of(self.article, *clause, self.doc)  # with the parse: what the clause governs
            if (
                isinstance(found, TimeExpr)
                and found.value
                and not self.too_old(found)
                and found.start >= self.head
            ):
                return When(found.value, found.precision, "text", found)
        elif sent is not None:
            in_sent = self.times.nearest(*sent, pos)
            if in_sent is not None:
                return When(in_sent.value, in_sent.precision, "text", in_sent)
        if past and sent is not None and (told := self.narrative.last_before(pos)) is not None:
            return When(told.value, told.precision, "narrative", told)
        when = self.published
        if when is None:
            return When(None, None, "none")
        if when.precision == "minute":  # an event is dated to the day: the hour of publication is not its
            return When(when.day.isoformat(), "day", "publication")
        return When(when.value, when.precision, "publication")
