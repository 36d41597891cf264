"""Hostile input, generated here: every bad file becomes a rejects row with its reason, memory stays
bounded, and the good article in the same folder still goes through."""

from __future__ import annotations

import gzip
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sitrep.readers import read
from tests.conftest import sitrep

GOOD = "Rockets hit the Green Zone\n\nAt least seven rockets hit the Green Zone in Baghdad on Tuesday, officials said.\n"
MAX_RSS_MB = 600  # readers + clean over the whole hostile corpus, in a fresh process
AS_LIMIT = 4 << 30  # address-space cap for that process: a runaway expansion fails instead of swapping

# file name -> the words its reject reason must contain
EXPECTED = {
    "binary.bin": "binary", "image.png": "binary",
    "big.html": "too large", "billion-laughs.rss": "entity", "bomb.warc.gz": "too large",
    "empty.txt": "empty", "blank.txt": "empty", "fifo.txt": "not a regular file",
    "dangling.txt": "vanished", "not-a-feed.rss": "feed", "deep.html": "main text",
    "bomb.html.gz": "too large once decompressed",
}  # fmt: skip


def _bomb_warc() -> bytes:
    """One HTML response whose gzip Content-Encoding inflates 160 KB into 160 MB."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    payload = gzip.compress(b"<html><body>" + b" " * (160 << 20), compresslevel=9)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html"), ("Content-Encoding", "gzip"),
                                          ("Content-Length", str(len(payload)))], protocol="HTTP/1.1")  # fmt: skip
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    writer.write_record(writer.create_warc_record("https://x.org/bomb", "response", payload=io.BytesIO(payload),
                                                  http_headers=headers))  # fmt: skip
    return out.getvalue()


def make_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "good.txt").write_text(GOOD)
    (folder / "latin1.txt").write_bytes(GOOD.replace("officials", "offîcials").encode("cp1252"))
    (folder / "mixed.txt").write_bytes(GOOD.encode() + "Deuxième ligne, écrite en cp1252.\n".encode("cp1252"))
    (folder / "binary.bin").write_bytes(os.urandom(4096))
    (folder / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(2048))
    (folder / "utf16-nobom.txt").write_bytes(GOOD.encode("utf-16-le"))
    with (folder / "big.html").open("wb") as fh:
        fh.write(b"<html><body>" + b"<p>" + b"word " * (10 << 20) + b"</p></body></html>")  # 50 MB
    (folder / "deep.html").write_text(
        "<html><body>" + "<div>" * 100_000 + "x" + "</div>" * 100_000 + "</body></html>"
    )
    (folder / "billion-laughs.rss").write_text(
        '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">'
        + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
        + ']><rss version="2.0"><channel><item><title>&j;</title><description>&j;</description></item></channel></rss>'
    )
    (folder / "not-a-feed.rss").write_text("this is no feed at all")
    (folder / "bomb.warc.gz").write_bytes(_bomb_warc())
    (folder / "bomb.html.gz").write_bytes(
        gzip.compress(b"<html><body>" + b" " * (160 << 20), compresslevel=9)
    )
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_text(" \n\t \n")
    os.mkfifo(folder / "fifo.txt")  # opening it would block: an unreadable file even for root
    (folder / "dangling.txt").symlink_to(folder / "gone.txt")
    return folder


SCRIPT = """
import json, resource, sys
resource.setrlimit(resource.RLIMIT_AS, ({limit}, {limit}))
from sitrep.context import Context
from sitrep.errors import InputError
from sitrep.readers import read
from tests.conftest import sitrep
from sitrep.stages.clean import run
ctx, out = Context(), []
for item in read([sys.argv[1]]):
    if hasattr(item, "reason"):
        out.append([item.source, item.reason])
        continue
    try:
        out.append([item.ref, run(item, ctx).text[:40]])
    except InputError as exc:
        out.append([item.ref, "reject: " + str(exc)])
# VmHWM, not ru_maxrss: Linux carries ru_maxrss over exec from the parent (pytest, with spaCy loaded)
hwm = next(line for line in open("/proc/self/status") if line.startswith("VmHWM"))
print(json.dumps({{"items": out, "maxrss_mb": int(hwm.split()[1]) / 1024}}))
"""


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("hostile"))


@pytest.fixture(scope="module")
def outcome(corpus: Path) -> dict:  # type: ignore[type-arg]
    result = subprocess.run([sys.executable, "-c", SCRIPT.format(limit=AS_LIMIT), str(corpus)],
                            capture_output=True, text=True, timeout=300)  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout)


@pytest.mark.parametrize(("name", "words"), sorted(EXPECTED.items()))
def test_hostile_file_rejected_with_reason(outcome: dict, name: str, words: str) -> None:  # type: ignore[type-arg]
    reasons = [
        reason for ref, reason in outcome["items"] if Path(ref.split("#")[0].split("@")[0]).name == name
    ]
    assert reasons and all(words in r for r in reasons), reasons


@pytest.mark.parametrize("name", ["good.txt", "latin1.txt", "mixed.txt", "utf16-nobom.txt"])
def test_hostile_batch_goes_on_good_text_kept(outcome: dict, name: str) -> None:  # type: ignore[type-arg]
    [text] = [t for ref, t in outcome["items"] if Path(ref).name == name]
    assert text.startswith("At least seven rockets")


def test_hostile_memory_bounded(outcome: dict) -> None:  # type: ignore[type-arg]
    assert outcome["maxrss_mb"] < MAX_RSS_MB


def test_hostile_vanished_mid_batch(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(GOOD)
    items = read([str(tmp_path)])
    next(items)
    (tmp_path / "b.txt").unlink()
    [gone] = list(items)
    assert gone.reason == "vanished before it could be read"  # type: ignore[union-attr]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a chmod 000 file; the FIFO case covers unreadable")
def test_hostile_permission_denied(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(GOOD)
    path.chmod(0)
    [item] = read([str(path)])
    assert "unreadable" in item.reason  # type: ignore[union-attr]


@pytest.mark.slow
def test_hostile_cli_batch_stores_rejects(corpus: Path, tmp_path: Path) -> None:
    import duckdb

    store = tmp_path / "s.duckdb"
    result = sitrep("ingest", str(corpus), "--db", str(store), "-q")
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr[-2000:]
    con = duckdb.connect(str(store), read_only=True)
    rejected = {Path(r[0].split("@")[0]).name for r in con.execute("SELECT source FROM rejects").fetchall()}
    assert set(EXPECTED) <= rejected
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 3  # type: ignore[index]
