"""``--since``/``--until`` select events whose own date range overlaps the range given; newest first."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest

from sitrep.cli.events import day
from sitrep.errors import UserError
from sitrep.store import db
from sitrep.store.queries import EventFilter, events
from tests.conftest import sitrep
from tests.constructed import OTHER, event

DATED = {
    "day": event(30, date="2020-11-19", date_precision="day"),
    "week": event(31, date="2020-W46", date_precision="week"),  # 2020-11-09 .. 2020-11-15
    "old": event(32, date="1800", date_precision="year"),
    "month": event(33, date="2020-10", date_precision="month"),
    "undated": event(34, date=None, date_precision=None, date_flag="none"),  # the article's day, 2020-11-20
}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("q") / "s.duckdb"
    con = db.connect(path)
    db.write(con, [dataclasses.replace(OTHER, events=tuple(DATED.values()))])
    con.close()
    return path


def found(store: Path, since: date | None = None, until: date | None = None) -> list[str]:
    con = db.connect(store, read_only=True)
    try:
        rows = events(con, EventFilter(since=since, until=until))
    finally:
        con.close()
    names = {e.id: name for name, e in DATED.items()}
    return [names[r["id"]] for r in rows]


def test_events_newest_first(store: Path) -> None:
    assert found(store) == ["undated", "day", "week", "month", "old"]


@pytest.mark.parametrize(
    ("since", "until", "expected"),
    [
        (date(2020, 1, 1), None, {"undated", "day", "week", "month"}),  # 1800 is not since 2020
        (date(2020, 11, 14), None, {"undated", "day", "week"}),  # the week ends on the 15th: it overlaps
        (None, date(2020, 11, 9), {"week", "month", "old"}),  # the week begins on the 9th
        (date(2020, 10, 31), date(2020, 11, 9), {"week", "month"}),
        (date(2020, 11, 20), date(2020, 11, 20), {"undated"}),
    ],
)
def test_since_until_select_overlapping_ranges(
    store: Path, since: date | None, until: date | None, expected: set[str]
) -> None:
    assert set(found(store, since, until)) == expected


def test_cli_bounds_take_the_first_and_last_day_of_what_they_name() -> None:
    assert day("2020-11", "--since") == date(2020, 11, 1) and day("2020-11", "--until") == date(2020, 11, 30)
    with pytest.raises(UserError):
        day("yesterday", "--since")


def test_cli_since_follows_the_events_own_range(store: Path) -> None:
    result = sitrep(
        "events", "--since", "2020-01-01", "--columns", "date", "--format", "tsv", "--db", str(store)
    )
    assert result.returncode == 0, result.stderr
    assert "1800" not in result.stdout and "2020-W46" in result.stdout
