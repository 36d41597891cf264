from __future__ import annotations

import json

from tests.conftest import sitrep


def test_actors_command_searches_with_roles() -> None:
    result = sitrep("actors", "trump", "--format", "json", "--on", "2020-11-19")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    trump = next(r for r in rows if r["id"] == "donald-trump")
    assert trump["code"] == "USAGOV" and "2017-01-20" in trump["roles"]


def test_actors_command_bad_date_is_one_line_error() -> None:
    result = sitrep("actors", "--on", "yesterday")
    assert result.returncode != 0 and "--on" in result.stderr and "Traceback" not in result.stderr
