"""Tables of articles: CSV, JSONL and Parquet with url / date / title / text columns.

A bad row is a Reject for that row (``file#row``); the rest of the file is read. Rows are streamed, so a
large table is never held whole.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from sitrep.errors import InputError
from sitrep.readers.base import MAX_BYTES, check_file, decode, reject
from sitrep.readers.schema import TableRow, validate
from sitrep.records import Reject, Source

FIELD_LIMIT = MAX_BYTES


def row_source(ref: str, row: Any) -> Source | Reject:
    """One table row as a Source; a row whose values do not conform to the input schema is a Reject."""
    try:
        article = validate(TableRow, row)
    except InputError as exc:
        return reject(ref, str(exc))
    return article.source(ref, published_source="metadata")


def _lines(path: Path) -> Iterator[bytes]:
    with path.open("rb") as fh:
        while True:
            line = fh.readline(FIELD_LIMIT + 1)
            if not line:
                return
            yield line


def jsonl_rows(ref: str, lines: Iterable[bytes]) -> Iterator[Source | Reject]:
    """One item per non-blank line of JSON; a line that is not a JSON object is a Reject for that line."""
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        try:
            if len(line) > FIELD_LIMIT:
                raise InputError("row too large")
            row = json.loads(decode(line))
        except (InputError, ValueError) as exc:
            yield reject(f"{ref}#{i}", f"bad JSON row: {exc}")
            continue
        yield row_source(f"{ref}#{i}", row)


def read_jsonl(path: Path) -> Iterator[Source | Reject]:
    check_file(path, cap=1 << 40)
    return jsonl_rows(str(path), _lines(path))


def read_csv(path: Path) -> Iterator[Source | Reject]:
    check_file(path, cap=1 << 40)
    csv.field_size_limit(FIELD_LIMIT)
    with path.open("rb") as raw:
        head = raw.read(65536)
        try:
            head.decode("utf-8")
            encoding = "utf-8-sig"
        except UnicodeDecodeError as exc:
            encoding = "utf-8-sig" if exc.start > len(head) - 4 else "cp1252"
        raw.seek(0)
        stream = io.TextIOWrapper(raw, encoding=encoding, errors="replace", newline="")
        reader = csv.DictReader(stream)
        i = 0
        while True:
            ref = f"{path}#{i}"
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield reject(ref, f"bad CSV row: {exc}")
                return
            yield row_source(ref, row)
            i += 1


def read_parquet(path: Path) -> Iterator[Source | Reject]:
    """DuckDB reads Parquet already (no pyarrow needed); rows are fetched in small batches."""
    import duckdb

    check_file(path, cap=1 << 40)
    con = duckdb.connect()
    try:
        cur = con.execute("SELECT * FROM read_parquet(?)", [str(path)])
    except duckdb.Error as exc:
        yield reject(path, f"bad Parquet file: {str(exc).splitlines()[0]}")
        return
    names = [d[0] for d in cur.description or []]
    i = 0
    while batch := cur.fetchmany(256):
        for values in batch:
            yield row_source(f"{path}#{i}", dict(zip(names, values, strict=True)))
            i += 1
    con.close()
