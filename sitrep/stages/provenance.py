"""Provenance: the publishing outlet and the original one.

Placeholder until issue 6 lands.
"""

from __future__ import annotations

from typing import Any

from sitrep.context import Context
from sitrep.records import Article, Provenance

NAME = "provenance"
NEEDS = ("text", "quotes")
ADDS = "provenance"


def run(article: Article, doc: Any, ctx: Context) -> Provenance:
    return Provenance(article.publisher, None, None, None, False)
