"""``sitrep demo``: progress while it reads, then a short summary a person can act on."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import sitrep


def test_demo_summarises_types_the_seed_and_what_next(tmp_path: Path) -> None:
    (tmp_path / "corpus" / "wikinews").mkdir(parents=True)
    (tmp_path / "seed").mkdir()
    (tmp_path / "corpus" / "wikinews" / "a.txt").write_text(
        "Police arrested 12 protesters in Nairobi on Monday, officials said.\n", encoding="utf-8"
    )
    (tmp_path / "seed" / "seed-article.txt").write_text(
        "Rebels attacked an army base in Kabul on Tuesday. The minister will visit Kabul next week.\n",
        encoding="utf-8",
    )
    db = str(tmp_path / "d.duckdb")
    result = sitrep("demo", "--shared", str(tmp_path), "--db", db, "--quiet")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "2 articles newly stored" in out
    assert "Asserted events by type" in out and "ASSAULT" in out
    assert "other events" in out  # one line for every modality but asserted
    seed = out[out.index("The seed article") :]
    assert "ASSAULT: attacked | source: Rebels" in seed and "place: Kabul" in seed
    assert f"sitrep serve --db {db}" in out and "sitrep events --type ASSAULT" in out
    assert len(out.splitlines()) < 30
