"""Probes an attacker would send, kept as tests so they keep holding: path traversal out of the static
folder, SQL in every text filter, cross-origin reads, and the address served by default."""

from __future__ import annotations

import inspect

import pytest
from fastapi.testclient import TestClient

TRAVERSALS = [
    "/static/../app.py", "/static/..%2fapp.py", "/static/%2e%2e/%2e%2e/store/db.py", "/static/....//app.py",
    "/static/..%5c..%5capp.py", "/static/%252e%252e/app.py", "/static//etc/passwd", "/static/../../../../etc/passwd",
    "/static/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/static/..;/app.py", "/static/.%2e/app.py",
    "/api/articles/..%2f..%2fetc%2fpasswd", "/api/incidents/../../etc/passwd", "/..%2f..%2fetc/passwd",
]  # fmt: skip
INJECTIONS = [
    "' OR '1'='1", "'; DROP TABLE articles; --", "\" OR 1=1 --", "%' UNION SELECT id, text FROM articles --",
    "1) OR (1=1", "\\'; SELECT * FROM pragma_database_list; --", "x' || (SELECT text FROM articles LIMIT 1) || '",
    "'); COPY articles TO '/tmp/x.csv'; --", "NULL", "%", "_", "\x00",
]  # fmt: skip
FILTERS = {
    "/api/events": ["text", "actor", "place", "outlet", "type", "article", "incident"],
    "/api/articles": ["text", "outlet", "language"],
    "/api/incidents": ["text", "type"],
    "/api/actors": ["text", "kind"],
    "/api/places": ["text"],
    "/api/quotes": ["text", "actor", "outlet", "article"],
}


@pytest.mark.parametrize("path", TRAVERSALS)
def test_path_traversal_reaches_no_file_outside_static(handmade_client: TestClient, path: str) -> None:
    response = handmade_client.get(path)
    assert response.status_code in (400, 404, 422), (path, response.status_code)
    assert "import " not in response.text and "root:" not in response.text


@pytest.mark.parametrize("payload", INJECTIONS)
def test_sql_in_filters_is_only_text(handmade_client: TestClient, payload: str) -> None:
    total = handmade_client.get("/api/articles").json()["total"]
    for path, names in FILTERS.items():
        for name in names:
            response = handmade_client.get(path, params={name: payload})
            assert response.status_code in (200, 422), (path, name, payload, response.text[:200])
            if response.status_code == 200:
                assert response.json()["total"] <= max(total, handmade_client.get(path).json()["total"])
    assert handmade_client.get("/api/articles").json()["total"] == total  # nothing dropped or added


def test_no_cross_origin_reads(handmade_client: TestClient) -> None:
    response = handmade_client.get("/api/events", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in response.headers
    preflight = handmade_client.options("/api/articles", headers={
        "Origin": "https://evil.example", "Access-Control-Request-Method": "POST"})  # fmt: skip
    assert "access-control-allow-origin" not in preflight.headers


def test_serve_listens_on_loopback_by_default() -> None:
    from sitrep.cli import serve

    assert inspect.signature(serve.command).parameters["host"].default == "127.0.0.1"
