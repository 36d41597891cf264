"""Build sitrep/data/actors/*.csv from the reference dictionaries in ../shared/reference.

Run from the repository root: ``python scripts/build_actors.py [REFERENCE_DIR]``. The output files are
committed; this script documents how they were made. Each output row names its source; the licences of
the inputs are kept in sitrep/data/actors/NOTICE.md.

- countries.csv: pycountry (names, ISO codes) + countryinfo (demonyms, capitals, regions) + the country
  entries of Phoenix.Countries.actors.txt (MIT; spelling variants and cities used as country metonyms).
- phoenix_leaders.csv: people of Phoenix.Countries.actors.txt (MIT) with a dated role in 2000 or later,
  for the G20 and the Middle East and North Africa.
- international.csv: organisations of Phoenix.International.actors.txt (MIT).
- armed_groups.csv: UCDP Actor Dataset 22.1 (CC BY 4.0) formal groups outside the Americas and Western
  Europe, and Phoenix.MilNonState.actors.txt (MIT).
- generic_agents.csv: Phoenix.agents.txt (MIT) generic agents with their sector.
- countryinfo_roles.csv: foreign and defence ministers and prime ministers of the G20 and the Middle East
  and North Africa, 2003–2011, from the <Government> block of CountryInfo.120116.txt (CIA World Leaders;
  CC BY-SA 3.0: this derived file keeps that licence).
"""

from __future__ import annotations

import csv
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pycountry
from countryinfo import CountryInfo

OUT = Path(__file__).resolve().parents[1] / "sitrep" / "data" / "actors"
FOCUS = [
    "ARG",
    "AUS",
    "BRA",
    "CAN",
    "CHN",
    "FRA",
    "DEU",
    "IND",
    "IDN",
    "ITA",
    "JPN",
    "KOR",
    "MEX",
    "RUS",
    "SAU",
    "ZAF",
    "TUR",
    "GBR",
    "USA",
    "DZA",
    "BHR",
    "EGY",
    "IRN",
    "IRQ",
    "ISR",
    "JOR",
    "KWT",
    "LBN",
    "LBY",
    "MAR",
    "OMN",
    "PSE",
    "QAT",
    "SYR",
    "TUN",
    "ARE",
    "YEM",
    "SDN",
]
SECTORS = [
    "GOV",
    "MIL",
    "REB",
    "OPP",
    "MED",
    "CVL",
    "BUS",
    "JUD",
    "LEG",
    "POL",
    "SEC",
    "COP",
    "SPY",
    "UAF",
    "REF",
    "HLH",
    "EDU",
    "ELI",
    "REL",
    "ENV",
    "LAB",
    "AGR",
    "DEV",
    "HRI",
    "CRM",
    "INS",
    "IGO",
    "NGO",
    "MNC",
    "JRN",
    "SPY",
]
CAMEO_TO_ISO = {"JAP": "JPN", "KOS": "XKX", "ROM": "ROU", "ZAR": "COD", "TMP": "TLS", "PSE": "PSE"}
ORG_WORDS = re.compile(
    r"ORGANI[SZ]ATION|UNION|COUNCIL|AGENCY|BANK|FUND|COURT|COMMISSION|NATIONS|ASSOCIATION|COMMITTEE|"
    r"FORUM|PROGRAM|LEAGUE|ALLIANCE|WATCH|FEDERATION|CROSS|CRESCENT|OFFICE|INSTITUTE|FOUNDATION|"
    r"PARLIAMENT|CONFERENCE|MOVEMENT|COMMUNITY|SECRETARIAT|TRIBUNAL|AMNESTY|FRONTIERES|BORDERS|"
    r"CORPS|MISSION|AUTHORITY|CENTRE|CENTER|PARTNERSHIP|COOPERATION|ORGANISATION"
)


@dataclass
class Entry:
    """One entry of a TABARI .actors dictionary: a name, its + aliases and its [CODE dates] lines."""

    name: str
    comment: str = ""
    aliases: list[str] = field(default_factory=list)
    codes: list[tuple[str, str | None, str | None]] = field(default_factory=list)


def words(raw: str) -> str:
    """TABARI spelling (``SECRETARY_OF_STATE_RICE_``) to plain words."""
    text = raw.strip().strip("_").replace("_", " ")
    return re.sub(r"\s+", " ", text).strip()


def pretty(raw: str, acronyms: bool = True) -> str:
    """Upper-case TABARI names to title case; a one-word name of up to five letters is an acronym."""
    text = words(raw)
    if acronyms and len(text) <= 5 and " " not in text:
        return text
    small = {"of", "the", "and", "for", "in", "on", "de", "du", "la"}
    out = []
    for i, word in enumerate(text.lower().split()):
        word = "-".join(part.capitalize() for part in word.split("-"))
        out.append(word.lower() if i and word.lower() in small else word)
    return " ".join(out)


def tabari_date(raw: str) -> str | None:
    raw = raw.strip()
    if len(raw) == 6:
        year = int(raw[:2])
        raw = f"{2000 + year if year < 30 else 1900 + year}{raw[2:]}"
    if len(raw) != 8 or not raw.isdigit():
        return None
    month, day = raw[4:6], raw[6:8]
    if month == "00":
        month = "01"
    if day == "00":
        day = "01"
    return f"{raw[:4]}-{month}-{day}"


CODE = re.compile(r"\[([~A-Za-z*-]+)\s*([<>]?)\s*(\d{6,8})?\s*(?:-\s*(\d{6,8}))?\s*\]")


def parse_codes(text: str) -> list[tuple[str, str | None, str | None]]:
    out = []
    for code, sign, first, second in CODE.findall(text):
        start = end = None
        if sign == ">":
            start = tabari_date(first)
        elif sign == "<":
            end = tabari_date(first)
        elif first:
            start, end = tabari_date(first), tabari_date(second) if second else None
        out.append((code, start, end))
    return out


def parse_tabari(path: Path) -> Iterator[Entry]:
    """Read a .actors file: entry lines at column 0, ``+`` aliases, indented code lines."""
    current: Entry | None = None
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        body, _, comment = line.partition("#")
        if line[0] in " \t" or line.startswith("["):
            if current:
                current.codes.extend(parse_codes(body))
            continue
        if line.startswith("+"):
            if current:
                current.aliases.append(words(CODE.sub("", body[1:])))
            continue
        if current:
            yield current
        name = words(CODE.sub("", body).split("{")[0])
        current = Entry(name=name, comment=comment.strip(), codes=parse_codes(body))
    if current:
        yield current


def split_code(code: str) -> tuple[str | None, str | None]:
    """``IRQGOVMIL`` -> (IRQ, GOV); ``IGOUNOIAE`` -> (IGO, None); ``~COP`` -> (None, COP)."""
    code = code.lstrip("~").upper()
    country = code[:3] if len(code) >= 3 else None
    if country in SECTORS and country not in {"IGO", "NGO", "MNC"}:
        return None, country
    country = CAMEO_TO_ISO.get(country or "", country)
    chunks = [code[i : i + 3] for i in range(3, len(code), 3)]
    sector = next((c for c in chunks if c in SECTORS), None)
    return country, sector


def valid_iso3(code: str | None) -> bool:
    return bool(code) and (code in {"PSE", "XKX"} or pycountry.countries.get(alpha_3=code) is not None)


def join(values: list[str]) -> str:
    seen: dict[str, None] = {}
    for v in values:
        v = v.strip()
        if v and "|" not in v and v.lower() not in (s.lower() for s in seen):
            seen[v] = None
    return "|".join(seen)


def write(name: str, header: list[str], rows: list[list[str]]) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with (OUT / name).open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(header)
        w.writerows(sorted(rows))
    print(f"{name}: {len(rows)} rows")


def countries(ref: Path) -> dict[str, str]:
    """Write countries.csv; return a lower-case name -> ISO3 map for the other builders."""
    info = CountryInfo("Iran").all()
    by_iso: dict[str, dict[str, object]] = {v["ISO"]["alpha3"]: v for v in info.values() if v.get("ISO")}
    phoenix: dict[str, list[str]] = {}
    for entry in parse_tabari(ref / "leaders" / "Phoenix.Countries.actors.txt"):
        codes = [c for c, _, _ in entry.codes]
        if not codes or any(len(c) != 3 for c in codes if "OCC" not in c):
            continue
        iso = CAMEO_TO_ISO.get(codes[0], codes[0])
        if valid_iso3(iso) and not entry.comment.lower().startswith("make new"):
            phoenix.setdefault(iso, []).extend(
                a for a in [entry.name, *entry.aliases] if a and not re.search(r"[()]", a)
            )
    rows, names = [], {}
    all_codes = {c.alpha_3 for c in pycountry.countries} | {"PSE", "XKX"}
    for iso in sorted(all_codes):
        pc = pycountry.countries.get(alpha_3=iso)
        ci = by_iso.get(iso, {})
        name = getattr(pc, "common_name", None) or (pc.name if pc else "Kosovo")
        aliases = [getattr(pc, "official_name", ""), pc.name if pc else "", str(ci.get("name", "")).title()]
        aliases += [a for a in ci.get("altSpellings", []) if isinstance(a, str) and len(a) > 3]  # type: ignore[union-attr]
        demonym = str(ci.get("demonym", ""))
        capital = str(ci.get("capital", ""))
        extra = [pretty(a, acronyms=False) for a in phoenix.get(iso, []) if len(words(a)) > 3]
        stems = {n.lower()[:4] for n in [name, *aliases, demonym] if n}
        variants = [a for a in extra if a.lower()[:4] in stems]
        places = [capital] + [a for a in extra if a.lower()[:4] not in stems]
        region = str(ci.get("subregion") or ci.get("region") or "")
        src = "pycountry; countryinfo" + ("; Phoenix.Countries.actors.txt (MIT)" if extra else "")
        names_out = join([a for a in aliases + variants if a != name])
        rows.append([iso, name, names_out, demonym, join(places), region, src])
        for n in [name, *aliases, demonym]:
            if n:
                names[n.lower()] = iso
    write("countries.csv", ["iso3", "name", "aliases", "demonym", "places", "region", "source"], rows)
    return names


def leaders(ref: Path) -> None:
    rows = []
    seen: set[str] = set()
    for entry in parse_tabari(ref / "leaders" / "Phoenix.Countries.actors.txt"):
        roles = []
        for code, start, end in entry.codes:
            country, sector = split_code(code)
            if country in FOCUS and sector and (start or end) and (end is None or end >= "2000-01-01"):
                roles.append(f"{country}:{sector}:{start or ''}:{end or ''}")
        if not roles or len(entry.name.split()) < 2:
            continue
        key = entry.name.lower()
        if key in seen:
            continue
        seen.add(key)
        country, sector = roles[0].split(":")[:2]
        name = pretty(entry.name)
        aliases = [pretty(a) for a in entry.aliases if len(a) > 3]
        rows.append([f"phx:{re.sub(r'[^a-z0-9]+', '-', key).strip('-')}", name, join(aliases), country, sector,
                     ";".join(roles), "Phoenix.Countries.actors.txt (MIT, 2014)"])  # fmt: skip
    write("phoenix_leaders.csv", ["id", "name", "aliases", "country", "sector", "roles", "source"], rows)


def international(ref: Path) -> None:
    rows = []
    for entry in parse_tabari(ref / "cameo-dictionaries" / "Phoenix.International.actors.txt"):
        if not entry.codes or any(s or e for _, s, e in entry.codes):
            continue  # dated entries are people
        acronym = " " not in entry.name and len(entry.name) <= 6
        if not (acronym or ORG_WORDS.search(entry.name.upper())):
            continue
        country, sector = split_code(entry.codes[0][0])
        if country not in {"IGO", "NGO", "MNC"}:
            continue
        key = re.sub(r"[^a-z0-9]+", "-", entry.name.lower()).strip("-")
        if any(r[0] == f"intl:{key}" for r in rows[-3:]):
            continue
        rows.append([f"intl:{key}", pretty(entry.name), join([pretty(a) for a in entry.aliases]), country,
                     sector or "", "Phoenix.International.actors.txt (MIT)"])  # fmt: skip
    write("international.csv", ["id", "name", "aliases", "country", "sector", "source"], rows)


def armed_groups(ref: Path, names: dict[str, str]) -> None:
    rows = []
    path = ref / "armed-groups" / "ucdp-actor-221.csv"
    with path.open(encoding="utf-8-sig") as fh:
        for r in csv.DictReader(fh):
            if r["Org"] not in {"1", "2"}:
                continue
            places = [re.sub(r"\s*\(.*?\)", "", p).strip().lower() for p in r["Location"].split(",")]
            country = next((names[p] for p in places if p in names), "")
            regions = set(r["Region"].replace(" ", "").split(","))
            if not (regions & {"2", "3", "4"} or country in {"UKR", "RUS"}):
                continue
            columns = [r["NameOrig"], r["NameOrigFullEng"], r["NewName"], r["NewNameFullEng"]]
            aliases = [a.strip() for c in columns for a in c.split(", ")]  # some cells list several names
            aliases = [a for a in aliases if a and a != "n/a" and a != r["NameData"]]
            rows.append([f"ucdp:{r['ActorId']}", r["NameData"], join(aliases), country, "REB",
                         "UCDP Actor Dataset 22.1 (CC BY 4.0)"])  # fmt: skip
    for entry in parse_tabari(ref / "armed-groups" / "Phoenix.MilNonState.actors.txt"):
        if not entry.codes:
            continue
        country, sector = split_code(entry.codes[0][0])
        country = country if valid_iso3(country) or country == "IMG" else ""
        key = re.sub(r"[^a-z0-9]+", "-", entry.name.lower()).strip("-")
        rows.append([f"phxg:{key}", pretty(entry.name), join([pretty(a) for a in entry.aliases]), country or "",
                     sector or "REB", "Phoenix.MilNonState.actors.txt (MIT)"])  # fmt: skip
    write("armed_groups.csv", ["id", "name", "aliases", "country", "sector", "source"], rows)


def plurals(phrase: str) -> list[str]:
    head, _, last = phrase.rpartition(" ")
    pre = f"{head} " if head else ""
    if last.endswith("man"):
        return [pre + last[:-3] + "men"]
    if last.endswith("y") and last[-2:-1] not in "aeiou":
        return [pre + last[:-1] + "ies"]
    if last.endswith(("s", "x", "ch", "sh")):
        return [pre + last + "es"]
    return [pre + last + "s"]


def generic_agents(ref: Path) -> None:
    subs: dict[str, list[str]] = {}
    rows: dict[str, list[str]] = {}
    for line in (ref / "cameo-dictionaries" / "Phoenix.agents.txt").read_text(errors="replace").splitlines():
        line = line.split("#")[0].strip()
        if line.startswith("!") and "=" in line:
            name, _, values = line.partition("=")
            subs[name.strip()] = [v.strip() for v in values.split(",")]
            continue
        match = re.match(r"([^\[{]+?)\s*(\{[^}]*\})?\s*\[~?([A-Z]+)\]", line)
        if not match:
            continue
        phrase, plural, code = match.groups()
        sector = code[:3]
        forms = [phrase]
        for sub, values in subs.items():
            if sub in phrase:
                forms = [phrase.replace(sub, v) for v in values]
        for form in forms:
            text = words(form).lower()
            if not text:
                continue
            if plural:
                extra = [words(p).lower() for p in plural.strip("{}").split()]
            else:
                extra = [] if text.endswith((".", "s")) else plurals(text)
            for f in [text, *extra]:
                rows.setdefault(f, [f, sector, "Phoenix.agents.txt (MIT)"])
    write("generic_agents.csv", ["phrase", "sector", "source"], list(rows.values()))


GOVERNMENT = re.compile(r"^\t([A-Z][^\t\[]*?)\s*\t((?:\[[^\]]*\]\s*)+)#\s*(.+)$")
OFFICES = {"minister of foreign affairs": "foreign_minister", "prime minister": "prime_minister",
           "minister of defense": "defence_minister", "minister of national defense": "defence_minister",
           "minister of defence": "defence_minister", "minister of foreign affairs and cooperation": "foreign_minister",
           "minister of foreign affairs and international cooperation": "foreign_minister"}  # fmt: skip
CI_START, CI_END = "2003-01-01", "2011-02-28"  # the CIA World Leaders listings the block was coded from


def valid_day(day: str | None) -> str | None:
    """CountryInfo writes month ends as the 31st of any month ("20050931"): clamp to a real date."""
    if day is None:
        return None
    year, month, d = (int(x) for x in day.split("-"))
    last = [31, 29 if year % 4 == 0 else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    return f"{year:04d}-{month:02d}-{min(d, last):02d}"


def countryinfo_roles(ref: Path) -> None:
    """Each post of a person is one [code dates] group and one '&'-separated title, in the same order."""
    rows = []
    text = (ref / "leaders" / "CountryInfo.120116.txt").read_text(encoding="utf-8", errors="replace")
    for line in text.splitlines():
        match = GOVERNMENT.match(line)
        if not match:
            continue
        name, codes, titles = match.groups()
        posts = re.findall(r"\[([^\]]*)\]", codes)
        names = [t.strip().lower() for t in titles.split("&")]
        if len(posts) != len(names):
            continue
        for post, title in zip(posts, names, strict=True):
            office = OFFICES.get(title)
            parsed = parse_codes(f"[{post}]")
            if office is None or not parsed:
                continue
            code, start, end = parsed[0]
            country = code[:3]
            if country not in FOCUS:
                continue
            start = valid_day(start) or (CI_START if "<" in post else None)
            end = valid_day(end) or (CI_END if ">" in post else None)
            if start and end and start < end:
                rows.append([country, office, pretty(name), start, end,
                             "CountryInfo.120116.txt <Government> (CIA World Leaders; CC BY-SA 3.0)"])  # fmt: skip
    write("countryinfo_roles.csv", ["holder", "office", "person", "start", "end", "source"], rows)


def main() -> None:
    ref = (
        Path(sys.argv[1])
        if len(sys.argv) > 1
        else Path(__file__).resolve().parents[2] / "shared" / "reference"
    )
    names = countries(ref)
    leaders(ref)
    international(ref)
    armed_groups(ref, names)
    generic_agents(ref)
    countryinfo_roles(ref)


if __name__ == "__main__":
    main()
