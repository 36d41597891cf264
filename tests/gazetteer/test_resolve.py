"""Resolution of names in the context of the other names of the same text."""

from __future__ import annotations

import pytest

from sitrep.gazetteer import Gazetteer
from sitrep.gazetteer.home import home_country
from sitrep.gazetteer.resolve import clean_name
from sitrep.gazetteer.spans import resolve_spans


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
        ("Farmers marched into Delhi.", ["Delhi"], [("IN", "PPL")]),  # not Dili, whose alternate name it is
        ("Troops were sent to Peking.", ["Peking"], [("CN", "PPLC")]),  # an old name still takes the capital
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
    text = "Cicero, Oak Park, the South Loop and Chicago. Police closed Fulton Street."
    names = ["Cicero", "Oak Park", "South Loop", "Chicago", "Fulton Street"]
    spans = [(text.index(n), text.index(n) + len(n)) for n in names]
    street = resolve_spans(gaz, text, spans)[-1]
    assert street is not None and gaz.name(street.candidate.row) == "Chicago"


@pytest.mark.parametrize(
    "street", ["Denver Avenue", "S. Kent Drive", "Albany St.", "Sedona Library", "Windsor Hill Bend"]
)
def test_resolve_spans_venue_named_after_a_far_town_is_in_the_articles_town(
    gaz: Gazetteer, street: str
) -> None:
    text = f"Shots were fired on {street}. Police in Chicago said so."
    chicago = text.index("Chicago")
    spans = [(text.index(street), text.index(street) + len(street)), (chicago, chicago + len("Chicago"))]
    place = resolve_spans(gaz, text, spans)[0]
    assert place is not None and gaz.name(place.candidate.row) == "Chicago"


def _named(gaz: Gazetteer, text: str, names: list[str], home: str = "") -> list[str]:
    """The place names (region code for regions) the given spans resolve to, in order."""
    spans = []
    for name in names:
        start = text.index(name, spans[-1][1] if spans else 0)
        spans.append((start, start + len(name)))
    out = []
    for choice in resolve_spans(gaz, text, spans, home):
        assert choice is not None
        row = choice.candidate.row
        out.append(gaz.region(row) if gaz.code(row) == "ADM1" else gaz.name(row))
    return out


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # an address after a name the gazetteer lacks, or after a village it lacks in that region
        (
            "Photos from Harbor Light Bakery in Spokane, Washington.",
            ["Harbor Light Bakery", "Spokane", "Washington"],
            ["Spokane", "Spokane", "US.WA"],
        ),
        (
            "Meetings at Castle Combe, Wiltshire and Thruxton, Hampshire.",
            ["Castle Combe", "Wiltshire", "Thruxton", "Hampshire"],
            ["Wiltshire", "Wiltshire", "Hampshire", "Hampshire"],
        ),
        ("A girl fell ill in Houma, La., on Friday.", ["Houma", "La."], ["Houma", "US.LA"]),
        # a list is no address: each state stays itself
        ("Texas, Arizona and Nevada sued.", ["Texas", "Arizona", "Nevada"], ["US.TX", "US.AZ", "US.NV"]),
        # the place inside an unknown name
        (
            "The French Embassy Ottawa said so. Canada agreed.",
            ["French Embassy Ottawa", "Canada"],
            ["Ottawa", "Canada"],
        ),
        (
            "He studied at Balliol College Oxford before working for a bank in London.",
            ["Balliol College Oxford", "London"],
            ["Oxford", "London"],
        ),
        (
            "Pupils of the American Community School play in Amman, Jordan, and in Zarqa.",
            ["American Community School", "Amman", "Jordan", "Zarqa"],
            ["Amman", "Amman", "Jordan", "Zarqa"],
        ),
        (
            "The fire at Thomas Jefferson Middle School shook Bozeman, Montana.",
            ["Thomas Jefferson Middle School", "Bozeman", "Montana"],
            ["Bozeman", "Bozeman", "US.MT"],
        ),
        (
            "BIG WINNER IN OHIO! Dover Quick Mart sold it. A clerk in Dover, Ohio, said.",
            ["Dover Quick Mart", "Dover", "Ohio"],
            ["Dover", "Dover", "US.OH"],
        ),
        # streets and far namesakes
        (
            "She fell at Elm and Dayton streets in Boston, in the Back Bay.",
            ["Dayton", "Boston", "Back Bay"],
            ["Boston", "Boston", "Back Bay"],
        ),
        (
            "We first met at the Regent cinema. We lived in Keighley, then Bradford.",
            ["Regent", "Keighley", "Bradford"],
            ["Bradford", "Keighley", "Bradford"],  # the article's towns tie: the larger
        ),
        (
            "A stretch of the Ohio River in Louisville.",
            ["Ohio River", "Louisville"],
            ["Louisville"] * 2,
        ),
        # a span given as a toponym: the language's word is the place; months are no place
        (
            "She grew up in the northern English town of Carlisle.",
            ["English", "Carlisle"],
            ["GB.ENG", "Carlisle"],
        ),
        (
            "He sang at June in Memphis, then in Nashville.",
            ["June", "Memphis", "Nashville"],
            ["Memphis", "Memphis", "Nashville"],
        ),
        # a town's own name, not a city's odd alternate; GeoNames' regions and oceans
        (
            "A car was found in the town of Ithaca. Tompkins County deputies searched.",
            ["Ithaca", "Tompkins County"],
            ["Ithaca", "Tompkins County"],
        ),
        (
            "Warm water in the eastern Pacific feeds the storms, said scientists in Hawaii.",
            ["Pacific", "Hawaii"],
            ["Pacific Ocean", "US.HI"],
        ),
    ],
)
def test_resolve_spans_reads_where_the_text_says_a_place_is(
    gaz: Gazetteer, text: str, names: list[str], expected: list[str]
) -> None:
    assert _named(gaz, text, names) == expected


def test_resolve_spans_region_of_a_county_story_follows_its_town(gaz: Gazetteer) -> None:
    text = "A car was found in the town of Ithaca. Tompkins County deputies searched."
    choice = resolve_spans(gaz, text, [(text.index("Ithaca"), text.index("Ithaca") + 6)])[0]
    assert choice is not None and gaz.region(choice.candidate.row) == "US.NY"
