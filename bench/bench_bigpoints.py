"""An uploaded point layer of N fictional points on the Map page, in headless Chromium.

    python -m bench.bench_bigpoints [--points 0 20000 100000] [--runs 1]

The CSV places point i at the representative point of county i mod 199 ("测试点 00001 / Test point 00001",
clearly fictional; above 50,000 points the shorter "测试点 100000" and 4 decimals keep the file under the
5 MB upload cap). Measured: the upload's read on the server (``geo.uploads.read_points``), the time from the Data
page's "N of N rows accepted" to the points painted on the Map page (``jjj.drawn.user``,
geo/bigpoints.py), then a filter change (a platform-type pill) until it is redrawn, the time the map was
blank meanwhile, the websocket bytes of that change, and the HTTP bytes of the points' payload file
(fetched once, geo/bigpoints.py). ``--points 0`` makes the same visit and filter change without an
upload: on a shared machine it is the reference that the other rows' times compare with (its appear
time is the Map page's own: the platforms painted). Each run also prints where its appear time went
(the map's frame created, the payload fetched: ``_appear_phases``) and drags the map with the mouse for
about 3 s, recording the map frame's animation frames (``pan_frames``: p50, p95, longest interval).
Prints two Markdown tables (times and bytes; frame times while panning) and the load average.

Uploads are capped at ``geo.limits.MAX_DATA_ROWS`` (50,000) rows: for more points the server is
started by ``bench.uncapped_server``, the same app with only that cap raised in its process.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from contextlib import contextmanager

from playwright.sync_api import sync_playwright

from bench.bench_map import _COUNT_JS, _SAMPLER_JS
from geo import boundaries, limits, uploads, worker
from geo.vocab import PLATFORM_SYMBOLS
from tests.e2e.liveapp import app_process, launch, map_frame, settled


def points_csv(n: int) -> bytes:
    """N fictional points at the counties' reference points (each inside the county it names by city)."""
    counties = boundaries.counties()
    cities = dict(zip(boundaries.cities()["code"], boundaries.cities()["name_zh"]))
    rows = ["name,longitude,latitude,kind,city"]
    geoms = [g.representative_point() for g in counties.geometry]  # inside its county by construction
    city_codes = list(counties["city_code"])
    short = n > 50_000  # the upload cap's rows (geo.limits.MAX_DATA_ROWS): keep such a file under 5 MB
    for i in range(n):
        k = i % len(geoms)
        p = geoms[k]
        if short:
            rows.append(f"测试点 {i + 1},{p.x:.4f},{p.y:.4f},test,{cities[city_codes[k]]}")
        else:
            rows.append(f"测试点 {i + 1:05d} / Test point {i + 1:05d},{p.x:.5f},{p.y:.5f},test,{cities[city_codes[k]]}")
    return ("\n".join(rows) + "\n").encode("utf-8")


def _drawn_user(page) -> int:
    return page.evaluate(_COUNT_JS, "jjj:user")


_PHASES_JS = """() => [...document.querySelectorAll('iframe')].map(f => {
    try {
        const w = f.contentWindow;
        const points = w.performance.getEntriesByType('resource').filter(e => e.name.includes('/cache/points/'));
        return {origin: w.performance.timeOrigin, fetch: points.map(e => [e.startTime, e.responseEnd])};
    } catch (e) { return null; }
}).filter(x => x && x.origin)"""


def _appear_phases(page, clicked: float) -> dict:
    """Where the appear time went (seconds after the click): the map's frame created (the Map page's
    run has reached the browser; Streamlit sends a message it sent before by reference only, so the
    websocket's bytes do not tell), and the payload's fetch started and ended."""
    out = {"frame": None, "fetch": None, "fetched": None}
    for frame in page.evaluate(_PHASES_JS):
        out["frame"] = (frame["origin"] - clicked) / 1000
        if frame["fetch"]:
            out["fetch"] = (frame["origin"] + frame["fetch"][0][0] - clicked) / 1000
            out["fetched"] = (frame["origin"] + frame["fetch"][0][1] - clicked) / 1000
    return out


_FRAMES_JS = """(on) => {
    if (!on) { window.__pan.on = false; return window.__pan.t; }
    const pan = window.__pan = {on: true, t: []};
    const tick = (now) => { pan.t.push(now); if (pan.on) { requestAnimationFrame(tick); } };
    requestAnimationFrame(tick);
    return null;
}"""
PAN_DRAGS = 6  # mouse drags of PAN_STEPS moves each, right and back left, ending where they started
PAN_STEPS = 40
PAN_PX = 240


def pan_frames(page) -> dict:
    """Frame times while the map is dragged with the mouse (real input events, about 2.5 s): the
    intervals between the map frame's animation frames, in ms, p50/p95/longest. Each drag's end
    (moveend) repaints the big layer and reports the view, which reruns the page; both are included."""
    frame, _ = map_frame(page)
    box = frame.frame_element().bounding_box()
    # a spot over the map without a DOM symbol (a drag that starts on a marker does not pan)
    x, y = box["x"] + box["width"] * 0.2, box["y"] + box["height"] * 0.75
    target = frame.evaluate("([x, y]) => document.elementFromPoint(x, y).className.baseVal "
                            "?? document.elementFromPoint(x, y).className", [x - box["x"], y - box["y"]])
    if "leaflet-marker" in str(target):
        raise SystemExit(f"the drag would start on a marker ({target}): pick another spot")
    frame.evaluate(_FRAMES_JS, True)
    for drag in range(PAN_DRAGS):
        sign = 1 if drag % 2 == 0 else -1
        page.mouse.move(x, y)
        page.mouse.down()
        for step in range(1, PAN_STEPS + 1):
            page.mouse.move(x + sign * PAN_PX * step / PAN_STEPS, y + sign * PAN_PX * step / PAN_STEPS / 3)
            page.wait_for_timeout(8)
        page.mouse.up()
        x, y = x + sign * PAN_PX, y + sign * PAN_PX / 3
    page.wait_for_timeout(300)
    times = frame.evaluate(_FRAMES_JS, False)
    gaps = sorted(b - a for a, b in zip(times, times[1:]))
    return {"p50": _quantile(gaps, 0.5), "p95": _quantile(gaps, 0.95), "max": gaps[-1] if gaps else None,
            "frames": len(gaps)}


def _rounded(values: dict, digits: int) -> dict:
    return {k: v if v is None else round(v, digits) for k, v in values.items()}


def _quantile(values: list[float], q: float) -> float | None:
    return values[min(len(values) - 1, int(q * len(values)))] if values else None


def one_run(pw, base: str, csv_path: str, n: int, count_bytes: bool) -> dict:
    browser = launch(pw)
    page = browser.new_context(viewport={"width": 1500, "height": 1000}).new_page()
    received = {"ws": 0, "payload": 0}
    if count_bytes:
        page.on("websocket", lambda ws: ws.on(
            "framereceived", lambda payload: received.__setitem__("ws", received["ws"] + len(payload))))
        page.on("requestfinished", lambda request: "/app/static/cache/points/" in request.url and received.__setitem__(
            "payload", received["payload"] + request.sizes()["responseBodySize"]))
    page.goto(base + "/?lang=en")
    page.get_by_role("heading", name="Map", exact=True).wait_for(timeout=60000)
    page.wait_for_selector('[data-test-script-state="notRunning"]', timeout=60000)
    page.get_by_role("link", name="Data & sources").click()
    page.get_by_role("heading", name="Data & sources", exact=True).wait_for(timeout=60000)
    if n:  # 0: the same pages and filter change without an upload, the reference on this machine now
        page.locator('[data-testid="stFileUploaderDropzoneInput"]').nth(1).set_input_files(csv_path)
        page.get_by_text(f"{n:,} of {n:,} rows accepted").or_(page.get_by_text(f"{n} of {n} rows accepted")).wait_for(
            timeout=300000)
    clicked = page.evaluate("() => performance.timeOrigin + performance.now()")
    start = time.monotonic()
    page.get_by_role("link", name="Map", exact=True).click()
    page.wait_for_function(f"() => {{ const count = {_COUNT_JS}; return count('jjj:user') >= {n} "
                           "&& count('.jjj-sym-platform') > 0; }", polling="raf", timeout=300000)
    appear = time.monotonic() - start
    phases = _appear_phases(page, clicked)
    page.wait_for_selector('[data-test-script-state="notRunning"]', timeout=300000)
    page.wait_for_timeout(800)
    before = page.evaluate(_COUNT_JS, ".jjj-sym-platform")
    payload_bytes = received["payload"]
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
    settled(page)
    pan = pan_frames(page)
    browser.close()
    return {"appear": appear, "phases": phases, "pan": pan, "redraw": sample["done"] / 1000,
            "blank": sample["blank"] / 1000, "change_bytes": received["ws"], "payload_bytes": payload_bytes}


@contextmanager
def uncapped_server(rows: int, timeout: float = 120.0):
    """The app on a free loopback port with the upload row cap raised to ``rows`` (bench.uncapped_server)."""
    with app_process(timeout, command=["-m", "bench.uncapped_server", str(rows)]) as (base, _):
        yield base


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--points", type=int, nargs="+", default=[20000])
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    rows = max(max(args.points), limits.MAX_DATA_ROWS)
    limits.MAX_DATA_ROWS = rows  # this process's own read (the server's: bench.uncapped_server)
    uploads._ROW_LIMIT = rows + uploads.HEADER_SEARCH_ROWS
    print("| points | read_points (s) | upload accepted → painted on the Map page (s) | filter change redrawn (s) "
          "| blank (s) | websocket bytes of the change | payload file fetched once (bytes) |")
    print("|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory(prefix="jjj-bench-big-") as folder, uncapped_server(rows) as base, \
            sync_playwright() as pw:
        pans = []
        for n in args.points:
            path = os.path.join(folder, f"points{n}.csv")
            read = None
            if n:
                data = points_csv(n)
                with open(path, "wb") as f:
                    f.write(data)
                start = time.perf_counter()
                with worker.in_process():  # the raised cap is this process's (a worker keeps the app's)
                    result = uploads.read_points(os.path.basename(path), data)
                read = time.perf_counter() - start
                if len(result.rows) != n:
                    raise SystemExit(f"{len(result.rows)} of {n} points accepted: {result.problems[:3]}")
            runs = [one_run(pw, base, path, n, count_bytes=i == 0) for i in range(args.runs)]
            med = {k: statistics.median(r[k] for r in runs) for k in ("appear", "redraw", "blank")}
            read_text, appear_text = (f"{read:.2f}", f"{med['appear']:.2f}") if n else ("—", f"{med['appear']:.2f}")
            each = ", ".join(f"{r['redraw']:.2f}" for r in runs)
            for r in runs:
                print("    phases (s after the click):", _rounded(r["phases"], 2), flush=True)
            pans.append((n, [r["pan"] for r in runs]))
            print(f"| {n:,} | {read_text} | {appear_text} | {med['redraw']:.2f} ({each}) | {med['blank']:.2f} "
                  f"| {runs[0]['change_bytes']:,} | {runs[0]['payload_bytes']:,} |", flush=True)
    print("\n| points | frames while dragging (per run) | frame interval p50 (ms) | p95 (ms) | longest (ms) |")
    print("|---|---|---|---|---|")
    for n, runs in pans:
        med = {k: statistics.median(r[k] for r in runs) for k in ("p50", "p95", "max")}
        each = ", ".join(f"{r['max']:.0f}" for r in runs)
        print(f"| {n:,} | {', '.join(str(r['frames']) for r in runs)} | {med['p50']:.1f} | {med['p95']:.1f} "
              f"| {med['max']:.0f} ({each}) |")
    load = os.getloadavg()
    print(f"\nload average (1, 5, 15 min): {load[0]:.2f}, {load[1]:.2f}, {load[2]:.2f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
