"""The GDELT 2.0 Event table: read back with the codebook's 61 columns and types, every code in its list."""

from __future__ import annotations

import pandas as pd
import pytest

from sitrep.events import codes, gdelt
from sitrep.store import exports
from tests.constructed import ARTICLE, EVENTS, INCIDENT, OTHER, build

# GDELT 2.0 Event codebook (V2.0), column types as its tools read them: codes stay text (EventCode 0231).
TYPES: dict[str, str] = {
    "GLOBALEVENTID": "int64", "SQLDATE": "int64", "MonthYear": "int64", "Year": "int64",
    "FractionDate": "float64", "IsRootEvent": "int64", "EventCode": "string", "EventBaseCode": "string",
    "EventRootCode": "string", "QuadClass": "int64", "GoldsteinScale": "float64", "NumMentions": "int64",
    "NumSources": "int64", "NumArticles": "int64", "AvgTone": "float64", "DATEADDED": "int64",
    "SOURCEURL": "string",
    **{f"Actor{n}{c}": "string" for n in (1, 2) for c in gdelt._ACTOR},
    **{f"{g}Geo_{c}": "float64" if c in ("Lat", "Long") else "Int64" if c == "Type" else "string"
       for g in ("Actor1", "Actor2", "Action") for c in gdelt._GEO},
}  # fmt: skip


@pytest.fixture(scope="module")
def table(tmp_path_factory: pytest.TempPathFactory) -> pd.DataFrame:
    from sitrep.store import db

    folder = tmp_path_factory.mktemp("gdelt")
    con = db.connect(build(folder / "s.duckdb"))
    assert exports.export(con, "events", str(folder / "e.tsv"), "gdelt") == len(EVENTS) + 1
    con.close()
    frame = pd.read_csv(folder / "e.tsv", sep="\t", header=None, names=list(gdelt.COLUMNS), dtype=TYPES)
    return frame.set_index(frame["GLOBALEVENTID"].map(lambda n: f"{n:013x}"), drop=False)


def test_columns_are_the_codebooks(table: pd.DataFrame) -> None:
    assert len(gdelt.COLUMNS) == 61 and list(table.columns) == list(gdelt.COLUMNS)


def test_every_code_is_in_its_list(table: pd.DataFrame) -> None:
    fips = codes.fips_codes()
    for prefix in ("Actor1Geo_", "Actor2Geo_", "ActionGeo_"):
        countries = table[f"{prefix}CountryCode"].dropna()
        assert countries.isin(fips).all(), countries[~countries.isin(fips)]
        for country, adm1 in (
            table[[f"{prefix}CountryCode", f"{prefix}ADM1Code"]].dropna().itertuples(index=False)
        ):
            assert adm1.startswith(country) and adm1[:2] in fips
        assert table[f"{prefix}Type"].dropna().isin([1, 2, 3, 4, 5]).all()
    assert table["EventRootCode"].isin([f"{n:02d}" for n in range(1, 21)]).all()
    assert all(
        code.startswith(base) for code, base in zip(table["EventCode"], table["EventBaseCode"], strict=True)
    )
    assert table["QuadClass"].isin([1, 2, 3, 4]).all() and table["IsRootEvent"].isin([0, 1]).all()
    assert table["GoldsteinScale"].notna().all() and table["GoldsteinScale"].between(-10, 10).all()
    assert table["SQLDATE"].between(19000101, 21000101).all()  # never empty: the read would fail on it
    for n in (1, 2):
        assert table[f"Actor{n}CountryCode"].dropna().isin(codes.iso3_codes()).all()


def test_values_follow_the_codebook(table: pd.DataFrame) -> None:
    first = table.loc[EVENTS[0].id[:13]]
    assert (first["ActionGeo_CountryCode"], first["ActionGeo_ADM1Code"]) == ("IZ", "IZ07")
    assert (first["Actor1Geo_CountryCode"], first["Actor1Geo_ADM1Code"]) == ("IZ", "IZ07")  # actor's place
    assert first["Actor2Geo_Type"] == 1 and first["Actor2Geo_CountryCode"] == "QA"  # Qatar, not Gabon's QA
    assert (first["NumMentions"], first["NumSources"], first["NumArticles"]) == (2, 2, 2)  # the incident's
    assert (
        first["Actor1Name"] == "IRAQI POLICE" and first["GoldsteinScale"] == -9.5 and first["QuadClass"] == 4
    )
    week = table.loc[EVENTS[1].id[:13]]
    assert week["SQLDATE"] == 20201109 and week["NumArticles"] == 1
    assert table.loc[EVENTS[6].id[:13]]["SQLDATE"] == 20201119  # dated by its publication
    pronoun = table.loc[EVENTS[8].id[:13]]
    assert pd.isna(pronoun["Actor1Name"]) and pronoun["EventCode"] == "0231" and pronoun["QuadClass"] == 1
    assert table.loc[OTHER.events[0].id[:13]]["NumArticles"] == 2 and INCIDENT


def test_goldstein_covers_every_cameo_code_sitrep_emits() -> None:
    from sitrep.events.lexicon import DATA

    table = gdelt.goldstein()
    emitted = {line.split("\t")[2] for line in (DATA / "cameo_verb_objects.tsv").read_text().splitlines()
               if not line.startswith("#") and line.count("\t") >= 2}  # fmt: skip
    assert {c for c in emitted if c.isdigit()} <= table.keys()
    assert ARTICLE.events and all(e.cameo in table for e in EVENTS)
