"""The articles of our own Wikinews gold run through the line into a store, as ``sitrep ingest`` does.

Our gold sets over Wikinews (``gold/wikinews``, ``gold/incidents``) are judged on what the product
stores: the articles of ``order.txt`` read from the sample corpus, processed and linked chunk by chunk.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from sitrep import batch, readers
from sitrep.errors import UserError
from sitrep.records import Reject, Source

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
CORPUS = SHARED / "corpus" / "wikinews"
ORDER = SHARED / "eval" / "wikinews-e2e" / "order.txt"


def order_urls(path: Path = ORDER) -> list[str]:
    """The URLs of order.txt, in order (the only Wikinews articles our gold may study one by one)."""
    if not path.is_file():
        raise UserError(f"no Wikinews article list at {path}")
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("http")]


def sources(urls: Iterable[str], corpus: Path = CORPUS) -> list[Source]:
    """The corpus rows of these URLs, in the corpus's own order."""
    wanted = set(urls)
    found = [s for s in readers.read([str(corpus)]) if not isinstance(s, Reject) and s.url in wanted]
    if not found:
        raise UserError(f"none of the gold's articles is in {corpus}")
    return found


def build(store: Path, urls: Iterable[str], corpus: Path = CORPUS) -> batch.Summary:
    """Process and link these articles into ``store`` (a file: the batch takes a writer lock on it)."""
    return batch.ingest_sources(sources(urls, corpus), store)
