"""Dates of events whose own words give none: the narrative's time for a told past, else publication."""

from __future__ import annotations

from sitrep import pipeline
from sitrep.context import Context


def _dates(text: str, ctx: Context) -> dict[str, tuple[str | None, str]]:
    article = pipeline.process(text, published="2021-05-10", ctx=ctx)
    return {e.trigger.text: (e.date, e.date_flag) for e in article.events}


def test_a_told_past_keeps_the_last_named_day(ctx: Context) -> None:
    found = _dates("On 3 May, rebels shelled the port of Adana. Police arrested two of the gunmen.", ctx)
    assert found["arrested"] == ("2021-05-03", "narrative")


def test_the_present_and_the_undated_opening_take_the_publication_day(ctx: Context) -> None:
    found = _dates("Police arrested two gunmen in Adana. On 3 May, rebels shelled the port.", ctx)
    assert found["arrested"] == ("2021-05-10", "publication")  # nothing named before it


def test_a_day_after_publication_is_no_narrative_time(ctx: Context) -> None:
    found = _dates("The talks will open on 14 May. Police arrested two gunmen in Adana.", ctx)
    assert found["arrested"] == ("2021-05-10", "publication")


def test_a_bare_year_is_background_not_the_narrative_time(ctx: Context) -> None:
    found = _dates("In 2016, she became the security minister. Police arrested two gunmen in Adana.", ctx)
    assert found["arrested"] == ("2021-05-10", "publication")


def test_the_dateline_dates_no_event(ctx: Context) -> None:
    """The dateline's day is the filing's; the next line's "Yesterday" is the event's."""
    found = _dates(
        "Monday, May 10, 2021\n\nYesterday police arrested two gunmen in Adana. The rebels shelled the port.",
        ctx,
    )
    assert found["arrested"] == ("2021-05-09", "text")
    assert found["shelled"] == ("2021-05-09", "narrative")


def test_a_date_in_a_relative_clause_is_background_not_the_narrative_time(ctx: Context) -> None:
    text = "On 6 May, the talks, which had begun on 2 April, collapsed. Rebels shelled the port of Adana."
    assert _dates(text, ctx)["shelled"] == ("2021-05-06", "narrative")


def test_a_place_in_a_relative_clause_is_its_own_events(ctx: Context) -> None:
    article = pipeline.process(
        "In Nairobi, the minister withdrew a bill that would have let Uganda extradite suspects.",
        published="2021-05-10",
        ctx=ctx,
    )
    (withdrew,) = [e for e in article.events if e.trigger.text == "withdrew"]
    assert withdrew.place is not None and withdrew.place.name == "Nairobi"
