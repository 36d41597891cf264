"""What a relative expression leans on: the publication day, the last dates mentioned, the tense.

The tense is asked lazily (a parse walk) because most expressions (years, durations, full dates) never
need it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sitrep.timex.calendar import Direction


@dataclass(frozen=True)
class Anchor:
    """What relative expressions lean on: the publication day, the last day mentioned, the tense."""

    published: date | None
    reference: date | None = None  # the last day mentioned before this expression ("the next day")
    reference_month: date | None = None  # the last month mentioned ("later that month")
    reference_year: date | None = None  # the last year mentioned ("the following year")
    tense: Callable[[], Direction | None] = lambda: None  # asked only by readers that need it

    @property
    def direction(self) -> Direction | None:
        """The clause's direction in time; None when it says nothing."""
        return self.tense()


class Unanchored(Exception):
    """A relative expression met an article without a publication date."""


def published_day(anchor: Anchor) -> date:
    if anchor.published is None:
        raise Unanchored
    return anchor.published


def reference_day(anchor: Anchor, unit: str = "D") -> date:
    """The last date mentioned at the unit's grain, else the publication day."""
    if unit == "M":
        return anchor.reference_month or published_day(anchor)
    if unit in ("Q", "Y", "DE", "CE"):
        return anchor.reference_year or published_day(anchor)
    return anchor.reference or published_day(anchor)
