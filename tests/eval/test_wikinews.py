"""The end-to-end Wikinews scorer on hand-made articles and gold (none of it from the corpus)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from sitrep.errors import UserError
from sitrep.eval import wikinews
from sitrep.eval.splits import split_of
from sitrep.records import Article, Event, EventActor, Evidence, Place, Span
from tests.conftest import sitrep

TEXT = (
    "Rebels attacked a police station in Kabul on Monday, killing five officers. "
    "The army said it could strike the rebels if the talks fail."
)
KABUL = Place(1138958, "Kabul", "AF", None, 34.53, 69.17, "P")


def _words(text: str, words: str) -> Span:
    at = text.index(words)
    return Span(at, at + len(words), words)


def _party(words: str, country: str | None, name: str = "") -> EventActor:
    return EventActor(_words(TEXT, words), None, name or words, country, None)


def _event(
    type_: str,
    trigger: str,
    source: EventActor | None = None,
    target: EventActor | None = None,
    modality: str = "asserted",
    place: Place | None = None,
    date: str | None = None,
    killed: int | None = None,
) -> Event:
    span = _words(TEXT, trigger)
    return Event(
        id=trigger, plover_type=type_, plover_mode=None, cameo=None, trigger=span, source=source, target=target,
        place=place, place_flag="text" if place else "none", date=date, date_precision=None, date_flag="text",
        killed=killed, injured=None, arrested=None, quantity=None, weapon=None, modality=modality,  # type: ignore[arg-type]
        confidence=0.8, rule="test", evidence=(Evidence("trigger", span.start, span.end, span.text),),
    )  # fmt: skip


def _article(*events: Event) -> Article:
    return Article(id="a", text=TEXT, source_ref="a", events=events)


def _gold(events: list[dict[str, Any]], must_not: list[dict[str, Any]] | None = None, **kw: Any) -> Any:
    return wikinews.GoldArticle("k", Path("k.yaml"), TEXT, "2020-03-04", tuple(events), must_not_assert=tuple(must_not or ()), **kw)  # fmt: skip


ATTACK = {
    "id": "attack", "type": "ASSAULT", "modality": "asserted", "source": {"name": "rebels"},
    "target": {"country": "AFG", "name": "police"},
    "place": {"name": "Kabul", "country": "AF", "lat": 34.52, "lon": 69.18},
    "date": {"from": "2020-03-02", "to": "2020-03-02"}, "killed": 5, "words": "attacked a police station",
}  # fmt: skip
RIGHT = _event(
    "ASSAULT", "attacked", _party("Rebels", None), _party("police station", "AFG"), place=KABUL,
    date="2020-03-02", killed=5,
)  # fmt: skip


def test_a_match_counts_in_precision_recall_and_every_field() -> None:
    out = wikinews.judge(_gold([ATTACK]), _article(RIGHT))
    m = wikinews.metrics([out])
    assert (m["precision"], m["recall"], m["f1"], m["asserted_precision"]) == (1.0, 1.0, 1.0, 1.0)
    assert m["fully_right"] == 1 and all(m[f"{f}_acc"] == 1.0 for f in wikinews.FIELDS)


def test_a_wrong_actor_pairs_but_does_not_match() -> None:
    wrong = _event("ASSAULT", "attacked", _party("army", "PAK", "Pakistan Army"), place=KABUL, date="2020-03-02", killed=5)  # fmt: skip
    m = wikinews.metrics([wikinews.judge(_gold([ATTACK]), _article(wrong))])
    assert (m["matched"], m["precision"], m["recall"], m["fully_right"]) == (0, 0.0, 0.0, 0)
    assert (m["type_acc"], m["source_acc"], m["target_acc"], m["place_acc"]) == (1.0, 0.0, 0.0, 1.0)


def test_a_country_alone_matches_but_the_name_reading_says_it_is_not_the_gold_actor() -> None:
    by_country = _event("ASSAULT", "attacked", _party("Rebels", None), _party("Kabul", "AFG"), place=KABUL, date="2020-03-02", killed=5)  # fmt: skip
    m = wikinews.metrics([wikinews.judge(_gold([ATTACK]), _article(by_country))])
    assert (m["matched"], m["target_acc"], m["target_name_acc"], m["source_name_acc"]) == (1, 1.0, 0.0, 1.0)


def test_a_hypothetical_is_no_claim_and_no_match() -> None:
    maybe = _event("ASSAULT", "attacked", _party("Rebels", None), modality="hypothetical", place=KABUL)
    m = wikinews.metrics([wikinews.judge(_gold([ATTACK]), _article(maybe))])
    assert (m["extracted_events"], m["matched"], m["recall"]) == (0, 0, 0.0)


def test_a_must_not_assert_line_breaks_only_when_its_words_are_asserted() -> None:
    rule = {"type": "ASSAULT", "words": "could strike the rebels"}
    asserted = _event("ASSAULT", "strike", _party("army", "AFG"))
    conditional = _event("ASSAULT", "strike", _party("army", "AFG"), modality="conditional")
    threat = _event("THREATEN", "strike", _party("army", "AFG"))
    assert wikinews.judge(_gold([], [rule]), _article(asserted)).broken == 1
    assert wikinews.judge(_gold([], [rule]), _article(conditional)).broken == 0
    assert wikinews.judge(_gold([], [rule]), _article(threat)).broken == 0


def test_seed_style_gold_alternatives_codes_and_lower_bounds() -> None:
    spec = {
        "type": {"any_of": ["COERCE", "ASSAULT"]}, "source": {"any_of": [None, "AFG rebels"]},
        "target": "Kabul police", "place": {"country": "AF"}, "date": {"from": "2020-03", "to": "2020-03"},
        "killed": 4,
    }  # fmt: skip
    checks = wikinews.field_checks(spec, RIGHT, _article(RIGHT))
    assert checks == {"type": True, "modality": True, "source": True, "target": True, "place": True,
                      "date": True, "counts": True}  # fmt: skip
    assert not wikinews.field_checks({**spec, "killed": 6}, RIGHT, None)["counts"]
    assert not wikinews.field_checks({**spec, "source": {"any_of": [None]}}, RIGHT, None)["source"]
    assert not wikinews.date_ok({"from": "2020-02-01", "to": "2020-02-29"}, "2020-03")
    assert wikinews.date_ok({"from": "2020-03-31", "to": "2020-04-02"}, "2020-03")  # ranges overlap


def test_place_within_50_km_or_same_country() -> None:
    assert wikinews.place_ok({"lat": 34.9, "lon": 69.17}, KABUL)  # about 41 km
    assert not wikinews.place_ok({"lat": 35.1, "lon": 69.17}, KABUL)  # about 63 km
    assert wikinews.place_ok({"name": "Afghanistan", "country": "AF"}, KABUL)
    assert not wikinews.place_ok({"country": "PK"}, KABUL)


def test_pairs_are_one_to_one_and_prefer_the_match() -> None:
    second = {**ATTACK, "id": "again", "target": None, "killed": None, "date": None}
    near_miss = _event("ASSAULT", "killing", _party("Rebels", None), place=KABUL, date="2020-03-02")
    pairs = wikinews.pair([ATTACK, second], [near_miss, RIGHT], _article(near_miss, RIGHT))
    assert sorted((g, e) for g, e, _ in pairs) == [(0, 1), (1, 0)]
    assert (
        wikinews.metrics([wikinews.judge(_gold([ATTACK, second]), _article(near_miss, RIGHT))])["matched"]
        == 2
    )


def test_optional_events_are_neither_missed_nor_false() -> None:
    extra = _event("THREATEN", "strike", _party("army", "AFG"))
    gold = _gold([ATTACK], optional=({"type": "THREATEN", "source": "AFG"},))
    m = wikinews.metrics([wikinews.judge(gold, _article(RIGHT, extra))])
    assert (m["gold_events"], m["extracted_events"], m["precision"]) == (1, 1, 1.0)


# --- the real line on a constructed article ----------------------------------------------------------------


def _write(folder: Path, url: str, **data: Any) -> None:
    folder.mkdir(exist_ok=True)
    (folder / f"{url.rsplit('/', 1)[-1]}.yaml").write_text(
        yaml.safe_dump({"url": url, **data}), encoding="utf-8"
    )


def test_score_runs_the_line_and_splits_by_url(tmp_path: Path) -> None:
    urls = [f"https://example.org/wiki/Story_{i}" for i in range(8)]
    gold = {**ATTACK, "target": None}
    for url in urls:
        _write(tmp_path / "gold", url, published="2020-03-04", text=TEXT, events=[gold],
               must_not_assert=[{"type": "ASSAULT", "words": "could strike the rebels"}])  # fmt: skip
    test = [u for u in urls if split_of(u, 2) == "test"]
    assert 0 < len(test) < len(urls)
    result = wikinews.score(tmp_path / "gold", "test", corpus=tmp_path)
    assert result.n == len(test) and result.split == "test"
    assert result.metrics["recall"] == 1.0 and result.metrics["must_not_assert_broken"] == 0
    assert set(result.ci95) == set(result.metrics)


def test_text_is_found_by_url_in_the_corpus(tmp_path: Path) -> None:
    url = "https://example.org/wiki/Story"
    (tmp_path / "news.csv").write_text(
        f'url,date,title,text\n{url},2020-03-04,Story,"{TEXT}"\n', encoding="utf-8"
    )
    _write(tmp_path / "gold", url, events=[ATTACK])
    (article,) = wikinews.read(tmp_path / "gold", tmp_path)
    assert (article.text, article.published) == (TEXT, "2020-03-04")
    _write(tmp_path / "gold", "https://example.org/wiki/Elsewhere", events=[])
    with pytest.raises(UserError, match="not in the corpus"):
        wikinews.read(tmp_path / "gold", tmp_path)


def test_cli_json_has_split_and_intervals(tmp_path: Path) -> None:
    _write(
        tmp_path / "gold",
        "https://example.org/wiki/Story_1",
        published="2020-03-04",
        text=TEXT,
        events=[ATTACK],
    )
    result = sitrep("eval", "wikinews", "--gold", str(tmp_path / "gold"), "--json")
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["split"] == "all" and out["n"] == 1 and "f1" in out["ci95"]


def test_the_repository_gold_is_well_formed() -> None:
    """Every gold article is split by the rule, its types are PLOVER's and its words stand in its text (a
    failure names the file and the event, never the text)."""
    from sitrep.eval import SHARED, default_gold
    from sitrep.events.lexicon import TYPES

    corpus = SHARED / "corpus" / "wikinews"
    if not corpus.exists():
        pytest.skip(f"the Wikinews corpus is not at {corpus}")
    problems = []
    for article in wikinews.read(default_gold("wikinews"), corpus):
        data = yaml.safe_load(article.path.read_text(encoding="utf-8"))
        if data.get("split") != split_of(article.key, 2):
            problems.append(f"{article.path.name}: split")
        for i, spec in enumerate((*article.events, *article.optional, *article.must_not_assert)):
            where = f"{article.path.name} #{i} {spec.get('id', '')}"
            if not set(wikinews.types_of(spec)) <= set(TYPES):
                problems.append(f"{where}: type")
            if spec.get("words") and not wikinews.word_spans(article.text, spec["words"]):
                problems.append(f"{where}: words not in the text")
    assert not problems, problems
