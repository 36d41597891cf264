"""What a store holds, in a form two runs can be compared by: ids, and the groups linking made (which
events share an incident, which articles share a story, what reposts what), not the group ids."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import duckdb

CHUNK = 8
SITREP = str(Path(sys.executable).parent / "sitrep")


def _groups(rows: list[tuple[Any, Any]]) -> frozenset[frozenset[Any]]:
    groups: dict[Any, set[Any]] = defaultdict(set)
    for member, group in rows:
        if group is not None:
            groups[group].add(member)
    return frozenset(frozenset(g) for g in groups.values())


def snapshot(store: Path) -> dict[str, Any]:
    con = duckdb.connect(str(store), read_only=True)
    try:
        q = lambda sql: con.execute(sql).fetchall()  # noqa: E731
        return {
            "articles": sorted(r[0] for r in q("SELECT id FROM articles")),
            "events": sorted(r[0] for r in q("SELECT id FROM events")),
            "rejects": sorted(q("SELECT raw_ref, reason FROM rejects")),
            "incidents": _groups(q("SELECT id, incident_id FROM events")),
            "incident_rows": q("SELECT count(*) FROM incidents")[0][0],
            "stories": _groups(q("SELECT id, story_id FROM articles")),
            "reposts": sorted(q("SELECT id, repost_of FROM articles WHERE repost_of IS NOT NULL")),
        }
    finally:
        con.close()


def descendants(pid: int) -> set[int]:
    """Every process below ``pid`` (children, grandchildren: a forkserver's workers), from /proc."""
    parents: dict[int, list[int]] = defaultdict(list)
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        parents[ppid].append(int(entry))
    found, todo = set(), [pid]
    while todo:
        for child in parents.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def alive(pid: int) -> bool:
    """Running, and not a zombie waiting for its parent to reap it."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def store_state(store: Path) -> list[tuple[int, int] | None]:
    state: list[tuple[int, int] | None] = []
    for path in (store, Path(f"{store}.wal")):
        try:
            info = path.stat()
        except OSError:
            state.append(None)
            continue
        state.append((info.st_mtime_ns, info.st_size))
    return state


def _file_limit(limit: int) -> None:
    """In the child before exec: files may not grow past ``limit`` bytes, and a write past it fails
    with EFBIG instead of killing the process (SIGXFSZ ignored), as on a full disk."""
    import resource

    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)


def run(args: list[str], store: Path, kill_after_writes: int | None = None, expect: int = 0,
        file_limit: int | None = None) -> tuple[int, set[int], str, int]:  # fmt: skip
    """Run sitrep and return its exit code, every process it started, its stderr and how many times the
    store's files were seen to change. With ``kill_after_writes``, kill -9 it (its own process only, as a
    crash or the OOM killer would) once they have changed that many times: a point in the batch that does
    not depend on the machine's speed as a timer would (a 160-item batch in chunks of 8 changes them about
    80 times; a fast machine shows fewer, several changes landing between two looks)."""
    limit = (lambda: _file_limit(file_limit)) if file_limit else None
    proc = subprocess.Popen(
        [SITREP, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, preexec_fn=limit
    )
    tree: set[int] = set()
    seen, writes = store_state(store), 0
    deadline = time.monotonic() + 900
    while proc.poll() is None and time.monotonic() < deadline:
        tree |= descendants(proc.pid)
        now = store_state(store)
        writes += now != seen
        seen = now
        if kill_after_writes is not None and writes >= kill_after_writes:
            os.kill(proc.pid, signal.SIGKILL)
            break
        time.sleep(0.01)
    proc.wait()
    err = proc.stderr.read().decode() if proc.stderr else ""
    if proc.stderr:
        proc.stderr.close()
    if kill_after_writes is None:
        assert proc.returncode == expect, err[-2000:]
    else:
        assert proc.returncode == -signal.SIGKILL, f"ended before {kill_after_writes} writes: {err[-2000:]}"
    return proc.returncode, tree, err, writes


def left(pids: set[int], within: float = 15.0) -> set[int]:
    """Which of ``pids`` are still running after ``within`` seconds."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        left = {p for p in pids if alive(p)}
        if not left:
            return set()
        time.sleep(0.1)
    return {p for p in pids if alive(p)}


def args_for(store: Path, items: Path, workers: int) -> list[str]:
    return ["ingest", str(items), "--db", str(store), "-q", "--chunk", str(CHUNK), "--workers", str(workers)]
