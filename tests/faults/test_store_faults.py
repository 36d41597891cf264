"""The store under faults: a full disk and a store held by another writer end with a one-line error, the
rows of whole chunks only, no process left, and (for the disk) an exact resume once there is room."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from tests.faults.harness import CHUNK, args_for, left, run, snapshot

DISK = "5m"  # the whole run's store is about 12 MB: the disk fills a few chunks in


@contextmanager
def _tmpfs(folder: Path) -> Iterator[bool]:
    """A small tmpfs at ``folder`` when this process may mount one (root); False when it may not."""
    folder.mkdir()
    mounted = os.geteuid() == 0 and subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={DISK}", "tmpfs", str(folder)], capture_output=True
    ).returncode == 0  # fmt: skip
    try:
        yield mounted
    finally:
        if mounted:
            subprocess.run(["umount", "-l", str(folder)], check=False)


@pytest.mark.slow
@pytest.mark.parametrize("workers", [0, 2])
def test_full_disk_is_a_clear_error_then_resumes_exactly(
    items: Path, clean: dict[str, Any], tmp_path: Path, workers: int
) -> None:
    with _tmpfs(tmp_path / "disk") as mounted:
        store = tmp_path / "disk" / "s.duckdb"
        limit = None if mounted else 1 << 20  # no mount allowed: ulimit -f (5 MB would fit: DuckDB keeps
        # what its file cannot take in the WAL and reports no error, so the limit must catch the WAL too)
        _, tree, err, _ = run(args_for(store, items, workers), store, expect=4, file_limit=limit)
        assert "could not be written" in err and "Traceback" not in err, err[-2000:]
        assert not left(tree), "processes outlived sitrep after the disk filled"
        stored = snapshot(store)
        assert 0 < len(stored["articles"]) < len(clean["articles"])
        assert len(stored["articles"]) % CHUNK == 0  # whole chunks, linked: nothing half-written
        if mounted:
            subprocess.run(["mount", "-o", "remount,size=256m", str(tmp_path / "disk")], check=True)
        run(args_for(store, items, workers), store)
        assert snapshot(store) == clean


HOLD = {
    "sitrep-lock": "import fcntl, os, sys, time\n"
    "fd = os.open(sys.argv[1] + '.lock', os.O_CREAT | os.O_RDWR)\n"
    "fcntl.flock(fd, fcntl.LOCK_EX)\nprint('held', flush=True)\ntime.sleep(600)\n",
    "duckdb-writer": "import duckdb, sys, time\n"
    "con = duckdb.connect(sys.argv[1])\nprint('held', flush=True)\ntime.sleep(600)\n",
}


@pytest.mark.slow
@pytest.mark.parametrize("holder", sorted(HOLD))
def test_store_held_by_another_writer_changes_nothing(items: Path, tmp_path: Path, holder: str) -> None:
    first = tmp_path / "first.jsonl"
    first.write_text("".join(items.read_text().splitlines(keepends=True)[:CHUNK]))
    store = tmp_path / "s.duckdb"
    run(args_for(store, first, 0), store)
    before = snapshot(store)
    hold = subprocess.Popen(
        [sys.executable, "-c", HOLD[holder], str(store)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert hold.stdout is not None and hold.stdout.readline().strip() == "held"
        _, tree, err, _ = run([*args_for(store, items, 2), "--wait", "1"], store, expect=3)
    finally:
        os.kill(hold.pid, signal.SIGKILL)
        hold.wait()
    assert "another sitrep process is writing" in err or "in use by another process" in err, err[-2000:]
    assert "Traceback" not in err
    assert not left(tree)
    assert snapshot(store) == before
