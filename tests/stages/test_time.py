"""The time stage: finding, normalising and anchoring temporal expressions, and time_of for events."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.context import Context
from sitrep.records import Article
from sitrep.stages import language
from sitrep.stages import time as time_stage
from sitrep.timex import calendar, lexicon
from sitrep.timex.normalise import Anchor, normalise

LEX = lexicon.load()
THU = date(2020, 11, 19)  # the seed's publication day, a Thursday
FRI = date(2013, 3, 22)

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def read(
    text: str, published: date | None = THU, direction: str | None = None, reference: date | None = None
):  # type: ignore[no-untyped-def]
    """Normalise with a tense fixed by the test and one reference date at every grain."""
    anchor = Anchor(published, reference, reference, reference, lambda: direction)  # type: ignore[arg-type, return-value]
    return normalise(text, anchor, LEX)


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("Tuesday", "2020-11-17", "day"),
        ("on Wednesday", "2020-11-18", "day"),
        ("Thursday", "2020-11-19", "day"),  # the publication's own weekday is that day, not a week back
        ("Friday", "2020-11-13", "day"),
        ("last Thursday", "2020-11-12", "day"),
        ("next Monday", "2020-11-23", "day"),
        ("Sunday night", "2020-11-15TNI", "hour"),
        ("Tuesday evening", "2020-11-17TEV", "hour"),
        ("last week", "2020-W46", "week"),
        ("this week", "2020-W47", "week"),
        ("next week", "2020-W48", "week"),
        ("earlier this week", "2020-W47", "week"),
        ("last weekend", "2020-W46-WE", "week"),
        ("two weeks ago", "2020-W45", "week"),
        ("this month", "2020-11", "month"),
        ("last month", "2020-10", "month"),
        ("next month", "2020-12", "month"),
        ("in March", "2020-03", "month"),
        ("last July", "2020-07", "month"),
        ("mid-December", "2019-12", "month"),
        ("August last year", "2019-08", "month"),
        ("this year", "2020", "year"),
        ("last year", "2019", "year"),
        ("next year", "2021", "year"),
        ("four years ago", "2016", "year"),
        ("2010", "2010", "year"),
        ("fiscal 2012", "2012", "year"),
        ("the third quarter", "2020-Q3", "quarter"),
        ("the first quarter of 2013", "2013-Q1", "quarter"),
        ("last summer", "2020-SU", "season"),
        ("the summer of 2012", "2012-SU", "season"),
        ("this winter", "2020-WI", "season"),
        ("this past weekend", "2020-W46-WE", "week"),
        ("early next year", "2021", "year"),
        ("the end of the year", "2020", "year"),
        ("the turn of the century", "20", "century"),
        ("the 1990s", "199", "decade"),
        ("the late '80s", "198", "decade"),
        ("the 20th century", "19", "century"),
        ("yesterday", "2020-11-18", "day"),
        ("today", "2020-11-19", "day"),
        ("tomorrow", "2020-11-20", "day"),
        ("last night", "2020-11-18TNI", "hour"),
        ("this morning", "2020-11-19TMO", "hour"),
        ("10:30 p.m. Monday", "2020-11-16T22:30", "minute"),
        ("15:00 GMT", "2020-11-19T15:00", "minute"),
    ],
)
def test_normalise_relative_dates(text: str, value: str, precision: str) -> None:
    reading = read(text)
    assert reading is not None and (reading.value, reading.precision) == (value, precision)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("11 October", "2020-10-11"),
        ("20 January", "2020-01-20"),  # past by default
        ("Feb. 28", "2020-02-28"),
        ("March 21, 2013", "2013-03-21"),
        ("the 1st of March 2011", "2011-03-01"),
        ("Monday, March 18", "2020-03-18"),
        ("Sept. 11, 2001", "2001-09-11"),
        ("2013-03-20", "2013-03-20"),
        ("Christmas", "2019-12-25"),
        ("March 2012", "2012-03"),
    ],
)
def test_normalise_calendar_dates(text: str, value: str) -> None:
    reading = read(text)
    assert reading is not None and reading.value == value and reading.type == "DATE"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("24 hours", "PT24H"),
        ("a mere 48 hours", "PT48H"),
        ("three days", "P3D"),
        ("four-week", "P4W"),
        ("almost seven years", "P7Y"),
        ("twenty five years", "P25Y"),
        ("half an hour", "PT0.5H"),
        ("several weeks", "PXW"),
        ("recent weeks", "PXW"),
        ("years", "PXY"),
        ("minutes", "PTXM"),
        ("the next few months", "PXM"),
        ("the past 24 hours", "PT24H"),
        ("the past year", "P1Y"),
        ("the coming weeks", "PXW"),
        ("decades", "PXDE"),
    ],
)
def test_normalise_durations(text: str, value: str) -> None:
    reading = read(text)
    assert reading is not None and (reading.type, reading.value, reading.precision) == (
        "DURATION",
        value,
        "duration",
    )


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("every morning", "XXXX-XX-XXTMO"),
        ("every Monday", "XXXX-WXX-1"),
        ("annually", "P1Y"),
        ("weekly", "P1W"),
        ("each day", "P1D"),
        ("twice a week", "P1W"),
        ("three times a year", "P1Y"),
    ],
)
def test_normalise_sets(text: str, value: str) -> None:
    reading = read(text)
    assert reading is not None and (reading.type, reading.value, reading.precision) == ("SET", value, "set")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("now", "PRESENT_REF"),
        ("currently", "PRESENT_REF"),
        ("recently", "PAST_REF"),
        ("the future", "FUTURE_REF"),
    ],
)
def test_normalise_references_are_dates(text: str, value: str) -> None:
    reading = read(text)
    assert reading is not None and (reading.type, reading.value) == ("DATE", value)


@pytest.mark.parametrize(
    ("text", "direction", "value"),
    [
        ("20 January", "future", "2021-01-20"),
        ("20 January", "past", "2020-01-20"),
        ("11 October", "future", "2021-10-11"),
        ("in March", "future", "2021-03"),
        ("in March", "past", "2020-03"),
        ("November", "future", "2020-11"),
        ("Monday", "future", "2020-11-23"),
        ("Thursday", "future", "2020-11-19"),
        ("the first quarter", "future", "2021-Q1"),
        ("Christmas", "future", "2020-12-25"),
    ],
)
def test_normalise_tense_picks_the_year(text: str, direction: str, value: str) -> None:
    reading = read(text, direction=direction)
    assert reading is not None and reading.value == value


@pytest.mark.parametrize(
    ("text", "reference", "value"),
    [
        ("the next day", date(2020, 11, 17), "2020-11-18"),
        ("the following day", date(2020, 2, 28), "2020-02-29"),
        ("the day before", date(2020, 3, 1), "2020-02-29"),
        ("two days later", date(2020, 11, 10), "2020-11-12"),
        ("that night", date(2020, 11, 10), "2020-11-10TNI"),
        ("at 3 p.m.", date(2020, 11, 10), "2020-11-10T15:00"),
        ("the previous year", date(2015, 6, 1), "2014"),
        ("the next day", None, "2020-11-20"),  # no date mentioned yet: the publication day
    ],
)
def test_normalise_sequences_follow_the_last_date(text: str, reference: date | None, value: str) -> None:
    reading = read(text, reference=reference)
    assert reading is not None and reading.value == value


@pytest.mark.parametrize(
    "text", ["Tuesday", "last week", "yesterday", "in March", "20 January", "four years ago"]
)
def test_normalise_without_publication_date_leaves_relative_unresolved(text: str) -> None:
    reading = read(text, published=None)
    assert reading is not None and reading.value is None
    assert reading.rule.endswith(":no-publication-date")


@pytest.mark.parametrize(
    ("text", "value"),
    [("March 21, 2013", "2013-03-21"), ("2010", "2010"), ("the 1990s", "199"), ("three days", "P3D")],
)
def test_normalise_without_publication_date_resolves_absolute(text: str, value: str) -> None:
    reading = read(text, published=None)
    assert reading is not None and reading.value == value


@pytest.mark.parametrize("text", ["22 year old", "48", "the day", "a good day", "Lua"])
def test_normalise_rejects_non_expressions(text: str) -> None:
    assert read(text) is None


@pytest.mark.parametrize(
    ("text", "published"),
    [("next year", date(9999, 6, 1)), ("next month", date(9999, 12, 1)), ("tomorrow", date(9999, 12, 31)),
     ("yesterday", date(1, 1, 1))],
)  # fmt: skip
def test_normalise_gives_nothing_beyond_the_calendar(text: str, published: date) -> None:
    assert read(text, published=published) is None


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)), st.sampled_from(WEEKDAYS))
def test_weekday_lies_in_the_week_on_or_before_publication(published: date, weekday: str) -> None:
    reading = read(f"on {weekday}", published=published)
    assert reading is not None and reading.value is not None
    found = date.fromisoformat(reading.value)
    assert 0 <= (published - found).days <= 6
    assert found.strftime("%A") == weekday


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)), st.sampled_from(WEEKDAYS))
def test_future_weekday_lies_in_the_week_on_or_after_publication(published: date, weekday: str) -> None:
    reading = read(weekday, published=published, direction="future")
    assert reading is not None and reading.value is not None
    assert 0 <= (date.fromisoformat(reading.value) - published).days <= 6


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_last_week_is_the_iso_week_before_publication(published: date) -> None:
    reading = read("last week", published=published)
    assert reading is not None and reading.value == calendar.week(published - timedelta(days=7))


@settings(max_examples=300, deadline=None)
@given(
    st.dates(min_value=date(1901, 1, 1), max_value=date(2099, 12, 31)),
    st.dates(min_value=date(2001, 1, 1), max_value=date(2001, 12, 31)),
    st.sampled_from(["past", "future"]),
)
def test_day_without_year_lies_within_a_year_in_its_tense(published: date, day: date, direction: str) -> None:
    reading = read(day.strftime("%d %B"), published=published, direction=direction)
    assert reading is not None and reading.value is not None
    gap = (date.fromisoformat(reading.value) - published).days
    assert (0 <= gap <= 366) if direction == "future" else (-366 <= gap <= 0)


TIMEX_VALUE = re.compile(
    r"\d{2,4}(-(\d{2}(-\d{2})?|W\d{2}(-WE)?|Q[1-4]|SP|SU|FA|WI))?(T(\d{2}:\d{2}|MO|AF|EV|NI|DT))?"
    r"|P(T?[\dX.]+(Y|M|W|D|H|S|DE|CE|Q|WE))"
    r"|XXXX(-WXX-[1-7]|-XX-XXT(MO|AF|EV|NI|DT)|-\d{2})"
    r"|(PRESENT|PAST|FUTURE)_REF"
)
WORDS = sorted(
    {
        *LEX.months,
        *LEX.weekdays,
        *LEX.units,
        *LEX.shifts,
        *LEX.parts,
        *LEX.numbers,
        "ago",
        "later",
        "the",
        "of",
    }
    | {"1957", "58", "15:00", "3", "31", "2013", "'90s", "every", "last", "-", ",", "next day"}
)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=5).map(" ".join),
    st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)) | st.none(),
    st.sampled_from([None, "past", "future"]),
)
def test_normalise_values_are_timex3_or_none(
    text: str, published: date | None, direction: str | None
) -> None:
    """Any mix of time words, any publication date (even the calendar's edges): a TIMEX3 value or None."""
    reading = read(text, published=published, direction=direction)
    if reading is not None and reading.value is not None:
        assert TIMEX_VALUE.fullmatch(reading.value), (text, reading)
        assert reading.type in ("DATE", "TIME", "DURATION", "SET")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_normalise_never_raises_on_any_text(text: str) -> None:
    reading = read(text)
    assert reading is None or reading.rule


# --- the stage over parsed text -----------------------------------------------------------------------


def run(ctx: Context, text: str, published: str | None = "2020-11-19") -> Article:
    article = Article(id="t", text=text, source_ref="test", published_at=published)
    doc = language.nlp(ctx)(text)
    return article.with_(times=time_stage.run(article, doc, ctx))


def value_of(article: Article, words: str) -> str | None:
    found = [t for t in article.times if words in t.text or t.text in words]
    assert found, f"no time found for {words!r} in {article.times}"
    return found[0].value


@pytest.mark.parametrize(
    ("text", "words", "value"),
    [
        ("Trump could lash out at Iran before he loses his power on 20 January.", "20 January", "2021-01-20"),
        ("The ceasefire was declared on 11 October.", "11 October", "2020-10-11"),
        ("The president will travel to Paris on 3 March.", "3 March", "2021-03-03"),
        ("The president travelled to Paris on 3 March.", "3 March", "2020-03-03"),
        ("The match has been put off until Saturday.", "Saturday", "2020-11-21"),
        ("The match was postponed until Saturday.", "Saturday", "2020-11-21"),
        ("He stayed in Baghdad until Saturday.", "Saturday", "2020-11-14"),
        ("Her hearing is scheduled for November.", "November", "2020-11"),
        ("Her hearing is scheduled for October.", "October", "2021-10"),
        ("He has lived there since October.", "October", "2020-10"),
        ("Protests have been taking place since Tuesday in Belgrade.", "Tuesday", "2020-11-17"),
        ("The suspect is to be released in June.", "June", "2021-06"),
        ("She wants to meet him on Monday.", "Monday", "2020-11-23"),
        (
            "The study uses flight data to estimate the cases in Wuhan on 12 January.",
            "12 January",
            "2020-01-12",
        ),
        ("Talks will resume on Monday, officials said.", "Monday", "2020-11-23"),
        ("Rockets hit the embassy on Monday, officials said.", "Monday", "2020-11-16"),
        ("The budget is due to be unveiled in May.", "May", "2021-05"),
        ("Sales fell sharply in May.", "May", "2020-05"),
        (
            "The envoy might have phoned him in late July.",
            "late July",
            "2020-07",
        ),  # a modal perfect looks back
        ("The envoy will have left by late July.", "late July", "2021-07"),
    ],
)
def test_run_tense_decides_the_year(ctx: Context, text: str, words: str, value: str) -> None:
    assert value_of(run(ctx, text), words) == value


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2050, 12, 31)), st.sampled_from(WEEKDAYS))
def test_run_past_weekday_lies_in_the_week_on_or_before_publication(
    ctx: Context, published: date, weekday: str
) -> None:
    """The whole stage over a parsed past-tense sentence (one parse per weekday, reused)."""
    text = f"Rockets hit the base on {weekday}, officials said."
    doc = _parsed(ctx, text)
    article = Article(id="t", text=text, source_ref="test", published_at=published.isoformat())
    (found,) = time_stage.run(article, doc, ctx)
    assert found.value is not None and 0 <= (published - date.fromisoformat(found.value)).days <= 6


_DOCS: dict[str, object] = {}


def _parsed(ctx: Context, text: str):  # type: ignore[no-untyped-def]
    if text not in _DOCS:
        _DOCS[text] = language.nlp(ctx)(text)
    return _DOCS[text]


def test_run_next_day_follows_the_date_mentioned(ctx: Context) -> None:
    article = run(ctx, "Rockets hit the Green Zone on Tuesday. The next day, Qaani arrived in Baghdad.")
    assert value_of(article, "The next day") == "2020-11-18"


@pytest.mark.parametrize(
    ("text", "words", "value"),
    [
        ("The firm was founded in 2003. The following year it lost money.", "The following year", "2004"),
        ("The firm was founded in 2003. That year it lost money.", "That year", "2003"),
        ("Talks began in March 2012. Later that month they failed.", "that month", "2012-03"),
        ("In 2003 the firm expanded. The next day, the talks failed.", "The next day", "2020-11-20"),
    ],
)
def test_run_anaphors_take_the_last_date_of_their_grain(
    ctx: Context, text: str, words: str, value: str
) -> None:
    assert value_of(run(ctx, text), words) == value


@pytest.mark.parametrize(
    ("value", "start"),
    [
        ("2003", date(2003, 1, 1)),
        ("2020-W46", date(2020, 11, 9)),
        ("2020-11-17TNI", date(2020, 11, 17)),
        ("2013-Q1", date(2013, 1, 1)),
        ("199", None),
        ("P3D", None),
        ("PRESENT_REF", None),
    ],
)
def test_start_of_calendar_values(value: str, start: date | None) -> None:
    assert calendar.start_of(value) == start


def test_run_finds_words_the_parser_misses(ctx: Context) -> None:
    article = run(ctx, "Twenty women now serve in the Senate, which is currently divided.")
    assert {t.text: t.value for t in article.times} == {"now": "PRESENT_REF", "currently": "PRESENT_REF"}


@pytest.mark.parametrize(
    "text", ["He told USA Today about the plan.", "The now-defunct agency closed.", "Nowhere was safe."]
)
def test_run_free_words_only_outside_names(ctx: Context, text: str) -> None:
    assert run(ctx, text).times == ()


def test_run_splits_ranges(ctx: Context) -> None:
    article = run(ctx, "She joined the survey of 1961-62 along the Nile.")
    assert [t.value for t in article.times] == ["1961", "1962"]


def test_run_splits_year_spans(ctx: Context) -> None:
    article = run(ctx, "Output fell between 2005 and 2008, the report said.")
    assert [t.value for t in article.times] == ["2005", "2008"]


def test_run_splits_day_ranges(ctx: Context) -> None:
    article = run(ctx, "The fair ran from April 8 to 10 in Lyon.")
    assert [t.value for t in article.times] == ["2020-04-08", "2020-04-10"]


def test_run_splits_at_a_line_break(ctx: Context) -> None:
    """The parser may join a dateline and the next line's first word into one entity."""
    article = run(ctx, "Thursday, November 19, 2020\n\nYesterday in Lyon, police arrested two men.")
    assert [t.text for t in article.times][-1] == "Yesterday"
    assert article.times[-1].value == "2020-11-18"


def test_run_a_day_of_this_year(ctx: Context) -> None:
    article = run(ctx, "Thousands marched on September 20 of this year and on 3 March of last year.")
    assert [t.value for t in article.times] == ["2020-09-20", "2019-03-03"]


def test_run_a_capitalised_word_after_a_name_is_part_of_it(ctx: Context) -> None:
    text = "The ruling stood. Morning Today, a talk show, carried the story. Today the court sat."
    assert [t.start for t in run(ctx, text).times] == [text.rindex("Today")]


def test_run_offsets_point_at_the_words(ctx: Context) -> None:
    article = run(ctx, "Iran dispatched Qaani to Baghdad last week, and he met them on Wednesday.")
    assert all(article.text[t.start : t.end] == t.text for t in article.times)


def test_run_without_publication_date(ctx: Context) -> None:
    article = run(ctx, "Rockets hit the embassy on Tuesday. The treaty was signed on March 3, 2019.", None)
    assert value_of(article, "Tuesday") is None
    assert value_of(article, "March 3, 2019") == "2019-03-03"


@pytest.mark.parametrize(
    "published",
    ["2020-11-19", "2020-11-19T08:00:00+00:00", "Thu, 19 Nov 2020 08:00:00 GMT", "19 November 2020"],
)
def test_run_reads_publication_dates_in_common_forms(ctx: Context, published: str) -> None:
    assert value_of(run(ctx, "Iran sent Qaani to Baghdad last week.", published), "last week") == "2020-W46"


@pytest.mark.parametrize("published", ["soon", "Thu, 99 Nov 2020", "2020-13-45"])
def test_run_unreadable_publication_date_leaves_relative_unresolved(ctx: Context, published: str) -> None:
    assert value_of(run(ctx, "Iran sent Qaani to Baghdad last week.", published), "last week") is None


def test_run_without_doc_still_finds_words(ctx: Context) -> None:
    article = Article(id="t", text="They are now in Baghdad.", source_ref="t", published_at="2020-11-19")
    assert [t.value for t in time_stage.run(article, None, ctx)] == ["PRESENT_REF"]


def test_run_seed_times(seed_article: Article) -> None:
    """The five times of the seed's expected.yaml."""
    expected = [
        ("on Tuesday", "2020-11-17", "day"),
        ("on Wednesday", "2020-11-18", "day"),
        ("last week", "2020-W46", "week"),
        ("11 October", "2020-10-11", "day"),
        ("20 January", "2021-01-20", "day"),
    ]
    got = {(t.text, t.value, t.precision) for t in seed_article.times}
    for words, value, precision in expected:
        assert any(text in words and (v, p) == (value, precision) for text, v, p in got), words


# --- time_of: the date of an event -------------------------------------------------------------------

STORY = (
    "Iran dispatched Qaani to Baghdad last week. Rockets hit the Green Zone on Tuesday and "
    "killed a child. Qaani met the commanders on Wednesday. Nobody was hurt."
)


@pytest.mark.parametrize(
    ("trigger", "value"), [("hit", "2020-11-17"), ("met", "2020-11-18"), ("dispatched", "2020-W46")]
)
@pytest.mark.parametrize("with_doc", [True, False])
def test_time_of_picks_the_expression_of_the_trigger(
    ctx: Context, trigger: str, value: str, with_doc: bool
) -> None:
    article = run(ctx, STORY)
    doc = language.nlp(ctx)(STORY) if with_doc else None
    start = STORY.index(trigger)
    found = time_stage.time_of(article, start, start + len(trigger), doc)
    assert found is not None and found.value == value


def test_time_of_none_outside_any_dated_sentence(ctx: Context) -> None:
    article = run(ctx, STORY)
    start = STORY.index("hurt")
    assert time_stage.time_of(article, start, start + 4) is None


def test_time_of_prefers_the_attached_expression(ctx: Context) -> None:
    text = "On Monday officials said that rockets hit the base on Sunday."
    article = run(ctx, text)
    doc = language.nlp(ctx)(text)
    start = text.index("hit")
    found = time_stage.time_of(article, start, start + 3, doc)
    assert found is not None and found.text == "Sunday"
