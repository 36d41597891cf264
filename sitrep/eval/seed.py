"""The acceptance case: every item of a seed folder's expected.yaml judged pass/fail as its header says.

A seed folder holds ``seed-article.txt`` and ``expected.yaml``; the article is run through the whole line
with the published date the YAML header names (``published date YYYY-MM-DD given by the caller``).
Matching is by meaning, not by string: actors by code or by name, places by country and distance, dates
by range, counts by equality.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import yaml

from sitrep.context import Context
from sitrep.errors import UserError
from sitrep.eval.base import EvalResult
from sitrep.pipeline import process
from sitrep.records import FACTUAL, ActorMention, Article, Event, EventActor, Place, Quote

Row = dict[str, Any]
NEAR_KM = 25.0


def _options(spec: Any) -> list[Any]:
    """An expected value, or its ``any_of`` list, as a list of accepted values."""
    if isinstance(spec, dict) and "any_of" in spec:
        return list(spec["any_of"])
    return spec if isinstance(spec, list) else [spec]


def _norm(text: str | None) -> str:
    return re.sub(r"[\W_]+", " ", (text or "").lower()).strip()


def _names_match(expected: str, *found: str | None) -> bool:
    """Loose name match: one side's words contained in the other's ("Qaani" ~ "Ismail Qaani")."""
    want = _norm(expected)
    return any(f and (want in _norm(f) or _norm(f) in want) and _norm(f) for f in found)


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, a)))


def _actor_matches(expected: Any, party: EventActor | None) -> bool:
    if expected is None or party is None:
        return expected is None and party is None
    words = str(expected).split()
    code = words[0] if words and re.fullmatch(r"[A-Z]{3}", words[0]) else None
    if code and len(words) == 1:
        return party.country == code
    if code and party.country == code:
        return True
    return _names_match(str(expected), party.span.text, party.name)


def _place_matches(spec: dict[str, Any], place: Place | None) -> bool:
    if place is None:
        return False
    if "country" in spec and place.country != spec["country"]:
        return False
    if "lat" in spec and "lon" in spec:
        if place.lat is None or place.lon is None:
            return False
        return km(spec["lat"], spec["lon"], place.lat, place.lon) <= NEAR_KM
    if "name" in spec and "country" not in spec:
        return _names_match(spec["name"], place.name)
    return True


def _date_matches(spec: dict[str, Any], value: str | None) -> bool:
    if not value or not re.match(r"\d{4}-\d{2}-\d{2}", value):
        return False
    day = value[:10]
    return str(spec["from"]) <= day <= str(spec["to"])


def _weapon_matches(expected: str, weapon: str | None) -> bool:
    return bool(weapon) and _names_match(expected, weapon)


CHECKS: dict[str, Callable[[Any, Event], bool]] = {
    "type": lambda spec, e: e.plover_type in _options(spec),
    "mode": lambda spec, e: e.plover_mode in _options(spec),
    "modality": lambda spec, e: e.modality in _options(spec),
    "source": lambda spec, e: any(_actor_matches(v, e.source) for v in _options(spec)),
    "target": lambda spec, e: any(_actor_matches(v, e.target) for v in _options(spec)),
    "place": lambda spec, e: _place_matches(spec, e.place),
    "date": lambda spec, e: _date_matches(spec, e.date),
    "killed": lambda spec, e: e.killed == spec,
    "injured": lambda spec, e: e.injured == spec,
    "quantity": lambda spec, e: e.quantity == spec,
    "weapon": lambda spec, e: _weapon_matches(spec, e.weapon),
}


def event_failures(spec: dict[str, Any], event: Event) -> list[str]:
    """The expected fields this event does not match (empty: a match)."""
    return [key for key, check in CHECKS.items() if key in spec and not check(spec[key], event)]


def judge_event(
    spec: dict[str, Any], events: Iterable[Event], asserted_only: bool = True
) -> tuple[bool, str]:
    candidates = [e for e in events if not asserted_only or e.modality in FACTUAL or "modality" in spec]
    best: tuple[int, str] = (99, "no event of that type")
    for event in candidates:
        failed = event_failures(spec, event)
        if not failed:
            return True, f"{event.plover_type} '{event.trigger.text}' [{event.trigger.start}]"
        if "type" not in failed and len(failed) < best[0]:
            best = (len(failed), f"'{event.trigger.text}' differs on {', '.join(failed)}")
    return False, best[1]


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    right_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i != -1]
    return left + 1, (min(right_candidates) + 1 if right_candidates else len(text))


def judge_forbidden(spec: dict[str, Any], article: Article) -> tuple[bool, str]:
    """True (a pass) when no asserted event of the forbidden kind comes from the words' sentence."""
    at = article.text.find(spec["words"])
    if at == -1:
        return True, "words not in the text"
    lo, hi = _sentence_around(article.text, at, at + len(spec["words"]))
    for event in article.events:
        if event.modality not in FACTUAL or not lo <= event.trigger.start < hi:
            continue
        failed = event_failures({k: v for k, v in spec.items() if k != "words"}, event)
        if not failed:
            return False, f"asserted {event.plover_type} '{event.trigger.text}'"
    return True, "not asserted"


def _quote_text(quote: Quote) -> str:
    return _norm(quote.text)


def judge_quote(spec: dict[str, Any], article: Article) -> tuple[bool, str]:
    start = _norm(spec["starts"])
    by_id = {q.id: q for q in article.quotes}
    actors = {m.actor.id: m.actor for m in article.mentions}
    for quote in article.quotes:
        if not _quote_text(quote).startswith(start):
            continue
        speaker = quote.speaker.text if quote.speaker else None
        actor = actors.get(quote.speaker_actor_id or "")
        problems = []
        if not _names_match(spec["speaker"], speaker, actor.name if actor else None):
            problems.append(f"speaker {speaker!r}")
        if "anonymous" in spec and quote.anonymous != spec["anonymous"]:
            problems.append(f"anonymous {quote.anonymous}")
        if "via_outlet" in spec and not _names_match(spec["via_outlet"], quote.via_outlet):
            problems.append(f"via {quote.via_outlet!r}")
        if "relayed_by" in spec:
            parent = by_id.get(quote.parent_quote_id or "")
            relay = parent.speaker.text if parent and parent.speaker else None
            if not _names_match(spec["relayed_by"], relay):
                problems.append(f"relayed by {relay!r}")
        return (not problems), "; ".join(problems) or f"speaker {speaker!r}"
    return False, "no quote starts so"


def _occurrences(text: str, words: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(re.escape(words), text)]


def judge_time(spec: dict[str, Any], article: Article) -> tuple[bool, str]:
    spans = _occurrences(article.text, spec["words"])
    found = [t for t in article.times for s, e in spans if t.start < e and s < t.end]
    for t in found:
        if str(t.value) == str(spec["value"]) and t.precision == spec["precision"]:
            return True, f"{t.text!r} = {t.value}"
    return False, ", ".join(f"{t.text!r} = {t.value} ({t.precision})" for t in found) or "not found"


def _mention(article: Article, words: str) -> ActorMention | None:
    spans = _occurrences(article.text, words)
    exact = [m for m in article.mentions if (m.start, m.end) in spans]
    overlapping = [m for m in article.mentions for s, e in spans if m.start < e and s < m.end]
    candidates = exact or overlapping
    return candidates[0] if candidates else None


def judge_actor(spec: dict[str, Any], article: Article) -> tuple[bool, str]:
    mention = _mention(article, spec["mention"])
    if mention is None:
        return False, "no actor mention"
    actor = mention.actor
    if "same_as" in spec:
        other = _mention(article, spec["same_as"])
        ok = other is not None and other.actor.id == actor.id
        return ok, f"{actor.id} vs {other.actor.id if other else None}"
    problems = []
    if "code" in spec and actor.country != spec["code"]:
        problems.append(f"country {actor.country}")
    if "sector" in spec and actor.sector != spec["sector"]:
        problems.append(f"sector {actor.sector}")
    return (not problems), "; ".join(problems) or f"{actor.name} {actor.code}"


def judge_place(spec: dict[str, Any], article: Article, anchors: dict[str, Place]) -> tuple[bool, str]:
    spans = _occurrences(article.text, spec["name"])
    found = [p for p in article.places for s, e in spans if p.start < e and s < p.end and p.place]
    for mention in found:
        place = mention.place
        assert place is not None
        ok = _place_matches({k: v for k, v in spec.items() if k in ("country", "lat", "lon")}, place)
        near = anchors.get(spec.get("near", ""))
        if ok and near and place.lat is not None and place.lon is not None:
            ok = (
                near.lat is not None
                and near.lon is not None
                and km(near.lat, near.lon, place.lat, place.lon) <= NEAR_KM
            )
        if ok:
            return True, f"{place.name} {place.country} ({place.lat}, {place.lon})"
    return False, ", ".join(f"{m.place.name if m.place else None}" for m in found) or "not found"


def judge_article(key: str, want: Any, article: Article) -> tuple[bool, str]:
    prov = article.provenance
    text = article.text
    found: Any
    if key == "title":
        found = article.title
        return found == want, repr(found)
    if key == "title_appears_in_text":
        found = text.count(article.title) if article.title else -1
        return found == want, str(found)
    if key == "text_must_not_contain":
        found = [w for w in want if w in text]
        return not found, f"contains {found}" if found else "absent"
    if key == "text_must_not_end_with":
        return not text.rstrip().endswith(want), repr(text.rstrip()[-40:])
    if key == "publisher":
        found = prov.publisher if prov else article.publisher
        return _names_match(want, found) and found is not None, repr(found)
    if key == "original_outlet":
        found = prov.original_outlet if prov else None
        return _names_match(want, found) and found is not None, repr(found)
    if key == "is_repost":
        found = prov.is_repost if prov else None
        return found == want, repr(found)
    raise UserError(f"unknown article check {key!r}")


def published_of(expected_text: str) -> str | None:
    match = re.search(r"published date (\d{4}-\d{2}-\d{2})", expected_text)
    return match.group(1) if match else None


def score(gold: Path, ctx: Context | None = None) -> EvalResult:
    folder = gold if gold.is_dir() else gold.parent
    expected_path, article_path = folder / "expected.yaml", folder / "seed-article.txt"
    for path in (expected_path, article_path):
        if not path.is_file():
            raise UserError(f"a seed folder needs {path.name}: not found in {folder}")
    raw = expected_path.read_text(encoding="utf-8")
    expected = yaml.safe_load(raw)
    article = process(article_path.read_text(encoding="utf-8"), published=published_of(raw), ctx=ctx)
    rows: list[Row] = []

    def add(section: str, item: str, result: tuple[bool, str]) -> bool:
        rows.append(
            {"section": section, "item": item, "pass": "yes" if result[0] else "NO", "why": result[1]}
        )
        return result[0]

    art = expected.get("article", {})
    article_ok = sum(add("article", k, judge_article(k, v, article)) for k, v in art.items())
    events_ok = sum(add("event", s["id"], judge_event(s, article.events)) for s in expected.get("events", []))
    optional_ok = sum(
        add("optional", s["id"], judge_event(s, article.events)) for s in expected.get("optional_events", [])
    )
    false_assertions = sum(
        not add("must_not_assert", s["words"], judge_forbidden(s, article))
        for s in expected.get("must_not_assert", [])
    )
    quotes_ok = sum(
        add("quote", s["starts"][:40], judge_quote(s, article)) for s in expected.get("quotes", [])
    )
    times_ok = sum(add("time", s["words"], judge_time(s, article)) for s in expected.get("times", []))
    actors_ok = sum(add("actor", s["mention"], judge_actor(s, article)) for s in expected.get("actors", []))
    anchors = {
        s["name"]: Place(None, s["name"], s.get("country"), None, s["lat"], s["lon"], None)
        for s in expected.get("places", [])
        if "lat" in s and "lon" in s
    }
    places_ok = sum(
        add("place", s["name"], judge_place(s, article, anchors)) for s in expected.get("places", [])
    )
    metrics: dict[str, float | int] = {
        "events_found": events_ok,
        "events_expected": len(expected.get("events", [])),
        "optional_events_found": optional_ok,
        "false_assertions": false_assertions,
        "quotes_correct": quotes_ok,
        "quotes_expected": len(expected.get("quotes", [])),
        "times_correct": times_ok,
        "times_expected": len(expected.get("times", [])),
        "places_correct": places_ok,
        "places_expected": len(expected.get("places", [])),
        "actors_correct": actors_ok,
        "actors_expected": len(expected.get("actors", [])),
        "article_checks_passed": article_ok,
        "article_checks": len(art),
    }
    return EvalResult(name="seed", gold=str(folder), n=len(rows), metrics=metrics, rows=rows)
