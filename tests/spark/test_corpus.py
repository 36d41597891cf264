"""Near-duplicates and incidents across the corpus, as Spark computes them, on rows built here."""

from __future__ import annotations

import json
from datetime import date, timedelta
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
    """a; b, a copy of a with share-button chrome (linked to a, and of its story, when ``repost_of_b``
    says so); c, unrelated."""
    rows = [
        _row(
            "articles",
            id="a",
            text=REPORT,
            published_at="2020-01-03",
            publisher="Middle East Eye",
            story_id="a",
        ),
        _row(
            "articles",
            id="b",
            text=REPORT + "\nSpread the love\nShare this",
            published_at="2020-01-04",
            publisher="Reposter",
            repost_of=repost_of_b,
            story_id=repost_of_b or "b",
        ),
        _row("articles", id="c", text=OTHER, published_at="2020-01-05", publisher="Reuters", story_id="c"),
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


# Places as the gazetteer gives them: Baghdad, a town 12 km from it, Samarra 110 km away, Iraq itself.
PLACES = {
    "98182": ("Baghdad", "IQ", 33.3406, 44.4009, "P", "PPLC"),
    "near": ("Kadhimiya", "IQ", 33.3800, 44.3400, "P", "PPLX"),
    "far": ("Samarra", "IQ", 34.1959, 43.8857, "P", "PPLA2"),
    "99237": ("Iraq", "IQ", 33.0, 44.0, "A", "PCLI"),
}
ACTORS = {"militia": "group", "army": "group", "smith": "person", "jones": "person"}
DAY = date(2020, 1, 3)


def _places(spark: Any) -> Any:
    rows = [_row("places", id=k, name=n, country=c, lat=la, lon=lo, feature_class=fc, feature_code=code)
            for k, (n, c, la, lo, fc, code) in PLACES.items()]  # fmt: skip
    return spark.createDataFrame(rows, table_schema("places"))


def _actors(spark: Any) -> Any:
    rows = [_row("actors", id=k, name=k.title(), kind=kind) for k, kind in ACTORS.items()]
    return spark.createDataFrame(rows, table_schema("actors"))


def _event(eid: str, article: str, **change: Any) -> tuple[Any, ...]:
    """A rocket attack by a militia in Baghdad on one day, asserted; ``change`` alters what a case varies
    (``days``: the date's range as (first, last) offsets from the article's day)."""
    first, last = change.pop("days", (0, 0))
    place = change.pop("place", "98182")
    name, country, lat, lon, _, _ = PLACES[place] if place else (None, None, None, None, None, None)
    values = {"plover_type": "ASSAULT", "source_actor_id": "militia", "place_id": place, "place_name": name,
              "place_country": country, "lat": lat, "lon": lon, "date": str(DAY + timedelta(first)),
              "date_precision": "day", "date_flag": "text", "date_from": DAY + timedelta(first),
              "date_to": DAY + timedelta(last), "modality": "asserted", **change}  # fmt: skip
    return _row("events", id=eid, article_id=article, **values)


def _linked(spark: Any, events: list[tuple[Any, ...]]) -> tuple[Any, Any]:
    """The events with their links, and the incidents table, as the job computes them."""
    articles = _articles(spark, repost_of_b="a")
    frame = spark.createDataFrame(events, table_schema("events"))
    links = corpus.incident_links(frame, articles, _places(spark), _actors(spark))
    linked = corpus.with_incidents(frame, links)
    return linked, corpus.incidents(linked, articles)


# Each agreement dimension of sitrep.linking.agreement, once where two reports (articles a and c) agree
# and once where they do not.
@pytest.mark.parametrize(
    ("events", "groups"),
    [
        pytest.param([_event("e1", "a"), _event("e2", "c", days=(2, 2))], [{"e1"}, {"e2"}], id="days-apart"),
        pytest.param([_event("e1", "a"), _event("e2", "c", days=(-1, 1))], [{"e1", "e2"}], id="ranges-overlap"),
        pytest.param([_event("e1", "a"), _event("e2", "c", days=(17, 17))], [{"e1"}, {"e2"}],
                     id="weeks-apart"),
        pytest.param([_event("e1", "a"), _event("e2", "c", plover_type="PROTEST")], [{"e1"}, {"e2"}],
                     id="other-type"),
        pytest.param([_event("e1", "a", plover_type="SANCTION"), _event("e2", "c", plover_type="COERCE")],
                     [{"e1", "e2"}], id="plover-pair"),
        pytest.param([_event("e1", "a"), _event("e2", "c", source_actor_id="army")], [{"e1"}, {"e2"}],
                     id="no-shared-actor"),
        pytest.param([_event("e1", "a", target_actor_id="smith"),
                      _event("e2", "c", source_actor_id="army", target_actor_id="smith")],
                     [{"e1", "e2"}], id="shared-target"),
        pytest.param([_event("e1", "a", source_actor_id="smith", target_actor_id="militia"),
                      _event("e2", "c", source_actor_id="jones", target_actor_id="militia")],
                     [{"e1"}, {"e2"}], id="one-role-two-people"),
        pytest.param([_event("e1", "a"), _event("e2", "c", place="near")], [{"e1", "e2"}],
                     id="town-within-radius"),
        pytest.param([_event("e1", "a"), _event("e2", "c", place="far")], [{"e1"}, {"e2"}],
                     id="town-too-far"),
        pytest.param([_event("e1", "a", place="99237"), _event("e2", "c", place="99237")], [{"e1", "e2"}],
                     id="country-alone-on-both"),
        pytest.param([_event("e1", "a"), _event("e2", "c", place="99237")], [{"e1"}, {"e2"}],
                     id="town-and-country"),
        pytest.param([_event("e1", "a"), _event("e2", "b", place="near"), _event("e3", "c", place="near")],
                     [{"e1", "e2", "e3"}], id="chained"),
        pytest.param([_event("e5", "a", source_actor_id=None), _event("e6", "b", source_actor_id=None),
                      _event("e7", "c", source_actor_id=None)],
                     [{"e5", "e6"}, {"e7"}], id="no-actor-only-within-one-story"),
    ],
)  # fmt: skip
def test_incidents_group_events_by_type_actor_place_and_date(
    spark: Any, events: list[tuple[Any, ...]], groups: list[set[str]]
) -> None:
    linked, table = _linked(spark, events)
    found: dict[str, set[str]] = {}
    rows = linked.collect()
    for row in rows:
        assert row["incident_role"] == "member"
        found.setdefault(row["incident_id"], set()).add(row["id"])
    # Each event but the first reported of its incident says which earlier one it agrees with, and why.
    firsts = {min(g) for g in found.values()}
    assert {r["id"] for r in rows if r["incident_reason"] is None} == firsts
    assert sorted(found.values(), key=min) == sorted(groups, key=min)
    assert set(found) == {min(incident_id(e) for e in g) for g in groups}  # the local line's names
    counted = table.collect()
    assert sorted(r["event_count"] for r in counted) == sorted(len(g) for g in groups)
    assert all(r["outlet_count"] == r["article_count"] for r in counted)


def test_incidents_link_what_did_not_happen_about_them_without_counting_it(spark: Any) -> None:
    events = [_event("e1", "a"), _event("e2", "c", modality="hypothetical"),
              _event("e3", "c", plover_type="PROTEST", modality="negated")]  # fmt: skip
    linked, table = _linked(spark, events)
    rows = {r["id"]: r for r in linked.collect()}
    assert (rows["e1"]["incident_role"], rows["e2"]["incident_role"]) == ("member", "about")
    assert rows["e2"]["incident_id"] == rows["e1"]["incident_id"] == incident_id("e1")
    assert json.loads(rows["e2"]["incident_reason"])["with_event"] == "e1"
    assert (rows["e3"]["incident_id"], rows["e3"]["incident_role"], rows["e3"]["incident_reason"]) == (
        None, None, None)  # fmt: skip
    assert [(r["id"], r["event_count"], r["article_count"]) for r in table.collect()] == [
        (incident_id("e1"), 1, 1)
    ]
