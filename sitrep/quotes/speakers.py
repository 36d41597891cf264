"""Which actor record a speaker is, chosen with the article's context.

A pronoun speaker ("he said") is the nearest earlier actor of its kind named outside quotation marks
(words inside a quote name whom the speaker talks about, not who speaks): a person for he/she, an
organisation for it ("The federation issued a statement. It read ..."). A surname alone is the person
of that surname the article named before ("Ann Lee ... Lee said"), even when the name on its own
resolves to a namesake elsewhere; the namesake stands only when nothing nearer fits.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sitrep.quotes import attribution as at
from sitrep.records import ActorMention, Article

PRONOUN_KINDS: dict[str, tuple[str, ...]] = {
    "he": ("person",), "she": ("person",), "it": ("organisation", "group", "media"),
    "they": ("generic", "group", "organisation"),  # "Police said ... They added": people, not a person
}  # fmt: skip


def actor_id(
    article: Article, speaker: Sequence[Any], cues: at.Cues, quoted: Sequence[tuple[int, int]]
) -> str | None:
    word = at.head(speaker, cues)
    if word is None:
        return None
    outside = [m for m in article.mentions if not any(a <= m.start < b for a, b in quoted)]
    if word.pos_ == "PRON":
        kinds = PRONOUN_KINDS.get(word.lower_, ())
        # an English pronoun points back at a name in its own script, not at cited foreign text
        earlier = [m for m in outside if m.end <= word.idx and m.actor.kind in kinds and _latin(m.text)]
        return earlier[-1].actor.id if earlier else None
    here = next((m for m in article.mentions if m.start <= word.idx < m.end), None)
    if word.pos_ == "PROPN" and not any(t.pos_ == "PROPN" and t.i < word.i for t in speaker):
        named = _same_surname(outside, word, here)
        if named is not None:
            return named.actor.id
    return here.actor.id if here else None


def _latin(text: str) -> bool:
    return any(c.isalpha() and c.isascii() for c in text)


def nameless(speaker: Sequence[Any], actor: str | None) -> bool:
    """A personal or relative pronoun that points at no one the article names ("they said", "which
    told", "it asks" in a hypothetical) leaves the words with no speaker: they are nobody's quote. A
    quantifier ("some said") is a description of people, kept."""
    return actor is None and bool(speaker) and all(t.lower_ in _NEEDS_ANTECEDENT for t in speaker)


_NEEDS_ANTECEDENT = frozenset(
    {"i", "you", "he", "she", "it", "we", "they", "who", "which", "that", "this", "these", "those"}
)


def _same_surname(mentions: list[ActorMention], word: Any, here: ActorMention | None) -> ActorMention | None:
    """The nearest earlier person whose name ends in this surname, when the surname's own mention is
    another record (a namesake) or none."""
    for m in reversed(mentions):
        if m.end > word.idx or m.actor.kind != "person":
            continue
        if m.actor.name.split()[-1].casefold() == word.lower_ and (
            here is None or here.actor.id != m.actor.id
        ):
            return m
    return None
