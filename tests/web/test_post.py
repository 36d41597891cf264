"""POST /api/articles: the token guards it, and an accepted article goes through the real line."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from sitrep.web.app import create_app
from sitrep.web.ingest import MAX_BODY
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


@pytest.mark.slow
def test_post_links_the_article_and_keeps_its_links_when_posted_again(tmp_path: Path) -> None:
    store = Store.from_duckdb(tmp_path / "new.duckdb", create=True)
    with TestClient(create_app(store, token=TOKEN)) as client:
        _post_twice(client, store)


def _post_twice(writable: TestClient, store: Store) -> None:
    from tests.links import links

    auth = {"Authorization": f"Bearer {TOKEN}"}
    other = {**ARTICLE, "outlet": "Other News", "url": "https://example.org/nairobi-2",
             "text": "Police arrested 12 people on Monday as thousands of protesters marched in Nairobi."}  # fmt: skip
    for body in (ARTICLE, other):
        assert writable.post("/api/articles", json=body, headers=auth).status_code == 201
    with store.write() as con:
        first = links(con)
    assert first.incidents and len(first.stories) == 2 and first.orphans == 0
    assert writable.post("/api/articles", json=ARTICLE, headers=auth).status_code == 200
    with store.write() as con:
        assert links(con) == first


class _Body:
    """A request body streamed in 1 MiB chunks that counts how much of it the server took."""

    def __init__(self, mib: int) -> None:
        self.mib, self.taken = mib, 0

    def __iter__(self) -> Iterator[bytes]:
        for _ in range(self.mib):
            self.taken += 1
            yield b" " * (1 << 20)


@pytest.mark.parametrize("header", [None, "Bearer wrong"])
def test_post_auth_checked_before_the_body_is_read(writable: TestClient, header: str | None) -> None:
    body = _Body(1024)  # 1 GiB if it were read
    headers = {"Authorization": header} if header else {}
    response = writable.post("/api/articles", content=body, headers=headers)
    assert response.status_code == 401 and body.taken <= 1


def test_post_read_only_server_refuses_before_reading(handmade_db: Path) -> None:
    body = _Body(1024)
    with TestClient(create_app(Store.from_duckdb(handmade_db))) as client:
        response = client.post("/api/articles", content=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 403 and body.taken <= 1


def test_post_body_over_the_cap_is_413_while_streaming() -> None:
    """Chunked, with no Content-Length to refuse it by: reading stops at the cap (the test client would
    read the whole body itself, so the ASGI request is driven here)."""
    import asyncio

    from starlette.requests import Request

    from sitrep.errors import TooLarge
    from sitrep.web.ingest import capped_body

    body = _Body(1024)
    chunks = iter(body)

    async def receive() -> dict[str, object]:
        return {"type": "http.request", "body": next(chunks), "more_body": True}

    request = Request({"type": "http", "method": "POST", "headers": []}, receive)
    with pytest.raises(TooLarge):
        asyncio.run(capped_body(request))
    assert body.taken == MAX_BODY // (1 << 20) + 1


def test_post_body_over_the_cap_is_413_by_content_length(writable: TestClient) -> None:
    response = writable.post("/api/articles", content=b" " * (MAX_BODY + 1),
                             headers={"Authorization": f"Bearer {TOKEN}"})  # fmt: skip
    assert response.status_code == 413


@pytest.mark.parametrize("chars", [1_000_100, 1_999_999])
def test_post_long_article_is_a_clear_400_not_500(writable: TestClient, chars: int) -> None:
    text = ("Officials said talks would go on. " * (chars // 34 + 1))[:chars]
    response = writable.post(
        "/api/articles", json={"text": text}, headers={"Authorization": f"Bearer {TOKEN}"}
    )
    assert response.status_code == 400 and "too long" in response.json()["error"]["message"]


def test_post_invalid_json_is_422(writable: TestClient) -> None:
    response = writable.post(
        "/api/articles", content=b"{not json", headers={"Authorization": f"Bearer {TOKEN}"}
    )
    assert response.status_code == 422


def test_status_shows_no_filesystem_path(writable: TestClient, tmp_path: Path) -> None:
    status = writable.get("/api/status").json()
    assert "path" not in status and str(tmp_path) not in writable.get("/api/status").text
    assert str(tmp_path) not in writable.get("/api/stats").text
