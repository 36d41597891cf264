"""Interview transcripts: turns opened by a speaker's label at the head of a paragraph.

Wikinews prints an interview as paragraphs opened by "((WN))" (the interviewer) and "((Ann Lee))"
(the interviewee); a question is its paragraph, an answer runs until the next label. The interviewer's
turns are the publication's own voice, read as the article's narrative, but for the "you" they speak to:
'((WN)) You once said, "No team is perfect"' quotes the interviewee, relayed by the interviewer. An
interviewee's turn is their own words, verbatim, so
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
    """The turn's words (after the label) at half-open offsets and the label's name; for a question,
    ``asks`` and the label of the interviewee who answers it (the "you" it speaks to)."""

    start: int
    end: int
    speaker: Span
    asks: bool = False
    hearer: Span | None = None


def turns(text: str, interviewers: frozenset[str]) -> list[Turn]:
    """Every labelled turn. The interviewer's label is one of ``interviewers`` (casefolded labels of the
    publication's own voice) or one whose paragraphs are mostly questions ("((JS)) Why now?"); a question
    is its paragraph, an answer runs until the next label."""
    labels = list(_LABEL.finditer(text))
    asking: dict[str, list[bool]] = {}
    for label in labels:
        paragraph = text[label.end() : _paragraph_end(text, label.end())].rstrip()
        asking.setdefault(_key(label), []).append(paragraph.endswith("?"))
    asks = [_key(lb) in interviewers or 2 * sum(asking[_key(lb)]) >= len(asking[_key(lb)]) for lb in labels]
    answerers = [_name(lb) for lb, a in zip(labels, asks, strict=True) if not a]
    out = []
    for k, label in enumerate(labels):
        end = _paragraph_end(text, label.end()) if asks[k] else _next(labels, k, text)
        while end > label.end() and text[end - 1].isspace():
            end -= 1
        if end <= label.end():
            continue
        # the interviewee answering: the next one to speak, else the last before
        later = [_name(lb) for lb, a in zip(labels[k + 1 :], asks[k + 1 :], strict=True) if not a]
        near = later or answerers[-1:]
        hearer = near[0] if asks[k] and near else None
        out.append(Turn(label.end(), end, _name(label), asks[k], hearer))
    return out


def _name(label: re.Match[str]) -> Span:
    return Span(label.start(1), label.end(1), label.group(1))


def _next(labels: list[re.Match[str]], k: int, text: str) -> int:
    return labels[k + 1].start() if k + 1 < len(labels) else len(text)


def _key(label: re.Match[str]) -> str:
    return label.group(1).strip().casefold()


def _paragraph_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end < 0 else end


def turn_at(spoken: list[Turn], offset: int) -> Turn | None:
    return next((t for t in spoken if t.start <= offset < t.end), None)
