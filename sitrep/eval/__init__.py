"""Scorers, one per gold set. ``sitrep eval NAME --json`` prints ``{"name", "gold", "n", "metrics"}``.

That JSON shape and the metric names are a fixed contract: other tools read them.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Protocol

from sitrep.errors import UserError
from sitrep.eval.base import EvalResult

SHARED = Path(__file__).resolve().parents[2].parent / "shared"

# name -> (module, default gold path relative to ../shared)
SCORERS: dict[str, tuple[str, str]] = {
    "seed": ("sitrep.eval.seed", "seed"),
    "extraction": ("sitrep.eval.extraction", "eval/extraction"),
    "events": ("sitrep.eval.events", "eval/events"),
    "places": ("sitrep.eval.places", "eval/geo/GWN.xml"),
    "time": ("sitrep.eval.time", "eval/time/te3-platinum"),
    "incidents": ("sitrep.eval.incidents", "eval/ecbplus"),
}


class Scorer(Protocol):
    def score(self, gold: Path) -> EvalResult: ...


def default_gold(name: str) -> Path:
    return SHARED / SCORERS[name][1]


def run(name: str, gold: Path | None = None) -> EvalResult:
    if name not in SCORERS:
        raise UserError(f"unknown gold set {name!r}; one of: {', '.join(SCORERS)}")
    path = gold or default_gold(name)
    if not path.exists():
        raise UserError(f"no gold data at {path}")
    module = importlib.import_module(SCORERS[name][0])
    return module.score(path)
