"""Static snapshot export time against a browser screenshot of the same view.

    python -m bench.bench_snapshot [--runs 5] [--labels-only]

Times (median of ``--runs``) a 1920×1080 and a 3840×2160 PNG of the default Map view drawn by
``geo.snapshot`` (matplotlib, no browser; through ``geo.export_formats``), after one warm-up that
loads the data. For comparison,
the browser route: the ``to_html`` export opened from disk in headless Chromium (network blocked)
and screenshotted at 1920×1080, including the browser start. folium's own ``Map._to_png`` needs
selenium and geckodriver, which this machine does not have. Prints a Markdown table.
``--labels-only`` times what label placement (geo.labels) adds to one 1920×1080 PNG: the same
export with placement replaced by a no-op, default view and a zoomed view with county names.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from geo import boundaries, export_formats, filters, labels, offline_html
from tests.e2e.liveapp import launch, map_frame

TARGETS = {"1920x1080": 1.5, "3840x2160": 3.0}  # seconds, on the 2-core project machine


def _png_seconds(state: filters.ViewState, preset: str) -> float:
    start = time.perf_counter()
    export_formats.export(state, "png", preset=preset)
    return time.perf_counter() - start


def _screenshot_seconds(pw, html_path: Path, out: Path) -> float:
    start = time.perf_counter()
    browser = launch(pw)
    try:
        page = browser.new_context(viewport={"width": 1920, "height": 1080}, offline=True).new_page()
        page.goto(html_path.as_uri())
        map_frame(page, "path.jjj-county", len(boundaries.counties()))
        page.screenshot(path=str(out))
    finally:
        browser.close()
    return time.perf_counter() - start


def run(runs: int = 5) -> dict:
    state = filters.ViewState()
    export_formats.export(state, "png")  # warm-up: tables, boundaries, projections, the font
    results = {preset: [_png_seconds(state, preset) for _ in range(runs)] for preset in TARGETS}
    with tempfile.TemporaryDirectory() as tmp:
        html_path = Path(tmp) / "map.html"
        start = time.perf_counter()
        html_path.write_text(offline_html.to_html(state), "utf-8")
        html_seconds = time.perf_counter() - start
        with sync_playwright() as pw:
            results["browser"] = [_screenshot_seconds(pw, html_path, Path(tmp) / "shot.png") for _ in range(runs)]
    return {"runs": runs, "html_s": html_seconds, **{k: v for k, v in results.items()}}


def _cell(times: list[float]) -> str:
    return f"{statistics.median(times):.2f} s ({', '.join(f'{t:.2f}' for t in times)})"


def _table(res: dict) -> str:
    browser = statistics.median(res["browser"])
    rows = ["| route (default view, median of %d) | time | target |" % res["runs"], "|---|---|---|"]
    for preset, target in TARGETS.items():
        within = "yes" if statistics.median(res[preset]) <= target else "**no**"
        rows.append(f"| matplotlib PNG {preset.replace('x', '×')} | {_cell(res[preset])} | ≤ {target} s: {within} |")
    rows += [
        f"| build the self-contained HTML export | {res['html_s']:.2f} s | |",
        f"| headless Chromium screenshot of that HTML, 1920×1080, incl. browser start | {_cell(res['browser'])} | |",
        f"| browser route ÷ matplotlib 1920×1080 | {browser / statistics.median(res['1920x1080']):.1f} × | |",
    ]
    return "\n".join(rows)


ZOOMED = (116.0, 39.3, 117.4, 40.2)  # Beijing–Tianjin: county names drawn


def label_cost(runs: int = 5) -> str:
    """Median PNG time with and without label placement, as a Markdown table."""
    state = filters.ViewState()
    export_formats.export(state, "png", bounds=ZOOMED)  # warm-up, including the county shapes
    placement = labels.draw_labels
    rows = ["| view (1920×1080 PNG, median of %d) | with labels | without | added |" % runs, "|---|---|---|---|"]
    views = (("default (13 cities, platform and park names)", None), ("Beijing–Tianjin (counties)", ZOOMED))
    for name, bounds in views:
        times = {}
        for mode in ("with", "without"):
            labels.draw_labels = placement if mode == "with" else (lambda *a, **k: [])
            try:
                times[mode] = []
                for _ in range(runs):
                    start = time.perf_counter()
                    export_formats.export(state, "png", bounds=bounds)
                    times[mode].append(time.perf_counter() - start)
            finally:
                labels.draw_labels = placement
        with_, without = statistics.median(times["with"]), statistics.median(times["without"])
        rows.append(f"| {name} | {with_:.2f} s | {without:.2f} s | {with_ - without:+.2f} s (target ≤ 0.3 s) |")
    return "\n".join(rows)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--labels-only", action="store_true")
    args = parser.parse_args()
    print(label_cost(args.runs) if args.labels_only else _table(run(args.runs)))
