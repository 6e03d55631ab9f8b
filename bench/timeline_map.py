"""Where the Map page's first visit spends its time, in headless Chromium, offline (issue #16).

    python -m bench.timeline_map [--runs 2]

One line per event of a fresh visit, in ms from the navigation: the script runs the browser asks for
(``tx``), the run's messages (``rx``: its map, its controls, ``script_finished``), the requests for the
front end's lazy widget code and the map's own files (``req`` / ``fin``), and the milestones drawn in
the page (the map's frame, its counties, the first control of each kind, the layer pills that
``bench_map`` waits for). The run the map's first report starts, and the widget code it needs, are the
part of "page complete" that follows "first render" (docs/speed-and-size.md).
"""

from __future__ import annotations

import argparse
import time

from playwright.sync_api import sync_playwright
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from geo.vocab import OVERLAYS
from tests.e2e.liveapp import app_server, launch

PATH = "/?lang=en&layers=" + ",".join(OVERLAYS)  # every layer on, as bench_map opens it
_WIDGETS = ("stSelectbox", "stMultiSelect", "stSlider", "stButtonGroup", "stCheckbox", "stTextInput", "stRadio")
# Milestones on every animation frame (page clock: ms since navigation).
_MARKS_JS = """(widgets) => { const t = window.__marks = {};
  const count = (sel) => [...document.querySelectorAll('iframe')].reduce((n, f) => {
    try { return n + f.contentDocument.querySelectorAll(sel).length; } catch (e) { return n; } }, 0);
  const tick = () => { const now = performance.now();
    if (!t.map_frame && document.querySelector('iframe')) t.map_frame = now;
    if (!t.counties_drawn && count('path.jjj-county') >= 199) t.counties_drawn = now;
    for (const id of widgets) if (!t[id] && document.querySelector(`[data-testid="${id}"]`)) t[id] = now;
    if (!t.layer_pills && [...document.querySelectorAll('button')].some(b => b.innerText.trim() === 'Stations'))
      t.layer_pills = now;
    if (!(t.layer_pills && t.counties_drawn)) requestAnimationFrame(tick); };
  requestAnimationFrame(tick); }"""


def _parse(cls, payload):
    message = cls()
    message.ParseFromString(payload if isinstance(payload, bytes) else payload.encode("latin-1"))
    return message


def _received(payload) -> str:
    message = _parse(ForwardMsg, payload)
    kind = message.WhichOneof("type")
    if kind == "delta" and message.delta.WhichOneof("type") == "new_element":
        return f"rx {message.delta.new_element.WhichOneof('type')} ({len(payload):,} B)"
    return f"rx {kind}"


def visit(playwright, base: str) -> list[tuple[int, str]]:
    """The events of one fresh visit, sorted by time."""
    browser = launch(playwright)
    page = browser.new_context(viewport={"width": 1500, "height": 1000}).new_page()
    events: list[tuple[int, str]] = []
    start = time.monotonic()

    def note(text: str) -> None:
        events.append((round((time.monotonic() - start) * 1000), text))

    def on_socket(ws):
        ws.on("framereceived", lambda p: note(_received(p)))
        ws.on("framesent", lambda p: note(f"tx {_parse(BackMsg, p).WhichOneof('type')}"))

    def watched(url: str) -> bool:
        return "/static/js/" in url or "/app/static/" in url or "/component/" in url

    page.on("websocket", on_socket)
    page.on("request", lambda r: watched(r.url) and note(f"req {r.url.rsplit('/', 1)[1][:48]}"))
    page.on("requestfinished", lambda r: watched(r.url) and note(f"fin {r.url.rsplit('/', 1)[1][:48]}"))
    page.goto(base + PATH)
    page.evaluate(_MARKS_JS, list(_WIDGETS))
    page.wait_for_function("() => window.__marks.layer_pills && window.__marks.counties_drawn", timeout=60000)
    page.wait_for_selector('[data-test-script-state="notRunning"]')
    marks = page.evaluate("() => window.__marks")
    browser.close()
    events += [(round(at), f"drawn {name} (page clock)") for name, at in marks.items()]
    return sorted(events)


def _summary(events: list[tuple[int, str]]) -> str:
    """The few lines that tell where the time went (rx/tx on the driver's clock, drawn on the page's)."""
    def first(prefix: str, nth: int = 1):
        found = [at for at, text in events if text.startswith(prefix)]
        return found[nth - 1] if len(found) >= nth else None
    runs = [at for at, text in events if text == "tx rerun_script"]
    ends = [at for at, text in events if text == "rx script_finished"]
    widget_code = [at for at, text in events if text.startswith(("req Selectbox.", "fin "))]
    return (f"first run asked {runs[0] if runs else '–'} ms, ended {ends[0] if ends else '–'}; map frame "
            f"{first('drawn map_frame')}, counties drawn {first('drawn counties_drawn')}; the map's report "
            f"asked run 2 at {runs[1] if len(runs) > 1 else '–'}, it ended {ends[1] if len(ends) > 1 else '–'}; "
            f"widget code asked {first('req Selectbox.')}, all files in by {max(widget_code) if widget_code else '–'}; "
            f"layer pills drawn {first('drawn layer_pills')}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--all", action="store_true", help="print every event, not only the summary")
    args = parser.parse_args()
    with sync_playwright() as playwright, app_server() as base:
        visit(playwright, base)  # warm the server's caches, as for any visitor after the first
        for _ in range(args.runs):
            events = visit(playwright, base)
            if args.all:
                print("\n".join(f"{at:6d} {text}" for at, text in events))
            print(_summary(events), "| load", " ".join(open("/proc/loadavg").read().split()[:3]))


if __name__ == "__main__":
    main()
