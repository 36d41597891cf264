"""Rebuild sitrep/data/outlets/fundus.tsv from the shared reference lists (fundus + newscatcher, MIT).

Run from the repository root: ``python scripts/build_outlets.py``. The transform keeps only what sitrep
uses (name, abbreviation, bare domain, ISO country, language), fixes fundus's non-ISO country sections,
and fills a missing language or country from newscatcher's row for the same domain.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REF = ROOT.parent / "shared" / "reference" / "outlets"
OUT = ROOT / "sitrep" / "data" / "outlets" / "fundus.tsv"
COUNTRY_FIX = {"UK": "GB", "IND": "IN", "ISL": "IS"}


def bare(domain: str) -> str:
    return re.sub(r"^(https?://)?(www\d?\.)?", "", domain.strip().lower()).rstrip("/")


def main() -> None:
    newscatcher: dict[str, tuple[str, str]] = {}
    with (REF / "newscatcher_sources.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            country = row["clean_country"] if row["clean_country"] != "None" else ""
            newscatcher.setdefault(bare(row["clean_url"]), (row["language"] or "", country))
    rows = []
    with (REF / "fundus_publishers.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            name = row["name"].strip()
            abbr = ""
            match = re.fullmatch(r"(.+?)\s*\(([^)]+)\)", name)
            if match:
                name, abbr = match.group(1), match.group(2)
            domain = bare(row["url"])
            lang_nc, country_nc = newscatcher.get(domain, ("", ""))
            language = (row["languages"].split()[0] if row["languages"] else "") or lang_nc
            country = COUNTRY_FIX.get(row["fundus_country_section"], row["fundus_country_section"])
            source = "fundus+newscatcher" if domain in newscatcher else "fundus"
            rows.append([name, abbr, domain, country or country_nc, language, source])
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        fh.write(
            "# Transformed from fundus docs/supported_publishers.md (MIT) and newscatcher (MIT); see NOTICE.\n"
        )
        writer = csv.writer(fh, delimiter="\t", lineterminator="\n")
        writer.writerow(["name", "abbreviations", "domains", "country", "language", "source"])
        writer.writerows(sorted(rows))


if __name__ == "__main__":
    main()
