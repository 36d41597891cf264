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
from pathlib import Path

from sitrep.errors import UserError
from sitrep.eval.base import EvalResult, prf
from sitrep.linking.grouping import Doc, group_documents

_NAME = re.compile(r"^(\d+)_\d+(ecb|ecbplus)\.xml$")


def read_documents(gold: Path) -> tuple[list[Doc], list[str]]:
    """The documents' text (tokens joined by spaces) and each one's seminal event (topic + sub-corpus)."""
    docs, events = [], []
    for path in sorted(gold.glob("*/*.xml")):
        match = _NAME.match(path.name)
        if not match:
            continue
        root = ET.parse(path).getroot()
        text = " ".join(tok.text or "" for tok in root.iter("token"))
        docs.append(Doc(id=path.name, text=text))
        events.append(f"{match.group(1)}{match.group(2)}")
    if not docs:
        raise UserError(f"no ECB+ documents (N/N_Mecb.xml) under {gold}")
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
    from sitrep.linking import link
    from sitrep.records import Article
    from sitrep.store import db

    con = db.connect(":memory:")
    try:
        articles = [Article(id=f"ecb:{d.id}", text=d.text, source_ref=d.id) for d in docs]
        for start in range(0, len(articles), chunk):
            part = articles[start : start + chunk]
            db.write(con, part)
            link(con, [a.id for a in part])
        story = dict(con.execute("SELECT id, story_id FROM articles").fetchall())
    finally:
        con.close()
    return [story[a.id] for a in articles]


def score(gold: Path) -> EvalResult:
    docs, events = read_documents(gold)
    stored = store_grouping(docs)
    p, r, f = pairwise(stored, events)
    metrics: dict[str, float | int] = {
        "pairwise_precision": round(p, 4),
        "pairwise_recall": round(r, 4),
        "pairwise_f1": round(f, 4),
        "b3_f1": round(b_cubed(stored, events), 4),
    }
    rows = [
        {"mode": mode, "documents": len(docs), "seminal_events": len(set(events)), "groups": len(set(g)),
         "pairwise_f1": round(pairwise(g, events)[2], 4), "b3_f1": round(b_cubed(g, events), 4)}
        for mode, g in (("store (scored)", stored), ("documents", group_documents(docs)))
    ]  # fmt: skip
    return EvalResult("incidents", str(gold), len(docs), metrics, rows)
