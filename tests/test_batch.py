"""Batch ingest: idempotent reruns, rejects, exit codes, workers, one writer at a time, kill -9 safety."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pytest

from sitrep.batch import check_date, ingest
from sitrep.errors import StoreLocked, UserError
from sitrep.store import db
from sitrep.store.schema import TABLES
from tests.conftest import sitrep, wikinews_inputs

SITREP = [str(Path(sys.executable).parent / "sitrep")]
VOLATILE = {"ingested_at", "seen_at"}
CITIES = ["Baghdad", "Paris", "Nairobi", "Lima", "Kabul", "Manila", "Dakar", "Quito"]


def write_corpus(folder: Path, n: int) -> Path:
    """n distinct short English articles, plus one binary file and one empty file."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        city = CITIES[i % len(CITIES)]
        (folder / f"a{i:03d}.txt").write_text(
            f"Talks number {i} open in {city}\n\nThe foreign minister met officials in {city} on Tuesday, "
            f"officials said. Police arrested {i + 2} protesters near the parliament.\n"
        )
    (folder / "zz.bin").write_bytes(b"\x00\xff" * 100)
    (folder / "zz.txt").write_text("   \n")
    return folder


def rows(store: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows without the columns that record when they were written, sorted."""
    con = duckdb.connect(str(store), read_only=True)
    try:
        out = {}
        for table in TABLES:
            cols = [c[0] for c in con.execute(f"DESCRIBE {table}").fetchall() if c[0] not in VOLATILE]
            names = ", ".join(f'"{c}"' for c in cols)
            out[table] = sorted(con.execute(f"SELECT {names} FROM {table}").fetchall(), key=repr)
        return out
    finally:
        con.close()


def first_difference(a: dict[str, list[tuple[Any, ...]]], b: dict[str, list[tuple[Any, ...]]]) -> str:
    """The first differing row of the first differing table, column by column: what a failure shows."""
    for table in a:
        if a[table] != b[table]:
            for x, y in zip(a[table], b[table], strict=False):
                if x != y:
                    return f"{table}: " + "; ".join(
                        f"[{i}] {u!r} != {v!r}" for i, (u, v) in enumerate(zip(x, y, strict=True)) if u != v
                    )
            return f"{table}: {len(a[table])} rows != {len(b[table])} rows"
    return ""


def data_version() -> str:
    """The pipeline version computed afresh (the cached one cannot see data files edited meanwhile)."""
    from sitrep.pipeline import pipeline_version

    return str(pipeline_version.__wrapped__())  # type: ignore[attr-defined]


def skip_if_data_changed(before: str) -> None:
    """Runs in separate processes can only agree if the package's data files did not change between them."""
    if data_version() != before:
        pytest.skip("sitrep/data changed while the test ran (a shared working tree): runs cannot agree")


def run_cli(*args: str, **kw: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*SITREP, *args], capture_output=True, text=True, timeout=600, **kw)


@pytest.mark.slow
def test_ingest_rerun_same_rows_and_rejects(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "in", 5)
    store = tmp_path / "s.duckdb"
    first = ingest([str(corpus)], store=store, published="2020-11-19", chunk=2)
    assert (first.written, first.rejected, first.sources) == (5, 2, 5)
    before = rows(store)
    again = ingest([str(corpus)], store=store, published="2020-11-19", chunk=3)
    assert again.written == 0 and rows(store) == before
    reasons = {r[1] for r in before["rejects"]}
    assert reasons == {"binary file, not text", "empty or whitespace only"}


def test_ingest_second_writer_waits_then_fails_clearly(tmp_path: Path) -> None:
    store = tmp_path / "s.duckdb"
    corpus = write_corpus(tmp_path / "in", 1)
    with db.writer_lock(store):
        with pytest.raises(StoreLocked):
            ingest([str(corpus)], store=store, wait=0.5)
        result = sitrep("ingest", str(corpus), "--db", str(store), "--wait", "0.5", "-q")
    assert result.returncode == 3 and "another sitrep process is writing" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.slow
@pytest.mark.parametrize(
    ("files", "code"), [({"e.txt": b""}, 1), ({"e.txt": b"", "a.txt": b"Some words here."}, 0)]
)
def test_ingest_cli_exit_code_nothing_readable(tmp_path: Path, files: dict[str, bytes], code: int) -> None:
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    result = sitrep("ingest", str(tmp_path), "--db", str(tmp_path / "s.duckdb"), "-q")
    assert result.returncode == code, result.stderr
    assert "warning" in result.stderr and "e.txt" in result.stderr


@pytest.mark.parametrize(
    ("value", "iso"),
    [("2020-11-19", "2020-11-19"), ("2020-11-19T10:00:00", "2020-11-19T10:00:00"), (None, None),
     ("Thu, 19 Nov 2020 10:00:00 GMT", "2020-11-19T10:00:00+00:00"), ("19 November 2020", "2020-11-19")],
)  # fmt: skip
def test_check_date_normalises(value: str | None, iso: str | None) -> None:
    assert check_date(value) == iso


@pytest.mark.parametrize("value", ["19/11/2020", "yesterday", "2020-13-01"])
def test_check_date_rejects_other(value: str) -> None:
    with pytest.raises(UserError):
        check_date(value)


@pytest.mark.slow
@pytest.mark.parametrize("workers", [1, 2])
def test_ingest_workers_same_rows_as_one_process(tmp_path: Path, workers: int) -> None:
    from sitrep.pipeline import pipeline_version

    version = pipeline_version()  # the one-process run below uses this process's cached version
    corpus = write_corpus(tmp_path / "in", 12)
    here, there = tmp_path / "here.duckdb", tmp_path / "there.duckdb"
    ingest([str(corpus)], store=here, chunk=4)
    summary = ingest([str(corpus)], store=there, chunk=4, workers=workers)
    skip_if_data_changed(version)
    assert summary.written == 12 and not first_difference(rows(here), rows(there))


@pytest.mark.slow
def test_ingest_concurrent_cli_never_corrupts(tmp_path: Path) -> None:
    version = data_version()
    corpus = write_corpus(tmp_path / "in", 10)
    store, alone = tmp_path / "s.duckdb", tmp_path / "alone.duckdb"
    args = ["ingest", str(corpus), "--db", str(store), "--chunk", "3", "-q"]
    procs = [subprocess.Popen([*SITREP, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]  # fmt: skip
    outs = [p.communicate(timeout=600) for p in procs]
    # the second waits for the first (up to --wait) or gives up with the clear message: never both fail
    codes = sorted(p.returncode for p in procs)
    assert codes in ([0, 0], [0, 3]), outs
    assert codes == [0, 0] or any("another sitrep process is writing" in err for _, err in outs)
    assert run_cli("ingest", str(corpus), "--db", str(alone), "--chunk", "3", "-q").returncode == 0
    skip_if_data_changed(version)
    assert not first_difference(rows(store), rows(alone))


@pytest.mark.slow
@pytest.mark.parametrize("workers", ["0", "1"])  # the line in the writer, or in a process beside it
def test_ingest_killed_at_random_moments_then_rerun_equals_uninterrupted(
    tmp_path: Path, workers: str
) -> None:
    version = data_version()
    corpus = write_corpus(tmp_path / "in", 40)
    clean_store, crashed = tmp_path / "clean.duckdb", tmp_path / "crashed.duckdb"
    args = [str(corpus), "--chunk", "3", "-q", "--published", "2020-11-19", "--workers", workers]
    started = time.monotonic()
    assert run_cli("ingest", *args, "--db", str(clean_store)).returncode == 0
    duration = time.monotonic() - started  # kills land anywhere in a run: loading, reading, writing
    rng = random.Random(7)
    for _ in range(4):
        proc = subprocess.Popen([*SITREP, "ingest", *args, "--db", str(crashed)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
        time.sleep(rng.uniform(0.1, 0.95) * duration)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    assert run_cli("ingest", *args, "--db", str(crashed)).returncode == 0
    skip_if_data_changed(version)
    assert not first_difference(rows(crashed), rows(clean_store))


@pytest.mark.slow
def test_ingest_wikinews_twice_same_rows(wikinews_db: Path, tmp_path: Path) -> None:
    store = tmp_path / "s.duckdb"
    shutil.copyfile(wikinews_db, store)  # the sample ingested once, shared by the session
    before = rows(store)
    second = ingest(wikinews_inputs(), store=store)
    assert len(before["articles"]) > 250 and second.written == 0 and rows(store) == before


@pytest.mark.slow
def test_ingest_cli_stdin_and_language_marked(tmp_path: Path) -> None:
    store = tmp_path / "s.duckdb"
    french = "Le ministre a déclaré mardi que les négociations continueraient à Genève la semaine prochaine."
    result = sitrep("ingest", "-", "--db", str(store), "-q", input=french)
    assert result.returncode == 0 and "1 not English" in result.stdout, result.stderr
    con = duckdb.connect(str(store), read_only=True)
    assert con.execute("SELECT source_ref, language FROM articles").fetchall() == [("<stdin>", "und")]
    assert con.execute("SELECT count(*) FROM events").fetchone() == (0,)


@pytest.mark.parametrize(
    "args", [["--db", "/nonexistent/dir/s.duckdb"], ["--workers", "-1"], ["--published", "19/11/2020"]]
)
def test_ingest_cli_user_mistake_one_line(tmp_path: Path, args: list[str]) -> None:
    (tmp_path / "a.txt").write_text("Some words here.")
    result = sitrep(
        "ingest",
        str(tmp_path / "a.txt"),
        "-q",
        *(["--db", str(tmp_path / "s.duckdb")] if "--db" not in args else []),
        *args,
    )
    assert (
        result.returncode == 2
        and result.stderr.startswith("sitrep: error:")
        and "Traceback" not in result.stderr
    )


def test_run_chunk_isolates_an_article_that_breaks_a_stage_as_spark_does() -> None:
    import spacy
    from spacy.language import Language

    from sitrep.batch import run_chunk
    from sitrep.context import Context
    from sitrep.pipeline import ANALYSIS
    from sitrep.records import Reject, Source

    @Language.component("sitrep_test_boom")
    def boom(doc):  # type: ignore[no-untyped-def]
        if "BOOM" in doc.text:
            raise RuntimeError("stage bug")
        return doc

    nlp = spacy.blank("en")
    nlp.add_pipe("sitrep_test_boom")
    ctx = Context(disabled=frozenset(stage.NAME for stage in ANALYSIS))
    ctx.resource("nlp", lambda: nlp)
    texts = [
        "The talks went on in Geneva today.",
        "The BOOM talks went on.",
        "The talks ended in Paris today.",
    ]
    sources: list[Source | Reject] = [Source(ref=f"t{i}", text=t) for i, t in enumerate(texts)]
    out = run_chunk(sources, ctx, {})
    assert [type(o).__name__ for o in out] == ["Article", "Reject", "Article"]
    assert (
        isinstance(out[1], Reject) and out[1].reason == "internal error in the line: RuntimeError: stage bug"
    )
    from sitrep.pipeline import process_sources
    from sitrep.spark.rows import guarded_line

    spark = list(guarded_line(sources, lambda group: process_sources(group, ctx), ctx.batch_size))
    assert [(o.raw_ref, o.reason) for o in spark if isinstance(o, Reject)] == [("t1", out[1].reason)]


def test_ingest_a_date_in_words_never_wedges_the_store(tmp_path: Path) -> None:
    """A row dated in words is normalised (or rejected when inexact); later ingests link as before."""
    first = tmp_path / "a.csv"
    first.write_text(
        'text,date\n"Rebels attacked the town.","January 4, 2019"\n"Police arrested a man.",yesterday\n'
    )
    store = tmp_path / "s.duckdb"
    summary = ingest([str(first)], store=str(store))
    assert summary.written == 1 and summary.rejected == 1
    second = tmp_path / "b.jsonl"
    second.write_text('{"text": "Protesters marched in Paris.", "date": "2019-01-05"}\n')
    assert ingest([str(second)], store=str(store)).written == 1
    con = duckdb.connect(str(store), read_only=True)
    assert con.execute("SELECT published_at, published_date FROM articles ORDER BY published_at").fetchall() == [
        ("2019-01-04", date(2019, 1, 4)), ("2019-01-05", date(2019, 1, 5))]  # fmt: skip
    reason = con.execute("SELECT reason FROM rejects").fetchone()
    assert reason is not None and reason[0].startswith("published:") and "relative" in reason[0]
    assert con.execute("SELECT count(*) FROM link_vectors").fetchone() == (2,)  # both linked
    con.close()
