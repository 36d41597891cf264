"""The result every scorer returns, the bootstrap interval of its metrics, and the readable table."""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sitrep.errors import UserError
from sitrep.eval.splits import Split

T = TypeVar("T")
RESAMPLES = 1000
SEED = 14  # fixed, so an interval is reproducible from the same outcomes


@dataclass
class EvalResult:
    name: str
    gold: str
    n: int
    metrics: dict[str, float | int]
    # One row per judged item or per class, for the readable output only (not part of the JSON contract).
    rows: list[dict[str, Any]] = field(default_factory=list)
    split: Split = "all"
    # metric -> [low, high]: the 95 % bootstrap interval over the records judged (``records`` of them).
    ci95: dict[str, list[float]] = field(default_factory=dict)
    records: int = 0

    def to_json(self) -> dict[str, Any]:
        out = {
            "name": self.name,
            "gold": self.gold,
            "n": self.n,
            "metrics": self.metrics,
            "split": self.split,
        }
        if self.ci95:
            out |= {"ci95": self.ci95, "records": self.records, "resamples": RESAMPLES}
        return out


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def bootstrap(
    outcomes: Sequence[T],
    metrics: Callable[[Sequence[T]], Mapping[str, float | int]],
    resamples: int = RESAMPLES,
    seed: int = SEED,
) -> dict[str, list[float]]:
    """The 95 % percentile bootstrap interval of each metric: records drawn with replacement
    ``resamples`` times, the metrics recomputed from the drawn records' outcomes. Records, not the
    events or toponyms inside them, are what is drawn: those of one record are not independent."""
    if not outcomes:
        return {}
    rng = random.Random(seed)
    n = len(outcomes)
    drawn: dict[str, list[float]] = {}
    for _ in range(resamples):
        sample = [outcomes[rng.randrange(n)] for _ in range(n)]
        for name, value in metrics(sample).items():
            drawn.setdefault(name, []).append(float(value))
    return {name: [_percentile(v, 2.5), _percentile(v, 97.5)] for name, v in drawn.items()}


def _percentile(values: list[float], q: float) -> float:
    """Linear interpolation between order statistics (numpy's default), rounded as the metrics are."""
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q / 100
    low = int(pos)
    high = min(low + 1, len(ordered) - 1)
    return round(ordered[low] + (ordered[high] - ordered[low]) * (pos - low), 4)


def judged(
    name: str,
    gold: object,
    split: Split,
    outcomes: Sequence[T],
    metrics: Callable[[Sequence[T]], dict[str, float | int]],
    rows: list[dict[str, Any]] | None = None,
    n: int | None = None,
) -> EvalResult:
    """A scorer's result from its per-record outcomes: the metrics on all of them and their intervals.
    ``n`` keeps each scorer's own count (toponyms, documents ...) where it is not the records'."""
    if not outcomes:
        raise UserError(f"no {name} records in the {split} split of {gold}")
    return EvalResult(
        name=name,
        gold=str(gold),
        n=len(outcomes) if n is None else n,
        metrics=metrics(outcomes),
        rows=rows or [],
        split=split,
        ci95=bootstrap(outcomes, metrics),
        records=len(outcomes),
    )
