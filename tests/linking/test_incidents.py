"""Incidents: one happening reported by several articles is one incident with all its reports."""

from __future__ import annotations

import json

import duckdb
import pytest

from sitrep.records import Place

from .conftest import BASRA, MILITIA, make_article, make_event, write

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
        {"actor": "prov:org:another-group"},  # no actor in common
        {
            "place": Place(1, "Iraq", "IQ", None, 33.0, 44.0, "A", "PCLI")
        },  # a country is no evidence of a town
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


def test_link_keeps_the_reason_with_the_link(store: duckdb.DuckDBPyConnection) -> None:
    for text, word, outlet in REPORTS[:2]:
        write(store, make_article(text, publisher=outlet, events=(make_event(text, word),)))
    reasons = [
        r[0] for r in store.execute("SELECT incident_reason FROM events ORDER BY 1 NULLS FIRST").fetchall()
    ]
    assert reasons[0] is None  # the first report starts the incident
    why = json.loads(reasons[1])
    assert why["type"] == "ASSAULT" and why["actors"] == [MILITIA]
    assert why["place"].startswith("same place (Baghdad)") and why["dates"] == "2020-11-17..2020-11-17"


@pytest.mark.parametrize("modality", ["negated", "future", "hypothetical"])
def test_link_non_factual_event_is_about_the_incident_without_joining_it(
    store: duckdb.DuckDBPyConnection, modality: str
) -> None:
    (text1, word1, _), (text2, word2, _) = REPORTS[:2]
    write(store, make_article(text1, publisher="AP", events=(make_event(text1, word1),)))
    write(
        store, make_article(text2, publisher="Reuters", events=(make_event(text2, word2, modality=modality),))
    )
    ((inc, events, articles, _),) = _incidents(store)
    assert (events, articles) == (1, 1)
    roles = store.execute(
        "SELECT modality, incident_id, incident_role FROM events ORDER BY modality"
    ).fetchall()
    assert sorted(roles) == sorted([("asserted", inc, "member"), (modality, inc, "about")])
