"""The learned type arbiter: the shipped weights, its hook in the events stage, and its training script."""

from __future__ import annotations

import csv
import importlib.util
import json
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

from sitrep.context import Context
from sitrep.errors import UserError
from sitrep.events.arbiter import WEIGHTS, Arbiter, arbiter, terms
from sitrep.events.lexicon import TYPES
from sitrep.records import Article
from sitrep.stages import events, language

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "train_arbiter.py"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("train_arbiter", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def shipped() -> Arbiter:
    return Arbiter.load(WEIGHTS)


def test_arbiter_terms_are_words_and_word_pairs() -> None:
    assert terms("Troops opened fire, killing 3.") == [
        "troops", "opened", "fire", "killing", "3", "troops opened", "opened fire", "fire killing", "killing 3",
    ]  # fmt: skip


def test_arbiter_shipped_weights_cover_the_types(shipped: Arbiter) -> None:
    assert set(shipped.types) == set(TYPES)
    assert shipped.coef.shape == (len(TYPES), len(shipped.vocabulary))
    assert 0.0 < shipped.settle < 1.0 and 0.0 < shipped.supply <= 1.0
    probs = shipped.probabilities("The minister said nothing new.")
    assert abs(sum(probs.values()) - 1.0) < 1e-9


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("Thousands of teachers marched through the capital to protest against low pay.", "PROTEST"),
        ("Gunmen attacked a police convoy, killing four officers.", "ASSAULT"),
        ("The two armies held joint military exercises near the border.", "COOPERATE"),
        ("The rebels accused the army of torturing prisoners.", "ACCUSE"),
        ("Police arrested twelve opposition activists in the capital.", "COERCE"),
        ("The European Union imposed sanctions on the regime.", "SANCTION"),
        ("The army deployed troops along the frontier.", "MOBILIZE"),
        ("The president threatened to expel foreign journalists.", "THREATEN"),
    ],
)
def test_arbiter_shipped_weights_classify_constructed_sentences(
    shipped: Arbiter, text: str, type_: str
) -> None:
    assert shipped.best(text)[0] == type_, shipped.probabilities(text)


def test_arbiter_best_among_given_types(shipped: Arbiter) -> None:
    text = "Thousands of teachers marched through the capital to protest against low pay."
    choice, p = shipped.best(text, {"AGREE", "CONSULT"})
    assert choice in ("AGREE", "CONSULT") and p == shipped.probabilities(text)[choice]


def _tiny(threshold: float) -> Arbiter:
    """A two-word model: "parley" means CONSULT, "skirmish" ASSAULT (words no lexicon entry knows); alone in
    a sentence either gets e^3 / (e^3 + 15) ≈ 0.57."""
    vocabulary = {"parley": 0, "skirmish": 1}
    coef = np.zeros((len(TYPES), 2))
    coef[TYPES.index("CONSULT"), 0] = coef[TYPES.index("ASSAULT"), 1] = 3.0
    return Arbiter(TYPES, vocabulary, np.ones(2), coef, np.zeros(len(TYPES)), threshold, threshold)


def _code(ctx: Context, run: Context, text: str) -> tuple[str, ...]:
    """The events stage in ``run`` over ``text`` parsed by the session's model."""
    article = Article(id="t", text=text, source_ref="test", published_at="2020-11-19")
    return tuple(f"{e.plover_type}:{e.rule}" for e in events.run(article, language.nlp(ctx)(text), run))


def test_arbiter_flag_switches_the_hook(ctx: Context) -> None:
    text = "The envoys began a parley with the rebel commanders in the capital."  # no lexicon trigger
    assert _code(ctx, ctx, text) == ()  # off by default
    on = Context(arbiter=True)
    on.resource("events.arbiter", lambda: _tiny(0.5))
    assert arbiter(on).supply == 0.5
    assert _code(ctx, on, text) == ("CONSULT:arbiter:CONSULT",)
    shy = Context(arbiter=True)
    shy.resource("events.arbiter", lambda: _tiny(0.6))
    assert _code(ctx, shy, text) == ()  # below its threshold it stays silent


def test_arbiter_settles_disagreeing_news(ctx: Context) -> None:
    text = "In a skirmish the rebels attacked the town, and the envoys met their commanders."

    def news(run: Context) -> dict[str, str]:
        article = Article(id="t", text=text, source_ref="test", published_at="2020-11-19")
        found = events.run(article, language.nlp(ctx)(text), run)
        return {e.plover_type: e.salience for e in found if e.modality in ("asserted", "reported")}

    assert news(ctx) == {"ASSAULT": "main", "CONSULT": "main"}
    on = Context(arbiter=True)
    on.resource("events.arbiter", lambda: _tiny(0.5))
    assert news(on) == {"ASSAULT": "main", "CONSULT": "background"}  # "skirmish" decides


def test_arbiter_setting_is_checked() -> None:
    with pytest.raises(UserError):
        Context(arbiter="yes")  # type: ignore[arg-type]


def test_train_arbiter_runs_on_a_tiny_constructed_dataset(tmp_path: Path) -> None:
    stories = tmp_path / "stories.csv"
    rows = [
        (
            "PROTEST",
            "Workers rally in the capital",
            "Workers marched and chanted outside the ministry. More came.",
        ),
        (
            "PROTEST",
            "Students march on parliament",
            "Students marched and chanted near parliament. It rained.",
        ),
        ("ASSAULT", "Rebels shell a border town", "Rebels shelled the town and killed two people. Aid came."),
        (
            "ASSAULT",
            "Militants bomb a market",
            "Militants bombed a market and killed nine people. Police came.",
        ),
    ]
    with open(stories, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["label", "prompt", "text"])
        writer.writerows(rows)
    batches = tmp_path / "batches"
    (batches / "screen").mkdir(parents=True)
    (batches / "verify").mkdir()
    (batches / "screen" / "screen_0001.json").write_text(
        json.dumps(
            [{"id": "a", "candidates": ["PROTEST"], "quotes": {"PROTEST": "crowds marched and chanted"}}]
        )
    )
    (batches / "verify" / "manifest.json").write_text(
        json.dumps([{"batch": "verify_0001", "event_type": "ASSAULT"}])
    )
    (batches / "verify" / "verify_0001.json").write_text(
        json.dumps(
            [
                {"id": "b", "label": 1, "quote": "gunmen killed two guards"},
                {"id": "c", "label": 0, "quote": ""},
            ]
        )
    )
    train = _script()
    assert len(train.voa_examples(batches)) == 2
    out = tmp_path / "arbiter.npz"
    assert train.main(["--ngec", str(stories), "--ngec2025", str(batches), "--min-df", "1",
                       "--settle", "0.4", "--supply", "0.6", "--out", str(out)]) == 0  # fmt: skip
    model = Arbiter.load(out)
    assert model.types == ("ASSAULT", "PROTEST") and (model.settle, model.supply) == pytest.approx((0.4, 0.6))
    assert model.best("Hundreds marched and chanted.")[0] == "PROTEST"
    assert model.best("A bomb killed five people.")[0] == "ASSAULT"
    assert train.main(["--ngec", str(tmp_path / "missing.csv"), "--out", str(out)]) == 2
