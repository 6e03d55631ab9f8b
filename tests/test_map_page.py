"""The Map page under AppTest: URL state in and out, filters, search, the linked panel."""

from pathlib import Path

from streamlit.testing.v1 import AppTest

from geo import filters
from geo.filters import ViewState
from geo.vocab import ui

APP = str(Path(__file__).resolve().parents[1] / "app.py")


def _run(params: dict | None = None, lang="en") -> AppTest:
    """The page as a visitor gets it: the map first, then (as on the map's first report) the rest."""
    at = AppTest.from_file(APP, default_timeout=90)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    at.query_params["lang"] = lang
    at.run()
    assert not at.exception, at.exception
    at.run()
    assert not at.exception, at.exception
    return at


def test_the_map_is_sent_first_and_the_controls_follow_without_moving_it():
    at = AppTest.from_file(APP, default_timeout=90)
    at.query_params["lang"] = "en"
    at.run()
    assert not at.exception
    first = [type(e).__name__ for e in at.main]
    assert len(at.get("component_instance")) == 1  # the map
    assert not at.text_input and not at.multiselect and not at.selectbox  # no control yet
    assert not at.sidebar.radio  # not even the language switch
    assert _count(at, "Co-built parks") == filters.visible_layers(ViewState()).counts()["parks"]
    at.run()
    assert not at.exception
    assert at.text_input(key="m_find") and at.multiselect(key="m_provinces") and at.selectbox(key="m_indicator")
    assert at.sidebar.radio[0].value == "en"
    # the switch keeps its place at the top of the sidebar, above the page's controls
    assert type(at.sidebar[0]).__name__ == "Block" and at.sidebar[0].radio[0]
    # what the first run showed keeps its place: the same title and counts precede the map (whose
    # own column then gains the export panel below it)
    second = [type(e).__name__ for e in at.main]
    upto_map = first.index("UnknownElement") + 1
    assert second[:upto_map] == first[:upto_map] == ["SpecialBlock", "Title", "Caption", "Block", "Column",
                                                      "UnknownElement"]


def _shown(at) -> str:
    return next(c.value for c in at.caption if c.value.startswith(("Shown:", "当前显示")))


def _count(at, label: str) -> int:
    part = next(p for p in _shown(at).split(": ", 1)[1].split(" · ") if p.startswith(label))
    return int(part.rsplit(" ", 1)[1])


def test_counts_follow_the_filters_and_the_url_records_them():
    at = _run()
    everything = filters.visible_layers(ViewState()).counts()
    assert _count(at, "Co-built parks") == everything["parks"]
    at.multiselect(key="m_provinces").set_value(["120000"]).run()
    tianjin = filters.visible_layers(ViewState(provinces=("120000",))).counts()
    assert _count(at, "Co-built parks") == tianjin["parks"] < everything["parks"]
    assert at.query_params["prov"] == "120000"


def test_coming_back_to_the_map_sends_it_first_again():
    at = _run()
    at.switch_page("pages/cities.py").run()
    at.switch_page("pages/map.py").run()
    assert not at.exception and len(at.get("component_instance")) == 1 and not at.multiselect
    at.run()
    assert at.multiselect(key="m_provinces")


def test_the_chosen_language_outlasts_a_map_first_run_that_does_not_draw_its_switch():
    at = _run(lang="zh")
    at.sidebar.radio[0].set_value("en").run()
    at.switch_page("pages/cities.py").run()
    at.switch_page("pages/map.py").run()
    assert not at.exception and not at.sidebar.radio and at.title[0].value == "Map"
    at.run()
    assert at.sidebar.radio[0].value == "en" and at.query_params["lang"] == "en"


def test_a_link_restores_the_view_and_reports_what_it_could_not_read():
    at = _run({"type": "innovation", "city": "130600", "indicator": "gdp", "z": "99", "cls": "equal_interval"})
    assert at.session_state["m_city"] == "130600"
    assert at.session_state["m_types"] == ["innovation"]
    assert at.session_state["m_scheme"] == "equal_interval"
    assert any(ui("url_bad_value", "en").format(key="z", value="99") in w.value for w in at.warning)
    innovation = filters.visible_layers(ViewState(types=("innovation",))).counts()["platforms"]
    assert _count(at, "Undertaking platforms") == innovation


def test_choosing_a_city_fills_the_panel_with_values_years_and_ranks():
    at = _run()
    at.selectbox(key="m_city").set_value("130100").run()
    assert not at.exception
    assert at.query_params["city"] == "130100"
    profile = at.dataframe[0].value
    rank = "Rank (of cities with data)"
    assert {"Indicator", "Latest", "Year", rank, "Other sources say"} <= set(profile.columns)
    gdp = profile[profile["Indicator"] == "GDP"].iloc[0]
    assert gdp["Latest"].endswith(" 100 million yuan") and gdp["Year"].isdigit() and " / " in gdp[rank]
    assert any(c.value.startswith("Platforms and parks in this city") for c in at.caption)
    years = {y for y in profile["Year"] if y}
    if len(years) > 1:  # the panel says so when its values come from different years
        assert any(c.value.startswith("These values are from different years") for c in at.caption)


def test_a_common_year_shows_every_indicator_for_that_year_only():
    at = _run()
    at.selectbox(key="m_city").set_value("130100").run()
    options = [y for y in at.selectbox(key="m_city_year").options if y != "Latest year of each"]
    at.selectbox(key="m_city_year").set_value(int(options[0])).run()
    assert not at.exception
    profile = at.dataframe[0].value
    assert {y for y in profile["Year"] if y} == {options[0]}
    assert "Value" in profile.columns and (profile["Value"] == "No data").any()


def test_search_by_pinyin_opens_the_card():
    at = _run()
    at.text_input(key="m_find").set_value("baoding").run()
    assert not at.exception
    assert at.session_state["m_entity"] in set(filters.find("baoding")["id"])
    assert at.session_state["m_view"][1] == 10


def test_an_empty_search_result_says_so():
    at = _run(lang="zh")
    at.text_input(key="m_find").set_value("不存在的园区").run()
    assert any("不存在的园区" in c.value for c in at.caption)


def test_choropleth_year_follows_the_indicator():
    at = _run()
    at.selectbox(key="m_indicator").set_value("population").run()
    assert not at.exception and at.session_state["m_year"] is not None
    assert at.query_params["indicator"] == "population"


def test_this_sessions_uploads_show_on_the_map_and_in_the_panel():
    from geo import uploads
    indicators_csv = "city,year,indicator,value\n张家口,2023,gdp,1999.5\n".encode("utf-8")
    points_csv = "name,longitude,latitude\n<img src=x onerror=alert(1)>,114.9,40.8\n".encode("utf-8")
    rows = uploads.read_indicators("mine.csv", indicators_csv).rows
    points = uploads.read_points("mine.csv", points_csv).rows
    at = AppTest.from_file(APP, default_timeout=90)
    at.query_params["lang"] = "en"
    at.session_state["user_indicators"] = rows
    at.session_state["user_points"] = points
    at.run().run()
    assert _count(at, "Uploaded points") == 1
    at.selectbox(key="m_city").set_value("130700").run()
    profile = at.dataframe[0].value
    gdp = profile[profile["Indicator"] == "GDP"].iloc[0]
    assert gdp["Latest"].startswith("1,999.5 ") and gdp["Year"] == "2023"


def test_shared_data_is_built_once_per_process_not_per_session():
    from geo import corridors, registry
    _run()  # a first session fills the caches
    built = (registry._entities.cache_info().misses, corridors._stations.cache_info().misses,
             filters._hubs.cache_info().misses, filters._search_index.cache_info().misses)
    for lang in ("zh", "en"):
        at = _run(lang=lang)
        at.multiselect(key="m_provinces").set_value(["130000"]).run()
    assert (registry._entities.cache_info().misses, corridors._stations.cache_info().misses,
            filters._hubs.cache_info().misses, filters._search_index.cache_info().misses) == built


def test_the_controls_fallback_reads_streamlits_pending_rerun():
    # pages/map.py's fallback must not replace a pending rerun (a click on another page's link) with its own:
    # it reads this private state, so an upgrade that changes it must fail here, not lose clicks silently.
    from streamlit.runtime.scriptrunner_utils.script_requests import RerunData, ScriptRequests, ScriptRequestType
    requests = ScriptRequests()
    assert requests._state is ScriptRequestType.CONTINUE
    requests.request_rerun(RerunData(page_script_hash="another page"))
    assert requests._state is ScriptRequestType.RERUN
