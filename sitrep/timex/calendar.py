"""Calendar arithmetic and TIMEX3 value formats, free of language: the anchoring rules of news.

Tense picks the direction: a past clause looks back from the publication date, a future one forward.
A weekday equal to the publication's own weekday is that same day in either direction (dateparser's
"a week back" for it is the commonest value error on news).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Literal

from sitrep.records import Precision

Direction = Literal["past", "future"]

_PATTERNS: tuple[tuple[str, Precision], ...] = (
    (r"[A-Z]+_REF", "unknown"),
    (r"P", "duration"),
    (r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}", "minute"),
    (r"\d{4}-\d{2}-\d{2}T\d{2}", "hour"),
    (r"\d{4}-\d{2}-\d{2}T[A-Z]{2}", "hour"),
    (r"\d{4}-\d{2}-\d{2}", "day"),
    (r"\d{4}-W\d{2}", "week"),
    (r"\d{4}-\d{2}$", "month"),
    (r"\d{4}-Q\d", "quarter"),
    (r"\d{4}-(SP|SU|FA|WI)", "season"),
    (r"\d{4}$", "year"),
    (r"\d{3}$", "decade"),
    (r"\d{2}$", "century"),
)
_PRECISION = tuple((re.compile(pattern), precision) for pattern, precision in _PATTERNS)


def precision_of(value: str | None) -> Precision:
    if not value:
        return "unknown"
    for pattern, precision in _PRECISION:
        if pattern.match(value):
            return precision
    return "unknown"


def parse_day(text: str | None) -> date | None:
    """The calendar day of an ISO-8601 date or datetime, or None when there is none to read."""
    if not text:
        return None
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", text.strip())
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def start_of(value: str | None) -> date | None:
    """The first day of a calendar value: 2003 -> 2003-01-01, 2020-W46 -> its Monday; None otherwise."""
    match = re.match(
        r"(\d{4})(?:-W(\d{2})|-(\d{2})(?:-(\d{2}))?|-(?:Q\d|SP|SU|FA|WI))?(?=$|T|-WE)", value or ""
    )
    if not match:
        return None
    year, week_number, month_number, day = match.groups()
    try:
        if week_number:
            return date.fromisocalendar(int(year), int(week_number), 1)
        return date(int(year), int(month_number or 1), int(day or 1))
    except ValueError:
        return None


_SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}  # northern meteorological seasons


def _last_of_month(year: int, number: int) -> date:
    year, number = shift_month(year, number, 1)
    return date(year, number, 1) - timedelta(days=1)


def bounds(value: str | None) -> tuple[date, date] | None:
    """The first and last day a calendar value covers (2020-W46 -> Monday..Sunday, 198 -> 1980..1989);
    None for references (PRESENT_REF), durations, sets and anything that is not a calendar value."""
    match = re.fullmatch(
        r"(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T.*)?)?|-W(\d{2})(-WE)?|-Q([1-4])|-(SP|SU|FA|WI))?|(\d{3})|(\d{2})",
        value or "",
    )
    if not match:
        return None
    year, number, day, week_number, weekend, quarter, season, decade, century = match.groups()
    try:
        if decade or century:
            first = int(decade) * 10 if decade else int(century) * 100
            span = 10 if decade else 100
            return date(max(first, 1), 1, 1), date(first + span - 1, 12, 31)
        y = int(year)
        if day:
            one = date(y, int(number), int(day))
            return one, one
        if number:
            return date(y, int(number), 1), _last_of_month(y, int(number))
        if week_number:
            monday = date.fromisocalendar(y, int(week_number), 1)
            return (monday + timedelta(days=5) if weekend else monday), monday + timedelta(days=6)
        if quarter:
            q = int(quarter)
            return date(y, 3 * q - 2, 1), _last_of_month(y, 3 * q)
        if season:
            lo, hi = _SEASONS[season]
            end_year, end_month = shift_month(y, hi, 0)
            return date(y, lo, 1), _last_of_month(end_year, end_month)
        return date(y, 1, 1), date(y, 12, 31)
    except ValueError:
        return None


def week(day: date) -> str:
    year, number, _ = day.isocalendar()
    return f"{year:04d}-W{number:02d}"


def month(year: int, number: int) -> str:
    return f"{year:04d}-{number:02d}"


def shift_month(year: int, number: int, by: int) -> tuple[int, int]:
    index = year * 12 + number - 1 + by
    return index // 12, index % 12 + 1


def weekday(anchor: date, iso_weekday: int, direction: Direction = "past") -> date:
    """The nearest such weekday on or before (past) or on or after (future) the anchor."""
    if direction == "future":
        return anchor + timedelta(days=(iso_weekday - anchor.isoweekday()) % 7)
    return anchor - timedelta(days=(anchor.isoweekday() - iso_weekday) % 7)


def month_year(anchor: date, number: int, direction: Direction = "past") -> int:
    """The year of the nearest such month on or before (past) or on or after (future) the anchor's."""
    if direction == "future":
        return anchor.year if number >= anchor.month else anchor.year + 1
    return anchor.year if number <= anchor.month else anchor.year - 1


def day_year(anchor: date, number: int, day: int, direction: Direction = "past") -> int:
    """The year of the nearest such day of the year on or before / on or after the anchor."""
    here = (anchor.month, anchor.day)
    if direction == "future":
        return anchor.year if (number, day) >= here else anchor.year + 1
    return anchor.year if (number, day) <= here else anchor.year - 1


def valid_day(year: int, number: int, day: int) -> date | None:
    try:
        return date(year, number, day)
    except ValueError:
        return None


def shift_unit(anchor: date, unit: str, by: int) -> str | None:
    """The value of the unit containing the anchor moved by ``by`` units (last week, next year ...)."""
    if unit == "D":
        return (anchor + timedelta(days=by)).isoformat()
    if unit in ("W", "WE"):
        value = week(anchor + timedelta(weeks=by))
        return value + "-WE" if unit == "WE" else value
    if unit == "M":
        return month(*shift_month(anchor.year, anchor.month, by))
    if unit == "Q":
        year, number = shift_month(anchor.year, (anchor.month - 1) // 3 * 3 + 1, 3 * by)
        return f"{year:04d}-Q{(number - 1) // 3 + 1}"
    if unit == "Y":
        return f"{anchor.year + by:04d}"
    if unit == "DE":
        return f"{anchor.year // 10 + by:03d}"
    if unit == "CE":
        return f"{anchor.year // 100 + by:02d}"
    return None


def season_year(anchor: date, season: str, by: int) -> str:
    """This / last / next season: 'last summer' in March 2013 is 2012-SU, and in August 2013 too."""
    start = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[season]
    if by < 0:
        year = anchor.year if anchor.month >= start + 3 else anchor.year - 1
    elif by > 0:
        year = anchor.year if anchor.month < start else anchor.year + 1
    else:  # this winter, said in January to March, began the year before
        year = anchor.year - 1 if season == "WI" and anchor.month <= 3 else anchor.year
    return f"{year:04d}-{season}"
