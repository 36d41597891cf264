"""Derive sitrep's CAMEO verb tables from PETRARCH2's CAMEO verb dictionary and the CAMEO→PLOVER table.

    python scripts/build_event_lexicon.py [REFERENCE_DIR]

Reads ``cameo-dictionaries/CAMEO.2.0.txt`` (MIT, openeventdata/petrarch2 @ 676801c) and
``plover/CAMEO2PLOVER-2021.txt`` (CC BY-SA 4.0, openeventdata/PLOVER @ 5e0c24f) under REFERENCE_DIR
(default ../shared/reference) and writes one table into sitrep/data/events/:

- ``cameo_verb_objects.tsv``: verb lemma + object noun → code, from the simple patterns ``- * NOUN [code]``
  of each verb block (a multi-word object by its head, the last word: ``{SUICIDE BOMBING}``; a synset
  such as ``&MILITARY`` or ``{&WEAPON ATTACKS}`` expanded to its one-word members), applied to every
  verb of the block as PETRARCH does;
- ``cameo_verbs.tsv``: verb lemma → code for a verb the dictionary codes on its own with its own
  ``[code]`` (a block's code alone is too loose: on Wikinews it coded "prefer", "increase", "face" and
  "die"), used by the stage at the lowest prior and only where gated (lexicon.py, events stage).

Only facts are taken (which words carry which code); CAMEO's statement codes (01x) have no PLOVER
type and are left out; appeals (02x) are PLOVER requests (10x). The dictionary's README warns that it
grew around the CAMEO manual's example sentences: the stage gives these rows a lower prior than the
curated triggers.yaml and patterns.yaml.
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
PATTERN = re.compile(r"^-\s+\*\s+(\{[A-Z &_-]+\}|&?[A-Z][A-Z_-]+)\s+\[([0-9]{2,4})[:\]]")
OWN_CODE = re.compile(r"\[([0-9]{2,4})\]")
SYNSET = re.compile(r"^&([A-Z][A-Z_]*)\s*$")
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


def synsets(lines: list[str]) -> dict[str, list[str]]:
    """``&NAME`` → its one-word members (``+TROOPS`` → "troop"); phrases like ``+ARMED_FORCES`` dropped."""
    sets: dict[str, list[str]] = {}
    name = None
    for raw in lines:
        line = raw.split("#", 1)[0].strip()
        head = SYNSET.match(line)
        if head:
            name = head.group(1)
            sets[name] = []
        elif name and line.startswith("+"):
            word = line[1:].strip().strip("_")
            if word and "_" not in word and word.isalpha():
                sets[name].append(singular(word))
        elif not line:
            name = None
    return sets


def _objects(words: str, sets: dict[str, list[str]]) -> list[str]:
    """The object head nouns a pattern names: the last word of a phrase, a synset's members."""
    last = words.strip("{}").split()[-1]
    if last.startswith("&"):
        return sets.get(last[1:].strip("_"), [])
    return [singular(last)]


def parse(path: Path, table: dict[str, tuple[str, str]]) -> tuple[list[list[str]], list[list[str]]]:
    """Verb + object rows (each block's simple noun patterns applied to every verb of the block) and the
    single-verb rows (a verb's own code, else its block's)."""
    lines = path.read_text(encoding="latin-1").splitlines()
    sets = synsets(lines)
    pairs: dict[tuple[str, str], str] = {}
    singles: dict[str, str] = {}
    members: list[str] = []
    in_verbs = False
    for raw in lines:
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
            for noun in _objects(pattern.group(1), sets):
                for verb in members:
                    pairs.setdefault((verb, noun), pattern.group(2))
            continue
        verb = VERB.match(line)
        if verb and not line.startswith("-"):
            name = lemma(verb.group(1))
            if name is None:
                continue
            members.append(name)
            own = OWN_CODE.search(line)  # a block's code alone is too loose a cue ("prefer", "increase")
            if own is not None:
                singles.setdefault(name, own.group(1))
    pair_rows = [[v, n, c, *p] for (v, n), c in sorted(pairs.items()) if (p := plover(c, table)) is not None]
    single_rows = [[v, c, *p] for v, c in sorted(singles.items()) if (p := plover(c, table)) is not None]
    return pair_rows, single_rows


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
    pairs, singles = parse(reference / "cameo-dictionaries" / "CAMEO.2.0.txt", table)
    write(OUT / "cameo_verb_objects.tsv", ["verb", "object", "cameo", "type", "mode"], pairs)
    write(OUT / "cameo_verbs.tsv", ["verb", "cameo", "type", "mode"], singles)
    print(f"{len(pairs)} verb-object pairs, {len(singles)} single verbs → {OUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "reference")
