"""The curated / mine / both switch for city indicators, and closing a workspace (AppTest and plain calls).

In "mine" the city panel, the Cities page and the exports show only the workspace's indicator rows
("no data" where it has none); in "curated" only the shipped ones. Closing a workspace (sidebar or
Data page) returns every page to the shipped data and takes ``ws``, ``key`` and ``src`` out of the link.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from geo import atlas, datasets, filters, indicators, snapshot, textsafe
from geo.filters import ViewState
from geo.indicators import plain_number
from geo.vocab import INDICATORS, OVERLAYS, ui, unit_label
from geo.workspace import Store, active
from tests.workspace_fixtures import platforms_csv, run_app

APP = str(Path(__file__).resolve().parents[1] / "app.py")
FICTIONAL_GDP = 123456.5  # a clearly fictional test value: no city has this GDP in any edition
BAODING = "130600"
INDICATOR_TABLE = f"city,year,indicator,value\n保定市,2020,gdp,{FICTIONAL_GDP}\n".encode()


@pytest.fixture
def store(tmp_path, monkeypatch):
    monkeypatch.setenv("JJJ_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("JJJ_DATABASE_URL", raising=False)
    yield Store(f"sqlite:///{tmp_path / 'workspaces.sqlite'}")
    active.activate(None)


def _workspace(store: Store, with_indicators: bool = True) -> tuple[str, str]:
    workspace_id, key = store.create("测试工作区 / test")
    store.upload(workspace_id, key, "platforms", "p.csv", platforms_csv())
    if with_indicators:
        _, version = store.upload(workspace_id, key, "indicators", "i.csv", INDICATOR_TABLE)
        assert version is not None
    return workspace_id, key


def _run(params: dict, lang: str = "en") -> AppTest:
    return run_app(params, lang)


def _shipped_gdp(code: str, year: int) -> float | None:
    values = indicators.city_values(datasets.load("indicators"), "gdp", year).set_index("code")["value"]
    return None if pd.isna(values.get(code)) else float(values[code])


# --- plain calls: what the pages and exports read ----------------------------------------------------

def test_shown_indicators_follow_the_mode(store):
    workspace_id, _ = _workspace(store)
    shipped = datasets.load("indicators")
    loaded = active.load(store, workspace_id)
    active.activate(loaded, "mine")
    mine = active.shown_indicators(shipped)
    assert list(mine.columns) == list(shipped.columns)
    assert mine[["area_code", "year", "indicator", "value"]].values.tolist() == [[BAODING, 2020, "gdp", FICTIONAL_GDP]]
    active.activate(loaded, "curated")
    assert active.shown_indicators(shipped) is shipped
    active.activate(loaded, "both")
    assert len(active.shown_indicators(shipped)) == len(shipped) + 1
    active.activate(active.load(store, _workspace(store, with_indicators=False)[0]), "mine")
    assert active.shown_indicators(shipped).empty


def test_exports_colour_and_describe_cities_from_the_mode(store):
    workspace_id, _ = _workspace(store)
    state = ViewState(indicator="gdp", year=2020, lang="en")
    active.activate(active.load(store, workspace_id), "mine")
    drawn = snapshot._choropleth(state, None)  # no table passed: the exporters' default follows the mode
    tips = drawn.colouring.tips
    assert f"{FICTIONAL_GDP:,.0f}" in tips[BAODING], tips[BAODING]
    assert all(ui("no_data", "en") in tip for code, tip in tips.items() if code != BAODING)
    assert atlas.city_indicator_words("110100", "en") == ui("no_indicators", "en")  # Beijing: no workspace row
    assert f"{FICTIONAL_GDP:,.0f}" in atlas.city_indicator_words(BAODING, "en")
    active.activate(active.load(store, workspace_id), "curated")
    assert f"{FICTIONAL_GDP:,.0f}" not in atlas.city_indicator_words(BAODING, "en")
    assert atlas.city_indicator_words("110100", "en") != ui("no_indicators", "en")
    curated_tips = snapshot._choropleth(state, None).colouring.tips
    assert sum(ui("no_data", "en") not in tip for tip in curated_tips.values()) > 1


# --- the pages ---------------------------------------------------------------------------------------

def _city_panel(at, code: str) -> pd.DataFrame:
    at.selectbox(key="m_city").set_value(code).run()
    assert not at.exception, at.exception
    return next(d.value for d in at.dataframe if ui("latest", "en") in d.value.columns)


def _gdp_cell(table: pd.DataFrame) -> str:
    return table.set_index(ui("indicator", "en")).loc[INDICATORS["gdp"].term("en"), ui("latest", "en")]


def test_city_panel_shows_only_the_workspace_values_in_mine(store):
    workspace_id, _ = _workspace(store)
    at = _run({"ws": workspace_id, "src": "mine"})
    table = _city_panel(at, BAODING)
    assert _gdp_cell(table).startswith(f"{plain_number(FICTIONAL_GDP)} ")
    others = table[table[ui("indicator", "en")] != INDICATORS["gdp"].term("en")]
    assert (others[ui("latest", "en")] == ui("no_data", "en")).all()
    assert (_city_panel(at, "110100")[ui("latest", "en")] == ui("no_data", "en")).all()
    at.radio(key="m_source").set_value("curated").run()
    shipped = _city_panel(at, BAODING)
    assert not _gdp_cell(shipped).startswith(f"{plain_number(FICTIONAL_GDP)} ")
    assert (shipped[ui("latest", "en")] != ui("no_data", "en")).any()


def _cities_page(params: dict) -> AppTest:
    at = _run(params)
    at.switch_page("pages/cities.py").run()
    assert not at.exception, at.exception
    return at


def test_cities_page_in_mine_curated_and_without_workspace_indicators(store):
    workspace_id, _ = _workspace(store)
    at = _cities_page({"ws": workspace_id, "src": "mine"})
    gdp = INDICATORS["gdp"]
    assert at.selectbox(key="city_indicator").options == [f"{gdp.term('en')} ({unit_label(gdp.unit, 'en')})"]
    values = next(d.value for d in at.dataframe if ui("other_sources", "en") in d.value.columns)
    value_column = next(c for c in values.columns if c.startswith(ui("value", "en")))
    assert (values[value_column] != ui("no_data", "en")).sum() == 1
    assert f"{FICTIONAL_GDP:,.2f}" in values[value_column].tolist()

    at = _cities_page({"ws": workspace_id, "src": "curated"})
    assert len(at.selectbox(key="city_indicator").options) > 1
    at.selectbox(key="city_indicator").set_value("gdp").run()
    at.selectbox(key="city_year").set_value(2020).run()
    values = next(d.value for d in at.dataframe if ui("other_sources", "en") in d.value.columns)
    value_column = next(c for c in values.columns if c.startswith(ui("value", "en")))
    assert f"{FICTIONAL_GDP:,.2f}" not in values[value_column].tolist()
    shipped = _shipped_gdp(BAODING, 2020)
    assert shipped is None or f"{shipped:,.2f}" in values[value_column].tolist()

    bare, _ = _workspace(store, with_indicators=False)
    at = _cities_page({"ws": bare, "src": "mine"})
    assert ui("ws_mine_no_indicators", "en") in [i.value for i in at.info]


# --- closing a workspace -----------------------------------------------------------------------------

def _platforms(at) -> int:
    shown = next(c.value for c in at.caption if c.value.startswith(ui("shown", "en") + ":"))
    part = next(p for p in shown.split(": ", 1)[1].split(" · ") if p.startswith(OVERLAYS["platforms"]("en")))
    return int(part.rsplit(" ", 1)[1])


def _sidebar_texts(at) -> list[str]:
    return [c.value for c in at.sidebar.caption]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_sidebar_names_the_workspace_and_closes_it(store, lang):
    workspace_id, key = _workspace(store)
    at = _run({"ws": workspace_id, "key": key, "src": "mine"}, lang)
    # the name is user text: escaped for Markdown (it shows as written)
    assert ui("ws_open_now", lang).format(name=textsafe.markdown_text("测试工作区 / test")) in _sidebar_texts(at)
    button = at.button(key="ws_close_sidebar")
    assert button.label == ui("ws_close", lang)
    button.click().run()
    assert not at.exception, at.exception
    assert not {"ws", "key", "src"} & set(at.query_params)
    assert not any("测试工作区" in text for text in _sidebar_texts(at))
    assert not [r for r in at.radio if r.key == "m_source"]
    assert not [b for b in at.button if b.key == "ws_close_sidebar"]
    if lang == "en":
        active.activate(None)
        assert _platforms(at) == filters.visible_layers(ViewState()).counts()["platforms"]
    at.switch_page("pages/cities.py").run()  # another page does not open it again from the session
    assert not at.exception, at.exception
    assert "ws" not in at.query_params


def test_the_data_page_closes_the_workspace(store):
    workspace_id, key = _workspace(store)
    at = AppTest.from_file(APP, default_timeout=120)
    at.session_state["lang"] = "en"
    at.run()
    at.query_params["ws"], at.query_params["key"] = workspace_id, key
    at.switch_page("pages/data.py").run()
    assert not at.exception, at.exception
    at.button(key="ws_close").click().run()
    assert not at.exception, at.exception
    assert not {"ws", "key"} & set(at.query_params)
    assert [b for b in at.button if b.key == "ws_create"]  # the panel offers create / open again
    assert all(key not in c.value for c in at.code)


# --- every export names the workspace's rows and keeps their source -----------------------------------

def test_exports_keep_the_workspace_source_name_and_upload_date(store):
    import csv
    import io
    import json

    from pptx import Presentation

    from geo import export_formats

    workspace_id, _ = _workspace(store)
    loaded = active.load(store, workspace_id)
    active.activate(loaded, "mine")
    out = export_formats.export_all(ViewState(lang="en", source="mine"), ["csv", "geojson", "pptx"])
    rows = [r for r in csv.DictReader(io.StringIO(out["csv"].decode("utf-8-sig"))) if r["layer"] == "platforms"]
    assert len(rows) == 46
    # the source as the file gives it (tests/workspace_fixtures.py), not cut at its English part
    assert {r["source_title"] for r in rows} == {"测试数据 / test data"}
    assert {r["workspace"] for r in rows} == {"测试工作区 / test"}
    feature = next(f for f in json.loads(out["geojson"])["features"] if f["properties"]["layer"] == "platforms")
    uploaded = str(loaded.mine["uploaded"].max())[:10]
    assert feature["properties"]["uploaded"].startswith(uploaded)  # ISO text, not milliseconds
    notes = Presentation(io.BytesIO(out["pptx"])).slides[0].notes_slide.notes_text_frame.text
    assert ui("ws_values_from", "en").format(name="测试工作区 / test", date=uploaded) in notes


def test_map_page_in_mine_without_workspace_indicators_colours_nothing(store):
    bare, _ = _workspace(store, with_indicators=False)
    at = _run({"ws": bare, "src": "mine", "indicator": "gdp"})
    assert at.selectbox(key="m_indicator").options == [ui("choropleth_none", "en")]
    # the link keeps its indicator: back in "both" the cities are coloured again
    at.radio(key="m_source").set_value("both").run()
    assert not at.exception, at.exception
    assert len(at.selectbox(key="m_indicator").options) > 1
    at.radio(key="m_source").set_value("mine").run()
    table = _city_panel(at, BAODING)
    assert (table[ui("latest", "en")] == ui("no_data", "en")).all()


def test_the_card_shows_the_workspace_source_as_written(store):
    import html

    from geo import overlays, registry

    workspace_id, _ = _workspace(store)
    active.activate(active.load(store, workspace_id), "mine")
    row = registry.entities().iloc[0]
    card = overlays.entity_card(row.to_dict(), "en")
    assert html.escape("测试数据 / test data") in card and "测试工作区 / test" in card
