"""Score the store's incidents on our own gold: pairs of Wikinews articles that report one happening.

``gold/incidents/pairs.yaml`` lists every pair of ``order.txt`` articles that report one happening (its
positives aim to be exhaustive) and a sample of hard pairs that do not. The articles are run through
the line into a fresh store (``wikinews_store``), and two articles are *joined* when a member event of
each lies in one incident (events only ``about`` an incident do not join it). A pair is scored under the
split of its sorted URLs (``a|b``, ``% 2``).

- article level: precision over every joined pair of gold articles (a joined pair that is no listed
  positive is wrong, the positives being exhaustive), recall over the positives; ``judged_precision``
  counts only joined pairs the gold lists (either way). Pairs where one article mentions the happening
  only as planned are left out (a non-factual mention joins no incident).
- event level: a joined pair of events (one in each article) is right when its article pair is a
  positive and both events have the happening's PLOVER type; a positive whose happening has a PLOVER
  type is recalled when such a pair is joined (happenings of no PLOVER type count at article level only).
"""

from __future__ import annotations

import tempfile
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from sitrep.errors import UserError
from sitrep.eval.base import EvalResult, judged
from sitrep.eval.splits import WIKINEWS_MODULUS, Split, keep
from sitrep.eval.wikinews_store import build, order_urls
from sitrep.store import db

Pair = tuple[str, str]


@dataclass(frozen=True)
class GoldPair:
    same: bool
    types: frozenset[str]  # the happening's PLOVER types (empty: no PLOVER event)


@dataclass(frozen=True, slots=True)
class Outcome:
    """One article pair: joined or not, gold or not, and its event pairs."""

    joined: bool
    positive: bool
    listed: bool
    typed: bool  # a positive whose happening has a PLOVER type
    event_pairs: int
    event_right: int


def read_gold(path: Path) -> dict[Pair, GoldPair]:
    file = path / "pairs.yaml" if path.is_dir() else path
    try:
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
        pairs: dict[Pair, GoldPair] = {}
        for p in data["pairs"]:
            if p.get("planned"):
                continue
            kind = (p.get("happening") or {}).get("type")
            types = frozenset([kind] if isinstance(kind, str) else kind or [])
            pairs[_key(p["a"], p["b"])] = GoldPair(bool(p["same"]), types)
    except (OSError, KeyError, TypeError, yaml.YAMLError) as exc:
        raise UserError(f"{file} is not incident-pair gold (pairs: a, b, same): {exc}") from exc
    return pairs


def _key(a: str, b: str) -> Pair:
    return (a, b) if a < b else (b, a)


def is_pair_gold(path: Path) -> bool:
    return path.suffix in (".yaml", ".yml") or (path / "pairs.yaml").is_file()


def joined_events(store: Path) -> list[tuple[str, str, str, str]]:
    """(url a, url b, type a, type b) of every pair of member events of one incident in two articles."""
    con = db.connect(store, read_only=True)
    try:
        rows: list[Any] = con.execute(
            """SELECT x.url, y.url, e.plover_type, f.plover_type
               FROM events e JOIN events f ON e.incident_id = f.incident_id AND e.article_id < f.article_id
               JOIN articles x ON x.id = e.article_id JOIN articles y ON y.id = f.article_id
               WHERE e.incident_role = 'member' AND f.incident_role = 'member' AND x.url <> y.url"""
        ).fetchall()
    finally:
        con.close()
    return [(a, b, ta, tb) if a < b else (b, a, tb, ta) for a, b, ta, tb in rows]


def judge(
    gold: dict[Pair, GoldPair], joined: Sequence[tuple[str, str, str, str]], split: Split
) -> list[Outcome]:
    events: dict[Pair, list[tuple[str, str]]] = defaultdict(list)
    for a, b, ta, tb in joined:
        events[(a, b)].append((ta, tb))
    outcomes = []
    for pair in sorted(set(gold) | set(events)):
        if not keep("|".join(pair), split, WIKINEWS_MODULUS):
            continue
        g = gold.get(pair)
        positive = bool(g and g.same)
        typed = bool(positive and g and g.types)
        found = events.get(pair, [])
        right = sum(1 for ta, tb in found if typed and g and ta in g.types and tb in g.types)
        outcomes.append(Outcome(bool(found), positive, g is not None, typed, len(found), right))
    return outcomes


def _ratio(num: float, den: float) -> float:
    return round(num / den, 4) if den else 0.0


def _f1(p: float, r: float) -> float:
    return round(2 * p * r / (p + r), 4) if p + r else 0.0


def metrics(outcomes: Sequence[Outcome]) -> dict[str, float | int]:
    tp = sum(o.joined and o.positive for o in outcomes)
    p = _ratio(tp, sum(o.joined for o in outcomes))
    r = _ratio(tp, sum(o.positive for o in outcomes))
    ep = _ratio(sum(o.event_right for o in outcomes), sum(o.event_pairs for o in outcomes))
    er = _ratio(sum(o.typed and o.event_right > 0 for o in outcomes), sum(o.typed for o in outcomes))
    return {
        "article_pair_precision": p,
        "article_pair_recall": r,
        "article_pair_f1": _f1(p, r),
        "judged_pair_precision": _ratio(tp, sum(o.joined and o.listed for o in outcomes)),
        "event_pair_precision": ep,
        "event_pair_recall": er,
        "event_pair_f1": _f1(ep, er),
        "joined_pairs": sum(o.joined for o in outcomes),
        "gold_positive_pairs": sum(o.positive for o in outcomes),
    }


def score(gold: Path, split: Split = "all", store: Path | None = None) -> EvalResult:
    """``store``: an existing store of the order.txt articles to score instead of building one."""
    pairs = read_gold(gold)
    if store is not None:
        joined = joined_events(store)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "incidents.duckdb"
            build(path, order_urls())
            joined = joined_events(path)
    order = set(order_urls())  # a larger store's other articles are outside the gold
    outcomes = judge(pairs, [j for j in joined if j[0] in order and j[1] in order], split)
    return judged("incidents", gold, split, outcomes, metrics)
