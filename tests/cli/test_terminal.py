"""The listing commands as a person meets them: a table that reads at 80 columns, TSV into a pipe, the
columns asked for in every format, marks as text in ``show``, and one-line errors for every mistake."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from sitrep.cli.main import main
from sitrep.cli.show import marked
from sitrep.records import Event, EventActor, Span
from sitrep.store import db

from ..linking.conftest import make_article, make_event, write

LONG = "the long-standing and much-discussed delegation of the regional water authority"
TEXT = (
    f"Rebels hit a convoy near Baghdad on 17 November.\u00a0Then {LONG} met the governor in Basra "
    "the next day."
)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("terminal") / "s.duckdb"
    con = db.connect(path)
    events = (
        party(make_event(TEXT, "hit"), "Rebels"),
        party(make_event(TEXT, "met", type_="CONSULT", day="2020-11-18"), LONG),
    )
    write(con, make_article(TEXT, publisher="AP", events=events))
    con.close()
    return path


def party(event: Event, words: str) -> Event:
    """The event with ``words`` of the text as its source."""
    at = TEXT.index(words)
    return dataclasses.replace(
        event, source=EventActor(Span(at, at + len(words), words), None, words, "IRQ", None)
    )


def sitrep(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run the command in this process as the console script does: (exit code, stdout, stderr)."""
    argv, sys.argv = sys.argv, ["sitrep", *args]
    try:
        main()
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    finally:
        sys.argv = argv
    out, err = capsys.readouterr()
    return code, out, err


def test_table_at_80_columns_cuts_values_and_keeps_one_line_per_row(
    store: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    code, out, _ = sitrep(capsys, "events", "--db", str(store), "--format", "table")
    assert code == 0
    lines = out.splitlines()
    assert all(len(line) <= 80 for line in lines)
    header = next(line for line in lines if "modality" in line).split()
    assert header == ["id", "date", "type", "modality", "source", "target", "place"]
    rows = [line for line in lines if "2020-11-1" in line]
    assert len(rows) == 2  # one line each: nothing folded onto a second line
    assert any("the long-" in row and row.split()[-2].endswith("…") for row in rows)
    assert "CONSULT" in out and "ASSAULT" in out and "asserted" in out


def test_table_uses_the_width_of_a_wide_terminal(
    store: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    code, out, _ = sitrep(capsys, "events", "--db", str(store), "--format", "table")
    assert code == 0 and LONG in out and "…" not in out


def test_terminal_gets_a_table_by_default(store: Path) -> None:
    """A real pseudo-terminal 80 columns wide, as a person's shell would be."""
    leader, follower = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    import fcntl
    import struct
    import termios

    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    proc = subprocess.run([sys.executable, "-m", "sitrep.cli", "events", "--db", str(store)],
                          stdout=follower, stderr=subprocess.PIPE, env=env, timeout=120)  # fmt: skip
    os.close(follower)
    out = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    os.close(leader)
    text = out.decode("utf-8")
    assert proc.returncode == 0, proc.stderr
    assert "\t" not in text and "modality" in text
    assert all(len(line) <= 80 for line in text.replace("\x1b", "").splitlines() if "[" not in line)


def test_pipe_gets_tsv_with_a_header_even_when_empty(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = sitrep(capsys, "events", "--db", str(store))
    assert code == 0
    rows = list(csv.reader(io.StringIO(out), delimiter="\t"))
    assert rows[0] == ["id", "date", "plover_type", "modality", "source_text", "target_text", "place_name"]
    assert len(rows) == 3 and all(len(r) == 7 for r in rows)
    assert "\u00a0" not in out
    code, out, _ = sitrep(capsys, "events", "--db", str(store), "--type", "protest")
    assert code == 0 and out.splitlines() == ["\t".join(rows[0])]
    code, out, _ = sitrep(capsys, "events", "--db", str(store), "--type", "protest", "--format", "csv")
    assert out.splitlines() == [",".join(rows[0])]


@pytest.mark.parametrize("fmt", ["tsv", "csv", "json", "table"])
def test_columns_and_all_work_in_every_format(
    store: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    monkeypatch.setenv("COLUMNS", "2000")
    code, out, _ = sitrep(capsys, "events", "--db", str(store), "--format", fmt, "--columns", "id,killed")
    assert code == 0
    assert "plover_type" not in out and "type" not in out and "killed" in out
    code, out, _ = sitrep(capsys, "events", "--db", str(store), "--format", fmt, "--all")
    assert code == 0 and "pipeline_version" in out and "trigger_text" in out


def test_json_evidence_is_a_list(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = sitrep(
        capsys, "events", "--db", str(store), "--format", "json", "--columns", "id,evidence"
    )
    assert code == 0
    rows = json.loads(out)
    assert len(rows) == 2 and all(isinstance(r["evidence"], list) for r in rows)


@pytest.mark.parametrize("place", ["IQ", "IRQ", "iraq", "Iraq", "Baghdad"])
def test_place_takes_iso2_iso3_or_a_name(store: Path, capsys: pytest.CaptureFixture[str], place: str) -> None:
    code, out, _ = sitrep(capsys, "events", "--db", str(store), "--place", place, "--format", "json")
    assert code == 0 and len(json.loads(out)) == 2


def test_incidents_brief_table_and_tsv(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = sitrep(capsys, "incidents", "--db", str(store))
    assert code == 0 and out.splitlines()[0].split("\t")[:2] == ["id", "plover_type"]


def test_actors_on_keeps_only_roles_held_that_day(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = sitrep(capsys, "actors", "president", "--on", "2020-11-19", "--format", "json", "--all")
    assert code == 0
    rows = {r["id"]: r for r in json.loads(out)}
    assert "donald-trump" in rows and "ronald-reagan" not in rows
    assert "→2021-01-20" in rows["donald-trump"]["roles"] or "2017-01-20" in rows["donald-trump"]["roles"]
    assert all("1989" not in r["roles"] for r in rows.values())


def test_show_plain_marks_facts_as_text_with_each_event(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    [(aid,)] = db.connect(store, read_only=True).execute("SELECT id FROM articles").fetchall()
    code, out, _ = sitrep(capsys, "show", aid[:8], "--db", str(store), "--plain")
    assert code == 0
    assert "[EVENT ASSAULT: hit]" in out and "[EVENT CONSULT: met]" in out
    assert "ASSAULT: hit | source: Rebels | place: Baghdad | date: 2020-11-17" in out
    assert "\\xa0" not in out and "\x1b[" not in out
    piped = sitrep(capsys, "show", aid[:8], "--db", str(store))
    assert piped[1] == out  # piped output is plain without asking


def test_marks_nest_and_a_crossing_fact_stays_unmarked() -> None:
    text = "Rebels said they hit Baghdad."
    facts = [
        (12, 28, "quote", ""),
        (17, 20, "event", "ASSAULT"),
        (21, 28, "place", "98182"),
        (0, 15, "actor", "x"),
    ]
    assert marked(text, facts) == "Rebels said [QUOTE: they [EVENT ASSAULT: hit] [PLACE 98182: Baghdad]]."


EXPORT_FORMATS = ["parquet", "csv", "plover-json", "gdelt"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["events", "--limit", "-1"], "--limit"),
        (["events", "--limit", "-5"], "--limit"),
        (["events", "--limit", "99999999999999999999"], "--limit"),
        (["events", "--type", "FOO"], "ASSAULT"),
        (["events", "--modality", "sure"], "asserted"),
        (["events", "--columns", "id,nope"], "nope"),
        (["events", "--all", "--columns", "id"], "--columns"),
        (["events", "--format", "xml"], "tsv"),
        (["actors", "--kind", "militia"], "organisation"),
        (["actors", "--on", "2020-13-45"], "--on"),
        (["serve", "--port", "99999"], "--port"),
        (["serve", "--port", "-1"], "--port"),
        *((["export", "events", "/no/such/dir/x", "--format", f], "no folder") for f in EXPORT_FORMATS),
        *((["export", "events", "/tmp", "--format", f], "is a folder") for f in EXPORT_FORMATS),
    ],
)
def test_mistakes_are_one_line_errors(
    store: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    db_args = [] if args[0] == "actors" else ["--db", str(store)]
    code, _, err = sitrep(capsys, *args, *db_args)
    assert code != 0
    assert message in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err


def test_help_shows_no_bool_metavar(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = sitrep(capsys, "events", "--help")
    assert code == 0 and "<bool>" not in out and "--all" in out


def test_serve_on_a_busy_port_is_one_line(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        code, _, err = sitrep(capsys, "serve", "--db", str(store), "--port", str(busy.getsockname()[1]))
    assert code != 0 and "cannot listen" in err and len(err.strip().splitlines()) == 1
