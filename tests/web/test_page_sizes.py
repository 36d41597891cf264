"""The page at a laptop's 1280×800 and a phone's 390×844: outlines, the time axis, the counts and lists that
follow every filter, the incident and article views, keyboard access to the markers, and the events table
with its downloads."""

from __future__ import annotations

import csv
import itertools
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.web import handmade
from tests.web.test_page import Page, browser  # noqa: F401  (browser is a fixture)

pytestmark = pytest.mark.browser
SIZES = [pytest.param((1280, 800), id="1280x800"), pytest.param((390, 844), id="390x844")]


@pytest.fixture(params=SIZES)
def page(request: pytest.FixtureRequest, browser: Any, handmade_server: str) -> Iterator[Page]:  # noqa: F811
    p = Page(browser, handmade_server)
    width, height = request.param
    p.tab.set_viewport_size({"width": width, "height": height})
    yield p
    p.tab.close()


def apply(tab: Any, **fields: str) -> None:
    for name, value in fields.items():
        if name in ("type", "modality", "country"):
            tab.select_option(f"select[name={name}]", value)
        else:
            tab.fill(f"input[name={name}]", value)
    tab.click("#filters button[type=submit]")


def fits(tab: Any) -> bool:
    return bool(tab.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))


def test_outlines_never_cross_the_map(page: Page) -> None:
    """Rings that cross the antimeridian are split: no edge spans more than half the world, except around
    a pole (Antarctica's edge along the bottom of the map)."""
    tab = page.open()
    worst = tab.evaluate(
        """async () => {
        const { splitAtAntimeridian } = await import('/static/js/map.js');
        const atlas = await (await fetch('/static/vendor/world-atlas/countries-110m.json')).json();
        const split = splitAtAntimeridian(topojson.feature(atlas, atlas.objects.countries));
        const raw = topojson.feature(atlas, atlas.objects.countries);
        const widest = (fc) => {
          let w = 0;
          for (const f of fc.features) {
            const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
            for (const ring of polys.flat()) for (let i = 1; i < ring.length; i++) {
              if (Math.abs(ring[i][1]) > 80 || Math.abs(ring[i - 1][1]) > 80) continue;
              w = Math.max(w, Math.abs(ring[i][0] - ring[i - 1][0]));
            }
          }
          return w;
        };
        return [widest(raw), widest(split)];
    }"""
    )
    assert worst[0] > 180  # the data does cross, so the test can fail
    assert worst[1] < 180
    assert page.count("path.country") > 100 and page.problems == []


def test_time_axis_leaves_gaps_and_labels_do_not_overlap(page: Page) -> None:
    tab = page.open()
    geometry = tab.evaluate(
        """async () => {
        const { drawTimeline } = await import('/static/js/timeline.js');
        const node = document.getElementById('timeline');
        const weeks = [{week: '2019-01-07', type: 'ASSAULT', n: 3}, {week: '2019-03-04', type: 'ASSAULT', n: 1},
                       {week: '2020-12-28', type: 'AID', n: 2}];
        drawTimeline(node, weeks);
        const bars = [...node.querySelectorAll('rect.bar')].map((r) => r.getBBox());
        const labels = [...node.querySelectorAll('text.tick-label')].map((t) => t.getBoundingClientRect());
        const box = node.getBoundingClientRect();
        return { bars: bars.map((b) => [b.x, b.width]), labels: labels.map((l) => [l.left, l.right]),
                 box: [box.left, box.right] };
    }"""
    )
    (x1, w1), (x2, _), (x3, _) = geometry["bars"]
    assert abs((x2 - x1) - 8 * (w1 + 1)) < 2  # eight weeks apart on the axis, seven of them empty
    assert x3 - x2 > 10 * (x2 - x1)  # almost two years later
    labels = geometry["labels"]
    assert len(labels) >= 2
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(labels))  # no overlap
    left, right = geometry["box"]
    assert all(left <= lab[0] - 2 and lab[1] <= right + 2 for lab in labels)


def test_counts_incidents_and_table_follow_every_filter(page: Page) -> None:
    tab = page.open()
    expect(tab.locator("#counts")).to_have_text(
        "7 events in 3 articles · the map shows all 5 located events"
    )  # fmt: skip
    expect(tab.locator("#events tbody tr")).to_have_count(7)
    apply(tab, text="Basra")  # the negated attacks on the port, and the event placed in "Basra<script>…"
    expect(tab.locator("#counts")).to_contain_text("3 events in 3 articles")
    expect(tab.locator("#incidents li")).to_have_text(["No incidents match."])
    expect(tab.locator("#events tbody tr")).to_have_count(3)
    apply(tab, text="hit")
    expect(tab.locator("#counts")).to_contain_text("6 events in 2 articles")  # the trigger, and the titles
    expect(tab.locator("#incidents a.incident-link")).to_have_count(1)
    apply(tab, text="", modality="hypothetical")
    expect(tab.locator("#incidents li")).to_have_text(["No incidents match."])
    assert page.problems == []


def test_outlet_counts_agree_and_ranks_are_not_clipped(page: Page) -> None:
    tab = page.open()
    assert "2 outlets" in tab.text_content("#incidents .meta")
    tab.click("a.incident-link")
    expect(tab.locator("#detail .meta")).to_contain_text("from 2 outlets")
    clipped = tab.evaluate(
        """async () => {
        const { showIncidents } = await import('/static/js/views.js');
        const list = document.getElementById('incidents');
        const items = Array.from({ length: 120 }, (_, i) => ({ id: `i${i}`, plover_type: 'ASSAULT',
          place_name: 'Baghdad', date_from: '2020-01-01', article_count: 2, outlet_count: 2 }));
        showIncidents(list, { items, offset: 0 });
        const left = list.getBoundingClientRect().left;
        return [...list.querySelectorAll('.rank')].filter((r) =>
          r.getBoundingClientRect().left < left || r.scrollWidth > r.clientWidth).map((r) => r.textContent);
    }"""
    )
    assert clipped == []


def test_article_view_fits_its_column(page: Page) -> None:
    tab = page.open(f"#/article/{handmade.ARTICLES[0].id}")
    tab.wait_for_selector(".article-text .hl-event")
    assert fits(tab)
    sizes = tab.evaluate(
        """() => {
        const right = (s) => document.querySelector(s).getBoundingClientRect().right;
        return { text: right('.article-text'), record: right('.record'), detail: right('#detail'),
                 view: window.innerWidth };
    }"""
    )
    assert sizes["text"] <= sizes["detail"] and sizes["record"] <= sizes["detail"] <= sizes["view"]


def test_markers_are_reached_and_opened_by_keyboard(page: Page) -> None:
    tab = page.open()
    apply(tab, text="attacked")
    expect(tab.locator("#counts")).to_contain_text("all 1 located")
    marker = tab.locator(".event-marker")
    expect(marker).to_have_attribute("tabindex", "0")
    tab.locator("#map").focus()
    for _ in range(20):  # Tab from the map to its first marker
        tab.keyboard.press("Tab")
        if tab.evaluate("document.activeElement.classList.contains('event-marker')"):
            break
    assert tab.evaluate("document.activeElement.classList.contains('event-marker')")
    tab.keyboard.press("Enter")
    expect(tab.locator(".leaflet-popup")).to_be_visible()
    assert "PROTEST" in tab.text_content(".leaflet-popup")


def test_download_gives_exactly_the_rows_shown(page: Page) -> None:
    tab = page.open()
    apply(tab, modality="negated")
    expect(tab.locator("#events tbody tr")).to_have_count(2)
    shown = tab.eval_on_selector_all(
        "#events tbody tr", "rows => rows.map(r => r.lastChild.previousSibling.textContent)"
    )
    with tab.expect_download() as got:
        tab.click("#events button.download-csv")
    rows = list(csv.DictReader(Path(got.value.path()).read_text(encoding="utf-8").splitlines()))
    assert [r["id"] for r in rows] == shown and {r["modality"] for r in rows} == {"negated"}
    assert list(rows[0])[:3] == ["date", "plover_type", "modality"]
    with tab.expect_download() as got:
        tab.click("#events button.download-json")
    items = json.loads(Path(got.value.path()).read_text(encoding="utf-8"))
    assert [r["id"] for r in items] == shown and set(items[0]) == set(rows[0])
    assert page.problems == []
