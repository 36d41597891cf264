"""Name keys: one normal form for gazetteer names and text spans, and its 64-bit hash.

The index stores hashes, not strings, so that a million keys fit in a few MB; the same function must
build and query it, hence one module.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

_SPACE = re.compile(r"[\s\-_/]+")
_DROP = re.compile(r"[.\u2019'`\"()\[\],]")
_ARTICLE = re.compile(r"^the ")


def norm(name: str) -> str:
    """Fold case, accents, dots, quotes and hyphens: "Al-Anbar", "al Anbar", "AL ANBAR" share a key."""
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch)).casefold()
    folded = _DROP.sub("", folded)
    folded = _SPACE.sub(" ", folded).strip()
    return _ARTICLE.sub("", folded)


def is_latin(key: str) -> bool:
    """English news writes names in ASCII letters; other scripts only bloat the index."""
    return key.isascii() and any(ch.isalpha() for ch in key)


def key_hash(key: str) -> int:
    """A stable 64-bit hash (Python's own ``hash`` changes per process)."""
    return int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "little")
