"""No gold sentence in the code: no 8-word run of any gold text appears in sitrep/, tests/ or scripts/.

A rule is judged on data it was not written from, so the texts of ../shared/eval (and the Wikinews articles
of our own end-to-end gold) must not be quoted, even in a comment: a quoted record is a rule fitted to that
record. Texts are compared as runs of ``RUN`` lowercase word tokens. Runs of proper names that the
reference sources themselves hold (an armed group's full name, say) are excepted in ``gold_leak_allow.tsv``,
one run a line, each with its reason.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import json
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy as np
import pytest
from lxml import etree, html

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
WIKINEWS = ROOT.parent / "shared" / "corpus" / "wikinews"
ALLOW = Path(__file__).with_name("gold_leak_allow.tsv")
SCANNED = ("sitrep", "tests", "scripts")
RUN = 8
# Files that hold no prose of ours: binary data, third-party vendored code, and the allow-list itself.
SKIP_SUFFIXES = {".npz", ".png", ".jpg", ".gif", ".ico", ".gz", ".pyc", ".parquet", ".db", ".sqlite"}
SKIP_PARTS = {"__pycache__", "vendor", ".mypy_cache", ".ruff_cache", ".pytest_cache"}
MAX_BYTES = 5_000_000

_APOSTROPHE = re.compile(r"['\u2019\u02bc]")
_WORD = re.compile(r"\w+(?:['\u2019\u02bc]\w+)*")


def tokens(text: str) -> Iterator[tuple[int, str]]:
    """(offset, word): lowercase word tokens, apostrophes dropped so "don't" and "don’t" read alike."""
    for m in _WORD.finditer(text):
        yield m.start(), _APOSTROPHE.sub("", m.group().lower())


def words(text: str) -> list[str]:
    return [w for _, w in tokens(text)]


def runs(text: str) -> Iterator[str]:
    w = words(text)
    for i in range(len(w) - RUN + 1):
        yield " ".join(w[i : i + RUN])


def _hashes(texts: Iterable[str]) -> np.ndarray:
    return np.unique(np.fromiter((hash(r) for t in texts for r in runs(t)), dtype=np.int64))


# --- the gold texts -------------------------------------------------------------------------------------


def _events(root: Path) -> Iterator[tuple[str, str]]:
    for path in sorted((root / "events").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                yield f"events {record['id']}", record["text"]


def _time(root: Path) -> Iterator[tuple[str, str]]:
    for path in sorted((root / "time").rglob("*.tml")):
        tree = etree.parse(str(path))
        yield f"time {path.stem}", " ".join(tree.getroot().itertext())


def _extraction(root: Path) -> Iterator[tuple[str, str]]:
    truth = root / "extraction" / "ground-truth.json"
    if truth.exists():
        for item, record in json.loads(truth.read_text(encoding="utf-8")).items():
            yield f"extraction {item}", record["articleBody"]
    for path in sorted((root / "extraction" / "html").glob("*.html.gz")):
        doc = html.fromstring(gzip.decompress(path.read_bytes()))
        for bad in doc.xpath("//script|//style|//noscript"):
            bad.drop_tree()
        yield f"extraction {path.name.split('.')[0]} (html)", doc.text_content()


def _places(root: Path) -> Iterator[tuple[str, str]]:
    for path in sorted((root / "geo").glob("*.xml")):
        for article in etree.parse(str(path)).getroot().iter("article"):
            yield (
                f"places {path.stem} {article.get('file')}",
                " ".join((article.findtext(tag) or "") for tag in ("title", "text")),
            )


def _incidents(root: Path) -> Iterator[tuple[str, str]]:
    for path in sorted((root / "ecbplus").glob("*/*.xml")):
        tokens = etree.parse(str(path)).getroot().iter("token")
        yield f"incidents {path.name}", " ".join(t.text or "" for t in tokens)


def _wikinews(root: Path) -> Iterator[tuple[str, str]]:
    order = root / "wikinews-e2e" / "order.txt"
    if not order.exists():
        return
    wanted = {line.strip() for line in order.read_text(encoding="utf-8").splitlines() if line.strip()}
    csv.field_size_limit(sys.maxsize)
    for path in sorted(WIKINEWS.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                if row["url"] in wanted:
                    yield f"wikinews {row['url']}", f"{row['title']}\n{row['text']}"


def gold_texts(root: Path = EVAL) -> Iterator[tuple[str, str]]:
    """(label, text) of every gold text: events, time, extraction, places, incidents, Wikinews end-to-end."""
    for reader in (_events, _time, _extraction, _places, _incidents, _wikinews):
        yield from reader(root)


# --- the scan --------------------------------------------------------------------------------------------


def digest(run: str) -> str:
    """The allow-list names a run by this digest, so that the list itself quotes no gold text."""
    return hashlib.sha256(run.encode("utf-8")).hexdigest()


def allowed(path: Path = ALLOW) -> set[str]:
    """The allow-list: ``sha256-of-run<TAB>reason``; a line without a reason is an error, not an exception."""
    digests: set[str] = set()
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        key, _, reason = line.partition("\t")
        if not reason.strip():
            raise ValueError(f"{path.name}:{n}: an allowed run needs its reason after a tab")
        if not re.fullmatch(r"[0-9a-f]{64}", key):
            raise ValueError(f"{path.name}:{n}: an allowed run is named by the sha256 of its {RUN} words")
        digests.add(key)
    return digests


def scanned_files(roots: Iterable[Path]) -> Iterator[Path]:
    for root in roots:
        for path in sorted(root.rglob("*")):
            if (
                path.is_file()
                and path != ALLOW
                and path.suffix.lower() not in SKIP_SUFFIXES
                and not SKIP_PARTS.intersection(path.parts)
                and path.stat().st_size <= MAX_BYTES
            ):
                yield path


def leaks(gold: np.ndarray, roots: Iterable[Path], allow: set[str]) -> list[tuple[Path, int, str]]:
    """(file, line, run) of every gold run found in a text file under ``roots``."""
    found: list[tuple[Path, int, str]] = []
    for path in scanned_files(roots):
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue  # binary
        toks = list(tokens(text))
        if len(toks) < RUN:
            continue
        offsets, w = [o for o, _ in toks], [t for _, t in toks]
        grams = [" ".join(w[i : i + RUN]) for i in range(len(w) - RUN + 1)]
        hashes = np.fromiter((hash(g) for g in grams), dtype=np.int64, count=len(grams))
        at = np.minimum(np.searchsorted(gold, hashes), len(gold) - 1)
        hit = gold[at] == hashes  # gold is sorted and unique
        if not hit.any():
            continue
        for i in np.flatnonzero(hit):
            if digest(grams[i]) not in allow:
                found.append((path, text.count("\n", 0, offsets[i]) + 1, grams[i]))
    return found


def report(found: list[tuple[Path, int, str]]) -> str:
    """One line per hit: where it is, the run, and the gold text it comes from (not the gold sentence)."""
    wanted = {run for _, _, run in found}
    source = {r: label for label, text in gold_texts() for r in runs(text) if r in wanted}
    return "\n".join(f"{path}:{line}: {run!r} ({source.get(run, '?')})" for path, line, run in found)


@pytest.fixture(scope="session")
def gold_runs() -> np.ndarray:
    if not EVAL.exists():
        pytest.skip(f"the shared gold sets are not at {EVAL}")
    return _hashes(text for _, text in gold_texts())


def test_no_gold_run_in_the_code(gold_runs: np.ndarray) -> None:
    found = leaks(gold_runs, [ROOT / d for d in SCANNED], allowed())
    assert not found, "gold text quoted in the code:\n" + report(found)


def test_a_pasted_gold_sentence_is_caught(gold_runs: np.ndarray, tmp_path: Path) -> None:
    label, text = next(gold_texts())
    sentence = " ".join(words(text)[: RUN + 2])
    (tmp_path / "rule.py").write_text(
        f"def rule() -> None:\n    # as in: {sentence.upper()}\n    return None\n"
    )
    (tmp_path / "clean.py").write_text("# an army shelled a town near the border on Monday, officials said\n")
    found = leaks(gold_runs, [tmp_path], set())
    assert {p.name for p, _, _ in found} == {"rule.py"}, label
    assert leaks(gold_runs, [tmp_path], {digest(r) for _, _, r in found}) == []


def test_the_allow_list_needs_reasons(tmp_path: Path) -> None:
    bad = tmp_path / "allow.tsv"
    bad.write_text("one two three four five six seven eight\n")
    with pytest.raises(ValueError, match="reason"):
        allowed(bad)
