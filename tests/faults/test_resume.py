"""A batch killed at any moment and run again ends with exactly the rows of an uninterrupted run —
incidents and stories included — and leaves no process behind."""

from __future__ import annotations

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


@pytest.mark.slow
@pytest.mark.parametrize("workers", [0, 2])
def test_cli_run_ends_with_the_clean_rows_and_no_process(
    items: Path, clean: dict[str, Any], tmp_path: Path, workers: int
) -> None:
    store = tmp_path / "s.duckdb"
    _, tree, _ = run(args_for(store, items, workers), store)
    assert not left(tree), f"processes outlived sitrep --workers {workers}"
    assert snapshot(store) == clean


@pytest.mark.slow
@pytest.mark.parametrize("workers", [0, 2])
@pytest.mark.parametrize("writes", [8, 30, 55])  # of about 80 seen in a whole run: early, middle, late
def test_kill9_then_resume_is_exact_and_leaves_no_process(
    items: Path, clean: dict[str, Any], tmp_path: Path, workers: int, writes: int
) -> None:
    store = tmp_path / "s.duckdb"
    _, tree, _ = run(args_for(store, items, workers), store, kill_after_writes=writes)
    assert not left(tree), "processes outlived a killed sitrep"
    _, tree, _ = run(args_for(store, items, workers), store)
    assert not left(tree)
    assert snapshot(store) == clean


@pytest.mark.slow
def test_linking_does_not_depend_on_the_chunk_size(items: Path, ctx: Context, clean: dict[str, Any],
                                                   tmp_path: Path) -> None:  # fmt: skip
    """Chunks of 32 group exactly as chunks of 8 (the order of the inputs still matters: docs/reliability.md)."""
    from sitrep.batch import ingest

    ingest([str(items)], store=tmp_path / "s.duckdb", ctx=ctx, chunk=4 * CHUNK)
    assert snapshot(tmp_path / "s.duckdb") == clean
