"""The API against the real app over real stores: a handmade one with known facts, and the seed plus the
Wikinews corpus through the whole line (slow; built once per session)."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import duckdb
import pytest
from fastapi.testclient import TestClient

from sitrep.store.schema import typed_select
from sitrep.web.app import create_app
from sitrep.web.store import Store
from tests.web import handmade

LISTS = ["/api/events", "/api/articles", "/api/incidents", "/api/actors", "/api/places", "/api/quotes"]
ARTICLE_IDS = [a.id for a in handmade.ARTICLES] + ["art-xss"]


def spans_match(article: dict[str, Any]) -> list[str]:
    """Every fact whose recorded words are not the words at its offsets."""
    text, bad = article["text"], []
    for kind in ("times", "mentions", "quotes"):
        bad += [f"{kind} {f}" for f in article[kind] if text[f["start"] : f["end"]] != f["text"]]
    for e in article["events"]:
        if text[e["trigger_start"] : e["trigger_end"]] != e["trigger_text"]:
            bad.append(f"trigger {e}")
        bad += [f"evidence {ev}" for ev in e["evidence"] if text[ev["start"] : ev["end"]] != ev["text"]]
    return bad


@pytest.mark.parametrize("path", LISTS)
def test_lists_page_shape(handmade_client: TestClient, path: str) -> None:
    body = handmade_client.get(path, params={"limit": 2}).json()
    assert set(body) == {"items", "total", "limit", "offset"}
    assert body["limit"] == 2 and body["offset"] == 0 and len(body["items"]) <= 2 <= body["total"] + 2
    assert body["total"] >= len(body["items"])


def test_events_pagination_walks_every_row_once(handmade_client: TestClient) -> None:
    total = handmade_client.get("/api/events").json()["total"]
    seen = [handmade_client.get("/api/events", params={"limit": 1, "offset": i}).json()["items"][0]["id"]
            for i in range(total)]  # fmt: skip
    assert len(set(seen)) == total == 7


@pytest.mark.parametrize("article_id", ARTICLE_IDS)
def test_article_every_fact_points_at_its_words(handmade_client: TestClient, article_id: str) -> None:
    article = handmade_client.get(f"/api/articles/{article_id}").json()
    assert article["events"] and article["mentions"] and article["times"]
    assert spans_match(article) == []


def test_article_facts_equal_the_records(handmade_client: TestClient) -> None:
    record = handmade.ARTICLES[0]
    article = handmade_client.get(f"/api/articles/{record.id}").json()
    assert [(e["id"], e["modality"], e["place_name"]) for e in article["events"]] == [
        (e.id, e.modality, e.place.name if e.place else None) for e in record.events
    ]
    assert {m["actor_name"] for m in article["mentions"] if m["kind"] == "actor"} == {
        m.actor.name for m in record.mentions
    }
    assert article["quotes"][0]["text"] == record.quotes[0].text


@pytest.mark.parametrize(
    ("params", "check"),
    [
        ({"modality": "hypothetical"}, lambda e: e["modality"] == "hypothetical"),
        ({"located": "true"}, lambda e: e["lat"] is not None and e["lon"] is not None),
        ({"located": "false"}, lambda e: e["lat"] is None),
        ({"type": "assault"}, lambda e: e["plover_type"] == "ASSAULT"),
        ({"country": "IQ"}, lambda e: e["place_country"] == "IQ"),
        ({"country": "USA"}, lambda e: e["target_country"] == "USA"),
        ({"bbox": "44,33,45,34"}, lambda e: e["place_name"] == "Baghdad"),
        ({"bbox": "44,34,45,33"}, lambda e: e["place_name"] == "Baghdad"),
        ({"bbox": "170,-90,45,90"}, lambda e: e["place_name"] == "Baghdad"),
        ({"outlet": "Wikinews"}, lambda e: e["publisher"] == "Wikinews"),
        ({"text": "retaliate"}, lambda e: e["trigger_text"] == "retaliate"),
        ({"actor": "IRN"}, lambda e: e["source_actor_id"] == "IRN"),
        ({"place": "Basra"}, lambda e: e["place_name"] == "Basra"),
        ({"incident": handmade.INCIDENT}, lambda e: e["incident_id"] == handmade.INCIDENT),
        ({"since": "2020-11-17", "until": "2020-11-17"}, lambda e: e["date"] == "2020-11-17"),
    ],
)
def test_events_filters_select_matching_rows(
    handmade_client: TestClient, params: dict[str, str], check: Any
) -> None:
    body = handmade_client.get("/api/events", params=params).json()
    assert body["items"] and all(check(e) for e in body["items"])
    assert body["total"] < 7 or params.get("since")


@pytest.mark.parametrize(("params", "total"), [({"since": "2020-11-18"}, 0), ({"until": "2020-11-16"}, 0)])
def test_events_date_range_excludes(handmade_client: TestClient, params: dict[str, str], total: int) -> None:
    assert handmade_client.get("/api/events", params=params).json()["total"] == total


def test_incident_lists_its_reports(handmade_client: TestClient) -> None:
    listed = handmade_client.get("/api/incidents").json()["items"]
    assert [(i["id"], i["article_count"], i["outlet_count"]) for i in listed] == [(handmade.INCIDENT, 2, 2)]
    incident = handmade_client.get(f"/api/incidents/{handmade.INCIDENT}").json()
    assert {a["publisher"] for a in incident["articles"]} == {"Wikinews", "Middle East Eye"}
    assert (
        all(e["incident_id"] == handmade.INCIDENT for e in incident["events"])
        and len(incident["events"]) == 2
    )


def test_incident_events_say_why_they_were_joined(handmade_client: TestClient) -> None:
    events = handmade_client.get(f"/api/incidents/{handmade.INCIDENT}").json()["events"]
    why = {e["publisher"]: e["why"] for e in events}
    assert why["Wikinews"] is None  # the first report
    assert why["Middle East Eye"]["actors"] == [handmade.PMF.name]  # by name, not record id
    assert why["Middle East Eye"]["place"] == "same place (Baghdad)"


def test_stats_counts_add_up(handmade_client: TestClient) -> None:
    stats = handmade_client.get("/api/stats").json()
    assert stats["totals"]["events"] == stats["events"] == 7
    for group in ("by_type", "by_week", "by_modality", "by_country"):
        assert sum(r["n"] for r in stats[group]) == 7, group
    assert {r["week"] for r in stats["by_week"]} == {"2020-11-16"}
    assert stats["store"]["backend"] == "duckdb" and stats["store"]["generation"]
    assert stats["store"]["accepts_articles"] is False and stats["store"]["writing"] is False
    filtered = handmade_client.get("/api/stats", params={"modality": "negated"}).json()
    assert filtered["events"] == 2 and filtered["totals"]["events"] == 7


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("GET", "/api/nothing", 404),
        ("GET", "/api/articles/no-such-id", 404),
        ("GET", "/api/incidents/no-such-id", 404),
        ("GET", "/api/events?limit=0", 422),
        ("GET", "/api/events?since=yesterday", 422),
        ("GET", "/api/events?modality=maybe", 422),
        ("GET", "/api/events?bbox=1,2", 422),
        ("GET", "/api/events?bbox=a,b,c,d", 422),
        ("GET", "/api/events?until=2020-11-19&until=2020-11-20", 422),  # one value each, never the last
        ("GET", "/api/articles?since=0.0", 422),  # a number is no day (pydantic would read a Unix time)
        ("DELETE", "/api/events", 405),
        ("POST", "/api/articles", 403),
    ],
)
def test_errors_share_one_shape(handmade_client: TestClient, method: str, path: str, status: int) -> None:
    response = handmade_client.request(method, path, json={"text": "x"})
    assert response.status_code == status
    error = response.json()["error"]
    assert error["status"] == status and error["code"] and error["message"]


def test_openapi_lists_every_resource(handmade_client: TestClient) -> None:
    paths = handmade_client.get("/openapi.json").json()["paths"]
    assert {*LISTS, "/api/articles/{article_id}", "/api/incidents/{incident_id}", "/api/stats"} <= set(paths)
    assert "post" in paths["/api/articles"]


def test_page_and_assets_are_served_with_a_strict_csp(handmade_client: TestClient) -> None:
    page = handmade_client.get("/")
    csp = page.headers["content-security-policy"]
    assert page.status_code == 200 and "script-src 'self'" in csp and "unsafe" not in csp
    for asset in ("/static/js/main.js", "/static/vendor/leaflet/leaflet.js",
                  "/static/vendor/world-atlas/countries-110m.json"):  # fmt: skip
        assert handmade_client.get(asset).status_code == 200, asset
    assert "http" not in page.text.replace("http-equiv", "")  # nothing from another host


def test_parquet_backend_answers_like_duckdb(
    handmade_db: Path, handmade_client: TestClient, tmp_path: Path
) -> None:
    """Spark's layout (docs/spark.md): a folder per table, most partitioned by month."""
    con = duckdb.connect(str(handmade_db), read_only=True)
    for table in ("actors", "places", "rejects"):  # typed as Spark writes them (docs/data.md)
        con.execute(
            f"COPY ({typed_select(table)}) TO '{tmp_path / table}' (FORMAT PARQUET, PER_THREAD_OUTPUT)"
        )
    monthly = {
        "articles": typed_select("articles"), "events": typed_select("events"),
        "incidents": f"SELECT *, strftime(date_from, '%Y-%m') AS published_month FROM ({typed_select('incidents')})",
        **{t: f"SELECT t.*, a.published_month FROM ({typed_select(t)}) t JOIN articles a ON a.id = t.article_id"
           for t in ("times", "mentions", "quotes")},
    }  # fmt: skip
    for table, select in monthly.items():  # Spark's layout: the month as a Hive partition, one column more
        con.execute(
            f"COPY ({select}) TO '{tmp_path / table}' (FORMAT PARQUET, PARTITION_BY (published_month))"
        )
    con.close()
    parquet = TestClient(create_app(Store.from_parquet(tmp_path)))
    for path in ["/api/events?limit=100", "/api/incidents/inc-green-zone", f"/api/articles/{ARTICLE_IDS[0]}",
                 "/api/articles?limit=100"]:  # fmt: skip
        assert parquet.get(path).json() == handmade_client.get(path).json(), path
    assert parquet.get("/api/stats").json()["by_type"] == handmade_client.get("/api/stats").json()["by_type"]
    assert parquet.post("/api/articles", json={"text": "x"}).status_code == 403


WRITER = """
import sys, time
from sitrep.store import db
from tests.web import handmade
for i in range(15):
    with db.writer_lock(sys.argv[1]):
        con = db.connect(sys.argv[1])
        db.write(con, [handmade.rocket_article(f"Outlet {i}", f"https://example.org/{i}", "Later:")])
        con.close()
    time.sleep(0.05)
"""


def test_store_written_by_another_process_is_served(tmp_path: Path) -> None:
    path = handmade.build(tmp_path / "busy.duckdb")
    client = TestClient(create_app(Store.from_duckdb(path)))
    before = client.get("/api/status").json()["generation"]
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], cwd=Path(__file__).parents[2])
    statuses: list[int] = []
    while writer.poll() is None:
        statuses.append(client.get("/api/stats").status_code)
    assert writer.returncode == 0
    assert statuses and set(statuses) == {200}
    after = client.get("/api/stats").json()
    assert after["totals"]["articles"] == 3 + 15 and after["store"]["generation"] != before


def test_readers_in_threads_do_not_collide(handmade_client: TestClient) -> None:
    codes: list[int] = []

    def read() -> None:
        codes.extend(handmade_client.get(p).status_code for p in LISTS)

    threads = [threading.Thread(target=read) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert codes == [200] * 4 * len(LISTS)


def test_events_newest_first(tmp_path: Path) -> None:
    from sitrep.store import db
    from tests.linking.conftest import make_article, make_event, write

    con = db.connect(tmp_path / "s.duckdb")
    for day in ("2019-05-01", "2021-02-03", "2020-07-08"):
        text = f"Rebels attacked the town on {day}."
        write(con, make_article(text, published=day, events=(make_event(text, "attacked", day=day),)))
    con.close()
    with TestClient(create_app(Store.from_duckdb(tmp_path / "s.duckdb"))) as client:

        def days(order: str) -> list[str]:
            return [e["date"] for e in client.get("/api/events", params={"order": order}).json()["items"]]

        assert days("newest") == ["2021-02-03", "2020-07-08", "2019-05-01"] == days("oldest")[::-1]
        assert client.get("/api/events", params={"order": "sideways"}).status_code == 422


def test_incidents_and_stats_follow_the_event_filters(handmade_client: TestClient) -> None:
    def listed(**params: str) -> list[str]:
        return [i["id"] for i in handmade_client.get("/api/incidents", params=params).json()["items"]]

    assert listed() == listed(text="hit") == listed(modality="asserted") == [handmade.INCIDENT]
    assert listed(text="Basra") == listed(modality="negated") == listed(country="IRN") == []
    stats = handmade_client.get("/api/stats", params={"text": "Basra"}).json()
    assert (stats["events"], stats["articles"], stats["totals"]["articles"]) == (3, 3, 3)
    assert handmade_client.get("/api/stats", params={"modality": "hypothetical"}).json()["articles"] == 2


@pytest.mark.parametrize("needle", ["%", "_", "%%", "\\"])
@pytest.mark.parametrize("path", ["/api/articles", "/api/events", "/api/quotes", "/api/incidents"])
def test_text_filter_wildcards_are_literal(handmade_client: TestClient, handmade_db: Path, path: str,
                                           needle: str) -> None:  # fmt: skip
    import duckdb

    con = duckdb.connect(str(handmade_db), read_only=True)
    try:
        anything = con.execute(
            "SELECT count(*) FROM articles WHERE instr(title || text, ?) > 0", [needle]
        ).fetchone()
    finally:
        con.close()
    total = handmade_client.get(path, params={"text": needle}).json()["total"]
    assert total == 0 or anything[0] > 0  # type: ignore[index]
    assert total < handmade_client.get(path).json()["total"]
