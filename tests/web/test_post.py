"""POST /api/articles: the token guards it, and an accepted article goes through the real line."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from sitrep.web.app import create_app
from sitrep.web.store import Store
from tests.web import handmade
from tests.web.conftest import TOKEN

ARTICLE = {
    "title": "Protesters gather in Nairobi",
    "text": "Thousands of protesters marched in Nairobi on Monday, police said. Officers arrested 12 people.",
    "url": "https://example.org/nairobi",
    "published": "2021-03-10",
    "outlet": "Example News",
}


@pytest.fixture
def writable(tmp_path: Path) -> Iterator[TestClient]:
    with TestClient(
        create_app(Store.from_duckdb(handmade.build(tmp_path / "w.duckdb")), token=TOKEN)
    ) as client:
        yield client


@pytest.mark.parametrize("header", [None, "Bearer wrong", f"Basic {TOKEN}", "Bearer "])
def test_post_without_the_token_is_401(writable: TestClient, header: str | None) -> None:
    headers = {"Authorization": header} if header else {}
    response = writable.post("/api/articles", json=ARTICLE, headers=headers)
    assert response.status_code == 401 and response.json()["error"]["code"] == "unauthorized"
    assert writable.get("/api/articles").json()["total"] == 3
    assert writable.get("/api/status").json()["accepts_articles"] is True


@pytest.mark.parametrize(
    ("body", "status"),
    [({"text": ""}, 422), ({"title": "no text"}, 422), ({**ARTICLE, "published": "last week"}, 422), ({**ARTICLE, "text": 123}, 422),
     ({**ARTICLE, "extra": 1}, 422)],
)  # fmt: skip
def test_post_bad_bodies_are_refused(writable: TestClient, body: dict[str, object], status: int) -> None:
    response = writable.post("/api/articles", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == status and response.json()["error"]["status"] == status


@pytest.mark.slow
def test_post_runs_the_line_and_stores(writable: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    created = writable.post("/api/articles", json=ARTICLE, headers=auth)
    assert created.status_code == 201, created.text
    article = created.json()
    assert created.headers["location"] == f"/api/articles/{article['id']}"
    assert article["publisher"] == "Example News" and article["published_at"] == "2021-03-10"
    assert article["language"] == "en" and article["pipeline_version"]
    assert any(t["text"] == "Monday" for t in article["times"])
    assert writable.get(f"/api/articles/{article['id']}").json() == article
    assert writable.get("/api/articles").json()["total"] == 4
    assert writable.post("/api/articles", json=ARTICLE, headers=auth).status_code == 200
