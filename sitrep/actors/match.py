"""Find every span of a parsed Doc that the index knows, by walking token n-grams through one dict.

At each token the key grows one token at a time and stops as soon as no name starts with it, so the cost
is a few dict hits per token. For each start and each category (actor, office, title, generic) only the
longest match is kept.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sitrep.actors.index import Entry, Index
from sitrep.actors.normalize import token_key


@dataclass(frozen=True, slots=True)
class Match:
    start: int  # token index
    end: int  # token index, exclusive
    entry: Entry


_key = lru_cache(maxsize=200_000)(token_key)


def cased(text: str, rule: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    if rule == "upper":
        return bool(letters) and all(c.isupper() for c in letters)
    if rule == "title":
        return bool(letters) and letters[0].isupper()
    return True


@dataclass(frozen=True, slots=True)
class Words:
    """A Doc's token texts, whether each is glued to the next, and their spelling keys, read in one pass:
    spaCy builds a new Token object on every access, so the stage reads each token once."""

    texts: list[str]
    glued: list[bool]
    keys: list[str]

    @classmethod
    def of(cls, tokens: Iterable[Any]) -> Words:
        pairs = [(t.text, not t.whitespace_) for t in tokens]
        texts = [text for text, _ in pairs]
        return cls(texts, [g for _, g in pairs], [_key(t) for t in texts])


def scan(words: Words, index: Index) -> list[Match]:
    """Longest match per (start, category) over a Doc's words."""
    table, prefixes, limit = index.table, index.prefixes, index.max_tokens
    texts, glued, keys = words.texts, words.glued, words.keys
    out: list[Match] = []
    n = len(texts)
    for i in range(n):
        key = keys[i]
        if not key or not key[0].isalnum() or (key not in table and key not in prefixes):
            continue
        best: dict[str, Match] = {}
        j = i
        while True:
            entries = table.get(key) if keys[j] else None  # never end on a bare "-" or "."
            if entries:
                for entry in entries:
                    if entry.case == "any" or cased(texts[i], entry.case):
                        best[entry.category] = Match(i, j + 1, entry)
            j += 1
            if j >= n or j - i >= limit or key not in prefixes or not texts[j].strip():
                break
            key = f"{key}{keys[j]}" if glued[j - 1] else f"{key} {keys[j]}"
        out.extend(best.values())
    return out
