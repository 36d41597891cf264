"""Who published an article and whose reporting it carries, from the URL, metadata, chrome and attribution."""

from __future__ import annotations

import re
from collections import Counter

from sitrep.provenance.outlets import Outlet, load_outlets, norm_name
from sitrep.records import Article, Span

# "Islam News- Middel East Eye ..." / "Islam News: ..." — a site naming itself before the body
_PREFIX = re.compile(r"\A\s*([A-Z][\w&.'’]*(?:\s+[A-Z][\w&.'’]*){0,4})\s*[-–—:]\s+")
# "WASHINGTON (Reuters) -" / "BAGHDAD, Nov 18 (AFP) —" — wire copy names its agency in the dateline
_DATELINE = re.compile(r"\A\s*[A-Z][A-Z .,'-]{2,40}(?:,[^()\n]{0,25})?\s*\(([^()\n]{2,40})\)\s*[-–—:]")
_WITH_ABBR = re.compile(r"^(.*?)\s*\(([^()]+)\)\s*$")


def resolve(name: str) -> Outlet | None:
    """An outlet from words like "Middel East Eye (MEE)": the abbreviation or the (fuzzy) name."""
    index = load_outlets()
    match = _WITH_ABBR.match(name.strip())
    if match:
        return index.by_abbreviation(match.group(2)) or index.by_name(match.group(1))
    return index.by_name(name)


def publisher(article: Article) -> tuple[str | None, str | None]:
    """(name, evidence): the URL's domain, then the given metadata, then the site's own signature."""
    index = load_outlets()
    if article.url and (outlet := index.by_url(article.url)):
        return outlet.name, "url"
    if article.publisher:
        outlet = index.by_name(article.publisher, fuzzy=False)
        return (outlet.name if outlet else article.publisher), "metadata"
    for cut in article.cuts:
        if cut.kind == "signature" and cut.text.strip():
            outlet = index.by_name(cut.text, fuzzy=False)
            return (outlet.name if outlet else cut.text.strip()), "signature"
    match = _PREFIX.match(article.text)
    if match and (outlet := index.by_name(match.group(1), fuzzy=False)):
        return outlet.name, "prefix"
    return None, None


def original(article: Article) -> tuple[str | None, Span | None]:
    """The outlet whose reporting this is: the first outlet cited as a speaker ("MEE reported"),
    a wire agency in the dateline, else the outlet most quotes were given to ("told MEE")."""
    for quote in article.quotes:
        if quote.speaker and (outlet := resolve(quote.speaker.text)):
            return outlet.name, quote.speaker
    match = _DATELINE.match(article.text)
    if match and (outlet := resolve(match.group(1))):
        return outlet.name, Span(match.start(1), match.end(1), match.group(1))
    given = Counter(q.via_outlet for q in article.quotes if q.via_outlet)
    if given:
        return given.most_common(1)[0][0], None
    return None, None


def same_outlet(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and norm_name(a) == norm_name(b)
