from __future__ import annotations

from dataclasses import replace

import pytest

from sitrep.context import Context
from sitrep.errors import UserError
from sitrep.pipeline import process
from sitrep.stages import language, triage
from tests.conftest import sitrep

STORY = (
    "  The weather in Paris was mild on Sunday, with light winds from the west.\n\n"
    "Rebels attacked the town of Goma on Monday.  Museums in Lyon reopened their doors.\n"
    "\u201cWe will not leave,\u201d a resident told reporters. The harvest in Burgundy is good this year.\n"
)


@pytest.fixture(scope="module")
def tctx(ctx: Context) -> Context:
    """Triage over the session's loaded model (replace keeps the context's resources)."""
    return replace(ctx, parse="triage")


def _sentence(doc, words: str):  # type: ignore[no-untyped-def]
    return next(s for s in doc.sents if words in s.text)


@pytest.mark.parametrize(
    "text",
    [STORY, "", "   \n\n  ", "No event here at all.", "Police arrested 12 protesters.\n\n" * 30, STORY * 5],
)
def test_triage_doc_keeps_the_text_and_its_offsets(text: str, ctx: Context, tctx: Context) -> None:
    doc = language.doc(text, tctx)
    full = language.doc(text, ctx)
    assert doc.text == text
    assert [(t.idx, t.text) for t in doc] == [(t.idx, t.text) for t in full]


def test_triage_parses_the_sentences_that_can_carry_an_event_or_a_quote(tctx: Context) -> None:
    doc = language.doc(STORY, tctx)
    for words in ("Rebels attacked", "We will not leave"):
        assert all(t.dep_ for t in _sentence(doc, words) if not t.is_space), words
    for words in ("The weather in Paris", "The harvest in Burgundy"):
        assert not any(t.dep_ or t.pos_ for t in _sentence(doc, words)), words


def test_triage_keeps_entities_and_sentences_where_it_does_not_parse(ctx: Context, tctx: Context) -> None:
    doc = language.doc(STORY, tctx)
    ents = {(e.text, e.label_) for e in doc.ents}
    assert {("Paris", "GPE"), ("Sunday", "DATE"), ("this year", "DATE")} <= ents  # unparsed sentences
    assert [s.text for s in doc.sents] == [s.text for s in language.doc(STORY, ctx).sents]


def test_triage_finds_the_same_events_as_the_full_parse(ctx: Context, tctx: Context) -> None:
    text = (
        "The weather in Tehran was cold. Iran dispatched Qaani to Baghdad on Wednesday. "
        "The attack killed a child and wounded a further five civilians, the ministry said."
    )
    full = process(text, published="2020-11-19", ctx=ctx)
    fast = process(text, published="2020-11-19", ctx=tctx)
    assert fast.events and [(e.plover_type, e.trigger.start, e.trigger.end) for e in fast.events] == [
        (e.plover_type, e.trigger.start, e.trigger.end) for e in full.events
    ]


def test_triage_inflects_trigger_lemmas_with_the_model_tables(tctx: Context) -> None:
    forms = triage.inflect(["shoot", "attack", "say"], language.nlp(tctx))
    assert {"shot", "shooting", "attacked", "attacks", "said", "says"} <= forms


def test_unknown_parse_mode_is_a_user_error(ctx: Context) -> None:
    with pytest.raises(UserError):
        language.doc("Rebels attacked Goma.", replace(ctx, parse="fast"))


@pytest.mark.parametrize(
    "args",
    [
        ["eval", "seed", "--parse", "fast"],
        ["ingest", "-", "--parse", "fast"],
    ],
)
def test_cli_rejects_a_bad_parse_option_in_one_line(args: list[str], tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = sitrep(*args, "--db", str(tmp_path / "s.duckdb")) if args[0] == "ingest" else sitrep(*args)
    assert result.returncode == UserError.exit_code and result.stderr.startswith("sitrep: error:")
    assert "--parse" in result.stderr and len(result.stderr.strip().splitlines()) == 1
