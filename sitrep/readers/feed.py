"""RSS and Atom feeds: one Source per entry, from the entry's own content or, when the entry links to a
local file, from that page.

Feeds are XML from strangers: a document that declares entities is refused before any parser sees it,
since entity expansion ("billion laughs") is the classic way to exhaust memory with a small file.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlparse

from sitrep.errors import InputError
from sitrep.readers.base import MAX_BYTES, read_capped, reject
from sitrep.readers.html import fragment_text, read_html
from sitrep.records import Reject, Source

_ENTITY_DECL = re.compile(rb"<!ENTITY", re.I)


def _date(entry: dict) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%dT%H:%M:%S", parsed) if parsed else None


def _local(link: str | None, base: Path) -> Path | None:
    """The linked page when it is a file on this machine (file:// or a path relative to the feed)."""
    if not link:
        return None
    parsed = urlparse(link)
    if parsed.scheme == "file":
        path = Path(unquote(parsed.path))
    elif parsed.scheme == "" and not link.startswith("//"):
        path = base / unquote(parsed.path)
    else:
        return None
    return path if path.is_file() else None


def _entry(ref: str, entry: dict, base: Path) -> Iterator[Source | Reject]:
    link = entry.get("link")
    meta = {"title": entry.get("title") or None, "published": _date(entry)}
    local = _local(link, base)
    if local is not None:
        for item in read_html(ref, read_capped(local), url=None):
            yield item if isinstance(item, Reject) else _with(item, meta, None)
        return
    contents = entry.get("content") or []
    body = contents[0].get("value") if contents else entry.get("summary")
    text = fragment_text(body or "")
    if not text.strip():
        yield reject(ref, "feed entry has no content")
        return
    yield _with(Source(ref=ref, text=text), meta, link)


def _with(source: Source, meta: dict[str, str | None], url: str | None) -> Source:
    import dataclasses

    return dataclasses.replace(
        source, url=source.url or url, title=meta["title"], published=meta["published"],
        published_source="feed" if meta["published"] else None,
    )  # fmt: skip


def read_feed(path: Path, data: bytes | None = None) -> Iterator[Source | Reject]:
    import feedparser

    data = read_capped(path, MAX_BYTES) if data is None else data
    if _ENTITY_DECL.search(data[:65536]):
        raise InputError("XML entity declarations refused (entity expansion)")
    parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    if not parsed.entries:
        reason = str(parsed.get("bozo_exception") or "no entries")
        raise InputError(f"not a readable feed: {reason[:200]}")
    for i, entry in enumerate(parsed.entries):
        ref = f"{path}#{entry.get('id') or i}"
        try:
            yield from _entry(ref, entry, path.parent)
        except InputError as exc:
            yield reject(ref, str(exc))
