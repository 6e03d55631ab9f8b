"""The map does not take the page's wheel (issue #15): scrolling the page over it leaves its zoom alone;
ctrl+wheel, or the wheel after a click on the map, zooms it."""

import pytest

from tests.e2e.liveapp import app_server, fresh_page, map_frame


@pytest.fixture(scope="module")
def base():
    with app_server() as url:
        yield url


def _zoom(frame) -> float:
    return frame.evaluate("jjj.map.getZoom()")


def _over_map(page):
    box = page.locator("iframe").first.bounding_box()
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


def _wait_zoom(frame, predicate, timeout_ms=5000):
    for _ in range(timeout_ms // 100):
        if predicate(_zoom(frame)):
            return _zoom(frame)
        frame.page.wait_for_timeout(100)
    return _zoom(frame)


def test_scrolling_the_page_over_the_map_does_not_zoom_it(base, pw):
    with fresh_page(pw, base + "/?lang=en") as (page, watch):
        frame, _ = map_frame(page, ".jjj-city-label", 13)
        page.wait_for_selector('[data-test-script-state="notRunning"]')
        page.wait_for_timeout(500)
        before = _zoom(frame)
        page.mouse.move(*_over_map(page))
        page.mouse.wheel(0, 300)
        page.wait_for_timeout(800)
        assert _zoom(frame) == before  # the page's scroll, not the map's zoom
        # ctrl + wheel zooms the map, not the page
        page.keyboard.down("Control")
        page.mouse.move(*_over_map(page))
        page.mouse.wheel(0, -120)
        page.keyboard.up("Control")
        assert before < _wait_zoom(frame, lambda z: z > before) <= before + 1.5  # one step in (snapped)
    assert watch.errors == [] and watch.external == []


def test_after_a_click_on_the_map_the_wheel_zooms_it_until_the_pointer_leaves(base, pw):
    with fresh_page(pw, base + "/?lang=en") as (page, watch):
        frame, _ = map_frame(page, ".jjj-city-label", 13)
        page.wait_for_selector('[data-test-script-state="notRunning"]')
        page.wait_for_timeout(500)
        assert not frame.evaluate("jjj.map.scrollWheelZoom.enabled()")
        page.mouse.click(*_over_map(page))
        page.wait_for_timeout(300)
        page.wait_for_selector('[data-test-script-state="notRunning"]')
        before = _zoom(frame)
        page.mouse.wheel(0, -300)
        zoomed = _wait_zoom(frame, lambda z: z > before)
        assert zoomed > before  # clicked: the wheel is the map's
        box = page.locator("iframe").first.bounding_box()
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] + 40)  # off the map
        page.mouse.move(*_over_map(page))
        page.wait_for_timeout(500)
        settled = _zoom(frame)
        page.mouse.wheel(0, 300)
        page.wait_for_timeout(800)
        assert _zoom(frame) == settled  # left and back: the page's wheel again
    assert watch.errors == [] and watch.external == []
