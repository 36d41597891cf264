"""Derive sitrep's CAMEO verb tables from PETRARCH2's CAMEO verb dictionary and the CAMEO→PLOVER table.

    python scripts/build_event_lexicon.py [REFERENCE_DIR]

Reads ``cameo-dictionaries/CAMEO.2.0.txt`` (MIT, openeventdata/petrarch2 @ 676801c) and
``plover/CAMEO2PLOVER-2021.txt`` (CC BY-SA 4.0, openeventdata/PLOVER @ 5e0c24f) under REFERENCE_DIR
(default ../shared/reference) and writes one table into sitrep/data/events/:

- ``cameo_verb_objects.tsv``: verb lemma + object noun → code, from the simple patterns ``- * NOUN [code]``
  of each verb block, applied to every verb of the block as PETRARCH does.

Only facts are taken (which word pairs carry which code); CAMEO's statement codes (01x) have no PLOVER
type and are left out; appeals (02x) are PLOVER requests (10x). The dictionary's README warns that it
grew around the CAMEO manual's example sentences: the stage gives these rows a lower prior than the
curated triggers.yaml and patterns.yaml. The dictionary's single verbs (a verb coded on its own) are not
used: on Wikinews they coded "debate", "examine", "demonstrates (that)" and "died" as events.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "sitrep" / "data" / "events"
BLOCK = re.compile(r"^---\s+\S+\s+\[[^\]]*\]\s+---")
VERB = re.compile(r"^\+?([A-Z][A-Z_'-]*)")
PATTERN = re.compile(r"^-\s+\*\s+(\{[A-Z ]+\}|[A-Z][A-Z-]+)\s+\[([0-9]{2,4})[:\]]")
PARTICLES = frozenset({"up", "down", "out", "off", "back", "in", "on", "over", "away"})


def plover_table(path: Path) -> dict[str, tuple[str, str]]:
    """CAMEO code → (PLOVER type, mode); DEMAND is REQUEST in the current manual."""
    table: dict[str, tuple[str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{3,4}):\s*([A-Z]+)\s*,\s*([^,#]*)", line)
        if m:
            type_ = "REQUEST" if m.group(2) == "DEMAND" else m.group(2)
            table[m.group(1)] = (type_, m.group(3).strip())
    return table


def plover(code: str, table: dict[str, tuple[str, str]]) -> tuple[str, str] | None:
    if code.startswith("01") or code.startswith("00"):
        return None
    if code.startswith("02"):  # appeals are requests
        code = "10" + code[2:]
    for key in (code, code[:3]):
        if key in table:
            return table[key]
    return None


def singular(word: str) -> str:
    word = word.lower()
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if re.search(r"(ss|x|ch|sh)es$", word):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def lemma(word: str) -> str | None:
    """A dictionary verb as a spaCy-style lemma: ``SHUT_DOWN`` → "shut down"; other phrases dropped."""
    parts = word.lower().split("_")
    parts = [p for p in parts if p]
    if len(parts) == 1:
        return parts[0]
    if len(parts) == 2 and parts[1] in PARTICLES:
        return " ".join(parts)
    return None


def parse(path: Path, table: dict[str, tuple[str, str]]) -> list[list[str]]:
    """Verb + object rows: each block's simple noun patterns applied to every verb of the block."""
    pairs: dict[tuple[str, str], str] = {}
    members: list[str] = []
    in_verbs = False
    for raw in path.read_text(encoding="latin-1").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if raw.startswith("####### VERB PATTERNS"):
            in_verbs = True
            continue
        if raw.startswith("######## TRANSFORMATIONS"):
            break
        if not in_verbs or not line.strip():
            continue
        if BLOCK.match(line):
            members = []
            continue
        pattern = PATTERN.match(line)
        if pattern:
            noun = singular(pattern.group(1).strip("{}").split()[-1])
            for verb in members:
                pairs.setdefault((verb, noun), pattern.group(2))
            continue
        verb = VERB.match(line)
        if verb and not line.startswith("-"):
            name = lemma(verb.group(1))
            if name is None:
                continue
            members.append(name)
    return [[v, n, c, *p] for (v, n), c in sorted(pairs.items()) if (p := plover(c, table)) is not None]


SOURCE = (
    "# source: CAMEO.2.0.txt (openeventdata/petrarch2 @ 676801c, MIT) and CAMEO2PLOVER-2021.txt"
    " (openeventdata/PLOVER @ 5e0c24f, CC BY-SA 4.0); made by scripts/build_event_lexicon.py — see NOTICE\n"
)


def write(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write(SOURCE)
        out = csv.writer(fh, delimiter="\t", lineterminator="\n")
        out.writerow(header)
        out.writerows(rows)


def main(reference: Path) -> None:
    table = plover_table(reference / "plover" / "CAMEO2PLOVER-2021.txt")
    pairs = parse(reference / "cameo-dictionaries" / "CAMEO.2.0.txt", table)
    write(OUT / "cameo_verb_objects.tsv", ["verb", "object", "cameo", "type", "mode"], pairs)
    print(f"{len(pairs)} verb-object pairs → {OUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "reference")
