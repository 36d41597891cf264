"""Score places on GeoWebNews (GWN.xml layout): resolution on the gold spans, and end to end.

Gold toponyms are the spans with coordinates. Gold-span metrics resolve exactly those spans with the
stage's own resolver; end-to-end metrics run the places stage over each text and call a predicted span
right when it overlaps a gold toponym and lies within 161 km of it.
"""

from __future__ import annotations

import math
import statistics
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from sitrep.errors import UserError
from sitrep.eval.base import EvalResult, prf
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
        articles.append(GoldArticle(node.findtext("text") or "", tuple(golds), link))
    return articles


def _gold_span_errors(articles: list[GoldArticle]) -> tuple[list[float], int]:
    from sitrep.stages.places import resolve_spans

    errors, exact = [], 0
    for art in articles:
        found = resolve_spans(art.text, [(g.start, g.end) for g in art.toponyms], url=art.link)
        for gold, place in zip(art.toponyms, found, strict=True):
            if place is None:
                errors.append(EARTH_HALF)
                continue
            errors.append(km(gold.lat, gold.lon, place.lat or 0.0, place.lon or 0.0))
            exact += int(place.geonames_id is not None and place.geonames_id == gold.geonames_id)
    return errors, exact


def _end_to_end(articles: list[GoldArticle]) -> tuple[int, int, int]:
    from sitrep.stages.places import find

    tp = fp = fn = 0
    for art in articles:
        predicted = [m for m in find(art.text, url=art.link) if m.place is not None and m.role != "demonym"]
        hit: set[int] = set()
        for m in predicted:
            match = next((i for i, g in enumerate(art.toponyms) if i not in hit and _matches(m, g)), None)
            if match is None:
                fp += 1
            else:
                hit.add(match)
                tp += 1
        fn += len(art.toponyms) - len(hit)
    return tp, fp, fn


def _matches(m: PlaceMention, g: Gold) -> bool:
    assert m.place is not None
    overlap = m.start < g.end and g.start < m.end
    return overlap and km(g.lat, g.lon, m.place.lat or 0.0, m.place.lon or 0.0) <= KM_OK


def score(gold: Path) -> EvalResult:
    articles = read(gold)
    errors, exact = _gold_span_errors(articles)
    n = len(errors)
    if not n:
        raise UserError(f"no toponyms with coordinates in {gold}")
    tp, fp, fn = _end_to_end(articles)
    p, r, f = prf(tp, fp, fn)
    metrics: dict[str, float | int] = {
        "acc161_gold_spans": round(sum(e <= KM_OK for e in errors) / n, 4),
        "exact_id_gold_spans": round(exact / n, 4),
        "mean_km": round(statistics.fmean(errors), 1),
        "median_km": round(statistics.median(errors), 1),
        "auc": round(statistics.fmean(math.log1p(e) for e in errors) / math.log(EARTH_HALF), 4),
        "e2e_precision": round(p, 4),
        "e2e_recall": round(r, 4),
        "e2e_f1": round(f, 4),
    }
    return EvalResult(name="places", gold=str(gold), n=n, metrics=metrics)
