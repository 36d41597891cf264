"""Where the temporal expressions are: the parser's DATE/TIME entities plus a few words it misses.

spaCy's entities give good extents on news (relaxed F1 about 0.87 on TempEval-3) but skip adverbs such
as "now" and "currently", and sometimes join two expressions ("1961-62", "between 6 and 9 weeks",
"30, five years from now"). The finder adds the lexicon's find_words where no entity covers them; the
stage splits an entity that does not read as one expression at commas, dashes and "and"/"to" and keeps
the parts that do.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sitrep.timex.lexicon import Lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc

LABELS = frozenset({"DATE", "TIME"})
# A line break or a run of spaces ends an expression: "Saturday, May 8, 2021\n\nYesterday ..." is a dateline
# and the next line's first word, which the parser sometimes joins into one entity.
_SPLIT = re.compile(r",\s*|\s*[-\u2013\u2014/]\s*|\s+(?:and|to|or|through|until)\s+|\s*\n\s*|\s{2,}")


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    text: str
    origin: str  # "ner" (a spaCy entity), "word" (the lexicon's find_words), "part" (of a split entity)


def word_pattern(lex: Lexicon) -> re.Pattern[str]:
    words = "|".join(sorted(map(re.escape, lex.find_words), key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{words})(?![\w-])", re.IGNORECASE)  # not "now-defunct"


def candidates(text: str, doc: Doc | None, words: re.Pattern[str]) -> list[Candidate]:
    """Entities first, then free words outside any entity ("USA Today" is a newspaper); in text order."""
    ents = doc.ents if doc is not None else ()
    found = [
        _trimmed(e.start_char, e.text, "ner") for e in ents if e.label_ in LABELS and not e.text.isspace()
    ]
    taken = [(e.start_char, e.end_char) for e in ents]
    for match in words.finditer(text):
        if _in_a_name(text, match):
            continue
        if not any(s < match.end() and match.start() < e for s, e in taken):
            found.append(Candidate(match.start(), match.end(), match.group(), "word"))
    return sorted(found, key=lambda c: c.start)


_NAME_BEFORE = re.compile(r"\b[A-Z][A-Za-z&'-]*[ \t]+$")


def _in_a_name(text: str, match: re.Match[str]) -> bool:
    """A capitalised word right after another capitalised word, with no punctuation between, ends a name
    the parser may not tag ("USA Today noted", "Morning Now"); a sentence's first "Today" follows a stop."""
    return match.group()[0].isupper() and bool(
        _NAME_BEFORE.search(text, max(0, match.start() - 30), match.start())
    )


def _trimmed(start: int, text: str, origin: str) -> Candidate:
    """Without the spaces (newlines, no-break spaces) an entity sometimes carries at its edges."""
    core = text.strip()
    offset = start + text.index(core)
    return Candidate(offset, offset + len(core), core, origin)


def parts(candidate: Candidate) -> Iterator[Candidate]:
    """The pieces of an entity between separators, with their own offsets."""
    position = 0
    for match in [*_SPLIT.finditer(candidate.text), None]:
        stop = match.start() if match else len(candidate.text)
        piece = candidate.text[position:stop]
        if piece.strip():
            yield _trimmed(candidate.start + position, piece, "part")
        position = match.end() if match else stop
