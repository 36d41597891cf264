"""Which way a clause looks in time, read from the parse the language stage already made.

"before he loses his power on 20 January" (published 2020-11-19) means the coming 20 January: the date
hangs from "loses", a present tense verb under "before", itself under "could lash out". Walking up the
dependency heads from the expression, the first verb that decides wins: a future or modal auxiliary,
a forward-looking verb ("plans to"), a present verb under "before/until/if", or a progressive present
("is meeting on Friday") look forward; a past tense or perfect looks back. Nothing decisive: None, and
the readers take the news default (the past).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitrep.timex.calendar import Direction
from sitrep.timex.lexicon import Lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_MAX_HOPS = 8
_MODALS_OF_THE_PAST = frozenset({"might", "may", "could", "would", "should", "must"})


def direction(doc: Doc, start: int, end: int, lex: Lexicon) -> Direction | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    token = span.root
    forward = False  # passed "until" / "through": forward unless the verb is a simple past
    for _ in range(_MAX_HOPS):
        if token.dep_ == "prep" and token.lower_ in lex.past_preps:
            return "past"
        forward = forward or (token.dep_ == "prep" and token.lower_ in lex.future_preps)
        if token.tag_.startswith("VB") or token.tag_ == "MD":
            if forward and (not _simple_past(token) or token.lemma_ in lex.future_verbs):
                return "future"  # "has been put off until Friday", "was delayed until May"
            found = _verb(token, lex)
            if found is not None:
                return found
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def _auxes(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in ("aux", "auxpass")]


def _simple_past(verb: Token) -> bool:
    return verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in _auxes(verb))


def looks_back(verb: Token) -> bool:
    """Simple past, perfect, or a bare participle ("a ceasefire declared on 11 October")."""
    auxes = _auxes(verb)
    if any(a.lower_ in ("will", "'ll", "shall") for a in auxes):
        return False
    if _simple_past(verb):
        return True
    return verb.tag_ == "VBN" and (not auxes or any(a.lemma_ == "have" for a in auxes))


def _verb(verb: Token, lex: Lexicon) -> Direction | None:
    auxes = _auxes(verb)
    words = {a.lower_ for a in auxes}
    present = verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes)
    if words & _MODALS_OF_THE_PAST and any(a.lemma_ == "have" for a in auxes) and verb.tag_ == "VBN":
        return "past"  # a modal perfect: "might have called in late July" (but "will have left by May")
    if words & lex.future_auxiliaries or "going" in words:
        return "future"
    if _simple_past(verb):
        return "past"
    if verb.lemma_ in lex.future_verbs:
        return "future"  # "plans ...", "is expected ...", "is scheduled for April"
    if looks_back(verb):
        return "past"
    if "to" in words:  # "due to be unveiled in May", but "decided to strike on Tuesday"
        if looks_back(verb.head):
            return "past"
        return "future" if verb.head.lemma_ in lex.infinitive_heads else None
    if present and verb.tag_ == "VBG" and not any(a.lemma_ == "have" for a in auxes):
        return "future"  # "is meeting on Friday", not "have been meeting since Friday"
    if present and any(c.dep_ == "mark" and c.lower_ in lex.future_marks for c in verb.children):
        return "future"
    return None
