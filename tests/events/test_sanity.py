"""Corpus-wide sanity of the events: over the whole Wikinews sample, the should-be-zero classes of
scripts/events_sanity.py (pronouns standing for nobody, days and dates, numbers alone and datelines as
actors, habitual events coded so only for being named in passing, places that are time or unit
abbreviations) stay at zero."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "events_sanity.py"


def _sanity():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("events_sanity", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_sanity_party_classes_of_constructed_words() -> None:
    from sitrep.records import Article, EventActor, Span

    sanity = _sanity()
    article = Article(id="a", text="KABUL - They met on Monday.", source_ref="t")

    def party(start: int, end: int, actor_id: str | None = None) -> EventActor:
        return EventActor(
            Span(start, end, article.text[start:end]), actor_id, article.text[start:end], None, None
        )

    assert sanity.party_classes(article, party(0, 5)) == ["dateline"]
    assert sanity.party_classes(article, party(8, 12)) == ["pronoun_unresolved"]
    assert sanity.party_classes(article, party(8, 12, "taliban")) == ["pronoun_resolved"]
    assert sanity.party_classes(article, party(20, 26)) == ["time_word"]


@pytest.mark.slow
def test_sanity_should_be_zero_classes_are_zero_over_wikinews() -> None:
    result = _sanity().run()
    assert result["articles"] > 0
    assert result["should_be_zero"] == dict.fromkeys(result["should_be_zero"], 0), result[
        "should_be_zero_words"
    ]
