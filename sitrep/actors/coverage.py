"""What the actor data covers, as Markdown: ``python -m sitrep.actors.coverage`` (for docs/actors.md).

Counts actors by kind and by the region of their country (UN M49 sub-regions as countryinfo names them),
and the date range of the dated roles by office.
"""

from __future__ import annotations

import csv
from collections import Counter, defaultdict

from sitrep.actors.index import Index, build_index
from sitrep.actors.load import DATA, is_people
from sitrep.records import Actor

KINDS = ("country", "person", "organisation", "group", "people", "media")


def kind(actor: Actor) -> str:
    """Armed groups and peoples share the record kind "group"; the tables count them apart."""
    return "people" if is_people(actor) else actor.kind


def regions() -> dict[str, str]:
    with (DATA / "countries.csv").open(encoding="utf-8") as fh:
        out = {r["iso3"]: r["region"] or "other" for r in csv.DictReader(fh)}
    return out | {"IGO": "international (IGO)", "NGO": "international (NGO)", "IMG": "transnational armed",
                  "MNC": "international (MNC)"}  # fmt: skip


def by_region(index: Index) -> str:
    region_of = regions()
    table: dict[str, Counter[str]] = defaultdict(Counter)
    for actor in index.actors.values():
        table[region_of.get(actor.country or "", "unknown")][kind(actor)] += 1
    lines = ["| region | " + " | ".join(KINDS) + " | total |", "|---|" + "---:|" * (len(KINDS) + 1)]
    for region in sorted(table, key=lambda r: -sum(table[r].values())):
        row = table[region]
        lines.append(f"| {region} | " + " | ".join(str(row[k]) for k in KINDS) + f" | {sum(row.values())} |")
    total = Counter[str]()
    for row in table.values():
        total.update(row)
    lines.append("| **all** | " + " | ".join(str(total[k]) for k in KINDS) + f" | {sum(total.values())} |")
    return "\n".join(lines)


def by_office(index: Index) -> str:
    spans: dict[str, list[str]] = defaultdict(list)
    holders: dict[str, set[str]] = defaultdict(set)
    countries: dict[str, set[str]] = defaultdict(set)
    for (holder, office), terms in index.roles.items():
        for start, end, person in terms:
            spans[office] += [start, end if end != "9999" else "now"]
            holders[office].add(person)
            countries[office].add(holder)
    lines = ["| office | holders | countries or bodies | terms from | to |", "|---|---:|---:|---|---|"]
    for office in sorted(spans, key=lambda o: -len(holders[o])):
        dates = [d for d in spans[office] if d != "now"]
        last = "now" if "now" in spans[office] else max(dates)
        lines.append(
            f"| {office} | {len(holders[office])} | {len(countries[office])} | {min(dates)} | {last} |"
        )
    phoenix = [r for a in index.actors.values() if a.id.startswith("phx:") for r in a.roles]
    dates = sorted(d for r in phoenix for d in (r.start, r.end) if d)
    lines.append(f"| Phoenix officials (sector only, no office) | "
                 f"{sum(1 for a in index.actors.values() if a.id.startswith('phx:'))} | – | {dates[0]} | {dates[-1]} |")  # fmt: skip
    return "\n".join(lines)


def main() -> None:
    index = build_index()
    print("### Actors by kind and region\n")
    print(by_region(index))
    print("\n### Dated roles by office\n")
    print(by_office(index))
    generic = sum(1 for e in index.table.values() for x in e if x.category == "generic")
    print(f"\nGeneric agent phrases: {generic}. Spelling keys in the index: {len(index.table)}.")


if __name__ == "__main__":
    main()
