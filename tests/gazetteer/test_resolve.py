"""Resolution of names in the context of the other names of the same text."""

from __future__ import annotations

import pytest

from sitrep.gazetteer import Gazetteer
from sitrep.gazetteer.home import home_country
from sitrep.gazetteer.resolve import clean_name, resolve_spans


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer()


def _resolve(gaz: Gazetteer, text: str, names: list[str], home: str = "") -> list[tuple[str, str]]:
    spans = []
    for name in names:
        start = text.index(name, spans[-1][1] if spans else 0)
        spans.append((start, start + len(name)))
    out = []
    for choice in resolve_spans(gaz, text, spans, home):
        assert choice is not None
        out.append((gaz.country(choice.candidate.row), gaz.code(choice.candidate.row)))
    return out


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        ("Fighting in London.", ["London"], [("GB", "PPLC")]),
        (
            "In London, Ontario, in Canada.",
            ["London", "Ontario", "Canada"],
            [("CA", "PPL"), ("CA", "ADM1"), ("CA", "PCLI")],
        ),
        ("Edmonton, Alberta.", ["Edmonton", "Alberta"], [("CA", "PPL"), ("CA", "ADM1")]),
        ("Officials in Washington met.", ["Washington"], [("US", "PPLC")]),
        ("Wildfires in Washington state.", ["Washington"], [("US", "ADM1")]),
        ("Rockets hit Baghdad.", ["Baghdad"], [("IQ", "PPLC")]),
        ("Protests in New York.", ["New York"], [("US", "PPL")]),
        ("Georgia and Armenia and Azerbaijan.", ["Georgia", "Armenia"], [("GE", "PCLI"), ("AM", "PCLI")]),
        ("Atlanta, Georgia, in the United States.", ["Atlanta", "Georgia"], [("US", "PPL"), ("US", "ADM1")]),
        ("Mexico and Canada.", ["Mexico", "Canada"], [("MX", "PCLI"), ("CA", "PCLI")]),
        ("Delays at Heathrow, west of London.", ["Heathrow", "London"], [("GB", "AIRP"), ("GB", "PPLC")]),
        (
            "Teams from Florida, Nevada, Alaska and Georgia.",
            ["Florida", "Nevada", "Alaska", "Georgia"],
            [("US", "ADM1"), ("US", "ADM1"), ("US", "ADM1"), ("US", "ADM1")],
        ),
        (
            "Florida and Nevada; Georgia and Armenia.",
            ["Florida", "Nevada", "Georgia", "Armenia"],
            [("US", "ADM1"), ("US", "ADM1"), ("GE", "PCLI"), ("AM", "PCLI")],
        ),
    ],
)
def test_resolve_spans_uses_context(
    gaz: Gazetteer, text: str, names: list[str], expected: list[tuple[str, str]]
) -> None:
    assert _resolve(gaz, text, names) == expected


@pytest.mark.parametrize(
    ("raw", "clean"),
    [("the Middle East", "Middle East"), ("Iran's", "Iran"), ("(Syria)", "Syria"), ("Calif.", "Calif.")],
)
def test_clean_name_strips_articles_and_possessives(raw: str, clean: str) -> None:
    assert clean_name(raw) == clean


@pytest.mark.parametrize(
    ("home", "country"),
    [("GB", "GB"), ("US", "US")],
)
def test_resolve_spans_prefers_the_publishers_country_for_towns(
    gaz: Gazetteer, home: str, country: str
) -> None:
    text = "A soldier from Colchester was killed in Syria, the US said; US officials in Texas confirmed it."
    assert _resolve(gaz, text, ["Colchester"], home)[0][0] == country


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Nazi Germany invaded. Fighting in Moscow, in Moscow.", "Nazi Germany", ("DE", "PCLI")),
        ("The European Commission met in Espoo and Espoo.", "European Commission", ("", "CONT")),
        ("Colorado State University, in Fort Collins.", "Colorado State University", ("US", "PPL")),
    ],
)
def test_resolve_spans_unknown_name_takes_its_head_place_else_the_local_town(
    gaz: Gazetteer, text: str, name: str, expected: tuple[str, str]
) -> None:
    names = [name, "Fort Collins"] if "Fort Collins" in text else [name]
    assert _resolve(gaz, text, names)[0] == expected


@pytest.mark.parametrize(
    ("url", "country"),
    [
        ("https://www.thesun.co.uk/news/1/", "GB"),
        ("https://www.lmfm.ie/news/x/", "IE"),
        ("https://example.de/a", "DE"),
        ("https://startup.io/a", ""),
        ("https://example.com/a", ""),
        ("", ""),
        (None, ""),
    ],
)
def test_home_country_from_outlet_or_country_domain(url: str | None, country: str) -> None:
    assert home_country(url) == country


def test_resolve_spans_unknown_name_takes_the_articles_central_town(gaz: Gazetteer) -> None:
    text = "Hubbard, Park Ridge, the Near North Side and Chicago. Police closed Royal Street."
    names = ["Hubbard", "Park Ridge", "Near North Side", "Chicago", "Royal Street"]
    spans = [(text.index(n), text.index(n) + len(n)) for n in names]
    street = resolve_spans(gaz, text, spans)[-1]
    assert street is not None and gaz.name(street.candidate.row) == "Chicago"


@pytest.mark.parametrize(
    "street", ["Hampton Avenue", "N. Bedford Drive", "Victoria St.", "Carnegie Library", "Paddock Hill Bend"]
)
def test_resolve_spans_venue_named_after_a_far_town_is_in_the_articles_town(
    gaz: Gazetteer, street: str
) -> None:
    text = f"Shots were fired on {street} in Chicago."
    spans = [(text.index(street), text.index(street) + len(street)), (text.index("Chicago"), len(text) - 1)]
    place = resolve_spans(gaz, text, spans)[0]
    assert place is not None and gaz.name(place.candidate.row) == "Chicago"
