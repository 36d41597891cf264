"""The working state of one article's resolution: which tokens name which actor, and where countries are.

A ``Unit`` is a token range with its actor; ``Units`` keeps them with a token → unit map so that claims,
neighbours and the country context are O(1) or O(sentence) lookups, never a scan over the article.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sitrep.actors.load import ALPHA3
from sitrep.records import Actor, PlaceMention

if TYPE_CHECKING:
    from spacy.tokens import Doc


NON_STATE = frozenset({"IGO", "NGO", "MNC", "IMG"})


@dataclass
class Unit:
    start: int  # token index
    end: int  # token index, exclusive
    actor: Actor
    absorbed: bool = False  # inside a wider mention that speaks for it ("Iraqi" in "Iraqi security sources")
    sponsor: bool = False  # "Iran" in "Iran-backed": not the country of what follows


@dataclass
class Units:
    doc: Doc
    sponsor_words: frozenset[str]
    places: tuple[PlaceMention, ...] = ()
    items: list[Unit] = field(default_factory=list)
    owner: list[Unit | None] = field(default_factory=list)
    sent: list[int] = field(default_factory=list)  # token -> sentence number
    bounds: list[tuple[int, int]] = field(default_factory=list)  # sentence -> character range
    place_hits: dict[int, str] = field(default_factory=dict)  # token -> country of a city named there
    place_at: dict[int, int] = field(default_factory=dict)  # a place's first character -> its first token
    _focus: str | None = None

    def __post_init__(self) -> None:
        self.owner = [None] * len(self.doc)
        self.sent = [0] * len(self.doc)
        for p in self.places:
            span = self.doc.char_span(p.start, p.end, alignment_mode="expand")
            if span is not None and len(span):
                self.place_at[p.start] = span.start
        if not self.doc.has_annotation("SENT_START"):  # a Doc without a parse: one sentence
            self.bounds.append((0, len(self.doc.text)))
            return
        for number, sentence in enumerate(self.doc.sents):
            self.bounds.append((sentence.start_char, sentence.end_char))
            for i in range(sentence.start, sentence.end):
                self.sent[i] = number

    def free(self, start: int, end: int) -> bool:
        return all(o is None for o in self.owner[start:end])

    def add(self, start: int, end: int, actor: Actor, claim: bool = True) -> Unit:
        unit = Unit(start, end, actor)
        doc = self.doc
        if end + 1 < len(doc) and doc[end].text in "-‐" and doc[end + 1].lower_ in self.sponsor_words:
            unit.sponsor = True
        self.items.append(unit)
        if claim:
            for i in range(start, end):
                self.owner[i] = unit
        return unit

    def claim(self, start: int, end: int, unit: Unit) -> None:
        """Give free tokens to a unit without widening its mention (a title before a name)."""
        for i in range(start, end):
            if self.owner[i] is None:
                self.owner[i] = unit

    def extend(self, unit: Unit, start: int, end: int) -> None:
        """Widen a unit over its neighbours ("Bosnian" + "Serbs"); what it covers now speaks through it."""
        for other in self.inside(start, end):
            other.absorbed = other is not unit
        unit.start, unit.end = min(unit.start, start), max(unit.end, end)
        for i in range(unit.start, unit.end):
            self.owner[i] = unit

    def ending_at(self, end: int) -> Unit | None:
        unit = self.owner[end - 1] if end > 0 else None
        return unit if unit is not None and unit.end == end else None

    def starting_at(self, start: int) -> Unit | None:
        unit = self.owner[start] if start < len(self.owner) else None
        return unit if unit is not None and unit.start == start else None

    def inside(self, start: int, end: int) -> list[Unit]:
        seen: dict[int, Unit] = {}
        for o in self.owner[start:end]:
            if o is not None and o.start >= start and o.end <= end:
                seen[id(o)] = o
        return list(seen.values())

    def country_near(self, i: int, avoid: frozenset[str] = frozenset()) -> str | None:
        """The country of an agent the words leave open ("police", "rebels"): a place named in the same
        sentence, else the nearest country named in it, else the article's most named country. ``avoid``
        holds sponsors ("Iran-backed factions" are not Iran's own)."""
        first, last = self.bounds[self.sent[i]]
        at = self.doc[i].idx
        placed = sorted(
            (self.described(p), abs(p.start - at), self.context(p))
            for p in self.places
            if p.place and p.place.country and first <= p.start < last
        )
        found = next((c for _, _, c in placed if c and c not in avoid), None)
        if found:
            return found
        sid = self.sent[i]
        near = sorted(
            (abs(t - i), c) for t, c in self.place_hits.items() if self.sent[t] == sid and c not in avoid
        )
        if near:
            return near[0][1]
        best: tuple[int, str] | None = None
        for unit in self.items:
            country = unit.actor.country
            if (
                unit.sponsor
                or unit.actor.kind != "country"
                or country in avoid
                or self.sent[unit.start] != sid
            ):
                continue
            if country and (best is None or abs(unit.start - i) < best[0]):
                best = (abs(unit.start - i), country)
        if best:
            return best[1]
        focus = self.focus()
        return focus if focus not in avoid else None

    def context(self, p: PlaceMention) -> str:
        """The country a place lends a neighbour: none for a currency ("US $50 million"); for a place word
        inside an organisation's name, the organisation's own ("The New York Times" is American, "the
        National Movement for the Independence of Madagascar" Malagasy, whatever "Independence" reads as)."""
        country = ALPHA3.get(p.place.country, "") if p.place and p.place.country else ""
        i = self.place_at.get(p.start)
        if i is None:
            return country
        unit = self.owner[i]
        after = self.doc[i + 1] if i + 1 < len(self.doc) else None
        if self.doc[i].ent_type_ == "MONEY" or (after is not None and after.tag_ == "$"):
            return ""
        if unit is not None and unit.actor.kind in ("organisation", "group", "media"):
            own = unit.actor.country
            return own if own and own not in NON_STATE else ""
        return country

    def described(self, p: PlaceMention) -> bool:
        """A place word that describes another actor ("Palestinian" in "Palestinian suicide bombers")
        says less about a neighbour than a place the sentence names on its own ("in Tel Aviv")."""
        i = self.place_at.get(p.start)
        unit = self.owner[i] if i is not None else None
        return unit is not None and (unit.absorbed or unit.actor.kind == "generic")

    def place_country(self, start: int, end: int, avoid: frozenset[str] = frozenset()) -> str | None:
        """The country of a place the places stage found inside tokens ``start:end`` ("from Calgary")."""
        first, last = self.doc[start].idx, self.doc[end - 1].idx + len(self.doc[end - 1])
        found = [
            ALPHA3.get(p.place.country)
            for p in self.places
            if p.place and p.place.country and first <= p.start < last
        ]
        found += [c for t, c in self.place_hits.items() if start <= t < end and c]
        return next((c for c in found if c and c not in avoid), None)

    def focus(self) -> str | None:
        if self._focus is None:
            counts: Counter[str] = Counter(
                u.actor.country for u in self.items if u.actor.country and u.actor.country not in NON_STATE
            )
            for p in self.places:
                if p.place and p.place.country in ALPHA3:
                    counts[ALPHA3[p.place.country]] += 1
            self._focus = counts.most_common(1)[0][0] if counts else ""
        return self._focus or None
