"""Actors: mentions of people, organisations, countries and groups resolved to actor records.

Placeholder until issue 4 lands: finds nothing yet.
"""

from __future__ import annotations

from typing import Any

from sitrep.context import Context
from sitrep.records import Article

NAME = "actors"
NEEDS = ("text", "published_at", "places")
ADDS = "mentions"


def run(article: Article, doc: Any, ctx: Context) -> tuple[Any, ...]:
    return ()
