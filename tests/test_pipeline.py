import pytest

from sitrep import pipeline
from sitrep.context import Context
from sitrep.errors import InputError
from sitrep.records import Reject, Source


def test_pipeline_order_is_checked():
    names = [s.NAME for s in pipeline.ANALYSIS]
    assert names == ["time", "places", "actors", "quotes", "events", "provenance"]
    pipeline._check_order(pipeline.ANALYSIS)


def test_pipeline_version_names_package_and_data():
    assert pipeline.pipeline_version().startswith("0.1.0+")


def test_process_sources_turns_bad_items_into_rejects(ctx: Context):
    items = [Source(ref="empty", text="   "), Source(ref="ok", text="Rebels attacked the town on Monday.")]
    out = list(pipeline.process_sources(items, ctx))
    assert isinstance(out[0], Reject) and out[0].source == "empty"
    assert out[1].text.startswith("Rebels") and out[1].language == "en"


def test_process_sources_skips_known_articles(ctx: Context):
    item = Source(ref="ok", text="Protesters marched in Paris on Saturday.")
    first = next(iter(pipeline.process_sources([item], ctx)))
    again = list(pipeline.process_sources([item], ctx, known={first.id: first.pipeline_version}))
    assert again == []


def test_process_normalises_published_once(ctx: Context):
    """A date in words is read by the one date model: events fall back to its day, never to a slice."""
    article = pipeline.process("Rebels attacked the town.", published="19 November 2020", ctx=ctx)
    assert (article.published_at, article.published_precision) == ("2020-11-19", "day")
    assert article.events and all(e.date == "2020-11-19" for e in article.events)


@pytest.mark.parametrize(("published", "field"), [("yesterday", "published"), (123, "published")])
def test_process_refuses_inexact_or_wrong_typed_dates(ctx: Context, published: object, field: str):
    with pytest.raises(InputError, match=f"^{field}: "):
        pipeline.process("Rebels attacked the town.", published=published, ctx=ctx)  # type: ignore[arg-type]
