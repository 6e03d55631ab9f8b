"""Time and memory of hostile input (issue 19): each corpus case, big exports, the Map's per-run work.

    python -m bench.bench_hostile            # every measurement, a Markdown table on stdout
    python -m bench.bench_hostile --quick    # the corpus only
    python -m bench.bench_hostile --server   # the app server's memory across browser sessions uploading

Each upload case runs in a fresh child process: resident memory idle (imports and boundaries
loaded), the peak while reading (sampled every 5 ms), and after the result is dropped and a
garbage collection ran. Figures go to docs/limits.md.
"""

from __future__ import annotations

import argparse
import gc
import json
import multiprocessing as mp
import sys
import threading
import time

import psutil

MB = 2**20


def _rss() -> float:
    return psutil.Process().memory_info().rss / MB


class _Peak:
    """The highest resident memory seen while the block runs."""

    def __enter__(self):
        self.peak, self._stop = _rss(), threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()
        return self

    def _watch(self):
        while not self._stop.wait(0.005):
            self.peak = max(self.peak, _rss())

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, _rss())


def _warm() -> None:
    from geo import uploads
    uploads.read_points("warm.csv", "name,longitude,latitude\n测试平台 1,116.3975,39.9087\n".encode())
    gc.collect()


def _one_case(index: int, out) -> None:
    from geo import uploads
    from tests import hostile_corpus
    label, name, reader, data, _ = list(hostile_corpus.cases())[index]
    _warm()
    idle = _rss()
    read = uploads.read_points if reader == "points" else uploads.read_indicators
    with _Peak() as peak:
        start = time.perf_counter()
        result = read(name, data)
        seconds = time.perf_counter() - start
    codes = sorted({p.code for p in result.problems})
    row = {"class": label, "file": name, "bytes": len(data), "seconds": seconds, "idle": idle, "peak": peak.peak,
           "rows": len(result.rows), "messages": len(result.problems), "codes": codes}
    del result, data
    gc.collect()
    row["after"] = _rss()
    out.send(row)


def corpus_rows() -> list[dict]:
    from tests import hostile_corpus
    rows = []
    for index in range(len(list(hostile_corpus.cases()))):
        receive, send = mp.Pipe(duplex=False)
        child = mp.get_context("fork").Process(target=_one_case, args=(index, send))
        child.start()
        rows.append(receive.recv())
        child.join()
    return rows


def _points(n: int, own_sources: bool):
    from geo import uploads
    from tests import hostile_corpus
    sources = [{"source": f"测试来源 {i:06d}"} if own_sources else {} for i in range(n)]
    features = [hostile_corpus.point_feature(f"测试平台 {i:06d}", **sources[i]) for i in range(n)]
    for i, feature in enumerate(features):  # a grid over central Beijing, 0.001° by 0.0002° a step
        feature["geometry"]["coordinates"] = [116.30 + (i % 200) * 1e-3, 39.85 + (i // 200) * 2e-4]
    data = json.dumps({"type": "FeatureCollection", "features": features}).encode()
    start = time.perf_counter()
    result = uploads.read_points("bench.geojson", data)
    return result.rows, time.perf_counter() - start, len(data)


def export_rows() -> list[dict]:
    from geo import snapshot
    from geo.filters import ViewState
    rows = []
    for n in (10_000, 25_000):  # 25,000 such points are a 4.8 MB file, under the upload limit
        points, read_s, size = _points(n, own_sources=True)
        assert len(points) == n, "the bench file must be accepted"
        start = time.perf_counter()
        snapshot.export_all(ViewState(), ("png",), user_points=points)
        rows.append({"what": f"PNG export, {n:,} uploaded points, each its own source ({size / 1e6:.1f} MB GeoJSON)",
                     "seconds": time.perf_counter() - start, "read": read_s})
    return rows


def map_run_rows() -> list[dict]:
    from geo import filters, mapview, overlays
    from geo.filters import ViewState
    rows = []
    for n in (10_000, 25_000):
        points, read_s, _ = _points(n, own_sources=False)
        assert len(points) == n, "the bench file must be accepted"
        for label, state in (("no filter", ViewState()), ("city filter", ViewState(cities=("110100",)))):
            filters.visible_layers(state, points)  # the curated layers of this filter, cached per process
            start = time.perf_counter()
            layers = filters.visible_layers(state, points)
            filtered = time.perf_counter() - start
            group = overlays.overlay_group(layers, "zh", mapview.policy_area_features("zh"))
            built = time.perf_counter() - start
            del group
            rows.append({"what": f"Map run, {n:,} uploaded points, {label}", "filter": filtered, "build": built,
                         "read": read_s})
    return rows


SERVER_CASES = ("messages_5mb.csv", "messages_at_row_limit.csv", "blank_lines_5mb.csv")


def server_rows(sessions: int = 3) -> list[dict]:
    """The app's server memory: idle, after each browser session uploads a hostile file, after they close."""
    import tempfile
    from pathlib import Path

    from playwright.sync_api import sync_playwright

    from tests import hostile_corpus
    from tests.e2e.liveapp import app_process, fresh_page

    files = {name: data for _, name, _, data, _ in hostile_corpus.cases() if name in SERVER_CASES}
    rows = []
    with tempfile.TemporaryDirectory() as folder, app_process() as (base, proc), sync_playwright() as pw:
        server = psutil.Process(proc.pid)
        for name, data in files.items():
            (Path(folder) / name).write_bytes(data)
        with fresh_page(pw, f"{base}/data?lang=en") as (page, _):
            page.wait_for_selector('[data-test-script-state="notRunning"]', timeout=90_000)
        time.sleep(3)
        rows.append({"when": "idle (after one plain visit of the Data page)", "rss": server.memory_info().rss / MB})
        for name in files:
            for _ in range(sessions):
                with fresh_page(pw, f"{base}/data?lang=en") as (page, _):
                    page.wait_for_selector('[data-test-script-state="notRunning"]', timeout=90_000)
                    page.locator('input[type="file"]').nth(1).set_input_files(str(Path(folder) / name))
                    page.get_by_text("rows accepted").first.wait_for(timeout=120_000)
                    page.wait_for_timeout(1000)
                    page.wait_for_selector('[data-test-script-state="notRunning"]', timeout=120_000)
                    during = server.memory_info().rss / MB
            time.sleep(5)  # the closed sessions' state is dropped
            rows.append({"when": f"{sessions} sessions uploaded {name}, then closed (during: {during:.0f} MB)",
                         "rss": server.memory_info().rss / MB})
        time.sleep(130)  # server.disconnectedSessionTTL (120 s): closed sessions and their files are dropped
        rows.append({"when": "130 s later (past the closed sessions' 120 s TTL)", "rss": server.memory_info().rss / MB})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--server", action="store_true", help="only the server's memory across browser sessions")
    args = parser.parse_args()
    if args.server:
        print("| server memory | RSS MB |\n|---|---:|")
        for r in server_rows():
            print(f"| {r['when']} | {r['rss']:.0f} |")
        return
    print("| class | file | bytes | s | idle MB | peak MB | after MB | rows kept | messages | codes |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---|")
    for r in corpus_rows():
        name = r["file"].replace("|", "\\|").replace("$", "\\$").replace("[", "\\[")
        print(f"| {r['class']} | `{name[:40]!r}` | {r['bytes']:,} | {r['seconds']:.2f} | {r['idle']:.0f} | "
              f"{r['peak']:.0f} | {r['after']:.0f} | {r['rows']} | {r['messages']} | {', '.join(r['codes'])} |")
    if args.quick:
        return
    for r in export_rows():
        print(f"\n{r['what']}: read {r['read']:.2f} s, export {r['seconds']:.2f} s")
    for r in map_run_rows():
        print(f"\n{r['what']}: filter {r['filter'] * 1000:.1f} ms, filter + overlay build {r['build']:.2f} s "
              f"(read once: {r['read']:.2f} s)")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
