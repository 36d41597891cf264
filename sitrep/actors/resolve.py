"""Resolve one parsed article's actor mentions: names, role phrases, generic noun phrases, unknown people.

Order matters and is fixed: (1) names the data knows win over spaCy's labels; (2) office words either title
a following name ("Prime Minister Mustafa Al-Kadhimi") or name the holder on the article's date ("the US
president"); (3) unknown people become provisional actors with the country and sector their context shows;
(4) generic noun phrases ("Iraqi security sources") become one mention with a country and sector;
(5) later mentions of an actor point at its first one.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from sitrep.actors import roles
from sitrep.actors.index import ACTOR, GENERIC, OFFICE, TITLE, Index
from sitrep.actors.load import is_origin
from sitrep.actors.match import Match, Words, scan
from sitrep.actors.names import greedy, name_after, named, qualifier
from sitrep.actors.normalize import slug, token_key
from sitrep.actors.units import NON_STATE, Units
from sitrep.records import Actor, ActorMention, PlaceMention
from sitrep.timex import published as published_date

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


PERSON_NOUNS = frozenset(
    [
        "general",
        "commander",
        "leader",
        "minister",
        "president",
        "premier",
        "king",
        "chief",
        "official",
        "envoy",
        "diplomat",
        "spokesman",
        "cleric",
        "adviser",
        "advisor",
        "prince",
        "emir",
        "ruler",
    ]
)
PP_HEADS = frozenset({"of", "in", "from"})
QUANTITIES = frozenset({"thousand", "hundred", "dozen", "million", "ten", "score", "crowd", "group", "band"})
TRAILING = "-‐–,;:"
FORMER = frozenset({"former", "ex", "late", "then"})


class Resolver:
    """One article's resolution; short-lived, so it may keep per-article state."""

    def __init__(self, doc: Doc, index: Index, day: str, places: tuple[PlaceMention, ...]) -> None:
        self.doc, self.index, self.day = doc, index, day
        self.words = Words.of(doc)
        # doc.text, without spaCy building every Token again (a token's trailing whitespace is one space)
        self.text = "".join(
            t if g else f"{t} " for t, g in zip(self.words.texts, self.words.glued, strict=True)
        )
        self.units = Units(doc, index.sponsor_suffixes, places)
        self.surnames: dict[str, Actor] = {}
        self.generic_cache: dict[tuple[str | None, str | None], Actor] = {}
        self.nouns: dict[int, Match] = {}

    def generic(self, country: str | None, sector: str | None) -> Actor:
        key = (country, sector)
        if key not in self.generic_cache:
            name = " ".join(x for x in (country, sector) if x) or "unknown"
            self.generic_cache[key] = Actor(id=f"gen:{country or '-'}:{sector or '-'}", name=name, kind="generic",
                                            country=country, sector=sector)  # fmt: skip
        return self.generic_cache[key]

    def provisional(self, start: int, end: int, country: str | None, sector: str | None) -> Actor:
        name = self.doc[start:end].text
        tail = token_key(self.doc[end - 1].text)
        if end - start == 1 and tail in self.surnames:
            return self.surnames[tail]
        actor = Actor(id=f"prov:{slug(name)}", name=name, kind="person", country=country, sector=sector,
                      provisional=True)  # fmt: skip
        if end - start > 1:
            self.surnames.setdefault(tail, actor)
        return actor

    def run(self) -> tuple[ActorMention, ...]:
        doc, index, units = self.doc, self.index, self.units
        found: dict[str, list[Match]] = {ACTOR: [], OFFICE: [], TITLE: [], GENERIC: []}
        for m in scan(self.words, index):
            found[m.entry.category].append(m)
        covered = {i for ms in found.values() for m in ms for i in range(m.start, m.end)}
        named(doc, found[ACTOR], index, units, covered)
        for u in units.items:
            if u.actor.kind == "person" and u.end - u.start > 1:
                self.surnames.setdefault(token_key(doc[u.end - 1].text), u.actor)
        self.residents()
        titles = {m.start: m for m in found[TITLE]}
        self.nouns = {m.end: m for m in found[GENERIC]}  # "French envoy Marie Dubois"
        for m in greedy(found[OFFICE]):
            if units.free(m.start, m.end):
                self.office(m, titles)
        self.entities(titles, "PERSON")
        self.surname_mentions()
        for m in greedy(found[GENERIC]):
            if units.free(m.start, m.end):
                self.noun_phrase(m)
        self.entities(titles, "ORG")
        return self.mentions()

    def residents(self) -> None:
        """People named by origin are coded with the country they live in, as CAMEO does: "Bosnian Serbs",
        "Hungarians of northern Serbia"; counted or described ones are its civilians ("thousands of
        Kenyans", "young Kenyans"), where the bare plural may be the nation acting ("Kenyans voted")."""
        doc, units = self.doc, self.units
        for unit in list(units.items):
            head = doc[unit.end - 1]
            if not is_origin(unit.actor) or head.tag_ not in ("NNPS", "NNS"):
                continue
            home = units.ending_at(unit.start)
            if home is None:
                prep = next((c for c in head.rights if c.dep_ == "prep"), None)
                obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
                home = units.owner[obj.i] if obj is not None and prep.lower_ in PP_HEADS else None  # type: ignore[union-attr]
            if home is not None and home.actor.kind == "country" and home.actor.id != unit.actor.id:
                unit.actor = self.generic(home.actor.country, "CVL")
                units.extend(unit, home.start, home.end)
            elif unit.end - unit.start == 1 and self.counted(head):
                unit.actor = self.generic(unit.actor.country, "CVL")

    def counted(self, head: Token) -> bool:
        """A plural people word with a number or a describing adjective of its own (not a country word:
        "Bosnian Serbs"), or the object of "of" after a quantity ("thousands of", "a group of")."""
        described = ("nummod", "amod", "compound")  # a capitalised adjective comes out as a compound
        if any(c.dep_ in described and c.tag_ in ("CD", "JJ") and self.units.owner[c.i] is None
               for c in head.children):  # fmt: skip
            return True
        of = head.head
        if head.dep_ != "pobj" or of.lower_ != "of":
            return False
        return of.head.like_num or (of.head.tag_ in ("NN", "NNS") and of.head.lemma_.lower() in QUANTITIES)

    def office(self, m: Match, titles: dict[int, Match]) -> None:
        doc, units = self.doc, self.units
        office = m.entry.value
        qual, start, end = qualifier(doc, units, m.start, m.end)
        name = name_after(doc, units, max(end, m.end), titles)
        org = qual.actor if qual else None
        sector = org.sector if org and org.kind != "country" else self.index.office_sector.get(office)
        if sector is None and org is not None and org.kind == "country":
            sector = "GOV"  # "Cuban leader Fidel Castro": a country's leader is its government
        if qual is not None and qual.actor.kind == "country":
            qual.absorbed = True
        former = any(doc[i].lower_ in FORMER for i in {m.start - 1, start - 1} if i >= 0)
        if name is not None:
            known = units.starting_at(name[0])
            if known is None:
                country = org.country if org else units.country_near(name[0])
                known = units.add(name[0], name[1], self.provisional(name[0], name[1], country, sector))
            units.claim(m.start, name[0], known)  # the title is the name's: no generic "army chief" too
            if roles.on(known.actor, self.day).sector in (None, "ELI") and sector and not former:
                known.actor = dataclasses.replace(known.actor, sector=sector, roles=())  # "President Obama"
            return
        person = roles.holder(self.index, org.id, office, self.day) if org and not former else None
        if person is None and org is None and not former:
            person = self.last_holder(m.start, office)
        if person is not None:
            units.add(start, end, person)
        elif org is not None:
            units.add(start, end, self.generic(org.country, sector))
        elif qual is not None:
            qual.absorbed = False

    def last_holder(self, before: int, office: str) -> Actor | None:
        """ "the prime minister" with no country: the latest person named before who held that office then."""
        title = office.replace("_", " ").title()
        for unit in reversed(self.units.items):
            if (unit.start < before and unit.actor.kind == "person"
                    and title in roles.active_offices(unit.actor, self.day)):  # fmt: skip
                return unit.actor
        return None

    def entities(self, titles: dict[int, Match], label: str) -> None:
        """spaCy's PERSON and ORG entities that no data names: the surname of someone named before, or a
        provisional actor with the country (and, after a rank or title, the sector) the context shows."""
        doc, units = self.doc, self.units
        for ent in doc.ents:
            if ent.label_ != label or not units.free(ent.start, ent.end):
                continue
            end = ent.end
            while end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].pos_ == "PROPN":
                end += 2  # "Jean-Claude Morvan" may come out of the tagger as "Jean"
            while (
                end < len(doc)
                and doc[end].pos_ == "PROPN"
                and doc[end].text[:1].isupper()
                and units.free(end, end + 1)
            ):
                end += 1
            if ent.label_ == "ORG":
                inner = [u for u in units.inside(ent.start, end) if u.actor.country]
                country = inner[0].actor.country if inner else units.place_country(ent.start, end)
                if country is None and any(
                    t.lower_ in self.index.transnational_words for t in doc[ent.start : end]
                ):
                    country = "NGO"  # "the League of Asian Engineers": a body of no one country
                if country is None and self.domestic(ent.start, end):
                    country = units.country_near(ent.start)  # "the Unity party ... Tunisia's elections"
                name = doc[ent.start : end].text
                units.add(ent.start, end, Actor(id=f"prov:org:{slug(name)}", name=name, kind="organisation",
                                                country=country, sector=None, provisional=True))  # fmt: skip
                continue
            title = next((t for t in titles.values() if t.end == ent.start), self.nouns.get(ent.start))
            sector = title.entry.value or None if title else None
            country = None
            before = title.start if title is not None else self.described_by(ent.start)
            q = units.ending_at(before)
            if q is not None and (title is not None or q.actor.kind in ("country", "organisation")):
                country = q.actor.country
                q.absorbed = q.actor.kind == "country"
            country = country or units.country_near(ent.start)
            units.add(ent.start, end, self.provisional(ent.start, end, country, sector))

    def domestic(self, start: int, end: int) -> bool:
        """A party, front, movement or militia: named so in its last word, or by the noun its name
        qualifies ("the Umma (Nation) party", where the tagger's entity stops at the parenthesis)."""
        doc, heads = self.doc, self.index.domestic_heads
        root = doc[start:end].root
        outside = root.head if root.dep_ in ("compound", "nmod", "amod") and root.head.i >= end else None
        return doc[end - 1].lower_ in heads or (outside is not None and outside.lower_ in heads)

    def described_by(self, start: int) -> int:
        """Where the words describing a name begin: "U.N. envoy Anna Berg" — the common nouns
        before the name ("envoy") stand between it and the body it serves ("U.N.")."""
        doc, i = self.doc, start
        while i > 0 and start - i < 2 and doc[i - 1].pos_ == "NOUN" and doc[i - 1].dep_ == "compound":
            i -= 1
        return i if i < start else -1

    def surname_mentions(self) -> None:
        """A surname alone after a full name the data did not know ("Aristide" after "Jean-Bertrand
        Aristide"), whatever label the tagger gave it."""
        units, doc = self.units, self.doc
        for i, key in enumerate(self.words.keys):
            actor = self.surnames.get(key) if self.surnames else None
            if actor is not None and units.owner[i] is None and doc[i].pos_ == "PROPN":
                units.add(i, i + 1, actor)

    def noun_phrase(self, m: Match) -> None:
        doc, units, index = self.doc, self.units, self.index
        head = doc[m.end - 1]
        if head.pos_ not in ("NOUN", "PROPN") or head.dep_ in ("compound", "amod", "nmod", "poss"):
            return
        start = min(head.left_edge.i, m.start)
        end = m.end
        for child in head.rights:
            if child.dep_ == "prep" and child.lower_ in PP_HEADS:
                objects = [c.i for c in child.children if c.dep_ == "pobj"]
                if objects and objects[0] < m.end + 8:
                    end = objects[0] + 1
                break
        while start < m.start and (doc[start].is_punct or self.straddles(start, m.start)):
            start += 1
        inner = units.inside(start, end)
        states = [u for u in inner if not u.sponsor and u.actor.country and u.actor.country not in NON_STATE]
        sponsors = frozenset(u.actor.country for u in inner if u.sponsor and u.actor.country)
        others = [u for u in inner if not u.sponsor and u.actor.country in NON_STATE]  # "UN peacekeepers"
        country = states[0].actor.country if states else others[0].actor.country if others else None
        country = country or units.place_country(start, end, sponsors)
        sector = m.entry.value or None
        for i in range(m.start - 1, start - 1, -1):
            if doc[i].lower_ in index.modifier_sectors:
                sector = index.modifier_sectors[doc[i].lower_]
                break
        actor = self.generic(country or units.country_near(head.i, sponsors), sector)
        if (country and doc[start].lower_ == "the" and head.tag_ in ("NN", "NNP")
                and head.lemma_.lower() in PERSON_NOUNS):  # fmt: skip
            actor = self.antecedent(start, country) or actor
        for u in inner:
            u.absorbed = u.absorbed or is_origin(u.actor)
        if units.free(start, end):
            units.add(start, end, actor)
        else:
            units.add(start, end, actor, claim=False)
            for i in range(m.start, m.end):
                units.owner[i] = units.items[-1]

    def straddles(self, i: int, head_start: int) -> bool:
        """Token ``i`` belongs to a mention that runs into the head words: not a modifier of them."""
        owner = self.units.owner[i]
        return owner is not None and owner.end > head_start

    def antecedent(self, before: int, country: str) -> Actor | None:
        """ "the Iranian general": the latest person of that country named before."""
        for unit in reversed(self.units.items):
            if (unit.start < before and unit.actor.kind == "person"
                    and roles.on(unit.actor, self.day).country == country):  # fmt: skip
                return unit.actor
        return None

    def as_of(self, actor: Actor) -> Actor:
        """A state that did not exist yet on the article's day: the one its land belonged to."""
        formed = self.index.formed.get(actor.country or "")
        return dataclasses.replace(actor, country=formed[1]) if formed and self.day < formed[0] else actor

    def mentions(self) -> tuple[ActorMention, ...]:
        doc, day = self.doc, self.day
        text = self.text
        spans: list[tuple[int, int, Actor]] = []
        for unit in sorted(self.units.items, key=lambda u: (doc[u.start].idx, -u.end)):
            if not unit.absorbed:
                last = doc[unit.end - 1]
                end = last.idx + len(last.text.rstrip(TRAILING))
                actor = self.as_of(roles.on(unit.actor, day) if unit.actor.roles else unit.actor)
                spans.append((doc[unit.start].idx, end, actor))
        # The first full mention (the first in several words, else the first): every other mention of the
        # actor points at it and carries the actor as coded there ("President Obama" ... "Obama").
        full: dict[str, tuple[int, bool, Actor]] = {}
        for start, end, actor in spans:
            whole = " " in text[start:end]
            if actor.kind != "generic" and (actor.id not in full or (whole and not full[actor.id][1])):
                full[actor.id] = (start, whole, actor)
        out = []
        for start, end, actor in spans:
            first = full.get(actor.id) if actor.kind != "generic" else None
            if first is None or first[0] == start:
                out.append(ActorMention(start, end, text[start:end], actor))
            else:  # a person keeps the code the first full mention gave; "Tehran" (GOV) is not "Iran"
                coded = first[2] if actor.kind == "person" else actor
                out.append(ActorMention(start, end, text[start:end], coded, first[0]))
        return tuple(out)


def resolve(doc: Doc, index: Index, published: str | None,
            places: Sequence[PlaceMention] = ()) -> tuple[ActorMention, ...]:  # fmt: skip
    """Every actor mention of a parsed article; role phrases resolve by ``published`` (ISO date)."""
    when = published_date.lenient(published)
    day = (when.day if when else date.today()).isoformat()
    return Resolver(doc, index, day, tuple(places)).run()
