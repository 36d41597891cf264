"""sitrep watch: a round ingests only what is new; --every is checked."""

from __future__ import annotations

import pytest

from sitrep.cli.watch import changed, seconds
from sitrep.errors import UserError
from tests.conftest import sitrep


@pytest.mark.parametrize(
    ("every", "expected"), [("15m", 900), ("30s", 30), ("2h", 7200), ("1d", 86400), ("90", 90)]
)
def test_seconds_units(every: str, expected: float) -> None:
    assert seconds(every) == expected


@pytest.mark.parametrize("every", ["", "0m", "15 minutes", "-1s", "1x"])
def test_seconds_rejects_other(every: str) -> None:
    with pytest.raises(UserError):
        seconds(every)


def test_changed_only_new_or_modified(tmp_path) -> None:  # type: ignore[no-untyped-def]
    seen: dict[str, list[int]] = {}
    (tmp_path / "a.txt").write_text("one")
    assert changed([str(tmp_path)], seen) == [str(tmp_path / "a.txt")]
    assert changed([str(tmp_path)], seen) == []
    (tmp_path / "b.txt").write_text("two")
    (tmp_path / "a.txt").write_text("one, edited")
    assert sorted(changed([str(tmp_path)], seen)) == [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]


@pytest.mark.slow
def test_watch_once_cli_incremental(tmp_path) -> None:  # type: ignore[no-untyped-def]
    folder, store = tmp_path / "in", tmp_path / "s.duckdb"
    folder.mkdir()
    (folder / "a.txt").write_text("Le ministre a parlé mardi à Genève avec les délégations des deux pays.")
    args = ["watch", str(folder), "--once", "--db", str(store), "-q"]
    first, second = sitrep(*args), sitrep(*args)
    assert "1 articles stored" in first.stdout, first.stderr
    assert "nothing new" in second.stdout


@pytest.mark.slow
def test_watch_feed_url_idempotent(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import functools
    import http.server
    import threading

    body = "Le ministre a parlé mardi à Genève avec les délégations des deux pays voisins."
    (tmp_path / "feed.xml").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>F</title><item><title>Un</title>'
        f"<link>https://x.org/1</link><description>{body}</description></item></channel></rss>"
    )
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/feed.xml"
        args = ["watch", url, "--once", "--db", str(tmp_path / "s.duckdb"), "-q"]
        first, second = sitrep(*args), sitrep(*args)
    finally:
        server.shutdown()
    assert "1 articles stored" in first.stdout, first.stderr
    assert "not modified" in second.stdout, second.stderr  # a conditional GET answered 304


def test_watch_goes_on_when_the_store_is_busy(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A store held by another writer fails that round's look; the next round looks again."""
    import sitrep.watch
    from sitrep.cli import watch as cli
    from sitrep.errors import StoreLocked

    looks: list[str] = []

    def look(url, db, *args, **kwargs):  # type: ignore[no-untyped-def]
        looks.append(url)
        if len(looks) == 1:
            raise StoreLocked("another sitrep process is writing")
        return sitrep.watch.Look(url)  # not modified

    class Stop(Exception):
        pass

    pauses: list[float] = []

    def sleep(seconds: float) -> None:
        pauses.append(seconds)
        if len(pauses) == 3:
            raise Stop

    monkeypatch.setattr(sitrep.watch, "look", look)
    monkeypatch.setattr(cli.time, "sleep", sleep)
    monkeypatch.setattr(sitrep.watch.Backoff, "due", lambda self, target: True)
    with pytest.raises(Stop):
        cli.command(["http://127.0.0.1:9/feed.xml"], every="10s", db=str(tmp_path / "s.duckdb"))
    assert len(looks) == 3 and all(9 <= p <= 11 for p in pauses)
    monkeypatch.setattr(sitrep.watch, "look", lambda *a, **k: (_ for _ in ()).throw(StoreLocked("busy")))
    with pytest.raises(StoreLocked):  # with --once the one-line error and its exit code are the answer
        cli.command(
            ["http://127.0.0.1:9/feed.xml"], every="10s", run_once=True, db=str(tmp_path / "s.duckdb")
        )
