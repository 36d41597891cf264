"""The incidents scorer: ECB+ reading, pairwise and B³ scores, the fixed JSON metric names."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.errors import UserError
from sitrep.eval import incidents

ROCKET = "Rockets hit the Green Zone in Baghdad on Tuesday , killing a child , Iraqi security sources said ."
QUAKE = "A strong earthquake struck western Turkey near Izmir on Friday , collapsing buildings , AFAD said ."


def _ecb(folder: Path, name: str, text: str) -> None:
    tokens = "".join(
        f'<token t_id="{i}" sentence="0" number="{i}">{word}</token>\n' for i, word in enumerate(text.split())
    )
    (folder / name).write_text(f'<Document doc_name="{name}" doc_id="x">\n{tokens}</Document>\n')


@pytest.mark.parametrize(
    ("found", "gold", "expected"),
    [
        ([1, 1, 2, 2], ["a", "a", "b", "b"], (1.0, 1.0, 1.0)),
        ([1, 1, 1, 1], ["a", "a", "b", "b"], (2 / 6, 1.0, 0.5)),
        ([1, 2, 3, 4], ["a", "a", "b", "b"], (0.0, 0.0, 0.0)),
    ],
)
def test_pairwise_scores(found: list[int], gold: list[str], expected: tuple[float, float, float]) -> None:
    assert incidents.pairwise(found, gold) == pytest.approx(expected)


def test_b_cubed_perfect_and_lumped() -> None:
    assert incidents.b_cubed([1, 1, 2], ["a", "a", "b"]) == pytest.approx(1.0)
    assert incidents.b_cubed([1, 1, 1, 1], ["a", "a", "b", "b"]) == pytest.approx(2 / 3)


def test_read_documents_seminal_event_is_topic_and_subcorpus(tmp_path: Path) -> None:
    (tmp_path / "1").mkdir()
    _ecb(tmp_path / "1", "1_1ecb.xml", ROCKET)
    _ecb(tmp_path / "1", "1_2ecbplus.xml", QUAKE)
    docs, events = incidents.read_documents(tmp_path)
    assert events == ["1ecb", "1ecbplus"]
    assert docs[0].text == ROCKET


def test_score_reports_the_contract_metrics(tmp_path: Path) -> None:
    for topic, text in (("1", ROCKET), ("2", QUAKE)):
        (tmp_path / topic).mkdir()
        for k in range(2):
            _ecb(tmp_path / topic, f"{topic}_{k}ecb.xml", text + f" Report {k} .")
    result = incidents.score(tmp_path)
    assert set(result.metrics) == {"pairwise_precision", "pairwise_recall", "pairwise_f1", "b3_f1"}
    assert result.n == 4
    assert result.metrics["pairwise_f1"] == pytest.approx(1.0)


def test_score_empty_folder_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(UserError):
        incidents.score(tmp_path)
