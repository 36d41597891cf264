"""RSS and Atom feeds: one Source per entry, from the entry's own content.

Feeds are XML from strangers. A document that declares entities is refused before any parser sees it,
since entity expansion ("billion laughs") is the classic way to exhaust memory with a small file. An
entry's HTML is feedparser's sanitised HTML (scripts, styles and event handlers removed), turned into
text by lxml. An entry whose link is not an http(s) URL (``/etc/passwd``, ``file:///...``, ``page.html``)
is refused: nothing in a feed may make sitrep read a local file.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sitrep.errors import InputError
from sitrep.readers.base import MAX_BYTES, read_capped, reject
from sitrep.readers.fetch import check_url
from sitrep.readers.html import fragment_text
from sitrep.records import Reject, Source

_ENTITY_DECL = re.compile(rb"<!ENTITY", re.I)


def _date(entry: dict[str, Any]) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%dT%H:%M:%S", parsed) if parsed else None


def _entry(ref: str, entry: dict[str, Any]) -> Source:
    link = entry.get("link") or None
    if link is not None:
        check_url(link)
    contents = entry.get("content") or []
    body = contents[0].get("value") if contents else entry.get("summary")
    text = fragment_text(body or "")
    if not text.strip():
        raise InputError("feed entry has no content")
    published = _date(entry)
    return Source(ref=ref, text=text, url=link, title=entry.get("title") or None, published=published,
                  published_source="feed" if published else None)  # fmt: skip


def feed_items(ref: str, data: bytes, headers: dict[str, str] | None = None) -> Iterator[Source | Reject]:
    """Every entry of a feed document (bytes: feedparser reads a file when handed a path)."""
    import feedparser

    if _ENTITY_DECL.search(data[:65536]):
        raise InputError("XML entity declarations refused (entity expansion)")
    parsed = feedparser.parse(data, response_headers=headers or {}, sanitize_html=True,
                              resolve_relative_uris=False)  # fmt: skip
    if not parsed.entries:
        reason = str(parsed.get("bozo_exception") or "no entries")
        raise InputError(f"not a readable feed: {reason[:200]}")
    for i, entry in enumerate(parsed.entries):
        entry_ref = f"{ref}#{entry.get('id') or i}"
        try:
            yield _entry(entry_ref, entry)
        except InputError as exc:
            yield reject(entry_ref, str(exc))


def read_feed(path: Path, data: bytes | None = None) -> Iterator[Source | Reject]:
    return feed_items(str(path), read_capped(path, MAX_BYTES) if data is None else data)
