"""`make eval`: every scorer on its gold set, one table appended to docs/benchmarks.md.

Each scorer runs in its own process through the public command (`sitrep eval NAME --split S --json`),
exactly as a user or another tool would call it, so the figures here are the contract's figures, each with
its 95 % bootstrap interval over records. ``--split test`` scores the frozen held-out records (the seed has
no split and is left out then); read those figures to judge a finished change, never to find what to change.

Usage: python scripts/eval_all.py [--split dev|test|all] [NAME ...]
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import time
from datetime import UTC, datetime

import benchdoc

NAMES = ("seed", "extraction", "events", "places", "time", "incidents", "wikinews", "quotes")


def run(name: str, split: str) -> tuple[dict[str, object] | None, float, str]:
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "sitrep.cli", "eval", name, "--split", split, "--json"],
        capture_output=True,
        text=True,
    )
    wall = time.perf_counter() - started
    if result.returncode != 0:
        return None, wall, result.stderr.strip().splitlines()[-1] if result.stderr.strip() else "failed"
    return json.loads(result.stdout), wall, ""


def fmt(value: object) -> str:
    return f"{value:.4f}" if isinstance(value, float) else str(value)


def shown(result: dict[str, object]) -> str:
    metrics, ci95 = result["metrics"], result.get("ci95") or {}
    assert isinstance(metrics, dict) and isinstance(ci95, dict)
    return ", ".join(
        f"`{k}` {fmt(v)}" + (f" [{fmt(ci95[k][0])}–{fmt(ci95[k][1])}]" if k in ci95 else "")
        for k, v in metrics.items()
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "test", "all"), default="all")
    parser.add_argument("names", nargs="*", metavar="NAME", help=f"gold sets (default: all of {NAMES})")
    args = parser.parse_args()
    names = args.names or [n for n in NAMES if args.split == "all" or n != "seed"]
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        f"\n### Accuracy, {args.split} split, {when}\n",
        f"Command: `{' '.join(['python scripts/eval_all.py', *sys.argv[1:]])}` (each set through "
        f"`sitrep eval NAME --split {args.split} --json` on its default gold path; [low–high] is the 95 % "
        f"bootstrap interval over records); Python {platform.python_version()}.\n",
        "| gold set | n | records | metrics | seconds |",
        "|---|---|---|---|---|",
    ]
    for name in names:
        result, wall, error = run(name, args.split)
        if result is None:
            lines.append(f"| {name} | – | – | error: {error} | {wall:.0f} |")
            print(f"{name}: error: {error}", flush=True)
            continue
        lines.append(
            f"| {name} | {result['n']} | {result.get('records', '–')} | {shown(result)} | {wall:.0f} |"
        )
        print(f"{name}: {shown(result)}", flush=True)
    benchdoc.append(lines)


if __name__ == "__main__":
    main()
