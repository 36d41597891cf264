"""HTML pages: the main text and the page's metadata (title, date, canonical URL, site name).

Extraction combines two extractors rather than trusting one: readability-lxml first isolates the article
block (it rarely keeps navigation or comments), then trafilatura turns that block into clean paragraphs
(it drops share boxes and captions readability keeps). When readability's block is far shorter than what
trafilatura finds on the whole page, readability picked the wrong block (a teaser, a gallery), and the
whole-page trafilatura text is used. On the shared extraction set this beats either alone
(docs/benchmarks-ingest.md). ``sitrep eval extraction`` scores exactly this function.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from sitrep.errors import InputError
from sitrep.readers.base import decode, nonempty
from sitrep.records import Reject, Source

_WORDS = re.compile(r"\w+")
# readability's block must hold at least this share of the words trafilatura finds on the whole page.
MIN_SHARE = 0.7
_CHARSET = re.compile(rb"""<meta[^>]{0,200}charset\s*=\s*["']?([\w-]{2,40})""", re.I)


@dataclass(frozen=True, slots=True)
class Page:
    text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    site: str | None = None


def _count(text: str) -> int:
    return len(_WORDS.findall(text))


def _readability_block(markup: str) -> str:
    from readability import Document

    return str(Document(markup).summary(html_partial=False))


def main_text(markup: str) -> str:
    """The article's main text, paragraphs separated by newlines; '' when no extractor finds any."""
    import trafilatura

    whole = trafilatura.extract(markup, favor_precision=True) or ""
    try:
        block = trafilatura.extract(_readability_block(markup), favor_recall=True) or ""
    except Exception:  # readability fails on odd markup (deep nesting, no body): whole-page text stands
        block = ""
    return block if block.strip() and _count(block) >= MIN_SHARE * _count(whole) else whole


def page(markup: str) -> Page:
    """Main text plus metadata; dates come from htmldate through trafilatura (ISO day)."""
    from trafilatura import extract_metadata

    try:
        text = main_text(markup)
    except Exception as exc:  # the extractors raise many kinds of error on malformed markup
        raise InputError(f"HTML extraction failed: {type(exc).__name__}") from None
    try:
        meta = extract_metadata(markup)
    except Exception:  # metadata is a bonus: a page whose head cannot be parsed still has its text
        meta = None
    if meta is None:
        return Page(text=text)
    return Page(text=text, title=meta.title or None, date=meta.date or None, url=meta.url or None,
                site=meta.sitename or None)  # fmt: skip


_BLOCKS = (
    "p",
    "div",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "tr",
    "pre",
    "table",
    "ul",
    "ol",
)


def fragment_text(fragment: str) -> str:
    """Text of an HTML fragment (a feed entry's): block elements become paragraphs, entities decoded."""
    import lxml.etree
    import lxml.html

    if not fragment.strip():
        return ""
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (lxml.etree.LxmlError, ValueError):
        return ""
    for element in root.iter(*_BLOCKS):
        element.text = "\n\n" + (element.text or "")
        element.tail = "\n\n" + (element.tail or "")
    parts = (part.strip() for part in root.text_content().split("\n\n"))
    return "\n\n".join(part for part in parts if part)


def decode_html(data: bytes) -> str:
    """HTML bytes to text, trusting a <meta charset> only when it names a real codec."""
    match = _CHARSET.search(data[:4096])
    return decode(data, match.group(1).decode("ascii") if match else None)


def read_html(ref: str, data: bytes, url: str | None = None) -> Iterator[Source | Reject]:
    markup = nonempty(decode_html(data))
    if "<" not in markup:
        raise InputError("no markup in an HTML file")
    yield Source(ref=ref, text=markup, content_type="html", url=url)
