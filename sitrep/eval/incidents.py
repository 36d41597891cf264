"""Score the story/incident grouping of documents on ECB+: pairwise and B³ against the seminal events.

ECB+ topic N holds two seminal events: the documents ``N_*ecb.xml`` and the documents ``N_*ecbplus.xml``.
All documents of the gold folder are grouped together (not topic by topic) and the groups are scored
against the seminal events. The scored grouping is what the store holds: the documents written to an
in-memory store and linked chunk by chunk as ``sitrep ingest`` does (threads, then each touched thread
regrouped, ``sitrep.linking.grouping.recheck``). The readable output also shows the document mode (the
same rule over the closed set at once, ``grouping.group_documents``). Nothing here reads the annotations
beyond the file names: the documents' words are all the grouping sees.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sitrep.errors import UserError
from sitrep.eval import incident_pairs
from sitrep.eval.base import EvalResult, judged, prf
from sitrep.eval.splits import Split, keep
from sitrep.linking.grouping import Doc, group_documents

_NAME = re.compile(r"^(\d+)_\d+(ecb|ecbplus)\.xml$")


def read_documents(gold: Path, split: Split = "all") -> tuple[list[Doc], list[str]]:
    """The documents' text (tokens joined by spaces) and each one's seminal event (topic + sub-corpus),
    of the topics in the split (a topic is one record: its number is the split key)."""
    docs, events = [], []
    for path in sorted(gold.glob("*/*.xml")):
        match = _NAME.match(path.name)
        if not match or not keep(match.group(1), split):
            continue
        root = ET.parse(path).getroot()
        text = " ".join(tok.text or "" for tok in root.iter("token"))
        docs.append(Doc(id=path.name, text=text))
        events.append(f"{match.group(1)}{match.group(2)}")
    if not docs:
        raise UserError(f"no ECB+ documents (N/N_Mecb.xml) under {gold} in the {split} split")
    return docs, events


def pairwise(found: Sequence[object], gold: Sequence[object]) -> tuple[float, float, float]:
    def pairs(counts: Counter[object]) -> int:
        return sum(n * (n - 1) // 2 for n in counts.values())

    both = pairs(Counter(zip(found, gold, strict=True)))
    return prf(both, pairs(Counter(found)) - both, pairs(Counter(gold)) - both)


def b_cubed(found: Sequence[object], gold: Sequence[object]) -> float:
    joint = Counter(zip(found, gold, strict=True))
    by_found, by_gold = Counter(found), Counter(gold)
    n = len(found)
    precision = sum(joint[(f, g)] / by_found[f] for f, g in zip(found, gold, strict=True)) / n
    recall = sum(joint[(f, g)] / by_gold[g] for f, g in zip(found, gold, strict=True)) / n
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def store_grouping(docs: Sequence[Doc], chunk: int = 32) -> list[str]:
    """The same documents written to a fresh store chunk by chunk and linked as the batch does: the
    story ids the product gives them (incremental, blocked)."""
    from sitrep.batch import save
    from sitrep.records import Article
    from sitrep.store import db

    con = db.connect(":memory:")
    try:
        articles = [Article(id=f"ecb:{d.id}", text=d.text, source_ref=d.id) for d in docs]
        for start in range(0, len(articles), chunk):
            save(con, articles[start : start + chunk])
        story = dict(con.execute("SELECT id, story_id FROM articles").fetchall())
    finally:
        con.close()
    return [story[a.id] for a in articles]


@dataclass(frozen=True, slots=True)
class Outcome:
    """One topic judged within the grouping of all documents: its pair counts (a found pair that joins
    it to another topic counts half here, half there) and each of its documents' B³ precision and
    recall; sums over any set of topics give the pairwise and B³ scores of that set."""

    both: int
    found: float
    gold: int
    b3: tuple[tuple[float, float], ...]


def judge(found: Sequence[object], gold: Sequence[str], topics: Sequence[str]) -> list[Outcome]:
    joint = Counter(zip(found, gold, strict=True))
    by_found, by_gold = Counter(found), Counter(gold)
    in_topic = Counter(zip(found, topics, strict=True))
    topic_of = dict(zip(gold, topics, strict=True))  # a seminal event lies in one topic
    out = []
    for topic in sorted(set(topics), key=lambda t: (len(t), t)):
        mine = [i for i, t in enumerate(topics) if t == topic]
        both = sum(n * (n - 1) // 2 for (_, g), n in joint.items() if topic_of[g] == topic)
        gold_pairs = sum(n * (n - 1) // 2 for g, n in by_gold.items() if topic_of[g] == topic)
        groups = {found[i] for i in mine}
        inside = sum(n * (n - 1) // 2 for (f, t), n in in_topic.items() if t == topic)
        across = sum(in_topic[(f, topic)] * (by_found[f] - in_topic[(f, topic)]) for f in groups)
        b3 = tuple(
            (joint[(found[i], gold[i])] / by_found[found[i]], joint[(found[i], gold[i])] / by_gold[gold[i]])
            for i in mine
        )
        out.append(Outcome(both, inside + across / 2, gold_pairs, b3))
    return out


def metrics(outcomes: Sequence[Outcome]) -> dict[str, float | int]:
    both = sum(o.both for o in outcomes)
    found, gold = sum(o.found for o in outcomes), sum(o.gold for o in outcomes)
    p = both / found if found else 0.0
    r = both / gold if gold else 0.0
    docs = [d for o in outcomes for d in o.b3]
    bp, br = (sum(d[k] for d in docs) / max(1, len(docs)) for k in (0, 1))
    return {
        "pairwise_precision": round(p, 4),
        "pairwise_recall": round(r, 4),
        "pairwise_f1": round(2 * p * r / (p + r) if p + r else 0.0, 4),
        "b3_f1": round(2 * bp * br / (bp + br) if bp + br else 0.0, 4),
    }


def score(gold: Path, split: Split = "all") -> EvalResult:
    """ECB+ documents, or our own article-pair gold when ``gold`` is ``gold/incidents`` (its pairs.yaml)."""
    if incident_pairs.is_pair_gold(gold):
        return incident_pairs.score(gold, split)
    docs, events = read_documents(gold, split)
    stored = store_grouping(docs)
    topics = [d.id.split("_")[0] for d in docs]
    rows = [
        {"mode": mode, "documents": len(docs), "seminal_events": len(set(events)), "groups": len(set(g)),
         "pairwise_f1": round(pairwise(g, events)[2], 4), "b3_f1": round(b_cubed(g, events), 4)}
        for mode, g in (("store (scored)", stored), ("documents", group_documents(docs)))
    ]  # fmt: skip
    return judged("incidents", gold, split, judge(stored, events, topics), metrics, rows, n=len(docs))
