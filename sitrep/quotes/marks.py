"""Find the words between quotation marks, in every style news uses, including quotes over paragraphs.

One left-to-right pass over the text (no backtracking): typographic marks pair by kind; straight and
single marks are told from apostrophes by what surrounds them ("Iran’s" is an apostrophe; ‘no deal’ is
a quote). By news convention a quote that runs over paragraphs leaves the first paragraph open and opens
the next one again, with no closing mark in between: the whole run is one quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# opening mark -> the marks that close it
PAIRS: dict[str, str] = {"“": '”"', "„": "“”", "«": "»", "‹": "›", '"': '"”', "‘": "’'", "'": "'’"}
_CANDIDATE = re.compile(r"[“”„«»‹›\"‘’']")
_PARAGRAPH = re.compile(r"\n\s*\n|\n(?=\s*[“„«‹\"‘'])")
MAX_WORDS_SINGLE = 80  # a single-quote "quote" longer than this is an apostrophe misread


@dataclass(frozen=True, slots=True)
class Quoted:
    """The quoted words (marks excluded) at half-open offsets, and the marks' offsets."""

    start: int
    end: int
    open_at: int
    close_at: int  # == end when the quote was closed; the paragraph end when it was left open


def _is_opening(text: str, i: int) -> bool:
    mark = text[i]
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if mark in "“„«‹":
        return True
    if mark in "‘'\"":
        return (before.isspace() or before in "([—–-:/") and not after.isspace()
    return False


def _is_closing(text: str, i: int, opener: str) -> bool:
    mark = text[i]
    if mark not in PAIRS[opener]:
        return False
    after = text[i + 1] if i + 1 < len(text) else " "
    if opener in "‘'":  # an apostrophe inside a single-quoted passage ("Iran’s") does not close it
        return not after.isalnum()
    return True


def _next_paragraph_reopens(text: str, end: int, opener: str) -> int | None:
    """Where the quote continues when the paragraph ended at ``end`` and the next opens with ``opener``."""
    match = _PARAGRAPH.match(text, end)
    if not match:
        return None
    at = match.end()
    while at < len(text) and text[at] in " \t":
        at += 1
    return at if text.startswith(opener, at) else None


def find_quoted(text: str) -> list[Quoted]:
    found: list[Quoted] = []
    i = 0
    n = len(text)
    while i < n:
        match = _CANDIDATE.search(text, i)
        if not match:
            break
        i = match.start()
        if not _is_opening(text, i):
            i += 1
            continue
        opener, start = text[i], i + 1
        j = start
        closed: Quoted | None = None
        while j < n:
            ch = text[j]
            if ch == "\n" and (reopen := _next_paragraph_reopens(text, j, opener)) is not None:
                j = reopen + 1  # the quote runs on into the next paragraph
                continue
            if ch == "\n" and text.startswith("\n", j + 1):
                break  # the paragraph ended without a close: not a quote we can trust
            if _is_closing(text, j, opener) and j > start:
                closed = Quoted(start, j, i, j)
                break
            j += 1
        if closed and _plausible(text, closed, opener):
            found.append(closed)
            i = closed.close_at + 1
        else:
            i += 1
    return found


def _plausible(text: str, quoted: Quoted, opener: str) -> bool:
    words = text[quoted.start : quoted.end].split()
    if not words:
        return False
    return not (opener in "‘'" and len(words) > MAX_WORDS_SINGLE)
