"""Ingest: any input → Source records; an item that cannot be read → a Reject, never an exception.

Placeholder reader set until the ingest issue lands: plain text, CSV and JSONL with url/date/title/text.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from sitrep.records import Reject, Source
from sitrep.stages.language import now


def _reject(path: Path, reason: str) -> Reject:
    return Reject(source=str(path), reason=reason, raw_ref=str(path), seen_at=now())


def _rows(path: Path, rows: Iterable[dict[str, str]]) -> Iterator[Source]:
    for i, row in enumerate(rows):
        yield Source(ref=f"{path}#{i}", text=row.get("text") or "", url=row.get("url") or None,
                     title=row.get("title") or None, published=row.get("date") or row.get("published") or None)  # fmt: skip


def read_path(
    path: Path, published: str | None = None, publisher: str | None = None
) -> Iterator[Source | Reject]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield _reject(path, f"unreadable: {exc.strerror}")
        return
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        yield _reject(path, "not UTF-8 text")
        return
    if path.suffix == ".csv":
        csv.field_size_limit(1 << 26)
        yield from _rows(path, csv.DictReader(text.splitlines(keepends=True)))
    elif path.suffix in (".jsonl", ".ndjson"):
        yield from _rows(path, (json.loads(line) for line in text.splitlines() if line.strip()))
    else:
        yield Source(ref=str(path), text=text, published=published, publisher=publisher)


def read(
    paths: Iterable[str], published: str | None = None, publisher: str | None = None
) -> Iterator[Source | Reject]:
    for name in paths:
        path = Path(name)
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            yield from read_path(file, published, publisher)
