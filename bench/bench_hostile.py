"""Time and memory of hostile input (issue 19): each corpus case, big exports, the Map's per-run work.

    python -m bench.bench_hostile            # every measurement, a Markdown table on stdout
    python -m bench.bench_hostile --quick    # the corpus only
    python -m bench.bench_hostile --server   # the app server's memory across browser sessions uploading,
                                             # and how long another session waits meanwhile
    python -m bench.bench_hostile --server --traced   # also what holds the memory (bench/traced_server.py)
    python -m bench.bench_hostile --gil      # the longest stretch each slow read keeps the GIL from a thread
    python -m bench.bench_hostile --heavy    # the slowest single library calls, in a worker (JJJ_WORKER=off: here)

Each upload case runs in a fresh child process: resident memory idle (imports and boundaries
loaded), the peak while reading (sampled every 5 ms), and after the result is dropped and a
garbage collection ran. Figures go to docs/limits.md.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import multiprocessing as mp
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

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


def _longest_gap(work) -> tuple[float, float]:
    """Run ``work`` in a thread while this one wakes every 2 ms: (seconds of work, the longest wake-up gap).
    The gap is how long the work kept the GIL from another thread (another session's script or the server)."""
    done, gaps = threading.Event(), []
    thread = threading.Thread(target=lambda: (work(), done.set()), daemon=True)
    start = last = time.perf_counter()
    thread.start()
    while not done.is_set():
        time.sleep(0.002)
        now = time.perf_counter()
        gaps.append(now - last)
        last = now
    thread.join()
    return time.perf_counter() - start, max(gaps, default=0.0)


def gil_rows() -> list[dict]:
    """The longest stretch each slow read (and the full collection after it) holds the GIL, in this process."""
    from geo import uploads
    from tests import hostile_corpus
    _warm()
    rows = []
    for label, name, reader, data, _ in hostile_corpus.cases():
        read = uploads.read_points if reader == "points" else uploads.read_indicators
        start = time.perf_counter()
        read(name, data)
        if time.perf_counter() - start < 0.5:
            continue
        before = _rss()
        with _Peak() as peak:
            seconds, gap = _longest_gap(lambda read=read, name=name, data=data: read(name, data))
        rows.append({"what": f"read {name} ({label})", "seconds": seconds, "gap": gap,
                     "rss": (before, peak.peak, _rss())})
    seconds, gap = _longest_gap(gc.collect)
    rows.append({"what": "gc.collect() after them (uploads.release_memory)", "seconds": seconds, "gap": gap,
                 "rss": (_rss(),) * 3})
    return rows


def heavy_rows() -> list[dict]:
    """The slowest single library calls left (openpyxl's sizing pass; a shared-string table), read in a worker
    or, with JJJ_WORKER=off, in this process: time, another thread's longest wait, this process's memory."""
    from geo import uploads
    from tests import hostile_corpus
    _warm()
    files = {"rows_500000.xlsx": hostile_corpus.xlsx_rows(500_000),
             "shared_strings_1500000.xlsx": hostile_corpus.shared_strings_xlsx(1_500_000)}
    rows = []
    for name, data in files.items():
        gc.collect()
        before = _rss()
        with _Peak() as peak:
            seconds, gap = _longest_gap(lambda name=name, data=data: uploads.read_indicators(name, data))
        rows.append({"what": f"read {name} ({len(data):,} bytes)", "seconds": seconds, "gap": gap,
                     "rss": (before, peak.peak, _rss())})
    return rows


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
# The slowest read within the limits (docs/limits.md): 50,000 points with 4 problems each.
STALL_CASE = "messages_at_row_limit.csv"


class _RssWatch(threading.Thread):
    """The server's resident memory sampled every 50 ms: the peak between marks."""

    def __init__(self, process: psutil.Process):
        super().__init__(daemon=True)
        self.process, self.peak, self.running = process, 0.0, True

    def now(self) -> float:
        return self.process.memory_info().rss / MB

    def workers(self) -> float:
        """The resident memory of the server's child processes (geo/worker.py's forkserver and workers)."""
        total = 0.0
        for child in self.process.children(recursive=True):
            try:
                total += child.memory_info().rss / MB
            except psutil.Error:  # a worker replaced meanwhile
                pass
        return total

    def run(self) -> None:
        self.worker_peak = 0.0
        while self.running:
            self.peak = max(self.peak, self.now())
            self.worker_peak = max(self.worker_peak, self.workers())
            time.sleep(0.05)

    def stop(self) -> None:
        self.running = False
        self.join(5)


@contextmanager
def _server(traced: bool, report: str):
    """The app's server (tests/e2e/liveapp.py), or under bench/traced_server.py for memory reports."""
    from tests.e2e import liveapp
    if not traced:
        with liveapp.app_process() as (base, proc):
            yield base, proc
        return
    port = liveapp.free_port()
    cmd = [sys.executable, "-m", "bench.traced_server", "run", str(liveapp.ROOT / "app.py"),
           "--server.port", str(port), "--server.address", "127.0.0.1", "--server.headless", "true",
           "--server.fileWatcherType", "none", "--browser.gatherUsageStats", "false"]
    with tempfile.NamedTemporaryFile("w+b", prefix="jjj-traced-", suffix=".log") as log:
        proc = subprocess.Popen(cmd, cwd=liveapp.ROOT, stdout=log, stderr=subprocess.STDOUT,
                                env={**os.environ, "JJJ_MEMORY_REPORT": report})
        base = f"http://127.0.0.1:{port}"
        try:
            liveapp._wait_healthy(base, proc, 60, Path(log.name))
            yield base, proc
        finally:
            proc.terminate()
            proc.wait(10)


def _memory_report(proc, report: str, when: str, reports: list) -> None:
    """Ask the traced server for its report (SIGUSR1) and keep it under ``when``."""
    if not report:
        return
    lines = Path(report).read_text().splitlines() if Path(report).exists() else []
    proc.send_signal(signal.SIGUSR1)
    for _ in range(600):
        time.sleep(0.1)
        now = Path(report).read_text().splitlines() if Path(report).exists() else []
        if len(now) > len(lines):
            reports.append((when, json.loads(now[-1])))
            return
    raise TimeoutError("the traced server wrote no memory report")


def _upload(pw, base: str, path: Path) -> None:
    """One browser session: open the Data page, upload ``path`` as points, wait for the report, close."""
    from tests.e2e.liveapp import fresh_page
    with fresh_page(pw, f"{base}/data?lang=en") as (page, _):
        page.wait_for_selector('[data-test-script-state="notRunning"]', timeout=90_000)
        page.locator('input[type="file"]').nth(1).set_input_files(str(path))
        page.get_by_text("rows accepted").first.wait_for(timeout=120_000)
        page.wait_for_timeout(1000)
        page.wait_for_selector('[data-test-script-state="notRunning"]', timeout=120_000)


def server_rows(sessions: int = 3, traced: bool = False) -> tuple[list[dict], list, dict]:
    """The app's server: memory idle, at its peak, after each browser session uploads a hostile file and
    after they close; then how long another session waits while the slowest file is read (``stall``)."""
    from playwright.sync_api import sync_playwright

    from tests import hostile_corpus
    from tests.e2e.liveapp import fresh_page

    files = {name: data for _, name, _, data, _ in hostile_corpus.cases() if name in SERVER_CASES}
    rows, reports = [], []
    with tempfile.TemporaryDirectory() as folder:
        report = str(Path(folder) / "memory.jsonl") if traced else ""
        with _server(traced, report) as (base, proc), sync_playwright() as pw:
            server = psutil.Process(proc.pid)
            for name, data in files.items():
                (Path(folder) / name).write_bytes(data)
            with fresh_page(pw, f"{base}/data?lang=en") as (page, _):
                page.wait_for_selector('[data-test-script-state="notRunning"]', timeout=90_000)
            time.sleep(3)
            watch = _RssWatch(server)
            idle = watch.now()
            rows.append({"when": "idle (after one plain visit of the Data page)", "rss": idle})
            _memory_report(proc, report, "idle", reports)
            watch.start()
            for name in files:
                for _ in range(sessions):
                    _upload(pw, base, Path(folder) / name)
                time.sleep(5)  # the closed sessions' state is dropped
                rows.append({"when": f"{sessions} sessions uploaded {name}, then closed", "rss": watch.now()})
            watch.stop()
            rows.append({"when": "peak while those 9 uploads were read", "rss": watch.peak})
            rows.append({"when": "worker processes (geo/worker.py): peak while read / now",
                         "rss": watch.worker_peak, "now": watch.workers()})
            _memory_report(proc, report, "after the sessions closed", reports)
            time.sleep(130)  # server.disconnectedSessionTTL (120 s): closed sessions and their files are dropped
            after = watch.now()
            rows.append({"when": "130 s after the last session closed (past its 120 s TTL)", "rss": after})
            rows.append({"when": "after - idle", "rss": after - idle})
            _memory_report(proc, report, "130 s later", reports)
            stall = stall_figures(pw, base, Path(folder) / STALL_CASE)
    return rows, reports, stall


class _OtherSession(threading.Thread):
    """Another visitor on the Map page (bench/load_protocol.py's protocol client): a layer toggled every
    0.3 s, each rerun timed, and the health endpoint polled every 0.1 s, from its own event loop."""

    def __init__(self, base: str):
        super().__init__(daemon=True)
        self.base, self.running, self.ready = base, True, threading.Event()
        self.reruns: list[tuple[float, float]] = []  # (start, seconds)
        self.health: list[tuple[float, float]] = []

    def run(self) -> None:
        asyncio.run(self._main())

    async def _main(self) -> None:
        from bench.load_protocol import Session, toggle_stations
        session = Session(self.base)
        await session.open()
        self.ready.set()
        poll = asyncio.create_task(self._poll_health())
        while self.running:
            await asyncio.sleep(0.3)
            toggle_stations(session.book)
            start = time.monotonic()
            self.reruns.append((start, await session.rerun(timeout=300)))
        poll.cancel()
        await session.close()

    async def _poll_health(self) -> None:
        while True:
            start = time.monotonic()
            await asyncio.to_thread(urllib.request.urlopen(self.base + "/_stcore/health", timeout=60).read)
            self.health.append((start, time.monotonic() - start))
            await asyncio.sleep(0.1)

    def stop(self) -> None:
        self.running = False
        self.join(120)


def _window(samples: list[tuple[float, float]], start: float, end: float) -> list[float]:
    return [seconds for at, seconds in samples if start <= at <= end]


def stall_figures(pw, base: str, path: Path) -> dict:
    """The other session's rerun times and the health check's latency, for 10 s idle and while one browser
    session uploads the slowest file within the limits (the window ends when its report is shown)."""
    other = _OtherSession(base)
    other.start()
    other.ready.wait(180)
    time.sleep(2)
    idle_start = time.monotonic()
    time.sleep(10)
    idle_end = upload_start = time.monotonic()
    _upload(pw, base, path)
    upload_end = time.monotonic()
    other.stop()
    figures = {"upload_window_s": upload_end - upload_start}
    for label, (start, end) in (("idle", (idle_start, idle_end)), ("upload", (upload_start, upload_end))):
        reruns, health = _window(other.reruns, start, end), _window(other.health, start, end)
        figures[label] = {"reruns": len(reruns), "rerun_median_s": statistics.median(reruns) if reruns else None,
                          "rerun_max_s": max(reruns, default=None),
                          "health_max_s": max(health, default=None), "health_n": len(health)}
    return figures


def _print_server(rows: list[dict], reports: list, stall: dict) -> None:
    print("| server memory | RSS MB |\n|---|---:|")
    for r in rows:
        print(f"| {r['when']} | {r['rss']:.0f}" + (f" / {r['now']:.0f} |" if "now" in r else " |"))
    print(f"\nStall (another session on the Map page, a layer toggled every 0.3 s; upload window "
          f"{stall['upload_window_s']:.1f} s):\n")
    print("| window | reruns | rerun median s | rerun max s | health checks | health max s |")
    print("|---|---:|---:|---:|---:|---:|")
    for label in ("idle", "upload"):
        f = stall[label]
        print(f"| {label} | {f['reruns']} | {f['rerun_median_s'] or 0:.2f} | {f['rerun_max_s'] or 0:.2f} | "
              f"{f['health_n']} | {f['health_max_s'] or 0:.2f} |")
    for when, report in reports:
        py = report["python"]
        print(f"\n{when}: sessions {report['sessions']}, {py['objects']:,} Python objects "
              f"({py['shallow_mb']:.0f} MB shallow), arrow {report['arrow']}, glibc {report['glibc']}")
        for name, count, size in py["top"][:12]:
            print(f"    {name}: {count:,} objects, {size} MB")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--server", action="store_true", help="only the server's memory across browser sessions")
    parser.add_argument("--gil", action="store_true", help="only the longest GIL stretch of each slow read")
    parser.add_argument("--heavy", action="store_true",
                        help="only the two slowest single library calls (with JJJ_WORKER=off: in this process)")
    parser.add_argument("--traced", action="store_true",
                        help="with --server: run it under bench/traced_server.py and print what holds memory")
    args = parser.parse_args()
    if args.server:
        _print_server(*server_rows(traced=args.traced))
        return
    if args.gil or args.heavy:
        where = "this process (JJJ_WORKER=off)" if os.environ.get("JJJ_WORKER") == "off" else "a worker"
        print(f"Read in {where}; RSS of this process before / peak / after.\n")
        print("| work | s | longest GIL stretch s | RSS MB |\n|---|---:|---:|---|")
        for r in heavy_rows() if args.heavy else gil_rows():
            print(f"| {r['what']} | {r['seconds']:.2f} | {r['gap']:.3f} | {' / '.join(f'{m:.0f}' for m in r['rss'])} |")
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
