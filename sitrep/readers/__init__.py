"""Readers: any input → ``Source`` records; an item that cannot be read → a ``Reject``, never an exception.

One module per kind of input (text, table, html, feed, warc). ``read`` walks paths (files, folders
recursively, globs, ``-`` for stdin), picks the reader by suffix or, failing that, by the first bytes,
and stamps the caller's publication date and outlet on items that carry none.
"""

from __future__ import annotations

import dataclasses
import gzip
import io
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from sitrep.errors import InputError
from sitrep.readers.base import MAX_BYTES, looks_binary, read_capped, reject, utf16
from sitrep.readers.feed import read_feed
from sitrep.readers.html import read_html
from sitrep.readers.table import count_rows, jsonl_rows, read_csv, read_jsonl, read_parquet
from sitrep.readers.text import read_text
from sitrep.readers.walk import STDIN, entries, files
from sitrep.readers.warc import read_warc
from sitrep.records import Reject, Source

__all__ = ["count", "entries", "files", "guarded", "read", "read_path", "read_stdin", "with_defaults"]

_STREAMED: dict[str, Callable[[Path], Iterator[Source | Reject]]] = {
    ".csv": read_csv, ".jsonl": read_jsonl, ".ndjson": read_jsonl, ".parquet": read_parquet,
    ".warc": read_warc, ".arc": read_warc, ".warc.gz": read_warc, ".arc.gz": read_warc,
}  # fmt: skip
_HTML = (".html", ".htm", ".xhtml", ".shtml")
_FEED = (".rss", ".atom", ".xml")
_ROWS = (".csv", ".jsonl", ".ndjson")


def _suffix(path: Path) -> str:
    """The suffix that decides the reader; a double one for compressed archives and pages."""
    suffixes = [s.lower() for s in path.suffixes[-2:]]
    if len(suffixes) == 2 and suffixes[1] == ".gz":
        return "".join(suffixes)
    return suffixes[-1] if suffixes else ""


def _sniff(data: bytes) -> str:
    head = data[:2048].lstrip().lower()
    if head.startswith(b"<?xml") or head.startswith((b"<rss", b"<feed", b"<rdf")):
        return ".xml" if b"<rss" in head or b"<feed" in head or b"<rdf" in head else ".html"
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head:
        return ".html"
    if head.startswith(b"{"):
        return ".jsonl"
    return ".txt"


def _gunzip(path: Path) -> bytes:
    """A gzipped page or text, inflated no further than the size cap."""
    with gzip.GzipFile(fileobj=io.BytesIO(read_capped(path))) as fh:
        data = fh.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise InputError("too large once decompressed")
    return data


def _from_bytes(ref: str, data: bytes, kind: str, path: Path) -> Iterator[Source | Reject]:
    if looks_binary(data):
        raise InputError("binary file, not text")
    if kind in _HTML:
        yield from read_html(ref, data)
    elif kind in _FEED:
        yield from read_feed(path, data)
    elif kind == ".jsonl":
        wide = utf16(data)
        yield from jsonl_rows(
            ref, data.decode(wide, errors="replace").splitlines() if wide else data.splitlines()
        )
    else:
        yield from read_text(ref, data)


def guarded(ref: str, items: Iterator[Source | Reject]) -> Iterator[Source | Reject]:
    """The items, then a Reject for whatever went wrong: one bad input must not end a batch."""
    try:
        yield from items
    except InputError as exc:
        yield reject(ref, str(exc))
    except Exception as exc:  # parsers of untrusted input raise every kind of error
        yield reject(ref, f"unreadable: {type(exc).__name__}: {str(exc)[:200]}")


def _file_items(path: Path) -> Iterator[Source | Reject]:
    kind = _suffix(path)
    if kind in _STREAMED:
        yield from _STREAMED[kind](path)
    elif kind.endswith(".gz"):
        inner = kind.removesuffix(".gz")
        data = _gunzip(path)
        yield from _from_bytes(str(path), data, inner if inner else _sniff(data), path)
    else:
        data = read_capped(path)
        known = kind in _HTML or kind in _FEED or kind in (".txt", ".text", ".md")
        yield from _from_bytes(str(path), data, kind if known else _sniff(data), path)


def read_path(path: Path) -> Iterator[Source | Reject]:
    """Every item of one file; whatever goes wrong becomes a Reject and the caller goes on."""
    return guarded(str(path), _file_items(path))


def _stdin_items(stream: BinaryIO) -> Iterator[Source | Reject]:
    data = stream.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise InputError("too large")
    yield from _from_bytes("<stdin>", data, _sniff(data), Path("."))


def read_stdin(stream: BinaryIO | None = None) -> Iterator[Source | Reject]:
    """One item from standard input, of whatever kind its first bytes say (text, HTML, feed, JSONL)."""
    return guarded("<stdin>", _stdin_items(stream or sys.stdin.buffer))


def count(names: Iterable[str], follow_symlinks: bool = False) -> int | None:
    """How many items the paths hold, when that is cheap to know (None when an archive or feed is in)."""
    total = 0
    for path in files(names, follow_symlinks):
        kind = _suffix(path)
        if path.name == STDIN or kind in _STREAMED or kind in _FEED:
            if kind not in _ROWS:
                return None
            total += count_rows(path, kind)
        else:
            total += 1
    return total


def with_defaults(
    items: Iterable[Source | Reject], published: str | None = None, publisher: str | None = None
) -> Iterator[Source | Reject]:
    """The caller's date and outlet on items that carry none. The date is a default
    (``published_source="default"``): an item's own date wins, including one that clean later finds in a
    page's metadata."""
    for item in items:
        if isinstance(item, Source) and published and not item.published:
            item = dataclasses.replace(item, published=published, published_source="default")
        if isinstance(item, Source) and publisher and not item.publisher:
            item = dataclasses.replace(item, publisher=publisher)
        yield item


def read(
    names: Iterable[str],
    published: str | None = None,
    publisher: str | None = None,
    follow_symlinks: bool = False,
) -> Iterator[Source | Reject]:
    """Every item under the paths with the caller's defaults, and a Reject for each path refused."""
    for path in entries(names, follow_symlinks):
        if isinstance(path, Reject):
            yield path
            continue
        items = read_stdin() if path.name == STDIN else read_path(path)
        yield from with_defaults(items, published, publisher)
