"""Sanity counts of sitrep's events over the whole Wikinews sample: classes that should be zero.

    PYTHONPATH=. python scripts/events_sanity.py [--json] [--limit N]

Counts (corpus-wide only; no article is read one by one):
- ``pronoun_unresolved``: a source or target whose words are a pronoun standing for nobody;
- ``pronoun_resolved``: one that stands for an antecedent actor (kept, for information);
- ``time_word``: a source or target whose words are a day, month, date or time;
- ``number_alone``: a source or target whose words are a number alone ("Thousands");
- ``dateline``: a source or target that is a capitalised dateline opening a line ("BAGHDAD —");
- ``habitual_background``: habitual events coded so only because they were named in passing (the old rule);
- ``habitual`` by cue: every habitual event, by the cue that made it habitual;
- ``place_abbreviation``: events placed by a time or unit abbreviation ("am", "km", "GMT");
- ``salience``: events by salience, and factual (asserted or reported) events by salience.
The Wikinews articles are CC BY 2.5 (credit Wikinews); the script prints counts only.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from sitrep.pipeline import process_sources
from sitrep.records import Article, EventActor, Source

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
PRONOUNS = frozenset(
    [
        "i",
        "me",
        "my",
        "we",
        "us",
        "our",
        "you",
        "your",
        "he",
        "him",
        "his",
        "she",
        "her",
        "it",
        "its",
        "they",
        "them",
        "their",
        "this",
        "that",
        "these",
        "those",
        "what",
        "which",
        "who",
        "whom",
        "one",
        "none",
        "someone",
        "anyone",
        "everyone",
    ]
)
TIME_WORDS = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "today",
        "yesterday",
        "tomorrow",
        "tonight",
    ]
)
ABBREVIATIONS = frozenset(
    [
        "am",
        "pm",
        "a.m.",
        "p.m.",
        "km",
        "kg",
        "mph",
        "kph",
        "gmt",
        "utc",
        "bst",
        "est",
        "edt",
        "cet",
        "cest",
        "pst",
        "pdt",
        "min",
        "hr",
        "hrs",
        "sec",
        "ft",
        "lb",
        "lbs",
        "mm",
        "cm",
        "mi",
        "mon",
        "tue",
        "wed",
        "thu",
        "fri",
        "sat",
        "sun",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)
NUMBER = re.compile(r"^(\d[\d,.]*|a few|dozens|hundreds|thousands|millions|tens of thousands)$", re.I)
MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
DATE = re.compile(
    rf"^(\d{{1,2}}(st|nd|rd|th)?\s+({MONTHS})(\s+\d{{4}})?|({MONTHS})\s+\d{{1,2}}(,?\s+\d{{4}})?|\d{{4}}(-\d\d){{0,2}})$"
)


def sources() -> Iterator[Source]:
    csv.field_size_limit(1 << 26)
    for path in sorted((SHARED / "corpus" / "wikinews").glob("*.csv")):
        with open(path, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                yield Source(ref=row["url"], text=row["text"], published=row["date"][:10], url=row["url"])


def _dateline(article: Article, party: EventActor) -> bool:
    words = party.span.text
    line = article.text[: party.span.start].rstrip(" \t")
    after = article.text[party.span.end : party.span.end + 12].lstrip(" \t")
    opens_line = line == "" or line.endswith("\n")
    return words.isupper() and len(words) > 2 and opens_line and after[:1] in ("—", "–", "-", "(", ",")


def party_classes(article: Article, party: EventActor | None) -> list[str]:
    if party is None:
        return []
    low = party.span.text.lower().strip()
    found = []
    if low in PRONOUNS:
        unresolved = party.actor_id is None and party.country is None and party.name.lower() == low
        found.append("pronoun_unresolved" if unresolved else "pronoun_resolved")
    if low in TIME_WORDS or DATE.match(low):
        found.append("time_word")
    if NUMBER.match(low):
        found.append("number_alone")
    if _dateline(article, party):
        found.append("dateline")
    return found


def count(articles: Iterator[Article]) -> dict[str, object]:
    classes: Counter[str] = Counter()
    words: Counter[str] = Counter()  # the words of each should-be-zero party, to see what slips
    habitual: Counter[str] = Counter()
    salience: Counter[str] = Counter()
    n_articles = n_events = 0
    for article in articles:
        n_articles += 1
        for e in article.events:
            n_events += 1
            for party in (e.source, e.target):
                found = party_classes(article, party)
                classes.update(found)
                words.update(f"{c}: {party.span.text}" for c in found if c != "pronoun_resolved" and party)
            if e.modality == "habitual":
                parts = e.rule.split("&")[0].split("|")  # the first mention's rule, not merged ones
                cue = next((p.split(":", 1)[1] for p in parts if p.startswith("habitual:")), "?")
                habitual[cue] += 1
                if cue == "background":
                    classes["habitual_background"] += 1
            place = next((ev.text for ev in e.evidence if ev.role == "place"), None)
            if place is not None and place.lower() in ABBREVIATIONS:
                classes["place_abbreviation"] += 1
            side = getattr(e, "salience", "main")
            salience[side] += 1
            if e.modality in ("asserted", "reported"):
                salience[f"factual_{side}"] += 1
    zero = ("pronoun_unresolved", "time_word", "number_alone", "dateline", "habitual_background",
            "place_abbreviation")  # fmt: skip
    return {
        "articles": n_articles,
        "events": n_events,
        "should_be_zero": {k: classes[k] for k in zero},
        "should_be_zero_words": dict(words.most_common(20)),
        "pronoun_resolved": classes["pronoun_resolved"],
        "habitual_by_cue": dict(habitual.most_common()),
        "salience": dict(salience),
    }


def run(limit: int | None = None) -> dict[str, object]:
    items = list(sources())[:limit]

    def articles() -> Iterator[Article]:
        for item in process_sources(items):
            if isinstance(item, Article):
                yield item

    return count(articles())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="one JSON object on stdout")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    args = parser.parse_args()
    result = run(args.limit)
    if args.json:
        json.dump(result, sys.stdout)
        print()
    else:
        for key, value in result.items():
            print(f"{key}: {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
