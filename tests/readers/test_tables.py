"""Large and odd tables: a huge cell rejects its row and the rest is read; UTF-16 and BOMs are decoded;
the store path must be a DuckDB file or a new path."""

from __future__ import annotations

import codecs
import csv
import io
import json
from pathlib import Path

import pytest

from sitrep.errors import UserError
from sitrep.readers import count, read_path
from sitrep.readers.table import FIELD_LIMIT
from sitrep.records import Source
from sitrep.store import db

ROWS = [
    {"title": f"T{i}", "text": f"Rebels attacked the town of Goma, number {i}, on Tuesday."} for i in range(3)
]
BIG = 20 * 1024 * 1024  # over the 16 MB a row may have


def _csv(rows: list[dict[str, str]]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=["title", "text"], lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


def _outcome(path: Path) -> list[str]:
    return [i.title or "" if isinstance(i, Source) else f"reject: {i.reason}" for i in read_path(path)]


@pytest.mark.parametrize("cell", ["x" * BIG, ('A paragraph, with a comma and a "quote".\n' * (BIG // 40))])
def test_csv_huge_cell_rejects_its_row_keeps_the_rest(tmp_path: Path, cell: str) -> None:
    rows = [
        ROWS[0],
        {"title": "huge", "text": cell},
        ROWS[1],
        {"title": "T2", "text": "Line one.\nLine two."},
    ]
    path = tmp_path / "t.csv"
    path.write_text(_csv(rows), newline="")
    got = _outcome(path)
    assert got[0] == "T0" and got[1].startswith("reject: row too large") and got[2:] == ["T1", "T2"]
    assert count([str(path)]) == 4


def test_jsonl_huge_line_rejects_its_row_keeps_the_rest(tmp_path: Path) -> None:
    lines = [json.dumps(ROWS[0]), json.dumps({"title": "huge", "text": "x" * BIG}), json.dumps(ROWS[1])]
    path = tmp_path / "t.jsonl"
    path.write_text("\n".join(lines) + "\n")
    got = _outcome(path)
    assert got[0] == "T0" and got[1].startswith("reject: row too large") and got[2:] == ["T1"]
    assert FIELD_LIMIT < BIG


ENCODINGS = {
    "utf-16": lambda s: s.encode("utf-16"),  # with a BOM (little-endian here)
    "utf-16-be-bom": lambda s: codecs.BOM_UTF16_BE + s.encode("utf-16-be"),
    "utf-16-le-nobom": lambda s: s.encode("utf-16-le"),
    "utf-16-be-nobom": lambda s: s.encode("utf-16-be"),
    "utf-8-bom": lambda s: codecs.BOM_UTF8 + s.encode("utf-8"),
}


@pytest.mark.parametrize("encoding", sorted(ENCODINGS))
@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
def test_tables_in_utf16_and_with_boms_are_decoded(tmp_path: Path, encoding: str, suffix: str) -> None:
    rows = [*ROWS, {"title": "Ünïcode", "text": "Les délégués ont parlé à Genève mardi."}]
    body = _csv(rows) if suffix == ".csv" else "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    path = tmp_path / f"t{suffix}"
    path.write_bytes(ENCODINGS[encoding](body))
    items = list(read_path(path))
    assert all(isinstance(i, Source) for i in items), [getattr(i, "reason", "") for i in items]
    assert [i.title for i in items if isinstance(i, Source)] == ["T0", "T1", "T2", "Ünïcode"]
    assert items[-1].text == "Les délégués ont parlé à Genève mardi."  # type: ignore[union-attr]
    assert count([str(path)]) == 4


@pytest.mark.parametrize("content", [b"title,text\na,b\n", b"", b"not a database at all, just bytes"])
def test_store_path_must_be_duckdb_or_new(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "articles.csv"
    path.write_bytes(content)
    with pytest.raises(UserError, match="not a DuckDB file"):
        db.connect(path)
    assert path.read_bytes() == content
    with pytest.raises(UserError, match="not a regular file"):
        db.connect(tmp_path)
    db.connect(tmp_path / "new.duckdb").close()
    db.connect(tmp_path / "new.duckdb").close()  # and the file it made is one


def test_ingest_into_a_csv_store_claims_nothing(tmp_path: Path) -> None:
    from sitrep.batch import ingest

    store = tmp_path / "store.csv"
    store.write_text("title,text\na,b\n")
    (tmp_path / "a.txt").write_text(ROWS[0]["text"])
    with pytest.raises(UserError, match="not a DuckDB file"):
        ingest([str(tmp_path / "a.txt")], store=store)
    assert store.read_text() == "title,text\na,b\n" and not Path(f"{store}.lock").exists()


@pytest.mark.parametrize("body", [
    'title,text\r\nA,He is 6\'2" tall and said so\r\nB,"A quoted ""field"", with a comma"\r\nC,"Two\nlines"\r\n',
    'title,text\nA,A 12" pipe burst\nB,"Quote at the end of a long field ""\nC,Third row\n',
])  # fmt: skip
def test_csv_records_split_as_the_csv_module_splits_them(tmp_path: Path, body: str) -> None:
    path = tmp_path / "t.csv"
    path.write_text(body, newline="")
    expected = list(csv.DictReader(io.StringIO(body, newline="")))
    got = [i for i in read_path(path) if isinstance(i, Source)]
    assert [(s.title, s.text) for s in got] == [(r["title"], r["text"]) for r in expected]
    assert count([str(path)]) == len(expected)


def test_csv_quote_split_across_reads_is_one_record(tmp_path: Path) -> None:
    from sitrep.readers.table import records

    body = 'a,"x' + "y" * 10 + '""' + "z" * 10 + '"\nb,plain\n'
    for size in range(1, len(body)):
        stream = io.StringIO(body, newline="")
        stream.readline = lambda limit=-1, s=stream, n=size: io.StringIO.readline(
            s, min(n, limit) if limit > 0 else n
        )  # type: ignore[method-assign]
        assert list(records(stream, quoted=True)) == [body[: body.index("\n") + 1], "b,plain\n"], size
