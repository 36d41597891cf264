"""Incidents: one happening reported by several articles is one incident with all its reports."""

from __future__ import annotations

import duckdb
import pytest

from sitrep.records import Place

from .conftest import BASRA, make_article, make_event, write

REPORTS = [
    ("Rockets hit the Green Zone in Baghdad on Tuesday, killing a child.", "hit", "AP"),
    ("A child died when rockets struck Baghdad on Tuesday, officials said.", "struck", "Reuters"),
    ("Iraqi police said a rocket attack on Baghdad on Tuesday killed a child.", "attack", "AFP"),
]


def _incidents(con: duckdb.DuckDBPyConnection) -> list[tuple[str, int, int, int]]:
    return con.execute(
        "SELECT id, event_count, article_count, outlet_count FROM incidents ORDER BY id"
    ).fetchall()


def test_link_same_event_in_several_articles_is_one_incident(store: duckdb.DuckDBPyConnection) -> None:
    for text, word, outlet in REPORTS:
        write(store, make_article(text, publisher=outlet, events=(make_event(text, word),)))
    ((_, events, articles, outlets),) = _incidents(store)
    assert (events, articles, outlets) == (3, 3, 3)
    ids = store.execute("SELECT DISTINCT incident_id FROM events").fetchall()
    assert len(ids) == 1


@pytest.mark.parametrize(
    "other",
    [
        {"place": BASRA},  # 440 km away
        {"day": "2020-11-25"},  # a week later
        {"type_": "PROTEST"},
        {"source": "USA"},  # the first report's attacker is IRN
    ],
)
def test_link_different_happenings_stay_apart(
    store: duckdb.DuckDBPyConnection, other: dict[str, str]
) -> None:
    (text1, word1, _), (text2, word2, _) = REPORTS[:2]
    write(store, make_article(text1, publisher="AP", events=(make_event(text1, word1, source="IRN"),)))
    write(store, make_article(text2, publisher="Reuters", events=(make_event(text2, word2, **other),)))  # type: ignore[arg-type]
    assert len(_incidents(store)) == 2


def test_link_hypothetical_events_make_no_incident(store: duckdb.DuckDBPyConnection) -> None:
    text, word, outlet = REPORTS[0]
    write(
        store, make_article(text, publisher=outlet, events=(make_event(text, word, modality="hypothetical"),))
    )
    assert _incidents(store) == []


def test_link_events_without_place_join_through_their_story(store: duckdb.DuckDBPyConnection) -> None:
    texts = [
        "Rockets hit the Green Zone in Baghdad on Tuesday, killing a child and wounding five civilians, "
        "Iraqi security sources said near the US embassy.",
        "Rockets struck the Green Zone in Baghdad on Tuesday near the US embassy, killing a child and "
        "wounding five civilians, according to Iraqi security sources.",
    ]
    for text, word in zip(texts, ("hit", "struck"), strict=True):
        write(store, make_article(text, events=(make_event(text, word, place=None, day=None),)))
    assert [r[1:] for r in _incidents(store)] == [(2, 2, 2)]


def test_link_again_keeps_counts(store: duckdb.DuckDBPyConnection) -> None:
    arts = [make_article(t, publisher=o, events=(make_event(t, w),)) for t, w, o in REPORTS]
    write(store, *arts)
    write(store, arts[0])
    assert [r[1:] for r in _incidents(store)] == [(3, 3, 3)]


def test_compatible_nearby_places_within_radius() -> None:
    from sitrep.linking.incidents import Ev, compatible

    near = Place(1, "Kadhimiya", "IQ", "07", 33.38, 44.34, "P")
    a = Ev("e1", "a1", "ASSAULT", None, 33.34, 44.40, "98182", "IQ", None, None, None)
    b = Ev("e2", "a2", "ASSAULT", None, near.lat, near.lon, "1", "IQ", None, None, None)
    assert compatible(a, b) is not None
