"""Time: every temporal expression of an article, normalised TIMEX3-style against its publication date.

Extents come from the language stage's DATE/TIME entities (never a second parse) plus a few words the
parser misses; values come from the rules of sitrep/data/time, by news convention: "on Tuesday" is the
latest Tuesday on or before publication (the same day when the weekdays agree), "last week" the ISO
week before publication's, "the next day" the day after the last day mentioned, and a date without a
year takes the direction of its clause's tense ("could lash out ... before he loses his power on
20 January", published 2020-11-19, is 2021-01-20). ``published_at`` is ISO-8601 (normalised where the
article came in, sitrep.timex.published); without a publication date, relative expressions keep value None (their rule ends in
``:no-publication-date``) while absolute ones still resolve.

For the events stage, ``time_of(article, start, end, doc=None)`` picks the date of an event whose
trigger (or evidence) covers ``article.text[start:end]``: among the article's DATE/TIME expressions with
a calendar value in the same sentence, one attached to the trigger in the dependency parse when ``doc``
is given (the expression's chain of heads passes through the trigger), else the nearest by characters;
None when the sentence has none (the caller then falls back to the publication date, flagged so).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from functools import partial
from typing import TYPE_CHECKING

from sitrep.context import Context
from sitrep.records import Article, TimeExpr
from sitrep.timex import calendar, find, lexicon, published, tense, years
from sitrep.timex.normalise import Anchor, Reading, normalise, range_end

if TYPE_CHECKING:
    from spacy.tokens import Doc

NAME = "time"
NEEDS = ("text", "published_at")
ADDS = "times"

_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s+|\n")


def _resources(ctx: Context) -> tuple[lexicon.Lexicon, re.Pattern[str]]:
    lex = ctx.resource("time.lexicon", lexicon.load)
    return lex, ctx.resource("time.words", lambda: find.word_pattern(lex))


def run(article: Article, doc: Doc | None, ctx: Context) -> tuple[TimeExpr, ...]:
    lex, words = _resources(ctx)
    anchor = Anchor(_publication_day(article.published_at))
    out: list[TimeExpr] = []
    for candidate in find.candidates(article.text, doc, words):
        for piece, reading in _read(candidate, doc, lex, anchor):
            if not _dated(article.text, piece, reading, doc):
                continue
            out.append(
                TimeExpr(
                    piece.start, piece.end, piece.text, reading.type, reading.value, reading.precision,
                    reading.rule,
                )
            )  # fmt: skip
            anchor = _refer(anchor, reading)
    return tuple(out)


def _dated(text: str, piece: find.Candidate, reading: Reading, doc: Doc | None) -> bool:
    """A bare four-digit number is a year only in a date context (sitrep.timex.years)."""
    if reading.rule != "year" or not years.BARE.fullmatch(piece.text):
        return True
    return years.is_year(text, piece.start, piece.end, doc)


def _publication_day(text: str | None) -> date | None:
    """The day relative expressions lean on: the publication's, when it is known to the day."""
    when = published.lenient(text)
    return when.day if when and when.precision in ("day", "minute") else None


def _refer(anchor: Anchor, reading: Reading) -> Anchor:
    """Make a calendar date the reference of later anaphoric expressions, at its own grain and coarser."""
    start = calendar.start_of(reading.value) if reading.type in ("DATE", "TIME") else None
    if start is None:
        return anchor
    if reading.precision in ("day", "hour", "minute"):
        return replace(anchor, reference=start, reference_month=start, reference_year=start)
    if reading.precision in ("week", "month"):
        return replace(anchor, reference_month=start, reference_year=start)
    if reading.precision in ("quarter", "season", "year"):
        return replace(anchor, reference_year=start)
    return anchor


def _read(
    candidate: find.Candidate, doc: Doc | None, lex: lexicon.Lexicon, anchor: Anchor
) -> list[tuple[find.Candidate, Reading]]:
    """The candidate read whole, else the parts of it that read as expressions on their own."""
    pieces = [candidate]
    if candidate.origin == "ner":
        pieces.extend(find.parts(candidate))
    found: list[tuple[find.Candidate, Reading]] = []
    for piece in pieces:
        if doc is not None:
            anchor = replace(anchor, tense=partial(tense.direction, doc, piece.start, piece.end, lex))
        reading = normalise(piece.text, anchor, lex)
        if reading is None and found:
            reading = range_end(piece.text, found[-1][1])
        if reading is not None:
            found.append((piece, reading))
            if piece is candidate:
                break
    return found


def _sentence(article: Article, start: int, end: int, doc: Doc | None) -> tuple[int, int]:
    if doc is not None:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span):
            return span.sent.start_char, span.sent.end_char
    text = article.text
    begin = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    after = _SENTENCE_END.search(text, end)
    return begin, after.start() if after else len(text)


def _attached(expr: TimeExpr, start: int, end: int, doc: Doc) -> bool:
    span = doc.char_span(expr.start, expr.end, alignment_mode="expand")
    token = span.root if span is not None and len(span) else None
    for _ in range(8):
        if token is None or token.head.i == token.i:
            return False
        token = token.head
        if start <= token.idx < end:
            return True
    return False


def time_of(article: Article, start: int, end: int, doc: Doc | None = None) -> TimeExpr | None:
    """The DATE/TIME expression that dates the words at [start, end), or None (see the module doc)."""
    lo, hi = _sentence(article, start, end, doc)
    near = [
        t
        for t in article.times
        if lo <= t.start and t.end <= hi and t.type in ("DATE", "TIME") and t.value and t.value[0].isdigit()
    ]
    if not near:
        return None
    if doc is not None:
        attached = [t for t in near if _attached(t, start, end, doc)]
        near = attached or near
    return min(near, key=lambda t: max(t.start - end, start - t.end, 0))
