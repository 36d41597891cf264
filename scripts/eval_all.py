"""`make eval`: every scorer on its shared gold set, one table appended to docs/benchmarks.md.

Each scorer runs in its own process through the public command (`sitrep eval NAME --json`), exactly as a
user or another tool would call it, so the figures here are the contract's figures.

Usage: python scripts/eval_all.py [NAME ...]
"""

from __future__ import annotations

import json
import platform
import subprocess
import sys
import time
from datetime import UTC, datetime

import benchdoc

NAMES = ("seed", "extraction", "events", "places", "time", "incidents")


def run(name: str) -> tuple[dict[str, object] | None, float, str]:
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "sitrep.cli", "eval", name, "--json"], capture_output=True, text=True
    )
    wall = time.perf_counter() - started
    if result.returncode != 0:
        return None, wall, result.stderr.strip().splitlines()[-1] if result.stderr.strip() else "failed"
    return json.loads(result.stdout), wall, ""


def fmt(value: object) -> str:
    return f"{value:.4f}" if isinstance(value, float) else str(value)


def main() -> None:
    names = sys.argv[1:] or list(NAMES)
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        f"\n### Accuracy, {when}\n",
        f"Command: `make eval` (`{' '.join(['python scripts/eval_all.py', *sys.argv[1:]])}`: each set through "
        f"`sitrep eval NAME --json` on its default gold path); Python {platform.python_version()}.\n",
        "| gold set | n | metrics | seconds |",
        "|---|---|---|---|",
    ]
    for name in names:
        result, wall, error = run(name)
        if result is None:
            lines.append(f"| {name} | – | error: {error} | {wall:.0f} |")
            print(f"{name}: error: {error}", flush=True)
            continue
        metrics = result["metrics"]
        assert isinstance(metrics, dict)
        shown = ", ".join(f"`{k}` {fmt(v)}" for k, v in metrics.items())
        lines.append(f"| {name} | {result['n']} | {shown} | {wall:.0f} |")
        print(f"{name}: {shown}", flush=True)
    benchdoc.append(lines)


if __name__ == "__main__":
    main()
