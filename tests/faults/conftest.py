"""The fault suite's corpus and the rows of an uninterrupted run over it, made once per session."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from sitrep.context import Context
from tests.faults import corpus
from tests.faults.harness import CHUNK, snapshot


@pytest.fixture(scope="session")
def items(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return corpus.build(tmp_path_factory.mktemp("faults"), n=160)


@pytest.fixture(scope="session")
def clean(items: Path, ctx: Context) -> dict[str, Any]:
    from sitrep.batch import ingest

    store = items.parent / "clean.duckdb"
    ingest([str(items)], store=store, ctx=ctx, chunk=CHUNK)
    return snapshot(store)
