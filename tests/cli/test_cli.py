"""The command line as a user meets it: one-line errors, exit codes, and the listing commands."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import sitrep


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["ingest", "/no/such/file.txt"], "no such file"),
        (["ingest", "--published", "19/11/2020", "-"], "--published"),
        (["eval", "nonsense"], "unknown gold set"),
        (["eval", "events", "--split", "half"], "--split must be one of"),
        (["eval", "seed", "--split", "test"], "no dev/test split"),
        (["events", "--db", "/no/such.duckdb"], "no store"),
        (["show", "abc", "--db", "/no/such.duckdb"], "no store"),
    ],
)
def test_user_mistakes_get_one_line_and_nonzero_exit(args: list[str], message: str) -> None:
    result = sitrep(*args)
    assert result.returncode != 0
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli")
    article = folder / "a.txt"
    article.write_text(
        "Police arrested 12 protesters in Nairobi on Monday, officials said.\n\n"
        "Protesters had marched on parliament to demand lower taxes.\n",
        encoding="utf-8",
    )
    (folder / "empty.txt").write_text("   \n", encoding="utf-8")
    db = folder / "s.duckdb"
    result = sitrep("ingest", str(folder), "--published", "2021-06-10", "--db", str(db), "--quiet")
    assert result.returncode == 0, result.stderr
    assert "1 articles stored" in result.stdout or "1 article" in result.stdout
    assert "empty.txt" in result.stderr  # the bad file is named in a warning and the batch went on
    return db


def test_events_json_is_a_list_of_rows(store: Path) -> None:
    result = sitrep("events", "--db", str(store), "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert isinstance(rows, list)
    assert all({"plover_type", "modality", "date"} <= set(r) for r in rows)


def test_show_prints_the_text(store: Path) -> None:
    import duckdb

    [(aid,)] = duckdb.connect(str(store), read_only=True).execute("SELECT id FROM articles").fetchall()
    result = sitrep("show", aid[:8], "--db", str(store))
    assert result.returncode == 0, result.stderr
    assert "Nairobi" in result.stdout


def test_export_csv(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "articles.csv"
    result = sitrep("export", "articles", str(out), "--format", "csv", "--db", str(store))
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8").startswith("id,")


# End to end: the installed console script and ``python -m sitrep.cli`` in a process of their own, as a user
# starts them (the tests above run the same ``main`` in this process).
SCRIPT = str(Path(sys.executable).parent / "sitrep")


def real(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(argv, capture_output=True, text=True, timeout=600)


def test_console_script_help_version_and_a_mistake() -> None:
    helped = real(SCRIPT, "--help")
    assert helped.returncode == 0 and all(c in helped.stdout for c in ("ingest", "events", "serve"))
    assert real(SCRIPT, "--version").stdout.startswith("sitrep ")
    wrong = real(sys.executable, "-m", "sitrep.cli", "events", "--db", "/no/such.duckdb")
    assert wrong.returncode == 2 and wrong.stderr.startswith("sitrep: error: no store")
    assert len(wrong.stderr.strip().splitlines()) == 1


@pytest.mark.slow
def test_console_script_ingests_a_file_and_lists_its_events(tmp_path: Path) -> None:
    article, db = tmp_path / "a.txt", str(tmp_path / "s.duckdb")
    article.write_text(
        "Police arrested 12 protesters in Nairobi on Monday, officials said.\n", encoding="utf-8"
    )
    stored = real(SCRIPT, "ingest", str(article), "--published", "2021-06-10", "--db", db)
    assert stored.returncode == 0 and "1 article" in stored.stdout, stored.stderr
    listed = real(SCRIPT, "events", "--db", db, "--format", "json")
    assert listed.returncode == 0 and [r["place_name"] for r in json.loads(listed.stdout)] == ["Nairobi"]
