"""An uploaded point layer of N fictional points on the Map page, in headless Chromium.

    python -m bench.bench_bigpoints [--points 20000] [--runs 1]

The CSV places point i at the representative point of county i mod 199 ("测试点 00001 / Test point 00001",
clearly fictional). Measured: the upload's read on the server (``geo.uploads.read_points``), the time
from the Data page's "N of N rows accepted" to the points painted on the Map page (``jjj.drawn.user``,
geo/bigpoints.py), then a filter change (a platform-type pill) until it is redrawn, the time the map was
blank meanwhile, and the websocket bytes of that change. Prints a Markdown table and the load average.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time

from playwright.sync_api import sync_playwright

from bench.bench_map import _COUNT_JS, _SAMPLER_JS
from geo import boundaries, uploads
from geo.vocab import PLATFORM_SYMBOLS
from tests.e2e.liveapp import app_server, launch


def points_csv(n: int) -> bytes:
    """N fictional points at the counties' reference points (each inside the county it names by city)."""
    counties = boundaries.counties()
    cities = dict(zip(boundaries.cities()["code"], boundaries.cities()["name_zh"]))
    rows = ["name,longitude,latitude,kind,city"]
    geoms = [g.representative_point() for g in counties.geometry]  # inside its county by construction
    city_codes = list(counties["city_code"])
    for i in range(n):
        k = i % len(geoms)
        p = geoms[k]
        rows.append(f"测试点 {i + 1:05d} / Test point {i + 1:05d},{p.x:.5f},{p.y:.5f},test,{cities[city_codes[k]]}")
    return ("\n".join(rows) + "\n").encode("utf-8")


def _drawn_user(page) -> int:
    return page.evaluate(_COUNT_JS, "jjj:user")


def one_run(pw, base: str, csv_path: str, n: int, count_bytes: bool) -> dict:
    browser = launch(pw)
    page = browser.new_context(viewport={"width": 1500, "height": 1000}).new_page()
    received = {"ws": 0}
    if count_bytes:
        page.on("websocket", lambda ws: ws.on(
            "framereceived", lambda payload: received.__setitem__("ws", received["ws"] + len(payload))))
    page.goto(base + "/?lang=en")
    page.get_by_role("heading", name="Map", exact=True).wait_for(timeout=60000)
    page.wait_for_selector('[data-test-script-state="notRunning"]', timeout=60000)
    page.get_by_role("link", name="Data & sources").click()
    page.get_by_role("heading", name="Data & sources", exact=True).wait_for(timeout=60000)
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').nth(1).set_input_files(csv_path)
    page.get_by_text(f"{n:,} of {n:,} rows accepted").or_(page.get_by_text(f"{n} of {n} rows accepted")).wait_for(
        timeout=300000)
    start = time.monotonic()
    page.get_by_role("link", name="Map", exact=True).click()
    page.wait_for_function(f"() => {{ const count = {_COUNT_JS}; return count('jjj:user') >= {n}; }}",
                           polling="raf", timeout=300000)
    appear = time.monotonic() - start
    page.wait_for_selector('[data-test-script-state="notRunning"]', timeout=300000)
    page.wait_for_timeout(800)
    before = page.evaluate(_COUNT_JS, ".jjj-sym-platform")
    received["ws"] = 0
    # The platforms and the user points travel in one feature group evaluated at once: when the
    # platforms have changed, the new user layer is built and its canvas paints in that frame.
    page.evaluate(_SAMPLER_JS, ["path.jjj-county", ".jjj-sym-platform", "<", before])
    pill = PLATFORM_SYMBOLS["innovation"].term("en")
    page.get_by_role("button", name=pill, exact=True).click(timeout=60000)
    page.wait_for_function("() => window.__bench.done !== null", polling=100, timeout=300000)
    page.wait_for_function(f"() => {{ const count = {_COUNT_JS}; return count('jjj:user') >= {n}; }}",
                           polling="raf", timeout=300000)
    sample = page.evaluate("() => window.__bench")
    page.wait_for_timeout(800)
    browser.close()
    return {"appear": appear, "redraw": sample["done"] / 1000, "blank": sample["blank"] / 1000,
            "change_bytes": received["ws"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--points", type=int, nargs="+", default=[20000])
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    print("| points | read_points (s) | upload accepted → painted on the Map page (s) | filter change redrawn (s) "
          "| blank (s) | websocket bytes of the change |")
    print("|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory(prefix="jjj-bench-big-") as folder, app_server(timeout=90) as base, \
            sync_playwright() as pw:
        for n in args.points:
            path = os.path.join(folder, f"points{n}.csv")
            data = points_csv(n)
            with open(path, "wb") as f:
                f.write(data)
            start = time.perf_counter()
            result = uploads.read_points(os.path.basename(path), data)
            read = time.perf_counter() - start
            if len(result.rows) != n:
                raise SystemExit(f"{len(result.rows)} of {n} points accepted: {result.problems[:3]}")
            runs = [one_run(pw, base, path, n, count_bytes=i == 0) for i in range(args.runs)]
            med = {k: statistics.median(r[k] for r in runs) for k in ("appear", "redraw", "blank")}
            print(f"| {n:,} | {read:.2f} | {med['appear']:.2f} | {med['redraw']:.2f} | {med['blank']:.2f} "
                  f"| {runs[0]['change_bytes']:,} |")
    load = os.getloadavg()
    print(f"\nload average (1, 5, 15 min): {load[0]:.2f}, {load[1]:.2f}, {load[2]:.2f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
