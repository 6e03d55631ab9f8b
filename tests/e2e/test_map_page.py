"""The Map page in headless Chromium: filters redraw in place, a click links the city panel, and a
copied URL reproduces the view."""

import numpy as np
import pytest
import shapely

from geo import boundaries, filters
from tests.e2e.liveapp import app_server, fresh_page, map_frame


@pytest.fixture(scope="module")
def base():
    with app_server() as url:
        yield url


def _settled(page):
    page.wait_for_timeout(300)
    page.wait_for_selector('[data-test-script-state="notRunning"]')


def _symbols(frame, kind="platform"):
    return frame.locator(f".jjj-sym-{kind}").count()


def _wait_count(frame, kind, predicate, timeout_ms=15000):
    step = 100
    for _ in range(timeout_ms // step):
        if predicate(_symbols(frame, kind)):
            return _symbols(frame, kind)
        frame.page.wait_for_timeout(step)
    raise AssertionError(f"{kind} count stayed at {_symbols(frame, kind)}")


def _empty_spot(city_code: str, state: filters.ViewState) -> tuple[float, float]:
    """(lat, lon) inside the city and as far as possible from anything drawn, so a click hits the city."""
    city = boundaries.cities().set_index("code").loc[city_code].geometry.buffer(-0.05)
    layers = filters.visible_layers(state)
    drawn = shapely.union_all([g for name in layers.counts() for g in layers[name].geometry]
                              + list(boundaries.label_points("cities").geometry))
    west, south, east, north = city.bounds
    grid = [shapely.Point(x, y) for x in np.arange(west, east, 0.05) for y in np.arange(south, north, 0.05)]
    best = max((p for p in grid if city.contains(p)), key=drawn.distance)
    return best.y, best.x


def _click_map_at(page, frame, lat: float, lon: float) -> None:
    x, y = frame.evaluate("""([lat, lon]) => { const p = jjj.map.latLngToContainerPoint([lat, lon]);
        const r = jjj.map.getContainer().getBoundingClientRect(); return [p.x + r.x, p.y + r.y]; }""", [lat, lon])
    box = page.locator("iframe").first.bounding_box()
    page.mouse.click(box["x"] + x, box["y"] + y)


def _panel_city(page):
    box = page.locator('[data-testid="stSelectbox"]').filter(has_text="Choose a city")
    return box.locator("input").input_value()


def test_a_filter_change_redraws_the_symbols_without_remounting_the_map(base, pw):
    with fresh_page(pw, base + "/?lang=en") as (page, watch):
        frame, _ = map_frame(page, ".jjj-sym-park", 10)
        _settled(page)
        before = _symbols(frame, "park")
        frame.evaluate("window.__sameDocument = true")
        page.get_by_role("button", name="Co-built parks").first.click()  # switch the parks layer off
        after = _wait_count(frame, "park", lambda n: n == 0)
        assert before >= 10 and after == 0
        assert frame.evaluate("window.__sameDocument === true"), "the map was remounted"
        assert frame.locator("path.jjj-county").count() > 150
        assert "Co-built parks" not in page.get_by_text("Shown:").inner_text()
    assert watch.errors == [] and watch.external == []


def test_clicking_a_city_opens_its_panel_and_the_url_reproduces_the_view(base, pw):
    with fresh_page(pw, base + "/?lang=en&type=innovation,manufacturing") as (page, watch):
        frame, _ = map_frame(page, ".jjj-city-label", 13)
        _settled(page)
        shown = page.get_by_text("Shown:").inner_text()
        _click_map_at(page, frame, *_empty_spot("130700", filters.ViewState(types=("innovation", "manufacturing"))))
        page.get_by_text("Platforms and parks in this city").wait_for()
        assert _panel_city(page) == "Zhangjiakou"
        _settled(page)
        url = page.url
        assert "city=130700" in url and "type=innovation%2Cmanufacturing" in url
    assert watch.errors == [] and watch.external == []

    with fresh_page(pw, url) as (page, watch):
        frame, _ = map_frame(page, ".jjj-city-label", 13)
        page.get_by_text("Platforms and parks in this city").wait_for()
        _settled(page)
        assert page.get_by_text("Shown:").inner_text() == shown
        assert _panel_city(page) == "Zhangjiakou"
    assert watch.errors == [] and watch.external == []


def test_clicking_a_park_opens_its_card_beside_the_map(base, pw):
    with fresh_page(pw, base + "/?lang=en") as (page, watch):
        frame, _ = map_frame(page, ".jjj-sym-park", 10)
        _settled(page)
        frame.locator(".jjj-sym-park").first.click()
        page.get_by_role("heading", name="Details", exact=True).wait_for()
        card = page.locator('[data-testid="stHtml"]').first.inner_text()
        assert "Source" in card and "→" in card
        assert "city=" not in page.url  # a click on a symbol is not a click on the city under it
    assert watch.errors == [] and watch.external == []


def test_zooming_in_swaps_the_overview_boundaries_for_the_full_ones_and_keeps_the_styling(base, pw):
    with fresh_page(pw, base + "/?lang=en&indicator=gdp") as (page, watch):
        fetched = []
        page.on("requestfinished",
                lambda r: fetched.append(r.url.rsplit("/", 1)[1]) if "/static/data/" in r.url else None)
        frame, _ = map_frame(page, "path.jjj-county", 199)
        _settled(page)
        frame.wait_for_function("() => jjj.cityStyle && jjj.counties")
        assert frame.evaluate("jjj.detailed") is False
        assert fetched == ["jjj-overview.topojson"]
        def fills():
            return sorted(frame.evaluate(
                    "[...document.querySelectorAll('path.jjj-county')].map(p => p.getAttribute('fill'))"))
        area_paths = "path.jjj-strategic_zone, path.jjj-concentrated_area"
        def areas():
            return frame.locator(area_paths).count()
        def area_vertices():
            return frame.evaluate(  # of the 2+4 as merged from the current counties
                "Object.values(jjj.areaShapes)"
                ".reduce((n, s) => n + JSON.stringify(s.coordinates).split('],[').length, 0)")
        before_fills, before_areas, before_vertices = fills(), areas(), area_vertices()
        assert len(set(before_fills)) > 3 and before_areas >= 6  # coloured by GDP class; the 2+4 drawn
        frame.evaluate("jjj.map.setView([39.9, 116.4], 9)")
        frame.wait_for_function("() => jjj.detailed === true")
        assert frame.locator("path.jjj-county").count() == 199
        assert fills() == before_fills and areas() == before_areas
        assert area_vertices() > 1.3 * before_vertices  # the 2+4 were merged again from the full counties
        assert sorted(fetched) == ["jjj-overview.topojson", "jjj.topojson"]
    assert watch.errors == [] and watch.external == []


def test_a_link_clicked_as_the_map_reports_its_view_opens_its_page(base, pw):
    # The map reports its view (first on load, then on every move); a report arriving right after a
    # click on another page's link used to rerun the Map page instead, and the click was lost.
    with fresh_page(pw, base + "/?lang=en") as (page, watch):
        frame, _ = map_frame(page, "path.jjj-county", 199)
        page.get_by_role("button", name="Stations", exact=True).wait_for()
        _settled(page)
        page.evaluate("""() => {
            const map = document.querySelector('iframe').contentWindow;
            [...document.querySelectorAll('a')].find(a => a.textContent.includes('Data & sources')).click();
            map.Streamlit.setComponentValue({zoom: 9, center: {lat: 39.9, lng: 116.4}});
        }""")
        page.get_by_role("heading", name="Data & sources", exact=True).wait_for(timeout=15000)
        _settled(page)
        page.wait_for_timeout(1000)
        assert page.get_by_role("heading", name="Data & sources", exact=True).is_visible()
        assert "/data" in page.url
    assert watch.errors == [] and watch.external == []
