"""Readers: every kind of input to Source records, every bad item to a Reject (never an exception)."""

from __future__ import annotations

import csv
import gzip
import io
import json
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.readers import count, read, read_path, read_stdin
from sitrep.readers.dates import from_dateline, from_url
from sitrep.records import Reject, Source

BODY = "The minister said on Tuesday that talks would continue in Geneva next week."
PAGE = f"""<html><head><title>Talks go on</title>
<meta property="og:url" content="https://example.org/2021/03/04/talks">
<meta property="og:site_name" content="Example Times">
<meta property="article:published_time" content="2021-03-04T10:00:00Z"></head>
<body><nav>Home | World | Sport</nav><article><h1>Talks go on</h1>
{"".join(f"<p>{BODY} Paragraph {i} adds detail about the delegations and their aims.</p>" for i in range(6))}
</article><footer>Copyright Example Times</footer></body></html>"""
text_st = st.text(st.characters(blacklist_categories=("Cs",)), max_size=300)
# deadline off: the first example pays for imports; tmp_path is reused across examples on purpose
props = settings(deadline=None, max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _items(tmp: Path, name: str, data: bytes) -> list[Source | Reject]:
    path = tmp / name
    path.write_bytes(data)
    return list(read_path(path))


def _warc(records: list[tuple[str, bytes, str]]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for url, payload, ctype in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(payload),
                                                      http_headers=headers))  # fmt: skip
    return out.getvalue()


def _feed(entries: list[tuple[str, str, str]]) -> bytes:
    items = "".join(
        f"<item><title>{t}</title><link>{link}</link><guid>{link or t}</guid>"
        f"<pubDate>Thu, 19 Nov 2020 10:00:00 GMT</pubDate><description><![CDATA[{body}]]></description></item>"
        for t, link, body in entries
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>{items}</channel></rss>'.encode()
    )


@pytest.mark.parametrize(
    ("name", "data"),
    [("a.txt", BODY.encode()), ("a", BODY.encode()), ("a.md", BODY.encode("utf-16")),
     ("a.txt", BODY.encode("cp1252") + " café".encode("cp1252"))],
)  # fmt: skip
def test_read_text_decodes(tmp_path: Path, name: str, data: bytes) -> None:
    [item] = _items(tmp_path, name, data)
    assert isinstance(item, Source) and item.text.startswith("The minister")


@pytest.mark.parametrize(("name", "data", "reason"), [
    ("a.txt", b"", "empty"), ("a.txt", b" \n\t\n", "empty"), ("a.bin", b"\x00\x01\x02\x03" * 50, "binary"),
    ("a.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
])  # fmt: skip
def test_read_path_rejects_bad_files(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    [item] = _items(tmp_path, name, data)
    assert isinstance(item, Reject) and reason in item.reason


def test_read_text_mixed_encodings_kept_line_by_line(tmp_path: Path) -> None:
    data = "Première ligne en UTF-8.\n".encode() + "Deuxième en cp1252.\n".encode("cp1252")
    [item] = _items(tmp_path, "mixed.txt", data)
    assert isinstance(item, Source) and "Première" in item.text and "Deuxième" in item.text


def test_read_csv_columns(tmp_path: Path) -> None:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerows([["url", "date", "title", "text"], ["https://x.org/a", "2020-11-19", "T", BODY + "\nline 2"],
                 ["https://x.org/b", "", "", ""]])  # fmt: skip
    a, b = _items(tmp_path, "t.csv", buf.getvalue().encode())
    assert isinstance(a, Source) and (a.url, a.published, a.title, a.published_source) == (
        "https://x.org/a",
        "2020-11-19",
        "T",
        "metadata",
    )
    assert isinstance(b, Reject) and b.source.endswith("t.csv#1")
    assert count([str(tmp_path / "t.csv")]) == 2


def test_read_jsonl_bad_row_rejected_rest_read(tmp_path: Path) -> None:
    rows = [
        json.dumps({"text": BODY, "title": "A"}),
        "{not json",
        json.dumps([1, 2]),
        json.dumps({"body": BODY}),
    ]
    items = _items(tmp_path, "t.jsonl", "\n".join(rows).encode())
    assert [type(i).__name__ for i in items] == ["Source", "Reject", "Reject", "Source"]


def test_read_parquet_rows(tmp_path: Path) -> None:
    path = tmp_path / "t.parquet"
    con = duckdb.connect()
    con.execute(f"COPY (SELECT 'https://x.org/a' AS url, DATE '2020-11-19' AS date, 'T' AS title, "
                f"'{BODY}' AS text) TO '{path}' (FORMAT PARQUET)")  # fmt: skip
    [item] = read_path(path)
    assert isinstance(item, Source) and item.published == "2020-11-19" and item.text == BODY


def test_read_html_keeps_markup_for_clean(tmp_path: Path) -> None:
    [item] = _items(tmp_path, "p.html", PAGE.encode())
    assert isinstance(item, Source) and item.content_type == "html" and "<article>" in item.text


@pytest.mark.parametrize("link", ["page.html", "/etc/passwd", "file:///etc/passwd", "ftp://x.org/a"])
def test_read_feed_entries_never_local_links(tmp_path: Path, link: str) -> None:
    (tmp_path / "page.html").write_text(PAGE)
    data = _feed([("One", "https://x.org/1", f"<p>{BODY}</p><p>Second.</p>"), ("Two", link, "teaser")])
    one, two = _items(tmp_path, "f.rss", data)
    assert isinstance(one, Source) and one.text == f"{BODY}\n\nSecond." and one.url == "https://x.org/1"
    assert one.published == "2020-11-19T10:00:00" and one.published_source == "feed" and one.title == "One"
    assert isinstance(two, Reject) and "not an http(s) URL" in two.reason


def test_read_feed_entry_html_sanitised_not_regex(tmp_path: Path) -> None:
    body = "<p>One &amp; two<script>alert(1)</script></p><ul><li>first</li><li>second</li></ul>"
    [item] = _items(tmp_path, "f.rss", _feed([("T", "https://x.org/1", body)]))
    assert isinstance(item, Source) and item.text == "One & two\n\nfirst\n\nsecond"


def test_read_warc_html_responses_only(tmp_path: Path) -> None:
    data = _warc([("https://x.org/a", PAGE.encode(), "text/html; charset=utf-8"),
                  ("https://x.org/i.png", b"\x89PNG", "image/png")])  # fmt: skip
    [item] = _items(tmp_path, "a.warc.gz", data)
    assert isinstance(item, Source) and item.url == "https://x.org/a" and "@" in item.ref


def test_read_arc_html_response(tmp_path: Path) -> None:
    desc = b"1 0 Test\nURL IP-address Archive-date Content-type Archive-length\n"
    resp = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + PAGE.encode()
    data = (b"filedesc://t.arc 0.0.0.0 20200101000000 text/plain %d\n" % len(desc) + desc + b"\n"
            + b"http://x.org/a 1.2.3.4 20200101000000 text/html %d\n" % len(resp) + resp + b"\n")  # fmt: skip
    [item] = _items(tmp_path, "t.arc", data)
    assert isinstance(item, Source) and item.url == "http://x.org/a" and item.content_type == "html"


def test_read_folders_globs_recursive_skip_readme(tmp_path: Path) -> None:
    (tmp_path / "sub" / "deep").mkdir(parents=True)
    for rel in ("a.txt", "sub/b.txt", "sub/deep/c.txt", "README.md", "sub/.hidden.txt"):
        (tmp_path / rel).write_text(BODY)
    assert len(list(read([str(tmp_path)]))) == 3
    assert len(list(read([str(tmp_path / "**" / "*.txt")]))) == 3


def test_read_caller_defaults_fill_only_missing(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text(json.dumps({"text": BODY, "date": "2019-01-01"}) + "\n"
                                      + json.dumps({"text": BODY + " x"}))  # fmt: skip
    a, b = read([str(tmp_path)], published="2020-11-19", publisher="Wire")
    assert isinstance(a, Source) and a.published == "2019-01-01" and a.publisher == "Wire"
    assert isinstance(b, Source) and (b.published, b.published_source) == ("2020-11-19", "default")


def test_read_gzipped_page(tmp_path: Path) -> None:
    [item] = _items(tmp_path, "p.html.gz", gzip.compress(PAGE.encode()))
    assert isinstance(item, Source) and item.content_type == "html"


@pytest.mark.parametrize(("url", "expected"), [
    ("https://x.org/2020/11/19/story", ("2020-11-19", "day")), ("https://x.org/news/2020/11/story", ("2020-11", "month")),
    ("https://x.org/20201119/story", ("2020-11-19", "day")), ("https://x.org/2020/13/40/x", None),
    ("https://x.org/story-2020", None), (None, None),
])  # fmt: skip
def test_from_url_dates(url: str | None, expected: tuple[str, str] | None) -> None:
    assert from_url(url) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("BAGHDAD, November 19, 2020 (Reuters) - Rockets", "2020-11-19"), ("Friday, January 4, 2019\n\nA", "2019-01-04"),
    ("19 Nov. 2020 — The", "2020-11-19"), ("On Tuesday, rockets hit", None), ("Nov 19 (Reuters) - x", None),
])  # fmt: skip
def test_from_dateline_full_dates_only(text: str, expected: str | None) -> None:
    assert from_dateline(text) == expected


# --- property tests: any bytes in, Sources or Rejects out, never an exception ------------------------


@props
@given(data=st.binary(max_size=2000), suffix=st.sampled_from([".txt", ".html", ".csv", ".jsonl", ".rss", ".warc",
                                                              ".warc.gz", ".parquet", ".gz", ""]))  # fmt: skip
def test_read_path_any_bytes_never_raises(tmp_path: Path, data: bytes, suffix: str) -> None:
    items = _items(tmp_path, f"x{suffix}", data)
    assert all(isinstance(i, Source | Reject) for i in items)
    assert all(i.text.strip() for i in items if isinstance(i, Source))


@props
@given(text=text_st)
def test_read_text_roundtrip(tmp_path: Path, text: str) -> None:
    [item] = _items(tmp_path, "x.txt", text.encode())
    if isinstance(item, Source):
        assert item.text == text
    else:
        assert not text.strip() or any(ord(c) < 32 and c not in "\t\n\r\f" for c in text)


@props
@given(rows=st.lists(st.fixed_dictionaries({"title": text_st, "text": text_st}), max_size=5))
def test_read_jsonl_and_csv_one_item_per_row(tmp_path: Path, rows: list[dict[str, str]]) -> None:
    (tmp_path / "x.jsonl").write_text("\n".join(json.dumps(r) for r in rows))
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=["title", "text"])
    w.writeheader()
    w.writerows(rows)
    (tmp_path / "x.csv").write_text(buf.getvalue())
    for name in ("x.jsonl", "x.csv"):
        items = list(read_path(tmp_path / name))
        texts = [i.text for i in items if isinstance(i, Source)]
        assert len(items) == len(rows) or name == "x.csv"  # CSV may merge rows only on malformed quoting
        assert all(t.strip() for t in texts)


@props
@given(
    entries=st.lists(st.tuples(st.text("abc xyz", min_size=1, max_size=20), st.just(""), text_st), max_size=4)
)
def test_read_feed_any_entries(tmp_path: Path, entries: list[tuple[str, str, str]]) -> None:
    safe = [(t, link, body.replace("]]>", "")) for t, link, body in entries]
    items = _items(tmp_path, "f.rss", _feed(safe))
    assert all(isinstance(i, Source | Reject) for i in items)


@props
@given(payloads=st.lists(st.binary(max_size=500), max_size=3))
def test_read_warc_any_payloads(tmp_path: Path, payloads: list[bytes]) -> None:
    items = _items(
        tmp_path, "a.warc.gz", _warc([(f"https://x.org/{i}", p, "text/html") for i, p in enumerate(payloads)])
    )
    assert len(items) <= len(payloads) and all(isinstance(i, Source | Reject) for i in items)


@props
@given(body=text_st)
def test_read_html_any_body(tmp_path: Path, body: str) -> None:
    import html

    items = _items(tmp_path, "p.html", f"<html><body><p>{html.escape(body)}</p></body></html>".encode())
    assert len(items) == 1 and isinstance(items[0], Source | Reject)


@props
@given(data=st.binary(max_size=2000) | text_st.map(str.encode))
def test_read_stdin_any_bytes(data: bytes) -> None:
    items = list(read_stdin(io.BytesIO(data)))
    assert all(isinstance(i, Source | Reject) for i in items) and len(items) >= (1 if data else 0)


@props
@given(rows=st.lists(st.tuples(text_st, st.none() | st.dates().map(str), text_st), max_size=5))
def test_read_parquet_one_item_per_row(tmp_path: Path, rows: list[tuple[str, str | None, str]]) -> None:
    path = tmp_path / "x.parquet"
    con = duckdb.connect()
    con.execute("CREATE TABLE t (title VARCHAR, date VARCHAR, text VARCHAR)")
    if rows:
        con.executemany("INSERT INTO t VALUES (?, ?, ?)", rows)
    con.execute(f"COPY t TO '{path}' (FORMAT PARQUET)")
    items = list(read_path(path))
    assert len(items) == len(rows)
    for item, (_, date, text) in zip(items, rows, strict=True):
        assert isinstance(item, Source) == bool(text.strip())
        assert not isinstance(item, Source) or (item.text, item.published) == (text, date or None)
