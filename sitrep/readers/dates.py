"""Publication dates an input carries outside its metadata: in its URL (/2020/11/19/) or a dateline.

Only full calendar dates are accepted from a dateline (a day without a year is a guess); a URL may give a
month (/2020/11/) at month precision. Everything returned is ISO-8601 with its precision.
"""

from __future__ import annotations

import re
from datetime import date

_URL = re.compile(r"/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])(?:[/-](0?[1-9]|[12]\d|3[01]))?(?=[/_.-]|$)")
_URL_COMPACT = re.compile(r"/((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=/)")
_MONTH_NAMES = "january february march april may june july august september october november december"
_MONTHS = {name[:3]: i for i, name in enumerate(_MONTH_NAMES.split(), start=1)}
_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATELINE = (
    re.compile(rf"\b{_MONTH}\s+(\d{{1,2}}),?\s+((?:19|20)\d\d)\b", re.I),  # November 19, 2020
    re.compile(rf"\b(\d{{1,2}})\s+{_MONTH},?\s+((?:19|20)\d\d)\b", re.I),  # 19 November 2020
    re.compile(r"\b((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])\b"),  # 2020-11-19
)
DATELINE_CHARS = 200  # a dateline sits in the first words of the body


def _iso(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def from_url(url: str | None) -> tuple[str, str] | None:
    """(ISO date or month, precision) from a news URL's path, or None."""
    if not url:
        return None
    if match := _URL_COMPACT.search(url):
        iso = _iso(*(int(g) for g in match.groups()))
        return (iso, "day") if iso else None
    if match := _URL.search(url):
        y, m, d = match.groups()
        if d is None:
            return f"{int(y):04d}-{int(m):02d}", "month"
        iso = _iso(int(y), int(m), int(d))
        return (iso, "day") if iso else None
    return None


def from_dateline(text: str) -> str | None:
    """A full date in the first words of the body ("BAGHDAD, November 19, 2020 (Reuters) -")."""
    head = text[:DATELINE_CHARS]
    for i, pattern in enumerate(_DATELINE):
        match = pattern.search(head)
        if not match:
            continue
        g = match.groups()
        if i == 0:
            iso = _iso(int(g[2]), _MONTHS[g[0][:3].lower()], int(g[1]))
        elif i == 1:
            iso = _iso(int(g[2]), _MONTHS[g[1][:3].lower()], int(g[0]))
        else:
            iso = _iso(int(g[0]), int(g[1]), int(g[2]))
        if iso:
            return iso
    return None
