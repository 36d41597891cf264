"""Trigger matching: which tokens of the parse name an event, of which type, and how triggers nest.

One pass over the tokens with dict look-ups (lemma, lemma+particle, verb+object, compound+head); then
frames ("threatened to attack") claim their complement, and a trigger noun that is the subject or object
of a same-type trigger verb ("the attack killed") is folded into it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sitrep.events.lexicon import Entry, Lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

NAME_ENTS = frozenset({"PERSON", "ORG", "GPE", "FAC", "WORK_OF_ART", "LAW", "EVENT", "PRODUCT", "NORP"})
OBJ_DEPS = ("dobj", "obj", "nsubjpass", "attr", "oprd")
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "dobj", "pobj", "prep", "pcomp", "acl", "conj"})
# a noun trigger in these positions names an event as background ("during the talks", "war-torn")
ADJUNCT_DEPS = frozenset({"pobj", "poss", "npadvmod", "appos", "compound", "nmod"})
NOT_EVENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})


@dataclass
class Candidate:
    """A trigger found in the parse; later steps fill its modality, arguments and anchors."""

    token: Token
    entry: Entry
    tokens: list[Token] = field(default_factory=list)  # every token of the trigger words
    type: str = ""
    mode: str | None = None
    cameo: str | None = None
    rule: str = ""
    frame_of: Candidate | None = None  # the frame event that holds this one as its complement
    complement: Candidate | None = None
    absorbed: list[Candidate] = field(default_factory=list)  # same-event triggers folded in
    background: bool = False  # an event named as the argument of another ("condemned the attack")
    dropped: bool = False  # folded into another trigger, or a frame word that names no event alone

    def __post_init__(self) -> None:
        self.tokens = self.tokens or [self.token]
        self.type = self.type or self.entry.type
        self.mode = self.mode if self.mode is not None else self.entry.mode
        self.cameo = self.cameo or self.entry.cameo
        self.rule = self.rule or self.entry.rule

    @property
    def verb(self) -> Token:
        """The verb that carries the trigger's clause (the trigger itself when it is a verb)."""
        return next((t for t in self.tokens if t.pos_ in ("VERB", "AUX")), self.token)


def lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _obj(tok: Token) -> Token | None:
    obj = next((c for c in tok.children if c.dep_ in OBJ_DEPS), None)
    if obj is not None:
        of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if pobj is not None and lemma(obj) in ("ton", "mission", "team", "group", "number", "delegation"):
            return pobj
    return obj


def subject(tok: Token) -> Token | None:
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "csubj")), None)
    if subj is None:
        agent = next((c for c in tok.children if c.dep_ == "agent"), None)
        subj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if subj is None and tok.dep_ in ("conj", "xcomp", "advcl") and tok.head is not tok:
        return subject(tok.head)
    return subj


def _words(tok: Token) -> set[str]:
    """The lemmas of a noun and its modifiers, for class tests ("Islamic fundamentalists")."""
    return {lemma(t) for t in tok.subtree if t.i - tok.i <= 0 and tok.i - t.i < 5} | {lemma(tok)}


def _is_armed(lex: Lexicon, tok: Token | None) -> bool:
    if tok is None:
        return False
    return (
        bool(_words(tok) & lex.classes["armed"])
        or lemma(tok) in lex.weapons
        or tok.ent_type_ in ("GPE", "NORP")
    )


def _has_to_complement(tok: Token) -> bool:
    """An infinitive complement ("told them to stop"), not reported speech ("told MEE that ...")."""
    return any(c.dep_ == "xcomp" for c in tok.children)


def needs_met(lex: Lexicon, tok: Token, needs: str | None) -> bool:
    """The dependent a trigger needs to count (data: the ``needs`` field of triggers.yaml)."""
    if needs is None:
        return True
    obj = _obj(tok)
    if needs == "subj-armed":  # the words just before the verb too: long subjects are often misparsed
        before = tok.doc[max(tok.sent.start, tok.i - 5) : tok.i]
        return _is_armed(lex, subject(tok)) or any(
            t.pos_ == "NOUN" and (lemma(t) in lex.weapons or lex.in_class("armed", lemma(t))) for t in before
        )
    if needs == "subj-civil":
        subj = subject(tok)
        return subj is not None and bool(_words(subj) & lex.classes["civil"])
    if needs == "not-armed":
        near = [c for c in tok.children if c.dep_ in ("compound", "amod")]
        return not any(_is_armed(lex, c) for c in near) and not _is_armed(lex, subject(tok.head))
    if needs == "obj-weapon":
        return obj is not None and (lemma(obj) in lex.weapons or lex.in_class("armed", lemma(obj)))
    if needs == "obj-any":
        return obj is not None
    if needs == "to-complement":
        return _has_to_complement(tok)
    if needs == "for-or-on":
        return any(c.dep_ == "prep" and c.lower_ in ("for", "on", "upon") for c in tok.children)
    if needs == "armed-context":
        return any(lex.in_class("armed", lemma(t)) for t in tok.sent)
    if needs == "not-aid":
        return obj is None or not lex.in_class("aid", lemma(obj))
    if needs.startswith("obj-"):
        name = needs[4:]
        if obj is None:
            return False
        return bool(_words(obj) & lex.classes[name]) or (name == "captive" and obj.ent_type_ == "PERSON")
    return False


def _in_name(tok: Token) -> bool:
    return tok.ent_type_ in NAME_ENTS and tok.pos_ == "PROPN"


def _best(lex: Lexicon, tok: Token, key: str, pos: str) -> Entry | None:
    fitting = [e for e in lex.triggers.get(key, ()) if e.pos in ("any", pos) and needs_met(lex, tok, e.needs)]
    return max(fitting, key=lambda e: e.conf) if fitting else None


def _match(lex: Lexicon, tok: Token) -> Candidate | None:
    pos = "V" if tok.pos_ in ("VERB", "AUX") else "N" if tok.pos_ in ("NOUN", "PROPN") else "A"
    if pos == "A" and tok.pos_ != "ADJ":
        return None
    if tok.dep_ in ("compound", "amod") or _in_name(tok) or tok.ent_type_ in NOT_EVENTS:
        return None
    lem = lemma(tok)
    prt = next((c for c in tok.children if c.dep_ == "prt"), None)
    keys = [f"{lem} {prt.lower_}"] if prt is not None else []
    if pos == "V":
        obj = _obj(tok)
        if obj is not None:
            for key in [*keys, lem]:
                hit = lex.verb_object.get((key, lemma(obj)))
                if hit is not None:
                    return Candidate(tok, hit, tokens=[tok, obj])
    else:
        for mod in tok.children:
            table = lex.compounds if mod.dep_ == "compound" else lex.adjectives
            hit = table.get((lem, lemma(mod)))
            if hit is not None and mod.dep_ in ("compound", "amod"):
                return Candidate(tok, hit, tokens=[mod, tok])
            if mod.dep_ in ("compound", "amod"):
                keys.append(f"{lemma(mod)} {lem}")
    for key in [*keys, lem]:
        entry = _best(lex, tok, key, pos)
        if entry is not None:
            extra = [prt] if prt is not None and key.endswith(prt.lower_) and " " in key else []
            return Candidate(tok, entry, tokens=[tok, *extra])
    return None


def find(doc: Doc, lex: Lexicon) -> list[Candidate]:
    """Every trigger in the document, with frames linked to complements and same-event nouns folded in."""
    found: dict[int, Candidate] = {}
    for tok in doc:
        if tok.is_alpha and tok.i not in found:
            cand = _match(lex, tok)
            if cand is not None:
                for t in cand.tokens:
                    found.setdefault(t.i, cand)
    cands = list({id(c): c for c in found.values()}.values())
    cands += _reduced_relatives(doc, lex)
    _link_frames(cands, found, lex)
    _fold(cands, found, lex)
    return [c for c in cands if not c.dropped]


def _reduced_relatives(doc: Doc, lex: Lexicon) -> list[Candidate]:
    """ "a ceasefire, declared on 11 October": the parser often makes the participle a new clause; the
    noun and the participle still name an event of their own (a declared ceasefire), dated by its clause."""
    out = []
    words = [t for t in doc if not t.is_space]
    for a, comma, v in zip(words, words[1:], words[2:], strict=False):
        if a.pos_ != "NOUN" or comma.text != "," or v.tag_ not in ("VBN", "VBD"):
            continue
        hit = lex.verb_object.get((lemma(v), lemma(a)))
        if hit is not None and not any(c.dep_.startswith("nsubj") for c in v.children):
            out.append(Candidate(v, hit, tokens=[a, v], rule=f"{hit.rule}:reduced-relative"))
    return out


def _first_trigger(tok: Token, found: dict[int, Candidate], own: Candidate) -> Candidate | None:
    """The nearest trigger below ``tok`` along complement relations, breadth first, at most 3 deep."""
    layer = [c for c in tok.children if c.dep_ in COMPLEMENT_DEPS]
    for _ in range(3):
        nxt: list[Token] = []
        for t in layer:
            cand = found.get(t.i)
            if cand is not None and cand is not own:
                return cand
            nxt.extend(c for c in t.children if c.dep_ in COMPLEMENT_DEPS)
        layer = nxt
    return None


def _link_frames(cands: list[Candidate], found: dict[int, Candidate], lex: Lexicon) -> None:
    for cand in sorted(cands, key=lambda c: c.token.i):
        frame = lex.frames.get(cand.entry.frame or "")
        if frame is None:
            continue
        inner = _first_trigger(cand.token, found, cand)
        if inner is not None and inner.frame_of is None:
            inner.frame_of = cand
            cand.complement = inner
        _apply_frame(cand, lex)


def _apply_frame(cand: Candidate, lex: Lexicon) -> None:
    """The frame's type and mode follow its complement (data: frames.yaml)."""
    name = cand.entry.frame or ""
    frame = lex.frames[name]
    inner = cand.complement
    inner_type = inner.type if inner is not None else "default"
    if name == "intent":
        cand.type = frame.types.get(inner_type, frame.types["default"])
        cand.cameo = frame.cameo.get(cand.type, cand.cameo)
        if inner is None and lemma(cand.token) not in frame.alone and cand.token.pos_ != "ADJ":
            cand.type = ""  # "plans", "prepared" alone name no event
        return
    if name == "threaten" and inner is not None and inner.type == "COERCE":
        cand.mode = frame.coerce_modes.get(inner.mode or "", frame.modes.get("COERCE"))
    else:
        cand.mode = frame.modes.get(inner_type, frame.modes.get("default", cand.mode))
    cand.cameo = frame.cameo.get(inner_type, cand.cameo)
    if inner is not None:
        cand.rule = f"{cand.rule}+{inner.type}"


def _fold(cands: list[Candidate], found: dict[int, Candidate], lex: Lexicon) -> None:
    """Fold same-event triggers of one clause together; mark events named as another's argument."""
    for cand in cands:
        tok = cand.token
        head = found.get(tok.head.i)
        if tok.pos_ == "VERB" and tok.dep_ == "conj" and head is not None and head.type == cand.type:
            head.absorbed.append(cand)  # "killed a child and wounded five": one attack
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


def _is_background(cand: Candidate, found: dict[int, Candidate], lex: Lexicon) -> bool:
    """Events the sentence mentions in passing: nouns in adjuncts ("despite negotiations"), clauses under
    a preposition ("arrested for collaborating"), participles modifying a noun ("a bill signed by"), and
    a protest's demands (PLOVER codes the protest)."""
    tok = cand.token
    if len(cand.tokens) == 1 and tok.pos_ == "NOUN" and tok.dep_ in ADJUNCT_DEPS:
        host = tok.head.head if tok.dep_ == "pobj" else tok.head
        return lemma(host) not in lex.light_verbs
    if tok.pos_ == "VERB" and (tok.dep_ == "pcomp" or (tok.dep_ == "acl" and tok.tag_ == "VBN")):
        return True
    owners = lex.topic_of.get(cand.type, frozenset())
    cur = tok
    for _ in range(3):
        if cur.head is cur:
            break
        cur = cur.head
        owner = found.get(cur.i)
        if owner is not None and owner.type in owners:
            return True
    return False
