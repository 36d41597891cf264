"""Events: PLOVER type and mode, CAMEO code, who did what to whom, where, when, counts, modality.

Placeholder until issue 3 lands: finds nothing yet.
"""

from __future__ import annotations

from typing import Any

from sitrep.context import Context
from sitrep.records import Article

NAME = "events"
NEEDS = ("text", "times", "places", "mentions", "quotes")
ADDS = "events"


def run(article: Article, doc: Any, ctx: Context) -> tuple[Any, ...]:
    return ()
