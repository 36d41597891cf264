"""The input-article schema shared by table rows, the API and sitrep.process."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from sitrep.errors import InputError
from sitrep.readers import read_path
from sitrep.readers.schema import ArticleInput, TableRow, validate
from sitrep.records import Reject, Source

BODY = "Police arrested two men in Lyon on Tuesday, the prefecture said."


@pytest.mark.parametrize(
    ("row", "field"),
    [
        ({"text": 123}, "text"),
        ({"text": True}, "text"),
        ({"text": {"a": 1}}, "text"),
        ({"text": ["a"]}, "text"),
        ({"text": BODY, "title": 5}, "title"),
        ({"text": BODY, "date": 20201119}, "published"),
        ({"text": BODY, "date": True}, "published"),
        ({"text": BODY, "date": "last Tuesday"}, "published"),
        ({"text": BODY, "date": "not a date"}, "published"),
        ({"text": "   "}, "text"),
        ({"title": "no text"}, "text"),
    ],
)
def test_table_row_wrong_values_are_errors(row: dict[str, object], field: str) -> None:
    with pytest.raises(InputError, match=f"^{field}"):
        validate(TableRow, row)


def test_table_row_columns_first_nonempty_alias_wins() -> None:
    row = validate(TableRow, {"body": "", "content": BODY, "date": "", "published_at": "January 4, 2019",
                              "headline": "H", "link": "https://x.org/a", "site": "X", "other": 1})  # fmt: skip
    assert (row.text, row.published, row.title, row.url, row.outlet) == (
        BODY,
        "2019-01-04",
        "H",
        "https://x.org/a",
        "X",
    )


def test_article_input_accepts_date_objects() -> None:
    assert validate(ArticleInput, {"text": BODY, "published": date(2020, 11, 19)}).published == "2020-11-19"


def test_jsonl_wrong_types_rejected_with_row_reference(tmp_path: Path) -> None:
    rows = [{"text": 123}, {"text": BODY, "date": {"y": 2020}}, {"text": BODY, "date": "2020-11-19"}, [1, 2]]
    path = tmp_path / "t.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows))
    items = list(read_path(path))
    assert [type(i) for i in items] == [Reject, Reject, Source, Reject]
    assert items[0].source.endswith("t.jsonl#0") and items[0].reason.startswith("text:")  # type: ignore[union-attr]
    assert items[1].reason.startswith("published:")  # type: ignore[union-attr]
    assert items[2].published == "2020-11-19"  # type: ignore[union-attr]


def test_parquet_rows_typed_dates_accepted_wrong_types_rejected(tmp_path: Path) -> None:
    import duckdb

    path = tmp_path / "t.parquet"
    duckdb.connect().execute(
        f"""COPY (SELECT * FROM (VALUES ('{BODY}', DATE '2020-11-19', 'a'), ('{BODY}', NULL, 'b'))
                  t(text, date, title)
            UNION ALL SELECT '{BODY}', DATE '2020-11-20', NULL) TO '{path}' (FORMAT PARQUET)"""
    )
    items = list(read_path(path))
    assert [i.published for i in items if isinstance(i, Source)] == ["2020-11-19", None, "2020-11-20"]
    numbers = tmp_path / "n.parquet"
    duckdb.connect().execute(f"COPY (SELECT 123 AS text, 'x' AS title) TO '{numbers}' (FORMAT PARQUET)")
    (bad,) = list(read_path(numbers))
    assert isinstance(bad, Reject) and bad.reason.startswith("text:") and bad.source.endswith("n.parquet#0")
