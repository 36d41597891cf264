"""The one date model: a publication date normalised once, ISO text plus precision."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.timex import calendar
from sitrep.timex.published import DateError, Published, parse, parse_optional


@pytest.mark.parametrize(
    ("value", "iso", "precision"),
    [
        ("2020-11-19", "2020-11-19", "day"),
        ("20201119", "2020-11-19", "day"),
        ("2020-11", "2020-11", "month"),
        ("2020", "2020", "year"),
        ("2020-11-19T10:30", "2020-11-19T10:30:00", "minute"),
        ("2020-11-19 10:30:00Z", "2020-11-19T10:30:00+00:00", "minute"),
        ("Thu, 19 Nov 2020 10:30:00 GMT", "2020-11-19T10:30:00+00:00", "minute"),
        ("19 November 2020", "2020-11-19", "day"),
        ("January 4, 2019", "2019-01-04", "day"),
        ("November 2020", "2020-11", "month"),
        (date(2020, 11, 19), "2020-11-19", "day"),
        (datetime(2020, 11, 19, 10, 30), "2020-11-19T10:30:00", "minute"),
    ],
)
def test_parse_normalises(value: str, iso: str, precision: str) -> None:
    assert parse(value) == Published(iso, precision)  # type: ignore[arg-type]
    assert parse(iso) == parse(value)  # normalising twice changes nothing


@pytest.mark.parametrize("value", ["yesterday", "on Tuesday", "19 November", "two days ago"])
def test_parse_relative_words_need_a_reference(value: str) -> None:
    with pytest.raises(DateError, match="relative"):
        parse(value)
    assert parse(value, reference=date(2020, 11, 19)).day <= date(2020, 11, 19)


@pytest.mark.parametrize(
    "value", ["banana", "2020-13-45", "2020-02-30", "19/11/2020", "12", "0000", "PRESENT_REF", "x" * 200]
)
def test_parse_refuses_what_is_not_a_date(value: str) -> None:
    with pytest.raises(DateError):
        parse(value)


def test_parse_optional_blank_is_no_date() -> None:
    assert parse_optional(None) is None and parse_optional("  ") is None


def test_published_day_month_and_bounds() -> None:
    assert parse("2020-11").bounds == (date(2020, 11, 1), date(2020, 11, 30))
    assert parse("2020-11-19T23:30:00+05:00").day == date(2020, 11, 19)  # the day as written
    assert parse("2020").month is None and parse("2020-11-19").month == "2020-11"


@pytest.mark.parametrize(
    ("value", "first", "last"),
    [
        ("2020-11-19", date(2020, 11, 19), date(2020, 11, 19)),
        ("2018-12-31TNI", date(2018, 12, 31), date(2018, 12, 31)),
        ("2020-W46", date(2020, 11, 9), date(2020, 11, 15)),
        ("2020-W46-WE", date(2020, 11, 14), date(2020, 11, 15)),
        ("2020-02", date(2020, 2, 1), date(2020, 2, 29)),
        ("2020-Q4", date(2020, 10, 1), date(2020, 12, 31)),
        ("2020-WI", date(2020, 12, 1), date(2021, 2, 28)),
        ("2020", date(2020, 1, 1), date(2020, 12, 31)),
        ("198", date(1980, 1, 1), date(1989, 12, 31)),
        ("19", date(1900, 1, 1), date(1999, 12, 31)),
    ],
)
def test_calendar_bounds(value: str, first: date, last: date) -> None:
    assert calendar.bounds(value) == (first, last)


@pytest.mark.parametrize("value", [None, "", "PRESENT_REF", "P3D", "XXXX-WXX-2", "2020-13"])
def test_calendar_bounds_none_for_non_calendar_values(value: str | None) -> None:
    assert calendar.bounds(value) is None


@given(st.text(max_size=60) | st.from_regex(r"\d{1,5}(-\d{1,3}){0,2}(T\d\d(:\d\d)?)?", fullmatch=True))
@settings(max_examples=300, deadline=None)
def test_parse_any_text_is_a_date_with_bounds_or_a_date_error(value: str) -> None:
    try:
        found = parse(value)
    except DateError:
        return
    first, last = found.bounds
    assert first <= last and parse(found.value) == found
