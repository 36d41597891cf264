"""TempEval-3 Task A (timex extents and attributes) over a folder of TimeML ``.tml`` files.

Each document's text is the content of its TEXT element (tags removed, entities decoded); gold offsets
are counted on that text here, because TimeML carries none. The document time is the TIMEX3 with
``functionInDocument="CREATION_TIME"``; it is passed to the real line as the publication date.

The metrics follow the TE3 scorer: strict P/R on identical extents, relaxed P/R on overlapping ones,
and for an attribute, the matches (relaxed) that agree on it divided by the system's timexes
(precision) and by the gold timexes (recall). The line may reshape whitespace while cleaning, so
system offsets are carried back to the gold text through a character alignment.
"""

from __future__ import annotations

import difflib
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass, fields, replace
from pathlib import Path

from sitrep.context import Context, default_context
from sitrep.errors import UserError
from sitrep.eval.base import EvalResult, judged, prf
from sitrep.eval.splits import Split, keep
from sitrep.pipeline import ANALYSIS, process


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True)
class Document:
    name: str
    text: str
    dct: str | None
    timexes: tuple[Timex, ...]


def read_tml(path: Path) -> Document:
    """Parse one TimeML file: the TEXT content with the offsets of its TIMEX3 tags, and the DCT."""
    root = ET.parse(path).getroot()
    dct = next(
        (t.get("value") for t in root.iter("TIMEX3") if t.get("functionInDocument") == "CREATION_TIME"),
        None,
    )
    body = root.find("TEXT")
    parts: list[str] = []
    found: list[Timex] = []

    def walk(elem: ET.Element) -> None:
        start = sum(map(len, parts))
        parts.append(elem.text or "")
        for child in elem:
            walk(child)
            parts.append(child.tail or "")
        if elem.tag == "TIMEX3":
            end = sum(map(len, parts))
            text = "".join(parts)[start:end]
            found.append(Timex(start, end, text, elem.get("type", ""), elem.get("value", "")))

    if body is not None:
        walk(body)
    return Document(path.stem, "".join(parts), dct[:10] if dct else None, tuple(found))


def align(source: str, target: str) -> list[int]:
    """For each offset of ``target`` (and its end), the nearest offset of ``source`` it came from."""
    mapping = [-1] * (len(target) + 1)
    matcher = difflib.SequenceMatcher(None, source, target, autojunk=False)
    for a, b, size in matcher.get_matching_blocks():
        for k in range(size + 1):
            if b + k <= len(target):
                mapping[b + k] = a + k
    last = 0
    for i, value in enumerate(mapping):
        if value < 0:
            mapping[i] = last
        last = mapping[i]
    return mapping


def _context(ctx: Context) -> Context:
    """The caller's context (its model, its parse mode) up to the time stage: later stages add nothing to
    times, so they are switched off."""
    return replace(ctx, disabled=frozenset(stage.NAME for stage in ANALYSIS if stage.NAME != "time"))


def system_timexes(doc: Document, ctx: Context) -> tuple[Timex, ...]:
    """Run the whole line on the document text, published on its DCT; offsets mapped to the gold text."""
    article = process(doc.text, published=doc.dct, ctx=ctx)
    mapping = align(doc.text, article.text)
    return tuple(
        Timex(mapping[t.start], mapping[t.end], t.text, t.type, t.value or "") for t in article.times
    )


@dataclass
class Counts:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    type: int = 0

    def add(self, gold: tuple[Timex, ...], system: tuple[Timex, ...]) -> list[tuple[Timex, Timex | None]]:
        """Pair each gold timex with an unused overlapping system one (exact extents first)."""
        self.gold += len(gold)
        self.system += len(system)
        used: set[int] = set()
        pairs: list[tuple[Timex, Timex | None]] = []
        for g in gold:
            exact = [
                i for i, s in enumerate(system) if i not in used and (s.start, s.end) == (g.start, g.end)
            ]
            overlap = [
                i for i, s in enumerate(system) if i not in used and s.start < g.end and g.start < s.end
            ]
            if not exact and not overlap:
                pairs.append((g, None))
                continue
            pick = (exact or overlap)[0]
            used.add(pick)
            s = system[pick]
            pairs.append((g, s))
            self.relaxed += 1
            self.strict += bool(exact)
            self.value += s.value == g.value
            self.type += s.type == g.type
        return pairs

    @classmethod
    def pooled(cls, parts: Sequence[Counts]) -> Counts:
        return cls(*(sum(getattr(c, f.name) for c in parts) for f in fields(cls)))

    def metrics(self) -> dict[str, float | int]:
        """The four figures of the eval contract: strict, relaxed, value and type F1."""
        return {
            "strict_f1": round(self._f1(self.strict), 4),
            "relaxed_f1": round(self._f1(self.relaxed), 4),
            "value_f1": round(self._f1(self.value), 4),
            "type_f1": round(self._f1(self.type), 4),
        }

    def _f1(self, correct: int) -> float:
        return prf(correct, self.system - correct, self.gold - correct)[2]

    def row(self, name: str) -> dict[str, object]:
        """Counts and strict / relaxed precision and recall, for the readable table."""
        sp, sr, _ = prf(self.strict, self.system - self.strict, self.gold - self.strict)
        rp, rr, _ = prf(self.relaxed, self.system - self.relaxed, self.gold - self.relaxed)
        return {
            "document": name,
            "gold": self.gold,
            "system": self.system,
            "strict_p": round(sp, 3),
            "strict_r": round(sr, 3),
            "relaxed_p": round(rp, 3),
            "relaxed_r": round(rr, 3),
            "value_ok": self.value,
            "type_ok": self.type,
        }


def _read_all(gold: Path, split: Split = "all") -> list[Document]:
    """Every TimeML document of a folder (or the one file given) in the split, by file stem; a file that
    is not TimeML is the user's mistake, said in one line."""
    files = sorted(gold.glob("*.tml")) if gold.is_dir() else [gold]
    if not files:
        raise UserError(f"no .tml files in {gold}")
    try:
        return [read_tml(path) for path in files if keep(path.stem, split)]
    except ET.ParseError as exc:
        raise UserError(f"not TimeML XML under {gold}: {exc}") from exc


def total(documents: Sequence[Counts]) -> dict[str, float | int]:
    """The metrics of documents pooled: their counts summed, as the TE3 scorer does."""
    return Counts.pooled(documents).metrics()


def score(gold: Path, split: Split = "all", ctx: Context | None = None) -> EvalResult:
    docs = _read_all(gold, split)
    line = _context(ctx or default_context())
    outcomes: list[Counts] = []
    rows: list[dict[str, object]] = []
    for doc in docs:
        one = Counts()
        one.add(doc.timexes, system_timexes(doc, line))
        outcomes.append(one)
        rows.append(one.row(doc.name))
    result = judged("time", gold, split, outcomes, total, rows)
    rows.append(Counts.pooled(outcomes).row("all"))
    return result
