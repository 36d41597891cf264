"""Provenance: the publishing outlet, the original one, and whether the article is a repost.

Publisher evidence, strongest first: the URL's domain, the metadata or caller, the trailing site
signature that clean cut off, a leading "Islam News- " prefix. The original outlet is the first outlet
the article cites as its source ("Middel East Eye (MEE) reported" — fuzzy name or the abbreviation), a
wire agency in the dateline, or the outlet the quotes were given to. Links across articles (repost_of,
near-duplicates, stories, incidents) need the store: see ``sitrep.linking``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitrep.context import Context
from sitrep.provenance.sources import original, publisher, same_outlet
from sitrep.records import Article, Provenance

if TYPE_CHECKING:
    from spacy.tokens import Doc


NAME = "provenance"
NEEDS = ("text", "quotes")
ADDS = "provenance"


def run(article: Article, doc: Doc, ctx: Context) -> Provenance:
    name, evidence = publisher(article)
    source, span = original(article)
    if source is not None and same_outlet(source, name):
        source, span = None, None  # an outlet citing itself is not a repost
    return Provenance(
        publisher=name,
        publisher_evidence=evidence,
        original_outlet=source,
        original_span=span,
        is_repost=source is not None and name is not None,
    )
