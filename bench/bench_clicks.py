"""How soon a click on the Map page shows its outcome, in headless Chromium, offline (issue #15).

    python -m bench.bench_clicks [--runs 5]

The click a person makes all the time, from the mouse-down until what it does is visible: a click on an
empty spot inside 承德 (under the 张承 policy area) until the city panel names 承德 (a page run: the panel
and the outline come in the same run). A line's or a station's card opens in the browser alone, with no
page run (tests/e2e/test_map_first_view.py).

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


def measure(base: str, playwright) -> float:
    name = boundaries.cities().set_index("code").loc[CHENGDE, "name_zh"]
    counties = boundaries.counties()
    spot = _empty_spot(list(counties[counties["city_code"] == CHENGDE]["code"]), filters.ViewState())
    with fresh_page(playwright, f"{base}/?lang=zh", viewport=(1600, 1000)) as (page, _):
        frame, _ = map_frame(page, ".jjj-city-label", 13, timeout=90)
        page.locator('[data-testid="stSelectbox"] input').first.wait_for(timeout=90000)
        _settled(page)
        picked = page.locator('[data-testid="stSelectbox"]').filter(has_text="选择城市").locator("input")
        return _timed(page, *_container_point(page, frame, *spot), lambda: picked.input_value() == name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with sync_playwright() as playwright, app_server() as base:
        cities = [measure(base, playwright) for _ in range(args.runs)]
    load = open("/proc/loadavg").read().split()[:3]
    print(f"load average {' '.join(load)}; {args.runs} runs, fresh browser each")
    print("| click | median | range |\n|---|---|---|")
    print(f"| inside 张承: 承德 in the city panel | {statistics.median(cities):.2f} s | "
          f"{min(cities):.2f}–{max(cities):.2f} s |")


if __name__ == "__main__":
    main()
