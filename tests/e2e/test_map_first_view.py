"""The Map page's first view and its clicks on lines and stations (issue #15), in headless Chromium.

A first view a person can read: platforms, parks and rail lines drawn, stations and axes one click
away, city labels above the symbols, the region filling a larger map, the legend closed; the 2+4 areas
as outlines over a choropleth; the entity found by search ringed; a click on a line or a station shows
its card at once (opened by the browser in the click itself, no script run in between).
"""

import pytest

from geo import filters, layers, overlays, search
from tests.e2e.liveapp import app_server, fresh_page, map_frame
from tests.e2e.test_map_page import _settled


@pytest.fixture(scope="module")
def base():
    with app_server() as url:
        yield url


def _clear_point(frame, selector: str) -> tuple[float, float]:
    """A point (frame pixels) on an element matching ``selector`` that nothing else covers there."""
    point = frame.evaluate("""(selector) => {
        for (const el of document.querySelectorAll(selector)) {
            const len = el.getTotalLength ? el.getTotalLength() : 0;
            const m = el.getScreenCTM();
            for (let i = 1; i < 20; i++) {
                let x, y;
                if (len) { const p = el.getPointAtLength(len * i / 20); x = p.x * m.a + m.e; y = p.y * m.d + m.f; }
                else { const r = el.getBoundingClientRect(); x = r.x + r.width / 2; y = r.y + r.height / 2; }
                const size = jjj.map.getSize();
                if (x < 60 || y < 60 || x > size.x - 60 || y > size.y - 60) { continue; }  // clear of the controls
                if (document.elementFromPoint(x, y) === el) { return [x, y]; }
            }
        }
        return null;
    }""", selector)
    assert point, f"no uncovered point on {selector}"
    return point


def _click_in_frame(page, frame, point) -> None:
    """Click at ``point`` (frame pixels), noting whether a popup was already open when the click ended."""
    frame.evaluate("""() => { window.__popupAtClick = null;
        document.addEventListener('click', () => {  // after Leaflet's own handlers on the path
            window.__popupAtClick = document.querySelectorAll('.leaflet-popup').length; }, {once: true}); }""")
    box = page.locator("iframe").first.bounding_box()
    page.mouse.click(box["x"] + point[0], box["y"] + point[1])


def test_the_first_view_draws_the_main_job_with_labels_above_a_map_the_region_fills(base, pw):
    expected = filters.visible_layers(filters.ViewState()).counts()
    with fresh_page(pw, base + "/?lang=en", viewport=(1600, 1000)) as (page, watch):
        frame, _ = map_frame(page, ".jjj-sym-park", expected["parks"])
        _settled(page)
        assert frame.locator(".jjj-sym-platform").count() == expected["platforms"] > 0
        assert frame.locator("path.jjj-line").count() == expected["lines"] > 0
        assert frame.locator(".jjj-station").count() == 0 and frame.locator("path.jjj-axis").count() == 0
        # the minor layers are one click away: their switches are there, unselected
        page.get_by_role("button", name="Stations", exact=True).click()
        frame.locator(".jjj-station").first.wait_for(timeout=15000)
        assert "stations" not in filters.ViewState().overlays and "layers=" in page.url
        # labels in a pane above the symbols (markers and the canvas of big layers), catching no pointer
        z = frame.evaluate("""() => ['jjjLabels', 'markerPane', 'jjjPoints', 'jjjRing'].map(
            p => [+getComputedStyle(jjj.map.getPane(p)).zIndex, getComputedStyle(jjj.map.getPane(p)).pointerEvents])""")
        assert z[0][0] > max(z[1][0], z[2][0], z[3][0]) and z[0][1] == "none"
        assert frame.locator(".jjj-city-label").count() == 13
        # the region fills the map's height; the map is taller than the 640 px it was
        size, region = frame.evaluate("""() => { const b = jjj.provinces.getBounds(), m = jjj.map;
            const a = m.latLngToContainerPoint(b.getNorthWest()), c = m.latLngToContainerPoint(b.getSouthEast());
            return [[m.getSize().x, m.getSize().y], [a.x, a.y, c.x, c.y]]; }""")
        assert size[1] >= 700
        assert region[3] - region[1] >= 0.95 * size[1] and region[1] >= 0 and region[3] <= size[1]
        # the legend is closed (it covered Tangshan and Qinhuangdao) and opens on a click
        assert frame.evaluate("document.querySelector('.jjj-legend details').open") is False
        frame.locator(".jjj-legend summary").click()
        assert frame.evaluate("document.querySelector('.jjj-legend details').open") is True
    assert watch.errors == [] and watch.external == []


def test_a_click_on_a_line_shows_its_card_at_once(base, pw):
    lines = filters.visible_layers(filters.ViewState()).lines
    with fresh_page(pw, base + "/?lang=en") as (page, watch):
        frame, _ = map_frame(page, "path.jjj-line", len(lines))
        _settled(page)
        frame.wait_for_function("() => document.querySelectorAll('path.jjj-strategic_zone').length > 0")
        _click_in_frame(page, frame, _clear_point(frame, "path.jjj-line"))
        popup = frame.locator(".leaflet-popup")
        popup.wait_for(timeout=5000)
        assert frame.evaluate("window.__popupAtClick") == 1  # opened in the click itself: no rerun needed
        text = popup.inner_text()
        assert any(name in text for name in lines["name_en"]) and "Source" in text
        assert any(status in text for status in ("Operating", "Under construction", "Planned"))
        _settled(page)
        assert popup.count() == 1 and "city=" not in page.url  # it stays, and no city was selected
    assert watch.errors == [] and watch.external == []


def test_a_click_on_a_station_shows_its_card_in_chinese(base, pw):
    state = filters.ViewState(overlays=("lines", "stations"))
    shown = filters.visible_layers(state)
    with fresh_page(pw, base + "/?layers=lines,stations") as (page, watch):
        frame, _ = map_frame(page, ".jjj-station", len(shown.stations))
        _settled(page)
        _click_in_frame(page, frame, _clear_point(frame, "path.jjj-station"))
        popup = frame.locator(".leaflet-popup")
        popup.wait_for(timeout=5000)
        assert frame.evaluate("window.__popupAtClick") == 1
        text = popup.inner_text()
        assert any(name in text for name in shown.stations["station_zh"])
        assert "线路" in text and "来源" in text and any(name in text for name in shown.lines["name_zh"])
    assert watch.errors == [] and watch.external == []


def _area_fills(frame) -> list[str]:
    return frame.evaluate("""() => [...document.querySelectorAll('path.jjj-strategic_zone, path.jjj-concentrated_area')]
        .map(p => p.getAttribute('fill'))""")


def test_policy_areas_are_outlines_while_a_choropleth_is_on(base, pw):
    with fresh_page(pw, base + "/?lang=en&indicator=gdp") as (page, watch):
        frame, _ = map_frame(page, "path.jjj-strategic_zone", 2)
        _settled(page)
        frame.wait_for_function("() => jjj.cityStyle && jjj.cityStyle[0] && Object.keys(jjj.cityStyle[0]).length")
        fills = _area_fills(frame)
        assert len(fills) >= 6 and set(fills) == {"none"}
        page.goto(base + "/?lang=en")  # the same view without a choropleth: the areas are filled
        frame, _ = map_frame(page, "path.jjj-strategic_zone", 2)
        _settled(page)
        fills = _area_fills(frame)
        assert len(fills) >= 6 and "none" not in fills
    assert watch.errors == [] and watch.external == []


def test_the_platform_found_by_search_is_ringed_where_its_symbol_is(base, pw):
    query = "Xinfadi"
    found = search.find_places(query)["id"].iloc[0]
    state = filters.ViewState()
    shown = filters.visible_layers(state)
    spread = [layer.id for layer in layers.LAYERS if layer.spread]
    offsets = dict(zip(spread, overlays.spread_offsets(*(shown[i] for i in spread))))
    lat, lon, offset = overlays.highlight_point(shown, offsets, found)
    with fresh_page(pw, base + "/?lang=en") as (page, watch):
        frame, _ = map_frame(page, ".jjj-sym-platform", 1)
        _settled(page)
        assert frame.locator(".jjj-highlight").count() == 0  # nothing chosen yet
        page.get_by_label("Find a platform or park").first.fill(query)
        page.keyboard.press("Enter")
        frame.locator(".jjj-highlight").wait_for(timeout=15000)
        _settled(page)
        frame.wait_for_timeout(500)  # the flight to the found place ends
        ring, symbols, expected = frame.evaluate("""([lat, lon]) => {
            const centre = el => {
                const r = el.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; };
            const p = jjj.map.latLngToContainerPoint([lat, lon]);
            return [centre(document.querySelector('.jjj-highlight')),
                    [...document.querySelectorAll('.jjj-sym-platform')].map(centre), [p.x, p.y]]; }""", [lat, lon])
        want = (expected[0] + offset[0], expected[1] + offset[1])
        assert abs(ring[0] - want[0]) <= 2 and abs(ring[1] - want[1]) <= 2
        assert any(abs(s[0] - ring[0]) <= 2 and abs(s[1] - ring[1]) <= 2 for s in symbols)  # around the symbol
        assert frame.locator(".jjj-highlight").count() == 1
    assert watch.errors == [] and watch.external == []
