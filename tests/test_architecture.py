"""The house's layers hold (.importlinter, run by `make check`), and the check would see a break."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LINT = Path(sys.executable).with_name("lint-imports")


def _lint(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(LINT), "--no-cache"], cwd=root, capture_output=True, text=True,
                          env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"})  # fmt: skip


def test_import_contracts_are_kept() -> None:
    result = _lint(ROOT)
    assert result.returncode == 0, result.stdout[-3000:]


def test_a_stage_importing_the_store_breaks_the_contract(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "sitrep", tmp_path / "sitrep", ignore=shutil.ignore_patterns("data", "static"))
    shutil.copy(ROOT / ".importlinter", tmp_path)
    clean = tmp_path / "sitrep" / "stages" / "clean.py"
    clean.write_text(clean.read_text(encoding="utf-8") + "\nfrom sitrep.store import db  # noqa\n")
    result = _lint(tmp_path)
    assert result.returncode != 0
    assert "sitrep.stages is not allowed to import sitrep.store" in result.stdout


def test_nothing_imports_by_a_name_in_a_string() -> None:
    """An import by string (importlib.import_module, __import__) is a dependency no tool can see."""
    found = [
        f"{path.relative_to(ROOT)}:{n}"
        for path in sorted((ROOT / "sitrep").rglob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "import_module(" in line or "__import__(" in line
    ]
    assert found == []
