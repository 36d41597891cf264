"""`sitrep incidents`: the incidents of a store with their numbers of reports and outlets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.store import db
from tests.conftest import sitrep

from ..linking.conftest import make_article, make_event, write

REPORTS = [
    ("Rockets hit the Green Zone in Baghdad on Tuesday, killing a child.", "hit", "AP"),
    ("A child died when rockets struck Baghdad on Tuesday, officials said.", "struck", "Reuters"),
]


@pytest.fixture
def store(tmp_path: Path) -> Path:
    path = tmp_path / "s.duckdb"
    con = db.connect(path)
    for text, word, outlet in REPORTS:
        write(con, make_article(text, publisher=outlet, events=(make_event(text, word),)))
    con.close()
    return path


def test_incidents_json_lists_reports_and_outlets(store: Path) -> None:
    result = sitrep("incidents", "--db", str(store), "--format", "json")
    assert result.returncode == 0, result.stderr
    (row,) = json.loads(result.stdout)
    assert (row["plover_type"], row["article_count"], row["outlet_count"]) == ("ASSAULT", 2, 2)


@pytest.mark.parametrize("args", [["--limit", "0"], ["--format", "xml"], ["--db", "/no/such.duckdb"]])
def test_incidents_user_mistakes_fail_cleanly(store: Path, args: list[str]) -> None:
    result = sitrep("incidents", "--db", str(store), *args)
    assert result.returncode != 0
