"""From the words of one temporal expression to a TIMEX3 value, type and precision.

The first rule of rules.yaml whose pattern matches the whole cleaned expression decides; its ``kind``
names one reader of readers.py. Readers that need the publication date get it from the Anchor; when
there is none they give no value (rule suffix ``:no-publication-date``) instead of guessing. A date
without a year, a bare weekday or month takes the direction of its clause's tense (Anchor.direction),
past when the clause does not say.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from sitrep.records import Precision
from sitrep.timex import calendar
from sitrep.timex.anchor import Anchor, Unanchored
from sitrep.timex.lexicon import Lexicon
from sitrep.timex.readers import READERS, SETS

__all__ = ["Anchor", "Reading", "clean_text", "normalise", "range_end"]

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]


@dataclass(frozen=True)
class Reading:
    type: TimexType
    value: str | None
    precision: Precision
    rule: str


_AMPM = re.compile(r"\b([ap])\.\s?m\.?")
_PERIOD = re.compile(r"(?<!\d)\.|\.(?!\d)")
_HYPHEN = re.compile(r"(?<=[a-z])-|-(?=[a-z])")
_POSSESSIVE = re.compile(r"(?:'s|')$")


def clean_text(text: str, lex: Lexicon) -> str:
    """Lower case, one spacing, no periods or hyphens between words, leading qualifiers removed."""
    s = text.lower().replace("\u2019", "'").replace("\u2018", "'").replace("\u2013", "-")
    s = _HYPHEN.sub(" ", _PERIOD.sub(" ", _AMPM.sub(r"\1m", s)))
    s = " ".join(s.split()).strip(' ,;:!?"()')
    s = _POSSESSIVE.sub("", s).strip()
    return lex.leading.sub("", s) or s


def normalise(text: str, anchor: Anchor, lex: Lexicon) -> Reading | None:
    cleaned = clean_text(text, lex)
    for rule in lex.rules:
        match = rule.regex.fullmatch(cleaned)
        if match is None:
            continue
        groups = {k: v for k, v in match.groupdict().items() if v is not None}
        try:
            value = READERS[rule.kind](groups, anchor, lex)
        except Unanchored:
            kind: TimexType = "TIME" if "clock" in rule.kind or "part" in groups else "DATE"
            return Reading(kind, None, "unknown", f"{rule.name}:no-publication-date")
        except (OverflowError, ValueError):  # a publication date at the calendar's edge
            return None
        precision = _precision(rule.kind, value) if value else "unknown"
        if value is None or (value[0].isdigit() and precision == "unknown"):  # year 10000
            return None
        return Reading(_type(rule.kind, value), value, precision, rule.name)
    return None


def range_end(text: str, first: Reading) -> Reading | None:
    """The short end of a range read with its start: '58' in '1957-58' is 1958, '17' in 'March 15 to 17'
    is March 17."""
    if not (text.isdigit() and len(text) <= 2 and first.value):
        return None
    if re.fullmatch(r"\d{4}", first.value) and len(text) == 2:
        year = int(first.value[:2] + text)
        year += 100 if year < int(first.value) else 0
        return Reading("DATE", f"{year:04d}", "year", "year-range")
    start = calendar.start_of(first.value)
    if start is not None and first.precision == "day" and int(text) > start.day:
        found = calendar.valid_day(start.year, start.month, int(text))
        return Reading("DATE", found.isoformat(), "day", "day-range") if found else None
    return None


def _type(kind: str, value: str) -> TimexType:
    if kind in SETS:
        return "SET"
    if value.endswith("_REF"):
        return "DATE"
    if value.startswith("P"):
        return "DURATION"
    return "TIME" if "T" in value else "DATE"


def _precision(kind: str, value: str) -> Precision:
    return "set" if kind in SETS else calendar.precision_of(value)
