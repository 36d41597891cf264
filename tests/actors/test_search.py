from __future__ import annotations

import pytest

from sitrep.actors import Index
from sitrep.actors.search import row, search


@pytest.mark.parametrize(("query", "actor_id"), [("qaani", "ismail-qaani"), ("Hashd", "popular-mobilization-forces"),
                                                 ("middle east eye", "middle-east-eye")])  # fmt: skip
def test_search_finds_by_alias_words(index: Index, query: str, actor_id: str) -> None:
    assert actor_id in {a.id for a in search(index, query)}


def test_search_filters_kind_and_country(index: Index) -> None:
    found = list(search(index, None, kind="country", country="irq"))
    assert [a.id for a in found] == ["IRQ"]


def test_row_shows_code_on_date(index: Index) -> None:
    assert row(index.actors["joe-biden"], "2022-01-01")["code"] == "USAGOV"
