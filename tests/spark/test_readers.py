"""Reading at Hadoop paths: refs name the original file, and a failing reader costs one reject row."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from sitrep.records import Reject, Source
from sitrep.spark import readers, rows


def test_read_remote_names_the_original_file() -> None:
    rows = [
        {"url": "https://x.example/a", "date": "2020-01-03", "title": "A", "text": "Rockets hit Baghdad."}
    ]
    data = ("\n".join(json.dumps(r) for r in rows) + "\n{broken\n").encode()
    items = list(readers.read_remote(("hdfs://nn:8020/news/day.jsonl", data)))
    assert [type(i) for i in items] == [Source, Reject]
    assert items[0].ref == "hdfs://nn:8020/news/day.jsonl#0"
    assert isinstance(items[1], Reject)
    assert items[1].raw_ref == "hdfs://nn:8020/news/day.jsonl#1"


def test_guarded_turns_a_reader_failure_into_a_reject() -> None:
    def reader() -> Iterator[Source]:
        yield Source(ref="f#0", text="one")
        raise RuntimeError("boom")

    items = list(readers.guarded("f", reader()))
    assert isinstance(items[0], Source)
    assert isinstance(items[1], Reject)
    assert items[1].source == "f" and "boom" in items[1].reason


@pytest.mark.parametrize(
    ("uri", "local", "path"),
    [
        ("/data/a.csv", True, "/data/a.csv"),
        ("file:/data/a.csv", True, "/data/a.csv"),
        ("file:///data/a.csv", True, "/data/a.csv"),
        ("hdfs://nn/data/a.csv", False, None),
        ("s3a://bucket/a.csv", False, None),
    ],
)
def test_is_local_tells_local_paths_from_hadoop_ones(uri: str, local: bool, path: str | None) -> None:
    assert readers.is_local(uri) is local
    if path is not None:
        assert readers.local_path(uri) == path


def _line(group: list[Source | Reject]) -> Iterator[Source | Reject]:
    """Stands in for a stage with a bug: it fails on any group holding the text 'bad'."""
    if any(isinstance(i, Source) and i.text == "bad" for i in group):
        raise ValueError("stage bug")
    yield from group


@pytest.mark.parametrize("size", [1, 2, 8])
def test_guarded_line_costs_one_reject_per_failing_item(size: int) -> None:
    items: list[Source | Reject] = [Source(ref=f"f#{i}", text="bad" if i == 3 else "ok") for i in range(7)]
    out = list(rows.guarded_line(items, _line, size))
    assert [o.ref for o in out if isinstance(o, Source)] == [f"f#{i}" for i in range(7) if i != 3]
    rejects = [o for o in out if isinstance(o, Reject)]
    assert [(r.raw_ref, r.reason) for r in rejects] == [
        ("f#3", "internal error in the line: ValueError: stage bug")
    ]
