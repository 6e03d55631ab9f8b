"""Run the app on a free local port and drive it in headless Debian Chromium, offline.

Shared by the end-to-end tests and ``bench/``. The browser may reach only localhost: DNS for every
other host fails inside Chromium and any request that still tries is aborted and recorded.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("JJJ_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
]
LOCAL_HOSTS = {"localhost", "127.0.0.1"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def app_server(timeout: float = 60.0, script: str = "app.py"):
    """Start ``streamlit run <script>`` (default the app) and yield its base URL; stop it afterwards."""
    with app_process(timeout, script) as (base, _):
        yield base


@contextmanager
def app_process(timeout: float = 60.0, script: str = "app.py", command: list[str] | None = None):
    """Like ``app_server`` but yields (base URL, the server's Popen) for measuring the process.

    ``command``: what follows ``python`` instead of ``-m streamlit run SCRIPT`` (e.g. a bench's wrapper)."""
    port = free_port()
    head = command if command is not None else ["-m", "streamlit", "run", str(ROOT / script)]
    cmd = [sys.executable, *head,
           "--server.port", str(port), "--server.address", "127.0.0.1",
           "--server.headless", "true", "--server.fileWatcherType", "none",
           "--browser.gatherUsageStats", "false"]
    # The server's log goes to a file: an unread pipe fills up and then blocks the server.
    log = tempfile.NamedTemporaryFile("w+b", prefix="jjj-streamlit-", suffix=".log", delete=False)
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(base, proc, timeout, Path(log.name))
        yield base, proc
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()
        if not os.environ.get('JJJ_KEEP_LOG'):
            Path(log.name).unlink(missing_ok=True)


def _wait_healthy(base: str, proc: subprocess.Popen, timeout: float, log: Path) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited: {log.read_text(errors='replace')}")
        try:
            with urllib.request.urlopen(base + "/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError("streamlit did not become healthy")


def launch(playwright):
    """Headless Debian Chromium with the project's flags."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)


class Watch:
    """Console errors, page errors and attempted non-local requests of one browser context.

    Tests intercept every request and abort non-local ones. A benchmark only observes them
    (``intercept=False``): interception sends each request through the driver and turns the HTTP
    cache off, which is not how a visitor's browser loads the page. The launch flags resolve no host
    but this machine's either way.
    """

    def __init__(self, context, intercept: bool = True):
        self.errors: list[str] = []
        self.external: list[str] = []
        if intercept:
            context.route("**/*", self._route)
        else:
            context.on("request", lambda request: self._is_local(request.url) or self.external.append(request.url))

    @staticmethod
    def _is_local(url: str) -> bool:
        return url.startswith(("data:", "blob:")) or (urlparse(url).hostname or "") in LOCAL_HOSTS

    def _route(self, route):
        if self._is_local(route.request.url):
            route.continue_()
        else:
            self.external.append(route.request.url)
            route.abort()

    def attach(self, page):
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        return page


def settled(page, pause_ms: int = 400) -> None:
    """A short pause (a run may be about to start), then until no script run is under way."""
    page.wait_for_timeout(pause_ms)
    page.wait_for_selector('[data-test-script-state="notRunning"]', timeout=60_000)


def map_frame(page, selector: str = "path.jjj-county", minimum: int = 1, timeout: float = 30.0):
    """The frame in which at least ``minimum`` elements match ``selector``; (frame, seconds)."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        for frame in page.frames:
            try:
                if frame.locator(selector).count() >= minimum:
                    return frame, time.monotonic() - start
            except Exception:  # frames come and go while Streamlit mounts components
                continue
        time.sleep(0.05)
    raise TimeoutError(f"{selector} x{minimum} not drawn within {timeout}s")


@contextmanager
def fresh_page(playwright, url: str, viewport=(1400, 900)):
    """A new browser with its own profile, watched, opened at ``url``; yields (page, watch)."""
    browser = launch(playwright)
    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
    watch = Watch(context)
    page = watch.attach(context.new_page())
    page.goto(url)
    try:
        yield page, watch
    finally:
        browser.close()
