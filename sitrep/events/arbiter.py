"""A learned second opinion on a sentence's PLOVER type, for where the lexicon's rules cannot decide.

TF-IDF over the sentence's lower-cased words and word pairs, then a multinomial logistic regression: a
linear model whose vocabulary, idf and coefficients ship as plain arrays (sitrep/data/events/arbiter.npz,
made by scripts/train_arbiter.py from data outside every gold set: see that folder's NOTICE), so the line
needs numpy alone to use it. The features are computed here for training and use alike, so they cannot
drift apart.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from sitrep.context import Context
from sitrep.events.lexicon import Entry
from sitrep.events.triggers import Candidate
from sitrep.records import FACTUAL, Event

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

WEIGHTS = Path(__file__).resolve().parents[1] / "data" / "events" / "arbiter.npz"
_WORD = re.compile(r"[^\W\d_]{2,}|\d+")  # letters (two or more) or a number: "50,000" gives "50", "000"


def terms(text: str) -> list[str]:
    """The words of a sentence and each pair of neighbouring words ("opened fire", "fire on")."""
    words = _WORD.findall(text.lower())
    return words + [f"{a} {b}" for a, b in itertools.pairwise(words)]


@dataclass(frozen=True)
class Arbiter:
    """A fitted model: ``coef`` is types × vocabulary; ``settle`` is the probability its choice needs to
    settle disagreeing news, ``supply`` the probability it needs to name an event the lexicon missed
    (both tuned on the PLOVER gold's dev split and recorded with the weights)."""

    types: tuple[str, ...]
    vocabulary: dict[str, int]
    idf: np.ndarray
    coef: np.ndarray
    intercept: np.ndarray
    settle: float
    supply: float

    def vector(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """Column indices and L2-normalised TF-IDF weights of the terms the model knows."""
        counts: dict[int, int] = {}
        for term in terms(text):
            j = self.vocabulary.get(term)
            if j is not None:
                counts[j] = counts.get(j, 0) + 1
        cols = np.fromiter(counts, dtype=np.int64, count=len(counts))
        vals = (1.0 + np.log(np.fromiter(counts.values(), dtype=np.float64, count=len(counts)))) * self.idf[
            cols
        ]
        norm = float(np.linalg.norm(vals))
        return cols, (vals / norm if norm else vals)

    def probabilities(self, text: str) -> dict[str, float]:
        """Each type's probability for the sentence (they sum to 1)."""
        cols, vals = self.vector(text)
        logits = self.coef[:, cols] @ vals + self.intercept
        p = np.exp(logits - logits.max())
        p /= p.sum()
        return dict(zip(self.types, (float(x) for x in p), strict=True))

    def best(self, text: str, among: Iterable[str] | None = None) -> tuple[str, float]:
        """The most probable type, among the given ones if any, and its probability."""
        probs = self.probabilities(text)
        pool = [t for t in among if t in probs] if among is not None else list(probs)
        top = max(pool or list(probs), key=probs.__getitem__)
        return top, probs[top]

    def save(self, path: Path) -> None:
        words = sorted(self.vocabulary, key=self.vocabulary.__getitem__)
        np.savez_compressed(
            path,
            types=np.array(self.types),
            vocabulary=np.array(words),
            idf=self.idf.astype(np.float32),
            coef=self.coef.astype(np.float32),
            intercept=self.intercept.astype(np.float32),
            settle=np.array(self.settle),
            supply=np.array(self.supply),
        )

    @classmethod
    def load(cls, path: Path = WEIGHTS) -> Arbiter:
        with np.load(path, allow_pickle=False) as z:
            return cls(
                types=tuple(str(t) for t in z["types"]),
                vocabulary={str(w): i for i, w in enumerate(z["vocabulary"])},
                idf=z["idf"].astype(np.float64),
                coef=z["coef"].astype(np.float64),
                intercept=z["intercept"].astype(np.float64),
                settle=float(z["settle"]),
                supply=float(z["supply"]),
            )


def arbiter(ctx: Context) -> Arbiter:
    """The shipped model, loaded once per process."""
    return ctx.resource("events.arbiter", Arbiter.load)


def supply(cands: list[Candidate], doc: Doc, model: Arbiter) -> list[Candidate]:
    """A sentence where the lexicon found no trigger gets one from the arbiter on its main verb, of the type
    the arbiter gives when it is sure enough; modality, actors, place and date then come from the rules as
    for any trigger."""
    taken = {c.token.sent.start for c in cands}
    extra = [
        c for sent in doc.sents if sent.start not in taken and (c := _unmatched(sent, model)) is not None
    ]
    return [*cands, *extra]


def settle(events: tuple[Event, ...], doc: Doc, model: Arbiter) -> tuple[Event, ...]:
    """Where the factual news of one sentence disagrees on type, the arbiter's choice among those types
    stays the news and the others are named in passing (salience background), when it is sure enough."""
    news = [e for e in events if e.modality in FACTUAL and e.salience == "main"]
    demoted: set[str] = set()
    for sent in doc.sents:
        own = [e for e in news if sent.start_char <= e.trigger.start < sent.end_char]
        types = {e.plover_type for e in own}
        if len(types) < 2:
            continue
        choice, p = model.best(sent.text, types)
        if p >= model.settle:
            demoted |= {e.id for e in own if e.plover_type != choice}
    return tuple(dataclasses.replace(e, salience="background") if e.id in demoted else e for e in events)


def _unmatched(sent: Span, model: Arbiter) -> Candidate | None:
    """A trigger on the sentence's main verb (on the verb of what is reported, for "X said that ..."),
    which must have a subject: the arbiter names the type, never the words."""
    verb = _main_verb(sent.root)
    if verb is None:
        return None
    choice, p = model.best(sent.text)
    if p < model.supply:
        return None
    return Candidate(verb, Entry(choice, None, None, pos="V", conf=round(p, 3), rule=f"arbiter:{choice}"))


def _main_verb(root: Token) -> Token | None:
    said = next((c for c in root.children if c.dep_ == "ccomp" and c.pos_ == "VERB"), None)
    verb = said if said is not None else root
    if verb.pos_ != "VERB" or verb.lemma_ in ("be", "have"):
        return None
    return verb if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) else None
