from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.records import ActorMention

Run = Callable[..., tuple[ActorMention, ...]]


def find(found: tuple[ActorMention, ...], words: str) -> ActorMention:
    return next(m for m in found if words in m.text)


@pytest.mark.parametrize(
    ("published", "person"),
    [("2020-11-19", "donald-trump"), ("2021-03-01", "joe-biden"), ("2012-05-01", "barack-obama")],
)
def test_resolve_role_phrase_by_published_date(mentions: Run, published: str, person: str) -> None:
    found = mentions("The US president said the talks would go on.", published)
    assert find(found, "president").actor.id == person


@pytest.mark.parametrize(
    ("text", "words", "actor_id"),
    [("Iran's Supreme Leader warned Washington.", "Supreme Leader", "ali-khamenei"),
     ("Prime Minister Mustafa Al-Kadhimi met the envoy.", "Kadhimi", "mustafa-al-kadhimi"),
     ("The talks were led by the President of the United States.", "President", "donald-trump"),
     ("Hezbollah leader Hassan Nasrallah spoke on Friday.", "Nasrallah", "hassan-nasrallah"),
     ("The Pentagon chief said the troops would stay.", "chief", "christopher-miller"),  # acting from 2020-11-09
     ("The Quds Force commander arrived in Baghdad.", "commander", "ismail-qaani")],
)  # fmt: skip
def test_resolve_titles_and_names(mentions: Run, text: str, words: str, actor_id: str) -> None:
    assert find(mentions(text), words).actor.id == actor_id


def test_resolve_short_forms_corefer_with_first_full_mention(mentions: Run) -> None:
    text = ("Brigadier General Ismail Qaani arrived in Baghdad. Qaani met the factions. "
            "The Iranian general left on Thursday.")  # fmt: skip
    found = mentions(text)
    first = find(found, "Ismail Qaani")
    later = [m for m in found if m.actor.id == "ismail-qaani" and m is not first]
    assert first.corefers_with is None
    assert len(later) == 2 and all(m.corefers_with == first.start for m in later)
    assert all(m.actor == first.actor for m in later)


@pytest.mark.parametrize(
    ("text", "words", "country", "sector"),
    [("Iraqi security sources said the rockets hit the Green Zone.", "Iraqi security sources", "IRQ", "SEC"),
     ("Israeli police detained three men.", "Israeli police", "ISR", "COP"),
     ("The Iraqi government rejected the report.", "Iraqi government", "IRQ", "GOV"),
     ("Chinese troops held an exercise.", "Chinese troops", "CHN", "MIL"),
     ("Paramilitary leaders in Iraq were told to stop.", "Paramilitary leaders", "IRQ", "MIL"),
     ("Tehran said it would respond.", "Tehran", "IRN", "GOV"),
     ("Hamas fired rockets.", "Hamas", "PSE", "REB")],
)  # fmt: skip
def test_resolve_generic_and_country_phrases(mentions: Run, text: str, words: str, country: str,
                                             sector: str | None) -> None:  # fmt: skip
    mention = find(mentions(text), words)
    assert (mention.actor.country, mention.actor.sector) == (country, sector)


@pytest.mark.parametrize(
    ("text", "words", "code"),
    [("Thousands of Kenyans marched through Nairobi.", "Kenyans", ("KEN", "CVL")),
     ("Angry Kenyans blocked the road to the airport.", "Kenyans", ("KEN", "CVL")),
     ("A group of Kenyans held a vigil.", "Kenyans", ("KEN", "CVL")),
     ("Kenyans voted on Sunday.", "Kenyans", ("KEN", None)),
     ("Bosnian Serbs crowded the square.", "Bosnian Serbs", ("BIH", "CVL")),
     ("Opposition groups in Kenya called for new elections.", "Opposition groups", ("KEN", "OPP")),
     ("Chilean leader Augusto Pinochet signed the decree.", "Augusto Pinochet", ("CHL", "GOV")),
     ("The International Labour Office urged Chile to free the union leaders.", "Labour Office", ("IGO", "LAB")),
     ("The ILO urged Chile to free the union leaders.", "ILO", ("IGO", "LAB")),
     ("Members of the International Forum of River Basins visited the dam.", "River Basins", ("NGO", None))],
)  # fmt: skip
def test_resolve_people_groups_leaders_and_bodies_of_no_country(
    mentions: Run, text: str, words: str, code: tuple[str, str | None]
) -> None:
    actor = find(mentions(text, "2000-01-01"), words).actor
    assert (actor.country, actor.sector) == code


def test_resolve_sponsor_is_not_the_country(mentions: Run) -> None:
    mention = find(mentions("In Iraq, Iran-backed factions declared a truce."), "factions")
    assert mention.actor.country == "IRQ"


def test_resolve_unknown_person_gets_provisional_actor_from_context(mentions: Run) -> None:
    mention = find(mentions("Iraq's foreign minister Karim Nouri Jabbar met the envoy."), "Karim")
    assert mention.actor.provisional and mention.actor.id.startswith("prov:")
    assert (mention.actor.country, mention.actor.sector) == ("IRQ", "GOV")


def test_resolve_known_minister_with_country_title(mentions: Run) -> None:
    mention = find(mentions("Iraq's foreign minister Fuad Hussein met the envoy."), "Fuad Hussein")
    assert (mention.actor.id, mention.actor.code) == ("fuad-hussein", "IRQGOV")


def test_resolve_place_after_preposition_is_not_an_actor(mentions: Run) -> None:
    found = mentions("The envoy flew to Baghdad on Monday.")
    assert not any(m.text == "Baghdad" for m in found)


def test_resolve_acronym_needs_upper_case(mentions: Run) -> None:
    found = mentions("They told us that the US would leave.")
    assert [m.text for m in found if m.actor.id == "USA"] == ["US"]


def test_resolve_spans_point_at_the_words(mentions: Run) -> None:
    text = "Iraqi security sources said Qaani met Hezbollah leader Hassan Nasrallah in Beirut."
    for m in mentions(text):
        assert text[m.start : m.end] == m.text


@pytest.mark.parametrize(
    ("text", "words", "actor_id", "code"),
    [("Iran's foreign ministry spokesman Nasser Kanaani rejected it.", "Nasser Kanaani", "prov:nasser-kanaani", "IRNGOV"),
     ("Former Iraqi Prime Minister Nouri al-Maliki spoke.", "Maliki", "nouri-al-maliki", "IRQ"),
     ("The Saudi-led coalition struck the port.", "coalition", "gen:SAU:MIL", "SAUMIL"),
     ("Hundreds of Iraqi Kurds rallied.", "Iraqi Kurds", "gen:IRQ:CVL", "IRQCVL"),
     ("Reuters reported the strike.", "Reuters", "reuters", "GBRMED")],
)  # fmt: skip
def test_resolve_names_titles_and_groups(
    mentions: Run, text: str, words: str, actor_id: str, code: str
) -> None:
    mention = find(mentions(text, "2023-06-01"), words)
    assert (mention.actor.id, mention.actor.code) == (actor_id, code)


def test_resolve_surname_alone_after_unknown_full_name(mentions: Run) -> None:
    found = mentions("Former governor Jean-Claude Morvan asked for patience. Morvan left.")
    full = find(found, "Jean-Claude Morvan")
    short = next(m for m in found if m.text == "Morvan")
    assert full.actor.provisional and short.actor == full.actor and short.corefers_with == full.start


def test_resolve_title_before_a_name_makes_no_second_mention(mentions: Run) -> None:
    found = mentions("Sudan's army chief Abdel Fattah al-Burhan met the envoy.")
    assert not any("chief" in m.text for m in found)


def test_resolver_rebuilds_the_doc_text_exactly(ctx: Any, index: Any) -> None:
    from sitrep.actors.resolve import Resolver
    from sitrep.stages.language import nlp

    doc = nlp(ctx)('Iran  said,\n\n  "No."  Tehran\twarned Washington.  ')
    assert Resolver(doc, index, "2020-11-19", ()).text == doc.text


@pytest.mark.parametrize("text", ["", "   ", "...", "\n\n\n", "US", "the the the", "Qaani" * 50, "Al-" * 30])
def test_resolve_odd_inputs_do_not_crash(mentions: Run, text: str) -> None:
    for m in mentions(text):
        assert text[m.start : m.end] == m.text


WORDS = ["Iran", "Iranian", "the", "US", "president", "Qaani", "Ismail", "said", "Kadhimi's", "Iraqi", "security",
         "sources", "-backed", "factions", "in", "Baghdad", ",", ".", "Hezbollah", "leader", "told", "MEE", "former",
         "Prime", "Minister", "police", "of", "Tehran", "Brigadier", "General", "Karim", "Nouri"]  # fmt: skip


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=25))
def test_resolve_spans_and_coreference_hold_on_any_word_salad(mentions: Run, words: list[str]) -> None:
    text = " ".join(words)
    found = mentions(text)
    starts = {m.start: m.actor.id for m in found}
    for m in found:
        assert text[m.start : m.end] == m.text and m.text.strip()
        assert m.corefers_with is None or starts.get(m.corefers_with) == m.actor.id


def test_resolve_sponsor_named_as_a_place_is_still_not_the_country(ctx: Any, index: Any) -> None:
    from sitrep.actors import resolve
    from sitrep.records import Place, PlaceMention
    from sitrep.stages.language import nlp

    text = "In Iraq, Iran-backed factions declared a truce."
    iran = Place(
        geonames_id=130758, name="Iran", country="IR", admin1=None, lat=32.0, lon=53.0, feature_class="A"
    )
    places = (PlaceMention(text.index("Iran-"), text.index("Iran-") + 4, "Iran", iran),)
    found = resolve(nlp(ctx)(text), index, "2020-11-19", places)
    assert find(found, "factions").actor.country == "IRQ"


@pytest.mark.parametrize(("text", "words", "code"), [("Washington warned Moscow.", "Washington", "USAGOV"),
                                                     ("Rebels seized Goma.", "Goma", "COD")])  # fmt: skip
def test_resolve_seats_act_for_the_government_other_cities_for_the_country(mentions: Run, text: str, words: str,
                                                                           code: str) -> None:  # fmt: skip
    assert find(mentions(text), words).actor.code == code


def test_resolve_works_on_a_doc_without_parse(index: Any) -> None:
    import spacy

    from sitrep.actors import resolve

    doc = spacy.blank("en")("Iraqi security sources said Qaani met Hezbollah leader Hassan Nasrallah.")
    found = resolve(doc, index, "2020-11-19")
    assert {m.actor.id for m in found} >= {"ismail-qaani", "hezbollah", "hassan-nasrallah"}


def _place(text: str, words: str, country: str, role: str = "literal") -> Any:
    from sitrep.records import Place, PlaceMention

    start = text.index(words)
    place = Place(
        geonames_id=1, name=words, country=country, admin1=None, lat=0.0, lon=0.0, feature_class="P"
    )
    return PlaceMention(start, start + len(words), words, place, role)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "places", "words", "country"),
    [
        (  # a currency's country is no context
            "Jean-Luc Moreau, who took US $2 million in bribes, was arrested in Lyon.",
            [("US", "US"), ("Lyon", "FR")], "Jean-Luc Moreau", "FRA",
        ),
        (  # nor is a place word inside an organisation's name
            "Minister Paul Rakoto gave in to pressure from the National Movement for the Independence of Madagascar.",
            [("Independence", "US"), ("Madagascar", "MG")], "Paul Rakoto", "MDG",
        ),
        (  # a place word inside an outlet's name lends the outlet's country, not the next place
            "Senator Jane Marlow cited a New York Times story on Chinese taxes.",
            [("New York", "US"), ("Chinese", "CN")], "Jane Marlow", "USA",
        ),
        (  # a place the sentence names beats a demonym describing another actor
            "In Haifa on Friday, two Lebanese gunmen wounded six people.",
            [("Lebanese", "LB"), ("Haifa", "IL")], "six people", "ISR",
        ),
        (  # the body a person serves, before the common noun of the office
            "Opposition chiefs will talk with U.N. envoy Karl Brandt in Kabul.",
            [("Kabul", "AF")], "Karl Brandt", "IGO",
        ),
    ],
)  # fmt: skip
def test_resolve_country_from_the_right_context(ctx: Any, index: Any, text: str, places: list[tuple[str, str]],
                                                words: str, country: str) -> None:  # fmt: skip
    from sitrep.actors import resolve
    from sitrep.stages.language import nlp

    found = resolve(nlp(ctx)(text), index, "2000-01-01", tuple(_place(text, w, c) for w, c in places))
    assert find(found, words).actor.country == country


def test_resolve_unknown_party_takes_the_country_of_its_sentence(mentions: Run) -> None:
    party = find(
        mentions("The Karama Party said on Monday that it would boycott the vote in Jordan."), "Karama"
    )
    assert party.actor.provisional and party.actor.country == "JOR"


@pytest.mark.parametrize(("published", "country"), [("2000-01-01", "SDN"), ("2020-11-19", "SSD")])
def test_resolve_state_not_yet_formed_is_the_one_before(mentions: Run, published: str, country: str) -> None:
    assert find(mentions("Rebels shelled Juba on Sunday.", published), "Juba").actor.country == country


@pytest.mark.parametrize(
    ("text", "words", "country", "sector"),
    [("Karen rebels attacked an army post near the border.", "Karen rebels", "MMR", "REB"),
     ("Rohingya refugees fled across the river.", "Rohingya refugees", "MMR", None),
     ("Police detained three Uyghur activists on Monday.", "Uyghur activists", "CHN", None)],
)  # fmt: skip
def test_resolve_peoples_named_by_origin_take_their_state(
    mentions: Run, text: str, words: str, country: str, sector: str | None
) -> None:
    found = find(mentions(text), words).actor
    assert found.country == country
    assert sector is None or found.sector == sector


def test_resolve_a_first_name_is_not_a_people(mentions: Run) -> None:
    found = mentions("Karen Pierce, the British ambassador, spoke to reporters.")
    assert not any(m.actor.id.startswith("ethnic:") for m in found)
