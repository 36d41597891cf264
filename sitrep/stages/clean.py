"""Clean: the main text of a Source, without repost chrome, with its title and publication date.

HTML goes through the same extraction ``sitrep eval extraction`` scores. Then a line filter removes the
chrome extractors leave or never see (plain text gets no help from trafilatura): a doubled title, share
lines, a trailing site signature. Every removal is a ``Cut`` so nothing is silently lost; provenance
reads ``Cut(kind="signature")`` to name the publisher. A leading attribution ("Islam News- ...") stays in
the text: provenance reads it there.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

from sitrep.context import Context
from sitrep.errors import InputError
from sitrep.readers import dates
from sitrep.readers.html import page
from sitrep.records import Article, Cut, Source
from sitrep.stages.language import MAX_CHARS
from sitrep.timex import published
from sitrep.timex.published import Published

CHROME = Path(__file__).resolve().parents[1] / "data" / "clean" / "chrome.yaml"
HEADLINE_WORDS = 30
SIGNATURE_WORDS = 5
_SENTENCE_END = re.compile(r"[.!:;,\"”’)]$")


@dataclass(frozen=True)
class Chrome:
    share: re.Pattern[str]
    not_title: re.Pattern[str]
    signature_words: frozenset[str]


def _lines_pattern(patterns: list[str]) -> re.Pattern[str]:
    alternatives = "|".join(f"(?:{p})" for p in patterns)
    return re.compile(rf"\s*(?:{alternatives})\s*", re.I)


def load_chrome(path: Path = CHROME) -> Chrome:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return Chrome(_lines_pattern(data["share_lines"]), _lines_pattern(data["not_titles"]),
                  frozenset(data["signature_words"]))  # fmt: skip


def article_id(text: str) -> str:
    """The same words are the same article, whatever their spacing or Unicode form."""
    norm = " ".join(unicodedata.normalize("NFKC", text).split()).lower()
    return hashlib.sha256(norm.encode()).hexdigest()[:16]


def _norm(line: str) -> str:
    return " ".join(line.split()).casefold()


def _is_headline(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= HEADLINE_WORDS and not _SENTENCE_END.search(line) and line[:1].isupper()


def _title(lines: list[str], given: str | None, chrome: Chrome, cuts: list[Cut]) -> str | None:
    """Take the headline off the body (it becomes the title); a second copy of it is chrome."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    if len(filled) < 2:
        return given
    first, second = filled[0], filled[1]
    head = lines[first]
    doubled = _norm(lines[second]) == _norm(head)
    if given:
        if _norm(head) != _norm(given):
            return given
    elif not (_is_headline(head) and (doubled or second > first + 1)) or _not_title(head, chrome):
        return given  # a headline stands alone, followed by a blank line or by its own copy
    cuts.append(Cut("title", head.strip()))
    lines[first] = ""
    if doubled:
        cuts.append(Cut("doubled-title", lines[second].strip()))
        lines[second] = ""
    return given or head.strip()


def _not_title(line: str, chrome: Chrome) -> bool:
    """A byline, a timestamp or a bare date ("Friday, January 4, 2019") heads many texts: not a headline."""
    dated = dates.from_dateline(line) is not None and len(line.split()) <= 6
    return dated or chrome.not_title.fullmatch(line) is not None


def _signature(lines: list[str], chrome: Chrome, cuts: list[Cut]) -> None:
    """A short outlet name as the last line, signed off again ("Islam News" after "Islam News- ...")."""
    last = next((i for i in range(len(lines) - 1, -1, -1) if lines[i].strip()), None)
    if last is None:
        return
    line = lines[last].strip()
    words = line.split()
    if not (0 < len(words) <= SIGNATURE_WORDS and _is_headline(line)) or last == 0:
        return
    body = "\n".join(lines[:last])
    attributed = re.search(rf"(?m)^\s*{re.escape(line)}\s*[-–—:|]", body) is not None
    if attributed or words[-1].casefold() in chrome.signature_words:
        cuts.append(Cut("signature", line))
        lines[last] = ""


def strip_chrome(text: str, title: str | None, chrome: Chrome) -> tuple[str, str | None, list[Cut]]:
    """(body, title, cuts) for a text: headline and doubled title, share lines, trailing signature."""
    cuts: list[Cut] = []
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    title = _title(lines, title, chrome, cuts)
    for i, line in enumerate(lines):
        if line.strip() and chrome.share.fullmatch(line):
            cuts.append(Cut("share-line", line.strip()))
            lines[i] = ""
    _signature(lines, chrome, cuts)
    body = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    return body, title, cuts


def _published(source: Source, page_date: str | None, body: str) -> tuple[Published | None, str | None]:
    """The caller's date, else the input's metadata or feed, else the URL, else a dateline; else unknown.

    A date the caller or the input gave that cannot be read exactly is an error for this item (DateError)."""
    if source.published and source.published_source != "default":
        return published.parse(source.published), source.published_source or "caller"
    if found := published.lenient(page_date):
        return found, "metadata"
    if source.published:
        return published.parse(source.published), "caller"
    url_date = dates.from_url(source.url)
    if found := published.lenient(url_date[0] if url_date else None):
        return found, "url"
    if found := published.lenient(dates.from_dateline(body)):
        return found, "text"
    return None, None


def run(source: Source, ctx: Context) -> Article:
    chrome = ctx.resource("clean.chrome", load_chrome)
    text, title, url, site, page_date = source.text, source.title, source.url, None, None
    if source.content_type == "html":
        found = page(source.text)
        text, title = found.text, title or found.title
        url, site, page_date = url or found.url, found.site, found.date
    body, title, cuts = strip_chrome(text, title, chrome)
    if not body:
        raise InputError("no main text" if source.content_type == "html" else "empty text")
    if len(body) > MAX_CHARS:
        raise InputError(f"too long: {len(body):,} characters, over the {MAX_CHARS:,} a text may have")
    when, how = _published(source, page_date, body)
    return Article(
        id=article_id(body), text=body, source_ref=source.ref, url=url, title=title,
        publisher=source.publisher or site, published_at=when.value if when else None,
        published_precision=when.precision if when else None,
        published_source=how, cuts=tuple(cuts),
    )  # fmt: skip
