"""`make bench-spark`: articles per second of `sitrep spark` at local[1] and local[2], against the local line.

The corpus is `make bench`'s (scripts/bench.py: Wikinews + seed, repeated with a copy marker so every
copy is a distinct article; 10 copies ≈ 3,000 articles), written once as JSONL. Then, each as its own
process: `sitrep ingest --workers 2` into a fresh store, and `sitrep spark` at local[1] and local[2] with
the same number of partitions. Spark's figures are given twice: the whole command (JVM start included)
and the job alone (as `sitrep spark` reports it). Rows are appended to docs/benchmarks-spark.md.

Usage: python scripts/bench_spark.py [--repeat N] [--limit N] [--partitions N]
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import benchdoc
from bench import corpus  # the same corpus as `make bench`

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "benchmarks-spark.md"
_JOB_SECONDS = re.compile(r" in ([0-9.]+) s \(")


def timed(cmd: list[str]) -> tuple[float, str]:
    start = time.perf_counter()
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"bench-spark: {' '.join(cmd)} failed:\n" + "\n".join(out.stderr.splitlines()[-15:]))
    return time.perf_counter() - start, out.stdout


def sample(path: Path, repeat: int, limit: int | None) -> int:
    n = corpus(repeat, path)
    if limit is None or limit >= n:
        return n
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)[:limit]
    path.write_text("".join(lines), encoding="utf-8")
    return len(lines)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=int(os.environ.get("BENCH_REPEAT", "10")))
    parser.add_argument("--limit", type=int, default=None, help="keep only the first N articles")
    parser.add_argument("--partitions", type=int, default=8)
    args = parser.parse_args()
    sitrep = str(Path(sys.executable).with_name("sitrep"))
    rows: list[tuple[str, int, float, float | None]] = []
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "corpus.jsonl"
        n = sample(data, args.repeat, args.limit)
        wall, _ = timed(
            [sitrep, "ingest", str(data), "--db", f"{tmp}/local.duckdb", "--quiet", "--workers", "2"]
        )
        rows.append(("sitrep ingest --workers 2", n, wall, None))
        print(f"local line, 2 workers: {n / wall:.2f} articles/s", flush=True)
        for cores in (1, 2):
            cmd = [sitrep, "spark", str(data), f"{tmp}/out{cores}", "--master", f"local[{cores}]",
                   "--partitions", str(args.partitions)]  # fmt: skip
            wall, out = timed(cmd)
            match = _JOB_SECONDS.search(out)
            job = float(match.group(1)) if match else None
            rows.append((f"sitrep spark --master local[{cores}]", n, wall, job))
            print(f"spark local[{cores}]: {n / wall:.2f} articles/s ({out.strip()})", flush=True)
    write(rows, args)


def write(rows: list[tuple[str, int, float, float | None]], args: argparse.Namespace) -> None:
    local = rows[0][1] / rows[0][2]
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    machine = f"{os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}"
    limit = f" --limit {args.limit}" if args.limit else ""
    lines = [
        f"\n### Spark throughput, {when}\n",
        f"Command: `make bench-spark` (`python scripts/bench_spark.py --repeat {args.repeat}{limit} "
        f"--partitions {args.partitions}`); machine: {machine} (load average {os.getloadavg()[0]:.1f} at the end); "
        f"Wikinews + seed repeated {args.repeat}×.\n",
        "| run | articles | seconds (command) | articles/s (command) | seconds (job) | articles/s (job) "
        "| ratio to local line, 2 workers (command) |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, n, wall, job in rows:
        job_cols = f"{job:.1f} | {n / job:.2f}" if job else "– | –"
        lines.append(f"| {name} | {n} | {wall:.1f} | {n / wall:.2f} | {job_cols} | {n / wall / local:.2f} |")
    one, two = rows[1], rows[2]
    speedup = (one[2] / two[2], (one[3] / two[3]) if one[3] and two[3] else None)
    job_speedup = f", {speedup[1]:.2f}× for the job alone" if speedup[1] else ""
    lines.append(
        f"\nlocal[2] / local[1]: {speedup[0]:.2f}× for the whole command{job_speedup} (goal ≥ 1.8×)."
    )
    benchdoc.append(lines, DOC, title="Benchmarks: Spark")


if __name__ == "__main__":
    main()
