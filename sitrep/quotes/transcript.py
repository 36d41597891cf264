"""Interview transcripts: turns opened by a speaker's label at the head of a paragraph.

Wikinews prints an interview as paragraphs opened by "((WN))" (the interviewer) and "((Ann Lee))"
(the interviewee); a turn runs until the next label. The interviewer's turns are the publication's own
voice, read as the article's narrative. An interviewee's turn is their own words, verbatim, so
what the speaker recounts in it without quotation marks ("they said the club liked it") is the turn's
content and not a quotation the article reports, while words in marks that the turn gives to someone
('my coach said, "Play on"') are that someone's, relayed by the turn's speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitrep.records import Span

_LABEL = re.compile(r"(?m)^[ \t]*\(\(([^()\n]{1,60})\)\)[ \t]*")


@dataclass(frozen=True, slots=True)
class Turn:
    """The turn's words (after the label) at half-open offsets, and the label's name."""

    start: int
    end: int
    speaker: Span


def turns(text: str, interviewers: frozenset[str]) -> list[Turn]:
    """The interviewees' turns. The interviewer's label is one of ``interviewers`` (casefolded labels
    of the publication's own voice) or one whose paragraphs are mostly questions ("((JS)) Why now?")."""
    labels = list(_LABEL.finditer(text))
    asking: dict[str, list[bool]] = {}
    for label in labels:
        paragraph = text[label.end() : _paragraph_end(text, label.end())].rstrip()
        asking.setdefault(_key(label), []).append(paragraph.endswith("?"))
    out = []
    for k, label in enumerate(labels):
        said = asking[_key(label)]
        if _key(label) in interviewers or 2 * sum(said) >= len(said):
            continue
        end = labels[k + 1].start() if k + 1 < len(labels) else len(text)
        while end > label.end() and text[end - 1].isspace():
            end -= 1
        if end > label.end():
            out.append(Turn(label.end(), end, Span(label.start(1), label.end(1), label.group(1))))
    return out


def _key(label: re.Match[str]) -> str:
    return label.group(1).strip().casefold()


def _paragraph_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end < 0 else end


def turn_at(spoken: list[Turn], offset: int) -> Turn | None:
    return next((t for t in spoken if t.start <= offset < t.end), None)
