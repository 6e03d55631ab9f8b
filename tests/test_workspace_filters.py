"""Every Map filter with workspace rows: province, city, industry, mode and year, alone and combined, in
"mine" and "both": the layers, the count line, the Platforms & parks page, the exports (CSV, GeoJSON and
``python -m geo.snapshot --workspace``) and the link. The rows a filter must keep are stated by
tests/workspace_filter_fixtures.py (``expected``), not asked of the code under test."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from geo import export_formats, filters
from geo.filters import ViewState
from geo.vocab import OVERLAYS, ui
from geo.workspace import Store, active
from tests.workspace_filter_fixtures import ROWS, SOURCE, A, B, C, expected, upload_csv
from tests.workspace_fixtures import run_app

LAYERS = ("platforms", "parks", "project", "flows")
WORKSPACE_NAME = "测试工作区 / filters"
CASES = {
    "none": {},
    "province": {"provinces": ("120000",)},
    "provinces": {"provinces": ("110000", "130000")},
    "city": {"cities": ("130100",)},
    "cities": {"cities": ("131000", "120100")},
    "industry": {"industries": (A,)},
    "project_only_industry": {"industries": (C,)},
    "industries": {"industries": (A, B)},
    "mode": {"modes": ("enclave",)},
    "modes": {"modes": ("zgc_model", "industry_university")},
    "as_of": {"as_of": 2018},
    "as_of_dated_only": {"as_of": 2018, "include_undated": False},
    "province+industry": {"provinces": ("130000",), "industries": (A,)},
    "city+mode+year": {"cities": ("130200",), "modes": ("zgc_model",), "as_of": 2020},
    "provinces+industry+year": {"provinces": ("120000", "130000"), "industries": (B,), "as_of": 2019,
                                "include_undated": False},
    "all_five": {"provinces": ("130000",), "cities": ("131000",), "industries": (A,), "modes": ("enclave",),
                 "as_of": 2016},
}
MODES = ("mine", "both")


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    """The fictional workspace (tests/workspace_filter_fixtures.py) in a fresh SQLite store."""
    folder = tmp_path_factory.mktemp("wsfilters")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("JJJ_DATA_DIR", str(folder))
        patch.delenv("JJJ_DATABASE_URL", raising=False)
        store = Store()
        workspace_id, key = store.create(WORKSPACE_NAME)
        for kind in ("platforms", "parks", "projects"):
            result, version = store.upload(workspace_id, key, kind, f"{kind}.csv", upload_csv(kind))
            assert version is not None and not result.problems, result.problems
        yield store, workspace_id, key
    active.activate(None)


def _filters(case: str | dict) -> dict:
    return CASES[case] if isinstance(case, str) else case


def _state(mode: str, case: str | dict, **more) -> ViewState:
    return ViewState(overlays=LAYERS, source=mode, **_filters(case), **more)


def _workspace_names(frame) -> set[str]:
    return {n for n in frame["name_zh"] if str(n).startswith(("测试平台", "测试园区", "测试项目"))}


def _curated_ids(case: str | dict) -> dict[str, set[str]]:
    """The shipped rows the same filters keep without a workspace."""
    active.activate(None)
    layers = filters.visible_layers(_state("curated", case))
    return {layer: set(layers[layer]["id"]) for layer in LAYERS}


def _open(workspace, mode: str):
    store, workspace_id, _ = workspace
    active.activate(active.load(store, workspace_id), mode)


# --- the layers (what the map, the count line and every export draw from) ----------------------------

@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("case", CASES)
def test_each_filter_keeps_exactly_the_right_workspace_rows(workspace, mode, case):
    curated = _curated_ids(case)
    _open(workspace, mode)
    layers = filters.visible_layers(_state(mode, case))
    want = expected(CASES[case])
    for layer in LAYERS:
        frame = layers[layer]
        assert _workspace_names(frame) == want[layer], (layer, case, mode)
        shipped = set(frame["id"]) - set(frame.loc[frame["values_from"] == "workspace", "id"]) \
            if "values_from" in frame else set(frame["id"])
        # "both" keeps exactly the shipped rows the filters keep without a workspace; "mine" none of them
        assert shipped == (curated[layer] if mode == "both" else set()), (layer, case, mode)
        assert layers.counts()[layer] == len(want[layer]) + len(shipped)


def test_the_fixture_covers_every_filter_both_ways():
    # each filter drops some workspace row and keeps another, so no case passes by keeping everything
    for case in ("province", "city", "industry", "mode", "as_of", "as_of_dated_only"):
        kept = set().union(*expected(CASES[case]).values())
        assert kept and kept != set().union(*expected({}).values()), case
    assert expected(CASES["all_five"]) == {"platforms": set(), "parks": {"测试园区 201 / Test park 201"},
                                           "project": set(), "flows": {"测试园区 201 / Test park 201"}}


def test_workspace_projects_keep_origin_investment_and_year(workspace):
    _open(workspace, "mine")
    project = filters.visible_layers(_state("mine", "none"))["project"].set_index("name_zh")
    for row in (r for r in ROWS if r.kind == "project"):
        shown = project.loc[row.name]
        assert shown["origin_name_zh"] == row.origin and shown["city_code"] == row.city
        if row.investment is None:
            assert pd.isna(shown["investment"]) and pd.isna(shown["investment_unit"])
        else:
            assert shown["investment"] == row.investment and shown["investment_unit"] == "亿元"
        assert (shown["year"] == row.year) if row.year else pd.isna(shown["year"])


# --- the exports ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("case", ["none", "province", "city", "industry", "mode", "as_of_dated_only", "all_five",
                                  "provinces+industry+year"])
def test_csv_and_geojson_exports_hold_the_same_workspace_rows(workspace, mode, case):
    _open(workspace, mode)
    out = export_formats.export_all(_state(mode, case, lang="en"), ["csv", "geojson"])
    rows = list(csv.DictReader(io.StringIO(out["csv"].decode("utf-8-sig"))))
    features = [f["properties"] for f in json.loads(out["geojson"])["features"]]
    want = expected(CASES[case])
    for layer in ("platforms", "parks", "project"):
        assert _workspace_names({"name_zh": [r["name_zh"] for r in rows if r["layer"] == layer]}) == want[layer]
        assert {p["name_zh"] for p in features if p["layer"] == layer and p.get("workspace")} == want[layer]
    for row in (r for r in rows if r["name_zh"].startswith("测试")):
        assert row["source_title"] == SOURCE and row["workspace"] == WORKSPACE_NAME  # as uploaded


@pytest.mark.parametrize("mode", MODES)
def test_the_snapshot_cli_applies_every_filter_to_the_workspace(workspace, mode, tmp_path):
    store, workspace_id, _ = workspace
    out = tmp_path / "view.csv"
    env_dir = Path(store.engine.url.database).parent
    done = subprocess.run(
        [sys.executable, "-m", "geo.snapshot", "--workspace", workspace_id, "--src", mode, "--layers", ",".join(LAYERS),
         "--prov", "120000,130000", "--ind", B, "--as-of", "2019", "--undated", "0", "--format", "csv",
         "--out", str(out)], capture_output=True, text=True, timeout=300,
        env={**os.environ, "JJJ_DATA_DIR": str(env_dir)})
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text("utf-8-sig"))))
    want = expected(CASES["provinces+industry+year"])
    for layer in ("platforms", "parks", "project"):
        assert {r["name_zh"] for r in rows if r["layer"] == layer and r["name_zh"].startswith("测试")} == want[layer]
    assert want["platforms"] and want["project"] and not want["parks"]  # it keeps some rows and drops others
    if mode == "mine":
        assert all(r["name_zh"].startswith("测试") for r in rows if r["layer"] in ("platforms", "parks", "project"))


# --- the link -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("case", CASES)
def test_the_link_round_trips_every_filter(workspace, mode, case):
    _open(workspace, mode)
    state = _state(mode, case)
    again, ignored = filters.from_query(filters.to_query(state))
    assert ignored == [] and again == state


@pytest.mark.parametrize("mode", MODES)
def test_a_link_naming_workspace_values_is_read_not_ignored(workspace, mode):
    _open(workspace, mode)
    params = {"layers": ",".join(LAYERS), "prov": "130000", "cities": "130200", "ind": f"{B},{C}",
              "mode": "zgc_model", "asof": "2020", "undated": "0", "src": mode}
    state, ignored = filters.from_query(params)
    assert ignored == []
    assert (state.provinces, state.cities, state.industries, state.modes, state.as_of, state.include_undated,
            state.source) == (("130000",), ("130200",), (B, C), ("zgc_model",), 2020, False, mode)
    written = params | {"lang": "zh"}  # the link writes the language; "both" is the default and left out
    assert filters.to_query(state) == ({k: v for k, v in written.items() if k != "src"} if mode == "both" else written)


# --- the Map page and the Platforms & parks page (AppTest) ---------------------------------------------

def _run(params: dict) -> AppTest:
    return run_app(params)


def _count_line(at) -> dict[str, int]:
    shown = next(c.value for c in at.caption if c.value.startswith(ui("shown", "en") + ":"))
    counts = {}
    for part in shown.split(": ", 1)[1].split(" · "):
        for layer in LAYERS:
            label = OVERLAYS[layer]("en")
            if part.startswith(label + " ") and part[len(label) + 1:].isdigit():
                counts[layer] = int(part[len(label) + 1:])
    return counts


def _expected_counts(mode: str, case: str | dict) -> dict[str, int]:
    curated = _curated_ids(case)
    want = expected(_filters(case))
    return {layer: len(want[layer]) + (len(curated[layer]) if mode == "both" else 0) for layer in LAYERS}


@pytest.fixture
def app_store(workspace, monkeypatch):
    store, workspace_id, key = workspace
    monkeypatch.setenv("JJJ_DATA_DIR", str(Path(store.engine.url.database).parent))
    monkeypatch.delenv("JJJ_DATABASE_URL", raising=False)
    return workspace


@pytest.mark.parametrize("mode", MODES)
def test_the_map_page_counts_and_widgets_follow_each_filter(app_store, mode):
    _, workspace_id, _ = app_store
    at = _run({"ws": workspace_id, "src": mode, "layers": ",".join(LAYERS), "prov": "120000,130000",
               "ind": B, "asof": "2019", "undated": "0"})
    assert _count_line(at) == _expected_counts(mode, "provinces+industry+year")
    assert at.multiselect(key="m_industries").value == [B] and at.multiselect(key="m_provinces").value == [
        "120000", "130000"]
    # one filter at a time through its widget: the count line and the link follow
    at.checkbox(key="m_undated").check().run()
    undated_too = {"provinces": ("120000", "130000"), "industries": (B,), "as_of": 2019}
    assert _count_line(at) == _expected_counts(mode, undated_too)
    at.select_slider(key="m_as_of").set_value(ui("all", "en")).run()  # AppTest sets a slider by its label
    assert "asof" not in at.query_params
    at.multiselect(key="m_provinces").set_value([]).run()
    at.multiselect(key="m_industries").set_value([C]).run()
    assert not at.exception, at.exception
    assert _count_line(at) == _expected_counts(mode, "project_only_industry")
    assert at.query_params["ind"] == C and at.query_params["ws"] == workspace_id
    at.multiselect(key="m_industries").set_value([]).run()
    at.multiselect(key="m_modes").set_value(["enclave"]).run()
    assert _count_line(at) == _expected_counts(mode, "mode")
    at.multiselect(key="m_modes").set_value([]).run()
    at.multiselect(key="m_cities").set_value(["131000", "120100"]).run()
    assert _count_line(at) == _expected_counts(mode, "cities")
    assert at.query_params["cities"] == "131000,120100" and at.query_params.get("src", "both") == mode


def test_switching_to_curated_with_a_workspace_industry_chosen(app_store):
    _, workspace_id, _ = app_store
    at = _run({"ws": workspace_id, "layers": ",".join(LAYERS), "ind": C})
    assert _count_line(at) == _expected_counts("both", "project_only_industry")
    at.radio(key="m_source").set_value("curated").run()
    assert not at.exception, at.exception  # the workspace's industry is no longer offered: no crash
    at.radio(key="m_source").set_value("mine").run()
    assert not at.exception, at.exception


@pytest.mark.parametrize("mode", MODES)
def test_the_platforms_page_lists_the_workspace_rows_with_their_values(app_store, mode):
    _, workspace_id, _ = app_store
    at = _run({"ws": workspace_id, "src": mode})
    at.switch_page("pages/platforms.py").run()
    assert not at.exception, at.exception
    name, year, source = ui("name", "en"), ui("year", "en"), ui("source", "en")
    table = next(d.value for d in at.dataframe if name in d.value.columns and source in d.value.columns)
    ours = table[table[name].astype(str).str.startswith("测试")]
    entities = [r for r in ROWS if r.kind in ("platform", "park")]
    assert sorted(ours[name]) == sorted(r.name for r in entities)
    if mode == "mine":
        assert len(table) == len(entities)
    else:
        active.activate(None)
        assert len(table) == len(filters.registry.entities()) + len(entities)
    by_name = ours.set_index(name)
    for row in entities:
        assert by_name.loc[row.name, year] == (str(row.year) if row.year else "")
        assert by_name.loc[row.name, source] == ui("ws_source_as_written", "en").format(name=WORKSPACE_NAME,
                                                                                          source=SOURCE)
    at.text_input(key="registry_search").input("测试园区").run()
    table = next(d.value for d in at.dataframe if name in d.value.columns and source in d.value.columns)
    assert sorted(table[name]) == sorted(r.name for r in entities if r.kind == "park")
