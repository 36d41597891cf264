"""The API over the seed and the Wikinews corpus run through the real line: whatever the stages find,
the API returns exactly what the store holds, with spans that point at the article's words."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
import pytest
from fastapi.encoders import jsonable_encoder
from fastapi.testclient import TestClient

from sitrep.store.db import query
from tests.web.test_api import spans_match

pytestmark = pytest.mark.slow


def db_rows(path: Path, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return query(con, sql, params or [])
    finally:
        con.close()


def test_corpus_totals_equal_the_store(corpus_client: TestClient, corpus_db: Path) -> None:
    stats = corpus_client.get("/api/stats").json()
    for table, n in stats["totals"].items():
        assert n == db_rows(corpus_db, f"SELECT count(*) AS n FROM {table}")[0]["n"], table
    assert stats["totals"]["articles"] >= 290  # the seed and the 295 Wikinews articles, less any rejects
    assert stats["events"] == stats["totals"]["events"] == corpus_client.get("/api/events").json()["total"]


def test_corpus_seed_is_served_with_its_facts(corpus_client: TestClient, corpus_db: Path) -> None:
    found = corpus_client.get("/api/articles", params={"text": "Qaani", "until": "2020-11-19"}).json()[
        "items"
    ]
    seed = next(a for a in found if a["published_at"] == "2020-11-19")
    article = corpus_client.get(f"/api/articles/{seed['id']}").json()
    assert spans_match(article) == []
    for table in ("times", "mentions", "events", "quotes"):
        n = db_rows(corpus_db, f"SELECT count(*) AS n FROM {table} WHERE article_id = ?", [seed["id"]])[0][
            "n"
        ]
        assert len(article[table]) == n, table


def test_corpus_every_article_spans_point_at_words(corpus_client: TestClient) -> None:
    articles = every_page(corpus_client, "/api/articles")
    bad = {a["id"]: spans_match(corpus_client.get(f"/api/articles/{a['id']}").json()) for a in articles}
    assert {k: v for k, v in bad.items() if v} == {}


def every_page(client: TestClient, path: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    while True:
        page = client.get(path, params={"limit": 1000, "offset": len(items)}).json()
        items += page["items"]
        if len(items) >= page["total"]:
            return items


def test_corpus_events_equal_their_rows(corpus_client: TestClient, corpus_db: Path) -> None:
    served = {e["id"]: e for e in every_page(corpus_client, "/api/events")}
    stored = {r["id"]: r for r in db_rows(corpus_db, "SELECT * FROM events")}
    assert served.keys() == stored.keys()
    for eid, row in stored.items():  # as JSON holds them (a DATE column as its ISO day)
        assert {k: served[eid][k] for k in row if k != "evidence"} == {
            k: v for k, v in jsonable_encoder(row).items() if k != "evidence"
        }


def test_corpus_type_filter_agrees_with_stats(corpus_client: TestClient) -> None:
    for row in corpus_client.get("/api/stats").json()["by_type"]:
        if row["type"]:
            assert corpus_client.get("/api/events", params={"type": row["type"]}).json()["total"] == row["n"]


def test_corpus_incident_members_share_an_actor_or_a_place_finer_than_a_country(corpus_db: Path) -> None:
    """Reports of the same kind in one country in one week are no incident: the members of every incident
    of two or more events share an actor record, or a place finer than a country."""
    loose = db_rows(
        corpus_db,
        """WITH m AS (
               SELECT e.incident_id, e.id, list_filter([e.source_actor_id, e.target_actor_id], lambda x: x IS NOT NULL) AS actors,
                      CASE WHEN p.feature_class = 'A' AND p.feature_code LIKE 'PCL%' THEN NULL ELSE e.place_id END AS fine
               FROM events e LEFT JOIN places p ON p.id = e.place_id WHERE e.incident_role = 'member')
           SELECT incident_id, count(*) AS n FROM m GROUP BY incident_id
           HAVING count(*) > 1
              AND len(list_reduce(list(actors), lambda a, b: list_intersect(a, b))) = 0
              AND (count(DISTINCT fine) <> 1 OR count(fine) < count(*))""",
    )
    assert loose == []
