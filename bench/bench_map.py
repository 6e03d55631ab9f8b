"""First render and payload of the Map page, measured in headless Chromium, offline.

    python -m bench.bench_map [--runs 3]

Each run starts a fresh browser against one app server, opens the Map page and times from
navigation until every county path is drawn; bytes are counted from HTTP responses and websocket
frames received. The generated map HTML alone is reported too. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import statistics
import time

from playwright.sync_api import sync_playwright

from geo import boundaries, mapview
from tests.e2e.liveapp import Watch, app_server, launch, map_frame


def _one_run(pw, base: str, n_counties: int) -> dict:
    browser = launch(pw)
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    watch = Watch(context)
    page = watch.attach(context.new_page())
    counted = {"http": 0, "ws": 0}

    def on_response(response):
        try:
            counted["http"] += len(response.body())
        except Exception:  # redirects and aborted requests have no body
            pass

    page.on("response", on_response)
    page.on("websocket", lambda ws: ws.on(
        "framereceived", lambda payload: counted.__setitem__("ws", counted["ws"] + len(payload))))
    start = time.monotonic()
    page.goto(base + "/")
    map_frame(page, "path.jjj-county", n_counties, timeout=60)
    first_render = time.monotonic() - start
    page.wait_for_timeout(300)
    browser.close()
    return {"first_render_s": first_render, "http_bytes": counted["http"], "ws_bytes": counted["ws"],
            "errors": len(watch.errors), "external_requests": len(watch.external)}


def run(runs: int = 3) -> dict:
    n_counties = len(boundaries.counties())
    map_bytes = mapview.payload_bytes(mapview.build_map("zh"))
    with app_server() as base, sync_playwright() as pw:
        _one_run(pw, base, n_counties)  # warm the server caches, as a user after the first would
        results = [_one_run(pw, base, n_counties) for _ in range(runs)]
    return {
        "runs": runs,
        "first_render_s_median": statistics.median(r["first_render_s"] for r in results),
        "first_render_s_all": [round(r["first_render_s"], 2) for r in results],
        "map_html_bytes": map_bytes,
        "http_bytes_median": statistics.median(r["http_bytes"] for r in results),
        "ws_bytes_median": statistics.median(r["ws_bytes"] for r in results),
        "console_errors": sum(r["errors"] for r in results),
        "external_requests": sum(r["external_requests"] for r in results),
    }


def _table(res: dict) -> str:
    return "\n".join([
        "| measure | value |", "|---|---|",
        f"| first render, navigation → all {len(boundaries.counties())} county paths (median of {res['runs']}) "
        f"| {res['first_render_s_median']:.2f} s ({', '.join(map(str, res['first_render_s_all']))}) |",
        f"| generated map HTML (boundaries + 2+4 + labels) | {res['map_html_bytes'] / 1e6:.2f} MB |",
        f"| websocket bytes to the browser | {res['ws_bytes_median'] / 1e6:.2f} MB |",
        f"| HTTP bytes (Streamlit + vendored JS/CSS, uncached) | {res['http_bytes_median'] / 1e6:.2f} MB |",
        f"| console errors / requests leaving the machine | {res['console_errors']} / {res['external_requests']} |",
    ])


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    print(_table(run(parser.parse_args().runs)))
