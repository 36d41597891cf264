"""Indirect speech: reported words without quotation marks, found from a cue in the sentence.

Three shapes cover most news attribution:
- "Qaani warned (MEE) that <content>."         speaker and cue first, content after
- "<content>, (as) Iraqi security sources said (to MEE)."   content first, attribution closes the sentence
- "According to <speaker>, <content>." / "<content>, according to <speaker>."
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from sitrep.quotes import attribution as at
from sitrep.records import Span

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.tokens import Span as Sentence


MIN_CONTENT_TOKENS = 4
MAX_TRAILING_WORDS = 4  # after a closing attribution's cue: "on Friday", "in a statement"
_FINITE = ("VBD", "VBZ", "VBP", "MD")


def _content(tokens: Sequence[Any]) -> Span | None:
    words = [t for t in tokens if not t.is_space]
    while words and (words[-1].is_punct or words[0].is_punct):
        words = words[:-1] if words[-1].is_punct else words[1:]
    if len([t for t in words if not t.is_punct]) < MIN_CONTENT_TOKENS:
        return None
    return at.span_of(words)


def indirect_quotes(
    doc: Doc, cues: at.Cues, used: set[int], quoted: Sequence[tuple[int, int]]
) -> Iterator[tuple[Span, at.Attribution]]:
    for sent in doc.sents:
        if any(a < sent.end_char and sent.start_char < b for a, b in quoted):
            continue  # a sentence with quoted words is attributed through its quote
        found = _according(sent) or _cue_in(sent, cues, used)
        if found:
            yield found


def _according(sent: Sentence) -> tuple[Span, at.Attribution] | None:
    toks = [t for t in sent if not t.is_space]
    for k, tok in enumerate(toks):
        if not at.is_according(tok):
            continue
        rest = toks[k + 2 :]
        speaker = at.until_stop(rest, at.MAX_SPEAKER_TOKENS)
        if not speaker:
            return None
        attr = at.Attribution(speaker, [tok, toks[k + 1]], ())
        # "According to X, content." or "content, according to X."
        content = _content(rest[len(speaker) :]) if k == 0 else _content(toks[:k])
        return (content, attr) if content else None
    return None


def _nested_later(toks: list[Any], k: int, cues: at.Cues, used: set[int]) -> at.Attribution | None:
    """ "The paper reported officials stated (that) ...": a later cue whose speaker holds this one is the
    words' own; this cue's speaker relays them."""
    for j in range(k + 1, min(len(toks), k + at.MAX_SPEAKER_TOKENS)):
        if toks[j].i not in used and at.is_cue(toks[j], cues):
            attr = at.attribute(toks[j], toks[:j], cues)
            return attr if attr is not None and attr.relay_cue else None
    return None


def _complement(cue: Any, rest: Sequence[Any]) -> bool:
    """A finite clause after the cue that can be what was said. Not the clause of an adverb ("announced
    the result although the count had stopped": what was announced is the result), nor the clause the
    participle hangs from ("responding to the ruling, attacked it": the attack is no reported speech)."""
    inside = {t.i for t in rest}
    finite = [t for t in rest if t.tag_ in _FINITE]
    if not finite or (cue.tag_ == "VBG" and cue.head.i in inside):
        return False
    return not all(_in_adverbial(t, inside) for t in finite)


def _in_adverbial(tok: Any, inside: set[int]) -> bool:
    """Inside a clause opened by a subordinator other than "that", "if" or "whether" ("although ...")."""
    node = tok
    while node.i in inside and node.head.i != node.i:
        if node.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ not in ("that", "if", "whether") for c in node.children
        ):
            return True
        node = node.head
    return False


def _cue_in(sent: Sentence, cues: at.Cues, used: set[int]) -> tuple[Span, at.Attribution] | None:
    toks = [t for t in sent if not t.is_space]
    for k, tok in enumerate(toks):
        if tok.i in used or not (at.is_cue(tok, cues) or at.is_participle(tok, cues)):
            continue
        attr = _nested_later(toks, k, cues, used) or at.attribute(tok, toks[:k], cues)
        if attr is not None and attr.relay_cue:
            tok = attr.cue[0]
            k = toks.index(tok)
        if attr is None or not attr.speaker or attr.speaker[0].i > tok.i or at.own_words(attr.speaker):
            continue  # indirect speech names its speaker before the cue
        last = max([t.i for t in attr.cue] + [t.i for t in attr.recipient if t.i > tok.i])
        after = k + 1 + last - tok.i
        rest = toks[after:]
        # "content, as X told Y (on Friday)." — the attribution closes the sentence
        trailing = len([t for t in rest if not t.is_punct]) <= MAX_TRAILING_WORDS and not any(
            t.pos_ in ("VERB", "AUX") for t in rest
        )
        if trailing and attr.speaker[0].i > toks[0].i:
            cut = attr.speaker[0].i - toks[0].i
            while cut > 0 and toks[cut - 1].lower_ in ("as", "and", ","):
                cut -= 1
            content = _content(toks[:cut])
        else:
            # "said (in a statement on Friday) that": the words after the complementiser
            mark = next(
                (k for k, t in enumerate(rest[: MAX_TRAILING_WORDS + 3]) if t.lower_ in ("that", ":")), None
            )
            if mark is not None and not any(t.pos_ in ("VERB", "AUX") for t in rest[:mark]):
                rest = rest[mark + 1 :]
            # reported speech is a clause the cue governs ("said the plan had failed"), not a thing ("cited
            # two factors"), nor a thing and a clause of its own ("announced the result although ...",
            # "responding to the ruling, attacked it")
            content = _content(rest) if _complement(tok, rest) else None
        if content:
            return content, attr
    return None
