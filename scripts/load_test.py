"""A bounded load run of `sitrep serve` on 127.0.0.1: requests/s and latency per endpoint, 0 errors.

    python scripts/load_test.py --db sitrep.duckdb [--requests 300] [--concurrency 4] [--out docs/benchmarks-web.md]

It starts a real `sitrep serve` subprocess on a free loopback port, sends a fixed number of requests to
each main endpoint from a few client threads, and writes a Markdown table with the command and the date.
It exits non-zero if any request failed.
"""

from __future__ import annotations

import argparse
import os
import platform
import socket
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import httpx


@dataclass
class Result:
    path: str
    n: int
    errors: int
    seconds: float
    latencies: list[float]

    def row(self) -> str:
        ms = sorted(x * 1000 for x in self.latencies)
        p99 = ms[min(len(ms) - 1, int(len(ms) * 0.99))]
        return (f"| `{self.path}` | {self.n} | {self.errors} | {self.n / self.seconds:.0f} | "
                f"{statistics.median(ms):.1f} | {p99:.1f} |")  # fmt: skip


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start(db: str, port: int) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-c", "from sitrep.cli.main import main; main()", "serve", "--db", db,
           "--host", "127.0.0.1", "--port", str(port)]  # fmt: skip
    env = {k: v for k, v in os.environ.items() if k != "SITREP_TOKEN"}  # read-only, whatever the shell has
    proc = subprocess.Popen(cmd, env=env)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            httpx.get(f"http://127.0.0.1:{port}/api/status", timeout=1).raise_for_status()
            return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("sitrep serve did not start")


def hammer(base: str, path: str, n: int, concurrency: int) -> Result:
    def worker(count: int) -> tuple[int, list[float]]:
        errors, lat = 0, []
        with httpx.Client(base_url=base, timeout=30) as client:
            for _ in range(count):
                t = time.perf_counter()
                try:
                    ok = client.get(path).status_code == 200
                except httpx.HTTPError:
                    ok = False
                lat.append(time.perf_counter() - t)
                errors += not ok
        return errors, lat

    shares = [n // concurrency + (i < n % concurrency) for i in range(concurrency)]
    start_time = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        parts = list(pool.map(worker, shares))
    seconds = time.perf_counter() - start_time
    return Result(path, n, sum(e for e, _ in parts), seconds, [x for _, lat in parts for x in lat])


def endpoints(base: str) -> list[str]:
    """The page's own requests, plus one article and one incident picked from the store."""
    paths = ["/api/status", "/api/stats", "/api/events?limit=1000", "/api/incidents?limit=100",
             "/api/articles?limit=50", "/api/actors", "/api/places", "/api/quotes", "/"]  # fmt: skip
    stats = httpx.get(f"{base}/api/stats").json()
    if stats["by_type"] and stats["by_type"][0]["type"]:
        paths.insert(3, f"/api/events?type={stats['by_type'][0]['type']}&limit=100")
    article = httpx.get(f"{base}/api/articles", params={"limit": 1}).json()["items"]
    if article:
        paths.append(f"/api/articles/{article[0]['id']}")
    incident = httpx.get(f"{base}/api/incidents", params={"limit": 1}).json()["items"]
    if incident:
        paths.append(f"/api/incidents/{incident[0]['id']}")
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="The store to serve (DuckDB file).")
    parser.add_argument("--requests", type=int, default=300, help="Requests per endpoint.")
    parser.add_argument("--concurrency", type=int, default=4, help="Client threads.")
    parser.add_argument("--out", default="docs/benchmarks-web.md", help="Markdown file to write.")
    args = parser.parse_args()
    if not Path(args.db).is_file():
        raise SystemExit(f"no store at {args.db}")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    proc = start(args.db, port)
    load_before = os.getloadavg()[0]
    try:
        totals = httpx.get(f"{base}/api/stats").json()["totals"]
        paths = endpoints(base)
        hammer(base, "/api/stats", 20, args.concurrency)  # warm up
        results = [hammer(base, p, args.requests, args.concurrency) for p in paths]
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    command = f"python scripts/load_test.py --db {args.db} --requests {args.requests} --concurrency {args.concurrency}"
    lines = [
        "# sitrep serve — load run",
        "",
        f"Date: {datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')}. Command: `{command}`.",
        f"Machine: {os.cpu_count()} cores ({platform.machine()}), shared with other work; client and server on "
        f"the same machine over 127.0.0.1. One `sitrep serve` process (uvicorn, one worker) over a DuckDB store "
        f"of {totals['articles']} articles and {totals['events']} events (one read-only connection kept while "
        f"no writer waits). {args.concurrency} client threads, {args.requests} requests per endpoint. "
        f"Load average (1 min) {load_before:.1f} before the run and {os.getloadavg()[0]:.1f} after it: other "
        "processes were using the cores, so these are floors, not the server's capacity.",
        "",
        "| endpoint | requests | errors | requests/s | p50 ms | p99 ms |",
        "|---|---:|---:|---:|---:|---:|",
        *[r.row() for r in results],
        "",
    ]
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    errors = sum(r.errors for r in results)
    if errors:
        raise SystemExit(f"{errors} requests failed")


if __name__ == "__main__":
    main()
