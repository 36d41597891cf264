"""Start-up cost of the CLI: CPU and wall seconds of each command, median of 5, two trees side by side.

    python scripts/bench_startup.py --before /tmp/old-tree --before-db old.duckdb \
        --after . --after-db sitrep.duckdb

A tree is a folder holding ``sitrep/`` (``git archive REV sitrep | tar -x -C DIR``); the two sides run
interleaved, command by command, so a busy machine slows both alike. Prints a Markdown table
(docs/architecture.md).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import tempfile
import time

COMMANDS = (
    ["--help"], ["--version"], ["events", "--limit", "10", "--db", "DB"],
    ["incidents", "--limit", "10", "--db", "DB"], ["actors", "--limit", "10"],
    ["export", "events", "OUT", "--db", "DB"],
)  # fmt: skip


def once(tree: str, args: list[str]) -> tuple[float, float]:
    """(CPU seconds of the child, wall seconds) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([shutil.which("sitrep") or "sitrep", *args], env={**os.environ, "PYTHONPATH": tree},
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)  # fmt: skip
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", required=True)
    parser.add_argument("--before-db", required=True)
    parser.add_argument("--after", default=".")
    parser.add_argument("--after-db", required=True)
    parser.add_argument("--runs", type=int, default=5)
    opts = parser.parse_args()
    out = os.path.join(tempfile.mkdtemp(), "events.parquet")
    print("| command | CPU before | CPU after | wall before | wall after |\n|---|---|---|---|---|")
    for command in COMMANDS:
        cells = {}
        for side, tree, db in (("before", opts.before, opts.before_db), ("after", opts.after, opts.after_db)):
            args = [db if a == "DB" else out if a == "OUT" else a for a in command]
            runs = [once(os.path.abspath(tree), args) for _ in range(opts.runs)]
            cells[side] = (statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs))
        shown = " ".join(a for a in command if a not in ("--db", "DB", "OUT"))
        (cb, wb), (ca, wa) = cells["before"], cells["after"]
        print(f"| `sitrep {shown}` | {cb:.2f} s | {ca:.2f} s | {wb:.2f} s | {wa:.2f} s |")


if __name__ == "__main__":
    main()
