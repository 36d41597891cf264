"""Score HTML main-text extraction with the article-extraction benchmark's own metric.

Tokens are the ``\\w+`` matches (punctuation ignored); a text is the multiset of its 4-token shingles; per
page, tp / fp / fn are multiset overlaps. Precision is the mean over pages of per-page precision (pages
with tp + fp > 0), recall likewise (tp + fn > 0), F1 from the two means. The extractor scored is the one
the HTML reader uses, so the figure is the product's.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from sitrep.eval.base import EvalResult, judged
from sitrep.eval.splits import Split, keep
from sitrep.readers.html import decode_html, main_text

_TOKEN = re.compile(r"\w+")
SHINGLE = 4


def shingles(text: str) -> Counter[tuple[str, ...]]:
    words = _TOKEN.findall(text)
    return Counter(tuple(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1))


def overlap(predicted: str, gold: str) -> tuple[int, int, int]:
    """(tp, fp, fn) of one page; normalising them to sum to 1 leaves precision and recall unchanged."""
    p, g = shingles(predicted), shingles(gold)
    tp = sum((p & g).values())
    return tp, sum(p.values()) - tp, sum(g.values()) - tp


def aggregate(pages: Sequence[tuple[int, int, int]]) -> dict[str, float | int]:
    precisions = [tp / (tp + fp) for tp, fp, _ in pages if tp + fp]
    recalls = [tp / (tp + fn) for tp, _, fn in pages if tp + fn]
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def score(gold: Path, split: Split = "all", extract: Callable[[str], str] = main_text) -> EvalResult:
    """``gold`` holds ground-truth.json ({id: {articleBody, url}}) and html/<id>.html.gz; a page is one
    record (its id is the split key)."""
    truth = json.loads((gold / "ground-truth.json").read_text(encoding="utf-8"))
    pages, rows = [], []
    for item_id in sorted(i for i in truth if keep(i, split)):
        html = decode_html(gzip.decompress((gold / "html" / f"{item_id}.html.gz").read_bytes()))
        tp, fp, fn = overlap(extract(html), truth[item_id]["articleBody"])
        pages.append((tp, fp, fn))
        rows.append({"page": item_id[:12], "tp": tp, "fp": fp, "fn": fn})
    return judged("extraction", gold, split, pages, aggregate, rows)
