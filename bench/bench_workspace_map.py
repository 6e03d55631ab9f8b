"""The Map page with a team workspace of 1,000 fictional platforms: a filter change, in headless Chromium.

    python -m bench.bench_workspace_map [--rows 1000] [--runs 3]

A fresh SQLite store (a temporary ``JJJ_DATA_DIR``) gets one upload of ``--rows`` fictional platforms
("测试平台 0001 / Test platform 0001", types in the 15/20/8/3 proportion of the 2017 list, placed at
real counties' reference points). The Map page is opened with the view link (``?ws=ID``, curated and
workspace rows both shown) in a fresh browser, as ``bench/bench_map.py`` measures it: the redraw is
the time from the click on a platform-type pill (switching innovation platforms off) until the drawn
platform symbols are the expected number, sampled on every animation frame; "blank" is how long
the map had no boundary in that time. The server side of the same change (filtered layers and the
overlay feature group, the workspace read once per version) is timed in this process too. Prints a
Markdown table and the load average (the machine is shared).
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time

from playwright.sync_api import sync_playwright

from bench.bench_map import Variant, _one_run
from geo import bigpoints, filters, mapview, overlays
from geo.filter_table import by_field
from geo.filters import ViewState
from geo.vocab import PLATFORM_SYMBOLS
from geo.workspace import Store, active
from tests.e2e.liveapp import app_server
from tests.workspace_fixtures import TYPE_COUNTS, platforms_csv


def _type_counts(rows: int) -> dict[str, int]:
    """``rows`` split in the 15/20/8/3 proportion (the remainder to manufacturing)."""
    total = sum(TYPE_COUNTS.values())
    counts = {t: rows * n // total for t, n in TYPE_COUNTS.items()}
    counts["manufacturing"] += rows - sum(counts.values())
    return counts


def _workspace(rows: int) -> str:
    store = Store()
    workspace_id, key = store.create("基准测试 / bench")
    result, version = store.upload(workspace_id, key, "platforms", "bench.csv",
                                   platforms_csv(_type_counts(rows), prefix="测试平台 / Test platform"))
    if version is None or len(result.rows) != rows:
        raise SystemExit(f"the bench upload kept {len(result.rows)} of {rows} rows: {result.problems[:3]}")
    store.dispose()
    return workspace_id


def _server_side(workspace_id: str, runs: int) -> tuple[float, int, int]:
    """(median seconds of one filter change on the server, platforms before, after)."""
    active.activate(active.load(Store(), workspace_id), "both")
    every = tuple(by_field()["types"].options())
    before = filters.visible_layers(ViewState()).counts()["platforms"]
    times = []
    for i in range(runs):
        # a state not seen before each time, so the layer cache does not answer
        state = ViewState(types=tuple(t for t in every if t != "innovation"), as_of=2100 - i)
        start = time.perf_counter()
        layers = filters.visible_layers(state)
        overlays.overlay_group(layers, "en", mapview.policy_area_features("en"))
        times.append(time.perf_counter() - start)
    after = filters.visible_layers(ViewState(types=tuple(t for t in every if t != "innovation"))).counts()["platforms"]
    return statistics.median(times), before, after


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="jjj-bench-ws-") as folder:
        os.environ["JJJ_DATA_DIR"] = folder  # the server started below inherits it
        os.environ.pop("JJJ_DATABASE_URL", None)
        workspace_id = _workspace(args.rows)
        server, before, after = _server_side(workspace_id, args.runs)
        pill = PLATFORM_SYMBOLS["innovation"].term("en")
        symbols = "jjj:platform" if bigpoints.uses_canvas(before) else ".jjj-sym-platform"
        variant = Variant(
            f"Map page + workspace of {args.rows}", "app.py", f"/?lang=en&ws={workspace_id}",
            [("path.jjj-county", 199), (symbols, before)], "path.jjj-county",
            lambda page: page.get_by_role("button", name=pill, exact=True),
            lambda page: page.get_by_role("button", name=pill, exact=True).click(),
            (symbols, "==", after))
        with app_server(timeout=90) as base, sync_playwright() as pw:
            _one_run(pw, base, variant)  # warm the server's caches (the workspace is read once per version)
            runs = [_one_run(pw, base, variant) for _ in range(args.runs)]
    load = os.getloadavg()
    print(f"| {args.rows} workspace platforms ({before} drawn → {after}) | median | runs |")
    print("|---|---|---|")
    for label, key in (("first render (s)", "first"), ("filter change redrawn (s)", "redraw"),
                       ("map blank during the change (s)", "blank")):
        values = [r[key] for r in runs]
        print(f"| {label} | {statistics.median(values):.2f} | {', '.join(f'{v:.2f}' for v in values)} |")
    print(f"| server side of the change (layers + overlays, s) | {server:.3f} | |")
    print(f"\nload average (1, 5, 15 min): {load[0]:.2f}, {load[1]:.2f}, {load[2]:.2f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
