"""Streamlit's own English in the Chinese UI (issue #15), in headless Chromium: the Data page's
uploaders and the Map page's multiselects show no "Upload", "per file", "Drag and drop", "Browse
files", "Choose an option" or "Select all" in Chinese; English keeps Streamlit's own words."""

import pytest

from geo import limits
from geo.vocab import ui
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
