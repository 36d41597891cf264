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
# "the act, which the court later ruled void": the attribution is the relative clause's, not the sentence's
_RELATIVE = frozenset({"which", "that", "who", "whom"})


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
        for clause in _clauses(sent):
            found = _according(clause)
            yield from [found] if found else _cue_in(clause, cues, used)


def _clauses(sent: Sentence) -> list[list[Any]]:
    """The sentence's words, cut at semicolons: each joined clause can carry its own attribution ("Early
    reports said the fire began in the roof; firefighters later said it began in the cellar")."""
    out: list[list[Any]] = [[]]
    for tok in sent:
        if tok.text == ";":
            out.append([])
        elif not tok.is_space:
            out[-1].append(tok)
    return [c for c in out if c]


def _according(toks: Sequence[Any]) -> tuple[Span, at.Attribution] | None:
    for k, tok in enumerate(toks):
        if not at.is_according(tok):
            continue
        rest = toks[k + 2 :]
        speaker = at.until_stop(rest, at.MAX_SPEAKER_TOKENS)
        if not speaker:
            return None
        attr = at.Attribution(speaker, [tok, toks[k + 1]], ())
        # "According to X, content." or "content, according to X."; set off inside the content ("The
        # mayor then led, according to X, the largest march yet"), the whole clause around it
        after = rest[len(speaker) :]
        if k == 0:
            content = _content(after)
        elif len([t for t in after if not t.is_punct]) >= MIN_CONTENT_TOKENS and after[0].text == ",":
            content = _content(toks)
        else:
            content = _content(toks[:k])
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


def _cue_in(toks: Sequence[Any], cues: at.Cues, used: set[int]) -> list[tuple[Span, at.Attribution]]:
    toks = list(toks)
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
        relative = (
            attr.speaker[0].i > toks[0].i and toks[attr.speaker[0].i - toks[0].i - 1].lower_ in _RELATIVE
        )
        if trailing and attr.speaker[0].i > toks[0].i and not relative:
            cut = attr.speaker[0].i - toks[0].i
            while cut > 0 and toks[cut - 1].lower_ in ("as", "and", ","):
                cut -= 1
            content = _content(toks[:cut])
            return [(content, attr)] if content else []
        first = attr.speaker[0].i - toks[0].i
        if first > 0 and toks[first - 1].lower_ in _RELATIVE:
            # "the law, which the minister said would cut prices, ...": the words end with the clause
            rest = rest[: next((j for j, t in enumerate(rest) if t.text == ","), len(rest))]
        elif first > 0 and toks[first - 1].text == "," and rest and rest[0].text == ",":
            # "The fire, officials said, started in the kitchen": set off inside the words, the whole clause
            whole = _content(toks)
            return [(whole, attr)] if whole else []
        # "announced the plan and said it would start soon": a second cue of the same speaker
        second = next((j for j, t in enumerate(rest) if t.head.i == tok.i and t.i not in used
                       and _also_said(t, cues)), None)  # fmt: skip
        if second is not None and not any(t.tag_ in _FINITE for t in rest[:second]):
            continue  # "denied the claims, saying ...": what was said follows the second cue alone
        embedded = _embedded(rest[:second] if second is not None else rest, cues, used)
        if embedded is not None and second is None:
            # "said he may act, which he said would let him ...": the relative clause has its own speaker
            where, inner = embedded
            found = _complement_of(tok, rest[:where], attr) + inner
            return found if found else []
        found = _complement_of(tok, rest[:second] if second is not None else rest, attr)
        if second is not None:
            cue = rest[second]
            more = at.Attribution(
                attr.speaker, [cue], at.recipient_after(cue, cues), attr.relayer, attr.relay_cue
            )
            last = max([cue.i] + [t.i for t in more.recipient])
            found += _complement_of(cue, [t for t in rest[second + 1 :] if t.i > last], more)
        if found:
            return found
    return []


def _embedded(
    rest: Sequence[Any], cues: at.Cues, used: set[int]
) -> tuple[int, list[tuple[Span, at.Attribution]]] | None:
    """A relative clause inside reported words that names its own speaker (", which the minister said
    would cut prices"): where the outer words end (before the comma) and the inner reported words."""
    for j, tok in enumerate(rest):
        if tok.lower_ not in _RELATIVE or j == 0 or rest[j - 1].text != ",":
            continue
        cue = next((k for k in range(j + 1, min(len(rest), j + 6)) if at.is_cue(rest[k], cues)), None)
        if cue is None or rest[cue].i in used:
            return None
        speaker = list(rest[j + 1 : cue])
        if not speaker or at.clause_like(speaker):
            return None
        words = [t for t in rest[cue + 1 :]]
        words = words[: next((k for k, t in enumerate(words) if t.text == ","), len(words))]
        if not words or words[0].tag_ not in _FINITE:
            return None  # the clause's verb follows the cue at once: "which he said would ..."
        content = _content(words)
        return (j - 1, [(content, at.Attribution(speaker, [rest[cue]], ()))] if content else [])
    return None


def _also_said(tok: Any, cues: at.Cues) -> bool:
    """A second cue of the same speaker: coordinated ("and said") or a participle set off by a comma
    ("..., adding that"; not a gerund that is the words' subject: "wrote denying them aid was unjust")."""
    return (tok.dep_ == "conj" and at.is_cue(tok, cues)) or (
        tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.nbor(-1).text == "," and at.is_participle(tok, cues)
    )


def _complement_of(cue: Any, rest: Sequence[Any], attr: at.Attribution) -> list[tuple[Span, at.Attribution]]:
    """The reported words after a cue: "said (in a statement on Friday) that" skips to the words after
    the complementiser; reported speech is a clause the cue governs ("said the plan had failed"), not a
    thing ("cited two factors"), nor a thing and a clause of its own ("announced the result although
    ...", "responding to the ruling, attacked it")."""
    words = [t for t in rest]
    while words and words[-1].lower_ in ("and", "but", ",", "or"):
        words = words[:-1]
    mark = next((k for k, t in enumerate(words[: MAX_TRAILING_WORDS + 3]) if t.lower_ in ("that", ":")), None)
    if mark is not None and not any(t.pos_ in ("VERB", "AUX") for t in words[:mark]):
        words = words[mark + 1 :]
    content = _content(words) if _complement(cue, words) else None
    return [(content, attr)] if content else []
