"""Who said it, with what cue, to whom: read from the words around a quote, on the existing Doc.

Attribution clauses in news are short and formulaic ("..., a senior commander of X, who was briefed,
told MEE."), and the parser often gets them wrong (the seed's commander parses as a preposition), so
this reads token sequences with the cue lexicon rather than trusting dependency arcs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from sitrep.provenance.outlets import find_outlet
from sitrep.records import Span

CUES = Path(__file__).resolve().parents[1] / "data" / "quotes" / "cues.yaml"
MAX_SPEAKER_TOKENS = 14
MAX_RECIPIENT_TOKENS = 6
_STOP = {",", ".", ";", ":", "!", "?", "“", "”", '"', "«", "»", "(", ")", "—", "–"}
_LEADING = {"as", "and", "but", "while", "because", "since", "so", "then", ",", "”", '"', "’", "»"}

Token = Any  # spacy.tokens.Token; kept loose so the module imports without spaCy types


@dataclass(frozen=True)
class Cues:
    verbs: frozenset[str]
    recipient_object: frozenset[str]
    relay_verbs: frozenset[str]
    relay_tail: tuple[tuple[str, ...], ...]
    descriptors: frozenset[str]
    relative: frozenset[str]
    indefinite: frozenset[str]
    definite: frozenset[str]


def load_cues(path: Path = CUES) -> Cues:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))

    def words(key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in data[key])

    return Cues(
        verbs=words("verbs") | words("relay_verbs"),
        recipient_object=words("recipient_object"),
        relay_verbs=words("relay_verbs"),
        relay_tail=tuple(tuple(p.split()) for p in data["relay_tail"]),
        descriptors=words("descriptors"),
        relative=words("relative"),
        indefinite=words("indefinite"),
        definite=words("definite"),
    )


@dataclass(frozen=True)
class Attribution:
    speaker: Sequence[Token]
    cue: Sequence[Token]
    recipient: Sequence[Token]
    relayer: Sequence[Token] = ()  # "X quoted Y as saying": X relays Y's words


def span_of(tokens: Sequence[Token]) -> Span | None:
    if not tokens:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    # Doc.text rebuilds the whole text on every call: slice the tokens' own span instead
    return Span(start, end, tokens[0].doc[tokens[0].i : tokens[-1].i + 1].text)


def is_cue(tok: Token, cues: Cues) -> bool:
    """A finite speech verb: "told", "has said"; not "to tell", "what was said" or "a truce, declared on"."""
    if tok.lemma_.lower() not in cues.verbs or tok.pos_ not in ("VERB", "AUX"):
        return False
    if tok.tag_ in ("VBD", "VBZ", "VBP"):
        return True
    prev = tok.nbor(-1) if tok.i > tok.sent.start else None
    return tok.tag_ == "VBN" and prev is not None and prev.lemma_ == "have"


def is_according(tok: Token) -> bool:
    return tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.nbor(1).lower_ == "to"


def until_stop(tokens: Sequence[Token], limit: int, also: frozenset[str] = frozenset()) -> list[Token]:
    out: list[Token] = []
    for tok in tokens:
        if tok.text in _STOP or tok.lower_ in also or tok.is_space or len(out) >= limit:
            break
        out.append(tok)
    return out


def speaker_before(tokens: Sequence[Token], cues: Cues) -> list[Token]:
    """The description just before a cue, without a relative clause set off by commas."""
    segments: list[list[Token]] = [[]]
    for tok in tokens:
        # a comma, or a dash set off by a space ("Islam News- MEE reported"), ends a segment
        if tok.text == "," or tok.is_space or (tok.text[-1] in "-—–" and tok.whitespace_):
            if tok.text[:-1] and tok.text != ",":
                segments[-1].append(tok)
            segments.append([])
        elif tok.text not in _STOP or tok.text in "()":
            segments[-1].append(tok)
    segments = [s for s in segments if s]
    while segments and segments[-1][0].lower_ in cues.relative:
        segments.pop()
    if not segments:
        return []
    seg = segments[-1]
    while seg and seg[0].lower_ in _LEADING:
        seg = seg[1:]
    return seg if len(seg) <= MAX_SPEAKER_TOKENS else []


def recipient_after(cue: Token, cues: Cues) -> list[Token]:
    """ "told MEE", "said to MEE": the hearer of the words, when the sentence names one."""
    after = list(cue.doc[cue.i + 1 : min(len(cue.doc), cue.i + 1 + MAX_RECIPIENT_TOKENS + 1)])
    if cue.lemma_.lower() not in cues.recipient_object:
        if not after or after[0].lower_ != "to":
            return []
        after = after[1:]
    return until_stop(after, MAX_RECIPIENT_TOKENS, frozenset({"that", "on", "in", "at", "as", "after"}))


def attribute(cue: Token, before: Sequence[Token], cues: Cues) -> Attribution | None:
    """Speaker, recipient and relay around one cue; ``before`` are the tokens between quote and cue."""
    speaker = speaker_before(before, cues)
    cue_tokens = [cue]
    if cue.lemma_.lower() in cues.relay_verbs:
        relayed = _relayed(cue, cues)
        if relayed:
            return Attribution(relayed[0], relayed[1], (), speaker)
    if not speaker:  # "..., said Smith." — the speaker follows the cue
        speaker = until_stop(cue.doc[cue.i + 1 : cue.i + 1 + MAX_SPEAKER_TOKENS], MAX_SPEAKER_TOKENS)
        if not speaker or (speaker[0].pos_ in ("ADP", "SCONJ", "PART", "DET") and speaker[0].lower_ != "the"):
            return None
        return Attribution(speaker, cue_tokens, ())
    recipient = recipient_after(cue, cues)
    if recipient and cue.nbor(1).lower_ == "to":
        cue_tokens.append(cue.nbor(1))
    return Attribution(speaker, cue_tokens, recipient)


def _relayed(cue: Token, cues: Cues) -> tuple[list[Token], list[Token]] | None:
    """ "quoted Qaani as saying": (Qaani's tokens, the cue tokens through "saying")."""
    doc = cue.doc
    for k in range(cue.i + 1, min(len(doc) - 1, cue.i + MAX_SPEAKER_TOKENS)):
        for tail in cues.relay_tail:
            if tuple(t.lower_ for t in doc[k : k + len(tail)]) == tail and k > cue.i + 1:
                return list(doc[cue.i + 1 : k]), [cue, *doc[k : k + len(tail)]]
    return None


def head(tokens: Sequence[Token], cues: Cues) -> Token | None:
    """The word a speaker description is about: "commander" in "a senior commander of a Shia faction"."""
    best = None
    for tok in tokens:
        if tok.lower_ in ("of", "from", "with", "in", "at", "for") or tok.lower_ in cues.relative:
            break
        if tok.pos_ == "VERB" and best is not None:
            break  # "the senior commander briefed on ..."
        if tok.pos_ in ("NOUN", "PROPN", "PRON"):
            best = tok
    return best


def is_anonymous(tokens: Sequence[Token], cues: Cues) -> bool:
    """A description ("three commanders") rather than a name ("commander Ali Hassan", "Qaani")."""
    word = head(tokens, cues)
    if word is None or word.pos_ in ("PROPN", "PRON"):
        return False
    return word.lower_ in cues.descriptors or word.lemma_.lower() in cues.descriptors


def outlet_name(tokens: Sequence[Token]) -> str | None:
    span = span_of(tokens)
    if span is None:
        return None
    outlet = find_outlet(span.text)
    return outlet.name if outlet else None
