"""Quotes: direct, partial and indirect speech with speaker, cue, outlet and nesting.

Placeholder until issue 6 lands: finds nothing yet.
"""

from __future__ import annotations

from typing import Any

from sitrep.context import Context
from sitrep.records import Article

NAME = "quotes"
NEEDS = ("text", "mentions")
ADDS = "quotes"


def run(article: Article, doc: Any, ctx: Context) -> tuple[Any, ...]:
    return ()
