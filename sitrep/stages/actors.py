"""Actors: mentions of people, organisations, countries and groups resolved to actor records.

The project's actor data goes in front of spaCy's entity labels and wins; role phrases resolve by the
article's published date; short forms corefer with the first full mention. The index is compiled once
per process (``ctx.resource``); the Doc is only read, never parsed again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitrep.actors import build_index, resolve
from sitrep.context import Context
from sitrep.records import ActorMention, Article

if TYPE_CHECKING:
    from spacy.tokens import Doc


NAME = "actors"
NEEDS = ("text", "published_at", "places")
ADDS = "mentions"


def run(article: Article, doc: Doc, ctx: Context) -> tuple[ActorMention, ...]:
    index = ctx.resource("actors.index", build_index)
    return resolve(doc, index, article.published_at, article.places)
