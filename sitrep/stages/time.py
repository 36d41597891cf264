"""Time: temporal expressions resolved against the publication date.

Placeholder until issue 5 lands: finds nothing yet.
"""

from __future__ import annotations

from typing import Any

from sitrep.context import Context
from sitrep.records import Article

NAME = "time"
NEEDS = ("text", "published_at")
ADDS = "times"


def run(article: Article, doc: Any, ctx: Context) -> tuple[Any, ...]:
    return ()
