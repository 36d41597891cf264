"""The places stage: toponyms from the parsed Doc, their roles, the article's focus and place helpers."""

from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.context import Context
from sitrep.records import Article, Place, PlaceMention
from sitrep.stages import places
from sitrep.stages.language import nlp


def _places(ctx: Context, text: str) -> tuple[PlaceMention, ...]:
    return places.run(Article(id="t", text=text, source_ref="<test>"), nlp(ctx)(text), ctx)


def _km(a: Place, lat: float, lon: float) -> float:
    assert a.lat is not None and a.lon is not None
    p = math.pi / 180
    h = (
        math.sin((lat - a.lat) * p / 2) ** 2
        + math.cos(a.lat * p) * math.cos(lat * p) * math.sin((lon - a.lon) * p / 2) ** 2
    )
    return 12742 * math.asin(math.sqrt(h))


def _find(found: tuple[PlaceMention, ...], words: str) -> PlaceMention:
    return next(m for m in found if m.text == words)


@pytest.mark.parametrize(
    ("text", "words", "country", "role"),
    [
        ("Rockets struck the Green Zone in Baghdad on Tuesday.", "Green Zone", "IQ", "literal"),
        ("Tankers crossed the Strait of Hormuz at dawn.", "Strait of Hormuz", None, "literal"),
        ("Iraqi factions agreed to a truce.", "Iraqi", "IQ", "modifier"),
        ("Many Iraqis fled the fighting.", "Iraqis", "IQ", "demonym"),
        ("Washington said it would respond to the attack.", "Washington", "US", "metonym"),
        ("Tehran fears a wider war with its neighbours.", "Tehran", "IR", "metonym"),
        ("Troops were sent to Syria last week.", "Syria", "SY", "literal"),
        ("Britain sent two ships to the Gulf of Aden.", "Gulf of Aden", None, "literal"),
        ("Iran's government rejected the plan.", "Iran", "IR", "metonym"),
        ("BAGHDAD (Reuters) - Rockets fell overnight.", "BAGHDAD", "IQ", "literal"),
        ("US troops left the base near Kirkuk.", "US", "US", "modifier"),
        ("Flooding hit Atlanta, Georgia, on Monday.", "Georgia", "US", "literal"),
        ("Talks in Tbilisi, Georgia, ended.", "Georgia", "GE", "literal"),
    ],
)
def test_run_resolves_toponym_with_role(
    ctx: Context, text: str, words: str, country: str | None, role: str
) -> None:
    mention = _find(_places(ctx, text), words)
    assert mention.place is not None and mention.place.country == country
    assert mention.role == role
    assert text[mention.start : mention.end] == words


def test_run_takes_known_town_after_locative_preposition(ctx: Context) -> None:
    """The model may call a town after "in" a person or an organisation; the preposition says place."""
    text = "The students were kidnapped in Owerri on Monday, police in Abuja said."
    found = {m.text: m.place for m in _places(ctx, text) if m.place is not None}
    assert found["Owerri"].country == "NG" and found["Abuja"].country == "NG"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "text", ["Qaani met the commanders in Baghdad. Qaani left on Friday.", "General Qaani spoke."]
)
def test_run_ignores_person_names(ctx: Context, text: str) -> None:
    assert all(m.text != "Qaani" for m in _places(ctx, text))


def test_focus_skips_metonyms_and_demonyms(ctx: Context) -> None:
    text = "Washington said it would act. Washington warned Iranians. Clashes hit Kirkuk."
    article = Article(id="t", text=text, source_ref="<test>", places=_places(ctx, text))
    focus = places.focus(article)
    assert focus is not None and focus.name == "Kirkuk"


def test_run_on_text_without_places_is_empty(ctx: Context) -> None:
    assert _places(ctx, "He said nothing more about it.") == ()


def test_run_takes_no_language_word_as_a_place(ctx: Context) -> None:
    """ "English" is England only where a caller says the span is a toponym (see resolve_spans)."""
    assert [m.text for m in _places(ctx, "He spoke English to reporters in Paris.")] == ["Paris"]


def test_focus_and_place_in_prefer_most_mentioned_and_specific(ctx: Context) -> None:
    text = "Rockets hit Baghdad, Iraq. Later Baghdad was quiet, officials in Iraq said. Baghdad mourned."
    article = Article(id="t", text=text, source_ref="<test>", places=_places(ctx, text))
    focus = places.focus(article)
    assert focus is not None and focus.name == "Baghdad"
    first = places.place_in(article, 0, text.index("."))
    assert first is not None and first.name == "Baghdad"
    assert places.place_in(article, text.index("Later"), text.index("Later") + 5) is None
    assert places.focus(Article(id="e", text="", source_ref="<test>")) is None


SEED_PLACES = [
    ("Baghdad", "IQ", 33.34, 44.40),
    ("Green Zone", "IQ", 33.34, 44.40),
    ("Lebanon", "LB", None, None),
    ("Syria", "SY", None, None),
    ("Yemen", "YE", None, None),
    ("Saudi Arabia", "SA", None, None),
    ("Kuwait", "KW", None, None),
    ("Iran", "IR", None, None),
    ("Iraq", "IQ", None, None),
    ("Strait of Hormuz", None, 26.6, 56.3),
]


@pytest.mark.parametrize(("name", "country", "lat", "lon"), SEED_PLACES)
def test_seed_article_places(
    seed_article: Article, name: str, country: str | None, lat: float | None, lon: float | None
) -> None:
    found = [m.place for m in seed_article.places if m.text == name and m.place is not None]
    assert found, name
    place = found[0]
    if country is not None:
        assert place.country == country
    if lat is not None and lon is not None:
        assert _km(place, lat, lon) <= 25.0


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.sampled_from(
            [
                "Baghdad",
                "the",
                "Iraqi",
                "U.S.",
                "in",
                "'s",
                "Green Zone",
                "Qaani",
                ",",
                "said",
                "WASHINGTON",
                "La",
                "é",
                "\n",
            ]
        ),
        max_size=25,
    )
)
def test_run_spans_are_the_words_of_the_text(ctx: Context, words: list[str]) -> None:
    text = " ".join(words)
    for m in _places(ctx, text):
        assert 0 <= m.start < m.end <= len(text) and text[m.start : m.end] == m.text


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan Athletics Federation banned two runners.",
        "Cite station, part of the Paris Métro, was shut.",
    ],
)
def test_run_a_common_word_heading_a_name_is_no_town(ctx: Context, text: str) -> None:
    """ "Federation" and "Metro" are towns somewhere in GeoNames; in news they are the kind word of a name."""
    assert {m.text for m in _places(ctx, text)} <= {"Kenyan", "Paris"}


def test_resolve_spans_gives_places_for_given_spans(ctx: Context) -> None:
    text = "Clashes in Kirkuk and Royal Street, Kirkuk."
    spans = [(11, 17), (22, 33)]
    kirkuk, street = places.resolve_spans(text, spans, ctx)
    assert kirkuk is not None and kirkuk.country == "IQ"
    assert street == kirkuk  # an unknown street takes the article's town


@pytest.mark.parametrize(
    ("url", "country"),
    [("https://www.thesun.co.uk/news/1/", "GB"), ("https://www.nytimes.com/2020/01/01/us/a.html", "US")],
)
def test_find_prefers_towns_in_the_publishers_country(ctx: Context, url: str, country: str) -> None:
    (mention,) = places.find("A soldier from Colchester was killed on Monday.", ctx, url=url)
    assert mention.place is not None and mention.place.country == country
