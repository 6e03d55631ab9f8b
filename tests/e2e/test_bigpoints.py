"""A workspace of 400 fictional platforms (above geo.bigpoints.CANVAS_THRESHOLD) in headless Chromium:
the platforms are painted on the shared canvas, not as a DOM marker each, a painted one shows its
tooltip, and a type filter repaints them with the base map kept."""

from __future__ import annotations

from geo import bigpoints
from geo.vocab import PLATFORM_SYMBOLS
from geo.workspace import Store
from tests.e2e.liveapp import app_server, fresh_page, map_frame
from tests.workspace_fixtures import platforms_csv

ROWS = {"innovation": 60, "manufacturing": 240, "services": 70, "agriculture": 30}  # 400 in all


def _drawn(frame, kind: str) -> int:
    return frame.evaluate(f"() => (window.jjj && jjj.drawn && jjj.drawn[{kind!r}]) || 0")


def _wait_drawn(page, frame, kind: str, expected: int) -> int:
    for _ in range(300):
        if _drawn(frame, kind) == expected:
            break
        page.wait_for_timeout(100)
    return _drawn(frame, kind)


def _painted_pixels(frame) -> int:
    """Non-transparent pixels of the points' canvas (0 when nothing is painted)."""
    return frame.evaluate("""() => {
        const c = document.querySelector('.leaflet-jjjPoints-pane canvas');
        if (!c) { return 0; }
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) { n++; } }
        return n;
    }""")


def _hover_first_symbol(page, frame) -> None:
    """Moves the mouse onto a painted platform (its position from the map, offset included)."""
    x, y = frame.evaluate("""() => {
        const l = Object.values(window.map._layers).find(l => l instanceof jjj.CanvasSymbol);
        const box = window.map.getContainer().getBoundingClientRect();
        return [box.left + l._point.x + l.options.offset[0], box.top + l._point.y + l.options.offset[1]];
    }""")
    box = frame.frame_element().bounding_box()
    page.mouse.move(box["x"] + x + 3, box["y"] + y + 3)
    page.mouse.move(box["x"] + x, box["y"] + y)


def test_many_platforms_are_painted_on_a_canvas_and_a_filter_repaints_them(pw, tmp_path, monkeypatch):
    monkeypatch.setenv("JJJ_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("JJJ_DATABASE_URL", raising=False)
    assert bigpoints.uses_canvas(sum(ROWS.values()))
    store = Store()
    workspace_id, key = store.create("测试 / test")
    result, version = store.upload(workspace_id, key, "platforms", "many.csv",
                                   platforms_csv(ROWS, prefix="测试平台 / Test platform"))
    assert version is not None and len(result.rows) == 400, result.problems[:3]
    store.dispose()
    with app_server(timeout=90) as base, fresh_page(pw, f"{base}/?lang=en&ws={workspace_id}&src=mine") as (page, _):
        frame, _ = map_frame(page, "path.jjj-county", 10, timeout=60)
        assert _wait_drawn(page, frame, "platform", 400) == 400
        assert frame.locator(".jjj-sym-platform").count() == 0  # no DOM marker per point
        assert _painted_pixels(frame) > 1000
        page.wait_for_selector('[data-test-script-state="notRunning"]', timeout=60000)
        _hover_first_symbol(page, frame)
        frame.locator(".leaflet-tooltip").filter(has_text="Test platform").wait_for(timeout=10000)
        pill = PLATFORM_SYMBOLS["innovation"].term("en")
        page.get_by_role("button", name=pill, exact=True).click(timeout=60000)
        assert _wait_drawn(page, frame, "platform", 340) == 340
        assert frame.locator("path.jjj-county").count() >= 10  # the base map stayed
        assert _painted_pixels(frame) > 1000
