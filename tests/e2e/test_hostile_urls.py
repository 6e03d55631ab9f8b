"""Issue 19 in headless Chromium: hostile links render as text, and the language and the URL values
stay as the visitor chose them across pages (findings 7, 8 and 9, checked in the rendered DOM)."""

import re
from urllib.parse import parse_qs, quote, unquote, urlparse

import pytest

from geo import filters
from geo.vocab import ui
from tests.e2e.liveapp import app_server, fresh_page, map_frame
from tests.e2e.liveapp import settled as _settled

EVIL_IMAGE = "![x](http://evil.example/p.png)"
EVIL_LINK = "[Log in](http://evil.example/login)"


@pytest.fixture(scope="module")
def base():
    with app_server() as url:
        yield url


def _query(page) -> dict[str, str]:
    return {k: v[-1] for k, v in parse_qs(urlparse(page.url).query).items()}


def test_7_9_a_hostile_link_is_named_as_text_and_fetches_nothing(base, pw):
    url = f"{base}/?lang=en&layers={quote(EVIL_IMAGE)}&next={quote(EVIL_LINK)}"
    with fresh_page(pw, url) as (page, watch):
        map_frame(page, timeout=60)
        _settled(page, 1500)
        alert = page.locator('[data-testid="stAlert"]').filter(has_text="cannot be used")
        alert.wait_for(timeout=30_000)
        text = alert.inner_text().replace("\u2060", "")
        assert EVIL_IMAGE in text and EVIL_LINK in text
        assert alert.locator("img").count() == 0 and alert.locator("a").count() == 0
        _settled(page, 2500)  # the controls' run: the warning stays until dismissed
        assert alert.count() == 1
        page.get_by_role("button", name="Dismiss").click()
        _settled(page)
        assert alert.count() == 0
        assert not [u for u in watch.external if "evil.example" in u]


def test_8_the_language_chosen_on_another_page_survives_the_map_and_its_controls(base, pw):
    with fresh_page(pw, f"{base}/cities?lang=en") as (page, _):
        _settled(page, 1000)
        page.get_by_role("link", name="Map").first.click()
        map_frame(page, timeout=60)
        _settled(page, 1500)
        page.locator('[data-testid="stSidebar"] button').filter(has_text="Parks").first.click()
        _settled(page, 1500)
        assert page.locator("h1").first.inner_text() == "Map"
        query = _query(page)
        assert query["lang"] == "en" and query.get("basemap", "none") in filters.BASEMAPS
        state, ignored = filters.from_query(query)
        assert ignored == [] and "parks" not in state.overlays


def test_8_switching_language_on_the_map_keeps_every_value(base, pw):
    with fresh_page(pw, f"{base}/?lang=en&city=130600&cls=equal_interval&indicator=gdp") as (page, _):
        map_frame(page, timeout=60)
        _settled(page, 2000)
        page.locator('[data-testid="stSidebar"] label').filter(has_text="中文").first.click()
        _settled(page, 2000)
        assert page.locator("h1").first.inner_text() == "地图"
        page.locator('[data-testid="stSidebar"] button').filter(has_text="共建园区").first.click()
        _settled(page, 2000)
        query = _query(page)
        state, ignored = filters.from_query(query)
        assert ignored == [] and query["lang"] == "zh"
        assert (state.city, state.scheme, state.indicator, state.basemap) == ("130600", "equal_interval", "gdp", "none")


def test_8_switching_from_chinese_to_english_keeps_the_basemap_an_id(base, pw):
    """Issue #15: after zh → en the URL carried ``basemap=无底图（离线）`` (the old language's label)."""
    with fresh_page(pw, f"{base}/?lang=zh") as (page, _):
        map_frame(page, timeout=60)
        _settled(page, 2000)
        page.locator('[data-testid="stSidebar"] label').filter(has_text="English").first.click()
        _settled(page, 2000)
        assert page.locator("h1").first.inner_text() == "Map"
        page.locator('[data-testid="stSidebar"] button').filter(has_text="Parks").first.click()  # a rerun
        _settled(page, 2000)
        query = _query(page)
        state, ignored = filters.from_query(query)
        assert ignored == [] and query["lang"] == "en"
        assert query.get("basemap", "none") in filters.BASEMAPS and state.basemap == "none"
        assert not re.search(r"[\u4e00-\u9fff]", unquote(page.url))  # no Chinese label in the link
        box = page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').first
        shown = box.inner_text() + " " + " ".join(i.input_value() for i in box.locator("input").all())
        assert ui("basemap_none", "en") in shown and ui("basemap_none", "zh") not in shown
