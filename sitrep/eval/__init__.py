"""Scorers, one per gold set. ``sitrep eval NAME --json`` prints ``{"name", "gold", "n", "metrics",
"split"}`` and, for the split gold sets, ``"ci95"`` (metric → [low, high], a bootstrap over records),
``"records"`` and ``"resamples"``.

That JSON shape and the metric names are a fixed contract: other tools read them; names are added,
never renamed.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Protocol

from sitrep.errors import UserError
from sitrep.eval.base import EvalResult
from sitrep.eval.splits import Split, check

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
UNSPLIT = ("seed",)  # one article, the acceptance case: nothing to hold out


class Scorer(Protocol):
    def score(self, gold: Path, split: Split = "all") -> EvalResult: ...


def default_gold(name: str) -> Path:
    return SHARED / SCORERS[name][1]


def run(name: str, gold: Path | None = None, split: str = "all") -> EvalResult:
    """One scorer on its gold data, on the ``dev`` or ``test`` records only or on all (sitrep.eval.splits)."""
    if name not in SCORERS:
        raise UserError(f"unknown gold set {name!r}; one of: {', '.join(SCORERS)}")
    chosen = check(split)
    if name in UNSPLIT and chosen != "all":
        raise UserError(f"the {name} gold set has no dev/test split; use --split all")
    path = gold or default_gold(name)
    if not path.exists():
        raise UserError(f"no gold data at {path}")
    module = importlib.import_module(SCORERS[name][0])
    return module.score(path) if name in UNSPLIT else module.score(path, split=chosen)
