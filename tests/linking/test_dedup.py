"""Reposts and near-duplicates across a real store."""

from __future__ import annotations

import duckdb
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.linking import dedup

from .conftest import make_article, write

ORIGINAL = (
    "Rockets hit the Green Zone in Baghdad on Tuesday, killing a child and wounding five civilians, "
    "Iraqi security sources said. The attack damaged government buildings near the US embassy and "
    "ramped up tensions between Washington and Iran-backed factions once again."
)
REPOST = "Islam News- Middle East Eye reported, " + ORIGINAL + "\n\nSpread the love"
OTHER = (
    "The central bank raised interest rates by half a point on Thursday to curb inflation, which "
    "reached its highest level in a decade, the governor told reporters in the capital."
)


def _repost_of(con: duckdb.DuckDBPyConnection, text: str) -> str | None:
    row = con.execute("SELECT repost_of FROM articles WHERE id = ?", [make_article(text).id]).fetchone()
    assert row is not None
    return row[0]


def test_link_repost_of_stored_article_points_to_it(store: duckdb.DuckDBPyConnection) -> None:
    original = make_article(ORIGINAL, publisher="Middle East Eye", published="2020-11-18")
    write(store, original)
    write(
        store,
        make_article(REPOST, publisher="Islam News", original="Middle East Eye", published="2020-11-19"),
    )
    assert _repost_of(store, REPOST) == original.id
    assert _repost_of(store, ORIGINAL) is None


def test_link_original_arriving_after_its_repost_is_linked_back(store: duckdb.DuckDBPyConnection) -> None:
    write(
        store,
        make_article(REPOST, publisher="Islam News", original="Middle East Eye", published="2020-11-19"),
    )
    original = make_article(ORIGINAL, publisher="Middle East Eye", published="2020-11-19")
    write(store, original)
    assert _repost_of(store, REPOST) == original.id


def test_link_unrelated_articles_are_not_reposts(store: duckdb.DuckDBPyConnection) -> None:
    write(
        store, make_article(ORIGINAL, publisher="Middle East Eye"), make_article(OTHER, publisher="Reuters")
    )
    assert _repost_of(store, OTHER) is None
    assert _repost_of(store, ORIGINAL) is None


def test_link_two_copies_of_an_absent_original_are_not_linked(store: duckdb.DuckDBPyConnection) -> None:
    second = "Breaking: " + ORIGINAL + " More soon."
    write(store, make_article(REPOST, publisher="Islam News", original="Middle East Eye"))
    write(store, make_article(second, publisher="Daily Blog", original="Middle East Eye"))
    assert _repost_of(store, second) is None


def test_link_again_is_idempotent(store: duckdb.DuckDBPyConnection) -> None:
    articles = [make_article(ORIGINAL, publisher="Middle East Eye"), make_article(REPOST, publisher="Islam News",
                original="Middle East Eye", published="2020-11-19")]  # fmt: skip
    write(store, *articles)
    before = store.execute("SELECT count(*) FROM link_bands").fetchone()
    write(store, *articles)
    assert store.execute("SELECT count(*) FROM link_bands").fetchone() == before
    assert _repost_of(store, REPOST) == articles[0].id


@settings(max_examples=25, deadline=None)
@given(st.text(min_size=0, max_size=300))
def test_signature_identical_for_same_words_any_spacing(text: str) -> None:
    spaced = "  ".join(text.split())
    assert dedup.jaccard(dedup.signature(text), dedup.signature(spaced)) == 1.0


@pytest.mark.parametrize(("a", "b", "near"), [(ORIGINAL, REPOST, True), (ORIGINAL, OTHER, False)])
def test_signature_estimates_jaccard(a: str, b: str, near: bool) -> None:
    estimate = dedup.jaccard(dedup.signature(a), dedup.signature(b))
    assert (estimate >= dedup.NEAR_DUPLICATE) is near
    assert isinstance(dedup.signature(a), np.ndarray)
