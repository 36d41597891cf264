"""Near-duplicates and incidents across the corpus, as Spark computes them, on rows built here."""

from __future__ import annotations

from typing import Any

import pytest

from sitrep.linking.incidents import incident_id
from sitrep.spark import corpus
from sitrep.spark.rows import fields, table_schema

pytestmark = pytest.mark.spark

REPORT = (
    "A barrage of rockets targeted the US embassy in Baghdad's Green Zone on Tuesday night, wounding a "
    "guard and damaging a residential compound, according to the Iraqi security forces. It was the first "
    "such attack since a truce was agreed last month between armed factions and the government, and "
    "officials said they expected more strikes in the coming weeks as tension between Washington and "
    "Tehran rose again after the killing of a senior commander near the airport."
)
OTHER = (
    "The central bank raised its main interest rate by half a point on Thursday, citing inflation that "
    "has stayed above its target for a year, and said further rises were likely before the summer."
)


def _row(table: str, **values: Any) -> tuple[Any, ...]:
    return tuple(values.get(name) for name, _ in fields(table))


def _articles(spark: Any, repost_of_b: str | None = None) -> Any:
    """a; b, a copy of a with share-button chrome (linked to a when ``repost_of_b`` says so); c, unrelated."""
    rows = [
        _row("articles", id="a", text=REPORT, published_at="2020-01-03", publisher="Middle East Eye"),
        _row(
            "articles",
            id="b",
            text=REPORT + "\nSpread the love\nShare this",
            published_at="2020-01-04",
            publisher="Reposter",
            repost_of=repost_of_b,
        ),
        _row("articles", id="c", text=OTHER, published_at="2020-01-05", publisher="Reuters"),
    ]
    return spark.createDataFrame(rows, table_schema("articles"))


def test_near_duplicates_link_a_repost_to_its_original(spark: Any) -> None:
    articles = _articles(spark)
    found = {r["id"]: (r["repost_of"], r["story_id"]) for r in corpus.near_duplicates(articles).collect()}
    assert found == {"b": ("a", "a"), "a": (None, "a")}
    linked = {
        r["id"]: r["repost_of"]
        for r in corpus.with_near_duplicates(articles, corpus.near_duplicates(articles)).collect()
    }
    assert linked == {"a": None, "b": "a", "c": None}


def _event(
    eid: str, article: str, place: str | None, date: str | None, modality: str = "asserted"
) -> tuple[Any, ...]:
    return _row("events", id=eid, article_id=article, plover_type="ASSAULT", place_id=place,
                place_name=place and "Baghdad", date=date, modality=modality)  # fmt: skip


@pytest.mark.parametrize(
    ("events", "groups"),
    [
        pytest.param(
            [("e1", "a", "98182", "2020-01-03"), ("e2", "c", "98182", "2020-01-05")],
            [{"e1", "e2"}],
            id="same-place-within-window",
        ),
        pytest.param(
            [("e1", "a", "98182", "2020-01-03"), ("e3", "c", "98182", "2020-01-20")],
            [{"e1"}, {"e3"}],
            id="same-place-weeks-apart",
        ),
        pytest.param(
            [
                ("e1", "a", "98182", "2020-01-03"),
                ("e2", "c", "98182", "2020-01-05"),
                ("e3", "c", "98182", "2020-01-07"),
            ],
            [{"e1", "e2", "e3"}],
            id="chained-within-window",
        ),
        pytest.param(
            [("e5", "a", None, None), ("e6", "b", None, None), ("e7", "c", None, None)],
            [{"e5", "e6"}, {"e7"}],
            id="no-place-grouped-with-the-original-article",
        ),
    ],
)
def test_incidents_group_events_by_type_place_and_date(spark: Any, events: list[tuple[Any, ...]],
                                                       groups: list[set[str]]) -> None:  # fmt: skip
    articles = _articles(spark, repost_of_b="a")
    frame = spark.createDataFrame([_event(*e) for e in events], table_schema("events"))
    members = corpus.incident_members(frame, articles)
    found: dict[str, set[str]] = {}
    for row in members.select("id", "incident_id").collect():
        found.setdefault(row["incident_id"], set()).add(row["id"])
    assert sorted(found.values(), key=min) == sorted(groups, key=min)
    assert set(found) == {incident_id(min(g)) for g in groups}  # the local line's ids for the same groups
    table = {r["id"]: r for r in corpus.incidents(members).collect()}
    assert sorted(r["event_count"] for r in table.values()) == sorted(len(g) for g in groups)
    assert all(r["outlet_count"] == r["article_count"] for r in table.values())


def test_incidents_leave_out_what_did_not_happen(spark: Any) -> None:
    articles = _articles(spark)
    frame = spark.createDataFrame(
        [_event("e1", "a", "98182", "2020-01-03"), _event("e2", "c", "98182", "2020-01-03", "hypothetical")],
        table_schema("events"),
    )
    linked = {
        r["id"]: r["incident_id"]
        for r in corpus.with_incidents(frame, corpus.incident_members(frame, articles)).collect()
    }
    assert linked["e1"] is not None and linked["e2"] is None
