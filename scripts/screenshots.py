"""Chromium screenshots of the Map page's first view in both languages, for docs/ (issue #15).

    python scripts/screenshots.py            # writes docs/img/map_first_view_zh.png and map_first_view_en.png

Starts the app on loopback on its embedded defaults, opens it as a new visitor would (1600 × 1000), waits
until the map and its controls are drawn, and saves the page.
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from geo.vocab import LANGUAGES, ui  # noqa: E402
from tests.e2e.liveapp import app_server, fresh_page, map_frame  # noqa: E402

OUT = ROOT / "docs" / "img"


def first_view(lang: str, base: str, playwright) -> Path:
    target = OUT / f"map_first_view_{lang}.png"
    with fresh_page(playwright, f"{base}/?lang={lang}", viewport=(1600, 1000)) as (page, _):
        map_frame(page, ".jjj-city-label", 13, timeout=90)
        page.locator('[data-testid="stSelectbox"]').filter(has_text=ui("pick_city", lang)).wait_for(timeout=90000)
        page.wait_for_selector('[data-test-script-state="notRunning"]')
        page.wait_for_timeout(2500)  # the detailed boundaries and the fonts
        page.screenshot(path=str(target))
    return target


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright, app_server() as base:
        for lang in LANGUAGES:
            print(first_view(lang, base, playwright).relative_to(ROOT))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
