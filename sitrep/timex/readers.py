"""Readers: one per rule ``kind`` of rules.yaml, from the rule's named groups to a TIMEX3 value.

A reader returns None when the words do not make a value (a 13th month, a bare singular unit); it
raises Unanchored (through ``published_day``) when it needs a publication date the article lacks.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from sitrep.timex import calendar
from sitrep.timex.anchor import Anchor, published_day, reference_day
from sitrep.timex.calendar import Direction
from sitrep.timex.lexicon import Lexicon

SETS = frozenset({"set", "every", "frequency"})  # kinds whose expressions are TIMEX3 SETs

_Groups = dict[str, str]
_Reader = Callable[[_Groups, Anchor, Lexicon], str | None]


def _number(text: str | None, lex: Lexicon) -> float | None:
    """'24' -> 24, 'twenty five' -> 25, 'a' -> 1; vague words ('several', 'recent') -> None."""
    if text is None or text in lex.vague:
        return None
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text)
    if text in lex.numbers:
        return lex.numbers[text]
    total = 0.0
    for word in text.split():
        if word in lex.vague or word not in lex.numbers:
            return None
        value = lex.numbers[word]
        total = max(total, 1.0) * value if value == 100 else total + value
    return total


def _fmt(n: float) -> str:
    return str(int(n)) if n.is_integer() else str(n)


def _shift(groups: _Groups, lex: Lexicon) -> int | None:
    return lex.shifts[groups["shift"]] if "shift" in groups else None


def _direction(shift: int | None, anchor: Anchor) -> Direction:
    if shift is not None and shift != 0:
        return "future" if shift > 0 else "past"
    return anchor.direction or "past"


def _year_of(groups: _Groups, anchor: Anchor) -> int | None:
    if "year" in groups:
        return int(groups["year"])
    if "yy" in groups:
        yy = int(groups["yy"])
        now = anchor.published.year if anchor.published else 2030
        return 2000 + yy if 2000 + yy <= now + 5 else 1900 + yy
    return None


def _absolute(groups: _Groups, anchor: Anchor, lex: Lexicon) -> str | None:
    year = _year_of(groups, anchor)
    if year is None and "shift" in groups:  # "August last year"
        year = published_day(anchor).year + lex.shifts[groups["shift"]]
    number = int(groups["monthnum"]) if "monthnum" in groups else lex.months.get(groups.get("month", ""))
    if number and "day" in groups:
        day = int(groups["day"])
        if year is None:
            year = calendar.day_year(published_day(anchor), number, day, anchor.direction or "past")
        found = calendar.valid_day(year, number, day)
        return found.isoformat() if found else None
    if number and year is not None:
        return calendar.month(year, number)
    return f"{year:04d}" if year is not None else None


def _holiday(groups: _Groups, anchor: Anchor, lex: Lexicon) -> str | None:
    number, day = (int(x) for x in lex.holidays[groups["holiday"]].split("-"))
    year = _year_of(groups, anchor)
    if year is None:
        year = calendar.day_year(published_day(anchor), number, day, _direction(_shift(groups, lex), anchor))
    return f"{year:04d}-{number:02d}-{day:02d}"


def _decade(groups: _Groups, anchor: Anchor, lex: Lexicon) -> str | None:
    if "decade" in groups:
        return groups["decade"]
    digit = int(groups["decade2"])
    now = anchor.published.year if anchor.published else 2030
    return f"20{digit}" if 2000 + 10 * digit <= now else f"19{digit}"


def _century(groups: _Groups, anchor: Anchor, lex: Lexicon) -> str | None:
    return f"{lex.ordinals[groups['ordinal']] - 1:02d}"


def _quarter(groups: _Groups, anchor: Anchor, lex: Lexicon) -> str | None:
    number = int(groups["qnum"]) if "qnum" in groups else lex.ordinals[groups["ordinal"]]
    if number > 4:
        return None
    year = int(groups.get("year") or groups.get("qyear") or 0)
    if not year:
        published = published_day(anchor)
        shift = _shift(groups, lex)
        if shift is not None:
            year = published.year + shift
        else:
            current = (published.month - 1) // 3 + 1
            ahead = (anchor.direction or "past") == "future"
            year = (
                published.year
                + (1 if ahead and number < current else 0)
                - (1 if not ahead and number > current else 0)
            )
    return f"{year:04d}-Q{number}"


def _season(groups: _Groups, anchor: Anchor, lex: Lexicon) -> str | None:
    season = lex.seasons[groups["season"]]
    if "year" in groups:
        return f"{groups['year']}-{season}"
    shift = _shift(groups, lex)
    by = shift if shift is not None else (1 if anchor.direction == "future" else 0)
    return calendar.season_year(published_day(anchor), season, by)


def _day_of(groups: _Groups, anchor: Anchor, lex: Lexicon) -> date:
    """The day a weekday or a day word points at; a bare clock time is on the last day mentioned."""
    published = published_day(anchor)
    if "weekday" in groups:
        shift = _shift(groups, lex)
        start = published + timedelta(days=shift) if shift else published
        return calendar.weekday(start, lex.weekdays[groups["weekday"]], _direction(shift, anchor))
    if "dayword" in groups:
        return published + timedelta(days=lex.day_words[groups["dayword"]])
    return reference_day(anchor)


def _with_part(day: date, groups: _Groups, lex: Lexicon) -> str:
    part = lex.parts.get(groups.get("part", ""))
    if part is None and groups.get("dayword", "").endswith("night"):
        part = "NI"
    return f"{day.isoformat()}T{part}" if part else day.isoformat()


def _weekday(groups: _Groups, anchor: Anchor, lex: Lexicon) -> str | None:
    return _with_part(_day_of(groups, anchor, lex), groups, lex)


def _clock(groups: _Groups, anchor: Anchor, lex: Lexicon) -> str | None:
    if "clockword" in groups:
        clock = lex.clock_words[groups["clockword"]]
    else:
        hour = int(groups.get("hour") or groups.get("hour2") or 0)
        minute = int(groups.get("minute") or groups.get("minute2") or 0)
        if "ampm" in groups:
            if not 1 <= hour <= 12:
                return None
            hour = hour % 12 + (12 if groups["ampm"] == "pm" else 0)
        clock = f"{hour:02d}:{minute:02d}"
    return f"{_day_of(groups, anchor, lex).isoformat()}T{clock}"


def _month(groups: _Groups, anchor: Anchor, lex: Lexicon) -> str | None:
    published = published_day(anchor)
    number = lex.months[groups["month"]]
    shift = _shift(groups, lex)
    if shift is None:
        return calendar.month(calendar.month_year(published, number, anchor.direction or "past"), number)
    if shift < 0:
        return calendar.month(published.year - (number >= published.month), number)
    if shift > 0:
        return calendar.month(published.year + (number <= published.month), number)
    return calendar.month(published.year, number)


def _plural(word: str) -> bool:
    return word.endswith("s") and not word.endswith("ss")


def _moved(groups: _Groups, anchor: Anchor, lex: Lexicon) -> str | None:
    """A point ``num unit`` away: from publication ("three years ago", "from now") or from the last
    date mentioned ("two days later", "a year earlier", "the week before")."""
    word = groups.get("back") or groups.get("ahead", "")
    unit = lex.units[groups["unit"]]
    start = published_day(anchor) if word in ("ago", "from now", "hence") else reference_day(anchor, unit)
    sign = -1 if "back" in groups else 1
    n = 1.0 if groups.get("num") == "the" and not _plural(groups["unit"]) else _number(groups.get("num"), lex)
    if n is None or not n.is_integer():
        return "PAST_REF" if sign < 0 else "FUTURE_REF"
    if unit.startswith("T"):
        return start.isoformat()
    if unit == "W":
        return calendar.week(start + timedelta(weeks=sign * int(n)))
    return calendar.shift_unit(start, unit, sign * int(n))


def _weekend(groups: _Groups, anchor: Anchor, lex: Lexicon) -> str | None:
    """'the weekend': the one just past (or under way), or the coming one in a forward clause."""
    published = published_day(anchor)
    back = anchor.direction != "future" and published.isoweekday() < 6
    return calendar.shift_unit(published, "WE", -1 if back else 0)


def _that(groups: _Groups, anchor: Anchor, lex: Lexicon) -> str | None:
    """'that year' is the year of the last date mentioned; 'the month' is publication's month."""
    word = groups["unit"]
    if _plural(word):
        return _duration(groups, anchor, lex)
    unit = lex.units[word]
    if "that" in groups:
        return calendar.shift_unit(reference_day(anchor, unit), unit, 0)
    if unit == "D" or unit.startswith("T"):
        return None
    return calendar.shift_unit(published_day(anchor), unit, 0)


def _part(groups: _Groups, anchor: Anchor, lex: Lexicon) -> str | None:
    """'that night', 'the next morning', 'evening': a part of the last day mentioned (or the next)."""
    day = reference_day(anchor) + timedelta(days=1 if "after" in groups else 0)
    return f"{day.isoformat()}T{lex.parts[groups['part']]}"


def _frequency(groups: _Groups, anchor: Anchor, lex: Lexicon) -> str | None:
    unit = lex.units[groups["unit"]]
    return f"PT1{unit[1]}" if unit.startswith("T") else f"P1{unit}"


def _sequence(groups: _Groups, anchor: Anchor, lex: Lexicon) -> str | None:
    word = groups.get("seq") or groups.get("seq2", "")
    step = {"next": 1, "following": 1, "after": 1, "same": 0}.get(word, -1)
    return (reference_day(anchor) + timedelta(days=step)).isoformat()


def _shifted(groups: _Groups, anchor: Anchor, lex: Lexicon) -> str | None:
    shift = _shift(groups, lex) or 0
    word, unit = groups["shift"], lex.units[groups["unit"]]
    if _plural(groups["unit"]):  # "the coming weeks", "the past years"
        return _duration({"unit": groups["unit"]}, anchor, lex)
    if word in lex.anchored_shifts:
        return calendar.shift_unit(reference_day(anchor, unit), unit, shift)
    if word.startswith("the ") and shift != 0:  # "the past year" is a length of time
        return _duration({"num": "one", "unit": groups["unit"]}, anchor, lex)
    if unit.startswith("T"):
        return None
    return calendar.shift_unit(published_day(anchor), unit, shift)


def _every(groups: _Groups, anchor: Anchor, lex: Lexicon) -> str | None:
    if "weekday" in groups:
        return f"XXXX-WXX-{lex.weekdays[groups['weekday']]}"
    if "part" in groups:
        return f"XXXX-XX-XXT{lex.parts[groups['part']]}"
    return f"XXXX-{lex.months[groups['month']]:02d}"


def _duration(groups: _Groups, anchor: Anchor, lex: Lexicon) -> str | None:
    word = groups["unit"]
    unit = lex.units[word]
    if "num" not in groups and not _plural(word):
        return None
    n = _number(groups.get("num"), lex)
    amount = "X" if n is None else _fmt(n)
    return f"PT{amount}{unit[1]}" if unit.startswith("T") else f"P{amount}{unit}"


READERS: dict[str, _Reader] = {
    "absolute": _absolute,
    "holiday": _holiday,
    "decade": _decade,
    "century": _century,
    "quarter": _quarter,
    "season": _season,
    "dayword": _weekday,
    "weekday": _weekday,
    "clock": _clock,
    "month": _month,
    "moved": _moved,
    "weekend": _weekend,
    "frequency": _frequency,
    "that": _that,
    "part": _part,
    "sequence": _sequence,
    "shifted": _shifted,
    "every": _every,
    "set": lambda g, a, lex: lex.sets[g["setword"]],
    "reference": lambda g, a, lex: lex.references[g["reference"]],
    "duration": _duration,
}
