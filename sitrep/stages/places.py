"""Places: toponyms resolved to gazetteer entries.

Placeholder until issue 5 lands: finds nothing yet.
"""

from __future__ import annotations

from typing import Any

from sitrep.context import Context
from sitrep.records import Article

NAME = "places"
NEEDS = ("text",)
ADDS = "places"


def run(article: Article, doc: Any, ctx: Context) -> tuple[Any, ...]:
    return ()
