"""Overlays sent once by content key (geo/sendonce.py) in headless Chromium: a layer switched on after the
first view is fetched once and drawn with its tooltips and cards, later filter changes fetch nothing, and
a payload the browser cannot fetch is embedded from the next run on."""

import pytest

from tests.e2e.liveapp import app_server, fresh_page, map_frame
from tests.e2e.test_map_page import _settled

PAYLOADS = "/app/static/cache/overlays/"


@pytest.fixture(scope="module")
def base():
    with app_server() as url:
        yield url


def _count(frame, selector: str) -> int:
    return frame.locator(selector).count()


def _wait(frame, selector: str, predicate, timeout_ms: int = 20000) -> int:
    for _ in range(timeout_ms // 100):
        if predicate(_count(frame, selector)):
            return _count(frame, selector)
        frame.page.wait_for_timeout(100)
    raise AssertionError(f"{selector} count stayed at {_count(frame, selector)}")


def test_a_layer_is_fetched_once_and_filter_changes_fetch_nothing(base, pw):
    with fresh_page(pw, base + "/?lang=en") as (page, watch):
        fetched = []
        page.on("request", lambda r: PAYLOADS in r.url and fetched.append(r.url))
        frame, _ = map_frame(page, ".jjj-sym-park", 10)
        _settled(page)
        assert fetched == []  # the first view carries its drawings
        parks = _count(frame, ".jjj-sym-park")
        frame.evaluate("window.__sameDocument = true")
        page.get_by_role("button", name="Stations", exact=True).click()  # not in the first view: fetched
        stations = _wait(frame, "path.jjj-station", lambda n: n >= 50)
        _settled(page)
        assert len(fetched) == 1
        assert _count(frame, ".jjj-sym-park") == parks  # the other layers are drawn as before
        box = frame.locator("path.jjj-station").last.bounding_box()
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        frame.locator(".leaflet-popup", has_text="Line").wait_for(timeout=10000)  # its card, from the payload
        page.get_by_role("button", name="Co-built parks").first.click()
        _wait(frame, ".jjj-sym-park", lambda n: n == 0)
        page.get_by_role("button", name="Co-built parks").first.click()
        assert _wait(frame, ".jjj-sym-park", lambda n: n > 0) == parks
        _settled(page)
        assert _count(frame, "path.jjj-station") == stations
        assert len(fetched) == 1  # the same payloads, kept by key in the browser
        assert frame.evaluate("window.__sameDocument === true"), "the map was remounted"
    assert watch.errors == [] and watch.external == []


def test_a_payload_that_cannot_be_fetched_is_embedded_from_the_next_run(base, pw):
    with fresh_page(pw, base + "/?lang=en") as (page, watch):
        refused = []
        page.route(f"**{PAYLOADS}*", lambda route: (refused.append(route.request.url), route.abort()))
        frame, _ = map_frame(page, ".jjj-sym-park", 10)
        _settled(page)
        page.get_by_role("button", name="Stations", exact=True).click()
        assert _wait(frame, "path.jjj-station", lambda n: n >= 50, timeout_ms=30000) >= 50
        assert len(refused) == 1  # reported once, then sent inside the map
        _settled(page)
        page.get_by_role("button", name="Co-built parks").first.click()
        _wait(frame, ".jjj-sym-park", lambda n: n == 0)
        assert _count(frame, "path.jjj-station") >= 50 and len(refused) == 1
    # the refused request is the only error the page logs
    assert all("Failed to load resource" in e for e in watch.errors) and watch.external == []
