"""Watching feeds: one look fetches a feed conditionally, ingests its entries, and remembers the answer.

A look never stops the watch. A feed that cannot be fetched (refused URL, HTTP error, stall, oversized
or bombed body) or parsed becomes a ``rejects`` row with the reason, and the look reports it failed so
the command can exit non-zero and back off from that feed; the other feeds go on. A server that answers
304 to the conditional GET costs one request and nothing else.
"""

from __future__ import annotations

import os
import random
from collections.abc import Callable
from dataclasses import dataclass, field

from sitrep.batch import Summary, ingest_sources
from sitrep.context import Context, now
from sitrep.errors import InputError
from sitrep.readers import guarded, with_defaults
from sitrep.readers.base import reject
from sitrep.readers.feed import feed_items
from sitrep.readers.fetch import TIMEOUT, fetch
from sitrep.records import Article, Reject
from sitrep.store import feeds

MAX_BACKOFF = 32  # rounds: a feed failing again and again is tried at least every 32 rounds


@dataclass
class Look:
    """What one look at a feed found: ``summary`` None when the feed had not changed (304)."""

    url: str
    summary: Summary | None = None
    failure: str | None = None


def look(url: str, store: str | os.PathLike[str], published: str | None = None, outlet: str | None = None,
         ctx: Context | None = None, workers: int = 0, wait: float = 30.0, timeout: float = TIMEOUT,
         on_item: Callable[[Article | Reject], None] | None = None) -> Look:  # fmt: skip
    """Fetch the feed if it changed since the last look and ingest its entries."""
    etag, modified = feeds.validators(store, url)
    try:
        got = fetch(url, etag=etag, modified=modified, timeout=timeout)
    except InputError as exc:
        summary = ingest_sources([reject(url, str(exc))], store, ctx, on_item, workers=workers, wait=wait)
        feeds.remember(store, url, None, None, now(), f"failed: {exc}", wait=wait)
        return Look(url, summary, str(exc))
    if got.status == 304:
        feeds.remember(store, url, got.etag, got.modified, now(), "not modified", wait=wait)
        return Look(url)
    headers = {"content-type": got.content_type} if got.content_type else {}
    items = with_defaults(guarded(url, feed_items(url, got.data, headers)), published, outlet)
    summary = ingest_sources(items, store, ctx, on_item, workers=workers, wait=wait)
    failure = None if summary.sources else (summary.reasons[-1] if summary.reasons else "no entries")
    feeds.remember(store, url, got.etag, got.modified, now(), f"failed: {failure}" if failure else "ok",
                   wait=wait)  # fmt: skip
    return Look(url, summary, failure)


@dataclass
class Backoff:
    """Rounds to skip per failing target: 1, 3, 7 ... up to ``MAX_BACKOFF`` after 1, 2, 3 ... failures."""

    failures: dict[str, int] = field(default_factory=dict)
    skip: dict[str, int] = field(default_factory=dict)

    def due(self, target: str) -> bool:
        left = self.skip.get(target, 0)
        if left:
            self.skip[target] = left - 1
        return not left

    def record(self, target: str, ok: bool) -> None:
        if ok:
            self.failures.pop(target, None)
            return
        n = self.failures[target] = self.failures.get(target, 0) + 1
        self.skip[target] = min(2**n - 1, MAX_BACKOFF)


def jittered(seconds: float, rng: random.Random | None = None) -> float:
    """The pause plus or minus 10 %: many watchers started together do not hit a server together."""
    return seconds * (rng or random).uniform(0.9, 1.1)
