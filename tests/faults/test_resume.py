"""A batch killed at any moment and run again ends with exactly the rows of an uninterrupted run —
incidents and stories included — and leaves no process behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from sitrep.context import Context
from tests.faults import corpus
from tests.faults.rows import alive, descendants, snapshot

CHUNK = 8
SITREP = str(Path(sys.executable).parent / "sitrep")


@pytest.fixture(scope="module")
def items(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return corpus.build(tmp_path_factory.mktemp("faults"), n=160)


@pytest.fixture(scope="module")
def clean(items: Path, ctx: Context) -> dict[str, Any]:
    from sitrep.batch import ingest

    store = items.parent / "clean.duckdb"
    ingest([str(items)], store=store, ctx=ctx, chunk=CHUNK)
    return snapshot(store)


def test_resume_after_a_crash_between_write_and_link_is_exact(
    items: Path, ctx: Context, clean: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The write and the linking of a chunk are one transaction: a crash in between stores neither."""
    import sitrep.linking
    from sitrep.batch import ingest

    calls = {"n": 0}
    real = sitrep.linking.link

    def crashing(con: Any, ids: Any) -> Any:
        calls["n"] += 1
        if calls["n"] == 5:
            raise KeyboardInterrupt  # as kill would: after the chunk's write, before its links
        return real(con, ids)

    store = tmp_path / "s.duckdb"
    monkeypatch.setattr(sitrep.linking, "link", crashing)
    with pytest.raises(KeyboardInterrupt):
        ingest([str(items)], store=store, ctx=ctx, chunk=CHUNK)
    assert len(snapshot(store)["articles"]) == 4 * CHUNK  # four whole chunks, nothing of the fifth
    monkeypatch.setattr(sitrep.linking, "link", real)
    ingest([str(items)], store=store, ctx=ctx, chunk=CHUNK)
    assert snapshot(store) == clean


def _run(args: list[str], kill_after: float | None = None) -> tuple[int, set[int]]:
    """Run sitrep and return its exit code and every process it started; with ``kill_after``, kill -9
    it then (its own process only, as a crash or the OOM killer would)."""
    proc = subprocess.Popen([SITREP, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + (kill_after if kill_after is not None else 900)
    tree: set[int] = set()
    while time.monotonic() < deadline and proc.poll() is None:
        tree |= descendants(proc.pid)
        time.sleep(0.05)
    if kill_after is not None:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    if kill_after is None:
        assert proc.returncode == 0, proc.stderr.read().decode()[-2000:] if proc.stderr else ""
    if proc.stderr:
        proc.stderr.close()
    return proc.returncode, tree


def _left(pids: set[int], within: float = 15.0) -> set[int]:
    """Which of ``pids`` are still running after ``within`` seconds."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        left = {p for p in pids if alive(p)}
        if not left:
            return set()
        time.sleep(0.1)
    return {p for p in pids if alive(p)}


def _args(store: Path, items: Path, workers: int) -> list[str]:
    return ["ingest", str(items), "--db", str(store), "-q", "--chunk", str(CHUNK), "--workers", str(workers)]


@pytest.fixture(scope="module")
def whole(items: Path, clean: dict[str, Any], tmp_path_factory: pytest.TempPathFactory) -> dict[int, float]:
    """Seconds an uninterrupted CLI run takes per worker setting; each ends with the clean rows and
    leaves no process behind."""
    took = {}
    for workers in (0, 2):
        store = tmp_path_factory.mktemp("whole") / "s.duckdb"
        started = time.monotonic()
        _, tree = _run(_args(store, items, workers))
        took[workers] = time.monotonic() - started
        assert not _left(tree), f"processes outlived sitrep --workers {workers}"
        assert snapshot(store) == clean
    return took


@pytest.mark.slow
@pytest.mark.parametrize("workers", [0, 2])
@pytest.mark.parametrize("fraction", [0.3, 0.6, 0.9])
def test_kill9_then_resume_is_exact_and_leaves_no_process(
    items: Path, clean: dict[str, Any], whole: dict[int, float], tmp_path: Path, workers: int, fraction: float
) -> None:
    store = tmp_path / "s.duckdb"
    code, tree = _run(_args(store, items, workers), kill_after=whole[workers] * fraction)
    assert code == -signal.SIGKILL
    assert not _left(tree), "processes outlived a killed sitrep"
    _, tree = _run(_args(store, items, workers))
    assert not _left(tree)
    assert snapshot(store) == clean
