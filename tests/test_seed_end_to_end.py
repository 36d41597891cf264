"""The seed article through the whole line: the article checks and the times of expected.yaml.

The expectations are read from ../shared/seed/expected.yaml (never copied here) and judged by the same
functions ``sitrep eval seed`` uses.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from sitrep.eval import seed
from sitrep.records import Article

SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seed" / "seed-article.txt"


def _expected() -> dict[str, Any]:
    path = SEED.parent / "expected.yaml"
    if not path.exists():
        pytest.skip(f"no expected.yaml at {path}")
    return yaml.safe_load(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def test_seed_article_checks_pass(seed_article: Article) -> None:
    failures = {
        key: why
        for key, want in _expected()["article"].items()
        for ok, why in [seed.judge_article(key, want, seed_article)]
        if not ok
    }
    assert failures == {}


def test_seed_times_resolve(seed_article: Article) -> None:
    failures = {
        spec["words"]: why
        for spec in _expected()["times"]
        for ok, why in [seed.judge_time(spec, seed_article)]
        if not ok
    }
    assert failures == {}


def test_seed_has_no_false_assertions(seed_article: Article) -> None:
    failures = [
        spec["words"]
        for spec in _expected()["must_not_assert"]
        if not seed.judge_forbidden(spec, seed_article)[0]
    ]
    assert failures == []


def test_every_fact_points_at_its_words(seed_article: Article) -> None:
    text = seed_article.text
    spans = [(t.start, t.end, t.text) for t in seed_article.times]
    spans += [(p.start, p.end, p.text) for p in seed_article.places]
    spans += [(m.start, m.end, m.text) for m in seed_article.mentions]
    spans += [(q.start, q.end, q.text) for q in seed_article.quotes]
    spans += [(ev.start, ev.end, ev.text) for e in seed_article.events for ev in e.evidence]
    assert spans, "the line found nothing in the seed"
    assert all(text[s:e] == words for s, e, words in spans)
