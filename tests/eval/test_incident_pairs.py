"""Our incident-pair gold: article and event pairs joined by the store, scored by split, planned dropped."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.errors import UserError
from sitrep.eval import incident_pairs as ip
from sitrep.eval.splits import WIKINEWS_MODULUS, split_of

A, B, C, D = (f"https://example.org/wiki/{n}" for n in ("a", "b", "c", "d"))
GOLD = f"""pairs:
  - {{a: {A}, b: {B}, same: true, happening: {{type: ASSAULT}}}}
  - {{a: {A}, b: {C}, same: true, happening: {{type: null}}}}
  - {{a: {B}, b: {C}, same: false, why: two happenings}}
  - {{a: {C}, b: {D}, same: true, planned: a, happening: {{type: AGREE}}}}
"""


@pytest.fixture
def gold(tmp_path: Path) -> Path:
    (tmp_path / "pairs.yaml").write_text(GOLD)
    return tmp_path


def test_read_gold_drops_planned_pairs_and_sorts_urls(gold: Path) -> None:
    pairs = ip.read_gold(gold)
    assert set(pairs) == {(A, B), (A, C), (B, C)}
    assert pairs[(A, B)].types == {"ASSAULT"} and not pairs[(A, C)].types and not pairs[(B, C)].same


def test_read_gold_refuses_another_layout(tmp_path: Path) -> None:
    (tmp_path / "pairs.yaml").write_text("events: []\n")
    with pytest.raises(UserError):
        ip.read_gold(tmp_path)


def test_metrics_article_and_event_level(gold: Path) -> None:
    joined = [(A, B, "ASSAULT", "ASSAULT"), (A, B, "ASSAULT", "PROTEST"), (B, C, "ASSAULT", "ASSAULT"),
              (A, D, "AID", "AID")]  # fmt: skip
    m = ip.metrics(ip.judge(ip.read_gold(gold), joined, "all"))
    # joined article pairs: A-B right, B-C a listed negative, A-D unlisted (positives are exhaustive)
    assert (m["article_pair_precision"], m["article_pair_recall"]) == (round(1 / 3, 4), 0.5)
    assert m["judged_pair_precision"] == 0.5
    # event pairs: one of four has the happening's type in both articles; A-B is the one typed positive
    assert (m["event_pair_precision"], m["event_pair_recall"]) == (0.25, 1.0)


def test_judge_keeps_the_pairs_of_the_split(gold: Path) -> None:
    outcomes = ip.judge(ip.read_gold(gold), [], "dev")
    dev = [p for p in ((A, B), (A, C), (B, C)) if split_of("|".join(p), WIKINEWS_MODULUS) == "dev"]
    assert len(outcomes) == len(dev)
