"""Scorers, one per gold set. ``sitrep eval NAME --json`` prints ``{"name", "gold", "n", "metrics",
"split"}`` and, for the split gold sets, ``"ci95"`` (metric → [low, high], a bootstrap over records),
``"records"`` and ``"resamples"``.

That JSON shape and the metric names are a fixed contract: other tools read them; names are added,
never renamed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from sitrep.context import Context
from sitrep.errors import UserError
from sitrep.eval.base import EvalResult
from sitrep.eval.splits import check

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"

# name (of its module here) -> default gold path
SCORERS: dict[str, Path] = {
    "seed": SHARED / "seed",
    "extraction": SHARED / "eval/extraction",
    "events": SHARED / "eval/events",
    "places": SHARED / "eval/geo/GWN.xml",
    "time": SHARED / "eval/time/te3-platinum",
    "incidents": SHARED / "eval/ecbplus",
    "wikinews": REPO / "gold/wikinews",  # our own, kept in the repository
    "quotes": REPO / "gold/wikinews",  # the quotes: of the same articles
}
CORPUS_READERS = ("wikinews", "quotes")  # gold that finds its article texts in the corpus by URL
LINE = ("seed", "events", "time", "wikinews", "quotes")  # the scorers that run the line, in the context given
UNSPLIT = ("seed",)  # one article, the acceptance case: nothing to hold out


def default_gold(name: str) -> Path:
    return SCORERS[name]


def run(name: str, gold: Path | None = None, split: str = "all", corpus: Path | None = None,
        ctx: Context | None = None) -> EvalResult:  # fmt: skip
    """One scorer on its gold data, on the ``dev`` or ``test`` records only or on all (sitrep.eval.splits);
    ``corpus`` is where the wikinews gold's article texts are looked up by URL; the scorers that run the
    line run it in ``ctx`` (the process's default context when None)."""
    if name not in SCORERS:
        raise UserError(f"unknown gold set {name!r}; one of: {', '.join(SCORERS)}")
    chosen = check(split)
    if name in UNSPLIT and chosen != "all":
        raise UserError(f"the {name} gold set has no dev/test split; use --split all")
    if corpus is not None and name not in CORPUS_READERS:
        raise UserError(f"--corpus is for the {' and '.join(CORPUS_READERS)} gold sets only")
    path = gold or default_gold(name)
    if not path.exists():
        raise UserError(f"no gold data at {path}")
    score: Callable[..., EvalResult] = scorer(name).score
    line = {"ctx": ctx} if name in LINE else {}
    if name in UNSPLIT:
        return score(path, **line)
    if corpus is not None:
        if not corpus.is_dir():
            raise UserError(f"no corpus folder at {corpus}")
        return score(path, split=chosen, corpus=corpus, **line)
    return score(path, split=chosen, **line)


def scorer(name: str) -> ModuleType:
    """A scorer's module, imported when one runs (most of them load the line, hence spaCy)."""
    from sitrep.eval import events, extraction, incidents, places, quotes, seed, time, wikinews

    modules = (events, extraction, incidents, places, quotes, seed, time, wikinews)
    return {m.__name__.rpartition(".")[2]: m for m in modules}[name]
