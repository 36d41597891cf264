"""Clean: the main text of a Source, without repost chrome; what was cut is recorded.

Placeholder until the ingest/clean work lands: normalises whitespace only.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from sitrep.context import Context
from sitrep.errors import InputError
from sitrep.records import Article, Source


def article_id(text: str) -> str:
    """The same words are the same article, whatever their spacing or Unicode form."""
    norm = " ".join(unicodedata.normalize("NFKC", text).split()).lower()
    return hashlib.sha256(norm.encode()).hexdigest()[:16]


def run(source: Source, ctx: Context) -> Article:
    text = re.sub(r"\n{3,}", "\n\n", source.text.replace("\r\n", "\n")).strip()
    if not text:
        raise InputError("empty text")
    return Article(
        id=article_id(text), text=text, source_ref=source.ref, url=source.url, title=source.title,
        publisher=source.publisher, published_at=source.published,
        published_precision="day" if source.published else None,
        published_source="caller" if source.published else None,
    )  # fmt: skip
