"""The frozen dev / test split and the bootstrap interval every scorer reports."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import pytest

from sitrep.errors import UserError
from sitrep.eval.base import bootstrap, judged
from sitrep.eval.incidents import judge as judge_topics
from sitrep.eval.incidents import metrics as topic_metrics
from sitrep.eval.splits import check, keep, split_of


def test_split_is_the_hash_rule() -> None:
    for key in ("PLOVER-GSR01-AID-0001", "CNN_20130322_248", "12", "7", "https://example.org/wiki/A"):
        digest = int(hashlib.sha256(key.encode()).hexdigest(), 16)
        assert split_of(key) == ("test" if digest % 3 == 0 else "dev")
        assert split_of(key, 2) == ("test" if digest % 2 == 0 else "dev")


def test_split_holds_out_about_a_third_and_partitions() -> None:
    keys = [f"record-{i}" for i in range(3000)]
    test = [k for k in keys if keep(k, "test")]
    dev = [k for k in keys if keep(k, "dev")]
    assert 900 < len(test) < 1100 and len(test) + len(dev) == len(keys) and not set(test) & set(dev)
    assert all(keep(k, "all") for k in keys)


def test_a_split_name_is_checked() -> None:
    assert check("test") == "test"
    with pytest.raises(UserError, match="--split"):
        check("half")


def _share(outcomes: Sequence[int]) -> dict[str, float | int]:
    return {"share": round(sum(outcomes) / len(outcomes), 4), "n_ones": sum(outcomes)}


def test_bootstrap_of_a_constant_is_that_constant() -> None:
    assert bootstrap([1] * 20, _share)["share"] == [1.0, 1.0]


def test_bootstrap_interval_of_a_share_is_about_two_standard_errors() -> None:
    outcomes = [1] * 50 + [0] * 50  # share 0.5, standard error 0.05
    low, high = bootstrap(outcomes, _share)["share"]
    assert 0.38 < low < 0.42 and 0.58 < high < 0.62
    assert bootstrap(outcomes, _share) == bootstrap(outcomes, _share)  # fixed seed
    assert bootstrap(outcomes, _share, seed=1) != bootstrap(outcomes, _share, seed=2)


def test_bootstrap_resamples_records_not_their_parts() -> None:
    """Two records of 10 items each, one all right, one all wrong: the share swings between 0 and 1."""
    records = [(10, 10), (0, 10)]
    low, high = bootstrap(records, lambda rs: {"acc": sum(r[0] for r in rs) / sum(r[1] for r in rs)})["acc"]
    assert (low, high) == (0.0, 1.0)


def test_judged_gives_metrics_interval_and_counts() -> None:
    result = judged("toy", "gold", "dev", [1, 0, 1, 1], _share)
    assert result.metrics == {"share": 0.75, "n_ones": 3} and result.n == result.records == 4
    assert set(result.to_json()) == {"name", "gold", "n", "metrics", "split", "ci95", "records", "resamples"}
    assert result.to_json()["split"] == "dev"
    with pytest.raises(UserError, match="no toy records in the test split"):
        judged("toy", "gold", "test", [], _share)


def test_incident_topics_recompute_the_pairwise_score_of_any_set() -> None:
    # topic 1: two documents of one event grouped right; topic 2: its two events lumped with topic 1's
    found = ["s1", "s1", "s1", "s1", "s2"]
    gold = ["1ecb", "1ecb", "2ecb", "2ecbplus", "2ecbplus"]
    topics = ["1", "1", "2", "2", "2"]
    outcomes = judge_topics(found, gold, topics)
    # found pairs: 6 in s1 (1 inside topic 1, 1 inside topic 2, 4 across: half each); right pairs: 1
    assert [(o.both, o.found, o.gold) for o in outcomes] == [(1, 3.0, 1), (0, 3.0, 1)]
    assert topic_metrics(outcomes)["pairwise_precision"] == round(1 / 6, 4)
    assert topic_metrics(outcomes[:1])["pairwise_recall"] == 1.0
