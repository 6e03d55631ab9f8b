"""A team workspace in headless Chromium: create it, upload a filled platform template of 46 fictional
platforms, see them on the Map page's type filter, share the view link, refuse an upload through it,
revert a version, restart the server. The server's store is a SQLite file in a temporary JJJ_DATA_DIR."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

from geo.vocab import OVERLAYS, ui
from tests.e2e.liveapp import app_server, fresh_page, map_frame
from tests.workspace_fixtures import TYPE_COUNTS, platforms_csv

PLATFORMS = OVERLAYS["platforms"]("en")


def _settled(page) -> None:
    page.wait_for_timeout(300)
    page.wait_for_selector('[data-test-script-state="notRunning"]', timeout=60000)


def _count_line(page) -> int:
    """Platforms on the Map page's count line ("Shown: … Undertaking platforms 15 · …")."""
    text = page.get_by_text("Shown:").first.inner_text(timeout=60000)
    return int(re.search(re.escape(PLATFORMS) + r" (\d+)", text).group(1))


def _map_counts(page, base: str, workspace_id: str, platform_type: str) -> tuple[int, int]:
    """(count line, symbols drawn) of the workspace's own platforms of one type, as a link opens them."""
    page.goto(f"{base}/?lang=en&ws={workspace_id}&src=mine&type={platform_type}")
    frame, _ = map_frame(page, "path.jjj-county", 10, timeout=60)
    _settled(page)
    expected = _count_line(page)
    for _ in range(100):  # the overlays arrive after the base map
        if frame.locator(".jjj-sym-platform").count() == expected:
            break
        page.wait_for_timeout(100)
    return expected, frame.locator(".jjj-sym-platform").count()


def _upload(page, data: bytes, name: str) -> None:
    page.locator(".st-key-ws_file input[type=file]").set_input_files(
        {"name": name, "mimeType": "text/csv", "buffer": data})
    page.locator(".st-key-ws_upload_button button").click(timeout=60000)
    _settled(page)


def _failed(page) -> list[str]:
    failed: list[str] = []
    page.on("response", lambda r: r.status >= 400 and failed.append(r.url))
    return failed


def _clean(watch, failed: list[str], base: str) -> None:
    """No console error, no request off the machine; the only failed requests are Streamlit's own probes
    for a base path below a deep link (/data/_stcore/..., as tests/e2e/test_browser.py allows for /map)."""
    assert set(failed) <= {f"{base}/data/_stcore/health", f"{base}/data/_stcore/host-config"}, failed
    assert [e for e in watch.errors if "404 (Not Found)" not in e] == [] and len(watch.errors) == len(failed)
    assert watch.external == []


def _every_type(page, base, workspace_id) -> dict[str, tuple[int, int]]:
    return {t: _map_counts(page, base, workspace_id, t) for t in TYPE_COUNTS}


def test_workspace_from_upload_to_view_link_revert_and_restart(pw, tmp_path, monkeypatch):
    monkeypatch.setenv("JJJ_DATA_DIR", str(tmp_path))  # the server inherits it: the store is a file there
    monkeypatch.delenv("JJJ_DATABASE_URL", raising=False)
    expected = {t: (n, n) for t, n in TYPE_COUNTS.items()}
    with app_server(timeout=90) as base:
        with fresh_page(pw, "about:blank") as (page, watch):
            failed = _failed(page)
            page.goto(base + "/data?lang=en")
            _settled(page)
            page.locator(".st-key-ws_new_name input").fill("测试工作区 / e2e")
            page.locator(".st-key-ws_new_name input").press("Enter")
            page.locator(".st-key-ws_create button").click()
            page.wait_for_url(re.compile(r"[?&]key="), timeout=60000)
            _settled(page)
            params = parse_qs(urlparse(page.url).query)
            workspace_id, key = params["ws"][0], params["key"][0]
            _upload(page, platforms_csv(), "platforms.csv")
            page.get_by_text(ui("ws_saved", "en").format(version=1, accepted=46, total=46)).wait_for(timeout=60000)
            assert _every_type(page, base, workspace_id) == expected
            # a second upload (two more agriculture platforms) through the edit link, then a revert to version 1
            page.goto(f"{base}/data?lang=en&ws={workspace_id}&key={key}")
            _settled(page)
            _upload(page, platforms_csv({"agriculture": 2}, start=47), "more.csv")
            page.get_by_text(ui("ws_saved", "en").format(version=2, accepted=2, total=2)).wait_for(timeout=60000)
            assert _map_counts(page, base, workspace_id, "agriculture") == (5, 5)
            page.goto(f"{base}/data?lang=en&ws={workspace_id}&key={key}")
            _settled(page)
            choose = page.locator(".st-key-ws_revert_to input")
            choose.click()
            choose.fill("1")  # the only version whose number contains 1 (2 is the latest)
            choose.press("Enter")
            _settled(page)
            # the choice must show in the widget before the button is pressed (once in 4 clean runs the
            # revert left 5 agriculture platforms: the click had come before the choice)
            page.wait_for_function("() => document.querySelector('.st-key-ws_revert_to input').value === '1'",
                                   timeout=15000)
            _settled(page)
            page.locator(".st-key-ws_revert button").click()
            _settled(page)
            assert _map_counts(page, base, workspace_id, "agriculture") == (3, 3)
        _clean(watch, failed, base)
        # the view link in a fresh browser: the same counts, and no way to upload
        with fresh_page(pw, "about:blank") as (page, watch):
            failed = _failed(page)
            page.goto(f"{base}/data?lang=en&ws={workspace_id}")
            _settled(page)
            page.get_by_text(ui("ws_read_only", "en")).wait_for(timeout=60000)
            assert page.locator(".st-key-ws_file").count() == 0
            assert page.locator(".st-key-ws_upload_button").count() == 0
            assert page.locator(".st-key-ws_revert").count() == 0
            assert key not in page.content()
            assert _every_type(page, base, workspace_id) == expected
        _clean(watch, failed, base)
    with app_server(timeout=90) as base:  # a restart keeps it all
        with fresh_page(pw, "about:blank") as (page, watch):
            failed = _failed(page)
            page.goto(f"{base}/?lang=en&ws={workspace_id}")
            assert _every_type(page, base, workspace_id) == expected
        _clean(watch, failed, base)
