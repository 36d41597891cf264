"""sitrep: news articles in, sourced, geolocated, dated event data out.

The public names load on first use, so that ``import sitrep.records`` (and the CLI) do not pay for spaCy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Article", "Event", "Quote", "__version__", "frames", "pipe", "process"]

if TYPE_CHECKING:
    from sitrep.batch import pipe
    from sitrep.dataframes import frames
    from sitrep.pipeline import process
    from sitrep.records import Article, Event, Quote


def __getattr__(name: str) -> Any:
    if name == "process":
        from sitrep.pipeline import process

        return process
    if name == "pipe":
        from sitrep.batch import pipe

        return pipe
    if name == "frames":
        from sitrep.dataframes import frames

        return frames
    if name in ("Article", "Event", "Quote"):
        from sitrep import records

        return getattr(records, name)
    raise AttributeError(f"module 'sitrep' has no attribute {name!r}")
