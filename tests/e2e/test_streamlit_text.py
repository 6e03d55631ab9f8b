"""Streamlit's own English in the Chinese UI (issue #15), in headless Chromium: the Data page's
uploaders and the Map page's multiselects show no "Upload", "per file", "Drag and drop", "Browse
files", "Choose an option" or "Select all" in Chinese; a filtered drop-down's "No results", an
oversize or wrong file's error tooltip, a text input's "Press Enter to apply", the table and chart
toolbars' tooltips and the "Skip to main content" link read in Chinese too. English keeps Streamlit's
own words. The replaced text stays in the page (hidden by style), so what a visitor sees is read from
computed styles: the English's font size or display, and the ``::after`` content that replaces it."""

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from geo import limits, snapshot
from geo.vocab import ui
from pages_support.streamlit_text import TOOLBAR_TIPS, css_string
from tests.e2e.liveapp import app_server, fresh_page, map_frame
from tests.e2e.liveapp import settled as _settled

ENGLISH = ("Upload", "per file", "Drag and drop", "Browse files", "Choose an option", "Choose options",
           "Select all")
UPLOADER = '[data-testid="stFileUploader"]'
AFTER = "(e) => getComputedStyle(e, '::after').content"


@pytest.fixture(scope="module")
def base():
    with app_server() as url:
        yield url


def _data_page(page):
    page.locator(UPLOADER).first.wait_for(timeout=90_000)
    page.locator(UPLOADER).first.scroll_into_view_if_needed()
    _settled(page, 1000)


def test_the_chinese_data_page_shows_no_streamlit_english_around_its_uploaders(base, pw):
    with fresh_page(pw, f"{base}/data?lang=zh") as (page, _):
        _data_page(page)
        uploaders = page.locator(UPLOADER)
        assert uploaders.count() >= 2
        text = page.locator("body").inner_text()
        assert [s for s in ENGLISH if s in text] == []
        for i in range(uploaders.count()):
            uploader = uploaders.nth(i)
            if not uploader.is_visible():
                continue
            assert uploader.locator("button").first.is_visible()  # the button still works as one
            button = uploader.locator('button [data-testid="stMarkdownContainer"]').first
            assert ui("st_upload_button", "zh") in button.evaluate(AFTER)
            note = uploader.locator('[data-testid="stFileUploaderDropzoneInstructions"] > div').first
            assert ui("st_upload_drop", "zh").format(limit_mb=limits.MAX_UPLOAD_MB) in note.evaluate(AFTER)
        types = page.locator('.st-key-upload_points [data-testid="stFileUploaderDropzoneInstructions"] > div')
        assert "GEOJSON" in types.evaluate(AFTER)


def test_the_chinese_uploader_still_takes_a_file(base, pw, tmp_path):
    sample = tmp_path / "mine.csv"
    sample.write_text("city,year,indicator,value\n北京,2023,gdp,43760.7\n", "utf-8")
    with fresh_page(pw, f"{base}/data?lang=zh") as (page, _):
        _data_page(page)
        page.locator('.st-key-upload_indicators input[type="file"]').set_input_files(str(sample))
        page.get_by_text(ui("upload_accepted", "zh").format(accepted=1, total=1)).wait_for(timeout=30_000)


def test_english_keeps_streamlits_own_words(base, pw):
    with fresh_page(pw, f"{base}/data?lang=en") as (page, _):
        _data_page(page)
        text = page.locator(UPLOADER).first.inner_text()
        assert "Upload" in text and "per file" in text
        assert page.locator(f'{UPLOADER} button [data-testid="stMarkdownContainer"]').first.evaluate(AFTER) \
            in ("none", "normal")


def test_the_map_page_multiselects_offer_no_english_select_all(base, pw):
    with fresh_page(pw, f"{base}/?lang=zh") as (page, _):
        map_frame(page, timeout=60)
        boxes = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]')
        boxes.first.wait_for(timeout=60_000)
        _settled(page, 1500)
        assert [s for s in ENGLISH if s in page.locator("body").inner_text()] == []
        options = page.locator('[role="option"]')
        for _ in range(3):  # a late rerun of the page may close the list just opened
            boxes.first.locator("input").first.click()
            page.wait_for_timeout(800)
            if options.count():
                break
            _settled(page, 1000)
        assert options.count() > 1
        assert page.locator('[role="option"][data-key="__select_all__"]').count() == 0
        assert not [t for t in options.all_inner_texts() if "Select" in t]
        assert boxes.first.locator("input").first.get_attribute("placeholder") == ui("all", "zh")  # empty means all


NO_AFTER = ("none", "normal")
STYLE = "(e, p) => getComputedStyle(e)[p]"
AFTER_STYLE = "(e, p) => getComputedStyle(e, '::after')[p]"


def _no_results(page, box):
    """Type text that matches no option into ``box`` (a selectbox or multiselect); the empty list's text."""
    field = box.locator("input").first
    field.click()
    field.press_sequentially("zzqq")
    empty = page.locator('[role="listbox"][data-empty="true"] [role="option"] > span')
    empty.wait_for(timeout=10_000)
    return empty


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_filtered_drop_down_that_matches_nothing_says_so_in_the_language(base, pw, lang):
    with fresh_page(pw, f"{base}/cities?lang={lang}") as (page, _):
        page.locator('[data-testid="stMultiSelect"]').first.wait_for(timeout=90_000)
        _settled(page, 1000)
        for widget in ("stSelectbox", "stMultiSelect"):
            empty = _no_results(page, page.locator(f'[data-testid="{widget}"]').first)
            assert empty.inner_text() == "No results"  # Streamlit's word, in the DOM in both languages
            if lang == "zh":
                assert empty.evaluate(STYLE, "fontSize") == "0px"
                assert empty.evaluate(AFTER, None) == css_string(ui("st_no_results", "zh"))
                assert empty.evaluate(AFTER_STYLE, "fontSize") == "14px"  # Streamlit's size (English: below)
            else:
                assert empty.evaluate(STYLE, "fontSize") == "14px"
                assert empty.evaluate(AFTER, None) in NO_AFTER
            page.keyboard.press("Escape")
            page.keyboard.press("Escape")
            _settled(page, 500)


def _check_enter_hint(page, widget, lang):
    """Type into ``widget`` (a text or number input) and check its "Press Enter to apply" in ``lang``."""
    field = page.locator(f"{widget} input").first
    field.click()
    field.press_sequentially("5")
    hint = page.locator(f'{widget} [data-testid="InputInstructions"]').first
    hint.wait_for(timeout=10_000)
    words = hint.locator("span").first
    if lang == "zh":
        assert words.evaluate(STYLE, "display") == "none"
        assert hint.evaluate(AFTER) == css_string(ui("st_press_enter", "zh"))
        assert hint.is_visible()
    else:
        assert words.is_visible() and words.inner_text() == "Press Enter to apply"
        assert hint.evaluate(AFTER) in NO_AFTER


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_text_inputs_enter_hint_is_in_the_language(base, pw, lang):
    with fresh_page(pw, f"{base}/platforms?lang={lang}") as (page, _):
        page.locator('[data-testid="stTextInput"]').first.wait_for(timeout=90_000)
        _settled(page, 1000)
        _check_enter_hint(page, '[data-testid="stTextInput"]', lang)
        page.locator('[data-testid="stTextInput"] input').first.press("Enter")
        _settled(page, 1000)  # applied: Streamlit empties the hint, and no Chinese is left in its place
        hint = page.locator('[data-testid="stTextInput"] [data-testid="InputInstructions"]').first
        assert hint.locator("span").count() == 0
        assert hint.evaluate(AFTER) in NO_AFTER


def _choose(page, select, label: str, tries: int = 4) -> None:
    """Pick ``label`` in a drop-down; a run that redraws the panel (the controls' fallback run after
    the map's report) closes an open list, so open it again until the option can be clicked."""
    option = page.locator('[role="option"]', has_text=label).first
    for _ in range(tries - 1):
        select.locator("input").first.click()
        try:
            option.click(timeout=5_000)
            return
        except PlaywrightTimeout:
            page.keyboard.press("Escape")
            _settled(page, 500)
    select.locator("input").first.click()
    option.click(timeout=10_000)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_number_inputs_range_error_names_the_bounds_in_the_language(base, pw, lang):
    """The Map page's export width in pixels (the custom preset), typed past its maximum."""
    low, high = snapshot.SIZE_RANGE
    with fresh_page(pw, f"{base}/?lang={lang}") as (page, _):
        map_frame(page, timeout=60)
        _settled(page, 1500)
        page.locator('[data-testid="stExpander"] summary', has_text=ui("export", lang)).first.click()
        preset = page.locator('.st-key-x_preset [data-testid="stSelectbox"]')
        preset.wait_for(timeout=30_000)
        _choose(page, preset, ui("preset_custom", lang))
        field = page.locator(".st-key-x_width input").first
        field.wait_for(timeout=30_000)
        _settled(page, 500)
        field.fill(str(high + 1))
        field.press("Enter")
        alert = page.locator('.st-key-x_width [role="alert"]')
        alert.wait_for(state="attached", timeout=10_000)
        page.mouse.move(0, 0)
        page.locator('.st-key-x_width [data-testid="stTooltipErrorHoverTarget"]').hover()  # the error icon
        tip = page.locator('[role="tooltip"] [data-testid="stTooltipErrorContent"]').first
        tip.wait_for(timeout=10_000)
        english = f"Please enter a value between {low} and {high}"
        assert english in tip.inner_text() and english in alert.inner_text()
        chinese = css_string(ui("st_number_range", "zh").format(low=low, high=high))
        if lang == "zh":
            assert tip.evaluate(STYLE, "fontSize") == "0px" and tip.evaluate(AFTER) == chinese
            assert tip.evaluate(AFTER_STYLE, "fontSize") == "14px"
            assert alert.evaluate(AFTER) == chinese
        else:
            assert tip.evaluate(STYLE, "fontSize") == "14px"
            assert tip.evaluate(AFTER) in NO_AFTER and alert.evaluate(AFTER) in NO_AFTER


def _tooltip_of(page, element, button):
    """Hover ``button`` of ``element``'s toolbar until its tooltip shows; the tooltip's text container.

    The toolbar takes the mouse only while its element is hovered: the element first, then the button."""
    tip = page.locator('[role="tooltip"] [data-testid="stTooltipContent"] [data-testid="stMarkdownContainer"]')
    for _ in range(3):
        page.mouse.move(0, 0)
        element.hover()
        button.hover()
        try:
            tip.first.wait_for(timeout=5_000)
            return tip.first
        except Exception:  # a rerun redrew the toolbar under the mouse
            continue
    raise AssertionError(f"no tooltip for {button}")


def _check_toolbar(page, element, labels, lang):
    for label in labels:
        tip = _tooltip_of(page, element, element.locator(f'button[aria-label="{label}"]').first)
        if lang == "zh":
            assert tip.locator("p").first.evaluate(STYLE, "display") == "none", label
            assert tip.evaluate(AFTER) == css_string(ui(TOOLBAR_TIPS[label], "zh")), label
        else:
            assert tip.locator("p").first.inner_text() == label
            assert tip.evaluate(AFTER) in NO_AFTER


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_table_toolbar_tooltips_are_in_the_language(base, pw, lang):
    with fresh_page(pw, f"{base}/platforms?lang={lang}") as (page, _):
        table = page.locator('[data-testid="stDataFrame"]').first
        table.wait_for(timeout=90_000)
        _settled(page, 1500)
        _check_toolbar(page, table, ("Show/hide columns", "Download as CSV", "Search", "Fullscreen"), lang)
        table.hover()
        table.locator('button[aria-label="Show/hide columns"]').first.click()
        menu = page.locator('[data-testid="stDataFrameColumnVisibilityMenu"]')
        menu.wait_for(timeout=10_000)
        for label, key in (("Select all", "st_columns_all"), ("(index)", "st_columns_index")):
            words = menu.locator(f'label:has(> input[aria-label="{label}"]) > span').last
            assert words.inner_text() == label
            if lang == "zh":
                assert words.evaluate(STYLE, "fontSize") == "0px"
                assert words.evaluate(AFTER) == css_string(ui(key, "zh"))
                assert words.evaluate(AFTER_STYLE, "fontSize") == "14px"
            else:
                assert words.evaluate(STYLE, "fontSize") == "14px" and words.evaluate(AFTER) in NO_AFTER
        page.keyboard.press("Escape")
        _tooltip_of(page, table, table.locator('button[aria-label="Fullscreen"]').first)
        table.locator('button[aria-label="Fullscreen"]').first.click()
        page.locator('button[aria-label="Close fullscreen"]').first.wait_for(timeout=10_000)
        _check_toolbar(page, table, ("Close fullscreen",), lang)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_chart_toolbar_tooltips_are_in_the_language(base, pw, lang):
    with fresh_page(pw, f"{base}/cities?lang={lang}") as (page, _):
        page.locator('[data-testid="stVegaLiteChart"]').first.wait_for(timeout=90_000)
        _settled(page, 1500)
        chart = page.locator('[data-testid="stElementContainer"]:has([data-testid="stVegaLiteChart"])').first
        chart.scroll_into_view_if_needed()
        _check_toolbar(page, chart, ("Show data", "Download as PNG", "Copy Vega-Lite spec", "Fullscreen"), lang)
        chart.locator('button[aria-label="Show data"]').first.click()  # the chart's data as a table
        shown = page.locator('[data-testid="stElementContainer"]:has(button[aria-label="Show chart"])').first
        shown.wait_for(timeout=10_000)
        _check_toolbar(page, shown, ("Show chart",), lang)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_uploaders_error_tooltips_name_the_reason_and_the_apps_limit_in_the_language(base, pw, tmp_path, lang):
    big = tmp_path / "big.csv"
    big.write_bytes(b"a" * (limits.MAX_UPLOAD_BYTES + 1_000_000))
    wrong = tmp_path / "notes.txt"
    wrong.write_text("city\n", "utf-8")
    expected = {
        big.name: (ui("st_file_too_large", "zh").format(limit_mb=limits.MAX_UPLOAD_MB), "File must be"),
        wrong.name: (ui("st_file_wrong_type", "zh").format(types="CSV、XLSX"), "files are not allowed"),
    }
    with fresh_page(pw, f"{base}/data?lang={lang}") as (page, _):
        _data_page(page)
        uploader = page.locator(".st-key-upload_indicators")
        for sample in (big, wrong):
            uploader.locator('input[type="file"]').set_input_files(str(sample))
            chip = uploader.locator(f'[data-testid="stFileChip"][aria-label^="{sample.name},"]')
            chip.wait_for(timeout=15_000)
            assert chip.get_attribute("aria-invalid") == "true"
        for name, (chinese, english) in expected.items():
            chip = uploader.locator(f'[data-testid="stFileChip"][aria-label^="{name},"]')
            page.mouse.move(0, 0)
            chip.hover()
            tip = page.locator('[role="tooltip"] [data-testid="stTooltipErrorContent"]').first
            tip.wait_for(timeout=10_000)
            alert = chip.locator('[role="alert"]')  # the screen readers' copy
            assert english in tip.inner_text() and english in alert.inner_text()
            if lang == "zh":
                assert tip.evaluate(STYLE, "fontSize") == "0px"
                assert tip.evaluate(AFTER) == css_string(chinese)
                assert tip.evaluate(AFTER_STYLE, "fontSize") == "14px"
                assert alert.evaluate(AFTER) == css_string(chinese)
            else:
                assert tip.evaluate(STYLE, "fontSize") == "14px"
                assert tip.evaluate(AFTER) in NO_AFTER and alert.evaluate(AFTER) in NO_AFTER


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_skip_link_is_in_the_language(base, pw, lang):
    with fresh_page(pw, f"{base}/platforms?lang={lang}") as (page, _):
        page.locator('[data-testid="stTextInput"]').first.wait_for(timeout=90_000)
        _settled(page, 1000)
        page.keyboard.press("Tab")
        link = page.locator('[data-testid="stSkipToContent"]')
        link.wait_for(timeout=5_000)
        assert link.inner_text() == "Skip to main content"
        if lang == "zh":
            assert link.evaluate(STYLE, "fontSize") == "0px"
            assert link.evaluate(AFTER) == css_string(ui("st_skip_to_content", "zh"))
            assert link.evaluate(AFTER_STYLE, "fontSize") == "14px"  # Streamlit's size (English: below)
        else:
            assert link.evaluate(STYLE, "fontSize") == "14px" and link.evaluate(AFTER) in NO_AFTER
