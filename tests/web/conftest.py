"""Stores, apps and a live server for the web tests; each store is built once per session."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from sitrep.context import Context
from sitrep.web.app import create_app
from sitrep.web.store import Store
from tests.conftest import SEED, SEED_PUBLISHED
from tests.web import handmade

TOKEN = "test-token-3f9a"


@pytest.fixture(scope="session")
def handmade_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return handmade.build(tmp_path_factory.mktemp("handmade") / "sitrep.duckdb")


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory: pytest.TempPathFactory, wikinews_db: Path, ctx: Context) -> Path:
    """The Wikinews sample and the seed through the real line: the session's Wikinews store copied, then the
    seed added (links do not depend on the order of ingest, tests/linking/test_link_order.py)."""
    from sitrep.batch import ingest

    if not SEED.exists():
        pytest.skip(f"SKIPPED LOUDLY: the shared seed is missing ({SEED})")
    path = tmp_path_factory.mktemp("corpus") / "sitrep.duckdb"
    shutil.copyfile(wikinews_db, path)
    ingest([str(SEED)], store=path, published=SEED_PUBLISHED, ctx=ctx)
    return path


@pytest.fixture(scope="session")
def handmade_client(handmade_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(Store.from_duckdb(handmade_db))) as client:
        yield client


@pytest.fixture(scope="session")
def corpus_client(corpus_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(Store.from_duckdb(corpus_db))) as client:
        yield client


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def serve(*args: str, env: dict[str, str] | None = None) -> tuple[subprocess.Popen[bytes], str]:
    """``sitrep serve`` as a real subprocess on a free loopback port, once it answers."""
    port = free_port()
    cmd = [
        sys.executable,
        "-c",
        "from sitrep.cli.main import main; main()",
        "serve",
        *args,
        "--port",
        str(port),
    ]
    proc = subprocess.Popen(cmd, env={**os.environ, **(env or {})}, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"sitrep serve exited: {proc.stderr.read().decode() if proc.stderr else ''}")
        try:
            httpx.get(f"{base}/api/status", timeout=1).raise_for_status()
            return proc, base
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("sitrep serve did not answer within 30 s")


@pytest.fixture(scope="session")
def handmade_server(handmade_db: Path) -> Iterator[str]:
    proc, base = serve("--db", str(handmade_db))
    yield base
    proc.terminate()
    proc.wait(timeout=10)
