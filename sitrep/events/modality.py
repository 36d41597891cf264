"""Modality: is the event asserted, reported, hypothetical, conditional, negated, future or habitual?

Read from the parse around the trigger's clause and up the chain of clauses that embed it, with the cue
words of modality.yaml. When several cues apply the strongest wins (a reported hypothetical attack is
hypothetical): conditional > negated > hypothetical > future > habitual > reported > asserted. A frame
("threatened to", "called for", "refused to") gives its complement the frame's modality.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from sitrep.events.lexicon import Lexicon
from sitrep.events.triggers import Candidate, lemma
from sitrep.records import Modality, Quote

if TYPE_CHECKING:
    from spacy.tokens import Token

ORDER: tuple[Modality, ...] = (
    "conditional", "negated", "hypothetical", "future", "habitual", "reported", "asserted",
)  # fmt: skip
EMBEDDING = frozenset({"ccomp", "xcomp", "advcl", "acl", "pcomp", "conj", "parataxis", "prep", "pobj"})


@dataclass(frozen=True, slots=True)
class Reading:
    modality: Modality
    cue: str  # the word or rule that decided, for explanations
    quote_id: str | None = None
    cues: frozenset[str] = frozenset()  # every modality some cue pointed to
    said_future: bool = False  # "will", "shall", or a reported "would": a party's stated future
    negation: str = ""  # the word that negated the clause itself ("not"), if any


def clause_verb(tok: Token) -> Token:
    """The verb of the clause a trigger word sits in (itself when it is a verb)."""
    cur = tok
    for _ in range(6):
        if cur.pos_ in ("VERB", "AUX") or cur.dep_ == "ROOT" or cur.head is cur:
            return cur
        cur = cur.head
    return cur


def _mark(clause: Token, marks: frozenset[str]) -> str:
    return next((g.lower_ for g in clause.children if g.dep_ == "mark" and g.lower_ in marks), "")


def _own_cues(lex: Lexicon, verb: Token, found: dict[Modality, str]) -> None:
    """Cues on the clause itself: negation, modal and future auxiliaries, "if", habitual adverbs."""
    cues = lex.modality
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    for c in [*verb.children, *(g for a in aux for g in a.children)]:
        low = c.lower_
        if c.dep_ == "neg" or (c.dep_ == "det" and low == "no"):
            found.setdefault("negated", low)
        elif c.dep_ in ("dobj", "nsubj", "nsubjpass") and low in cues["negative_pronouns"]:
            found.setdefault("negated", low)  # "conceded nothing", "nobody is conducting an inquiry"
        elif c.dep_ == "aux" and low in cues["hypothetical_aux"]:
            found.setdefault("hypothetical", low)
        elif c.dep_ == "aux" and low in cues["future_aux"]:
            found.setdefault("future", low)
        elif c.dep_ == "mark" and low in cues["conditional_marks"]:
            found.setdefault("conditional", low)
        elif c.dep_ == "advcl" and (mark := _mark(c, cues["conditional_marks"])):
            found.setdefault("conditional", f"{low}: {mark}")  # "will attack if war breaks out"
        elif c.dep_ == "advmod" and low in cues["habitual_adverbs"]:
            found.setdefault("habitual", low)
        elif c.dep_ in ("npadvmod", "obl") and _every(c, cues):
            found.setdefault("habitual", f"every {c.lower_}")
        elif c.dep_ == "prep" and low == "for":
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None and lemma(pobj) in cues["habitual_durations"] and pobj.tag_ == "NNS":
                found.setdefault("habitual", f"for {pobj.lower_}")
        elif (repeated := _repeated(c, cues)) is not None:
            found.setdefault("habitual", repeated)


def _repeated(c: Token, cues: dict[str, frozenset[str]]) -> str | None:
    """ "At times there were protests", "numerous times, people have been jailed", "over the years":
    plural times or years as an adverbial, under "at"/"over" or with "many", "numerous" ..."""
    if c.dep_ == "prep" and c.lower_ in ("at", "over"):
        noun = next((g for g in c.children if g.dep_ == "pobj"), None)
    elif c.dep_ in ("npadvmod", "obl"):
        noun = c
    else:
        return None
    if noun is None or lemma(noun) not in cues["habitual_time_nouns"] or noun.tag_ != "NNS":
        return None
    mods = {m.lower_ for m in noun.children if m.dep_ in ("amod", "det")}
    if mods & cues["habitual_time_modifiers"]:
        return noun.lower_
    at_times = c.lower_ == "at" and lemma(noun) == "time"
    return f"{c.lower_} {noun.lower_}" if at_times or c.lower_ == "over" else None


def _generic_present(cand: Candidate, verb: Token) -> bool:
    """ "The site hosts many videos", "they talk to me": a simple present says what is usually so, not
    what happened (news reports happenings in the past; a stated intention — "plans to", "urges" — is
    a frame and keeps its own reading)."""
    if cand.entry.frame is not None or cand.frame_of is not None or verb.tag_ not in ("VBZ", "VBP"):
        return False
    if cand.token is not verb:
        return False  # "is under investigation", "there are two bombings": a state, or an event named
    return not any(c.dep_ in ("aux", "auxpass") and c.lemma_ != "do" for c in verb.children)


def _lacking(tok: Token, lex: Lexicon) -> str | None:
    """ "the lack of a ceasefire", "in the absence of talks": an event named as what is missing."""
    head = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else None
    return lemma(head) if head is not None and lemma(head) in lex.modality["negating_nouns"] else None


def _every(noun: Token, cues: dict[str, frozenset[str]]) -> bool:
    """ "march every week", "each year they hold": a time noun under every/each repeats the event."""
    return lemma(noun) in cues["habitual_durations"] and any(
        d.dep_ == "det" and d.lower_ in cues["habitual_quantifiers"] for d in noun.children
    )


def _is_purpose(verb: Token, lex: Lexicon) -> bool:
    """An infinitive of purpose ("dispatched him to tell them") states an intention, not a fact."""
    has_to = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    head = verb.head
    return (
        has_to
        and verb.dep_ in ("advcl", "xcomp", "acl")
        and lemma(head) not in lex.light_verbs
        and lemma(head) not in lex.modality["future_governors"]
        and lemma(head) not in lex.modality["mission_verbs"]
        and lemma(head) not in lex.modality["implicative_governors"]
    )


def _own_sentence(clause: Token, head: Token) -> bool:
    """ "X was charged; the motion later failed": a semicolon joins two sentences, so a clause before it
    is embedded in nothing after it (the parser may still hang it there)."""
    start, end = sorted((clause.i, head.i))
    return any(t.text == ";" and t.head.i == head.i for t in clause.doc[start:end])


def _chain_cues(lex: Lexicon, verb: Token, found: dict[Modality, str]) -> None:
    """Cues from the clauses that embed this one, up to the sentence root."""
    cues = lex.modality
    cur = verb
    for _ in range(8):
        if cur.dep_ in ("ROOT", "relcl") or cur.head is cur:
            return
        head, rel = cur.head, cur.dep_
        hl = lemma(head)
        if _own_sentence(cur, head):
            return
        if rel == "conj":
            _own_cues(lex, head, found)
        elif rel in ("ccomp", "xcomp", "advcl", "parataxis"):
            if hl in cues["speech_verbs"] and rel in ("ccomp", "parataxis", "advcl"):
                found.setdefault("reported", hl)
            elif hl in cues["negating_governors"] and rel in ("xcomp", "ccomp"):
                found.setdefault("negated", hl)
            elif hl in cues["hypothetical_governors"] and rel in ("xcomp", "ccomp"):
                found.setdefault("hypothetical", hl)
            elif hl in cues["future_governors"] and rel == "xcomp":
                found.setdefault("future", hl)
            elif _is_purpose(cur, lex):
                found.setdefault("future", f"to {cur.lower_}")
        elif rel == "acl" and _is_purpose(cur, lex):
            found.setdefault("future", f"to {cur.lower_}")
        infinitive = rel == "xcomp" or (
            rel == "ccomp" and any(c.lower_ == "to" and c.dep_ == "aux" for c in cur.children)
        )
        if infinitive and head.pos_ in ("VERB", "AUX"):  # "would have allowed them to extradite"
            governing: dict[Modality, str] = {}
            _own_cues(lex, head, governing)
            for modality, cue in governing.items():  # named apart: not the trigger's own "would"
                found.setdefault(modality, f"{cue} {head.lower_}")
        if rel not in EMBEDDING and rel not in ("dobj", "nsubj", "nsubjpass", "attr"):
            return
        if head.pos_ in ("VERB", "AUX") and rel != "conj" and hl in lex.light_verbs:
            _own_cues(lex, head, found)
        cur = head


def _presupposed(tok: Token, verb: Token) -> bool:
    """ "Nobody was hurt in the attack", "in a phone call, he may have urged them": an event named in a
    prepositional adjunct of a clause is taken for granted by it (a presupposition), so the clause's own
    negation, and a modal about what was done in the past ("may have urged"), do not reach it."""
    if tok.pos_ != "NOUN" or tok.dep_ != "pobj" or tok.head.dep_ != "prep" or tok.head.head.i != verb.i:
        return False
    if tok.head.lower_ in ("without", "instead", "unlike", "of", "for", "to"):
        return False  # "without talks", "instead of a strike", "hope for talks": no presupposition
    modal = any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
    return perfect or not modal


def _performed(cand: Candidate, lex: Lexicon) -> bool:
    """ "We would like to thank the court", "I want to congratulate him": a speech act done by naming it
    under a polite wish (a performative), not a wish about what may come."""
    verb = cand.token
    cues = lex.modality
    return (
        lemma(verb) in cues["performative_verbs"]
        and verb.dep_ == "xcomp"
        and lemma(verb.head) in cues["performative_frames"]
        and not any(c.dep_ == "neg" for c in verb.head.children)
    )


def _asked(tok: Token) -> bool:
    """A question asks, it asserts nothing: the first end mark after the trigger is a question mark.
    Read from the trigger on, not from the sentence's end, since the parser can leave what follows the
    question in its sentence ("Had the board ever warned you?  ((J. Smith))  Well, ...")."""
    sent = tok.sent
    end = next((t.text for t in sent[tok.i - sent.start :] if t.text in ("?", ".", "!")), None)
    return end == "?" if end is not None else sent.text.rstrip().rstrip("\"\u201d\u2019'").endswith("?")


def _quote(quotes: Sequence[Quote], start: int) -> Quote | None:
    inside = [q for q in quotes if q.start <= start < q.end]
    return min(inside, key=lambda q: q.end - q.start) if inside else None


def read(cand: Candidate, lex: Lexicon, quotes: Sequence[Quote], offset: int = 0) -> Reading:
    """The modality of one trigger; ``offset`` maps token offsets to article offsets."""
    quote = _quote(quotes, cand.token.idx + offset)
    qid = quote.id if quote else None
    found: dict[Modality, str] = {}
    verb = clause_verb(cand.verb)
    _own_cues(lex, verb, found)
    if _presupposed(cand.token, verb):
        if found.get("hypothetical") in lex.modality["hypothetical_aux"]:
            del found["hypothetical"]
        found.pop("negated", None)
    if cand.token is not verb:
        _own_cues(lex, cand.token, found)
    if (lack := _lacking(cand.token, lex)) is not None:
        found.setdefault("negated", lack)
    if _asked(cand.token):
        found.setdefault("hypothetical", "question")  # "Did the federation ever back you?" asserts nothing
    if _generic_present(cand, verb):
        found.setdefault("habitual", "present")
    if lemma(verb) in lex.light_verbs and verb.dep_ == "xcomp":
        _own_cues(lex, verb.head, found)
    _chain_cues(lex, verb, found)
    if cand.frame_of is not None:
        name = cand.frame_of.entry.frame or ""
        found.setdefault(cast(Modality, lex.frames[name].modality), f"frame:{lemma(cand.frame_of.token)}")
    if quote is not None:
        found.setdefault("reported", "quote")
    if _performed(cand, lex):  # "we would like to thank them": the thanks are given by saying so
        frame = lemma(cand.token.head)
        for modality in ("hypothetical", "future"):
            if found.get(modality, "").endswith(frame) or found.get(modality) == f"to {cand.token.lower_}":
                del found[modality]
    if found.get("hypothetical") == "would" and "reported" in found:
        found["future"] = found.pop("hypothetical")  # "said they would meet": future in the past
    if cand.entry.frame == "intent" and found.get("future") in ("will", "would", "shall", "'ll"):
        del found["future"]  # "said it would be ready to": the intention itself is stated now
    for modality in ORDER:
        if modality in found:
            said = found.get("future") in ("will", "shall", "'ll", "would")
            return Reading(modality, found[modality], qid, frozenset(found), said, found.get("negated", ""))
    return Reading("asserted", "", qid)
