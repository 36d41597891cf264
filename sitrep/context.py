"""Resources that a process loads once and every stage shares: the spaCy pipeline and the data indexes.

A stage asks the context for a resource by name with the function that builds it; the first call builds
it, later calls (and later articles) reuse it. A Spark executor or an ingest worker makes one context and
so loads everything once.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

T = TypeVar("T")


@dataclass
class Context:
    """What the stages share in one process, and which stages run."""

    disabled: frozenset[str] = frozenset()
    batch_size: int = 8  # nlp.pipe batch size; memory grows with it (250 MB at 8, 2.2 GB at 1000)
    parse: str = "full"  # or "triage": parse only the sentences that can carry an event (stages/triage.py)
    _cache: dict[str, Any] = field(default_factory=dict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def resource(self, name: str, build: Callable[[], T]) -> T:
        with self._lock:
            if name not in self._cache:
                self._cache[name] = build()
            return self._cache[name]


_default: Context | None = None


def default_context() -> Context:
    """The process-wide context used by ``sitrep.process`` when the caller passes none."""
    global _default
    if _default is None:
        _default = Context()
    return _default
