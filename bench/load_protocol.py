"""Many users on the Map page, spoken at Streamlit's own protocol (websocket + protobuf), on loopback.

    python -m bench.load_protocol --sessions 50 --think 5 --duration 60
    python -m bench.load_protocol --sessions 10,25,50 --think 5 --duration 60   # one row per N
    python -m bench.load_protocol --search --think 5 --duration 45             # highest rate, p95 <= 1 s
    python -m bench.load_protocol --sessions 50 --think 5 --duration 600       # soak: does memory grow?
    python -m bench.load_protocol --sessions 20 --think 2 --replicas 1,2       # 1 against 2 replicas
    python -m bench.load_protocol --compare-browser                            # N=1: protocol and Chromium

Each session does what a browser does at the wire: ``GET /`` and ``GET /_stcore/health`` (cookies:
nginx's route cookie, Streamlit's XSRF cookie), then the websocket ``/_stcore/stream`` with the
subprotocols ``streamlit, <xsrf token>[, <session id> on a reconnect]``,
a ``rerun_script`` BackMsg with the page's query string, and, once the map has arrived, the map
component's first report (its view), which makes the Map page send its controls. From the deltas of
that run it learns every widget's id, options and value and keeps them as the frontend does (every
rerun carries all widget states). Then, until the wall time or the change budget is spent, it waits
an exponential think time of mean ``--think`` seconds, changes one Map page filter at random (a layer,
a platform type, provinces, cities, modes, line statuses or the as-of year) and times the rerun from
sending the BackMsg to its ``script_finished``.

Reports per N: filter changes per second, p50/p95/max of those times, errors (exception deltas,
failed or early-ended runs, timeouts, dropped connections), the server's CPU (% of one core, mean and
peak over 1 s samples) and resident memory (psutil), memory per extra session (RSS with N sessions
idle minus the baseline after one warm-up session, divided by N) and, for runs over two minutes,
RSS in the first and the last minute. It refuses any host that is not 127.0.0.1 or localhost.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import threading
import time
import urllib.request
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from urllib.parse import urlparse

import psutil
import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

LOOPBACK = {"127.0.0.1", "localhost"}
MAX_SESSIONS = 400
MAX_DURATION = 1800.0
RUN_TIMEOUT = 60.0
QUERY = "lang=en"
# The Map page's filters a visitor changes (pages/map.py keys); the widget id ends with its key.
FILTER_KEYS = ("m_overlays", "m_types", "m_provinces", "m_cities", "m_modes", "m_statuses", "m_as_of")
# What st_folium's frontend reports after drawing (returned_objects of pages/map.py): the view.
MAP_REPORT = json.dumps({
    "last_clicked": None, "last_active_drawing": None, "center": {"lat": 39.3, "lng": 116.7}, "zoom": 7,
    "bounds": {"_southWest": {"lat": 36.0, "lng": 113.3}, "_northEast": {"lat": 42.6, "lng": 120.1}}})
FINISHED, EARLY, FRAGMENT = 0, 2, 3


def require_loopback(url: str) -> str:
    """The URL unchanged if its host is this machine; a load test must never leave it."""
    host = urlparse(url).hostname or ""
    if host not in LOOPBACK:
        raise SystemExit(f"refusing {url!r}: load runs only against 127.0.0.1 or localhost")
    return url.rstrip("/")


# --- what the frontend keeps: widget states --------------------------------------------------------

@dataclass
class Widget:
    kind: str
    options: list[str]
    state: WidgetState | None  # None: the frontend sends nothing for it (no value yet, or a button)


def _initial_state(kind: str, el) -> WidgetState | None:
    """The value a widget's frontend registers when it mounts, from its delta (or the server's set_value)."""
    w = WidgetState(id=el.id)
    if kind in ("button_group", "multiselect"):
        chosen = list(el.raw_values) if el.set_value or kind == "button_group" and el.raw_values else \
            [_content(el.options[i]) for i in el.default]
        w.string_array_value.data.extend(chosen)
    elif kind in ("selectbox", "radio"):
        if el.set_value or el.HasField("raw_value"):
            if not el.raw_value:
                return None
            w.string_value = el.raw_value
        elif el.HasField("default"):
            w.string_value = el.options[el.default]
        else:
            return None
    elif kind == "slider" and el.options:
        w.string_array_value.data.extend(el.options[int(i)] for i in (el.value if el.set_value else el.default))
    elif kind == "checkbox":
        w.bool_value = el.value
    elif kind == "text_input":
        w.string_value = el.value if el.set_value else el.default
    else:
        return None
    return w


def _content(option) -> str:
    return option if isinstance(option, str) else option.content


class WidgetBook:
    """Widget ids, options and the values the frontend would send, learnt from the deltas."""

    KINDS = {"button_group", "multiselect", "selectbox", "radio", "slider", "checkbox", "text_input"}

    def __init__(self):
        self.widgets: dict[str, Widget] = {}
        self.map_id: str | None = None

    def learn(self, msg: ForwardMsg) -> str | None:
        """Record a delta's widget; returns 'exception' for an exception delta."""
        if msg.WhichOneof("type") != "delta" or msg.delta.WhichOneof("type") != "new_element":
            return None
        element = msg.delta.new_element
        kind = element.WhichOneof("type")
        if kind == "exception":
            return "exception"
        el = getattr(element, kind)
        if kind == "component_instance" and el.component_name.endswith("st_folium"):
            if self.map_id is None:
                self.map_id = el.id
                self.widgets[el.id] = Widget(kind, [], None)
        elif kind in self.KINDS and el.id and (el.id not in self.widgets or el.set_value):
            options = [_content(o) for o in el.options] if hasattr(el, "options") else []
            self.widgets[el.id] = Widget(kind, options, _initial_state(kind, el))
        return None

    def report_map(self) -> None:
        state = WidgetState(id=self.map_id, json_value=MAP_REPORT)
        self.widgets[self.map_id].state = state

    def by_key(self, key: str) -> Widget | None:
        return next((w for wid, w in self.widgets.items() if wid.endswith("-" + key)), None)

    def states(self) -> list[WidgetState]:
        return [w.state for w in self.widgets.values() if w.state is not None]


def random_change(book: WidgetBook, rng: random.Random, keys=FILTER_KEYS) -> str:
    """Change one filter as a visitor would (toggle a chip, pick a few, move the year); returns its key."""
    key = rng.choice([k for k in keys if book.by_key(k)])
    w = book.by_key(key)
    values = w.state.string_array_value.data
    if key in ("m_overlays", "m_types"):  # a chip clicked: on if off, off if on
        option = rng.choice(w.options)
        chosen = [o for o in values if o != option] if option in values else [*values, option]
    elif w.kind == "slider":  # the as-of year: "All" or a year
        chosen = [rng.choice(w.options)]
    else:  # a multiselect: a random few, sometimes none ("All")
        chosen = rng.sample(w.options, rng.randint(0, min(3, len(w.options))))
    del values[:]
    values.extend(chosen)
    return key


def toggle_stations(book: WidgetBook) -> str:
    """The browser bench's change (bench/bench_map.py): the Stations chip off, then on."""
    w = book.by_key("m_overlays")
    values = w.state.string_array_value.data
    chosen = [o for o in values if o != "Stations"] if "Stations" in values else [*values, "Stations"]
    del values[:]
    values.extend(chosen)
    return "m_overlays"


# --- one session -----------------------------------------------------------------------------------

def _element_id(msg: ForwardMsg) -> str:
    element = msg.delta.new_element
    kind = element.WhichOneof("type")
    return getattr(getattr(element, kind), "id", "") if kind else ""


class ProtocolError(Exception):
    """The server answered a run with an exception, a failed run, or not at all."""


class Session:
    """One visitor at the protocol level: its cookies, websocket, widget states and timings."""

    def __init__(self, base: str, query: str = QUERY):
        self.base, self.query = require_loopback(base), query
        self.cookies: dict[str, str] = {}
        self.ws = None
        self.session_id = ""
        self.book = WidgetBook()
        self.first_run_only_map = False
        self.upstream: list[str] = []  # nginx's X-Upstream of every response seen (empty without nginx)

    async def open(self) -> float:
        """Load the page and run it until its controls are there; returns the seconds it took."""
        start = time.monotonic()
        await asyncio.to_thread(self._get_page)
        await self.connect()
        await self.rerun()  # the first run stops after the map
        self.book.report_map()
        await self.rerun()  # the map's report: the run that sends the controls
        if not self.book.by_key("m_overlays"):
            raise ProtocolError("the Map page sent no filter widgets")
        return time.monotonic() - start

    async def reconnect(self) -> float:
        """After a dropped websocket, as the frontend does: health check, a new websocket offering the old
        session id, a rerun with the URL and every widget state (and the map's report if the server started
        a new session, whose first run stops after the map); returns the seconds it took."""
        start = time.monotonic()
        await asyncio.to_thread(self._get, "/_stcore/health")
        await self.connect()
        await self.rerun()
        if self.first_run_only_map:
            await self.rerun()
        return time.monotonic() - start

    def _get_page(self) -> None:
        """The page, then the health check the frontend makes before its websocket (it sets the XSRF cookie)."""
        self._get("/?" + self.query)
        self._get("/_stcore/health")

    def _get(self, path: str) -> None:
        request = urllib.request.Request(self.base + path, headers=self._cookie_header())
        with urllib.request.urlopen(request, timeout=RUN_TIMEOUT) as response:
            response.read()
            self._note_upstream(response.headers)
            for header in response.headers.get_all("Set-Cookie") or []:
                for name, morsel in SimpleCookie(header).items():
                    self.cookies[name] = morsel.value

    def _cookie_header(self) -> dict[str, str]:
        return {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())} if self.cookies else {}

    def _note_upstream(self, headers) -> None:
        # nginx lists every replica it tried ("a, b" after a failed attempt); the last one answered.
        if headers.get("X-Upstream"):
            self.upstream.append(headers["X-Upstream"].split(",")[-1].strip())

    async def connect(self) -> None:
        """The websocket as the frontend opens it; a reconnect offers the old session id."""
        url = "ws" + self.base[len("http"):] + "/_stcore/stream"
        # Positions matter (streamlit, XSRF token, session id); a missing token is sent as a placeholder
        # that fails the XSRF check, which only means no signed-in user.
        protocols = ["streamlit", self.cookies.get("_streamlit_xsrf") or "none"]
        if self.session_id:
            protocols.append(self.session_id)
        self.ws = await websockets.connect(
            url, origin=self.base, subprotocols=protocols, additional_headers=self._cookie_header(),
            max_size=None, open_timeout=RUN_TIMEOUT, ping_interval=None)
        self._note_upstream(self.ws.response.headers)

    async def rerun(self, timeout: float = RUN_TIMEOUT) -> float:
        """Send a rerun with every widget state; the seconds until its script_finished."""
        msg = BackMsg()
        msg.rerun_script.query_string = self.query
        msg.rerun_script.widget_states.widgets.extend(self.book.states())
        start = time.monotonic()
        await self.ws.send(msg.SerializeToString())
        try:
            await asyncio.wait_for(self._until_finished(), timeout)
        except asyncio.TimeoutError as e:
            raise ProtocolError(f"no script_finished within {timeout:.0f} s") from e
        return time.monotonic() - start

    async def _until_finished(self) -> None:
        failure = None
        self.first_run_only_map, seen_filter = False, False
        while True:
            msg = ForwardMsg()
            msg.ParseFromString(await self.ws.recv())
            kind = msg.WhichOneof("type")
            if kind == "new_session" and msg.new_session.initialize.session_id:
                self.session_id = msg.new_session.initialize.session_id
            elif kind == "page_info_changed":  # the app wrote its view into the URL, as a browser keeps it
                self.query = msg.page_info_changed.query_string
            elif kind == "delta":
                if self.book.learn(msg) == "exception":
                    failure = "exception delta: " + msg.delta.new_element.exception.message[:200]
                seen_filter = seen_filter or _element_id(msg).endswith("-m_overlays")
            elif kind == "script_finished" and msg.script_finished != FRAGMENT:
                if failure or msg.script_finished != FINISHED:
                    raise ProtocolError(failure or f"script_finished status {msg.script_finished}")
                self.first_run_only_map = not seen_filter
                return

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()


# --- the server's CPU and memory -----------------------------------------------------------------

class ServerWatch(threading.Thread):
    """Samples the summed CPU (% of one core) and RSS (MB) of the server processes every second."""

    def __init__(self, pids: list[int], interval: float = 1.0):
        super().__init__(daemon=True)
        self.procs = [psutil.Process(p) for p in pids]
        self.interval, self.running = interval, True
        self.samples: list[tuple[float, float, float]] = []  # (time, cpu %, rss MB)
        for p in self.procs:
            p.cpu_percent(None)

    def rss(self) -> float:
        return sum(p.memory_info().rss for p in self.procs) / 2**20

    def run(self) -> None:
        while self.running:
            time.sleep(self.interval)
            try:
                cpu = sum(p.cpu_percent(None) for p in self.procs)
                self.samples.append((time.monotonic(), cpu, self.rss()))
            except psutil.NoSuchProcess:  # a replica killed on purpose, or the run is over
                return

    def stop(self) -> None:
        self.running = False
        self.join(5)


# --- a run ---------------------------------------------------------------------------------------

@dataclass
class Tally:
    times: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    budget: int = 0  # changes left for all sessions together


async def _visitor(session: Session, think: float, deadline: float, tally: Tally, rng: random.Random) -> None:
    try:
        while True:
            pause = rng.expovariate(1 / think) if think > 0 else 0.0
            if time.monotonic() + pause >= deadline or tally.budget <= 0:
                return
            await asyncio.sleep(pause)
            if tally.budget <= 0:  # spent by other sessions meanwhile
                return
            tally.budget -= 1
            random_change(session.book, rng)
            tally.times.append(await session.rerun())
    except (ProtocolError, websockets.ConnectionClosed, OSError) as e:
        tally.errors.append(f"{type(e).__name__}: {e}")


def _quantile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


async def _warm_up(base: str, servers: int) -> None:
    """Serve one session on every server first (behind nginx: until each replica has answered), so the
    baseline is a server that has loaded the app's modules and caches, not a cold one."""
    seen: set[str] = set()
    for _ in range(8 * servers):
        warm = Session(base)
        await warm.open()
        await warm.close()
        seen.update(warm.upstream)
        if len(seen) >= servers or not warm.upstream:
            return
    raise ProtocolError(f"warm-up reached {len(seen)} of {servers} replicas")


async def measure(base: str, pids: list[int], sessions: int, think: float, duration: float,
                  max_changes: int, seed: int = 1) -> dict:
    """N sessions on one server (or nginx in front of replicas); the figures of one row."""
    if not 1 <= sessions <= MAX_SESSIONS or not 0 < duration <= MAX_DURATION:
        raise SystemExit(f"sessions must be 1..{MAX_SESSIONS} and duration 0..{MAX_DURATION:.0f} s")
    rng = random.Random(seed)
    await _warm_up(base, len(pids))
    await asyncio.sleep(1.0)
    watch = ServerWatch(pids)
    baseline = watch.rss()
    crowd = [Session(base) for _ in range(sessions)]
    opened = await asyncio.gather(*(s.open() for s in crowd), return_exceptions=True)
    errors = [f"open: {type(e).__name__}: {e}" for e in opened if isinstance(e, BaseException)]
    live = [s for s, o in zip(crowd, opened) if not isinstance(o, BaseException)]
    await asyncio.sleep(2.0)
    idle = watch.rss()
    tally = Tally(budget=max_changes)
    watch.start()
    start = time.monotonic()
    await asyncio.gather(*(_visitor(s, think, start + duration, tally, random.Random(rng.random())) for s in live))
    wall = time.monotonic() - start
    watch.stop()
    await asyncio.gather(*(s.close() for s in live), return_exceptions=True)
    return _row(sessions, think, wall, tally, errors, watch, baseline, idle, len(live))


def _row(sessions, think, wall, tally, errors, watch, baseline, idle, live) -> dict:
    cpu = [c for _, c, _ in watch.samples]
    rss = [(t, r) for t, _, r in watch.samples]
    t0 = rss[0][0] if rss else 0.0
    first = [r for t, r in rss if t - t0 < 60]
    last = [r for t, r in rss if rss[-1][0] - t < 60]
    return {
        "sessions": sessions, "opened": live, "think": think, "wall": wall, "changes": len(tally.times),
        "rate": len(tally.times) / wall if wall else 0.0, "p50": _quantile(tally.times, 0.5),
        "p95": _quantile(tally.times, 0.95), "max": max(tally.times, default=float("nan")),
        "errors": errors + tally.errors, "cpu_mean": statistics.fmean(cpu) if cpu else float("nan"),
        "cpu_peak": max(cpu, default=float("nan")),
        # CPU seconds the server spent per change: one process (one GIL) tops out near 1000 / this per second
        "cpu_ms_per_change": 10 * statistics.fmean(cpu) * wall / len(tally.times) if cpu and tally.times
        else float("nan"), "rss_baseline": baseline, "rss_idle": idle,
        "rss_peak": max([idle, *(r for _, r in rss)]),
        "per_session": (idle - baseline) / live if live else float("nan"),
        "rss_first_min": statistics.fmean(first) if wall > 120 and first else None,
        "rss_last_min": statistics.fmean(last) if wall > 120 and last else None,
    }


# --- servers: one process, or K replicas behind nginx ---------------------------------------------

@contextmanager
def one_server():
    """A fresh app server: (base URL, [its pid])."""
    from tests.e2e.liveapp import app_process

    with app_process(timeout=120) as (base, proc):
        yield base, [proc.pid]


@contextmanager
def replica_servers(count: int):
    """K replicas behind nginx (scripts/replicas.py): (nginx URL, the replicas' pids)."""
    from scripts.replicas import Cluster

    with Cluster(count) as cluster:
        yield cluster.url, cluster.replica_pids()


def run_rows(args) -> list[dict]:
    rows = []
    for replicas in args.replicas or [None]:
        for n in args.sessions:
            with ExitStack() as stack:
                if args.url:
                    base, pids = require_loopback(args.url), args.pid
                elif replicas:
                    base, pids = stack.enter_context(replica_servers(replicas))
                else:
                    base, pids = stack.enter_context(one_server())
                row = asyncio.run(measure(base, pids, n, args.think, args.duration, args.max_changes))
                rows.append(row | {"replicas": replicas or 1})
            print(_table_row(rows[-1]), flush=True)
    return rows


def step_search(args) -> list[dict]:
    """Raise N at the given think time (x --search-step a step) until p95 passes the target or errors appear."""
    rows, n = [], args.sessions[0]
    while n <= min(args.search_max, MAX_SESSIONS):
        with ExitStack() as stack:
            base, pids = stack.enter_context(replica_servers(args.replicas[0])) if args.replicas else \
                stack.enter_context(one_server())
            rows.append(asyncio.run(measure(base, pids, n, args.think, args.duration, args.max_changes)))
        print(_table_row(rows[-1]), flush=True)
        if rows[-1]["p95"] > args.target or rows[-1]["errors"]:
            break
        n = max(n + 1, int(n * args.search_step))
    passing = [r for r in rows if r["p95"] <= args.target and not r["errors"]]
    best = max(passing, key=lambda r: r["rate"]) if passing else None
    print("\nhighest rate with p95 <= %.2f s and no error: %s" % (
        args.target, f"{best['rate']:.1f} changes/s ({best['sessions']} sessions, think {best['think']} s)"
        if best else "none (the first step already failed)"))
    return rows


HEADER = ("| replicas | sessions (opened) | think s | changes | changes/s | p50 s | p95 s | max s | errors "
          "| CPU % mean / peak | CPU ms per change | RSS MB baseline / idle at N / peak | MB per extra session "
          "| RSS MB first / last minute |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")


def _table_row(r: dict) -> str:
    soak = f"{r['rss_first_min']:.0f} / {r['rss_last_min']:.0f}" if r["rss_first_min"] else "–"
    return (f"| {r.get('replicas', 1)} | {r['sessions']} ({r['opened']}) | {r['think']:g} | {r['changes']} "
            f"| {r['rate']:.2f} | {r['p50']:.3f} | {r['p95']:.3f} | {r['max']:.3f} | {len(r['errors'])} "
            f"| {r['cpu_mean']:.0f} / {r['cpu_peak']:.0f} | {r['cpu_ms_per_change']:.0f} "
            f"| {r['rss_baseline']:.0f} / {r['rss_idle']:.0f} / {r['rss_peak']:.0f} "
            f"| {r['per_session']:.2f} | {soak} |")


# --- one session: the protocol against Chromium ---------------------------------------------------

async def _protocol_single(base: str, changes: int) -> list[float]:
    session = Session(base)
    await session.open()
    times = []
    for _ in range(changes * 2):  # off, then on
        await asyncio.sleep(0.8)
        toggle_stations(session.book)
        times.append(await session.rerun())
    await session.close()
    return times


async def _chromium_single(browser, base: str, changes: int, errors: list) -> tuple[list[float], list[float], list]:
    """One Chromium visitor toggling the Stations chip: per change, (BackMsg sent to script_finished
    received, on Chromium's own websocket) and (click to map redrawn, bench_map.py's sampler).

    The frame times are the network stack's (DevTools ``Network.webSocketFrame*`` timestamps): the
    page's own message events wait while its main thread digests the 86 KB map delta, and the driver's
    events arrive later still, so either would add the browser's work to the server's run."""
    import base64

    from bench.bench_map import _COUNT_JS, _SAMPLER_JS

    context = await browser.new_context(viewport={"width": 1400, "height": 900})
    page = await context.new_page()
    page.on("pageerror", lambda e: errors.append(str(e)))
    cdp = await context.new_cdp_session(page)
    await cdp.send("Network.enable")
    frames: list[tuple[float, str]] = []  # (network time, "rerun" | "finished")
    clicks: list[bytes] = []  # the BackMsg of each click, as Chromium sent it

    def frame(params, outgoing: bool):
        if params["response"]["opcode"] != 2:
            return
        payload = base64.b64decode(params["response"]["payloadData"])
        if outgoing:
            msg = BackMsg()
            msg.ParseFromString(payload)
            if msg.WhichOneof("type") == "rerun_script" and not msg.rerun_script.fragment_id:
                if not any(kind == "rerun" for _, kind in frames):
                    clicks.append(payload)
                frames.append((params["timestamp"], "rerun"))
        else:
            msg = ForwardMsg()
            msg.ParseFromString(payload)
            if msg.WhichOneof("type") == "script_finished" and msg.script_finished == FINISHED:
                frames.append((params["timestamp"], "finished"))

    cdp.on("Network.webSocketFrameSent", lambda params: frame(params, True))
    cdp.on("Network.webSocketFrameReceived", lambda params: frame(params, False))
    await page.goto(base + "/?" + QUERY)
    await page.wait_for_function(f"() => ({_COUNT_JS})('path.jjj-station') >= 50", polling="raf", timeout=120000)
    await page.wait_for_selector('[data-test-script-state="notRunning"]', timeout=120000)
    await page.get_by_role("button", name="Stations", exact=True).wait_for()
    wire, redraw = [], []
    del clicks[:]  # the page's own first runs are not changes
    for i in range(changes * 2):
        await asyncio.sleep(0.8)
        off = i % 2 == 0
        del frames[:]
        expect = ["path.jjj-county", "path.jjj-station", "==" if off else ">=", 0 if off else 50]
        await page.evaluate(_SAMPLER_JS, expect)
        await page.get_by_role("button", name="Stations", exact=True).click()
        await page.wait_for_function("() => window.__bench.done !== null", polling=50, timeout=120000)
        redraw.append((await page.evaluate("() => window.__bench.done")) / 1000)
        await page.wait_for_selector('[data-test-script-state="notRunning"]', timeout=120000)
        for _ in range(100):  # DevTools events may still be on their way
            sent = next((t for t, kind in frames if kind == "rerun"), None)
            done = next((t for t, kind in frames if kind == "finished" and sent is not None and t >= sent), None)
            if done is not None:
                break
            await asyncio.sleep(0.05)
        wire.append(done - sent)
    await context.close()
    return wire, redraw, clicks


async def _protocol_replay(base: str, messages: list[bytes]) -> list[float]:
    """A protocol session sending Chromium's own BackMsgs (its widget states, URL, context, cached hashes):
    if these took as long as on Chromium's wire, the difference would be in what the browser sends."""
    session = Session(base)
    await session.open()
    times = []
    for raw in messages:
        await asyncio.sleep(0.8)
        start = time.monotonic()
        await session.ws.send(raw)
        await session._until_finished()
        times.append(time.monotonic() - start)
    await session.close()
    return times


def compare_browser(changes: int) -> None:
    """One session on one server, the same change (the Stations chip), protocol client and Chromium
    alternating so both see the same server: the protocol's BackMsg to script_finished against the same
    interval on Chromium's websocket (these two should agree when the browser has cores of its own),
    Chromium's click to map redrawn (what bench_map.py reports: the same plus the frontend's own work),
    and the protocol client replaying Chromium's own BackMsgs (rules out a difference in what is sent)."""
    from playwright.async_api import async_playwright

    from tests.e2e.liveapp import CHROMIUM, CHROMIUM_FLAGS

    async def both(base):
        await _protocol_single(base, 1)  # warm-up, as bench_map.py does
        async with async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
            errors: list[str] = []
            await _chromium_single(browser, base, 1, errors)
            proto, wire, redraw, replay = [], [], [], []
            for _ in range(changes):
                proto += await _protocol_single(base, 1)
                w, r, clicks = await _chromium_single(browser, base, 1, errors)
                wire, redraw = wire + w, redraw + r
                replay += await _protocol_replay(base, clicks)
            await browser.close()
        return proto, wire, redraw, replay, errors

    with one_server() as (base, _):
        proto, wire, redraw, replay, errors = asyncio.run(both(base))
    print("| one session, Stations chip toggled | changes | p50 s | min s | max s |\n|---|---|---|---|---|")
    for name, t in (("protocol client: BackMsg sent to script_finished", proto),
                    ("Chromium's websocket (network stack): BackMsg sent to script_finished", wire),
                    ("Chromium: click to map redrawn (bench_map.py's measure)", redraw),
                    ("protocol client sending Chromium's own BackMsgs", replay)):
        print(f"| {name} | {len(t)} | {statistics.median(t):.3f} | {min(t):.3f} | {max(t):.3f} |")
    print(f"\npage errors in Chromium: {len(errors)}; run time, Chromium minus protocol (medians): "
          f"{statistics.median(wire) - statistics.median(proto):+.3f} s")


def _ints(text: str) -> list[int]:
    return [int(x) for x in text.split(",") if x]


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=_ints, default=[50], help="N, or N1,N2,... for one row each")
    parser.add_argument("--think", type=float, default=5.0, help="mean think time between changes (s)")
    parser.add_argument("--duration", type=float, default=60.0, help="wall time of the changing phase (s)")
    parser.add_argument("--max-changes", type=int, default=100_000, help="total changes over all sessions")
    parser.add_argument("--replicas", type=_ints, default=None, help="K1,K2: replicas behind nginx per row")
    parser.add_argument("--url", default=None, help="an already running server on loopback")
    parser.add_argument("--pid", type=_ints, default=[], help="with --url: the server pids to sample")
    parser.add_argument("--search", action="store_true", help="step search over N for the highest rate")
    parser.add_argument("--search-max", type=int, default=300)
    parser.add_argument("--search-step", type=float, default=1.5, help="factor on N between search steps")
    parser.add_argument("--target", type=float, default=1.0, help="p95 target of the search (s)")
    parser.add_argument("--compare-browser", type=int, nargs="?", const=5, default=None, metavar="CHANGES",
                        help="one session: protocol against Chromium, CHANGES pairs each")
    args = parser.parse_args(argv)
    if args.url:
        require_loopback(args.url)
        if not args.pid:
            parser.error("--url needs --pid (the server processes to sample)")
    if args.compare_browser:
        compare_browser(args.compare_browser)
        return
    print(HEADER, flush=True)
    rows = step_search(args) if args.search else run_rows(args)
    for r in rows:
        for e in sorted(set(r["errors"]))[:5]:
            print(f"error (N={r['sessions']}, replicas {r.get('replicas', 1)}): {e}")


if __name__ == "__main__":
    main()
