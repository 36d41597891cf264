"""What a process shares: its settings, checked once, the clock, and resources loaded once.

A stage asks the context for a resource by name with the function that builds it; the first call builds
it, later calls (and later articles) reuse it. A Spark executor or an ingest worker makes one context and
so loads everything once.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal, TypeVar, cast, get_args

from sitrep.errors import UserError

T = TypeVar("T")
ParseMode = Literal["full", "triage"]  # triage: parse only the sentences that can carry an event
PARSE_MODES: tuple[str, ...] = get_args(ParseMode)
CHUNK = 32  # inputs per batch commit: a killed batch loses at most one chunk's work


def now() -> str:
    """The clock every record's time stamp (ingested_at, seen_at) is read from: UTC, to the second."""
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass
class Context:
    """What the stages share in one process, and which stages run."""

    disabled: frozenset[str] = frozenset()
    batch_size: int = 8  # nlp.pipe batch size; memory grows with it (250 MB at 8, 2.2 GB at 1000)
    parse: ParseMode = "full"  # stages/triage.py for "triage"
    clock: Callable[[], str] = now
    arbiter: bool = False  # the learned type arbiter decides where the event rules cannot (events/arbiter.py)
    _cache: dict[str, Any] = field(default_factory=dict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def __post_init__(self) -> None:
        if self.parse not in PARSE_MODES:
            raise UserError(f"--parse must be one of: {', '.join(PARSE_MODES)}, not {self.parse!r}")
        if not isinstance(self.arbiter, bool):
            raise UserError(f"the arbiter setting is on (True) or off (False), not {self.arbiter!r}")

    def resource(self, name: str, build: Callable[[], T]) -> T:
        with self._lock:
            if name not in self._cache:
                self._cache[name] = build()
            return cast(T, self._cache[name])


_default: Context | None = None


def default_context() -> Context:
    """The process-wide context used by ``sitrep.process`` when the caller passes none; never switched."""
    global _default
    if _default is None:
        _default = Context()
    return _default
