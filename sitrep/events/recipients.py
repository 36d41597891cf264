"""The event's recipient (our target): whom the action is directed at, not merely the verb's object.

PLOVER's recipient is "the entity to whom the event is directed". News often names it outside the
object: "appealed TO X", "mediation BETWEEN X and Y", "a ban ON X", "demands FROM X", "threatened to stop
gas TO X", or only by the place ("imposed a curfew in Hebron"). So the parse offers candidates in
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

from sitrep.events.arguments import PRONOUNS, RELATIVE, other_occasion, patient_possessor
from sitrep.events.countries import alpha3
from sitrep.events.lexicon import DATA, Lexicon
from sitrep.events.triggers import Candidate, died_of, lemma, subject
from sitrep.records import ActorMention, Article, EventActor, PlaceMention, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

Resolver = Callable[["Token"], EventActor | None]
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
    transfer_lemmas: frozenset[str]
    transfer_preps: frozenset[str]
    stance_nouns: frozenset[str]
    stance_preps: frozenset[str]
    area_nouns: frozenset[str]
    answer_types: frozenset[str]
    setting_types: frozenset[str]


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
        transfer_lemmas=frozenset(raw["transfer_lemmas"]),
        transfer_preps=frozenset(raw["transfer_preps"]),
        stance_nouns=frozenset(raw["stance_nouns"]),
        stance_preps=frozenset(raw["stance_preps"]),
        area_nouns=frozenset(raw["area_nouns"]),
        answer_types=frozenset(raw["answer_types"]),
        setting_types=frozenset(raw["setting_types"]),
    )


def party(actor: EventActor | None) -> bool:
    """Words that name someone: an actor of the actors stage, or at least a country."""
    return actor is not None and (actor.actor_id is not None or actor.country is not None)


def _pobjs(tok: Token, preps: frozenset[str]) -> Iterator[Token]:
    """Objects of the token's prepositions in ``preps`` ("to" parsed as a dative counts too), and of the
    complex prepositions ending in "of" that the data lists whole: "in front of X", "outside of X"."""
    for c in tok.children:
        if c.dep_ not in ("prep", "dative", "advmod") or c.pos_ != "ADP":
            continue
        found = [g for g in c.children if g.dep_ == "pobj"]
        if len(found) == 1 and f"{c.lower_} {found[0].lower_} of" in preps:
            yield from _of(found[0])  # "in front of the ministry"
        elif c.lower_ in preps and not found:
            yield from _of(c) or (_stranded(c) if c.dep_ != "advmod" else ())  # "outside of the parliament"
        elif c.lower_ in preps and c.dep_ != "advmod":
            yield from found


def _of(tok: Token) -> list[Token]:
    return [
        g
        for p in tok.children
        if p.dep_ == "prep" and p.lower_ == "of"
        for g in p.children
        if g.dep_ == "pobj"
    ]


def _stranded(prep: Token) -> Iterator[Token]:
    """A preposition the parser left without its object because a participle follows the noun ("refuge
    to three clerks hiding in ..." reads "clerks" as the participle's subject): that noun."""
    doc = prep.doc
    for t in doc[prep.i + 1 : min(len(doc), prep.i + 8)]:
        if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ in ("NOUN", "PROPN"):
            if min(x.i for x in t.subtree) > prep.i:
                yield t
            return


def _objects(head: Token, passive_subject: bool) -> Iterator[Token]:
    passive = passive_subject and any(c.dep_ == "nsubjpass" for c in head.children)
    for c in head.children:
        if (c.dep_ in OBJECTS and c.pos_ != "ADP") or (passive and c.dep_ == "nsubjpass"):
            yield c


def _requested(cand: Candidate, lex: Lexicon) -> Iterator[Token]:
    """ "demanded that France withdraw ...", "renewed its demand that Chile free ...": the one asked."""
    if cand.entry.frame != "request":
        return
    own = {t.i for t in cand.tokens}
    hosts = _heads(cand, lex)
    if any(c.dep_ in ("dobj", "dative") and c.i not in own for h in hosts for c in h.children):
        return  # "asked the US to ...": the object is the one asked
    for host in hosts:
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
    yield from _requested(cand, lex)
    yield from _under(cand, lex)
    for head in _heads(cand, lex):
        if head is not cand.verb and head.dep_ in OBJECTS:  # "accepted demands FROM X", "X's demands"
            yield from (c for c in head.children if c.dep_ in ("poss", "compound") and c.pos_ != "PRON")
            yield from _pobjs(head, noun_preps | lex.source_preps)
            continue
        if head.pos_ in ("VERB", "AUX"):
            given = _given(head, r)
            yield from given
            for obj in _objects(head, True):
                if lemma(obj) in lex.weapons:  # "launched rockets and fire AGAINST X"
                    for w in (obj, *obj.conjuncts):
                        yield from _pobjs(w, preps)
                if obj.i in own or lemma(obj) in lex.weapons or (given and obj.dep_ != "dative"):
                    continue
                if cand.type in r.object_not_recipient:  # "mobilized reservists against X": X only
                    yield from _inner(obj, r, r.inner_depth)
                else:
                    yield obj
        yield from _pobjs(head, noun_preps if head.pos_ in ("NOUN", "PROPN") else preps)


def _given(verb: Token, r: Rules) -> list[Token]:
    """ "offered its engineers TO X": X, to whom a thing is given; the object is then only the thing."""
    return list(_pobjs(verb, r.transfer_preps)) if lemma(verb) in r.transfer_lemmas else []


def _under(cand: Candidate, lex: Lexicon) -> Iterator[Token]:
    """ "X was put under investigation", "X came under attack", "held X as human shields", "X died of
    torture", "X received criticism", "X faced sanctions": the one the event befalls."""
    tok = cand.token
    receiver = _receiver(cand, lex)
    if receiver is not None:
        yield receiver
    if tok.pos_ == "NOUN" and patient_possessor(tok, lex):  # "the senator's arrest": the senator
        yield from (c for c in tok.children if c.dep_ == "poss" and c.pos_ != "PRON")
    dying = died_of(tok, lex)
    if dying is not None:
        yield from (c for c in dying.children if c.dep_ in ("nsubj", "nsubjpass"))
    if tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ == "under":
        yield from (c for c in tok.head.head.children if c.dep_ in ("nsubj", "nsubjpass"))
    if tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ == "as":
        yield from (c for c in tok.head.head.children if c.dep_ in ("dobj", "obj"))


def _receiver(cand: Candidate, lex: Lexicon) -> Token | None:
    """ "the senator received criticism", "the firm faced sanctions": the receiving verb's subject."""
    tok = cand.token
    if tok.pos_ == "NOUN" and tok.dep_ == "dobj" and lemma(tok.head) in lex.roles["receiving"]:
        return subject(tok.head)
    return None


def undergoer(cand: Candidate, lex: Lexicon) -> Token | None:
    """The one the clause says an act befell, standing as its subject: the receiver of an act ("the
    senator received criticism"), the possessor of an act done to it ("the senator's indictment") or a
    passive's subject with no agent ("the minister was criticised").
    An act told so has happened though its doer goes unnamed."""
    receiver = _receiver(cand, lex)
    if receiver is not None:
        return receiver
    tok = cand.token
    if tok.pos_ == "NOUN" and patient_possessor(tok, lex):  # "the senator's indictment"
        return next((c for c in tok.children if c.dep_ == "poss" and c.pos_ != "PRON"), None)
    verb = cand.verb
    if verb.pos_ != "VERB" or any(c.dep_ == "agent" for c in verb.children):
        return None
    # a pronoun may stand for a thing ("it was postponed", "they were told to wait"); a relative one
    # stands for its antecedent ("the host, who is being sued")
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subj is not None and subj.lower_ in RELATIVE and verb.dep_ == "relcl":
        return verb.head
    return subj if subj is not None and subj.pos_ != "PRON" else None


def _complements(verb: Token, r: Rules, depth: int) -> Iterator[Token]:
    """Objects and recipient phrases of the clauses the trigger governs ("threatened to cut power to X")."""
    if depth == 0:
        return
    for comp in (c for c in verb.children if c.dep_ in r.complement_deps or _purpose(c, r)):
        yield from _pobjs(
            comp, r.complement_preps
        )  # "offered to send three fugitives back to X": X, not them
        if not _given(comp, r):
            yield from _objects(comp, False)
        if comp.dep_ == "ccomp":  # "refused to allow X to land": the one allowed
            yield from (c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass"))
        yield from _complements(comp, r, depth - 1)


def _answered(cand: Candidate, lex: Lexicon, r: Rules) -> Iterator[Token]:
    """The one who asked, when the trigger answers a request and has no object of its own ("asked the
    mayor to resign, but he refused"): the request is the clause the trigger is joined to, or the
    sentence before when the trigger heads its own."""
    verb = cand.verb
    if cand.type not in r.answer_types or verb.pos_ != "VERB" or any(_objects(verb, False)):
        return
    joined = [verb.head] if verb.dep_ == "conj" else []
    joined += [c for c in verb.children if c.dep_ in ("ccomp", "parataxis") and c.i < verb.i]
    if verb.dep_ == "ROOT" and verb.sent.start > 0:
        joined.append(verb.doc[verb.sent.start - 1].sent.root)
    for asked in joined:
        if any(e.type == "REQUEST" and e.pos != "N" for e in lex.triggers.get(lemma(asked), [])):
            requester = subject(asked)
            if requester is not None:
                yield requester
                return


def _setting(cand: Candidate, lex: Lexicon, r: Rules) -> Iterator[Token]:
    """An event named as the setting of a clause ("in a phone call, X urged Y to ...", "in a raid, police
    arrested Y") is between that clause's doer (its source, arguments.source_token) and its object."""
    tok = cand.token
    if cand.type not in r.setting_types or other_occasion(cand, lex):
        return  # "after the attack, the army sealed off the village": another occasion
    if tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.head.pos_ == "VERB":
        yield from _objects(tok.head.head, False)


def _stance(verb: Token, r: Rules) -> Iterator[Token]:
    """ "blocked streets in defiance of X", "struck in retaliation against X": whom the act answers."""
    for c in verb.children:
        if c.dep_ == "prep":
            for noun in (g for g in c.children if g.dep_ == "pobj" and lemma(g) in r.stance_nouns):
                yield from _pobjs(noun, r.stance_preps)


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
    for acl in (c for c in tok.children if c.dep_ == "acl"):  # "crimes committed BY X"
        found += [g for a in acl.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
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
    first = [*_primary(cand, lex, r), *_answered(cand, lex, r)]
    if cand.complement is not None:  # a frame's event: "threatened to stop gas deliveries to X"
        first += _primary(cand.complement, lex, r)
    first += _stance(cand.verb, r)
    first += _setting(cand, lex, r)
    for head in (cand.verb, *(t for t in cand.tokens if t is not cand.verb)):  # "expressed a desire to ..."
        first += _complements(head, r, r.complement_depth)
    first += _pobjs(cand.verb, r.inner_preps - lex.source_preps)  # "mobilized for a war against X"
    for tok in first:
        for t in (tok, *_inner(tok, r, r.inner_depth)):
            if t.i not in seen and not _no_party(t, r):
                seen.add(t.i)
                yield t


def choose(
    cand: Candidate, lex: Lexicon, avoid: set[int], resolve: Resolver, source: EventActor | None = None
) -> EventActor | None:
    """The first candidate naming an actor; else the first whose words at least name a country ("squares
    in Minsk" yields to "in defiance of Belarusian police"); else the first words at all (they may
    still help a reader). The recipient is another party than the source: words that are the source's
    own, or a pronoun standing for it ("Greece will restrict its market for new members": the members),
    are passed over."""
    fallback = country = None
    for tok in candidates(cand, lex, avoid):
        actor = resolve(tok)
        if actor is None or _is_source(actor, source):
            continue
        if actor.actor_id is not None:
            return actor
        if party(actor):
            country = country or actor
        fallback = fallback or actor
    return country or fallback


def _is_source(actor: EventActor, source: EventActor | None) -> bool:
    if source is None:
        return False
    if (actor.span.start, actor.span.end) == (source.span.start, source.span.end):
        return True
    same = actor.actor_id == source.actor_id if actor.actor_id is not None else actor.name == source.name
    return actor.span.text.lower() in PRONOUNS and same


def _named_inside(p: PlaceMention, mentions: Sequence[ActorMention]) -> bool:
    """A place word inside an organisation's name ("Movement for the Independence of Madagascar")."""
    return any(m.start <= p.start and p.end <= m.end and m.end - m.start > p.end - p.start for m in mentions)


def _modifier(doc: Doc, p: PlaceMention) -> bool:
    """ "a spokesman for the Italian embassy": a place word that only qualifies a noun ("near Serbia's
    border" still says where)."""
    tok = doc.char_span(p.start, p.end, alignment_mode="expand")
    if tok is None or tok.root.dep_ not in ("compound", "amod", "poss", "nmod"):
        return False
    return not (tok.root.dep_ == "poss" and lemma(tok.root.head) in rules().area_nouns)


def _place(
    article: Article, clause: tuple[int, int], trigger: Token, source: EventActor | None
) -> PlaceMention | None:
    """The literal place the clause (else the sentence, where a place naming a noun's owner does not
    count) puts the event in, not the actor's own words ("Ethiopia lifted a curfew in Tigray"), the
    first after the trigger preferred."""
    lo, hi = (source.span.start, source.span.end) if source is not None else (-1, -1)
    literal = [
        p
        for p in article.places
        if p.place is not None
        and p.role == "literal"
        and not (p.start < hi and lo < p.end)
        and not _named_inside(p, article.mentions)
        and not _party_of_a_verb(trigger.doc, p)
    ]
    sent = (trigger.sent.start_char, trigger.sent.end_char)
    for n, (start, end) in enumerate((clause, sent)):
        found = [p for p in literal if start <= p.start < end and (n == 0 or not _modifier(trigger.doc, p))]
        if found:
            return next((p for p in found if p.start >= trigger.idx), found[0])
    return None


def _party_of_a_verb(doc: Doc, p: PlaceMention) -> bool:
    """A place named as a verb's subject or object acts or is acted on there ("withdrew a plan that would
    let Sweden build a dam"): a party of that clause, not where the event is."""
    words = doc.char_span(p.start, p.end, alignment_mode="expand")
    return words is not None and words.root.dep_ in ("nsubj", "nsubjpass", "dobj", "dative")


def place_party(words: PlaceMention) -> EventActor | None:
    """A place standing for a party: its country, named as the text names the place."""
    country = alpha3(words.place.country) if words.place is not None else None
    if words.place is None or country is None:
        return None
    return EventActor(Span(words.start, words.end, words.text), None, words.place.name, country, None)


def placed(
    type_: str, cand: Candidate, article: Article, clause: tuple[int, int], source: EventActor | None
) -> tuple[EventActor, str] | None:
    """When no words name the recipient: the country where the text places the event, for the types
    recipients.yaml lists; a protest with no place is aimed at the protesters' own government."""
    r = rules()
    if type_ in r.place_types or lemma(cand.token) in r.place_lemmas.get(type_, ()):
        where = _place(article, clause, cand.token, source)
        actor = place_party(where) if where is not None else None
        if actor is not None:
            return actor, "target:place"
    if type_ in r.own_government_types and source is not None and source.country:
        actor = EventActor(source.span, None, f"government of {source.country}", source.country, "GOV")
        return actor, "target:own-government"
    return None
