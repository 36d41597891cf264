"""Tables of articles: CSV, JSONL and Parquet with url / date / title / text columns.

A bad row is a Reject for that row (``file#row``); the rest of the file is read. Rows are streamed, so a
large table is never held whole.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from sitrep.errors import InputError
from sitrep.readers.base import MAX_BYTES, check_file, decode, reject, utf16
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


READ = 1 << 20  # characters (or bytes) read at a time: a row is assembled from pieces, never one huge read


class _Quotes:
    """Where a CSV record stands, as Python's csv module reads it: a quote opens a quoted field only at
    the start of a field (``6'2" tall`` in an unquoted field is a plain character); inside one, a doubled
    quote is a quote and a single one closes it."""

    def __init__(self) -> None:
        self.inside = self.pending = False
        self.last = "\n"  # the character before the next piece

    def ends_record(self, piece: str) -> bool:
        """Whether ``piece`` (up to and including a line break, or a slice of a long line) ends a record."""
        i = 0
        if self.pending:  # the last piece ended on a quote inside a quoted field: doubled, or closing
            self.pending, i = False, int(piece.startswith('"'))
            self.inside = bool(i)
        while (j := piece.find('"', i)) >= 0:
            if not self.inside:
                self.inside = (piece[j - 1] if j else self.last) in ",\r\n"
                i = j + 1
            elif j + 1 == len(piece):
                self.pending, i = True, j + 1
            elif piece[j + 1] == '"':
                i = j + 2
            else:
                self.inside, i = False, j + 1
        self.last = piece[-1:] or self.last
        return not self.inside and not self.pending and piece.endswith(("\n", "\r"))


def records(stream: IO[Any], cap: int = FIELD_LIMIT, quoted: bool = False) -> Iterator[Any]:
    """The stream's records (str or bytes, as the stream gives), each at most ``cap`` long; None for one
    over the cap, skipped while it is read and never held whole. A record ends at a line break; with
    ``quoted`` (CSV, text) only at a break outside a quoted field."""
    pieces: list[Any] = []
    size = 0
    over = False
    quotes = _Quotes()
    while piece := stream.readline(READ):
        size += len(piece)
        over = over or size > cap
        if over:
            pieces.clear()
        else:
            pieces.append(piece)
        if (
            quotes.ends_record(piece)
            if quoted
            else piece.endswith(("\n", "\r") if isinstance(piece, str) else (b"\n", b"\r"))
        ):
            yield None if over else piece[:0].join(pieces)
            pieces, size, over = [], 0, False
    if pieces or over:
        yield None if over else pieces[0][:0].join(pieces)


def _open_text(path: Path) -> IO[str] | None:
    """A text stream when the file is UTF-16 (its lines cannot be split as bytes), else None."""
    with path.open("rb") as fh:
        codec = utf16(fh.read(4096))
    return path.open(encoding=codec, errors="replace", newline="") if codec else None


TOO_LARGE = (
    f"row too large: over the {FIELD_LIMIT // 1_000_000} MB a row may have (the rest of the file is read)"
)


def jsonl_rows(ref: str, lines: Iterable[bytes | str | None]) -> Iterator[Source | Reject]:
    """One item per non-blank line of JSON; a line that is not a JSON object is a Reject for that line."""
    for i, line in enumerate(lines):
        if line is None:
            yield reject(f"{ref}#{i}", TOO_LARGE)
            continue
        if not line.strip():
            continue
        try:
            row = json.loads(line if isinstance(line, str) else decode(line))
        except (InputError, ValueError) as exc:
            yield reject(f"{ref}#{i}", f"bad JSON row: {exc}")
            continue
        yield row_source(f"{ref}#{i}", row)


def read_jsonl(path: Path) -> Iterator[Source | Reject]:
    check_file(path, cap=1 << 40)
    text = _open_text(path)
    with text or path.open("rb") as fh:
        yield from jsonl_rows(str(path), records(fh))


def _encoding(path: Path) -> str:
    with path.open("rb") as raw:
        head = raw.read(65536)
    wide = utf16(head)
    if wide:
        return wide
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        return "utf-8-sig" if exc.start > len(head) - 4 else "cp1252"
    return "utf-8-sig"


def read_csv(path: Path) -> Iterator[Source | Reject]:
    """Rows streamed record by record: a cell over the cap rejects its row, and the rest is read."""
    check_file(path, cap=1 << 40)
    csv.field_size_limit(FIELD_LIMIT)
    with path.open(encoding=_encoding(path), errors="replace", newline="") as stream:
        header: list[str] | None = None
        for i, record in enumerate(records(stream, quoted=True), start=-1):
            ref = f"{path}#{i}"
            if record is None:
                yield reject(ref, TOO_LARGE)
                continue
            try:
                fields = next(csv.reader([record]), [])
            except csv.Error as exc:
                yield reject(ref, f"bad CSV row: {exc}")
                continue
            if header is None:
                header = [h.lstrip("\ufeff") for h in fields]
            elif any(f.strip() for f in fields):
                yield row_source(ref, _row(header, fields))


def count_rows(path: Path, kind: str) -> int:
    """Rows of a CSV (records may span lines) or JSONL file, as the readers split them; a file that
    cannot be counted counts once."""
    try:
        with path.open(encoding=_encoding(path), errors="replace", newline="") as fh:
            return max(0, sum(1 for _ in records(fh, quoted=kind == ".csv")) - (kind == ".csv"))
    except OSError:
        return 1


def _row(header: list[str], fields: list[str]) -> dict[str | None, Any]:
    """As csv.DictReader makes it: missing fields None, extra ones in a list under None."""
    row: dict[str | None, Any] = dict(
        zip(header, fields + [None] * (len(header) - len(fields)), strict=False)
    )
    if len(fields) > len(header):
        row[None] = fields[len(header) :]
    return row


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
