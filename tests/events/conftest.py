"""Run the events stage alone over a sentence: the parse and the facts of earlier stages built by hand."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from sitrep.context import Context
from sitrep.records import Article, Event
from sitrep.stages import events, language

Coder = Callable[..., tuple[Event, ...]]


@pytest.fixture(scope="session")
def code(ctx: Context) -> Coder:
    """``code(text, mentions=..., quotes=...)``: the events of one text, other stages' facts given."""

    def run(text: str, **facts: Any) -> tuple[Event, ...]:
        article = Article(id="t", text=text, source_ref="test", published_at="2020-11-19", **facts)
        return events.run(article, language.nlp(ctx)(text), ctx)

    return run


@pytest.fixture(scope="session")
def asserted(code: Coder) -> Callable[..., list[Event]]:
    """Only the events the text claims happened (asserted or reported) as its news, not in passing."""

    def run(text: str, **facts: Any) -> list[Event]:
        found = code(text, **facts)
        return [e for e in found if e.modality in ("asserted", "reported") and e.salience == "main"]

    return run
