"""Speed and memory of the places gazetteer and stage; figures go to docs/benchmarks-places.md.

    /tmp/venv/bin/python scripts/bench_gazetteer.py

Lookups are of distinct names (no cache hits); the stage is timed on an already-parsed seed article.
Times are CPU time of this process (the machine is shared; wall time varies with the load).
"""

from __future__ import annotations

import random
import resource
import time
from pathlib import Path

SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seed" / "seed-article.txt"


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as handle:
        line = next(x for x in handle if x.startswith("VmRSS"))
    return int(line.split()[1]) / 1024


def main() -> None:
    import numpy  # noqa: F401 - counted before the index, as every sitrep process imports it anyway

    from sitrep.gazetteer import Gazetteer

    before = rss_mb()
    start = time.process_time()
    gaz = Gazetteer()
    print(f"load: {time.process_time() - start:.2f} s, +{rss_mb() - before:.0f} MB RSS ({len(gaz)} places)")
    rng = random.Random(0)
    names = list({gaz.name(rng.randrange(len(gaz))) for _ in range(60_000)})[:50_000]
    names += [n + "x" for n in names[:10_000]]  # misses cost a search too
    start = time.process_time()
    for name in names:
        gaz.lookup(name)
    elapsed = time.process_time() - start
    print(f"lookups: {len(names) / elapsed:,.0f} per s ({len(names)} distinct names)")
    print(f"after lookups: +{rss_mb() - before:.0f} MB RSS")
    if SEED.exists():
        from sitrep.context import Context
        from sitrep.stages.language import nlp
        from sitrep.stages.places import mentions

        ctx = Context()
        text = SEED.read_text(encoding="utf-8")
        doc = nlp(ctx)(text)
        mentions(doc, text, gaz)
        runs = 200
        start = time.process_time()
        for _ in range(runs):
            mentions(doc, text, gaz)
        per = (time.process_time() - start) / runs * 1000
        print(f"places stage on the parsed seed ({len(doc)} tokens): {per:.2f} ms per article")
    print(f"peak RSS of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
