"""The Map page against a near-empty st_folium page and the naive build, in headless Chromium, offline.

    python -m bench.bench_map [--runs 3]

Four servers, one after the other, each measured with fresh browsers:

- floor: ``bench/apps/empty.py``, one polygon and a small feature group (Streamlit's own cost);
- shell: ``bench/apps/shell.py``, the same page inside this app's shell (sidebar radio, navigation);
- app: the Map page (stable base map, boundaries by URL, overlays swapped with feature_group_to_add);
- naive: ``bench/apps/naive.py``, every layer raw in one map rebuilt on each change (remounts).

First render: navigation until the boundaries and the symbols are drawn. Page complete: until the
filter's control exists and no run is under way (the Map page sends its controls after its map).
Filter change, measured on the complete page: a click
until the drawn features change, while sampling every ~15 ms whether the map is blank (no boundary
path in any frame). Bytes: websocket frames plus the app's static files as sent on the wire
(gzip), for the default view and per change; Streamlit's own frontend bundle is the same for all
four and left out. Times come from runs without any hook in the driver; bytes, console errors and
requests leaving the machine from one more run that counts them. Prints a Markdown table with ratios.
"""

from __future__ import annotations

import argparse
import statistics
import time
from dataclasses import dataclass
from typing import Callable

from playwright.sync_api import sync_playwright

from geo.vocab import OVERLAYS
from tests.e2e.liveapp import Watch, app_server, launch


@dataclass
class Variant:
    name: str
    script: str
    path: str
    ready: list[tuple[str, int]]  # (selector, minimum count) that mean "drawn"
    boundary: str  # selector whose absence means the map is blank
    control: Callable  # page -> Locator: the control whose use is the filter change
    change: Callable  # page -> None: the filter change
    changed: tuple[str, str, int]  # selector, "==" / "<" (and > 0) / ">=", count: the change is drawn


# In-page JavaScript: the map lives in a same-origin component iframe, so the main page can count
# its elements on every animation frame (no polling from Python, no frames missed).
# "jjj:KIND" counts the symbols of a layer painted on the canvas (geo/bigpoints.py), which has no element each.
_COUNT_JS = """(selector) => [...document.querySelectorAll('iframe')].reduce((n, f) => {
    try {
        if (selector.startsWith('jjj:')) {
            const drawn = f.contentWindow.jjj && f.contentWindow.jjj.drawn;
            return n + ((drawn && drawn[selector.slice(4)]) || 0);
        }
        return n + f.contentDocument.querySelectorAll(selector).length;
    } catch (e) { return n; }
}, 0)"""
_SAMPLER_JS = """([boundary, selector, op, value]) => {
    const count = %s;
    const b = window.__bench = {start: performance.now(), blank: 0, done: null};
    let last = b.start;
    const test = n => op === '==' ? n === value : (op === '<' ? n < value && n > 0 : n >= value);
    const tick = () => {
        const now = performance.now();
        if (count(boundary) === 0) { b.blank += now - last; }
        last = now;
        if (test(count(selector))) { b.done = now - b.start; return; }
        requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
}""" % _COUNT_JS


def _count(page, selector: str) -> int:
    return page.evaluate(_COUNT_JS, selector)


def _drawn(page, ready: list[tuple[str, int]], timeout: float = 60.0) -> None:
    test = " && ".join(f"count({sel!r}) >= {n}" for sel, n in ready)
    page.wait_for_function(f"() => {{ const count = {_COUNT_JS}; return {test}; }}", polling="raf",
                           timeout=timeout * 1000)


def _one_run(pw, base: str, v: Variant, count: bool = False) -> dict:
    """One fresh browser: times, or (``count``) bytes, console errors and requests leaving the machine.

    Counting hooks every request and websocket frame into the driver, which competes for the same two
    cores; so the timed runs carry no hook and the counts come from a run of their own.
    """
    browser = launch(pw)
    context = browser.new_context(viewport={"width": 1500, "height": 1000})
    counted = {"ws": 0, "static": 0, "files": []}
    page = context.new_page()
    if count:
        watch = Watch(context, intercept=False)
        watch.attach(page)

        def on_finished(request):
            # Bytes on the wire (gzip) of the app's static files, counted when each request completes.
            if "/app/static/" in request.url:
                counted["static"] += request.sizes()["responseBodySize"]
                counted["files"].append(request.url.rsplit("/", 1)[1])

        page.on("requestfinished", on_finished)
        page.on("websocket", lambda ws: ws.on(
            "framereceived", lambda payload: counted.__setitem__("ws", counted["ws"] + len(payload))))
    start = time.monotonic()
    page.goto(base + v.path)
    _drawn(page, v.ready)
    first = time.monotonic() - start
    # The Map page sends its map first and its controls in the next run: the page is complete when
    # the control exists and no run is under way.
    v.control(page).wait_for()
    page.wait_for_selector('[data-test-script-state="notRunning"]')
    complete = time.monotonic() - start
    page.wait_for_timeout(800)
    view_bytes = counted["ws"] + counted["static"]
    view_files = sorted(counted["files"])
    counted["ws"] = counted["static"] = 0
    selector, op, value = v.changed
    page.evaluate(_SAMPLER_JS, [v.boundary, selector, op, value])
    v.change(page)
    page.wait_for_function("() => window.__bench.done !== null", polling=100, timeout=60000)
    sample = page.evaluate("() => window.__bench")
    page.wait_for_timeout(800)
    change_bytes = counted["ws"] + counted["static"]
    browser.close()
    times = {"first": first, "complete": complete, "redraw": sample["done"] / 1000, "blank": sample["blank"] / 1000}
    if not count:
        return times
    return {"view_bytes": view_bytes, "change_bytes": change_bytes, "errors": len(watch.errors),
            "external": len(watch.external), "files": view_files}


def _variants() -> list[Variant]:
    return [
        Variant("floor (near-empty st_folium page)", "bench/apps/empty.py", "/",
                [("path.bench-poly", 1), ("path.bench-point", 3)], "path.bench-poly",
                lambda page: page.get_by_text("more points"),
                lambda page: page.get_by_text("more points").click(),
                ("path.bench-point", "==", 6)),
        Variant("shell (floor page in this app's shell)", "bench/apps/shell.py", "/",
                [("path.bench-poly", 1), ("path.bench-point", 3)], "path.bench-poly",
                lambda page: page.get_by_text("more points"),
                lambda page: page.get_by_text("more points").click(),
                ("path.bench-point", "==", 6)),
        # every layer on, as the naive page draws them (the first view leaves stations one click away)
        Variant("Map page (this app)", "app.py", "/?lang=en&layers=" + ",".join(OVERLAYS),
                [("path.jjj-county", 199), (".jjj-sym-platform", 1), ("path.jjj-station", 50)], "path.jjj-county",
                lambda page: page.get_by_role("button", name="Stations", exact=True),
                lambda page: page.get_by_role("button", name="Stations", exact=True).click(),
                ("path.jjj-station", "==", 0)),
        Variant("naive (all layers raw, remount)", "bench/apps/naive.py", "/",
                [("path.naive-counties", 199), (".naive-stations", 50)], "path.naive-counties",
                lambda page: page.get_by_role("combobox").first, _naive_change, (".naive-stations", "<", 100)),
    ]


def _naive_change(page) -> None:
    page.get_by_role("combobox").first.click()
    page.get_by_role("option", name="120000").click()


def run(runs: int = 3) -> dict[str, dict]:
    results = {}
    with sync_playwright() as pw:
        for v in _variants():
            with app_server(script=v.script) as base:
                _one_run(pw, base, v)  # warm the server's caches, as for any visitor after the first
                rows = [_one_run(pw, base, v) for _ in range(runs)]
                counts = _one_run(pw, base, v, count=True)
            results[v.name] = {key: statistics.median(r[key] for r in rows) for key in rows[0]} | counts | {
                "first_all": [round(r["first"], 2) for r in rows], "runs": runs}
    return results


def _table(res: dict[str, dict]) -> str:
    floor, shell, app, naive = res.values()
    lines = ["| measure (median of %d) | floor | shell | Map page | naive | Map page ÷ floor | Map page ÷ shell "
             "| naive ÷ Map page |" % app["runs"], "|---|---|---|---|---|---|---|---|"]

    def ratio(a, b, digits=2):
        return f"{a / b:.{digits}f}" if b else "–"

    def row(label, key, fmt, scale=1.0):
        f, s, a, n = (r[key] * scale for r in (floor, shell, app, naive))
        lines.append(f"| {label} | {fmt.format(f)} | {fmt.format(s)} | {fmt.format(a)} | {fmt.format(n)} | "
                     f"{ratio(a, f)} | {ratio(a, s)} | {ratio(n, a, 1)} |")

    row("first render (s)", "first", "{:.2f}")
    row("page complete: controls usable (s)", "complete", "{:.2f}")
    row("filter change redrawn (s)", "redraw", "{:.2f}")
    row("blank map during the change (s)", "blank", "{:.2f}")
    row("bytes for the default view (KB)", "view_bytes", "{:.0f}", 1e-3)
    row("bytes per filter change (KB)", "change_bytes", "{:.0f}", 1e-3)
    lines.append("| console errors / requests leaving the machine | "
                 + " | ".join(f"{r['errors']} / {r['external']}" for r in (floor, shell, app, naive)) + " | | | |")
    return "\n".join(lines)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    result = run(parser.parse_args().runs)
    print(_table(result))
    print("\nfirst render, each run:", {k: v["first_all"] for k, v in result.items()})
    print("static files of the default view:", {k: v["files"] for k, v in result.items()})
