from sitrep import frames
from sitrep.context import Context
from sitrep.pipeline import process
from sitrep.store.schema import columns


def test_frames_have_the_store_columns(ctx: Context) -> None:
    article = process("Rebels attacked a convoy near Goma on Monday, killing three soldiers.", ctx=ctx)
    tables = frames(article)
    assert set(tables) == {"articles", "times", "mentions", "actors", "places", "events", "quotes"}
    for name, frame in tables.items():
        assert list(frame.columns) == columns(name)
    assert tables["articles"]["id"].tolist() == [article.id]
    assert len(tables["events"]) == len(article.events)


def test_public_api_is_pinned() -> None:
    import sitrep

    assert sitrep.__all__ == sorted(sitrep.__all__)
    assert set(sitrep.__all__) == {"Article", "Event", "Quote", "__version__", "frames", "pipe", "process"}
