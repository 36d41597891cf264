"""End to end on whole articles: sitrep's events against our own Wikinews gold (gold/wikinews/*.yaml).

Each gold file is one article (schema: gold/wikinews/README.md; the seed's expected.yaml style is read too:
``{any_of: [...]}`` alternatives, an actor as a string, a code or a name). Its text is the file's ``text:``
or the corpus row with the file's URL (``../shared/corpus/wikinews/*.csv``), published on the file's
``published:`` or the row's date. The article runs through the whole line; its asserted and reported
events are judged against the gold events.

An extracted event **matches** a gold event when its type is among the gold types, it is asserted or
reported, and every argument the gold gives matches: an actor by ISO-3 country or by name (a content
word shared with the extracted actor's words, name or aliases), a place within 50 km of the gold's
coordinates (the same country when the gold gives only a country), the date's range overlapping the
gold's, each count at least the gold's (counts are lower bounds). Gold and extracted events are paired
one to one (Hungarian assignment, scipy's), most matches first, then the pair whose trigger stands in
the gold's words, then the most fields right; a pair needs the same type or the trigger in those words.
Precision is matches over extracted events, recall matches over gold events; per-field accuracy is over
all pairs (so a pair with the wrong type or actor shows where it went wrong), and ``source_name_acc`` /
``target_name_acc`` read actors strictly: the gold's name, not its country. ``fully_right`` counts
pairs with type, modality, actors, place and date right. A must-not-assert line is broken when an
asserted or reported event of its type has its trigger in the line's words. Optional gold events (seed
style) are credited if found and neither missed nor counted against precision.
"""

from __future__ import annotations

import csv
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from scipy.optimize import linear_sum_assignment

from sitrep.context import Context
from sitrep.errors import UserError
from sitrep.eval.base import EvalResult, judged, prf
from sitrep.eval.seed import km
from sitrep.eval.splits import WIKINEWS_MODULUS, Split, keep
from sitrep.pipeline import process_sources
from sitrep.records import FACTUAL, Article, Event, EventActor, Place, Source
from sitrep.stages.language import _function_words
from sitrep.timex.calendar import bounds

NEAR_KM = 50.0
# per-field accuracy over pairs (pairs are factual, so modality is always right there); *_name: the actor's
# name right, where the gold gives one (a stricter reading than the match's country-or-name)
FIELDS = ("type", "source", "target", "place", "date", "counts", "source_name", "target_name")
COUNTS = ("killed", "injured", "arrested", "quantity")
FULLY = ("type", "modality", "source", "target", "place", "date")
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True, slots=True)
class GoldArticle:
    key: str  # the URL (the split key), else the file's name
    path: Path
    text: str
    published: str | None
    events: tuple[dict[str, Any], ...]
    optional: tuple[dict[str, Any], ...] = ()
    must_not_assert: tuple[dict[str, Any], ...] = ()


@dataclass
class Outcome:
    """One article judged: counts that sum over any set of articles."""

    gold: int = 0
    extracted: int = 0
    matched: int = 0
    asserted: int = 0
    asserted_matched: int = 0
    fully_right: int = 0
    pairs: int = 0
    right: dict[str, int] = field(default_factory=dict)  # field -> pairs right, of those where gold gives it
    given: dict[str, int] = field(default_factory=dict)
    must_not_assert: int = 0
    broken: int = 0


# --- reading the gold -----------------------------------------------------------------------------------


def _corpus(folder: Path) -> dict[str, dict[str, str]]:
    csv.field_size_limit(sys.maxsize)
    rows: dict[str, dict[str, str]] = {}
    for path in sorted(folder.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as fh:
            rows.update({row["url"]: row for row in csv.DictReader(fh)})
    return rows


def _gold_files(gold: Path) -> list[Path]:
    if gold.is_file():
        return [gold]
    files = [p for p in sorted(gold.glob("*.yaml")) if not p.name.startswith("skipped")]
    if not files:
        raise UserError(f"no gold article files (*.yaml) in {gold}")
    return files


def read(gold: Path, corpus: Path, split: Split = "all") -> list[GoldArticle]:
    """The gold articles of the split with their text; a file that cannot be read is a one-line error."""
    rows: dict[str, dict[str, str]] | None = None
    articles = []
    for path in _gold_files(gold):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as exc:
            raise UserError(f"{path.name}: not YAML: {exc}") from exc
        if not isinstance(data, dict) or not isinstance(data.get("events"), list):
            raise UserError(f"{path.name}: a gold article needs an events: list")
        url = data.get("url")
        key = str(url or path.stem)
        if not keep(key, split, WIKINEWS_MODULUS):
            continue
        text, published = data.get("text"), data.get("published")
        if text is None:
            if rows is None:
                rows = _corpus(corpus)
            row = rows.get(str(url)) if url else None
            if row is None:
                raise UserError(f"{path.name}: no text: and its url is not in the corpus at {corpus}")
            text, published = row["text"], published or row["date"]
        articles.append(
            GoldArticle(
                key,
                path,
                str(text),
                str(published) if published else None,
                tuple(data["events"]),
                tuple(data.get("optional_events") or ()),
                tuple(data.get("must_not_assert") or ()),
            )
        )
    return articles


# --- matching one field ---------------------------------------------------------------------------------


def options(spec: Any) -> list[Any]:
    """A gold value's alternatives: a ``{any_of: [...]}`` or a list, else the value alone."""
    if isinstance(spec, dict) and "any_of" in spec:
        return list(spec["any_of"])
    return list(spec) if isinstance(spec, list) else [spec]


def _content(text: str | None) -> set[str]:
    english = _function_words()["en"]
    return {w for w in _WORD.findall((text or "").lower()) if w not in english}


def names_of(party: EventActor, article: Article | None) -> set[str]:
    """The content words an extracted actor goes by: its words, its name, and its known aliases."""
    words = _content(party.span.text) | _content(party.name)
    for m in article.mentions if article else ():
        if party.actor_id and m.actor.id == party.actor_id:
            words |= _content(m.actor.name).union(*(_content(a) for a in m.actor.aliases))
    return words


def _actor_alternatives(spec: Any) -> list[tuple[str | None, str | None] | None]:
    """A gold actor's alternatives as (country, name), None for "no actor"."""
    out: list[tuple[str | None, str | None] | None] = []
    for alt in options(spec):
        if alt is None or isinstance(alt, dict):
            out.append(None if alt is None else (alt.get("country"), alt.get("name")))
            continue
        words = str(alt).split()
        coded = bool(words) and re.fullmatch(r"[A-Z]{3}", words[0]) is not None
        out.append((words[0], " ".join(words[1:]) or None) if coded else (None, str(alt)))
    return out


def actor_ok(spec: Any, party: EventActor | None, article: Article | None = None) -> bool:
    """One gold actor against the extracted one: ``null`` among alternatives wants none; a dict gives a
    country and/or a name, a string a code ("IRQ"), a code and words ("IRQ militia") or a name; either the
    country or a shared content word of the name is enough."""
    for alt in _actor_alternatives(spec):
        if alt is None or party is None:
            if alt is None and party is None:
                return True
            continue
        country, name = alt
        if country and party.country == country:
            return True
        if name and _content(name) & names_of(party, article):
            return True
    return False


def name_ok(spec: Any, party: EventActor | None, article: Article | None = None) -> bool | None:
    """The stricter reading: does the extracted actor share a content word with a name the gold gives
    (None when the gold gives no name)? A country alone does not count here."""
    names = [alt[1] for alt in _actor_alternatives(spec) if alt and alt[1]]
    if not names:
        return None
    return party is not None and any(_content(n) & names_of(party, article) for n in names)


def place_ok(spec: Any, place: Place | None) -> bool:
    """Within NEAR_KM of the gold's coordinates; in its country when it gives no coordinates; else a
    shared content word of the name."""
    if place is None:
        return False
    for alt in (a for a in options(spec) if isinstance(a, dict)):
        if alt.get("lat") is not None and alt.get("lon") is not None:
            ok = place.lat is not None and place.lon is not None
            ok = (
                ok and km(float(alt["lat"]), float(alt["lon"]), place.lat or 0.0, place.lon or 0.0) <= NEAR_KM
            )
        elif alt.get("country"):
            ok = place.country == alt["country"]
        else:
            ok = bool(_content(alt.get("name")) & _content(place.name))
        if ok:
            return True
    return False


def _days(value: Any) -> tuple[date, date] | None:
    """A gold date (a YAML date, or a TIMEX value such as "2020-03") as the days it spans."""
    if isinstance(value, date):
        return value, value
    return bounds(str(value)) if value else None


def date_ok(spec: Any, value: str | None) -> bool:
    """The extracted date's days overlap the gold range's."""
    got = bounds(value) if value else None
    if got is None:
        return False
    for alt in (a for a in options(spec) if isinstance(a, dict)):
        low, high = _days(alt.get("from")), _days(alt.get("to") or alt.get("from"))
        if low and high and got[0] <= high[1] and low[0] <= got[1]:
            return True
    return False


def types_of(spec: dict[str, Any]) -> list[str]:
    return [str(t) for t in options(spec.get("type"))]


def field_checks(spec: dict[str, Any], event: Event, article: Article | None) -> dict[str, bool]:
    """Each field the gold event gives → whether the extracted event has it right."""
    out = {"type": event.plover_type in types_of(spec), "modality": event.modality in FACTUAL}
    if spec.get("source") is not None:
        out["source"] = actor_ok(spec["source"], event.source, article)
    if spec.get("target") is not None:
        out["target"] = actor_ok(spec["target"], event.target, article)
    if spec.get("place") is not None:
        out["place"] = place_ok(spec["place"], event.place)
    if spec.get("date") is not None:
        out["date"] = date_ok(spec["date"], event.date)
    wanted = {c: spec[c] for c in COUNTS if isinstance(spec.get(c), int)}
    if wanted:
        out["counts"] = all((getattr(event, c) or 0) >= n for c, n in wanted.items())
    return out


# --- pairing events -------------------------------------------------------------------------------------


def word_spans(text: str, words: Any) -> list[tuple[int, int]]:
    """Where the gold's words stand in the text (whitespace-insensitive)."""
    if not words:
        return []
    pattern = r"\s+".join(re.escape(w) for w in str(words).split())
    return [(m.start(), m.end()) for m in re.finditer(pattern, text)]


def _evidence(event: Event) -> list[tuple[int, int]]:
    """The words that state the event: its trigger spans (an actor's words may stand elsewhere)."""
    return [
        (event.trigger.start, event.trigger.end),
        *((e.start, e.end) for e in event.evidence if e.role == "trigger"),
    ]


def overlaps(event: Event, spans: Iterable[tuple[int, int]]) -> bool:
    return any(s < e2 and s2 < e for s, e in _evidence(event) for s2, e2 in spans)


def _pair_score(spec: dict[str, Any], event: Event, article: Article | None) -> tuple[float, dict[str, bool]]:
    checks = field_checks(spec, event, article)
    near = overlaps(event, word_spans(article.text, spec.get("words"))) if article else False
    if not checks["type"] and not near:
        return -1.0, checks
    return 1000.0 * all(checks.values()) + 100.0 * near + sum(checks.values()), checks


def pair(
    specs: Sequence[dict[str, Any]], events: Sequence[Event], article: Article | None = None
) -> list[tuple[int, int, dict[str, bool]]]:
    """One-to-one pairs (gold index, event index, field checks), most matches first (Hungarian)."""
    if not specs or not events:
        return []
    scored = [[_pair_score(s, e, article) for e in events] for s in specs]
    rows, cols = linear_sum_assignment([[-max(v, 0.0) for v, _ in line] for line in scored])
    return [
        (g, e, scored[g][e][1])
        for g, e in zip(rows.tolist(), cols.tolist(), strict=True)
        if scored[g][e][0] >= 0
    ]


def broken(spec: dict[str, Any], article: Article) -> bool:
    """A must-not-assert line broken: an asserted or reported event of its type over its words."""
    spans = word_spans(article.text, spec.get("words"))
    wanted = types_of(spec) if spec.get("type") else None
    return any(
        e.modality in FACTUAL and (wanted is None or e.plover_type in wanted) and overlaps(e, spans)
        for e in article.events
    )


def judge(gold: GoldArticle, article: Article) -> Outcome:
    events = [e for e in article.events if e.modality in FACTUAL]
    out = Outcome(gold=len(gold.events), must_not_assert=len(gold.must_not_assert))
    pairs = pair(gold.events, events, article)
    taken = {e for _, e, _ in pairs}
    rest = [ev for i, ev in enumerate(events) if i not in taken]
    credited = [rest[e] for _, e, checks in pair(gold.optional, rest, article) if all(checks.values())]
    out.extracted = len(events) - len(credited)
    out.asserted = sum(e.modality == "asserted" for e in events) - sum(
        e.modality == "asserted" for e in credited
    )
    for g, e, checks in pairs:
        out.pairs += 1
        spec, event = gold.events[g], events[e]
        named = {
            f"{role}_name": name_ok(spec.get(role), getattr(event, role), article)
            for role in ("source", "target")
        }
        for name, ok in (*checks.items(), *((k, v) for k, v in named.items() if v is not None)):
            out.given[name] = out.given.get(name, 0) + 1
            out.right[name] = out.right.get(name, 0) + ok
        if all(checks.values()):
            out.matched += 1
            out.asserted_matched += events[e].modality == "asserted"
        out.fully_right += all(checks.get(f, True) for f in FULLY)
    out.broken = sum(broken(spec, article) for spec in gold.must_not_assert)
    return out


def metrics(outcomes: Sequence[Outcome]) -> dict[str, float | int]:
    def total(name: str) -> int:
        return sum(getattr(o, name) for o in outcomes)

    matched, extracted, gold = total("matched"), total("extracted"), total("gold")
    p, r, f = prf(matched, extracted - matched, gold - matched)
    asserted = total("asserted")
    out: dict[str, float | int] = {
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(f, 4),
        "asserted_precision": round(total("asserted_matched") / asserted, 4) if asserted else 0.0,
        "fully_right": total("fully_right"),
        "gold_events": gold,
        "extracted_events": extracted,
        "matched": matched,
        "must_not_assert_broken": total("broken"),
        "must_not_assert": total("must_not_assert"),
    }
    for name in FIELDS:
        given = sum(o.given.get(name, 0) for o in outcomes)
        out[f"{name}_acc"] = round(sum(o.right.get(name, 0) for o in outcomes) / given, 4) if given else 0.0
    return out


def run(articles: Sequence[GoldArticle], ctx: Context | None = None) -> list[Article]:
    """The whole line over the gold articles, each published on its date, in gold order."""
    sources = [Source(ref=a.key, text=a.text, published=a.published) for a in articles]
    by_ref = {item.source_ref: item for item in process_sources(sources, ctx) if isinstance(item, Article)}
    missing = [a.path.name for a in articles if a.key not in by_ref]
    if missing:
        raise UserError(f"the line rejected gold articles: {', '.join(missing)}")
    return [by_ref[a.key] for a in articles]


def score(
    gold: Path, split: Split = "all", corpus: Path | None = None, ctx: Context | None = None
) -> EvalResult:
    from sitrep.eval import SHARED

    articles = read(gold, corpus or SHARED / "corpus" / "wikinews", split)
    outcomes = [judge(g, a) for g, a in zip(articles, run(articles, ctx), strict=True)]
    rows = [
        {"article": g.path.stem, "gold": o.gold, "extracted": o.extracted, "matched": o.matched,
         "fully_right": o.fully_right, "must_not_assert_broken": o.broken}
        for g, o in zip(articles, outcomes, strict=True)
    ]  # fmt: skip
    return judged("wikinews", gold, split, outcomes, metrics, rows, n=len(articles))
