"""Feeds from a misbehaving server on 127.0.0.1: every fault is a reject with its reason, never a hang,
a local file or unbounded memory; a feed that did not change costs one 304."""

from __future__ import annotations

import time
from pathlib import Path

import duckdb
import pytest

from sitrep.context import Context
from sitrep.errors import InputError
from sitrep.readers.fetch import fetch
from sitrep.watch import Backoff, look
from tests.conftest import sitrep
from tests.faults.feed_server import ETAG, Handler, serving


@pytest.fixture(scope="module")
def server() -> str:  # type: ignore[misc]
    with serving() as base:
        yield base


@pytest.mark.timeout(30)
@pytest.mark.parametrize(("path", "reason"), [
    ("/error", "HTTP 500"), ("/gzip-bomb", "too large once decompressed"), ("/huge-length", "announced"),
    ("/short-body", "incomplete body"), ("/stall", "timed out"), ("/drip", "timed out"),
    ("/to-file", "redirect refused"), ("/missing", "HTTP 404"),
])  # fmt: skip
def test_fetch_fault_is_an_input_error(server: str, path: str, reason: str) -> None:
    started = time.monotonic()
    with pytest.raises(InputError, match=reason.replace("(", r"\(").replace(")", r"\)")):
        fetch(server + path, timeout=2.0)
    assert time.monotonic() - started < 8  # the deadline holds for a stalled or dripping server


@pytest.mark.parametrize("url", ["file:///etc/passwd", "/etc/passwd", "ftp://x.org/feed", "http:///nohost"])
def test_fetch_refuses_what_is_not_http(url: str) -> None:
    with pytest.raises(InputError, match="not an http"):
        fetch(url)


def test_fetch_conditional_get_304(server: str) -> None:
    first = fetch(server + "/feed.xml")
    assert first.status == 200 and first.etag == ETAG and first.data.startswith(b"<?xml")
    again = fetch(server + "/feed.xml", etag=first.etag, modified=first.modified)
    assert again.status == 304 and again.data == b""


def _rows(store: Path, sql: str) -> list[tuple]:  # type: ignore[type-arg]
    con = duckdb.connect(str(store), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_watch_look_stores_then_304_keeps_validators(server: str, ctx: Context, tmp_path: Path) -> None:
    store = tmp_path / "s.duckdb"
    first = look(server + "/feed.xml", store, ctx=ctx)
    assert first.failure is None and first.summary is not None and first.summary.written == 2
    before = Handler.hits.get("/feed.xml", 0)
    second = look(server + "/feed.xml", store, ctx=ctx)
    assert second.failure is None and second.summary is None  # not modified: nothing fetched or parsed
    assert Handler.hits["/feed.xml"] == before + 1
    assert _rows(store, "SELECT etag, status FROM watch_feeds") == [(ETAG, "not modified")]
    assert _rows(store, "SELECT count(*) FROM articles") == [(2,)]


@pytest.mark.parametrize(("path", "reason"), [("/error", "HTTP 500"), ("/not-a-feed", "not a readable feed"),
                                              ("/gzip-bomb", "too large")])  # fmt: skip
def test_watch_look_failure_is_a_reject_row(server: str, ctx: Context, tmp_path: Path, path: str,
                                            reason: str) -> None:  # fmt: skip
    store = tmp_path / "s.duckdb"
    found = look(server + path, store, ctx=ctx, timeout=2.0)
    assert found.failure is not None and reason in found.failure
    [(source, why)] = _rows(store, "SELECT source, reason FROM rejects")
    assert source == server + path and reason in why
    assert _rows(store, "SELECT count(*) FROM articles") == [(0,)]


def test_watch_look_local_links_refused(server: str, ctx: Context, tmp_path: Path) -> None:
    store = tmp_path / "s.duckdb"
    found = look(server + "/local-links", store, ctx=ctx)
    assert found.summary is not None and (found.summary.written, found.summary.rejected) == (1, 2)
    assert _rows(store, "SELECT url FROM articles") == [("https://x.org/ok",)]
    reasons = [r for (r,) in _rows(store, "SELECT reason FROM rejects")]
    assert len(reasons) == 2 and all("not an http(s) URL" in r for r in reasons)


def test_watch_backoff_grows_and_resets() -> None:
    backoff = Backoff()
    pattern = []
    for _ in range(12):
        due = backoff.due("f")
        pattern.append(due)
        if due:
            backoff.record("f", ok=False)
    assert pattern == [True, False, True, False, False, False, True, False, False, False, False, False]
    backoff.record("f", ok=True)
    backoff.skip.clear()
    assert backoff.due("f")


@pytest.mark.slow
def test_watch_cli_bad_feed_exits_nonzero_others_go_on(server: str, tmp_path: Path) -> None:
    store = tmp_path / "s.duckdb"
    result = sitrep("watch", server + "/error", server + "/feed.xml", "--once", "--db", str(store), "-q")
    assert result.returncode == 1 and "HTTP 500" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert _rows(store, "SELECT count(*) FROM articles") == [(2,)]
    assert _rows(store, "SELECT count(*) FROM rejects") == [(1,)]
