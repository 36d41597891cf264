from sitrep import pipeline
from sitrep.context import Context
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
