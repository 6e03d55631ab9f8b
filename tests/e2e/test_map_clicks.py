"""Clicks do what you mean (issue #15): a click inside a policy area selects the city under it; the
area's card is offered beside the city panel instead of a popup over the map."""

import numpy as np
import pytest
import shapely

from geo import boundaries, filters
from tests.e2e.liveapp import app_server, fresh_page, map_frame
from tests.e2e.test_map_page import _click_map_at, _panel_city, _settled


@pytest.fixture(scope="module")
def base():
    with app_server() as url:
        yield url


def _empty_spot(county_codes: list[str], state: filters.ViewState) -> tuple[float, float]:
    """(lat, lon) inside the counties, as far as possible from anything drawn (so the click hits the area)."""
    counties = boundaries.counties().set_index("code").loc[county_codes].geometry
    inside = shapely.union_all(list(counties)).buffer(-0.03)
    layers = filters.visible_layers(state)
    drawn = shapely.union_all([g for name in layers.counts() if name != "policy_areas" for g in layers[name].geometry]
                              + list(boundaries.label_points("cities").geometry))
    west, south, east, north = inside.bounds
    grid = [shapely.Point(x, y) for x in np.arange(west, east, 0.03) for y in np.arange(south, north, 0.03)]
    best = max((p for p in grid if inside.contains(p)), key=drawn.distance)
    return best.y, best.x


@pytest.mark.parametrize(("code", "city", "area"), [
    ("130700", "Zhangjiakou", "Zhangjiakou–Chengde Ecological Function Zone"),
    ("120100", "Tianjin", "Tianjin Binhai New Area"),
])
def test_a_click_inside_a_policy_area_selects_the_city_under_it(base, pw, code, city, area):
    with fresh_page(pw, base + "/?lang=en") as (page, watch):
        frame, _ = map_frame(page, ".jjj-strategic_zone", 1)
        _settled(page)
        assert "policy_areas" in filters.ViewState().overlays  # the areas lie on top by default
        counties = boundaries.counties()
        members = ["120116"] if code == "120100" else list(counties[counties["city_code"] == code]["code"])
        _click_map_at(page, frame, *_empty_spot(members, filters.ViewState()))  # Binhai itself, in Tianjin
        page.wait_for_function(f"""() => [...document.querySelectorAll('[data-testid="stSelectbox"] input')]
            .some(i => i.value.startsWith({city!r}))""", timeout=15000)
        _settled(page)
        assert _panel_city(page).startswith(city)
        assert frame.locator(".leaflet-popup").count() == 0  # no popup over the map
        page.get_by_text(f"In the policy area: {area}").click()  # its card, on demand, beside the panel
        card = page.locator('[data-testid="stExpander"]').filter(has_text=area)
        card.locator("b", has_text=area).wait_for(timeout=5000)
        assert "Source" in card.inner_text()
    assert watch.errors == [] and watch.external == []


_COUNT_REPORTS_JS = """() => {
    window.__reports = [];
    const report = window.Streamlit.setComponentValue;
    window.Streamlit.setComponentValue = function(value) {
        window.__reports.push([performance.now(), value]);
        return report.apply(this, arguments);
    };
    document.addEventListener("mousedown", () => { window.__clickAt = performance.now(); }, true);
}"""


def test_a_click_is_reported_at_once_and_once(base, pw):
    # streamlit-folium debounces its report by 250 ms; the click is reported as it happens
    # (static/js/basemap.js jjj.reportNow), and the debounced report then sends nothing more.
    with fresh_page(pw, base + "/?lang=en") as (page, watch):
        frame, _ = map_frame(page, ".jjj-strategic_zone", 1)
        _settled(page)
        frame.evaluate(_COUNT_REPORTS_JS)
        counties = boundaries.counties()
        lat, lon = _empty_spot(list(counties[counties["city_code"] == "130800"]["code"]), filters.ViewState())
        _click_map_at(page, frame, lat, lon)
        frame.wait_for_function("() => window.__reports.length > 0", timeout=5000)
        page.wait_for_timeout(800)  # past streamlit-folium's own report
        reports = frame.evaluate("() => window.__reports.map(r => [r[0] - window.__clickAt, r[1].last_clicked])")
        assert len(reports) == 1, reports
        delay, clicked = reports[0]
        assert delay < 200, delay  # before the debounce's 250 ms
        assert abs(clicked["lat"] - lat) < 0.01 and abs(clicked["lng"] - lon) < 0.01
        page.wait_for_function("""() => [...document.querySelectorAll('[data-testid="stSelectbox"] input')]
            .some(i => i.value.startsWith('Chengde'))""", timeout=15000)
    assert watch.errors == [] and watch.external == []
