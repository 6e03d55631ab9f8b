"""Big point layers in headless Chromium.

A workspace of 400 fictional platforms (above geo.bigpoints.CANVAS_THRESHOLD): the platforms are painted
on the shared canvas, not as a DOM marker each, a painted one shows its tooltip, and a type filter
repaints them with the base map kept. An upload of 1,200 fictional points (above
geo.bigpoints.SEND_ONCE_THRESHOLD): fetched once by its content key, painted by one layer, a filter
change sends none of its points; a browser that cannot fetch it gets it embedded."""

from __future__ import annotations

import pytest

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


def _painted_pixels(frame, canvas: str = ".leaflet-jjjPoints-pane canvas") -> int:
    """Non-transparent pixels of the points' canvas (0 when nothing is painted)."""
    return frame.evaluate("""(selector) => {
        const c = document.querySelector(selector);
        if (!c) { return 0; }
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) { n++; } }
        return n;
    }""", canvas)


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


# --- an upload above geo.bigpoints.SEND_ONCE_THRESHOLD: sent once, painted by one layer -------------

UPLOAD = 1200  # fictional points at the counties' reference points (bench.bench_bigpoints.points_csv)


def _upload_on_the_data_page(page, csv_path) -> None:
    page.get_by_role("heading", name="Map", exact=True).wait_for(timeout=60000)
    page.wait_for_selector('[data-test-script-state="notRunning"]', timeout=60000)
    page.get_by_role("link", name="Data & sources").click()
    page.get_by_role("heading", name="Data & sources", exact=True).wait_for(timeout=60000)
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').nth(1).set_input_files(str(csv_path))
    page.get_by_text(f"{UPLOAD} of {UPLOAD} rows accepted").wait_for(timeout=120000)
    page.get_by_role("link", name="Map", exact=True).click()


@pytest.fixture(scope="module")
def big_csv(tmp_path_factory):
    from bench.bench_bigpoints import points_csv
    path = tmp_path_factory.mktemp("big") / "firms.csv"
    path.write_bytes(points_csv(UPLOAD))
    return path


def test_a_big_upload_is_fetched_once_and_a_filter_change_sends_no_point(pw, big_csv):
    with app_server(timeout=90) as base, fresh_page(pw, f"{base}/?lang=en") as (page, watch):
        fetched, frames = [], []
        page.on("request", lambda r: "/app/static/cache/points/" in r.url and fetched.append(r.url))
        page.on("websocket", lambda ws: ws.on("framereceived", lambda payload: frames.append(payload)))
        page.reload()  # fresh_page opened the app before the listener: its websocket may not be watched
        _upload_on_the_data_page(page, big_csv)
        frame, _ = map_frame(page, "path.jjj-county", 10, timeout=60)
        assert _wait_drawn(page, frame, "user", UPLOAD) == UPLOAD
        assert len(fetched) == 1 and _painted_pixels(frame, "canvas.jjj-big-points") > 1000
        assert frame.locator(".jjj-sym-user").count() == 0  # no DOM marker per point
        page.wait_for_selector('[data-test-script-state="notRunning"]', timeout=60000)
        # a painted point answers the mouse: its tooltip (the name the upload gave it)
        x, y = frame.evaluate("""() => {
            const l = Object.values(window.map._layers).find(l => l instanceof jjj.BigPoints);
            const i = l._p.cls.findIndex((c, k) => l._kept[c] && l._xs[k] > 50 && l._ys[k] > 50);
            const shift = l._map.containerPointToLayerPoint([0, 0]), origin = l._map.getPixelOrigin();
            return [l._xs[i] + l._shift[0] - origin.x - shift.x, l._ys[i] + l._shift[1] - origin.y - shift.y];
        }""")
        box = frame.frame_element().bounding_box()
        page.mouse.move(box["x"] + x + 3, box["y"] + y + 3)
        page.mouse.move(box["x"] + x, box["y"] + y)
        frame.locator(".leaflet-tooltip").filter(has_text="Test point").wait_for(timeout=10000)
        before = frame.locator(".jjj-sym-platform").count()
        frames.clear()
        page.get_by_role("button", name=PLATFORM_SYMBOLS["innovation"].term("en"), exact=True).click(timeout=60000)
        for _ in range(600):  # until the change has arrived: fewer platforms drawn
            if 0 < frame.locator(".jjj-sym-platform").count() < before:
                break
            page.wait_for_timeout(100)
        page.wait_for_selector('[data-test-script-state="notRunning"]', timeout=60000)
        page.wait_for_timeout(1000)
        assert 0 < frame.locator(".jjj-sym-platform").count() < before
        assert _drawn(frame, "user") == UPLOAD and len(fetched) == 1  # repainted from what the browser kept
        sent = b"".join(f if isinstance(f, bytes) else f.encode() for f in frames)
        assert b"addBigOverlay" in sent and "Test point 0".encode() not in sent
        # a click on a painted point opens its card, joined in the browser from the payload's columns
        page.mouse.click(box["x"] + x, box["y"] + y)
        card = frame.locator(".leaflet-popup-content").filter(has_text="Test point")
        card.wait_for(timeout=10000)
        assert card.inner_html().count("<br>") >= 1 and "firms.csv" in card.inner_text()
        assert not watch.errors, watch.errors


def test_a_browser_that_cannot_fetch_the_points_gets_them_embedded(pw, big_csv):
    with app_server(timeout=90) as base, fresh_page(pw, f"{base}/?lang=en") as (page, watch):
        refused = []
        page.route("**/app/static/cache/points/**", lambda route: (refused.append(route.request.url), route.abort()))
        _upload_on_the_data_page(page, big_csv)
        frame, _ = map_frame(page, "path.jjj-county", 10, timeout=60)
        assert _wait_drawn(page, frame, "user", UPLOAD) == UPLOAD  # the page's next run carried them
        assert refused and _painted_pixels(frame, "canvas.jjj-big-points") > 1000
        assert not [e for e in watch.errors if "ERR_FAILED" not in e], watch.errors
