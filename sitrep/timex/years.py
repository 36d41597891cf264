"""When a bare four-digit number is a year: only in a date context.

News is full of four-digit numbers that are not years: clock times ("(1354 UTC)", "at 1800 hours"),
quantities ("1300 route kilometres", "a force of 1500 soldiers"), section and serial numbers
("section 1201", "No. 1201"). A bare number reads as a year only when its words say it is one: a
preposition of time before it ("in 2019", "since 1994", "the spring of 2015"), a year range ("2019-20",
"from 2015 to 2019", "between 1990 and 1995"), or an article's dateline. A number before "UTC", "GMT",
"hours" or a unit, after "section" or "No.", or counting a noun in the parse is never a year, whatever
precedes it.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

if TYPE_CHECKING:
    from spacy.tokens import Doc

BARE = re.compile(r"(?:1\d|20)\d\d")
# Words that put a year after them: "in 2019", "since 1994", "the summer of 2015", "by 2030".
_BEFORE = re.compile(
    r"(?:\b(?:in|since|of|from|until|till|by|during|before|after|between|throughout|early|late|mid|circa|c\.)"
    r"|\bmid-|\bthe year)\s*$",
    re.IGNORECASE,
)
_RANGE_AFTER = re.compile(r"^\s*(?:[-\u2013\u2014/]|to|and|through|until)\s*(?:1\d|20)?\d\d\b", re.IGNORECASE)
_RANGE_BEFORE = re.compile(r"\b(?:1\d|20)\d\d\s*(?:[-\u2013\u2014/]|to|and|through|until)\s*$", re.IGNORECASE)
# Never a year: a clock time's zone or "hours", a unit or count after it; a label before it.
_NOT_AFTER = re.compile(
    r"^\s*(?:utc|gmt|z\b|hrs\b|hours\b|h\b|local time|km\b|kilomet|miles?\b|metres?\b|meters?\b|feet\b|"
    r"ft\b|kg\b|tonnes?\b|tons?\b|barrels?\b|route\b|square\b|sq\b|acres?\b|hectares?\b|mw\b|people\b|"
    r"persons\b|troops\b|soldiers\b|men\b|women\b)",
    re.IGNORECASE,
)
_NOT_BEFORE = re.compile(
    r"(?:\bsection|\bsec\.|\bno\.|\bnumber|\bnr\.|\bart\.|\barticle|#|\bat)\s*$", re.IGNORECASE
)
DATELINE_CHARS = 200
RULES = Path(__file__).resolve().parents[1] / "data" / "time" / "rules.yaml"


def is_year(text: str, start: int, end: int, doc: Doc | None = None) -> bool:
    """Whether the bare number at text[start:end] is a year by its context (see the module doc)."""
    before, after = text[max(0, start - 40) : start], text[end : end + 40]
    clock = after[:1] in (":", ".") and after[1:2].isdigit()  # 1354.5, 2020:30
    if clock or _NOT_AFTER.match(after) or _NOT_BEFORE.search(before):
        return False
    if _RANGE_AFTER.match(after) or _RANGE_BEFORE.search(before):
        return True
    if doc is not None and _counts_a_noun(doc, start, end):  # "of 1500 soldiers"
        return False
    if _BEFORE.search(before):
        return True
    return start < DATELINE_CHARS and "\n" not in text[:start] and bool(re.search(r"[,(\u2014-]\s*$", before))


def _counts_a_noun(doc: Doc, start: int, end: int) -> bool:
    """In the parse, the number counts something ("1500 soldiers"): a number modifier of a noun."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    token = span.root
    return token.dep_ == "nummod" and token.head.pos_ in ("NOUN", "PROPN") and token.head.i > token.i


@cache
def absolute_rules() -> frozenset[str]:
    """The time rules that read a calendar date from its own words (a day, a month, a year in a date
    context, a range of them): what "the years an article names in a date context" are read from."""
    rules = yaml.safe_load(RULES.read_text(encoding="utf-8"))["rules"]
    return frozenset(r["name"] for r in rules if r["kind"] == "absolute") | {"year-range", "day-range"}
