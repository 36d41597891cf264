"""Stories: articles on one piece of news share a story id; other news and other weeks do not."""

from __future__ import annotations

import duckdb
import pytest

from sitrep.linking.grouping import Doc, group_documents

from .conftest import make_article, write

ROCKETS = [
    "Rockets hit the Green Zone in Baghdad on Tuesday, killing a child and wounding five civilians, Iraqi "
    "security sources said. The Katyusha rockets landed near the US embassy.",
    "A volley of Katyusha rockets struck Baghdad's Green Zone, home to the US embassy, on Tuesday. A child "
    "was killed and five civilians were wounded, according to Iraqi security sources.",
    "At least seven rockets slammed into the Green Zone in Baghdad, near the US embassy, killing a child. "
    "Iraqi security sources said five civilians were wounded in the Katyusha attack.",
]
QUAKE = (
    "A magnitude 6.4 earthquake struck western Turkey near the town of Izmir on Friday, collapsing several "
    "buildings; rescuers pulled survivors from the rubble, the Turkish disaster agency AFAD said."
)
RATES = (
    "The European Central Bank kept interest rates unchanged on Thursday, and its president Christine "
    "Lagarde said inflation in the eurozone would stay high into next year."
)


def _stories(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    return dict(con.execute("SELECT id, story_id FROM articles").fetchall())


def test_link_reports_of_one_news_share_a_story(store: duckdb.DuckDBPyConnection) -> None:
    arts = [make_article(t, publisher=p) for t, p in zip(ROCKETS, ("AP", "Reuters", "AFP"), strict=True)]
    for article in arts:
        write(store, article)
    write(store, make_article(QUAKE, publisher="AP"), make_article(RATES, publisher="Reuters"))
    story = _stories(store)
    assert len({story[a.id] for a in arts}) == 1
    assert story[make_article(QUAKE).id] != story[arts[0].id]
    assert story[make_article(RATES).id] not in (story[arts[0].id], story[make_article(QUAKE).id])


def test_link_same_words_outside_the_window_start_a_new_story(store: duckdb.DuckDBPyConnection) -> None:
    write(store, make_article(ROCKETS[0], published="2020-11-18"))
    later = make_article(ROCKETS[1], published="2021-03-02")
    write(store, later)
    story = _stories(store)
    assert story[later.id] == later.id


@pytest.mark.parametrize("order", [(0, 1, 2, 3, 4), (4, 3, 2, 1, 0)])
def test_group_documents_separates_news(order: tuple[int, ...]) -> None:
    texts = [*ROCKETS, QUAKE, RATES]
    docs = [Doc(str(i), texts[i]) for i in order]
    groups = dict(zip((d.id for d in docs), group_documents(docs), strict=True))
    assert groups["0"] == groups["1"] == groups["2"]
    assert len({groups["0"], groups["3"], groups["4"]}) == 3


def test_group_documents_splits_two_incidents_of_one_kind() -> None:
    from .test_split import _reports

    texts = (
        _reports("Hasim Rahman", "seventh", "Mannheim") + _reports("Tony Thompson", "sixth", "Bern") + [QUAKE]
    )
    groups = group_documents([Doc(str(i), t) for i, t in enumerate(texts)])
    assert len(set(groups[:6])) == 1 and len(set(groups[6:12])) == 1
    assert len({groups[0], groups[6], groups[12]}) == 3


@pytest.mark.parametrize("chunk", [1, 4, 12])
def test_link_store_splits_two_incidents_of_one_kind(store: duckdb.DuckDBPyConnection, chunk: int) -> None:
    """The store regroups a thread when reports join it: two title defences of one champion, reported
    interleaved, become two stories whatever the chunks (the greedy step alone lumps them)."""
    from .test_split import _reports

    rahman = _reports("Hasim Rahman", "seventh", "Mannheim")
    thompson = _reports("Tony Thompson", "sixth", "Bern")
    arts = [
        make_article(t, published="2020-11-18") for pair in zip(rahman, thompson, strict=True) for t in pair
    ]
    for start in range(0, len(arts), chunk):
        write(store, *arts[start : start + chunk])
    story = _stories(store)
    threads = dict(store.execute("SELECT article_id, story_id FROM link_vectors").fetchall())
    assert len({threads[a.id] for a in arts}) == 1  # one thread ...
    assert len({story[a.id] for a in arts[0::2]}) == 1 and len({story[a.id] for a in arts[1::2]}) == 1
    assert story[arts[0].id] != story[arts[1].id]  # ... two stories
    assert {story[a.id] for a in arts[0::2]} == {min(a.id for a in arts[0::2])}


def test_link_full_thread_is_not_joined(
    store: duckdb.DuckDBPyConnection, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sitrep.linking import stories

    monkeypatch.setattr(stories, "THREAD_MAX", 2)
    arts = [make_article(t) for t in ROCKETS]
    for article in arts:
        write(store, article)
    threads = dict(store.execute("SELECT article_id, story_id FROM link_vectors").fetchall())
    assert threads[arts[0].id] == threads[arts[1].id] != threads[arts[2].id]
