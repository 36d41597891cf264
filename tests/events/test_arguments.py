"""Source and target: actors-stage mentions first, the words' country otherwise."""

from __future__ import annotations

import pytest

from sitrep import pipeline
from sitrep.events import recipients
from sitrep.events.lexicon import load
from sitrep.records import Actor, ActorMention, Place, PlaceMention

KANDAHAR = Place(1138958, "Kandahar", "AF", None, 31.61, 65.71, "P")


def _mention(text: str, words: str, actor: Actor) -> ActorMention:
    start = text.index(words)
    return ActorMention(start, start + len(words), words, actor)


def _placed(text: str, words: str, place: Place) -> tuple[PlaceMention, ...]:
    """The place mention the places stage would give for ``words`` in ``text``."""
    start = text.index(words)
    return (PlaceMention(start, start + len(words), words, place),)


def test_arguments_use_actor_mentions(asserted) -> None:  # type: ignore[no-untyped-def]
    text = "Qaani met Hezbollah leader Hassan Nasrallah in Beirut."
    qaani = Actor("ismail-qaani", "Ismail Qaani", "person", "IRN", "MIL")
    nasrallah = Actor("hassan-nasrallah", "Hassan Nasrallah", "person", "LBN", "REB")
    mentions = (_mention(text, "Qaani", qaani), _mention(text, "Hassan Nasrallah", nasrallah))
    (event,) = asserted(text, mentions=mentions)
    assert event.source is not None and event.target is not None
    assert (event.source.actor_id, event.source.code) == ("ismail-qaani", "IRNMIL")
    assert (event.target.actor_id, event.target.country) == ("hassan-nasrallah", "LBN")


def test_arguments_fall_back_to_the_country_in_the_words(asserted) -> None:  # type: ignore[no-untyped-def]
    (event,) = asserted("Senior Polish officials met Czech diplomats in Warsaw.")
    assert event.source is not None and event.source.country == "POL"
    assert event.target is not None and event.target.country == "CZE"


def test_arguments_passive_agent_is_the_source(asserted) -> None:  # type: ignore[no-untyped-def]
    (event,) = [
        e for e in asserted("The convoy was attacked by Syrian rebels.") if e.plover_type == "ASSAULT"
    ]
    assert event.source is not None and event.source.country == "SYR"
    assert event.target is not None and event.target.span.text == "The convoy"


def test_arguments_unnamed_doer_is_an_unidentified_actor_of_the_place(asserted) -> None:  # type: ignore[no-untyped-def]
    text = "Three soldiers were killed by a roadside bomb near Kandahar."
    places = _placed(text, "Kandahar", KANDAHAR)
    (event,) = [e for e in asserted(text, places=places) if e.plover_type == "ASSAULT"]
    assert event.source is not None and event.source.actor_id is None
    assert (event.source.country, event.source.name) == ("AFG", "unidentified actor in Kandahar")
    assert event.source.sector == "UAF"  # the assault arms its unnamed doer (CAMEO)
    assert event.killed == 3 and "unidentified" in event.rule


def test_arguments_unnamed_doer_of_a_non_armed_act_is_unk(asserted) -> None:  # type: ignore[no-untyped-def]
    text = "Two aid workers were arrested in Kandahar on Monday."
    places = _placed(text, "Kandahar", KANDAHAR)
    (event,) = [e for e in asserted(text, places=places) if e.plover_type == "COERCE"]
    assert event.source is not None and (event.source.country, event.source.sector) == ("AFG", "UNK")


@pytest.mark.parametrize(
    ("text", "sender"),
    [("Eighty Italian peacekeepers were pulled out of the district on Friday.", "ITA"),
     ("The Dutch ambassador was recalled from Ankara last week.", "NLD")],
)  # fmt: skip
def test_arguments_withdrawn_envoys_stand_for_their_sender(asserted, text, sender) -> None:  # type: ignore[no-untyped-def]
    (event,) = [e for e in asserted(text) if e.plover_type == "SANCTION"]
    assert event.source is not None and event.source.country == sender  # the words' country: no actors here


def test_lexicon_unnamed_actor_sectors_are_plover_sector_codes() -> None:
    assert set(load().unnamed_actor.values()) <= {"UAF", "UNK"}


def test_arguments_a_meeting_of_nobody_named_is_no_event_record(asserted) -> None:  # type: ignore[no-untyped-def]
    text = "A meeting was held in Kandahar."  # no party is made up, and a verbal act needs one
    places = _placed(text, "Kandahar", KANDAHAR)
    assert not asserted(text, places=places)


def test_arguments_a_material_act_of_an_unnamed_doer_stands(asserted) -> None:  # type: ignore[no-untyped-def]
    (event,) = asserted("The blast killed five civilians.")
    assert event.plover_type == "ASSAULT" and event.killed == 5


@pytest.mark.parametrize(
    ("text", "type_", "country"),
    [
        ("Russia threatened to stop gas deliveries to Ukraine.", "THREATEN", "UKR"),  # complement's "to"
        (
            "Qatar launched mediation efforts between Sudan and Chad.",
            "CONSULT",
            "SDN",
        ),  # the noun's "between"
        ("Pakistan mobilized reservists against India.", "MOBILIZE", "IND"),  # the forces are not aimed at
        ("The government lifted its ban on Kenyan opposition parties.", "CONCEDE", "KEN"),  # "ban on X"
        ("The European Union imposed sanctions on Belarus.", "SANCTION", "BLR"),
        ("Venezuela rejected Colombia's proposal for talks.", "REJECT", "COL"),  # the possessor
        ("Turkey appealed to Germany for help.", "REQUEST", "DEU"),
        ("Japan agreed to send aid to Haiti.", "AGREE", "HTI"),
        (
            "Sudan offered to hand over three fugitives to France.",
            "AGREE",
            "FRA",
        ),  # the receiver, not the suspects
        ("London banned a militant group in Northern Ireland.", "COERCE", "GBR"),  # not the Republic
        ("Soldiers fired tear gas to scatter Kenyan protesters.", "ASSAULT", "KEN"),  # purpose clause
    ],
)
def test_arguments_recipient_is_whom_the_action_is_directed_at(asserted, text, type_, country) -> None:  # type: ignore[no-untyped-def]
    (event,) = [e for e in asserted(text) if e.plover_type == type_]
    assert event.target is not None and event.target.country == country


@pytest.mark.parametrize(
    ("text", "type_"),
    [("Police imposed a curfew in Kandahar.", "COERCE"), ("The president arrived in Kandahar.", "CONSULT"),
     ("Hundreds of families sought shelter in Kandahar last week.", "REQUEST"),
     ("Chile opened an embassy in Kandahar on Monday.", "SUPPORT"),
     ("The commission completed its investigation in Kandahar.", "ACCUSE")],
)  # fmt: skip
def test_arguments_recipient_is_the_place_when_no_words_name_one(asserted, text, type_) -> None:  # type: ignore[no-untyped-def]
    places = _placed(text, "Kandahar", KANDAHAR)
    (event,) = [e for e in asserted(text, places=places) if e.plover_type == type_]
    assert event.target is not None and (event.target.country, event.target.name) == ("AFG", "Kandahar")
    assert "target:place" in event.rule


def test_arguments_meeting_place_is_no_recipient(asserted) -> None:  # type: ignore[no-untyped-def]
    text = "Afghan and Pakistani officials met in Kandahar."
    places = _placed(text, "Kandahar", KANDAHAR)
    (event,) = [e for e in asserted(text, places=places) if e.plover_type == "CONSULT"]
    assert event.target is None or "target:place" not in event.rule


def test_arguments_protest_without_recipient_aims_at_own_government(asserted) -> None:  # type: ignore[no-untyped-def]
    (event,) = [
        e for e in asserted("Thousands of Chilean students marched on Tuesday.") if e.plover_type == "PROTEST"
    ]
    assert event.target is not None and (event.target.country, event.target.sector) == ("CHL", "GOV")


def test_arguments_region_as_topic_is_no_recipient(code) -> None:  # type: ignore[no-untyped-def]
    events = code("Pakistan rejected India's offer of talks on Kashmir.")
    assert all(
        e.target is None or "Kashmir" not in e.target.span.text for e in events if e.plover_type != "REJECT"
    )


def test_arguments_pattern_prepositions_are_words() -> None:
    """YAML reads a bare `on` as true: every preposition in the data must stay a word."""
    rules = recipients.rules()
    for words in (rules.complement_preps, rules.inner_preps, *load().target_preps.values()):
        assert all(isinstance(w, str) for w in words)


@pytest.mark.parametrize(
    ("text", "type_", "country"),
    [
        (
            "Nurses from three Canadian charities collected and delivered $8,000 worth of blankets to a shelter.",
            "AID",
            "CAN",
        ),
        ("Engineers from a Chinese firm delivered medicine to the hospital.", "AID", "CHN"),
    ],
)
def test_arguments_source_of_a_verb_hung_off_a_noun(asserted, text, type_, country) -> None:  # type: ignore[no-untyped-def]
    (event,) = [e for e in asserted(text) if e.plover_type == type_]
    assert event.source is not None and event.source.country == country


def test_arguments_participle_with_an_agent_acts_on_its_noun(code) -> None:  # type: ignore[no-untyped-def]
    (seized,) = [e for e in code("The weapons seized by police were destroyed.") if e.plover_type == "COERCE"]
    assert seized.source is not None and seized.source.span.text == "police"


@pytest.mark.parametrize(
    ("text", "type_", "country"),
    [
        (
            "The Malian government accepted demands from Senegalese traders.",
            "CONCEDE",
            "SEN",
        ),  # the object's "from"
        (
            "The union renewed its demand that Egypt ease curbs on Sudanese traders.",
            "REQUEST",
            "EGY",
        ),
        (
            "Chile has granted refuge to three Peruvian navy officers hiding in its consulate since June.",
            "AID",
            "PER",
        ),  # stranded "to"
        (
            "Jordanian troops launched mortar and tank fire against Syrian smuggler camps.",
            "ASSAULT",
            "SYR",
        ),
        ("A French banker was put under investigation by prosecutors in Dakar.", "ACCUSE", "FRA"),
        ("Police opened an investigation into abuses committed by Chadian soldiers.", "ACCUSE", "TCD"),
        (
            "The militia refused to allow Ugandan aid trucks to cross and collect the sick.",
            "REJECT",
            "UGA",
        ),  # the one allowed
    ],
)
def test_arguments_recipient_named_outside_the_object(asserted, text, type_, country) -> None:  # type: ignore[no-untyped-def]
    (event,) = [e for e in asserted(text) if e.plover_type == type_]
    assert event.target is not None and event.target.country == country


def test_arguments_what_is_given_is_not_the_recipient(asserted) -> None:  # type: ignore[no-untyped-def]
    text = "Egypt offered its engineers to the Lebanese president."
    troops = Actor("gen:EGY:MIL", "EGY MIL", "generic", "EGY", "MIL")
    (event,) = [e for e in asserted(text, mentions=(_mention(text, "its engineers", troops),))
                if e.plover_type == "AGREE"]  # fmt: skip
    assert event.target is not None and event.target.country == "LBN"


def test_arguments_named_actor_beats_words_that_only_hold_a_place(asserted) -> None:  # type: ignore[no-untyped-def]
    text = "Students blocked roads in Nairobi in defiance of the Ugandan embassy."
    embassy = Actor("gen:UGA:GOV", "UGA GOV", "generic", "UGA", "GOV")
    (event,) = [e for e in asserted(text, mentions=(_mention(text, "the Ugandan embassy", embassy),))
                if e.plover_type == "PROTEST"]  # fmt: skip
    assert event.target is not None and event.target.country == "UGA"


def test_arguments_passive_agent_hung_on_the_next_clause(code) -> None:  # type: ignore[no-untyped-def]
    events = code(
        "The mayor has been charged with taking bribes, it was alleged on Monday, by Kenyan prosecutors."
    )
    (charged,) = [e for e in events if e.trigger.text == "charged"]
    assert charged.source is not None and charged.source.country == "KEN"


def test_arguments_a_target_of_no_country_is_where_the_sentence_is(asserted) -> None:  # type: ignore[no-untyped-def]
    text = "The city council in Aleppo rejected plans for a new market."
    places = _placed(text, "Aleppo", Place(170063, "Aleppo", "SY", None, 36.2, 37.16, "P"))
    (event,) = [e for e in asserted(text, places=places) if e.plover_type == "REJECT"]
    assert event.target is not None and event.target.actor_id is None
    assert event.target.country == "SYR"


def test_arguments_those_held_as_human_shields_are_the_target(asserted) -> None:  # type: ignore[no-untyped-def]
    (event,) = [
        e
        for e in asserted("The militia held hundreds of villagers as human shields.")
        if e.plover_type == "COERCE"
    ]
    assert event.target is not None and "villagers" in event.target.span.text


@pytest.mark.parametrize(
    "text",
    [
        "Two detainees died under torture in a military prison.",
        "A student died as a result of torture in an army camp.",
    ],
)
def test_arguments_what_someone_died_of_happened_to_them(asserted, text: str) -> None:  # type: ignore[no-untyped-def]
    (event,) = [e for e in asserted(text) if e.plover_type == "ASSAULT"]
    assert event.target is not None and event.target.span.text.split()[-1] in ("detainees", "student")


def test_arguments_a_country_receiving_peacekeepers_is_the_source(asserted) -> None:  # type: ignore[no-untyped-def]
    text = "A battalion of Rwandan peacekeepers arrived in Bangui on Monday."
    places = _placed(text, "Bangui", Place(2389853, "Bangui", "CF", None, 4.36, 18.55, "P"))
    (event,) = asserted(text, places=places)
    assert (event.plover_type, event.plover_mode, event.cameo) == ("RETREAT", "access", "0861")
    assert event.source is not None and event.source.country == "CAF"
    assert event.target is not None and event.target.country == "RWA"
    assert [e.role for e in event.evidence].count("source") == 1


def test_arguments_a_main_verb_parsed_as_a_modifier_keeps_its_subject(asserted) -> None:  # type: ignore[no-untyped-def]
    # the small English model may read this as one noun phrase: "the ruling clashed with police"
    (event,) = [
        e
        for e in asserted("Students protesting the ruling clashed with police outside the court.")
        if e.plover_type == "ASSAULT"
    ]
    assert event.source is not None and event.source.span.text == "Students"


@pytest.mark.parametrize(
    ("text", "modifier"),
    [("They fought near Syria's border with Turkey.", False), ("Syria's foreign minister flew home.", True)],
)
def test_arguments_a_country_owning_an_area_says_where(ctx, text: str, modifier: bool) -> None:  # type: ignore[no-untyped-def]
    from sitrep.stages.language import nlp

    (syria,) = _placed(text, "Syria", Place(163843, "Syria", "SY", None, 35.0, 38.0, "A"))
    assert recipients._modifier(nlp(ctx)(text), syria) is modifier


def test_arguments_a_thing_owned_stands_for_its_owner(asserted) -> None:  # type: ignore[no-untyped-def]
    (event,) = asserted("The opposition condemned the Kenyan government's decision.")
    assert event.target is not None and event.target.country == "KEN"


def test_arguments_only_a_party_stands_for_the_words(asserted) -> None:  # type: ignore[no-untyped-def]
    # "from the team" names no party: the ones banned stay the recipient
    (event,) = asserted("Two young players were banned from the team by the federation.")
    assert event.target is not None and event.target.span.text == "Two young players"


def test_arguments_an_apposition_names_the_common_noun(asserted) -> None:  # type: ignore[no-untyped-def]
    text = "Three farmers, Tom Reed and Ann Reed, sued the company."
    farmers = Actor("AGR", "AGR", "generic", None, "AGR")
    reed = Actor("tom-reed", "Tom Reed", "person", "USA", None)
    mentions = (_mention(text, "Three farmers", farmers), _mention(text, "Tom Reed", reed))
    (event,) = asserted(text, mentions=mentions)
    assert event.source is not None and (event.source.actor_id, event.source.country) == ("tom-reed", "USA")
    assert event.source.span.text == "Three farmers"


def test_arguments_a_named_head_keeps_its_name(asserted) -> None:  # type: ignore[no-untyped-def]
    text = "Tom Reed, the farmer, sued the company."
    reed = Actor("tom-reed", "Tom Reed", "person", "USA", None)
    other = Actor("ann-reed", "Ann Reed", "person", "USA", None)
    mentions = (_mention(text, "Tom Reed", reed), _mention(text, "the farmer", other))
    (event,) = asserted(text, mentions=mentions)
    assert event.source is not None and event.source.actor_id == "tom-reed"


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        ("The senator received criticism for the move.", None),
        ("The senator faced sharp criticism from the union.", "the union"),
    ],
)
def test_arguments_one_who_receives_an_act_is_its_target(asserted, text: str, doer: str | None) -> None:  # type: ignore[no-untyped-def]
    senator = Actor("USA LEG", "USA LEG", "generic", "USA", "LEG")
    found = asserted(text, mentions=(_mention(text, "The senator", senator),))
    (event,) = [e for e in found if e.plover_type == "ACCUSE"]
    assert event.target is not None and event.target.span.text == "The senator"
    assert (event.source.span.text if event.source is not None else None) == doer


def test_arguments_an_act_befalling_a_named_party_stands_without_a_doer(asserted) -> None:  # type: ignore[no-untyped-def]
    text = "The minister was criticised for the plan."
    minister = Actor("KEN GOV", "KEN GOV", "generic", "KEN", "GOV")
    (event,) = asserted(text, mentions=(_mention(text, "The minister", minister),))
    assert event.plover_type == "ACCUSE" and event.source is None
    assert event.target is not None and event.target.country == "KEN"
    # a pronoun may be a thing: "it was criticised" with no doer stands for nothing
    assert not asserted("It was criticised for the plan.")


def test_arguments_the_possessor_of_an_act_done_to_it_is_its_target(asserted) -> None:  # type: ignore[no-untyped-def]
    text = "Police confirmed the senator's arrest."
    senator = Actor("USA LEG", "USA LEG", "generic", "USA", "LEG")
    (event,) = asserted(text, mentions=(_mention(text, "the senator", senator),))
    assert event.plover_type == "COERCE" and event.source is None
    assert event.target is not None and event.target.span.text == "the senator"


def test_arguments_a_possessor_acts_when_an_of_phrase_names_the_one_acted_on(code) -> None:  # type: ignore[no-untyped-def]
    (event,) = [
        e for e in code("The army's release of the hostages was welcomed.") if e.plover_type == "RETREAT"
    ]
    assert event.source is not None and event.source.span.text == "The army"
    assert event.target is not None and event.target.span.text == "the hostages"


def test_arguments_the_of_phrase_of_a_march_is_its_doer(asserted) -> None:  # type: ignore[no-untyped-def]
    text = "A march of ten thousand workers blocked the highway."
    workers = Actor("CVL", "CVL", "generic", "FRA", "CVL")
    (event,) = asserted(text, mentions=(_mention(text, "ten thousand workers", workers),))
    assert event.plover_type == "PROTEST"
    assert event.source is not None and event.source.span.text == "ten thousand workers"


@pytest.mark.parametrize(
    ("text", "recipient"),
    [
        # a quantifier stands for the group it counts
        ("The rebels killed most of the villagers.", "the villagers"),
        ("The rebels killed all but the oldest of their five hostages.", "their five hostages"),
        # a protest outside a body's seat is aimed at the body
        ("Students began a protest outside of the Swedish Parliament.", "the Swedish Parliament"),
        ("Workers rallied in front of the Ministry of Labour.", "the Ministry of Labour"),
    ],
)
def test_arguments_the_recipient_behind_a_quantifier_or_a_site(asserted, text: str, recipient: str) -> None:  # type: ignore[no-untyped-def]
    (event,) = asserted(text)
    assert event.target is not None and event.target.span.text == recipient


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("Officials asked the rebels to lay down their arms and the rebels agreed.", "AGREE"),
        ("Officials asked the rebels to lay down their arms. The rebels refused.", "REJECT"),
    ],
)
def test_arguments_an_answer_is_aimed_at_the_one_who_asked(asserted, text: str, answer: str) -> None:  # type: ignore[no-untyped-def]
    (event,) = [e for e in asserted(text) if e.plover_type == answer]
    assert event.target is not None and event.target.span.text == "Officials"


def test_arguments_an_answer_with_no_request_has_no_recipient(asserted) -> None:  # type: ignore[no-untyped-def]
    (event,) = [
        e
        for e in asserted("Officials met the rebels on Monday. The rebels refused.")
        if e.plover_type == "REJECT"
    ]
    assert event.target is None


def test_arguments_a_trigger_nouns_infinitive_names_the_recipient(asserted) -> None:  # type: ignore[no-untyped-def]
    (event,) = asserted("Senator Omar Nasser expressed a desire to cooperate with Senator Ann Lee.")
    assert event.plover_type == "AGREE"
    assert event.target is not None and event.target.span.text == "Senator Ann Lee"


def test_arguments_the_recipient_is_another_party_than_the_source(code) -> None:  # type: ignore[no-untyped-def]
    text = "Norway imposed a ban on its ports for Russian trawlers."
    (event,) = [e for e in code(text) if e.plover_type == "COERCE"]
    assert event.source is not None and event.source.country == "NOR"
    assert event.target is not None and event.target.span.text == "Russian trawlers"


def test_arguments_an_event_set_around_a_clause_is_between_its_parties(code) -> None:  # type: ignore[no-untyped-def]
    text = "In a phone call in late May, the Greek minister encouraged the Turkish envoy to reopen the port."
    (call,) = [e for e in code(text) if e.plover_type == "CONSULT"]
    assert call.source is not None and call.source.country == "GRC"
    assert call.target is not None and call.target.country == "TUR"
    # who speaks in a call takes part in it (not so who speaks about one: "condemned the talks")
    urged = "In a phone call on Monday, the Greek minister urged the Turkish envoy to reopen the port."
    (call,) = [e for e in code(urged) if e.plover_type == "CONSULT"]
    assert call.source is not None and call.source.country == "GRC"
    # a protest's setting is not aimed at what the protesters then do
    riot = "During the riot, the Greek students burned a Turkish flag."
    assert all(
        e.target is None or e.target.country != "TUR" for e in code(riot) if e.plover_type == "PROTEST"
    )


def test_arguments_another_occasion_is_not_the_clauses_doers(code) -> None:  # type: ignore[no-untyped-def]
    text = "During the protest, the police fired tear gas at the crowd."
    police = Actor("FRA COP", "FRA COP", "generic", "FRA", "COP")
    found = code(text, mentions=(_mention(text, "the police", police),))
    assert not [e for e in found if e.plover_type == "PROTEST" and e.source is not None]
    # unless the clause's subject is named after the event
    riot = "During a riot near the palace, rioters burned a police car."
    rioters = Actor("FRA OPP", "FRA OPP", "generic", "FRA", "OPP")
    (event,) = [
        e for e in code(riot, mentions=(_mention(riot, "rioters", rioters),)) if e.plover_type == "PROTEST"
    ]
    assert event.source is not None and event.source.span.text == "rioters"


def test_arguments_a_place_acting_in_another_clause_does_not_place_the_recipient(asserted) -> None:  # type: ignore[no-untyped-def]
    text = "In Kandahar the governor withdrew a plan that would have allowed Pakistan to build a dam."
    pakistan = Place(1168579, "Pakistan", "PK", None, 30.0, 70.0, "A")
    places = _placed(text, "Kandahar", KANDAHAR) + _placed(text, "Pakistan", pakistan)
    (event,) = [e for e in asserted(text, places=places) if e.plover_type in ("CONCEDE", "RETREAT")]
    assert event.target is not None and event.target.country == "AFG"


def test_arguments_a_place_that_has_an_event_is_where_not_who(code) -> None:  # type: ignore[no-untyped-def]
    text = "Other cities had large protests, with ten thousand nurses protesting in Lyon."
    nurses = Actor("FRA CVL", "FRA CVL", "generic", "FRA", "CVL")
    found = code(text, mentions=(_mention(text, "ten thousand nurses", nurses),))
    assert [e.source.span.text for e in found if e.plover_type == "PROTEST" and e.source] == [
        "ten thousand nurses"
    ]
    # a party that has an event does it
    (talks,) = [e for e in code("The rebels had talks with the army.") if e.plover_type == "CONSULT"]
    assert talks.source is not None and talks.source.span.text == "The rebels"


def test_arguments_a_means_is_not_the_doer_of_the_purpose(ctx) -> None:  # type: ignore[no-untyped-def]
    """ "used X to V": the user does V; "urged X to V": X would (object control)."""
    article = pipeline.process("The mayor used the interview to criticise the police.", ctx=ctx)
    (event,) = [e for e in article.events if e.plover_type == "ACCUSE"]
    assert event.source is not None and event.source.span.text == "The mayor"
