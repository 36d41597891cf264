"""Plain text: one file is one article."""

from __future__ import annotations

from collections.abc import Iterator

from sitrep.readers.base import decode, nonempty
from sitrep.records import Reject, Source


def read_text(ref: str, data: bytes) -> Iterator[Source | Reject]:
    yield Source(ref=ref, text=nonempty(decode(data)))
