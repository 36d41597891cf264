"""Quotes: direct, partial and indirect speech with speaker, cue, outlet and nesting.

A quote's span covers the quoted words only (marks excluded), so that the events stage can give an
event inside it the modality "reported" and the quote's id. Speakers are actor mentions when the actors
stage found one under the speaker's head word, else the description verbatim ("three commanders").
"X quoted Y as saying" makes Y the speaker and links the quote to X's own quote (``parent_quote_id``);
"the senior commander" finds X as the earlier "a senior commander of ...".
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sitrep.context import Context
from sitrep.quotes import attribution as at
from sitrep.quotes.indirect import indirect_quotes
from sitrep.quotes.marks import Quoted, find_quoted
from sitrep.records import Article, Quote, Span

NAME = "quotes"
NEEDS = ("text", "mentions")
ADDS = "quotes"
TAIL_TOKENS = 40
MIN_UNATTRIBUTED_WORDS = 6  # shorter quoted words with no cue are titles or scare quotes
PARTIAL_WORDS = 4
_SENT_END = {".", "!", "?"}
_OPENERS = set("“„«‹\"‘'")


def quote_id(article: Article, start: int, end: int) -> str:
    """Deterministic and unique in the store: reposts quote the same words at the same offsets."""
    return hashlib.sha1(f"{article.id}:{start}-{end}".encode()).hexdigest()[:16]


@dataclass
class Found:
    """A quote before ids and nesting are settled."""

    span: Span
    kind: str
    attribution: at.Attribution | None


def run(article: Article, doc: Any, ctx: Context) -> tuple[Quote, ...]:
    if doc is None or not article.text:
        return ()
    cues = ctx.resource("quotes.cues", at.load_cues)
    found: list[Found] = []
    used: set[int] = set()
    for quoted in find_quoted(article.text):
        item = _direct(doc, article.text, quoted, cues)
        if item is None:
            continue
        found.append(item)
        if item.attribution:
            used.update(t.i for t in item.attribution.cue)
    covered = [(f.span.start, f.span.end) for f in found]
    for span, attr in indirect_quotes(doc, cues, used, covered):
        found.append(Found(span, "indirect", attr))
    found.sort(key=lambda f: f.span.start)
    return _records(article, found, cues)


def _direct(doc: Any, text: str, quoted: Quoted, cues: at.Cues) -> Found | None:
    """``text`` is the article's text (``Doc.text`` would rebuild it from every token on each call)."""
    end = quoted.end
    while end > quoted.start and text[end - 1] in ", \n":
        end -= 1
    span = Span(quoted.start, end, text[quoted.start : end])
    attr = _attribution_after(doc, text, quoted, cues) or _attribution_before(doc, text, quoted, cues)
    words = len(span.text.split())
    if attr is None and words < MIN_UNATTRIBUTED_WORDS:
        return None
    partial = span.text[:1].islower() or words < PARTIAL_WORDS
    return Found(span, "partial" if partial else "direct", attr)


def _tokens(doc: Any, start: int, end: int) -> Sequence[Any]:
    span = doc.char_span(start, end, alignment_mode="expand") if end > start else None
    return list(span) if span is not None else []


def _attribution_after(doc: Any, text: str, quoted: Quoted, cues: at.Cues) -> at.Attribution | None:
    tail: list[Any] = []
    for tok in _tokens(doc, quoted.close_at + 1, min(len(text), quoted.close_at + 400)):
        if (tok.text in _SENT_END and tail) or "\n" in tok.text or tok.text in _OPENERS:
            break
        tail.append(tok)
        if len(tail) > TAIL_TOKENS:
            break
    for k, tok in enumerate(tail):
        if at.is_according(tok):
            return _according(tok)
        if at.is_cue(tok, cues):
            return at.attribute(tok, tail[:k], cues)
    return None


def _attribution_before(doc: Any, text: str, quoted: Quoted, cues: at.Cues) -> at.Attribution | None:
    para = text.rfind("\n", 0, quoted.open_at) + 1
    head = list(_tokens(doc, para, quoted.open_at))
    sent_start = max((k + 1 for k, t in enumerate(head) if t.text in _SENT_END), default=0)
    head = head[sent_start:]
    for k in range(len(head) - 1, -1, -1):
        if at.is_according(head[k]):
            return _according(head[k])
        if at.is_cue(head[k], cues):
            return at.attribute(head[k], head[:k], cues)
    return None


def _according(tok: Any) -> at.Attribution | None:
    speaker = at.until_stop(tok.doc[tok.i + 2 : tok.i + 2 + at.MAX_SPEAKER_TOKENS], at.MAX_SPEAKER_TOKENS)
    return at.Attribution(speaker, [tok, tok.nbor(1)], ()) if speaker else None


def _records(article: Article, found: list[Found], cues: at.Cues) -> tuple[Quote, ...]:
    quotes: list[Quote] = []
    for item in found:
        attr = item.attribution
        speaker = at.span_of(attr.speaker) if attr else None
        via = at.outlet_name(attr.recipient) if attr else None
        parent = _relaying_quote(attr.relayer, quotes, cues) if attr and attr.relayer else None
        if parent and via is None:
            via = parent.via_outlet  # Qaani's words reached MEE through the commander
        quotes.append(
            Quote(
                id=quote_id(article, item.span.start, item.span.end),
                start=item.span.start,
                end=item.span.end,
                text=item.span.text,
                kind=item.kind,  # type: ignore[arg-type]
                speaker=speaker,
                speaker_actor_id=_actor_id(article, attr.speaker, cues) if attr else None,
                anonymous=at.is_anonymous(attr.speaker, cues) if attr else False,
                cue=at.span_of(attr.cue) if attr else None,
                via_outlet=via,
                parent_quote_id=parent.id if parent else None,
            )
        )
    return tuple(quotes)


def _actor_id(article: Article, speaker: Sequence[Any], cues: at.Cues) -> str | None:
    word = at.head(speaker, cues)
    if word is None:
        return None
    if word.pos_ == "PRON":  # "he said": the last person named before
        people = [m for m in article.mentions if m.end <= word.idx and m.actor.kind == "person"]
        return people[-1].actor.id if people else None
    for mention in article.mentions:
        if mention.start <= word.idx < mention.end:
            return mention.actor.id
    return None


def _relaying_quote(relayer: Sequence[Any], earlier: list[Quote], cues: at.Cues) -> Quote | None:
    """The earlier quote of the relaying speaker: the same actor, or the description referred back to.

    "the senior commander" refers to "a senior commander of a Shia armed faction": a definite
    description whose head and modifiers all appear in an earlier speaker description.
    """
    word = at.head(relayer, cues)
    if word is None:
        return None
    wanted = {t.lower_ for t in relayer[: relayer.index(word) + 1]} - cues.definite - cues.indefinite
    for quote in reversed(earlier):
        if quote.speaker is None:
            continue
        described = {w.strip(",").lower() for w in quote.speaker.text.split()}
        if wanted <= described:
            return quote
    return None
