"""`sitrep serve`: user mistakes are one line and a non-zero exit; a token in the environment opens POST."""

from __future__ import annotations

from pathlib import Path

import duckdb
import httpx
import pytest

from tests.conftest import sitrep
from tests.web.conftest import TOKEN, serve


@pytest.mark.parametrize(
    ("args", "message"),
    [(["--db", "missing.duckdb"], "no store at"), (["--parquet", "no-such-dir"], "no Parquet folder"),
     (["--db", "a", "--parquet", "b"], "not both"), (["--db", "."], "not a regular file"),
     (["--db", "empty.duckdb"], "not a sitrep store")],
)  # fmt: skip
def test_serve_user_errors_are_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], message: str
) -> None:
    duckdb.connect(str(tmp_path / "empty.duckdb")).close()
    monkeypatch.chdir(tmp_path)
    result = sitrep("serve", *args)
    assert result.returncode == 2
    assert result.stderr.startswith("sitrep: error:") and message in result.stderr
    assert "Traceback" not in result.stderr


def test_serve_token_from_environment_creates_store_and_opens_post(tmp_path: Path) -> None:
    proc, base = serve("--db", str(tmp_path / "new.duckdb"), env={"SITREP_TOKEN": TOKEN})
    try:
        assert httpx.get(f"{base}/api/status").json()["accepts_articles"] is True
        assert httpx.post(f"{base}/api/articles", json={"text": "x"}).status_code == 401
        assert httpx.get(f"{base}/api/articles").json()["total"] == 0
    finally:
        proc.terminate()
        proc.wait(timeout=10)
