"""Appending a block of figures to docs/benchmarks.md: shared by `make bench` and `make eval`."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "benchmarks.md"


def append(lines: list[str], doc: Path = DOC, title: str = "Benchmarks") -> None:
    doc.parent.mkdir(exist_ok=True)
    if not doc.exists():
        doc.write_text(f"# {title}\n\nEvery figure here comes from a command anyone can rerun.\n")
    with doc.open("a", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    print(f"appended to {doc.relative_to(ROOT)}")
