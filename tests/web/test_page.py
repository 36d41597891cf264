"""The page in headless Chromium (Debian's chromium driven by playwright): map, timeline, filters,
incident and article views, highlights, and untrusted text that stays text."""

from __future__ import annotations

import csv
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.web import handmade

ROOT = Path(__file__).resolve().parents[2]
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    chromium = shutil.which("chromium")
    if chromium is None:
        pytest.skip(
            "SKIPPED LOUDLY: no 'chromium' on PATH; install Debian's chromium and chromium-driver (.ci/run does)"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, args=ARGS)
        yield b
        b.close()


class Page:
    """A browser tab that records every console error, page error, dialog and failed request."""

    def __init__(self, browser: Any, base: str) -> None:
        self.base = base
        self.problems: list[str] = []
        self.tab = browser.new_page(viewport={"width": 1400, "height": 1000})
        self.tab.on("console", lambda m: m.type == "error" and self.problems.append(f"console: {m.text}"))
        self.tab.on("pageerror", lambda e: self.problems.append(f"pageerror: {e}"))
        self.tab.on("dialog", lambda d: (self.problems.append(f"dialog: {d.message}"), d.dismiss()))
        self.tab.on("response", lambda r: r.status >= 400 and self.problems.append(f"{r.status} {r.url}"))
        self.tab.on("request", lambda r: r.url.startswith(base) or self.problems.append(f"off-site {r.url}"))

    def open(self, route: str = "") -> Any:
        self.tab.goto(f"{self.base}/{route}")
        self.tab.wait_for_selector("body[data-ready=true]", state="attached", timeout=20_000)
        return self.tab

    def count(self, selector: str) -> int:
        return int(self.tab.locator(selector).count())


@pytest.fixture
def page(browser: Any, handmade_server: str) -> Iterator[Page]:
    p = Page(browser, handmade_server)
    yield p
    p.tab.close()


ON_MAP = (
    "[...document.querySelectorAll('.marker-cluster span')].reduce((s, n) => s + Number(n.textContent), 0)"
    " + document.querySelectorAll('.event-marker').length"
)


def on_map(tab: Any, expected: int) -> int:
    """Events on the map: single markers plus the numbers on the clusters, once the map shows `expected`.
    It is read after waiting because the counts line is written before the clusters are redrawn, and while
    fitBounds zooms, the clusters of the old zoom level and the new one are both in the page for a moment."""
    tab.wait_for_function(f"() => ({ON_MAP}) === {expected}", timeout=10_000)
    return int(tab.evaluate(ON_MAP))


def changed(tab: Any, selector: str, before: str | None) -> None:
    """Wait until the text of `selector` is no longer `before` (a request the page sent has come back)."""
    tab.wait_for_function(
        "([s, b]) => { const n = document.querySelector(s); return !!n && n.textContent !== b; }",
        arg=[selector, before],
        timeout=30_000,
    )


def test_page_map_timeline_filters_incident_article(page: Page) -> None:
    tab = page.open()
    expect(tab.locator("#counts")).to_contain_text("the map shows all 5 located events")
    assert on_map(tab, 5) == 5  # the events with coordinates
    assert page.count("#timeline rect.bar") == 2  # one week, two types
    assert page.count("#incidents li") == 1
    tab.select_option("select[name=modality]", "negated")
    tab.click("#filters button[type=submit]")
    expect(tab.locator("#counts")).to_contain_text("all 2 located")
    assert on_map(tab, 2) == 2
    assert tab.text_content("#counts").startswith("2 events in 2 articles")
    tab.click("#filters button[type=reset]")
    expect(tab.locator("#counts")).to_contain_text("all 5 located")

    tab.click("a.incident-link")
    tab.wait_for_selector("#detail ol.reports li")
    assert page.count("#detail ol.reports li") == 2
    assert "2 articles from 2 outlets" in tab.text_content("#detail .meta")
    tab.click("#detail ol.reports a.article-link >> text=Wikinews")
    tab.wait_for_selector(".article-text .hl-event")
    for kind, n in [("hl-event", 3), ("hl-actor", 3), ("hl-place", 2), ("hl-time", 1), ("hl-quote", 1)]:
        assert page.count(f".article-text .{kind}") >= n, kind
    assert page.count(".article-text .hl-event.mod-hypothetical") == 1
    assert page.count(".article-text .hl-event.mod-negated") == 1
    text = tab.text_content(".article-text")
    assert text == handmade.ARTICLES[0].text  # highlighting adds marks, never changes the words
    assert tab.get_attribute(".credit a >> text=Wikinews", "href") == handmade.ARTICLES[0].url
    tab.click(".article-text .hl-event.mod-hypothetical")  # the words lead to their row in the record
    assert "retaliate" in tab.text_content("#detail tr.picked")
    assert "hypothetical" in tab.text_content("#detail tr.picked")
    assert page.problems == []


def test_page_article_with_markup_payloads_runs_nothing(page: Page) -> None:
    tab = page.open("#/article/art-xss")
    tab.wait_for_selector(".article-text .hl-event")
    tab.fill("input[name=text]", "attacked")  # the one event of this article, alone on the map
    tab.click("#filters button[type=submit]")
    expect(tab.locator("#counts")).to_contain_text("all 1 located")
    tab.click(".event-marker >> nth=0", force=True)  # open popups: they carry the place name too
    tab.wait_for_timeout(300)
    assert tab.evaluate("window.__xss") is None
    assert page.count("#detail script, #detail img, .leaflet-popup img") == 0
    assert handmade.XSS in tab.text_content(".article-title")
    assert tab.text_content(".article-text") == handmade.xss_article().text
    assert page.count(".credit") == 0  # a javascript: url never becomes a link
    assert "null" not in tab.text_content("#detail")
    assert tab.evaluate("[...document.querySelectorAll('a')].every(a => !a.href.startsWith('javascript'))")
    assert page.problems == []


def test_page_says_when_data_is_stale(browser: Any, tmp_path: Path) -> None:
    from sitrep.store import db
    from tests.web.conftest import serve

    path = handmade.build(tmp_path / "live.duckdb")
    proc, base = serve("--db", str(path))
    try:
        page = Page(browser, base)
        tab = page.open()
        assert tab.is_hidden("#banner")
        with db.writer_lock(path):
            con = db.connect(path)
            db.write(con, [handmade.rocket_article("Late Outlet", "https://example.org/late", "Late:")])
            con.close()
        tab.wait_for_selector("#banner >> text=changed since this page loaded", timeout=15_000)
        tab.click("#banner button")

        expect(tab.locator("#counts")).to_contain_text("all 7 located")
        assert page.problems == []
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def walk_through(tab: Any) -> None:
    """The README's walk-through on the page: filter, 1000 rows per page, Download CSV."""
    tab.select_option("select[name=type]", "ASSAULT")
    tab.select_option("select[name=country]", "IQ")
    tab.fill("input[name=since]", "2020-01-01")
    tab.fill("input[name=until]", "2020-01-31")
    before = tab.text_content("#events .table-count")
    tab.click("#filters button[type=submit]")
    changed(tab, "#events .table-count", before)
    tab.select_option("#page-size", "1000")
    expect(tab.locator("#events .table-count")).to_contain_text("newest first")
    tab.wait_for_function(  # the page of 1000 has come back: it shows min(total, 1000) rows
        """() => { const m = /events 1–(\\d+) of (\\d+)/.exec(
            document.querySelector('#events .table-count').textContent);
          return !!m && Number(m[1]) === Math.min(Number(m[2]), 1000); }""",
        timeout=30_000,
    )
    with tab.expect_download() as got:
        tab.click("#events button.download-csv")
    rows = list(csv.DictReader(Path(got.value.path()).read_text(encoding="utf-8").splitlines()))
    assert rows and {r["plover_type"] for r in rows} == {"ASSAULT"}
    assert all(r["date"].startswith(("2019-12", "2020")) for r in rows)


@pytest.mark.slow
def test_page_over_the_corpus_and_screenshot(browser: Any, corpus_db: Path) -> None:
    """Real data from the line: whatever it found is drawn; the README's screenshot is made here."""
    import httpx

    from tests.web.conftest import serve

    proc, base = serve("--db", str(corpus_db))
    try:
        api = httpx.Client(base_url=base, timeout=30)
        located = api.get("/api/events", params={"limit": 1, "located": True}).json()["total"]
        weeks = [r for r in api.get("/api/stats").json()["by_week"] if r["week"]]
        page = Page(browser, base)
        page.tab.set_viewport_size({"width": 1400, "height": 1500})
        tab = page.open()
        expect(tab.locator("#counts")).to_contain_text(f"all {located} located", timeout=30_000)
        assert 0 < page.count("#timeline rect.bar") <= len(weeks)
        incidents = api.get("/api/incidents", params={"limit": 1}).json()["items"]
        if incidents:
            tab.click("a.incident-link >> nth=0")
            reports = api.get(f"/api/incidents/{incidents[0]['id']}").json()["articles"]
            expect(tab.locator("#detail ol.reports li")).to_have_count(len(reports))
        seed = api.get(
            "/api/articles", params={"text": "Qaani", "since": "2020-11-19", "until": "2020-11-19"}
        )
        article = api.get(f"/api/articles/{seed.json()['items'][0]['id']}").json()
        tab.goto(f"{base}/#/article/{article['id']}")
        tab.wait_for_selector(".article-text")
        assert page.count(".article-text .hl") >= min(1, len(article["events"]) + len(article["mentions"]))
        assert tab.text_content(".article-text") == article["text"]
        assert page.count("#detail .records tbody tr") == sum(
            len(article[k]) for k in ("events", "quotes", "times", "mentions")
        )
        walk_through(tab)  # the README's: Iraqi ASSAULT events of January 2020 as a CSV
        tab.goto(f"{base}/#/article/{article['id']}")
        tab.wait_for_selector(".article-text")
        (ROOT / "docs").mkdir(exist_ok=True)
        tab.set_viewport_size({"width": 390, "height": 844})
        tab.evaluate("document.getElementById('detail').scrollIntoView()")
        tab.wait_for_timeout(500)
        tab.screenshot(path=str(ROOT / "docs" / "screenshot-article-phone.png"))
        for (width, height), name in (((1280, 800), "screenshot.png"), ((390, 844), "screenshot-phone.png")):
            tab.set_viewport_size({"width": width, "height": height})
            page.open()
            expect(tab.locator("#counts")).to_contain_text(f"all {located} located", timeout=30_000)
            tab.wait_for_timeout(1000)  # the clusters' fade-in
            tab.screenshot(path=str(ROOT / "docs" / name))
        assert page.problems == []
    finally:
        proc.terminate()
        proc.wait(timeout=10)
