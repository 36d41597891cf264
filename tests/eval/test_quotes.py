"""The quotes scorer on hand-made articles: spans met by their first words, speakers by content words."""

from __future__ import annotations

from sitrep.eval import quotes as q
from sitrep.records import Actor, ActorMention, Article, Quote, Span

TEXT = 'The mayor said "the bridge will reopen in May." Later, "we are ready," he added.'
MAYOR = Actor("prov:ann-lee", "Ann Lee", "person", "USA", "GOV")


def _quote(
    start_words: str, speaker: str | None, actor: str | None = None, parent: str | None = None
) -> Quote:
    at = TEXT.index(start_words)
    end = TEXT.index('"', at)
    spk = Span(TEXT.index(speaker), TEXT.index(speaker) + len(speaker), speaker) if speaker else None
    return Quote(f"q{at}", at, end, TEXT[at:end], "direct", spk, actor, False, None, None, parent)


def _article(*quotes: Quote) -> Article:
    mentions = (ActorMention(4, 9, "mayor", MAYOR),)
    return Article(id="a", text=TEXT, source_ref="t", mentions=mentions, quotes=quotes)


GOLD = [
    {"starts": "the bridge will reopen", "speaker": "The mayor", "speaker_actor": "Ann Lee"},
    {"starts": "we are ready", "speaker": "he", "speaker_actor": "Ann Lee", "relayed_by": "a council"},
]


def test_judge_counts_spans_speakers_and_chains() -> None:
    found = _article(_quote("the bridge", "mayor"), _quote("we are", "he", actor=MAYOR.id, parent="q1"))
    o = q.judge(found, GOLD)
    assert (o.gold, o.found, o.met, o.right, o.relayed, o.chained) == (2, 2, 2, 2, 1, 1)


def test_judge_unresolved_pronoun_names_nobody() -> None:
    o = q.judge(_article(_quote("the bridge", "mayor"), _quote("we are", "he")), GOLD)
    assert (o.met, o.right) == (2, 1)


def test_metrics_precision_recall_and_span_recall() -> None:
    extra = Quote("x", 0, 3, "The", "direct", None, None, False, None, None)
    o = q.judge(_article(_quote("the bridge", "mayor"), extra), GOLD)
    m = q.metrics([o])
    assert (m["precision"], m["recall"], m["span_recall"], m["speaker_accuracy"]) == (0.5, 0.5, 0.5, 1.0)
