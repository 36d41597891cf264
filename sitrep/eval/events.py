"""Event coding against the PLOVER gold-standard records: type macro-F1, type accuracy, actor countries.

Each record's sentence runs through the whole line, published 2000-01-01 (the records carry no dates).
A record's predictions are the types of the events the line asserts or reports as the news of the
sentence: hypothetical, conditional, negated and future events are not claims that something happened,
and an event named in passing (salience background: "condemned the attack") is not what the record codes.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from sitrep.context import Context
from sitrep.eval.base import EvalResult, judged, prf
from sitrep.eval.splits import Split, keep
from sitrep.events.lexicon import TYPES
from sitrep.pipeline import process_sources
from sitrep.records import FACTUAL, Article, Event, EventActor, Source

PUBLISHED = "2000-01-01"
FILE = "plover_gsr_cameo.jsonl"
CODES = Path(__file__).resolve().parents[1] / "data" / "actors" / "cameo_countries.csv"


def load(gold: Path) -> list[dict[str, Any]]:
    path = gold / FILE if gold.is_dir() else gold
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def predict(records: list[dict[str, Any]], ctx: Context | None = None) -> list[tuple[Event, ...]]:
    """The factual events the line finds in each record's text, in record order."""
    sources = [Source(ref=r["id"], text=r["text"], published=PUBLISHED) for r in records]
    by_ref: dict[str, tuple[Event, ...]] = {}
    for item in process_sources(sources, ctx):
        if isinstance(item, Article):
            by_ref[item.source_ref] = tuple(
                e for e in item.events if e.modality in FACTUAL and e.salience == "main"
            )
    return [by_ref.get(r["id"], ()) for r in records]


@cache
def iso_of_cameo() -> dict[str, str]:
    """CAMEO-era country codes that are not ISO 3166-1 (JAP, ITL, VTN, KOS) → the ISO alpha-3 code.

    The gold records' readme says their nation-states carry ISO-3166 alpha-3 codes, as sitrep's actors
    do; a few records kept the older code of the same country. Only the spelling of the code changes."""
    with open(CODES, encoding="utf-8", newline="") as fh:
        return {row["cameo"]: row["iso3"] for row in csv.DictReader(fh)}


def _codes(parties: Any, field: str) -> set[str]:
    """Gold codes of a record's parties (one record holds a stray string where a list belongs); country
    codes in their ISO spelling."""
    if not isinstance(parties, list):
        return set()
    codes = {p[field] for p in parties if isinstance(p, dict) and p.get(field) and "*" not in p[field]}
    if field == "code":
        iso = iso_of_cameo()
        codes = {iso.get(c, c) for c in codes}
    return codes


def _party_ok(party: EventActor | None, wanted: set[str], field: str) -> bool:
    return party is not None and getattr(party, field) in wanted


@dataclass(frozen=True, slots=True)
class Outcome:
    """One record judged: its gold type, the types predicted, and each actor check that applies (name →
    passed); enough to recompute every metric on any resample of records."""

    gold: str
    types: frozenset[str]
    checks: tuple[tuple[str, bool], ...]


def judge(record: dict[str, Any], events: tuple[Event, ...]) -> Outcome:
    gold = record["event_plover2"]
    best = max((e for e in events if e.plover_type == gold), key=lambda e: e.confidence, default=None)
    checks = (
        ("source_country", best.source if best else None, _codes(record["source"], "code"), "country"),
        ("target_country", best.target if best else None, _codes(record["target"], "code"), "country"),
        ("source_sector", best.source if best else None, _codes(record["source"], "sector"), "sector"),
    )
    return Outcome(
        gold,
        frozenset(e.plover_type for e in events),
        tuple((name, _party_ok(party, wanted, field)) for name, party, wanted, field in checks if wanted),
    )


def type_counts(outcomes: Sequence[Outcome]) -> dict[str, list[int]]:
    """tp, fp, fn per type: a predicted type is right when it is the record's gold type."""
    counts = {t: [0, 0, 0] for t in TYPES}
    for o in outcomes:
        for t in o.types:
            counts.setdefault(t, [0, 0, 0])[0 if t == o.gold else 1] += 1
        if o.gold not in o.types:
            counts.setdefault(o.gold, [0, 0, 0])[2] += 1
    return counts


def metrics(outcomes: Sequence[Outcome]) -> dict[str, float | int]:
    counts = type_counts(outcomes)
    out: dict[str, float | int] = {
        "type_macro_f1": round(sum(prf(*counts[t])[2] for t in TYPES) / len(TYPES), 4),
        "type_accuracy": round(sum(o.gold in o.types for o in outcomes) / max(1, len(outcomes)), 4),
    }
    for name in ("source_country", "target_country", "source_sector"):
        passed = [ok for o in outcomes for check, ok in o.checks if check == name]
        out[f"{name}_acc"] = round(sum(passed) / max(1, len(passed)), 4)
    return out


def score_predictions(
    records: list[dict[str, Any]], predicted: list[tuple[Event, ...]], split: Split = "all"
) -> EvalResult:
    """The metrics from predictions already made (kept apart from the line so tests can build both)."""
    outcomes = [judge(r, events) for r, events in zip(records, predicted, strict=True)]
    counts, rows = type_counts(outcomes), []
    for t in TYPES:
        tp, fp, fn = counts[t]
        p, r, f = prf(tp, fp, fn)
        rows.append({"type": t, "tp": tp, "fp": fp, "fn": fn, "precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)})  # fmt: skip
    return judged("events", "", split, outcomes, metrics, rows)


def score(gold: Path, split: Split = "all", ctx: Context | None = None) -> EvalResult:
    records = [r for r in load(gold) if keep(r["id"], split)]
    result = score_predictions(records, predict(records, ctx), split)
    result.gold = str(gold)
    return result
