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


def _store_state(store: Path) -> list[tuple[int, int] | None]:
    state: list[tuple[int, int] | None] = []
    for path in (store, Path(f"{store}.wal")):
        try:
            info = path.stat()
        except OSError:
            state.append(None)
            continue
        state.append((info.st_mtime_ns, info.st_size))
    return state


def _run(args: list[str], store: Path, kill_after_writes: int | None = None) -> tuple[int, set[int]]:
    """Run sitrep and return its exit code and every process it started. With ``kill_after_writes``,
    kill -9 it (its own process only, as a crash or the OOM killer would) once the store's files have
    changed that many times: a point in the batch that does not depend on the machine's speed (a
    160-item batch in chunks of 8 changes them about 80 times)."""
    proc = subprocess.Popen([SITREP, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    tree: set[int] = set()
    seen, writes = _store_state(store), 0
    deadline = time.monotonic() + 900
    while proc.poll() is None and time.monotonic() < deadline:
        tree |= descendants(proc.pid)
        now = _store_state(store)
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
        assert proc.returncode == 0, err[-2000:]
    else:
        assert proc.returncode == -signal.SIGKILL, f"ended before {kill_after_writes} writes: {err[-2000:]}"
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


@pytest.mark.slow
@pytest.mark.parametrize("workers", [0, 2])
def test_cli_run_ends_with_the_clean_rows_and_no_process(
    items: Path, clean: dict[str, Any], tmp_path: Path, workers: int
) -> None:
    store = tmp_path / "s.duckdb"
    _, tree = _run(_args(store, items, workers), store)
    assert not _left(tree), f"processes outlived sitrep --workers {workers}"
    assert snapshot(store) == clean


@pytest.mark.slow
@pytest.mark.parametrize("workers", [0, 2])
@pytest.mark.parametrize("writes", [8, 35, 70])
def test_kill9_then_resume_is_exact_and_leaves_no_process(
    items: Path, clean: dict[str, Any], tmp_path: Path, workers: int, writes: int
) -> None:
    store = tmp_path / "s.duckdb"
    _, tree = _run(_args(store, items, workers), store, kill_after_writes=writes)
    assert not _left(tree), "processes outlived a killed sitrep"
    _, tree = _run(_args(store, items, workers), store)
    assert not _left(tree)
    assert snapshot(store) == clean


@pytest.mark.slow
def test_linking_does_not_depend_on_the_chunk_size(items: Path, ctx: Context, clean: dict[str, Any],
                                                   tmp_path: Path) -> None:  # fmt: skip
    """Chunks of 32 group exactly as chunks of 8 (the order of the inputs still matters: docs/reliability.md)."""
    from sitrep.batch import ingest

    ingest([str(items)], store=tmp_path / "s.duckdb", ctx=ctx, chunk=4 * CHUNK)
    assert snapshot(tmp_path / "s.duckdb") == clean
