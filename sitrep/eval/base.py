"""The result every scorer returns, and the readable table for humans."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class EvalResult:
    name: str
    gold: str
    n: int
    metrics: dict[str, float | int]
    # One row per judged item or per class, for the readable output only (not part of the JSON contract).
    rows: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "gold": self.gold, "n": self.n, "metrics": self.metrics}


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f
