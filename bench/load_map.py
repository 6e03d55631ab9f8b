"""Many users at once: N concurrent browser sessions on the Map page changing filters, on loopback.

    python -m bench.load_map [--sessions 20] [--changes 5]

One headless Chromium, one context (its own Streamlit session) per user, all started together.
Each opens the Map page, waits until it is drawn, then switches the stations layer off and on
``--changes`` times, timing each click until the map shows the change (counted in the page on every
animation frame). Reports p50/p95 of those redraws, failures, console errors, and the server's
resident memory (VmRSS) idle, after one session and at peak. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import threading
import time
from pathlib import Path

from playwright.async_api import async_playwright

from bench.bench_map import _COUNT_JS, _SAMPLER_JS
from tests.e2e.liveapp import CHROMIUM, CHROMIUM_FLAGS, app_process


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


class MemoryWatch(threading.Thread):
    """Samples the server's memory every 0.25 s and keeps the peak."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid, self.peak, self.running = pid, 0.0, True

    def run(self):
        while self.running:
            self.peak = max(self.peak, _rss_mb(self.pid))
            time.sleep(0.25)


async def _user(browser, base: str, changes: int, errors: list) -> list[float]:
    context = await browser.new_context(viewport={"width": 1400, "height": 900})
    page = await context.new_page()
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    await page.goto(base + "/?lang=en")
    await page.wait_for_function(f"() => ({_COUNT_JS})('path.jjj-station') >= 50", polling="raf", timeout=180000)
    await page.wait_for_selector('[data-test-script-state="notRunning"]', timeout=180000)
    times = []
    for i in range(changes * 2):
        expect_off = i % 2 == 0
        await page.evaluate(_SAMPLER_JS, ["path.jjj-county", "path.jjj-station", "==" if expect_off else ">=",
                                          0 if expect_off else 50])
        await page.get_by_role("button", name="Stations", exact=True).click()
        await page.wait_for_function("() => window.__bench.done !== null", polling=50, timeout=120000)
        times.append((await page.evaluate("() => window.__bench.done")) / 1000)
        await page.wait_for_selector('[data-test-script-state="notRunning"]', timeout=120000)
    await context.close()
    return times


async def _run(sessions: int, changes: int) -> dict:
    with app_process() as (base, proc):
        idle = _rss_mb(proc.pid)
        watch = MemoryWatch(proc.pid)
        watch.start()
        async with async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
            errors: list[str] = []
            await _user(browser, base, 1, errors)
            after_one = _rss_mb(proc.pid)
            start = time.monotonic()
            results = await asyncio.gather(*(_user(browser, base, changes, errors) for _ in range(sessions)),
                                           return_exceptions=True)
            wall = time.monotonic() - start
            await browser.close()
        watch.running = False
        end = _rss_mb(proc.pid)
    failures = [r for r in results if isinstance(r, BaseException)]
    times = sorted(t for r in results if not isinstance(r, BaseException) for t in r)
    return {"sessions": sessions, "changes": len(times), "failures": len(failures),
            "failure_kinds": sorted({type(f).__name__ for f in failures}),
            "p50": statistics.median(times) if times else float("nan"),
            "p95": times[int(0.95 * (len(times) - 1))] if times else float("nan"),
            "max": times[-1] if times else float("nan"), "wall": wall, "errors": len(errors),
            "rss_idle": idle, "rss_one": after_one, "rss_peak": watch.peak, "rss_end": end}


def _table(r: dict) -> str:
    return "\n".join([
        "| measure | value |", "|---|---|",
        "| concurrent sessions / filter changes completed / failed sessions | "
        f"{r['sessions']} / {r['changes']} / {r['failures']} {r['failure_kinds'] or ''} |",
        f"| redraw after a filter change, p50 / p95 / max | {r['p50']:.2f} s / {r['p95']:.2f} s / {r['max']:.2f} s |",
        f"| wall time for all sessions | {r['wall']:.1f} s |",
        "| server memory (VmRSS): idle / after one session / peak / end | "
        f"{r['rss_idle']:.0f} / {r['rss_one']:.0f} / {r['rss_peak']:.0f} / {r['rss_end']:.0f} MB |",
        f"| console errors | {r['errors']} |",
    ])


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--changes", type=int, default=5)
    args = parser.parse_args()
    print(_table(asyncio.run(_run(args.sessions, args.changes))))
