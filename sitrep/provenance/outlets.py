"""The outlets index: news outlets by name, abbreviation and domain, with a fuzzy fallback for misspellings.

Public for other stages (actors may code a named outlet as a MED actor): ``find_outlet(name)``,
``outlet_for_url(url)`` and ``load_outlets()``. The data is ``sitrep/data/outlets/*.tsv``; rows of
``known.tsv`` win over transformed rows that share a domain or name, whose names become aliases.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from rapidfuzz import fuzz, process

DATA = Path(__file__).resolve().parents[1] / "data" / "outlets"
FILES = ("known.tsv", "fundus.tsv")  # in order of authority
FUZZY_CUTOFF = 88.0  # "Middel East Eye" scores 93 against "Middle East Eye"; "Middle East" scores 85
_THE = re.compile(r"^the\s+", re.I)


@dataclass(frozen=True, slots=True)
class Outlet:
    name: str
    abbreviations: tuple[str, ...]
    domains: tuple[str, ...]
    country: str | None
    language: str | None
    source: str
    aliases: tuple[str, ...] = ()


def norm_name(text: str) -> str:
    """Case, accents, punctuation and a leading "The" do not tell outlets apart."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[^\w&/ ]+", " ", text.casefold())
    return _THE.sub("", " ".join(text.split()))


def bare_domain(url_or_domain: str) -> str:
    host = urlsplit(url_or_domain).hostname if "//" in url_or_domain else url_or_domain
    return re.sub(r"^(www\d?|m|amp)\.", "", (host or "").lower().rstrip("."))


class OutletIndex:
    """Exact lookups are dicts; only a miss pays for the fuzzy scan over a few hundred names."""

    def __init__(self, outlets: list[Outlet]) -> None:
        self.outlets = outlets
        self._names: dict[str, Outlet] = {}
        self._abbr: dict[str, Outlet] = {}
        self._domains: dict[str, Outlet] = {}
        for outlet in outlets:
            for name in (outlet.name, *outlet.aliases):
                self._names.setdefault(norm_name(name), outlet)
            for abbr in outlet.abbreviations:
                # Abbreviations are case-sensitive ("AP" the agency, not "ap"); long ones are names too.
                self._abbr.setdefault(abbr, outlet)
                if len(abbr) > 5 or " " in abbr:
                    self._names.setdefault(norm_name(abbr), outlet)
            for domain in outlet.domains:
                self._domains.setdefault(domain, outlet)
        self._choices = list(self._names)

    def by_name(self, name: str, fuzzy: bool = True) -> Outlet | None:
        name = name.strip()
        if name in self._abbr:
            return self._abbr[name]
        key = norm_name(name)
        if key in self._names:
            return self._names[key]
        if not fuzzy or len(key) < 6:
            return None
        hit = process.extractOne(key, self._choices, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
        return self._names[hit[0]] if hit else None

    def by_abbreviation(self, abbr: str) -> Outlet | None:
        return self._abbr.get(abbr.strip())

    def by_url(self, url: str) -> Outlet | None:
        domain = bare_domain(url)
        while domain:
            if domain in self._domains:
                return self._domains[domain]
            _, _, domain = domain.partition(".")  # news.bbc.co.uk -> bbc.co.uk -> co.uk
            if "." not in domain:
                return None
        return None


def _read(path: Path) -> list[Outlet]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    rows = csv.DictReader(lines, delimiter="\t")

    def split(value: str | None) -> tuple[str, ...]:
        return tuple(v.strip() for v in (value or "").split("|") if v.strip())

    return [
        Outlet(
            name=row["name"].strip(),
            abbreviations=split(row["abbreviations"]),
            domains=tuple(bare_domain(d) for d in split(row["domains"])),
            country=row["country"] or None,
            language=row["language"] or None,
            source=row["source"],
        )
        for row in rows
    ]


def _merge(records: list[Outlet]) -> list[Outlet]:
    """Later files only add what earlier ones lack: a shared domain or name makes the row an alias."""
    merged: list[Outlet] = []
    seen: dict[str, int] = {}
    for outlet in records:
        keys = [f"d:{d}" for d in outlet.domains] + [f"n:{norm_name(outlet.name)}"]
        index = next((seen[k] for k in keys if k in seen), None)
        if index is None:
            index = len(merged)
            merged.append(outlet)
        else:
            first = merged[index]
            if norm_name(outlet.name) != norm_name(first.name):
                merged[index] = Outlet(
                    first.name, first.abbreviations + outlet.abbreviations, first.domains,
                    first.country, first.language, first.source, (*first.aliases, outlet.name),
                )  # fmt: skip
        for key in keys:
            seen.setdefault(key, index)
    return merged


@lru_cache(maxsize=1)
def load_outlets() -> OutletIndex:
    records: list[Outlet] = []
    for name in FILES:
        records.extend(_read(DATA / name))
    return OutletIndex(_merge(records))


def find_outlet(name: str, fuzzy: bool = True) -> Outlet | None:
    """The outlet a name or abbreviation refers to ("MEE", "Middel East Eye"), or None."""
    return load_outlets().by_name(name, fuzzy=fuzzy)


def outlet_for_url(url: str) -> Outlet | None:
    return load_outlets().by_url(url)
