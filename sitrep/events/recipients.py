"""The event's recipient (our target): whom the action is directed at, not merely the verb's object.

PLOVER's recipient is "the entity to whom the event is directed". News often names it outside the
object: "appealed TO X", "mediation BETWEEN X and Y", "a ban ON X", "demands FROM X", "threatened to cut
power TO X", or only by the place ("imposed a curfew in Cizre"). So the parse offers candidates in
order — the old object-or-preposition reading first, then complement clauses, then the parties inside a
noun that names none ("roads", "an appeal") — and the first that resolves to a party (an actor or a
country) wins. The words of recipients.yaml decide which prepositions and types take part.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from sitrep.events.countries import alpha3
from sitrep.events.lexicon import DATA, Lexicon
from sitrep.events.triggers import Candidate, lemma
from sitrep.records import ActorMention, Article, EventActor, PlaceMention, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

Resolver = Callable[["Token"], EventActor]
OBJECTS = ("dobj", "obj", "dative")


@dataclass(frozen=True, slots=True)
class Rules:
    object_not_recipient: frozenset[str]
    complement_preps: frozenset[str]
    complement_deps: frozenset[str]
    purpose_deps: frozenset[str]
    complement_depth: int
    inner_preps: frozenset[str]
    inner_depth: int
    place_types: frozenset[str]
    place_lemmas: dict[str, frozenset[str]]
    own_government_types: frozenset[str]
    not_parties: frozenset[str]
    topic_preps: frozenset[str]
    topic_labels: frozenset[str]


@cache
def rules(data: Path = DATA) -> Rules:
    """recipients.yaml, read once per process."""
    with open(data / "recipients.yaml", encoding="utf-8") as fh:
        raw = yaml.safe_load(fh)
    return Rules(
        object_not_recipient=frozenset(raw["object_not_recipient"]),
        complement_preps=frozenset(raw["complement_preps"]),
        complement_deps=frozenset(raw["complement_deps"]),
        purpose_deps=frozenset(raw["purpose_deps"]),
        complement_depth=int(raw["complement_depth"]),
        inner_preps=frozenset(raw["inner_preps"]),
        inner_depth=int(raw["inner_depth"]),
        place_types=frozenset(raw["place_types"]),
        place_lemmas={k: frozenset(v) for k, v in raw["place_lemmas"].items()},
        own_government_types=frozenset(raw["own_government_types"]),
        not_parties=frozenset(raw["not_parties"]),
        topic_preps=frozenset(raw["topic_preps"]),
        topic_labels=frozenset(raw["topic_labels"]),
    )


def party(actor: EventActor | None) -> bool:
    """Words that name someone: an actor of the actors stage, or at least a country."""
    return actor is not None and (actor.actor_id is not None or actor.country is not None)


def _pobjs(tok: Token, preps: frozenset[str]) -> Iterator[Token]:
    """Objects of the token's prepositions in ``preps`` ("to" parsed as a dative counts too)."""
    for c in tok.children:
        if c.dep_ in ("prep", "dative") and c.pos_ == "ADP" and c.lower_ in preps:
            yield from (g for g in c.children if g.dep_ == "pobj")


def _objects(head: Token, passive_subject: bool) -> Iterator[Token]:
    passive = passive_subject and any(c.dep_ == "nsubjpass" for c in head.children)
    for c in head.children:
        if (c.dep_ in OBJECTS and c.pos_ != "ADP") or (passive and c.dep_ == "nsubjpass"):
            yield c


def _requested(cand: Candidate) -> Iterator[Token]:
    """ "demanded that the US cancel ...", "its demand that Israel ease ...": the one asked to act."""
    if cand.entry.frame != "request" or any(c.dep_ in ("dobj", "dative") for c in cand.verb.children):
        return
    for host in dict.fromkeys((cand.verb, cand.token)):
        for comp in (c for c in host.children if c.dep_ in ("ccomp", "acl")):
            yield from (c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass"))


def _heads(cand: Candidate, lex: Lexicon) -> list[Token]:
    heads = [cand.verb, *(t for t in cand.tokens if t is not cand.verb)]
    host = cand.token.head
    light = lemma(host) in lex.light_verbs or lemma(host) == "be"
    if cand.token.pos_ == "NOUN" and host.pos_ in ("VERB", "AUX") and light:
        heads.append(host)  # "a meeting was held with X", "explicit in his instructions to X"
    return heads


def _primary(cand: Candidate, lex: Lexicon, r: Rules) -> Iterator[Token]:
    """The trigger's own slots: the object (or passive subject), then the type's prepositions; a trigger
    noun also takes any recipient preposition but the source's ("talks between", "the killing of")."""
    preps = lex.target_preps.get(cand.type, lex.target_preps["default"])
    noun_preps = preps | (r.inner_preps - lex.source_preps)
    own = {t.i for t in cand.tokens}
    yield from _requested(cand)
    for head in _heads(cand, lex):
        if head.pos_ in ("VERB", "AUX"):
            for obj in _objects(head, True):
                if obj.i in own or lemma(obj) in lex.weapons:
                    continue
                if cand.type in r.object_not_recipient:  # "mobilized reservists against X": X only
                    yield from _inner(obj, r, r.inner_depth)
                else:
                    yield obj
        yield from _pobjs(head, noun_preps if head.pos_ in ("NOUN", "PROPN") else preps)


def _complements(verb: Token, r: Rules, depth: int) -> Iterator[Token]:
    """Objects and recipient phrases of the clauses the trigger governs ("threatened to cut power to X")."""
    if depth == 0:
        return
    for comp in (c for c in verb.children if c.dep_ in r.complement_deps or _purpose(c, r)):
        yield from _pobjs(comp, r.complement_preps)  # "offered to hand two suspects over to X": X, not them
        yield from _objects(comp, False)
        yield from _complements(comp, r, depth - 1)


def _purpose(clause: Token, r: Rules) -> bool:
    return clause.dep_ in r.purpose_deps and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in clause.children
    )


def _inner(tok: Token, r: Rules, depth: int) -> Iterator[Token]:
    """The parties inside a noun that names none: its possessor (not "its"/"their": that is the actor
    itself), then the objects of its recipient prepositions, a level at a time."""
    if depth == 0:
        return
    found = [c for c in tok.children if c.dep_ == "poss" and c.pos_ != "PRON"]
    found += list(_pobjs(tok, r.inner_preps))
    yield from found
    for f in found:
        yield from _inner(f, r, depth - 1)


def _no_party(tok: Token, r: Rules) -> bool:
    """Dates and amounts, and a region named as a topic ("talks on the Golan Heights")."""
    topic = tok.head.lower_ in r.topic_preps and tok.ent_type_ in r.topic_labels
    return topic or tok.ent_type_ in r.not_parties


def candidates(cand: Candidate, lex: Lexicon, avoid: set[int]) -> Iterator[Token]:
    """Every token that may head the recipient, best first, each once."""
    r = rules()
    seen = set(avoid)
    first = [*_primary(cand, lex, r)]
    if cand.complement is not None:  # a frame's event: "threatened to cut off power to X"
        first += _primary(cand.complement, lex, r)
    first += _complements(cand.verb, r, r.complement_depth)
    first += _pobjs(cand.verb, r.inner_preps - lex.source_preps)  # "mobilized for a war against X"
    for tok in first:
        for t in (tok, *_inner(tok, r, r.inner_depth)):
            if t.i not in seen and not _no_party(t, r):
                seen.add(t.i)
                yield t


def choose(cand: Candidate, lex: Lexicon, avoid: set[int], resolve: Resolver) -> EventActor | None:
    """The first candidate naming a party; else the first words at all (they may still help a reader)."""
    fallback = None
    for tok in candidates(cand, lex, avoid):
        actor = resolve(tok)
        if party(actor):
            return actor
        fallback = fallback or actor
    return fallback


def _named_inside(p: PlaceMention, mentions: Sequence[ActorMention]) -> bool:
    """A place word inside an organisation's name ("Union for the Total Independence of Angola")."""
    return any(m.start <= p.start and p.end <= m.end and m.end - m.start > p.end - p.start for m in mentions)


def _modifier(doc: Doc, p: PlaceMention) -> bool:
    """ "a spokeswoman for the U.S. embassy": a place word that only qualifies a noun."""
    tok = doc.char_span(p.start, p.end, alignment_mode="expand")
    return tok is not None and tok.root.dep_ in ("compound", "amod", "poss", "nmod")


def _place(
    article: Article, clause: tuple[int, int], trigger: Token, source: EventActor | None
) -> PlaceMention | None:
    """The literal place the clause (else the sentence, where a place naming a noun's owner does not
    count) puts the event in, not the actor's own words ("Serbia lifted a curfew in Montenegro"), the
    first after the trigger preferred."""
    lo, hi = (source.span.start, source.span.end) if source is not None else (-1, -1)
    literal = [
        p
        for p in article.places
        if p.place is not None
        and p.role == "literal"
        and not (p.start < hi and lo < p.end)
        and not _named_inside(p, article.mentions)
    ]
    sent = (trigger.sent.start_char, trigger.sent.end_char)
    for n, (start, end) in enumerate((clause, sent)):
        found = [p for p in literal if start <= p.start < end and (n == 0 or not _modifier(trigger.doc, p))]
        if found:
            return next((p for p in found if p.start >= trigger.idx), found[0])
    return None


def placed(
    type_: str, cand: Candidate, article: Article, clause: tuple[int, int], source: EventActor | None
) -> tuple[EventActor, str] | None:
    """When no words name the recipient: the country where the text places the event, for the types
    recipients.yaml lists; a protest with no place is aimed at the protesters' own government."""
    r = rules()
    if type_ in r.place_types or lemma(cand.token) in r.place_lemmas.get(type_, ()):
        where = _place(article, clause, cand.token, source)
        country = alpha3(where.place.country) if where is not None and where.place is not None else None
        if where is not None and where.place is not None and country is not None:
            words = Span(where.start, where.end, where.text)
            return EventActor(words, None, where.place.name, country, None), "target:place"
    if type_ in r.own_government_types and source is not None and source.country:
        actor = EventActor(source.span, None, f"government of {source.country}", source.country, "GOV")
        return actor, "target:own-government"
    return None
