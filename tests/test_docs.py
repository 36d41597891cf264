"""The README, the CLI's --help and the docs agree (CONVENTIONS 10)."""

from __future__ import annotations

import re
from pathlib import Path

from sitrep.cli.main import app
from tests.conftest import sitrep

ROOT = Path(__file__).resolve().parents[1]


def _registered() -> set[str]:
    return {c.name for c in app.registered_commands if c.name}


def test_readme_lists_every_command_and_no_other() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"^\| `sitrep (\w+)", readme, flags=re.MULTILINE))
    assert listed == _registered()


def test_every_command_has_help() -> None:
    for name in sorted(_registered()):
        result = sitrep(name, "--help")
        assert result.returncode == 0, name
        assert "Usage" in result.stdout


def test_readme_names_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make demo" in readme and "make test" in readme
