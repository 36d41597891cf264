"""Export a store's events as PLOVER JSON and as the GDELT 2.0 table and check them as their tools would.

    PYTHONPATH=. python scripts/validate_exports.py STORE.duckdb

Prints one line per check (figures for docs/data.md): PLOVER records and how many validate against
sitrep/data/export/plover_event.schema.json; GDELT rows read with the codebook's 61 columns, country
codes outside FIPS 10-4, ADM1 codes without their FIPS prefix, empty SQLDATEs, CAMEO codes without a
Goldstein value, actor names that are pronouns.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

import jsonschema
import pandas as pd

from sitrep.events import codes, gdelt, plover_json
from sitrep.store import db, exports


def main(store: str) -> None:
    con = db.connect(store, read_only=True)
    with tempfile.TemporaryDirectory() as tmp:
        n_plover = exports.export(con, "events", f"{tmp}/e.jsonl", "plover-json")
        n_gdelt = exports.export(con, "events", f"{tmp}/e.tsv", "gdelt")
        validator = jsonschema.Draft202012Validator(json.loads(plover_json.SCHEMA.read_text()))
        records = [json.loads(line) for line in Path(f"{tmp}/e.jsonl").read_text().splitlines()]
        table = pd.read_csv(f"{tmp}/e.tsv", sep="\t", header=None, names=list(gdelt.COLUMNS), dtype=str)
    events = con.execute("SELECT count(*) FROM events").fetchone()
    con.close()
    fips = codes.fips_codes()
    bad_country = bad_adm1 = 0
    for prefix in ("Actor1Geo_", "Actor2Geo_", "ActionGeo_"):
        pairs = table[[f"{prefix}CountryCode", f"{prefix}ADM1Code"]].dropna(subset=[f"{prefix}CountryCode"])
        bad_country += int((~pairs[f"{prefix}CountryCode"].isin(fips)).sum())
        bad_adm1 += sum(
            not str(a).startswith(c) for c, a in pairs.itertuples(index=False) if isinstance(a, str)
        )
    names = pd.concat([table["Actor1Name"], table["Actor2Name"]]).dropna().str.casefold()
    print(f"events in the store\t{events[0] if events else 0}")
    print(f"PLOVER records written\t{n_plover}")
    print(f"PLOVER records valid against the schema\t{sum(validator.is_valid(r) for r in records)}")
    print(f"PLOVER records with the UNK actor\t{sum(r['actor'] == [{'sector': 'UNK'}] for r in records)}")
    print(f"GDELT rows written (asserted or reported)\t{n_gdelt}")
    print(f"GDELT country codes not FIPS 10-4\t{bad_country}")
    print(f"GDELT ADM1 codes without their FIPS prefix\t{bad_adm1}")
    print(f"GDELT empty SQLDATE\t{int(table['SQLDATE'].isna().sum())}")
    print(f"GDELT CAMEO codes without a Goldstein value\t{int(table['GoldsteinScale'].isna().sum())}")
    print(f"GDELT actor names that are pronouns\t{int(names.isin(gdelt.PRONOUNS).sum())}")


if __name__ == "__main__":
    main(sys.argv[1])
