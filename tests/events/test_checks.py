"""``sitrep check``: each class counted on a hand-built store; the must-be-zero classes zero on real output."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from sitrep.records import Evidence, Span
from sitrep.store import db
from sitrep.store.checks import checks
from tests.conftest import sitrep
from tests.constructed import ARTICLE, OTHER, build, event

YEAR_TEXT = "Shelling resumed near the border (1354 UTC), the army said."


def counts(path: Path) -> dict[str, int]:
    con = db.connect(path, read_only=True)
    try:
        return {c.name: c.count for c in checks(con)}
    finally:
        con.close()


def test_check_counts_each_class(tmp_path: Path) -> None:
    found = counts(build(tmp_path / "s.duckdb"))
    assert found["events"] == len(ARTICLE.events) + 1
    assert found["empty actor"] == 2 and found["no calendar date"] == 1  # events 3 and 10; event 7
    assert found["not known to the day"] == 1  # event 2, a week
    assert found["place in a country the article never names"] == 1  # Baghdad in an article about Lyon
    assert found["code outside its list"] == 0 and found["dated >50y before article by a bare number"] == 0


def test_check_finds_bare_years_and_codes_outside_their_lists(tmp_path: Path) -> None:
    start = YEAR_TEXT.index("1354")
    bare = event(20, trigger=Span(9, 16, "resumed"), date="1354", date_precision="year",
                 evidence=(Evidence("date", start, start + 4, "1354"),))  # fmt: skip
    odd = event(21, trigger=Span(9, 16, "resumed"), cameo="999", source=None, target=None)
    article = dataclasses.replace(OTHER, id="a3", text=YEAR_TEXT, events=(bare, odd))
    found = counts(build(tmp_path / "s.duckdb", (article,)))
    assert found["dated >50y before article by a bare number"] == 1 and found["dated before 1900"] == 1
    assert found["code outside its list"] == 1


def test_check_command_prints_a_table_and_fails_on_a_must_be_zero_class(tmp_path: Path) -> None:
    path = build(tmp_path / "s.duckdb")
    result = sitrep("check", "--db", str(path), "--format", "tsv")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0].split("\t") == ["check", "events", "must_be_zero", "meaning"]
    odd = dataclasses.replace(OTHER, id="a4", events=(event(22, cameo="999"),))
    con = db.connect(path)
    db.write(con, [odd])
    con.close()
    assert sitrep("check", "--db", str(path)).returncode == 1


@pytest.mark.slow
def test_check_wikinews_sample_must_be_zero_classes(wikinews_db: Path) -> None:
    """The Wikinews sample through the line: no year from a number that is not one, no code outside its
    list, and no event dated more than 50 years before its article by a bare number."""
    found = counts(wikinews_db)
    assert found["events"] > 1000
    assert found["code outside its list"] == 0
    assert found["dated >50y before article by a bare number"] == 0
