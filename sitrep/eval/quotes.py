"""Quotes on whole articles: sitrep's quotes against the ``quotes:`` of our own Wikinews gold.

Each gold quote gives its first words (``starts``), its speaker as written and the actor that speaker is,
anonymity, who relays it (``relayed_by``) and the outlet it was given to (gold/wikinews/README.md). The
articles run through the whole line (``wikinews.run``). A found quote **meets** a gold quote when the
gold's first words begin inside the found span (one to one, in text order; of two found spans around
them, the one that begins nearer: a partial quote inside reported speech). The speaker is **right** when
the content words of the found speaker (its words and the name of the actor it resolves to) share one with
the gold speaker or the gold speaker's actor; a pronoun left unresolved names nobody. No speaker is right
for a gold quote without one.

- ``precision``: found quotes that meet a gold quote with the speaker right, over found quotes;
- ``recall``: gold quotes met with the speaker right, over gold quotes; ``span_recall`` by the span alone;
- ``speaker_accuracy``: speaker right over the pairs met;
- ``chain_recall``: gold quotes relayed by someone whose found quote hangs under a relaying quote
  (``parent_quote_id``), over the relayed gold quotes met; ``via_outlet_acc`` and ``anonymous_acc`` over
  the pairs met.
Articles are the records of the split (``% 2`` on the URL) and of the bootstrap interval.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from spacy.lang.en.stop_words import STOP_WORDS

from sitrep.context import Context
from sitrep.eval.base import EvalResult, judged
from sitrep.eval.splits import Split
from sitrep.eval.wikinews import GoldArticle, read, run
from sitrep.records import Article, Quote

_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True, slots=True)
class Outcome:
    """One article: counts that sum over any set of articles."""

    gold: int
    found: int
    met: int
    right: int
    relayed: int = 0
    chained: int = 0
    via_right: int = 0
    anonymous_right: int = 0


def words(*texts: str | None) -> set[str]:
    """Content words: what names a speaker (not "the", "he" or "said")."""
    return {w for t in texts if t for w in _WORD.findall(t.casefold()) if w not in STOP_WORDS and len(w) > 1}


def gold_quotes(article: GoldArticle) -> list[dict[str, Any]]:
    data = yaml.safe_load(article.path.read_text(encoding="utf-8"))
    return [q for q in data.get("quotes") or [] if isinstance(q, dict) and q.get("starts")]


def locate(text: str, starts: str, after: int = 0) -> int | None:
    """Where the gold's first words stand in the text (spacing and quote marks as they come)."""
    pattern = r"\s+".join(re.escape(w) for w in starts.split())
    match = re.compile(pattern).search(text, after) or re.compile(pattern).search(text)
    return match.start() if match else None


def actor_names(article: Article) -> dict[str, str]:
    return {m.actor.id: m.actor.name for m in article.mentions}


def speaker_right(gold: dict[str, Any], quote: Quote, names: dict[str, str]) -> bool:
    found = words(quote.speaker.text if quote.speaker else None, names.get(quote.speaker_actor_id or ""))
    if not gold.get("speaker") and not gold.get("speaker_actor"):
        return quote.speaker is None
    return bool(found & words(gold.get("speaker"), gold.get("speaker_actor")))


def _outlet_right(gold: dict[str, Any], quote: Quote) -> bool:
    want, got = gold.get("via_outlet"), quote.via_outlet
    return (not want and not got) or bool(want and got and words(want) & words(got))


def pairs(article: Article, gold: Sequence[dict[str, Any]]) -> list[tuple[dict[str, Any], Quote | None]]:
    """Each gold quote with the found quote it meets (one to one), in text order."""
    quotes = sorted(article.quotes, key=lambda q: q.start)
    taken: set[str] = set()
    out: list[tuple[dict[str, Any], Quote | None]] = []
    at = 0
    for g in gold:
        where = locate(article.text, str(g["starts"]), at)
        hit = None
        if where is not None:
            at = where
            around = [q for q in quotes if q.id not in taken and q.start <= where < max(q.end, q.start + 1)]
            hit = max(around, key=lambda q: q.start, default=None)  # the one that begins nearest
        if hit:
            taken.add(hit.id)
        out.append((g, hit))
    return out


def judge(article: Article, gold: Sequence[dict[str, Any]]) -> Outcome:
    names = actor_names(article)
    met = [(g, q) for g, q in pairs(article, gold) if q is not None]
    relayed = [(g, q) for g, q in met if g.get("relayed_by")]
    return Outcome(
        gold=len(gold),
        found=len(article.quotes),
        met=len(met),
        right=sum(speaker_right(g, q, names) for g, q in met),
        relayed=len(relayed),
        chained=sum(q.parent_quote_id is not None for _, q in relayed),
        via_right=sum(_outlet_right(g, q) for g, q in met),
        anonymous_right=sum(bool(g.get("anonymous")) == q.anonymous for g, q in met),
    )


def _ratio(num: int, den: int) -> float:
    return round(num / den, 4) if den else 0.0


def metrics(outcomes: Sequence[Outcome]) -> dict[str, float | int]:
    gold, found, met, right = (
        sum(getattr(o, k) for o in outcomes) for k in ("gold", "found", "met", "right")
    )
    p, r = _ratio(right, found), _ratio(right, gold)
    return {
        "precision": p,
        "recall": r,
        "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
        "span_recall": _ratio(met, gold),
        "speaker_accuracy": _ratio(right, met),
        "chain_recall": _ratio(sum(o.chained for o in outcomes), sum(o.relayed for o in outcomes)),
        "via_outlet_acc": _ratio(sum(o.via_right for o in outcomes), met),
        "anonymous_acc": _ratio(sum(o.anonymous_right for o in outcomes), met),
        "gold_quotes": gold,
        "found_quotes": found,
    }


def score(
    gold: Path, split: Split = "all", corpus: Path | None = None, ctx: Context | None = None
) -> EvalResult:
    from sitrep.eval import SHARED

    articles = [a for a in read(gold, corpus or SHARED / "corpus" / "wikinews", split) if gold_quotes(a)]
    found = run(articles, ctx)
    outcomes = [judge(a, gold_quotes(g)) for g, a in zip(articles, found, strict=True)]
    rows = [
        {"article": g.path.stem, "gold": o.gold, "found": o.found, "met": o.met, "speaker_right": o.right}
        for g, o in zip(articles, outcomes, strict=True)
    ]
    return judged("quotes", gold, split, outcomes, metrics, rows, n=sum(o.gold for o in outcomes))
