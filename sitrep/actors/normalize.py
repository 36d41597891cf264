"""One spelling key for names, shared by the index (built from data) and the matcher (built from tokens).

The key folds case and accents and drops the marks that transliterations disagree on ("Qa'ani" = "Qaani",
"U.S." = "US", "al-Shaabi" = "alShaabi"), so one alias covers many spellings. Word boundaries stay:
"I ran" must never match "Iran".
"""

from __future__ import annotations

import re
import unicodedata

DROP = str.maketrans("", "", ".'’‘`ʼ-‐‑–")
SPACES = re.compile(r"\s+")
BREAKS = frozenset(".'’‘`ʼ-‐‑– ")


def fold(text: str) -> str:
    """Lower case without accents."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def token_key(text: str) -> str:
    """The key of one token's text; folding can make spaces ("¨" is a space and a diaeresis): drop them."""
    return "".join(fold(text).translate(DROP).split())


def keys(alias: str) -> list[str]:
    """The keys of an alias: hyphens may be written as nothing ("al-Shaabi") or as a space ("al Shaabi")."""
    folded = fold(alias).strip()
    out = [SPACES.sub(" ", folded.translate(DROP)).strip()]
    if "-" in folded:
        out.append(SPACES.sub(" ", folded.replace("-", " ").translate(DROP)).strip())
    return [k for k in dict.fromkeys(out) if k]


def prefixes(alias: str) -> set[str]:
    """Keys of the alias cut where a tokenizer may split it, so a scan knows when to keep extending."""
    out: set[str] = set()
    for variant in (fold(alias).strip(), fold(alias).strip().replace("-", " ")):
        for i, char in enumerate(variant):
            if char in BREAKS and i:
                key = SPACES.sub(" ", variant[:i].translate(DROP)).strip()
                if key:
                    out.add(key)
    return out


def case_rule(alias: str) -> str:
    """How the text must be cased to match: acronyms exactly, names capitalised, generic words anyhow."""
    letters = [c for c in alias if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(letters) <= 5:
        return "upper"
    if letters and letters[0].isupper():
        return "title"
    return "any"


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")
