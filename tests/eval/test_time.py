"""The TempEval-3 scorer: TimeML reading, offsets, alignment and the Task A metrics."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.errors import UserError
from sitrep.eval import default_gold
from sitrep.eval import time as time_eval
from sitrep.eval.time import Counts, Timex, align, read_tml
from tests.conftest import sitrep

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>test_1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2013-03-22" temporalFunction="false" functionInDocument="CREATION_TIME">March 22, 2013</TIMEX3></DCT>
<TEXT>
The match was <EVENT eid="e1" class="OCCURRENCE">postponed</EVENT> on <TIMEX3 tid="t1" type="DATE" value="2013-03-22">Friday</TIMEX3> &amp; will be played in <TIMEX3 tid="t2" type="DURATION" value="P2D">two days</TIMEX3>.

It was last played <TIMEX3 tid="t3" type="DATE" value="2012">last year</TIMEX3>.
</TEXT>
</TimeML>
"""


@pytest.fixture
def gold_dir(tmp_path: Path) -> Path:
    (tmp_path / "test_1.tml").write_text(TML, encoding="utf-8")
    return tmp_path


def test_read_tml_offsets_point_at_the_timexes(gold_dir: Path) -> None:
    doc = read_tml(gold_dir / "test_1.tml")
    assert doc.dct == "2013-03-22"
    assert [(t.text, t.type, t.value) for t in doc.timexes] == [
        ("Friday", "DATE", "2013-03-22"),
        ("two days", "DURATION", "P2D"),
        ("last year", "DATE", "2012"),
    ]
    assert all(doc.text[t.start : t.end] == t.text for t in doc.timexes)
    assert "&" in doc.text and "<EVENT" not in doc.text


@pytest.mark.parametrize(
    ("source", "target"),
    [("\nabc  def\n\n\n\nghi\n", "abc def\n\nghi"), ("same", "same"), ("a b", "a  b")],
)
def test_align_maps_offsets_back(source: str, target: str) -> None:
    mapping = align(source, target)
    assert len(mapping) == len(target) + 1
    for i, ch in enumerate(target):
        if not ch.isspace():
            assert source[mapping[i]] == ch


def tx(start: int, end: int, value: str = "2013", kind: str = "DATE") -> Timex:
    return Timex(start, end, "", kind, value)


@pytest.mark.parametrize(
    ("gold", "system", "expected"),
    [
        # exact extent, right value and type
        ((tx(0, 5),), (tx(0, 5),), {"strict_f1": 1.0, "relaxed_f1": 1.0, "value_f1": 1.0, "type_f1": 1.0}),
        # overlap only: relaxed but not strict; the value still counts
        ((tx(0, 5),), (tx(2, 9),), {"strict_f1": 0.0, "relaxed_f1": 1.0, "value_f1": 1.0, "type_f1": 1.0}),
        # right extent, wrong value, right type
        (
            (tx(0, 5),),
            (tx(0, 5, "2012"),),
            {"strict_f1": 1.0, "relaxed_f1": 1.0, "value_f1": 0.0, "type_f1": 1.0},
        ),
        # one of two found, plus a spurious one: P = 1/2, R = 1/2
        (
            (tx(0, 5), tx(10, 15, "P2D", "DURATION")),
            (tx(0, 5), tx(20, 25)),
            {"strict_f1": 0.5, "relaxed_f1": 0.5, "value_f1": 0.5, "type_f1": 0.5},
        ),
        # attribute F1 counts over all system and gold timexes, not over the matches: P = 1/1, R = 1/2
        (
            (tx(0, 5), tx(10, 15)),
            (tx(0, 5),),
            {"strict_f1": 0.6667, "relaxed_f1": 0.6667, "value_f1": 0.6667, "type_f1": 0.6667},
        ),
        # a system timex matches at most one gold one
        (
            (tx(0, 5), tx(6, 9)),
            (tx(0, 9),),
            {"strict_f1": 0.0, "relaxed_f1": 0.6667, "value_f1": 0.6667, "type_f1": 0.6667},
        ),
    ],
)
def test_counts_metrics_follow_the_te3_scorer(
    gold: tuple[Timex, ...], system: tuple[Timex, ...], expected: dict[str, float]
) -> None:
    counts = Counts()
    counts.add(gold, system)
    assert counts.metrics() == expected


@pytest.mark.parametrize(("name", "content"), [("bad.tml", "<TimeML><TEXT>unclosed"), ("notes.txt", "x")])
def test_score_user_mistakes_are_one_line_errors(tmp_path: Path, name: str, content: str) -> None:
    (tmp_path / name).write_text(content, encoding="utf-8")
    with pytest.raises(UserError):
        time_eval.score(tmp_path)


@pytest.mark.slow
def test_eval_command_prints_the_contract(gold_dir: Path) -> None:
    result = sitrep("eval", "time", "--gold", str(gold_dir), "--json")
    assert result.returncode == 0, result.stderr
    printed = json.loads(result.stdout)
    assert printed["name"] == "time" and printed["n"] == 1
    assert set(printed["metrics"]) == {"strict_f1", "relaxed_f1", "value_f1", "type_f1"}


@pytest.mark.slow
def test_score_runs_the_line_on_a_folder(gold_dir: Path) -> None:
    result = time_eval.score(gold_dir)
    assert result.to_json()["metrics"].keys() == {"strict_f1", "relaxed_f1", "value_f1", "type_f1"}
    assert result.n == 1
    assert result.metrics["value_f1"] == 1.0
    assert result.rows[-1]["document"] == "all"


@pytest.mark.slow
def test_score_on_shared_tempeval_reaches_the_floor() -> None:
    gold = default_gold("time")
    if not gold.exists():
        pytest.skip(f"no shared TempEval-3 set at {gold}")
    metrics = time_eval.score(gold).metrics
    assert metrics["value_f1"] >= 0.85
    assert metrics["relaxed_f1"] >= 0.90
