"""Time the events stage alone against the spaCy parse it reads: ``python scripts/bench_events.py CSV [N]``.

Parses N articles of a CSV (columns text, date) once, runs the earlier stages, then times only
``sitrep.stages.events.run`` over the same parses, and prints ms per article and the share of the parse
time it adds.
"""

from __future__ import annotations

import csv
import sys
import time

from sitrep.context import Context
from sitrep.pipeline import ANALYSIS
from sitrep.records import Source
from sitrep.stages import clean, events, language


def main(path: str, n: int) -> None:
    csv.field_size_limit(1 << 26)
    with open(path, encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r.get("text")][:n]
    ctx = Context()
    articles = [
        clean.run(Source(ref=str(i), text=r["text"], published=r.get("date") or None), ctx)
        for i, r in enumerate(rows)
    ]
    language.nlp(ctx)
    t0 = time.perf_counter()
    parsed = list(language.parse(articles, ctx))
    parse_s = time.perf_counter() - t0
    ready = []
    for article, doc in parsed:
        if doc is None:
            continue
        for stage in ANALYSIS:
            if stage.NAME == "events":
                break
            article = article.with_(**{stage.ADDS: stage.run(article, doc, ctx)})
        ready.append((article, doc))
    events.run(*ready[0], ctx)  # load the lexicon once, outside the timing
    t0 = time.perf_counter()
    found = sum(len(events.run(a, d, ctx)) for a, d in ready)
    events_s = time.perf_counter() - t0
    words = sum(len(d) for _, d in ready)
    print(f"articles {len(ready)}, tokens {words}, events {found}")
    print(f"spaCy parse: {1000 * parse_s / len(ready):.1f} ms/article")
    print(
        f"events stage: {1000 * events_s / len(ready):.2f} ms/article ({100 * events_s / parse_s:.1f}% of parse time)"
    )


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 100)
