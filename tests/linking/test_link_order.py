"""Linking gives the same story, incident and repost ids whatever the chunks and order of ingest."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.batch import save
from sitrep.records import Article
from sitrep.store import db

from .conftest import make_article, make_event
from .test_stories import QUAKE, RATES, ROCKETS

REPOST = "Islam News: " + ROCKETS[0] + " Middle East Eye reported."


def _corpus() -> list[Article]:
    rockets = [
        make_article(
            text, publisher=outlet, events=(make_event(text, "killing" if "killing" in text else "killed"),)
        )
        for text, outlet in zip(ROCKETS, ("AP", "Reuters", "AFP"), strict=True)
    ]
    repost = make_article(REPOST, publisher="Islam News", original="AP")
    quake = make_article(
        QUAKE, publisher="AP", events=(make_event(QUAKE, "struck", type_="DISASTER", place=None),)
    )
    return [*rockets, repost, quake, make_article(RATES, publisher="Reuters")]


def _ingest(tmp: Path, articles: list[Article], chunk: int) -> dict[str, tuple[object, ...]]:
    con = db.connect(tmp / f"chunk{chunk}-{articles[0].id}.duckdb")
    try:
        for start in range(0, len(articles), chunk):
            save(con, articles[start : start + chunk])
        rows = con.execute(
            """SELECT a.id, a.story_id, a.repost_of, list(e.incident_id ORDER BY e.id)
               FROM articles a LEFT JOIN events e ON e.article_id = a.id GROUP BY ALL"""
        ).fetchall()
    finally:
        con.close()
    return {r[0]: tuple(r[1:]) for r in rows}


@pytest.mark.parametrize("reverse", [False, True])
def test_link_ids_do_not_depend_on_chunks_or_order(tmp_path: Path, reverse: bool) -> None:
    corpus = _corpus()
    one_by_one = _ingest(tmp_path, corpus[::-1] if reverse else corpus, chunk=1)
    together = _ingest(tmp_path, corpus, chunk=32)
    assert one_by_one == together
    rocket_ids = sorted(a.id for a in corpus[:4])
    assert {together[a][0] for a in rocket_ids} == {rocket_ids[0]}  # a story is named by its smallest id
    assert len({tuple(together[a.id][2]) for a in corpus[:3]}) == 1  # one incident for the three reports
    assert together[corpus[3].id][1] == corpus[0].id  # the repost points to its original
