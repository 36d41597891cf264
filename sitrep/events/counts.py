"""Counts and weapons: killed, injured, arrested, quantity ("at least seven BM-21 rockets" → 7) and weapon.

Numbers are lower bounds read from the noun the count verb governs: its numeric modifier, a number
word, a vague plural ("dozens" → 24) or a singular person with "a" ("killed a child" → 1).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sitrep.events.lexicon import Lexicon
from sitrep.events.triggers import lemma

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

CLAUSE_BREAK = frozenset({"ccomp", "advcl", "relcl", "parataxis", "conj", "acl"})
_MODEL = re.compile(r"^[A-Z0-9]+(?:-[A-Z0-9]+)+$|^[A-Z]{1,4}\d*$")
_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})*$|^\d+$")


@dataclass(frozen=True, slots=True)
class Count:
    kind: str  # killed, injured, arrested, quantity
    value: int
    start: int
    end: int
    text: str


def number(tok: Token, lex: Lexicon) -> int | None:
    """A number word or figure as an int ("1,200", "five", "twenty-five", "dozens")."""
    low = tok.lower_
    if _DIGITS.match(low):
        return int(low.replace(",", ""))
    if low in lex.vague:
        return lex.vague[low]
    parts = low.split("-")
    if all(p in lex.numbers for p in parts) and low not in ("a", "an"):
        return sum(lex.numbers[p] for p in parts)
    return None


def _compound_number(tokens: list[Token], lex: Lexicon) -> int | None:
    """ "twenty - five" → 25, "two hundred" → 200, "1,200" → 1200 (tokens of one number phrase)."""
    total = current = 0
    for tok in tokens:
        value = number(tok, lex)
        if value is None:
            return None
        if value in (100, 1000, 1_000_000) and not _DIGITS.match(tok.lower_):
            if value == 100:
                current = max(current, 1) * 100
            else:
                total, current = total + max(current, 1) * value, 0
        else:
            current += value
    return total + current if tokens else None


def count_of(noun: Token, lex: Lexicon) -> tuple[int, Token] | None:
    """How many people or things a noun phrase says, with the token that said it."""
    own = number(noun, lex)
    if own is not None:
        return own, noun
    for c in noun.children:
        if c.dep_ in ("nummod", "quantmod", "amod") or (c.dep_ == "det" and c.lower_ in lex.vague):
            value = _compound_number(
                [t for t in c.subtree if t.dep_ in ("nummod", "compound", "quantmod") or t is c], lex
            )
            if value is not None:
                return value, c
    det = next((c for c in noun.children if c.dep_ == "det"), None)
    if det is not None and det.lower_ in ("a", "an", "one") and lemma(noun) in lex.counts["persons"]:
        return 1, det
    return None


def _text(doc: Doc, start: int, end: int) -> str:
    """The words between two character offsets (``Doc.text`` would rebuild the whole text each call)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.text if span is not None else ""


def clause_tokens(verb: Token) -> Iterator[Token]:
    """The tokens of a clause without the clauses nested in it."""
    yield verb
    for c in verb.children:
        if c.dep_ not in CLAUSE_BREAK:
            yield from c.subtree


def _victim(verb: Token) -> Token | None:
    for dep in ("dobj", "nsubjpass"):
        hit = next((c for c in verb.children if c.dep_ == dep), None)
        if hit is not None:
            return hit
    if lemma(verb) == "die":
        return next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return None


def casualties(verbs: list[Token], lex: Lexicon) -> list[Count]:
    """Killed / injured / arrested counts from count verbs and their conjuncts ("killed ... and wounded")."""
    seen: set[int] = set()
    out: list[Count] = []
    queue = list(verbs)
    while queue:
        verb = queue.pop(0)
        if verb.i in seen:
            continue
        seen.add(verb.i)
        queue.extend(c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB")
        kind = next((k for k in ("killed", "injured", "arrested") if lemma(verb) in lex.counts[k]), None)
        victim = _victim(verb) if kind else None
        found = count_of(victim, lex) if victim is not None else None
        if kind and found is not None:
            value, tok = found
            start, end = tok.idx, victim.idx + len(victim) if victim is not None else tok.idx + len(tok)
            out.append(Count(kind, value, start, end, _text(tok.doc, start, end)))
    return out


@dataclass(frozen=True, slots=True)
class Weapon:
    mode: str  # the PLOVER ASSAULT mode it implies
    cameo: str
    text: str
    start: int
    end: int
    quantity: Count | None


def weapon(tokens: list[Token], trigger: set[int], lex: Lexicon) -> Weapon | None:
    """The first weapon word among ``tokens`` that is not the trigger itself, with its count."""
    for tok in tokens:
        if tok.i in trigger or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        compound = " ".join(lemma(c) for c in tok.lefts if c.dep_ == "compound") + " " + lemma(tok)
        key = compound.strip() if compound.strip() in lex.weapons else lemma(tok)
        if key not in lex.weapons:
            continue
        mode, cameo = lex.weapons[key]
        left = tok.i
        doc = tok.doc
        while (
            left > 0
            and (doc[left - 1].dep_ == "compound" or _MODEL.match(doc[left - 1].text))
            and (number(doc[left - 1], lex) is None)
        ):
            left -= 1
        start, end = doc[left].idx, tok.idx + len(tok)
        found = count_of(tok, lex)
        qty = None
        if found is not None and found[1] is not tok:
            qty = Count("quantity", found[0], found[1].idx, end, _text(doc, found[1].idx, end))
        return Weapon(mode, cameo, _text(doc, start, end), start, end, qty)
    return None
