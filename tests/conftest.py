"""Shared fixtures: the spaCy model and a context are loaded once per test session; the command line runs
in this process."""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, cast

import click
import pytest
from click.testing import CliRunner

from sitrep.cli.main import main
from sitrep.context import Context, default_context

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "seed-article.txt"
SEED_PUBLISHED = "2020-11-19"
WIKINEWS = SHARED / "corpus" / "wikinews"


@pytest.fixture(scope="session")
def ctx() -> Context:
    """The process's default context: the CLI run in-process and ``sitrep.process`` without a context use
    it too, so the session loads the model once, not once per context."""
    return default_context()


@pytest.fixture(scope="session")
def seed_article(ctx: Context):  # type: ignore[no-untyped-def]
    """The seed article through the whole line, once per session."""
    if not SEED.exists():
        pytest.skip(f"the shared seed is not at {SEED}")
    from sitrep.pipeline import process

    return process(SEED.read_text(encoding="utf-8"), published=SEED_PUBLISHED, ctx=ctx)


def wikinews_inputs() -> list[str]:
    """The Wikinews sample's files (about 300 articles), or a loud skip where shared/ lacks them."""
    inputs = sorted(str(p) for p in WIKINEWS.glob("*.csv"))
    if not inputs:
        pytest.skip(f"SKIPPED LOUDLY: the Wikinews sample is not at {WIKINEWS}")
    return inputs


@pytest.fixture(scope="session")
def wikinews_db(tmp_path_factory: pytest.TempPathFactory, ctx: Context) -> Path:
    """The Wikinews sample through the real line into a store, once per run (about a minute on an idle
    machine): read it as it is, or copy it to write. Under pytest-xdist the first worker to need it builds
    it in the run's folder while the other waits on a file lock, then both read it."""
    from sitrep.batch import ingest

    inputs = wikinews_inputs()
    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent  # a worker's basetemp is a folder of the run's
    path, built = root / "wikinews.duckdb", root / "wikinews.built"
    with (root / "wikinews.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not built.exists():
            ingest(inputs, store=path, ctx=ctx)
            built.touch()
    return path


class _Script:
    """``sitrep.cli.main.main``, the console script, shaped as the command click's CliRunner invokes (typer's
    runner wants the Typer app and would skip ``main``, where sitrep's errors become one line)."""

    name = "sitrep"

    def main(self, args: Sequence[str], prog_name: str, **_: Any) -> None:
        argv, sys.argv = sys.argv, [prog_name, *args]
        try:
            main()
        finally:
            sys.argv = argv


def sitrep(
    *args: str, input: str | None = None, env: Mapping[str, str | None] | None = None
) -> subprocess.CompletedProcess[str]:
    """``sitrep ARGS`` run in this process, as a subprocess would report it: exit code, stdout, stderr.

    A process start costs seconds (Python, then spaCy for the line); in-process the model loaded once per
    session serves every command. An exception that is not one of sitrep's errors is raised here, so that a
    traceback a user would see fails the test. The few tests of the real process (the console script, a
    terminal, a pipe, concurrent writers, kill -9) start one with ``subprocess``.
    """
    result = CliRunner().invoke(cast(click.Command, _Script()), list(args), input=input, env=env,
                                catch_exceptions=False)  # fmt: skip
    return subprocess.CompletedProcess(["sitrep", *args], result.exit_code, result.stdout, result.stderr)
