"""How soon a click on the Map page shows its outcome, in headless Chromium, offline (issue #15).

    python -m bench.bench_clicks [--runs 5]

Two clicks a person makes all the time, each from the mouse-down until what it does is visible:

- a city: a click on an empty spot inside 承德 (under the 张承 policy area) until the city panel names
  承德 (a page run: the panel and the outline come in the same run);
- a line: a click on a drawn rail line until its card (a popup) is open (the browser alone).

Prints the median and the range of each, with the load average beside them (the machine is shared).
"""

from __future__ import annotations

import argparse
import statistics
import time

from playwright.sync_api import sync_playwright

from geo import boundaries, filters
from tests.e2e.liveapp import app_server, fresh_page, map_frame
from tests.e2e.test_map_clicks import _empty_spot
from tests.e2e.test_map_page import _settled

CHENGDE = "130800"


def _container_point(page, frame, lat: float, lon: float) -> tuple[float, float]:
    x, y = frame.evaluate("""([lat, lon]) => { const p = jjj.map.latLngToContainerPoint([lat, lon]);
        const r = jjj.map.getContainer().getBoundingClientRect(); return [p.x + r.x, p.y + r.y]; }""", [lat, lon])
    box = page.locator("iframe").first.bounding_box()
    return box["x"] + x, box["y"] + y


def _line_point(frame) -> tuple[float, float]:
    """(lat, lon) on the middle of the longest drawn rail line."""
    return tuple(frame.evaluate("""() => { let best = null, most = 0;
        jjj.map.eachLayer(l => { if (l.getLatLngs && l.options && /jjj-line/.test(l.options.className || '')) {
            const pts = l.getLatLngs().flat(2); if (pts.length > most) { most = pts.length; best = pts; } } });
        const p = best[Math.floor(best.length / 2)]; return [p.lat, p.lng]; }"""))


def _timed(page, x: float, y: float, done) -> float:
    page.mouse.move(x, y)
    start = time.perf_counter()
    page.mouse.down()
    page.mouse.up()
    while not done():
        if time.perf_counter() - start > 30:
            raise TimeoutError("the click's outcome did not show within 30 s")
        page.wait_for_timeout(10)
    return time.perf_counter() - start


def measure(base: str, playwright) -> tuple[float, float]:
    name = boundaries.cities().set_index("code").loc[CHENGDE, "name_zh"]
    counties = boundaries.counties()
    spot = _empty_spot(list(counties[counties["city_code"] == CHENGDE]["code"]), filters.ViewState())
    with fresh_page(playwright, f"{base}/?lang=zh", viewport=(1600, 1000)) as (page, _):
        frame, _ = map_frame(page, ".jjj-city-label", 13, timeout=90)
        page.locator('[data-testid="stSelectbox"] input').first.wait_for(timeout=90000)
        _settled(page)
        picked = page.locator('[data-testid="stSelectbox"]').filter(has_text="选择城市").locator("input")
        city = _timed(page, *_container_point(page, frame, *spot), lambda: picked.input_value() == name)
        _settled(page)
        popup = frame.locator(".leaflet-popup-content")
        line = _timed(page, *_container_point(page, frame, *_line_point(frame)), lambda: popup.count() > 0)
    return city, line


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    cities, lines = [], []
    with sync_playwright() as playwright, app_server() as base:
        for _ in range(args.runs):
            city, line = measure(base, playwright)
            cities.append(city)
            lines.append(line)
    load = open("/proc/loadavg").read().split()[:3]
    print(f"load average {' '.join(load)}; {args.runs} runs, fresh browser each")
    print("| click | median | range |\n|---|---|---|")
    for label, values in (("inside 张承: 承德 in the city panel", cities), ("on a rail line: its card", lines)):
        print(f"| {label} | {statistics.median(values):.2f} s | {min(values):.2f}–{max(values):.2f} s |")


if __name__ == "__main__":
    main()
