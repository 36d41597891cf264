"""The compiled gazetteer answers names with GeoNames rows and the project's supplement."""

from __future__ import annotations

import pytest

from sitrep.gazetteer import Gazetteer, norm
from sitrep.gazetteer.resolve import lookup


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer()


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("Al-Anbar", "al anbar"),
        ("U.S.", "us"),
        ("São Paulo", "sao paulo"),
        ("the Middle East", "middle east"),
    ],
)
def test_norm_folds_case_accents_dots_and_articles(raw: str, key: str) -> None:
    assert norm(raw) == key


@pytest.mark.parametrize(
    ("name", "code", "country", "lat", "lon"),
    [
        ("Baghdad", "PPLC", "IQ", 33.34, 44.40),
        ("Green Zone", "AREA", "IQ", 33.31, 44.39),
        ("Strait of Hormuz", "STRT", "", 26.57, 56.25),
        ("United States", "PCLI", "US", 39.76, -98.5),
        ("California", "ADM1", "US", 37.25, -119.75),
        ("Europe", "CONT", "", 48.69, 9.14),
        ("Heathrow", "AIRP", "GB", 51.47, -0.46),
        ("Kabul airport", "AIRP", "AF", 34.57, 69.21),
        ("Qamishli", "PPL", "SY", 37.05, 41.23),  # "Al Qāmishlī" without the Arabic article
        ("Soviet Union", "PCLH", "RU", 60.0, 100.0),
        ("Middle East", "RGN", "", 33.14, 35.86),  # GeoNames' own point (6269133), not a guessed centre
        ("Northern Europe", "RGN", "", 61.69, 2.9),
        ("Pacific", "OCN", "", 3.51, -132.19),
    ],
)
def test_lookup_finds_entry_at_its_reference_point(
    gaz: Gazetteer, name: str, code: str, country: str, lat: float, lon: float
) -> None:
    rows = [c.row for c in gaz.lookup(name) if gaz.code(c.row) == code and gaz.country(c.row) == country]
    assert rows, name
    assert abs(gaz.lat[rows[0]] - lat) < 0.05 and abs(gaz.lon[rows[0]] - lon) < 0.05


@pytest.mark.parametrize(
    ("name", "country"), [("Britain", "GB"), ("UAE", "AE"), ("Holland", "NL"), ("U.S.", "US")]
)
def test_lookup_knows_common_country_names(gaz: Gazetteer, name: str, country: str) -> None:
    assert any(gaz.code(c.row) == "PCLI" and gaz.country(c.row) == country for c in gaz.lookup(name))


@pytest.mark.parametrize(
    ("word", "country", "people"), [("Iraqi", "IQ", False), ("Iraqis", "IQ", True), ("British", "GB", False)]
)
def test_lookup_marks_demonyms(gaz: Gazetteer, word: str, country: str, people: bool) -> None:
    found = [c for c in gaz.lookup(word) if c.demonym]
    assert found and gaz.country(found[0].row) == country and found[0].people is people


@pytest.mark.parametrize(
    ("name", "code"), [("Calif.", "ADM1"), ("La.", "ADM1"), ("Oaxaca State", "ADM1"), ("Cook County", "ADM2")]
)
def test_lookup_knows_abbreviations_and_kind_words(gaz: Gazetteer, name: str, code: str) -> None:
    assert any(gaz.code(c.row) == code for c in lookup(gaz, name))


def test_lookup_unknown_name_is_empty(gaz: Gazetteer) -> None:
    assert gaz.lookup("Qaani") == ()
    assert gaz.lookup("") == ()


def test_place_record_carries_geonames_id(gaz: Gazetteer) -> None:
    row = next(c.row for c in gaz.lookup("Baghdad") if gaz.code(c.row) == "PPLC")
    place = gaz.place(row)
    assert place.geonames_id == 98182 and place.country == "IQ" and place.feature_class == "P"


def test_supplement_records_are_marked_curated(gaz: Gazetteer) -> None:
    """The resolver trusts the project's own records over homonyms, GeoNames id or not."""
    ocean = next(c.row for c in gaz.lookup("Atlantic") if gaz.code(c.row) == "OCN")
    town = next(c.row for c in gaz.lookup("Atlantic") if gaz.code(c.row) == "PPL")
    assert gaz.curated[ocean] and gaz.gid[ocean] == 3373405 and not gaz.curated[town]


def test_town_alternates_never_shadow_another_towns_own_name(gaz: Gazetteer) -> None:
    names = {gaz.name(c.row) for c in gaz.lookup("Southold")}
    assert names == {"Southold"}


def test_committed_index_matches_its_sources(gaz: Gazetteer) -> None:
    """Editing the supplement or upgrading a package needs scripts/build_gazetteer.py and a commit."""
    from sitrep.gazetteer.build import source_digest

    assert gaz.digest == source_digest()


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("Mass.", "ADM1"),
        ("Mass", None),
        ("BC", "ADM1"),
        ("Bc", None),
        ("IN", None),
        ("BA", None),
        ("US", "PCLI"),
        ("Us", None),
    ],
)
def test_lookup_respects_written_form_of_short_names(gaz: Gazetteer, written: str, code: str | None) -> None:
    """Codes and abbreviations match only when written as such: "Mass" is not Massachusetts, "Us" not
    the US; postal codes ("IN") are not names at all."""
    codes = {gaz.code(c.row) for c in gaz.lookup(written) if gaz.code(c.row) in ("ADM1", "PCLI")}
    assert (code in codes) if code else not codes
