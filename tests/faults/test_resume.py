"""A batch killed at any moment and run again ends with exactly the rows of an uninterrupted run —
incidents and stories included — and leaves no process behind."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from sitrep.context import Context
from tests.faults.harness import CHUNK, args_for, left, run, snapshot


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


@pytest.fixture(scope="module")
def whole_run(
    items: Path, tmp_path_factory: pytest.TempPathFactory
) -> Callable[[int], tuple[set[int], Path, int]]:
    """An uninterrupted CLI run per worker count, once: the processes it started, its store, and how many
    times its store's files were seen to change (the kill points below are fractions of that, so a fast
    machine that shows fewer changes still kills early, midway and late)."""
    runs: dict[int, tuple[set[int], Path, int]] = {}

    def get(workers: int) -> tuple[set[int], Path, int]:
        if workers not in runs:
            store = tmp_path_factory.mktemp(f"whole{workers}") / "s.duckdb"
            _, tree, _, writes = run(args_for(store, items, workers), store)
            runs[workers] = (tree, store, writes)
        return runs[workers]

    return get


@pytest.mark.slow
@pytest.mark.parametrize("workers", [0, 2])
def test_cli_run_ends_with_the_clean_rows_and_no_process(
    whole_run: Callable[[int], tuple[set[int], Path, int]], clean: dict[str, Any], workers: int
) -> None:
    tree, store, _ = whole_run(workers)
    assert not left(tree), f"processes outlived sitrep --workers {workers}"
    assert snapshot(store) == clean


@pytest.mark.slow
@pytest.mark.parametrize("workers", [0, 2])
@pytest.mark.parametrize("at", [0.1, 0.35, 0.6])  # of the changes seen in a whole run: early, middle, late
def test_kill9_then_resume_is_exact_and_leaves_no_process(
    items: Path, clean: dict[str, Any], whole_run: Callable[[int], tuple[set[int], Path, int]],
    tmp_path: Path, workers: int, at: float,
) -> None:  # fmt: skip
    store = tmp_path / "s.duckdb"
    writes = max(1, int(at * whole_run(workers)[2]))
    _, tree, _, _ = run(args_for(store, items, workers), store, kill_after_writes=writes)
    assert not left(tree), "processes outlived a killed sitrep"
    _, tree, _, _ = run(args_for(store, items, workers), store)
    assert not left(tree)
    assert snapshot(store) == clean


@pytest.mark.slow
def test_linking_does_not_depend_on_the_chunk_size(items: Path, ctx: Context, clean: dict[str, Any],
                                                   tmp_path: Path) -> None:  # fmt: skip
    """Chunks of 32 group exactly as chunks of 8 (the order of the inputs still matters: docs/reliability.md)."""
    from sitrep.batch import ingest

    ingest([str(items)], store=tmp_path / "s.duckdb", ctx=ctx, chunk=4 * CHUNK)
    assert snapshot(tmp_path / "s.duckdb") == clean
