"""Train the event-type arbiter (sitrep/events/arbiter.py) and write its weights as plain arrays.

Training data, read from the paths given (nothing is downloaded here):

- NGEC's synthetic PLOVER news stories, `setup/train_classifiers/gpt_synthetic_events_2023-10-19_19.csv.zip`
  of github.com/ahalterman/NGEC @ 787a06b (4,500 stories a language model wrote from hand-written
  headlines; each carries the PLOVER type its headline was written for). Each story gives two examples
  of its type: the headline it was written from and its lead sentence, where a news story states its event.
- optionally NGEC-2025's LLM-checked Voice of America quotes, the folder
  `setup/train_classifiers/codebook_llm/data/batches` of github.com/ahalterman/NGEC-2025: in `screen/`
  each story's quote per candidate type, in `verify/` each verified positive's quote under the type its
  batch checked (`verify/manifest.json`). Real news sentences, so they count ``--voa-weight`` times.

No gold set's text is used; the weights carry no sentence, only single words and word pairs with numbers
(see sitrep/data/events/NOTICE). The shipped weights: docs/benchmarks-arbiter.md has the command.

Needs scikit-learn (a dev dependency); the line itself needs numpy only.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import math
import re
import sys
import zipfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression

from sitrep.events.arbiter import Arbiter, terms
from sitrep.events.lexicon import TYPES

# PLOVER 0.5 names of types the current 16 renamed or merged (as in ../shared/eval/events/README.md)
LEGACY = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]?\s+(?=[\"'(\[]?[A-Z])")


def lead(text: str) -> str:
    """The first sentence of a story."""
    return _SENTENCE_END.split(text.strip(), maxsplit=1)[0]


def _rows(path: Path) -> Iterator[dict[str, str]]:
    csv.field_size_limit(sys.maxsize)
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as zf:
            name = next(n for n in zf.namelist() if n.endswith(".csv") and not n.startswith("__MACOSX"))
            with zf.open(name) as fh:
                yield from csv.DictReader(io.TextIOWrapper(fh, encoding="utf-8"))
    else:
        with open(path, encoding="utf-8", newline="") as fh:
            yield from csv.DictReader(fh)


def examples(path: Path) -> list[tuple[str, str]]:
    """(text, type) pairs: each story's headline and lead sentence under its label, mapped to current PLOVER."""
    out = []
    for row in _rows(path):
        label = LEGACY.get(row["label"].strip().upper(), row["label"].strip().upper())
        if label not in TYPES:
            continue
        for text in (row.get("prompt") or "", lead(row.get("text") or "")):
            if text.strip():
                out.append((text.strip(), label))
    return out


def voa_examples(batches: Path) -> list[tuple[str, str]]:
    """(quote, type) pairs from NGEC-2025's screening and verification batches (their JSON layout)."""
    out = []
    for path in sorted((batches / "screen").glob("screen_*.json")):
        for item in json.loads(path.read_text(encoding="utf-8")):
            out += [(q.strip(), t) for t, q in (item.get("quotes") or {}).items() if t in TYPES and q.strip()]
    manifest = batches / "verify" / "manifest.json"
    types = (
        {b["batch"]: b["event_type"] for b in json.loads(manifest.read_text())} if manifest.is_file() else {}
    )
    for path in sorted((batches / "verify").glob("verify_*.json")):
        label = types.get(path.stem)
        if label not in TYPES:
            continue
        for item in json.loads(path.read_text(encoding="utf-8")):
            if item.get("label") == 1 and (item.get("quote") or "").strip():
                out.append((item["quote"].strip(), label))
    return out


def fit(
    data: list[tuple[str, str]],
    c: float,
    min_df: int,
    settle: float = 0.5,
    supply: float = 0.5,
    weights: list[float] | None = None,
) -> Arbiter:
    """TF-IDF (sublinear tf, smoothed idf, L2 rows) as sitrep.events.arbiter computes it, then a multinomial
    logistic regression with balanced class weights."""
    df = Counter(t for text, _ in data for t in set(terms(text)))
    words = sorted(t for t, n in df.items() if n >= min_df)
    vocabulary = {w: i for i, w in enumerate(words)}
    n = len(data)
    idf = np.array([math.log((1 + n) / (1 + df[w])) + 1.0 for w in words])
    types = tuple(t for t in TYPES if any(label == t for _, label in data))
    blank = Arbiter(
        types, vocabulary, idf, np.zeros((len(types), len(words))), np.zeros(len(types)), settle, supply
    )
    rows, cols, vals = [], [], []
    for i, (text, _) in enumerate(data):
        c_idx, v = blank.vector(text)
        rows.extend([i] * len(c_idx))
        cols.extend(c_idx.tolist())
        vals.extend(v.tolist())
    x = csr_matrix((vals, (rows, cols)), shape=(n, len(words)))
    y = np.array([types.index(label) for _, label in data])
    model = LogisticRegression(C=c, max_iter=2000, class_weight="balanced").fit(x, y, sample_weight=weights)
    coef, intercept = model.coef_, model.intercept_
    if len(types) == 2:  # a binary fit keeps one row; the softmax wants one per type
        coef, intercept = np.vstack([-coef / 2, coef / 2]), np.array([-intercept[0] / 2, intercept[0] / 2])
    return Arbiter(types, vocabulary, idf, coef, intercept, settle, supply)


def held_out_accuracy(data: list[tuple[str, str]], c: float, min_df: int) -> float:
    """Accuracy on every fifth example when trained on the rest (the training data's own check, no gold)."""
    train = [d for i, d in enumerate(data) if i % 5]
    test = [d for i, d in enumerate(data) if not i % 5]
    model = fit(train, c, min_df)
    return sum(model.best(text)[0] == label for text, label in test) / max(1, len(test))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ngec", type=Path, required=True, help="NGEC's synthetic stories (.csv or .csv.zip)")
    ap.add_argument("--ngec2025", type=Path, help="NGEC-2025's codebook_llm/data/batches folder")
    ap.add_argument("--voa-weight", type=float, default=5.0, help="weight of a VOA quote against a story's")
    ap.add_argument("--out", type=Path, required=True, help="where to write the weights (.npz)")
    ap.add_argument("--c", type=float, default=10.0, help="inverse L2 strength of the regression")
    ap.add_argument("--min-df", type=int, default=2, help="keep terms seen in at least this many examples")
    ap.add_argument("--settle", type=float, default=0.5, help="probability to settle disagreeing news")
    ap.add_argument(
        "--supply", type=float, default=0.5, help="probability to name an event the lexicon missed"
    )
    ap.add_argument("--check", action="store_true", help="first report accuracy on a fifth of the stories")
    args = ap.parse_args(argv)
    if not args.ngec.is_file():
        print(f"train_arbiter: no such file: {args.ngec}", file=sys.stderr)
        return 2
    if args.ngec2025 is not None and not args.ngec2025.is_dir():
        print(f"train_arbiter: no such folder: {args.ngec2025}", file=sys.stderr)
        return 2
    data = examples(args.ngec)
    voa = voa_examples(args.ngec2025) if args.ngec2025 is not None else []
    counts = Counter(label for _, label in data + voa)
    print(
        f"{len(data)} story and {len(voa)} VOA examples: "
        + ", ".join(f"{t} {counts[t]}" for t in TYPES if counts[t])
    )
    if args.check:
        print(f"held-out accuracy on the stories: {held_out_accuracy(data, args.c, args.min_df):.3f}")
    weights = [1.0] * len(data) + [args.voa_weight] * len(voa)
    model = fit(data + voa, args.c, args.min_df, args.settle, args.supply, weights)
    model.save(args.out)
    print(f"{len(model.vocabulary)} terms x {len(model.types)} types -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
