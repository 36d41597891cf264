"""A four-digit number is a year only in a date context (constructed sentences)."""

from __future__ import annotations

import pytest

from sitrep.context import Context
from sitrep.records import Article
from sitrep.stages import language
from sitrep.stages import time as time_stage
from sitrep.timex.years import is_year

NOT_YEARS = [
    "Shelling resumed at dawn (1354 UTC) near the border.",
    "The convoy left at 1800 GMT on Monday.",
    "The railway has 1300 route kilometres of track.",
    "He was charged under section 1201 of the code.",
    "The resolution, No. 1984, was adopted unanimously.",
    "A force of 1500 soldiers crossed the river.",
    "Talks were due at 1830 hours.",
]
YEARS = [
    ("Fighting has continued since 2014 in the east.", "2014"),
    ("The dam was built in 1994 by the state.", "1994"),
    ("Rebels held the town in the summer of 2015.", "2015"),
    ("The 2019-2020 season was cancelled.", "2019"),
    ("Between 1990 and 1995 the war killed thousands.", "1990"),
]


def _number(text: str) -> tuple[int, int]:
    import re

    match = re.search(r"\b(?:1\d|20)\d\d\b", text)
    assert match
    return match.start(), match.end()


@pytest.mark.parametrize("text", NOT_YEARS)
def test_is_year_false_outside_date_context(text: str) -> None:
    assert not is_year(text, *_number(text))


@pytest.mark.parametrize(("text", "year"), YEARS)
def test_is_year_true_in_date_context(text: str, year: str) -> None:
    start, end = _number(text)
    assert text[start:end] == year and is_year(text, start, end)


def _times(ctx: Context, text: str) -> list[str | None]:
    article = Article(id="t", text=text, source_ref="test", published_at="2020-11-19")
    return [t.value for t in time_stage.run(article, language.nlp(ctx)(text), ctx)]


@pytest.mark.parametrize("text", NOT_YEARS)
def test_time_stage_reads_no_year_from_numbers(ctx: Context, text: str) -> None:
    values = _times(ctx, text)
    assert not any(v and v[:4] in text and v[:4] != "2020" and len(v) == 4 for v in values), values


@pytest.mark.parametrize(("text", "year"), YEARS)
def test_time_stage_keeps_years_in_date_context(ctx: Context, text: str, year: str) -> None:
    assert any(v and v.startswith(year) for v in _times(ctx, text))


def test_a_date_far_before_every_year_the_article_names_dates_no_event() -> None:
    """A decade older than every year named in a date context and than publication is not the news's."""
    from sitrep.events.anchors import Anchors
    from sitrep.records import TimeExpr

    text = "Fighting began in 1947. Rebels attacked the town in the 1930s style, officials said."
    decade = text.index("the 1930s")
    times = (
        TimeExpr(text.index("1947"), text.index("1947") + 4, "1947", "DATE", "1947", "year", "year"),
        TimeExpr(decade, decade + 9, "the 1930s", "DATE", "193", "decade", "decade"),
    )
    article = Article(id="t", text=text, source_ref="t", published_at="2020-11-19", times=times)
    anchors = Anchors(article)
    second = (text.index("Rebels"), len(text))
    when = anchors.date(second, second, text.index("attacked"))
    assert (when.value, when.flag) == ("2020-11-19", "publication")
    first = (0, text.index("Rebels"))
    assert anchors.date(first, first, 9).value == "1947"  # a year in a date context dates its event
