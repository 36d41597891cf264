"""The CLI starts without the line: --help, --version and the read commands must not import spaCy."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("spacy", "datasketch", "pandas", "scipy", "fastapi")


def test_cli_imports_no_heavy_library_before_a_command_runs() -> None:
    code = f"import sys, sitrep.cli.main\nprint(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_read_command_modules_import_no_heavy_library() -> None:
    code = (
        "import sys\n"
        "from sitrep.store import queries, db\n"
        f"print(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
