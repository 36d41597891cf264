"""The extraction scorer's metric, on hand-made pages, and the floor on the shared gold set."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from sitrep.eval import default_gold
from sitrep.eval.extraction import aggregate, overlap, score

WORDS = "one two three four five six seven eight"


@pytest.mark.parametrize(("pred", "gold", "expected"), [
    (WORDS, WORDS, (5, 0, 0)),
    ("one, two; three four!", "one two three four", (1, 0, 0)),  # punctuation is not a token
    ("", WORDS, (0, 0, 5)),
    (WORDS + " nine", WORDS, (5, 1, 0)),
    ("a a a a a", "a a a a", (1, 1, 0)),  # multisets, not sets
])  # fmt: skip
def test_overlap_shingles(pred: str, gold: str, expected: tuple[int, int, int]) -> None:
    assert overlap(pred, gold) == expected


def test_aggregate_means_over_pages_that_count() -> None:
    # page 2 predicts nothing: it counts for recall (0) but not for precision
    m = aggregate([(3, 1, 0), (0, 0, 4)])
    assert (m["precision"], m["recall"]) == (0.75, 0.5)
    assert m["f1"] == pytest.approx(0.6, abs=1e-4)


def test_score_reads_gold_layout(tmp_path: Path) -> None:
    (tmp_path / "html").mkdir()
    body = " ".join(f"The council met on day {i} to discuss the new budget." for i in range(30))
    page = f"<html><body><nav>Menu Home</nav><article><p>{body}</p></article></body></html>"
    (tmp_path / "html" / "p1.html.gz").write_bytes(gzip.compress(page.encode()))
    (tmp_path / "ground-truth.json").write_text(json.dumps({"p1": {"articleBody": body, "url": "u"}}))
    result = score(tmp_path)
    assert (
        result.n == 1 and result.metrics["f1"] > 0.95 and set(result.metrics) == {"precision", "recall", "f1"}
    )
    assert set(result.to_json()["ci95"]) == set(result.metrics) and result.to_json()["split"] == "all"


@pytest.mark.slow
def test_score_shared_extraction_floor() -> None:
    gold = default_gold("extraction")
    if not gold.exists():
        pytest.skip(f"no shared extraction gold at {gold}")
    assert score(gold).metrics["f1"] >= 0.965
