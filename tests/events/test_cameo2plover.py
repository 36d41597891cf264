"""The curated lexicon agrees with the CAMEO2PLOVER table, or says where and why it departs from it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from sitrep.events.lexicon import DATA, load

TABLE = (
    Path(__file__).resolve().parents[2].parent / "shared" / "reference" / "plover" / "CAMEO2PLOVER-2021.txt"
)


def _table() -> dict[str, str]:
    if not TABLE.exists():
        pytest.skip(f"the CAMEO2PLOVER table is not at {TABLE}")
    rows = (re.match(r"^(\d+):\s*([A-Z]+)", line) for line in TABLE.read_text(encoding="utf-8").splitlines())
    return {m.group(1): m.group(2) for m in rows if m}


def test_every_curated_code_maps_to_its_type_or_is_a_stated_departure() -> None:
    table = _table()
    with open(DATA / "patterns.yaml", encoding="utf-8") as fh:
        stated = {(d["cameo"], d["type"]) for d in yaml.safe_load(fh)["cameo2plover_departures"]}
    lex = load()
    entries = [e for es in lex.triggers.values() for e in es if not e.rule.startswith("cameo-")]
    entries += [*lex.verb_object.values(), *lex.compounds.values(), *lex.adjectives.values()]
    found = {(e.cameo, e.type) for e in entries if e.cameo in table and table[e.cameo] != e.type}
    assert found <= stated, sorted(found - stated)
    assert stated <= found, f"departures no entry makes any more: {sorted(stated - found)}"
