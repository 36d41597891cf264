"""Score places on GeoWebNews (GWN.xml layout): resolution on the gold spans, and end to end.

Gold toponyms are the spans with coordinates. Gold-span metrics resolve exactly those spans with the
stage's own resolver; end-to-end metrics run the places stage over each text and call a predicted span
right when it overlaps a gold toponym and lies within 161 km of it.
"""

from __future__ import annotations

import math
import statistics
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sitrep.errors import UserError
from sitrep.eval.base import EvalResult, judged, prf
from sitrep.eval.splits import Split, keep
from sitrep.records import PlaceMention

KM_OK = 161.0
EARTH_HALF = 20039.0


@dataclass(frozen=True, slots=True)
class Gold:
    start: int
    end: int
    lat: float
    lon: float
    geonames_id: int | None


@dataclass(frozen=True, slots=True)
class GoldArticle:
    text: str
    toponyms: tuple[Gold, ...]
    link: str = ""  # the article's address: its outlet's country is the resolver's prior
    key: str = ""  # the article's ``file`` attribute: its split key


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p = math.pi / 180
    a = (
        math.sin((lat2 - lat1) * p / 2) ** 2
        + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2
    )
    return 12742.0 * math.asin(min(1.0, math.sqrt(a)))


def _float(node: ET.Element, tag: str) -> float | None:
    value = (node.findtext(tag) or "").strip()
    return float(value) if value else None


def read(path: Path) -> list[GoldArticle]:
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as exc:
        raise UserError(f"cannot read {path} as GeoWebNews XML: {exc}") from exc
    articles = []
    for node in root.iter("article"):
        golds = []
        for t in node.iter("toponym"):
            lat, lon = _float(t, "latitude"), _float(t, "longitude")
            if lat is None or lon is None:
                continue
            gid = (t.findtext("geonamesID") or "").strip()
            golds.append(
                Gold(
                    int(t.findtext("start") or 0),
                    int(t.findtext("end") or 0),
                    lat,
                    lon,
                    int(gid) if gid.isdigit() else None,
                )
            )
        link = (node.findtext("link") or "").strip()
        articles.append(GoldArticle(node.findtext("text") or "", tuple(golds), link, node.get("file", "")))
    return articles


@dataclass(frozen=True, slots=True)
class Outcome:
    """One article judged: the error of each gold toponym resolved on its span, how many of them got the
    gold GeoNames id, and the end-to-end counts."""

    errors: tuple[float, ...]
    exact: int
    tp: int
    fp: int
    fn: int


def _gold_span_errors(art: GoldArticle) -> tuple[list[float], int]:
    from sitrep.stages.places import resolve_spans

    errors, exact = [], 0
    found = resolve_spans(art.text, [(g.start, g.end) for g in art.toponyms], url=art.link)
    for gold, place in zip(art.toponyms, found, strict=True):
        if place is None:
            errors.append(EARTH_HALF)
            continue
        errors.append(km(gold.lat, gold.lon, place.lat or 0.0, place.lon or 0.0))
        exact += int(place.geonames_id is not None and place.geonames_id == gold.geonames_id)
    return errors, exact


def _end_to_end(art: GoldArticle) -> tuple[int, int, int]:
    from sitrep.stages.places import find

    predicted = [m for m in find(art.text, url=art.link) if m.place is not None and m.role != "demonym"]
    hit: set[int] = set()
    fp = 0
    for m in predicted:
        match = next((i for i, g in enumerate(art.toponyms) if i not in hit and _matches(m, g)), None)
        if match is None:
            fp += 1
        else:
            hit.add(match)
    return len(hit), fp, len(art.toponyms) - len(hit)


def _matches(m: PlaceMention, g: Gold) -> bool:
    assert m.place is not None
    overlap = m.start < g.end and g.start < m.end
    return overlap and km(g.lat, g.lon, m.place.lat or 0.0, m.place.lon or 0.0) <= KM_OK


def judge(art: GoldArticle) -> Outcome:
    errors, exact = _gold_span_errors(art)
    return Outcome(tuple(errors), exact, *_end_to_end(art))


def metrics(outcomes: Sequence[Outcome]) -> dict[str, float | int]:
    errors = [e for o in outcomes for e in o.errors]
    n = max(1, len(errors))
    p, r, f = prf(sum(o.tp for o in outcomes), sum(o.fp for o in outcomes), sum(o.fn for o in outcomes))
    return {
        "acc161_gold_spans": round(sum(e <= KM_OK for e in errors) / n, 4),
        "exact_id_gold_spans": round(sum(o.exact for o in outcomes) / n, 4),
        "mean_km": round(statistics.fmean(errors), 1) if errors else 0.0,
        "median_km": round(statistics.median(errors), 1) if errors else 0.0,
        "auc": round(sum(math.log1p(e) for e in errors) / n / math.log(EARTH_HALF), 4),
        "e2e_precision": round(p, 4),
        "e2e_recall": round(r, 4),
        "e2e_f1": round(f, 4),
    }


def score(gold: Path, split: Split = "all") -> EvalResult:
    """An article is one record; its ``file`` attribute is the split key."""
    articles = [a for a in read(gold) if keep(a.key, split)]
    n = sum(len(a.toponyms) for a in articles)
    if not n:
        raise UserError(f"no toponyms with coordinates in the {split} split of {gold}")
    return judged("places", gold, split, [judge(a) for a in articles], metrics, n=n)
