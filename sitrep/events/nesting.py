"""How the triggers of a sentence nest: frames claim their complement ("threatened to attack"), triggers
of one happening fold together ("the attack killed"), and events named in passing become background.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitrep.events.lexicon import Lexicon
from sitrep.events.triggers import (
    ADJUNCT_DEPS,
    COMPLEMENT_DEPS,
    Candidate,
    died_of,
    lemma,
    match_all,
    misparsed_main_verb,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def find(doc: Doc, lex: Lexicon) -> list[Candidate]:
    """Every event trigger in the document, frames linked to complements, same-event triggers folded in."""
    cands, found = match_all(doc, lex)
    _link_frames(cands, found, lex)
    _fold(cands, found, lex)
    _drop_weak(cands)
    return [c for c in cands if not c.dropped]


def _drop_weak(cands: list[Candidate]) -> None:
    """Rows derived from the CAMEO dictionary speak only in sentences the curated lexicon leaves silent."""
    curated = {c.token.sent.start for c in cands if not c.dropped and not c.background and not c.derived}
    for c in cands:
        if c.derived and c.token.sent.start in curated:
            c.dropped = True


def _complements(tok: Token) -> list[Token]:
    """Dependents that can hold a complement event; an infinitival advcl too ("sworn to fight")."""
    return [
        c
        for c in tok.children
        if c.dep_ in COMPLEMENT_DEPS
        or (c.dep_ == "advcl" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children))
    ]


def _first_trigger(tok: Token, found: dict[int, Candidate], own: Candidate) -> Candidate | None:
    """The nearest trigger below ``tok`` along complement relations, breadth first, at most 3 deep."""
    # not a sibling ("indicted ... and will resign"), nor a fronted adjunct ("In a phone call, he urged
    # them to act": a complement follows its verb)
    layer = [c for c in _complements(tok) if c.dep_ != "conj" and not (c.dep_ == "prep" and c.i < tok.i)]
    weak = None  # a trigger derived from the CAMEO dictionary only if no curated one is there
    for _ in range(4):
        nxt: list[Token] = []
        for t in layer:
            cand = found.get(t.i)
            if cand is not None and cand is not own:
                if not cand.derived:
                    return cand
                weak = weak or cand
            nxt.extend(_complements(t))
        layer = nxt
    return weak


def _link_frames(cands: list[Candidate], found: dict[int, Candidate], lex: Lexicon) -> None:
    for cand in sorted(cands, key=lambda c: c.token.i):
        frame = lex.frames.get(cand.entry.frame or "")
        if frame is None:
            continue
        inner = _first_trigger(cand.token, found, cand)
        host = cand.token.head
        if inner is None and cand.token.dep_ == "dobj" and lemma(host) in lex.light_verbs:
            inner = _first_trigger(host, found, cand)  # "renewed its demand that Chile free ..."
        if inner is not None and inner.frame_of is None:
            inner.frame_of = cand
            cand.complement = inner
            inner.background = frame is lex.frames.get("accuse")  # the accusation is the news
        _apply_frame(cand, lex)


def _apply_frame(cand: Candidate, lex: Lexicon) -> None:
    """The frame's type and mode follow its complement (data: frames.yaml)."""
    name = cand.entry.frame or ""
    frame = lex.frames[name]
    inner = cand.complement
    inner_type = inner.type if inner is not None else "default"
    if lemma(cand.token) in frame.need_complement and (inner is None or inner.derived):
        cand.type = ""  # "failing to uphold rights": no refusal the lexicon can vouch for
        return
    if name == "intent":
        cand.type = frame.types.get(inner_type, frame.types["default"])
        if not cand.type and inner is not None and inner.token.head.i != cand.token.i:
            cand.type = frame.types["default"]  # "agreed to help with the inquiry": the help is intended
        cand.cameo = frame.cameo.get(cand.type, cand.cameo)
        if inner is None and lemma(cand.token) not in frame.alone and cand.token.pos_ != "ADJ":
            cand.type = ""  # "plans", "prepared" alone name no event
        elif inner is None and _opinion(cand.token):
            cand.type = ""  # "the judge agreed the book may hold secrets": a view shared, no commitment
        return
    if name == "threaten" and inner is not None and inner.type == "COERCE":
        cand.mode = frame.coerce_modes.get(inner.mode or "", frame.modes.get("COERCE"))
    else:
        cand.mode = frame.modes.get(inner_type, frame.modes.get("default", cand.mode))
    cand.cameo = frame.cameo.get(inner_type, cand.cameo)
    if inner is not None:
        cand.rule = f"{cand.rule}+{inner.type}"


def _opinion(tok: Token) -> bool:
    """ "agreed (that) the plan was flawed": agreeing with a statement whose clause names no event is
    sharing a view (CAMEO.2.0 "AGREE (ON IMPORTANCE) [019]", a public statement), not a commitment to act
    ("agreed to talks", "agreed with the rebels", "agreed that troops would withdraw" stay AGREE)."""
    clause = next((c for c in tok.children if c.dep_ == "ccomp"), None)
    bound = any(
        c.dep_ in ("dobj", "xcomp") or (c.dep_ == "prep" and c.lower_ in ("to", "with")) for c in tok.children
    )
    return clause is not None and not bound and any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)


def _fold(cands: list[Candidate], found: dict[int, Candidate], lex: Lexicon) -> None:
    """Fold same-event triggers of one clause together; mark events named as another's argument."""
    for cand in cands:
        tok = cand.token
        head = found.get(tok.head.i)
        elaborates = tok.dep_ == "conj" or (tok.dep_ == "advcl" and tok.tag_ == "VBG")
        if head is not None and head.type == cand.type and tok.pos_ == "VERB" and elaborates:
            head.absorbed.append(cand)  # "killed a child and wounded five", "fired rockets, killing two"
            cand.dropped = True
            continue
        if tok.pos_ not in ("NOUN", "PROPN") or cand.frame_of is not None:
            continue
        head = found.get(tok.head.i)
        if head is None or head is cand:
            continue
        if head.type == cand.type and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos"):
            head.absorbed.append(cand)
            cand.dropped = True
        elif tok.dep_ in ("dobj", "pobj", "nsubjpass") and head.entry.frame is None:
            cand.background = True
    for cand in cands:
        if not cand.type:
            cand.dropped = True
        elif cand.frame_of is None and not cand.background:
            cand.background = _is_background(cand, found, lex)


def _has_subject_or_mark(tok: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in tok.children)


def _elaborates(tok: Token, found: dict[int, Candidate], lex: Lexicon) -> bool:
    """ "refused to meet him, saying ...", "opened fire, killing one and arresting 12": a participle with
    no subject of its own after an event verb tells more about that event, it is not news of its own."""
    first = tok
    while first.dep_ == "conj" and first.head is not first:
        first = first.head
    if first.tag_ != "VBG" or first.dep_ != "advcl" or _has_subject_or_mark(first):
        return False
    head = first.head
    if head.i in found:
        return True
    return any(c.i in found for c in head.children if c.dep_ == "dobj")  # "staged rallies, saying"


def _own_act(verb: Token, trigger: Token) -> bool:
    """ "raided the camp, arresting 12 activists": a participle that is itself the trigger and has its own
    object is a second completed act of the same doers, news like the first."""
    return verb is trigger and any(c.dep_ in ("dobj", "obj") for c in verb.children)


def _under_adjunct(tok: Token, lex: Lexicon, found: dict[int, Candidate]) -> bool:
    """True when the clause of ``tok`` hangs off "after", "as", "despite" ..., is a relative clause, or
    elaborates another event."""
    cur = tok
    for _ in range(6):
        if cur.head is cur:
            return False
        if cur.dep_ == "relcl" or (
            cur.pos_ == "VERB" and _elaborates(cur, found, lex) and not _own_act(cur, tok)
        ):
            return True
        if cur.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in lex.adjunct_marks for c in cur.children
        ):
            return True
        if cur.dep_ in ("pcomp", "pobj") and cur.head.lower_ in lex.adjunct_preps:
            return True
        cur = cur.head
    return False


def _is_background(cand: Candidate, found: dict[int, Candidate], lex: Lexicon) -> bool:
    """Events the sentence mentions in passing: nouns in adjuncts ("despite negotiations"), clauses under
    a preposition ("arrested for collaborating"), participles modifying a noun ("a bill signed by"), and
    a protest's demands (PLOVER codes the protest)."""
    tok = cand.token
    first = tok
    while first.dep_ == "conj" and first.head is not first:
        first = first.head  # "a pact of trade and cooperation": the first conjunct's role
    if cand.verb is tok and tok.pos_ == "NOUN" and died_of(tok, lex) is not None:
        return False  # "died of torture": it killed someone
    if cand.verb is tok and tok.pos_ == "NOUN" and first.dep_ in ADJUNCT_DEPS:
        host = first.head.head if first.dep_ == "pobj" else first.head
        if lemma(host) in lex.measure_nouns and host.dep_ in ADJUNCT_DEPS | {"dobj", "nsubj"}:
            host = host.head.head if host.dep_ == "pobj" else host.head  # "three weeks of naval drills"
        if lemma(host) in lex.modality["mission_verbs"] and first.head.lower_ == "for":
            return False  # "returned to Geneva for talks", "converging for a rally": what they came for
        if first.dep_ == "pobj" and first.head.lower_ in lex.adjunct_preps:
            return True
        if lemma(host) not in lex.light_verbs:
            return True
    if tok.pos_ == "VERB" and (
        tok.dep_ == "relcl" or (tok.dep_ == "pcomp" and tok.head.lower_ in lex.adjunct_preps)
    ):
        return True  # "arrested for collaborating", "the town, where 24 were killed"
    if (
        tok.pos_ == "VERB"
        and tok.dep_ == "acl"
        and lemma(tok.head) not in lex.speech_nouns
        and not misparsed_main_verb(tok)
    ):
        return True  # "inspectors probing sites", "a bill signed by" — not "a declaration demanding"
    if _under_adjunct(tok, lex, found):
        return True
    owners = lex.topic_of.get(cand.type, frozenset())
    cur = tok
    for _ in range(3):
        if cur.head is cur or not owners:
            break
        cur = cur.head
        near = [
            cur,
            *(c for c in cur.children if c.dep_ in ("dobj", "nsubj") and lemma(cur) in lex.light_verbs),
        ]
        if any(found[t.i].type in owners for t in near if t.i in found):
            return True  # "kept up their sit-in to demand ...": the sit-in's demand
    return False
