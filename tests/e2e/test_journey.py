"""The Map page as a workbench (issue #15), walked as one journey in both languages: set a view, leave
and return (view intact), reload (view intact), isolate one type in one click, click inside 张承 (the city
is selected), scroll the page over the map (no zoom, the generated exports kept), and read every table of
every page (headings are vocabulary labels, never column names or codes)."""

import re
from urllib.parse import parse_qs, urlparse

import pytest

from geo import boundaries, filters, vocab
from geo.vocab import PLATFORM_TYPES, ui
from pages_support.navigation import PAGES
from tests.e2e.liveapp import app_server, fresh_page, map_frame
from tests.e2e.test_map_clicks import _empty_spot
from tests.e2e.test_map_page import _click_map_at, _settled

VIEW_KEYS = ("layers", "type", "city", "lang")  # what a person sets; centre and zoom move with clicks


@pytest.fixture(scope="module")
def base():
    with app_server() as url:
        yield url


def _query(page) -> dict:
    return {k: v[-1] for k, v in parse_qs(urlparse(page.url).query).items()}


def _panel_city(page, lang):
    box = page.locator('[data-testid="stSelectbox"]').filter(has_text=ui("pick_city", lang))
    return box.locator("input").input_value()


def _platform_count(frame) -> int:
    return frame.locator(".jjj-sym-platform").count()


def _wait(page, predicate, what: str, timeout_ms: int = 15000):
    for _ in range(timeout_ms // 100):
        if predicate():
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"{what} did not happen within {timeout_ms} ms")


def _controls(page, lang: str) -> None:
    """The map's first run sends only the map; the controls follow its first report."""
    page.locator('[data-testid="stSelectbox"]').filter(has_text=ui("pick_city", lang)).wait_for(timeout=90000)
    _settled(page)


def _go(page, title_key: str, lang: str) -> None:
    page.get_by_role("link", name=ui(title_key, lang), exact=True).click()
    page.get_by_role("heading", name=ui(title_key, lang), exact=True).wait_for(timeout=30000)
    _settled(page)


def _labels(lang: str) -> set[str]:
    """Every label the vocabulary holds in ``lang`` (terms, layer styles, symbols, indicators)."""
    found = set()

    def walk(value):
        if isinstance(value, vocab.Term):
            found.add(value(lang))
        elif hasattr(value, "term") and isinstance(value.term, vocab.Term):
            found.add(value.term(lang))
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
    for name in dir(vocab):
        walk(getattr(vocab, name))
    return found


def _allowed_heading(text: str, lang: str, labels: set[str], names: set[str]) -> bool:
    """A heading is a vocabulary label (perhaps with a unit or a year), a place name, or a year."""
    text = text.strip()
    if not text or re.fullmatch(r"\d{4}", text) or text in names:
        return True
    bare = re.sub(r"\s*[（(][^）)]*[）)]$", "", text)  # "地区生产总值（亿元）" → the label
    return text in labels or bare in labels


def _table_headings(page) -> list[str]:
    return page.evaluate("""() => [...document.querySelectorAll(
        '[data-testid="stDataFrame"] [role=columnheader], [data-testid="stTable"] th')].map(e => e.textContent)""")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_view_is_set_kept_across_pages_and_reloads_and_read_as_meant(base, pw, lang):
    with fresh_page(pw, f"{base}/?lang={lang}", viewport=(1600, 1000)) as (page, watch):
        frame, _ = map_frame(page, ".jjj-city-label", 13, timeout=90)
        _controls(page, lang)

        # a click inside 张承 (drawn on top) selects the city under it
        assert frame.locator(".jjj-strategic_zone").count() >= 1
        counties = boundaries.counties()
        chengde = list(counties[counties["city_code"] == "130800"]["code"])
        _click_map_at(page, frame, *_empty_spot(chengde, filters.from_query(_query(page))[0]))
        name = boundaries.cities().set_index("code").loc["130800", "name_en" if lang == "en" else "name_zh"]
        _wait(page, lambda: _panel_city(page, lang) == name, "承德 selected by a click inside 张承")
        _settled(page)
        assert frame.locator(".leaflet-popup").count() == 0

        # one type in one click: the "only" pill keeps innovation platforms alone
        innovation = PLATFORM_TYPES["innovation"](lang)
        page.get_by_role("radiogroup", name=ui("only_this", lang), exact=True).get_by_role(
            "radio", name=innovation, exact=True).click()
        _wait(page, lambda: _query(page).get("type") == "innovation", "the type filter's one-click isolation")
        _settled(page)
        expected = len(filters.visible_layers(filters.from_query(_query(page))[0])["platforms"])
        assert 0 < expected < len(filters.visible_layers(filters.ViewState())["platforms"])
        _wait(page, lambda: _platform_count(frame) == expected, f"{expected} innovation platforms drawn")

        # a city chosen in the panel
        tianjin = boundaries.cities().set_index("code").loc["120100", "name_en" if lang == "en" else "name_zh"]
        box = page.locator('[data-testid="stSelectbox"]').filter(has_text=ui("pick_city", lang))
        box.locator("input").click()
        page.get_by_role("option", name=tianjin, exact=True).click()
        _wait(page, lambda: _query(page).get("city") == "120100", "the city in the URL")
        _settled(page)
        view = {k: _query(page).get(k) for k in VIEW_KEYS}

        # leave and return: the view is intact, in the widgets, the map and the URL
        _go(page, "page_platforms", lang)
        _go(page, "page_map", lang)
        frame, _ = map_frame(page, ".jjj-city-label", 13, timeout=90)
        _controls(page, lang)
        assert {k: _query(page).get(k) for k in VIEW_KEYS} == view
        assert _panel_city(page, lang) == tianjin
        _wait(page, lambda: _platform_count(frame) == expected, "the isolated type drawn again")

        # a reload reads the same view from the URL
        page.reload()
        frame, _ = map_frame(page, ".jjj-city-label", 13, timeout=90)
        _controls(page, lang)
        assert {k: _query(page).get(k) for k in VIEW_KEYS} == view
        assert _panel_city(page, lang) == tianjin

        # exports generated, then the page scrolled over the map: no zoom, the files stay
        exports = page.locator('[data-testid="stExpander"]').filter(has_text=ui("export", lang)).first
        iframe = page.locator("iframe").first.bounding_box()
        assert exports.bounding_box()["y"] < iframe["y"] + iframe["height"]  # beside the map, not below it
        exports.get_by_text(ui("export", lang), exact=True).click()
        page.get_by_role("button", name=ui("generate", lang), exact=True).click()
        downloads = page.locator('[data-testid="stDownloadButton"]')
        _wait(page, lambda: downloads.count() >= 3, "the generated files", timeout_ms=90000)
        _settled(page)
        files = downloads.count()
        zoom = frame.evaluate("jjj.map.getZoom()")
        iframe = page.locator("iframe").first.bounding_box()
        page.mouse.move(iframe["x"] + iframe["width"] / 2, iframe["y"] + iframe["height"] / 2)
        page.mouse.wheel(0, 400)
        page.wait_for_timeout(800)
        _settled(page)
        assert frame.evaluate("jjj.map.getZoom()") == zoom
        assert downloads.count() == files
        assert page.get_by_text(ui("export_stale", lang)).count() == 0

        # every table on every page speaks the language: no column names or codes as headings
        labels = _labels(lang)
        names = set(boundaries.cities()["name_en" if lang == "en" else "name_zh"]) | {
            t(lang) for t in vocab.NEIGHBOUR_PROVINCES.values()} | set(
            boundaries.provinces()["name_en" if lang == "en" else "name_zh"])
        bad = {}
        for spec in PAGES:
            _go(page, spec.title_key, lang)
            page.wait_for_timeout(800)  # the grids draw their accessible headings after mounting
            wrong = [h for h in _table_headings(page) if not _allowed_heading(h, lang, labels, names)]
            if wrong:
                bad[spec.title_key] = wrong
        assert bad == {}
    assert watch.errors == [] and watch.external == []
