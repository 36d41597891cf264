"""The agreement rule: type, an actor, place (by precision) and date (ranges) decide one happening."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from sitrep.linking.agreement import Ev, Party, agree, date_range, place_level

GROUP = Party("prov:org:the-militia", "organisation", None)
TOWN = {"lat": 33.34, "lon": 44.40, "place_id": "1", "place_name": "Baghdad", "place_country": "IQ",
        "place_level": "city"}  # fmt: skip
DAY = {"start": date(2020, 11, 17), "end": date(2020, 11, 17)}


def ev(id_: str = "e1", **kw: object) -> Ev:
    base: dict[str, object] = {"id": id_, "article_id": f"a-{id_}", "type": "ASSAULT", **DAY, **TOWN,
                               "source": GROUP, "target": None, "story_id": None}  # fmt: skip
    base.update(kw)
    return Ev(**base)  # type: ignore[arg-type]


def test_agree_same_happening_gives_the_reason() -> None:
    reason = agree(ev("e1"), ev("e2", place_id="2", place_name="Kadhimiya", lat=33.38, lon=44.34))
    assert reason is not None
    assert (reason.type, reason.actors, reason.dates) == (
        "ASSAULT",
        (GROUP.actor_id,),
        "2020-11-17..2020-11-17",
    )
    assert "km apart" in reason.place and reason.with_event == "e2"


@pytest.mark.parametrize(
    "other",
    [
        {"type": "PROTEST"},
        {"source": Party("prov:org:another-group", "organisation", None)},  # no actor in common
        {"source": None, "target": None},
        {"lat": 30.51, "lon": 47.78, "place_id": "2"},  # 440 km away
        {"place_level": "country", "place_id": "IQ", "lat": 33.0, "lon": 44.0},  # a town and its country
        {"start": date(2020, 11, 19), "end": date(2020, 11, 19)},  # two days later
        {"start": date(2019, 1, 1), "end": date(2019, 12, 31)},  # another year
    ],
)
def test_agree_refuses_what_differs(other: dict[str, object]) -> None:
    assert agree(ev("e1"), ev("e2", **other)) is None


def test_agree_without_actors_needs_one_story_and_a_fine_place() -> None:
    nobody = {"source": None, "target": None}
    assert agree(ev("e1"), ev("e2", **nobody)) is None
    reason = agree(ev("e1", story_id="s"), ev("e2", story_id="s", **nobody))
    assert reason is not None and reason.actors == () and reason.same_story
    country = {"place_level": "country", "place_id": "IQ", "lat": 33.0, "lon": 44.0}
    assert agree(ev("e1", story_id="s", **country), ev("e2", story_id="s", **nobody, **country)) is None


def test_agree_two_people_in_one_role_are_two_happenings() -> None:
    lee = Party("prov:lee", "person", "USA")
    first = ev("e1", type="SUPPORT", source=Party("prov:smith", "person", "USA"), target=lee)
    second = ev("e2", type="SUPPORT", source=Party("prov:jones", "person", "USA"), target=lee)
    assert agree(first, second) is None
    assert agree(first, dataclasses.replace(second, source=first.source)) is not None


@pytest.mark.parametrize(("a", "b", "km", "joined"), [("city", "city", 60, False), ("region", "city", 200, True),
                                                      ("region", "region", 350, False), ("site", "site", 20, True)])  # fmt: skip
def test_agree_distance_follows_the_coarser_precision(a: str, b: str, km: float, joined: bool) -> None:
    north = km / 111.2  # degrees of latitude
    first = ev("e1", place_level=a)
    second = ev("e2", place_level=b, place_id="2", lat=TOWN["lat"] + north)  # type: ignore[operator]
    assert (agree(first, second) is not None) is joined


def test_agree_country_alone_needs_both_without_finer_place() -> None:
    country = {"place_level": "country", "place_id": "IQ", "place_name": "Iraq", "lat": 33.0, "lon": 44.0}
    reason = agree(ev("e1", **country), ev("e2", **country))
    assert reason is not None and reason.place.startswith("same country (IQ)")
    assert agree(ev("e1", **country), ev("e2", **{**country, "place_country": "SY"})) is None


def test_agree_pair_of_types_the_manual_codes_one_act_with() -> None:
    reason = agree(ev("e1", type="SANCTION"), ev("e2", type="COERCE"))
    assert reason is not None and reason.type == "SANCTION+COERCE"
    assert agree(ev("e1", type="PROTEST"), ev("e2", type="COERCE")) is None


def test_agree_vague_date_only_within_one_story() -> None:
    year = {"start": date(2020, 1, 1), "end": date(2020, 12, 31)}
    assert agree(ev("e1", **year), ev("e2")) is None
    assert agree(ev("e1", story_id="s", **year), ev("e2", story_id="s")) is not None


def test_agree_events_of_one_article_are_not_joined() -> None:
    assert agree(ev("e1"), ev("e2", article_id="a-e1")) is None


@pytest.mark.parametrize(
    ("start", "end", "flag", "expected"),
    [
        (date(2020, 2, 1), date(2020, 2, 29), "text", (date(2020, 2, 1), date(2020, 2, 29))),
        (date(2020, 11, 17), date(2020, 11, 17), "publication", (date(2020, 11, 16), date(2020, 11, 18))),
        (None, None, "none", (date(2020, 11, 16), date(2020, 11, 18))),
    ],
)
def test_date_range_from_the_stored_days(
    start: date | None, end: date | None, flag: str, expected: object
) -> None:
    assert date_range(start, end, flag, date(2020, 11, 18)) == expected


@pytest.mark.parametrize(("cls", "code", "level"), [("P", "PPLC", "city"), ("A", "ADM1", "region"),
    ("A", "ADM2", "district"), ("A", "PCLI", "country"), ("S", "AIRP", "site"), ("H", "OCN", "country"),
    (None, None, "country")])  # fmt: skip
def test_place_level_from_feature(cls: str | None, code: str | None, level: str) -> None:
    assert place_level(cls, code) == level
