"""Shared fixtures: the spaCy model and a context are loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.context import Context

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "seed-article.txt"
SEED_PUBLISHED = "2020-11-19"


@pytest.fixture(scope="session")
def ctx() -> Context:
    return Context()


@pytest.fixture(scope="session")
def seed_article(ctx: Context):  # type: ignore[no-untyped-def]
    """The seed article through the whole line, once per session."""
    if not SEED.exists():
        pytest.skip(f"the shared seed is not at {SEED}")
    from sitrep.pipeline import process

    return process(SEED.read_text(encoding="utf-8"), published=SEED_PUBLISHED, ctx=ctx)
