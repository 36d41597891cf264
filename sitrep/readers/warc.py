"""WARC and ARC archives: one Source per HTML response record.

Decompression is bounded: a record is read at most ``MAX_BYTES`` past its (gzip or HTTP) encoding, and
a record over the cap ends the archive, because skipping past a compression bomb would mean inflating it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from sitrep.errors import InputError
from sitrep.readers.base import MAX_BYTES, MAX_TABLE_BYTES, check_file, reject
from sitrep.readers.html import read_html
from sitrep.records import Reject, Source

_HTML = ("text/html", "application/xhtml")


def _is_html(record: object) -> bool:
    headers = getattr(record, "http_headers", None)
    ctype = headers.get_header("Content-Type", "") if headers else ""
    return getattr(record, "rec_type", "") == "response" and ctype.lower().startswith(_HTML)


def read_warc(path: Path) -> Iterator[Source | Reject]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    check_file(path, MAX_TABLE_BYTES)
    with path.open("rb") as fh:
        records = ArchiveIterator(fh, arc2warc=True)
        try:
            for record in records:
                if not _is_html(record):
                    continue
                # The record id, not the offset: warcio finds an offset by reading the record to its end.
                ref = f"{path}@{record.rec_headers.get_header('WARC-Record-ID') or record.rec_headers.get_header('uri')}"
                data = record.content_stream().read(MAX_BYTES + 1)
                if len(data) > MAX_BYTES:
                    yield reject(ref, "record too large once decompressed; rest of the archive skipped")
                    return
                url = record.rec_headers.get_header("WARC-Target-URI")
                try:
                    yield from read_html(ref, data, url=url)
                except InputError as exc:
                    yield reject(ref, str(exc))
        except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
            yield reject(
                path, f"corrupt archive: {str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__}"
            )
