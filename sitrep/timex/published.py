"""A publication date, normalised once where an input enters: ISO-8601 text plus its precision.

Every way an article comes in (table rows, feeds, HTML metadata, the API, ``sitrep.process``, Spark,
the CLI's ``--published``) passes its date through ``parse``, so the rest of the line reads one format
and never slices or guesses. Accepted: ISO-8601 dates and datetimes (``2020-11-19``,
``2020-11-19T10:30:00+01:00``, ``2020-11``, ``2020``), RFC 2822 as feeds and mail write it
(``Thu, 19 Nov 2020 10:30:00 GMT``), Python ``date``/``datetime`` values, and calendar dates in words
that need no reference ("19 November 2020"). Relative words ("yesterday", "on Tuesday") are exact only
against a reference date; without one they are an error, as is anything that is not a date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from functools import cache
from typing import Literal

from sitrep.errors import InputError
from sitrep.timex import calendar

PublishedPrecision = Literal["minute", "day", "month", "year"]
_ISO_PARTIAL = re.compile(r"(\d{4})(?:-(0[1-9]|1[0-2]))?")
_WORD_PRECISIONS = ("day", "month", "year")
MAX_CHARS = 80  # a date written out in words is never longer


class DateError(InputError):
    """A value that is not a publication date sitrep can read exactly."""


@dataclass(frozen=True, slots=True)
class Published:
    """An exact publication date: ``value`` is ISO-8601 at ``precision``."""

    value: str
    precision: PublishedPrecision

    @property
    def day(self) -> date:
        """The first day the date covers (the day itself, or the first of its month or year)."""
        return self.bounds[0]

    @property
    def bounds(self) -> tuple[date, date]:
        """The first and last day the date covers."""
        if self.precision == "minute":
            day = datetime.fromisoformat(self.value).date()
            return day, day
        found = calendar.bounds(self.value)
        assert found is not None  # parse builds only values that calendar.bounds reads
        return found

    @property
    def month(self) -> str | None:
        """YYYY-MM, the partition key of stores and Spark outputs; None for a date known to the year."""
        return None if self.precision == "year" else self.day.strftime("%Y-%m")


def _iso(value: str) -> Published | None:
    if match := _ISO_PARTIAL.fullmatch(value):
        return Published(value, "month" if match[2] else "year") if calendar.bounds(value) else None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    if not re.search(r"[T ]\d", value):  # a date alone: 2020-11-19, 20201119, 2020-W47-4
        return Published(moment.date().isoformat(), "day")
    return Published(moment.isoformat(timespec="seconds"), "minute")


def _rfc2822(value: str) -> Published | None:
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return Published(moment.isoformat(timespec="seconds"), "minute")


@cache
def _lexicon():  # type: ignore[no-untyped-def]
    from sitrep.timex import lexicon

    return lexicon.load()


def _words(value: str, reference: date | None) -> Published:
    from sitrep.timex.normalise import Anchor, normalise

    reading = normalise(value, Anchor(reference, reference), _lexicon())
    if reading is not None and reading.value is None:
        raise DateError(f"{value!r} is relative: give an ISO date such as 2020-11-19")
    if reading is None or reading.precision not in _WORD_PRECISIONS or reading.type != "DATE":
        raise DateError(f"not a date: {value!r} (give an ISO date such as 2020-11-19)")
    return Published(reading.value or "", reading.precision)  # type: ignore[arg-type]


def parse(value: str | date | datetime, reference: date | None = None) -> Published:
    """The publication date ``value`` names; ``reference`` (a day) makes relative words exact."""
    if isinstance(value, datetime):
        return Published(value.isoformat(timespec="seconds"), "minute")
    if isinstance(value, date):
        return Published(value.isoformat(), "day")
    text = " ".join(str(value).split())
    if not text:
        raise DateError("empty date")
    if len(text) > MAX_CHARS:
        raise DateError(f"not a date: {text[:MAX_CHARS]!r}...")
    return _iso(text) or (_rfc2822(text) if re.search(r"\d{4}", text) else None) or _words(text, reference)


def parse_optional(value: str | date | datetime | None, reference: date | None = None) -> Published | None:
    """``parse`` for an optional field: None and blank text are no date, not an error."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return parse(value, reference)


def lenient(value: str | None) -> Published | None:
    """The date ``value`` names, or None when it names none exactly: for clues (a page's metadata, a URL,
    a dateline) and for an Article's ``published_at`` read back by the stages (normalised where it came
    in; an Article built by hand with an unreadable date has none)."""
    try:
        return parse_optional(value)
    except DateError:
        return None
