"""``sitrep check``: counts of stored events whose data cannot be right, by class.

Each class is a question a user of the data would ask before trusting it. Classes marked ``must be zero``
are guaranteed by the line (a code outside its list, a year read from a number that is not one); the
others are measured, not guaranteed (a happening the text asserts, dated after its article, is a date
read in the wrong direction or a future event coded as past), and their counts are figures to watch (docs/data.md).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

import duckdb

from sitrep.events import codes, gdelt, plover_json
from sitrep.store.db import query
from sitrep.store.exports import quads
from sitrep.timex import years

OLD_YEARS = 50


@dataclass(frozen=True)
class Check:
    name: str
    count: int
    must_be_zero: bool
    meaning: str


SQL = """
    SELECT e.id, e.article_id, e.plover_type, e.plover_mode, e.cameo, e.source_text, e.source_country,
           e.source_sector, e.target_text, e.target_country, e.target_sector, e.place_country, e.date,
           e.date_from, e.date_to, e.evidence, e.modality, a.published_date, a.text,
           e.place_country IS NULL OR EXISTS (
               SELECT 1 FROM mentions m JOIN places p ON p.id = m.place_id
               WHERE m.article_id = e.article_id AND m.kind = 'place' AND p.country = e.place_country
           ) AS place_named
    FROM events e JOIN articles a ON a.id = e.article_id
"""


def _old_bare_year(e: dict[str, Any]) -> bool:
    """Dated more than OLD_YEARS before its article by a bare number its text does not say is a year."""
    published = e["published_date"]
    if e["date_to"] is None or published is None or e["date_to"].year >= published.year - OLD_YEARS:
        return False
    for ev in json.loads(e["evidence"] or "[]"):
        if ev["role"] == "date" and years.BARE.fullmatch(ev["text"]):
            return not years.is_year(e["text"], ev["start"], ev["end"])
    return False


def _codes_outside(e: dict[str, Any]) -> bool:
    """A PLOVER type, mode, sector, country or CAMEO code that is not in its list."""
    voc = plover_json.vocabulary()
    if e["plover_type"] not in quads():
        return True
    if e["cameo"] and e["cameo"] not in gdelt.goldstein():
        return True
    countries = codes.iso3_codes() | voc.non_state
    for side in ("source", "target"):
        if e[f"{side}_sector"] and plover_json.sector(e[f"{side}_sector"]) is None:
            return True
        if e[f"{side}_country"] and e[f"{side}_country"] not in countries:
            return True
    return bool(e["place_country"] and codes.iso3(e["place_country"]) is None)


CLASSES: tuple[tuple[str, bool, str, Callable[[dict[str, Any]], bool]], ...] = (
    ("dated before 1900", False, "the event's range ends before 1900",
     lambda e: e["date_to"] is not None and e["date_to"] < date(1900, 1, 1)),
    (f"dated >{OLD_YEARS}y before article by a bare number", True,
     "a four-digit number outside a date context read as the year", _old_bare_year),
    ("asserted or reported, dated after its article", False,
     "a happening the text claims, whose range begins after the article's publication day",
     lambda e: e["modality"] in ("asserted", "reported") and e["date_from"] is not None
     and e["published_date"] is not None and e["date_from"] > e["published_date"]),
    ("no calendar date", False, "no range of days (no date, or PRESENT_REF and the like)",
     lambda e: e["date_from"] is None),
    ("not known to the day", False, "a range longer than one day (a week, a month, a year)",
     lambda e: e["date_from"] is not None and e["date_from"] != e["date_to"]),
    ("empty actor", False, "no source named", lambda e: not e["source_text"]),
    ("code outside its list", True, "PLOVER type, sector, country or CAMEO code not in its list", _codes_outside),
    ("place in a country the article never names", False,
     "the event's place lies in a country no place mention of the article is in", lambda e: not e["place_named"]),
)  # fmt: skip


def checks(con: duckdb.DuckDBPyConnection) -> list[Check]:
    rows: Iterable[dict[str, Any]] = query(con, SQL)
    counts = dict.fromkeys((name for name, *_ in CLASSES), 0)
    total = 0
    for e in rows:
        total += 1
        for name, _, _, test in CLASSES:
            counts[name] += bool(test(e))
    return [Check("events", total, False, "events in the store")] + [
        Check(name, counts[name], zero, meaning) for name, zero, meaning, _ in CLASSES
    ]
