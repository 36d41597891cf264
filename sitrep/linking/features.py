"""What linking compares: shingles for near-duplicates, and two term views for stories.

Near-duplicates are judged on word 5-gram shingles of the normalised text (case, punctuation and
spacing ignored), so a repost with different chrome or quote marks still matches. Stories compare two
views of the lead of an article: content words (what happened) and names and numbers (who, where, how
many, which year). Two reports of one happening share both; two happenings of one kind share only the
first. Words near the top weigh more: news puts the happening first and background later.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS

SHINGLE = 5
LEAD_TOKENS = 100
LEAD_WEIGHT = 3.0
MAX_TOKENS = 400
IDF_PRIOR = 3000
_WORD = re.compile(r"[^\W_][\w'’-]*")
_NUMBER = re.compile(r"\d[\d,.]*(?:st|nd|rd|th)?")
_NUMBER_WORDS = frozenset(
    [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "twenty",
        "hundred",
        "thousand",
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
    ]
)
_URL = re.compile(r"\A\s*https?\s*:\s*/\s*/\S*(?:\s+[-/.:_?=&%#\w]+?)*?\s+(?=[A-Z][a-z]+\s)")

Terms = dict[str, float]


def normalise(text: str) -> list[str]:
    """Lower-case words without accents or punctuation: the unit shingles are made of."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return _WORD.findall(text)


def shingles(text: str, size: int = SHINGLE) -> set[str]:
    words = normalise(text)
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


@dataclass(frozen=True)
class Views:
    """Log-scaled, lead-weighted term frequencies of one article, before IDF."""

    content: Terms
    names: Terms


def views(text: str, title: str | None = None, max_tokens: int = MAX_TOKENS) -> Views:
    """The two term views of the first ``max_tokens`` words (title first)."""
    text = _URL.sub("", text, count=1)  # a crawled page's URL line is not the story
    if title and not text.startswith(title):
        text = f"{title}.\n{text}"
    content: defaultdict[str, float] = defaultdict(float)
    names: defaultdict[str, float] = defaultdict(float)
    previous_name: str | None = None
    sentence_start = True
    for k, match in enumerate(_WORD.finditer(text)):
        if k >= max_tokens:
            break
        word = match.group()
        low = word.casefold()
        weight = LEAD_WEIGHT if k < LEAD_TOKENS else 1.0
        stop = low in STOP_WORDS
        is_name = word[0].isupper() and not sentence_start and not stop
        if not stop:
            content[low] += weight
        if is_name or _NUMBER.fullmatch(low) or low in _NUMBER_WORDS:
            names[low] += weight
        if is_name and previous_name:
            names[f"{previous_name}_{low}"] += weight
        previous_name = low if is_name else None
        tail = text[match.end() : match.end() + 3].lstrip(" \t'’\"”)")
        sentence_start = tail[:1] in (".", "!", "?", "\n") or "\n" in text[match.end() : match.end() + 2]
    return Views(_log_tf(content), _log_tf(names))


def _log_tf(counts: Mapping[str, float]) -> Terms:
    return {term: 1.0 + math.log(n) for term, n in counts.items()}


def idf(df: int, n_docs: int) -> float:
    """Smoothed: a term every article has still counts a little; an unseen term counts most. The
    ``IDF_PRIOR`` articles that have none of the terms stand for the news a young store has not seen:
    without them, the words every report of the first stories share look common only because the store
    holds little else, and those reports drift apart (odd ECB+ topics: docs/benchmarks-linking.md)."""
    return math.log((n_docs + IDF_PRIOR + 1) / (df + 1)) + 1.0


def weighted(terms: Terms, df: dict[str, int], n_docs: int) -> Terms:
    vec = {t: w * idf(df.get(t, 0), n_docs) for t, w in terms.items()}
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {t: v / norm for t, v in vec.items()}


def cosine(a: Terms, b: Terms) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def similarity(content_a: Terms, names_a: Terms, content_b: Terms, names_b: Terms) -> float:
    """Content agreement, tempered by agreement on names and numbers (their geometric weight)."""
    names = cosine(names_a, names_b)
    return cosine(content_a, content_b) * math.sqrt(max(names, 0.0))


def keyed(v: Views) -> list[str]:
    """The document-frequency keys of an article's terms: content words and names are counted apart."""
    return ["c:" + t for t in v.content] + ["n:" + t for t in v.names]


def tf_idf(v: Views, df: Callable[[str], int], n_docs: int) -> tuple[Terms, Terms]:
    """The two views weighted by IDF (``df`` of a key of ``keyed``) and normalised."""
    content = weighted(v.content, {t: df("c:" + t) for t in v.content}, n_docs)
    names = weighted(v.names, {t: df("n:" + t) for t in v.names}, n_docs)
    return content, names
