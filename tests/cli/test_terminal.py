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

from sitrep.cli.show import marked
from sitrep.records import Event, EventActor, Span
from sitrep.store import db
from tests.conftest import sitrep

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


def test_table_at_80_columns_cuts_values_and_keeps_one_line_per_row(
    store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    result = sitrep("events", "--db", str(store), "--format", "table")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert all(len(line) <= 80 for line in lines)
    header = next(line for line in lines if "modality" in line).split()
    assert header == ["id", "date", "type", "modality", "source", "target", "place"]
    rows = [line for line in lines if "2020-11-1" in line]
    assert len(rows) == 2  # one line each: nothing folded onto a second line
    assert any("the long-" in row and row.split()[-2].endswith("…") for row in rows)
    assert "CONSULT" in result.stdout and "ASSAULT" in result.stdout and "asserted" in result.stdout


def test_table_uses_the_width_of_a_wide_terminal(store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    result = sitrep("events", "--db", str(store), "--format", "table")
    assert result.returncode == 0 and LONG in result.stdout and "…" not in result.stdout


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


def test_pipe_gets_tsv_with_a_header_even_when_empty(store: Path) -> None:
    result = sitrep("events", "--db", str(store))
    assert result.returncode == 0
    rows = list(csv.reader(io.StringIO(result.stdout), delimiter="\t"))
    assert rows[0] == ["id", "date", "plover_type", "modality", "source_text", "target_text", "place_name"]
    assert len(rows) == 3 and all(len(r) == 7 for r in rows)
    assert "\u00a0" not in result.stdout
    result = sitrep("events", "--db", str(store), "--type", "protest")
    assert result.returncode == 0 and result.stdout.splitlines() == ["\t".join(rows[0])]
    result = sitrep("events", "--db", str(store), "--type", "protest", "--format", "csv")
    assert result.stdout.splitlines() == [",".join(rows[0])]


@pytest.mark.parametrize("fmt", ["tsv", "csv", "json", "table"])
def test_columns_and_all_work_in_every_format(store: Path, monkeypatch: pytest.MonkeyPatch, fmt: str) -> None:
    monkeypatch.setenv("COLUMNS", "2000")
    result = sitrep("events", "--db", str(store), "--format", fmt, "--columns", "id,killed")
    assert result.returncode == 0
    assert "plover_type" not in result.stdout and "type" not in result.stdout and "killed" in result.stdout
    result = sitrep("events", "--db", str(store), "--format", fmt, "--all")
    assert result.returncode == 0 and "pipeline_version" in result.stdout and "trigger_text" in result.stdout


def test_json_evidence_is_a_list(store: Path) -> None:
    result = sitrep("events", "--db", str(store), "--format", "json", "--columns", "id,evidence")
    assert result.returncode == 0
    rows = json.loads(result.stdout)
    assert len(rows) == 2 and all(isinstance(r["evidence"], list) for r in rows)


@pytest.mark.parametrize("place", ["IQ", "IRQ", "iraq", "Iraq", "Baghdad"])
def test_place_takes_iso2_iso3_or_a_name(store: Path, place: str) -> None:
    result = sitrep("events", "--db", str(store), "--place", place, "--format", "json")
    assert result.returncode == 0 and len(json.loads(result.stdout)) == 2


def test_incidents_brief_table_and_tsv(store: Path) -> None:
    result = sitrep("incidents", "--db", str(store))
    assert result.returncode == 0 and result.stdout.splitlines()[0].split("\t")[:2] == ["id", "plover_type"]


def test_actors_on_keeps_only_roles_held_that_day() -> None:
    result = sitrep("actors", "president", "--on", "2020-11-19", "--format", "json", "--all")
    assert result.returncode == 0
    rows = {r["id"]: r for r in json.loads(result.stdout)}
    assert "donald-trump" in rows and "ronald-reagan" not in rows
    assert "→2021-01-20" in rows["donald-trump"]["roles"] or "2017-01-20" in rows["donald-trump"]["roles"]
    assert all("1989" not in r["roles"] for r in rows.values())


def test_show_plain_marks_facts_as_text_with_each_event(store: Path) -> None:
    [(aid,)] = db.connect(store, read_only=True).execute("SELECT id FROM articles").fetchall()
    result = sitrep("show", aid[:8], "--db", str(store), "--plain")
    assert result.returncode == 0
    assert "[EVENT ASSAULT: hit]" in result.stdout and "[EVENT CONSULT: met]" in result.stdout
    assert "ASSAULT: hit | source: Rebels | place: Baghdad | date: 2020-11-17" in result.stdout
    assert "\\xa0" not in result.stdout and "\x1b[" not in result.stdout
    piped = sitrep("show", aid[:8], "--db", str(store))
    assert piped.stdout == result.stdout  # piped output is plain without asking


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
def test_mistakes_are_one_line_errors(store: Path, args: list[str], message: str) -> None:
    db_args = [] if args[0] == "actors" else ["--db", str(store)]
    result = sitrep(*args, *db_args)
    assert result.returncode != 0
    assert message in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_help_shows_no_bool_metavar() -> None:
    result = sitrep("events", "--help")
    assert result.returncode == 0 and "<bool>" not in result.stdout and "--all" in result.stdout


def test_serve_on_a_busy_port_is_one_line(store: Path) -> None:
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        result = sitrep("serve", "--db", str(store), "--port", str(busy.getsockname()[1]))
    assert (
        result.returncode != 0
        and "cannot listen" in result.stderr
        and len(result.stderr.strip().splitlines()) == 1
    )
