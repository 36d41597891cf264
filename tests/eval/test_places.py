"""The places scorer on a small GeoWebNews-layout file written here (the real gold stays in ../shared)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.errors import UserError
from sitrep.eval.places import km, read, score

TEXT = "Rockets hit Baghdad on Tuesday. Officials in Tehran denied it."
GOLD = f"""<?xml version="1.0" ?>
<articles><article file="0"><title>t</title><link>l</link><text>{TEXT}</text><toponyms>
<toponym><extractedName>Baghdad</extractedName><type>Literal</type><start>12</start><end>19</end>
<geonamesID>98182</geonamesID><latitude>33.34058</latitude><longitude>44.40088</longitude></toponym>
<toponym><extractedName>Tehran</extractedName><type>Literal</type><start>45</start><end>51</end>
<latitude>35.69439</latitude><longitude>51.42151</longitude></toponym>
<toponym><extractedName>Tuesday</extractedName><type>Non_Toponym</type><start>23</start><end>30</end></toponym>
</toponyms></article></articles>"""


@pytest.fixture()
def gold(tmp_path: Path) -> Path:
    path = tmp_path / "gwn.xml"
    path.write_text(GOLD, encoding="utf-8")
    return path


def test_read_keeps_toponyms_with_coordinates(gold: Path) -> None:
    (article,) = read(gold)
    assert [TEXT[t.start : t.end] for t in article.toponyms] == ["Baghdad", "Tehran"]
    assert article.toponyms[0].geonames_id == 98182 and article.toponyms[1].geonames_id is None


def test_score_reports_contract_metrics(gold: Path) -> None:
    result = score(gold)
    assert result.n == 2
    assert set(result.metrics) == {
        "acc161_gold_spans", "exact_id_gold_spans", "mean_km", "median_km", "auc",
        "e2e_precision", "e2e_recall", "e2e_f1",
    }  # fmt: skip
    assert result.metrics["acc161_gold_spans"] == 1.0
    assert result.metrics["exact_id_gold_spans"] == 0.5
    assert result.metrics["e2e_f1"] == 1.0


def test_score_rejects_unreadable_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_text("<articles><article>", encoding="utf-8")
    with pytest.raises(UserError):
        score(bad)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [((0, 0), (0, 0), 0.0), ((0, 0), (0, 1), 111.2), ((51.5, -0.13), (48.86, 2.35), 343.5)],
)
def test_km_is_great_circle_distance(a: tuple[float, float], b: tuple[float, float], expected: float) -> None:
    assert km(*a, *b) == pytest.approx(expected, abs=1.0)
