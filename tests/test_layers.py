"""The layer registry: every layer declares every part, and the projects layer arrives through it alone."""

import json
from dataclasses import fields, replace

import pandas as pd
import pytest

from geo import boundaries, datasets, exports, filters, layers, mapview, overlays, snapshot
from geo.filters import ViewState
from geo.layers import GEOMETRIES, LAYERS, Layer, LegendItem
from geo.schemas import TABLES
from geo.vocab import LANGUAGES, OVERLAYS

VIEW_FIELDS = {f.name for f in fields(ViewState)}


def missing_parts(layer: Layer) -> list[str]:
    """What a declaration lacks for the map, the snapshot, the legend, the export and the labels."""
    out = []
    if layer.id not in OVERLAYS or not all(OVERLAYS[layer.id](lang) for lang in LANGUAGES):
        out.append("label in both languages (geo.vocab.OVERLAYS)")
    if layer.geometry not in GEOMETRIES:
        out.append("geometry kind")
    if layer.browser not in overlays.BROWSER_DRAWERS:
        out.append("browser drawer")
    if layer.snapshot not in snapshot.SNAPSHOT_DRAWERS:
        out.append("snapshot drawer")
    if not callable(layer.legend) or not callable(layer.select):
        out.append("legend or selection")
    if not set(layer.filters) <= VIEW_FIELDS:
        out.append("filters that are ViewState fields")
    if layer.geometry == "point" and layer.symbol is None:
        out.append("point symbol")
    if layer.table is not None and layer.table not in TABLES:
        out.append("curated table")
    if layer.browser == "symbols" and not (layer.tooltip and layer.card and layer.kind):
        out.append("tooltip and card fields")
    return out


@pytest.mark.parametrize("layer", LAYERS, ids=lambda layer: layer.id)
def test_every_layer_declares_every_part(layer):
    assert missing_parts(layer) == []


def test_a_declaration_missing_a_part_is_caught():
    park = layers.BY_ID["parks"]
    assert "browser drawer" in missing_parts(replace(park, browser="nowhere"))
    assert "point symbol" in missing_parts(replace(park, symbol=None))
    assert "label in both languages (geo.vocab.OVERLAYS)" in missing_parts(replace(park, id="not_a_layer"))


def test_the_registry_and_the_vocabulary_list_the_same_layers_in_the_same_order():
    assert layers.LAYER_IDS == tuple(OVERLAYS)
    ranks = [layer.export_rank for layer in LAYERS if layer.export_rank is not None]
    assert len(ranks) == len(set(ranks)) and len({layer.legend_rank for layer in LAYERS}) == len(LAYERS)


def test_each_layer_legend_labels_itself_in_both_languages():
    every = filters.visible_layers(ViewState(overlays=layers.LAYER_IDS))
    for layer in LAYERS:
        for item in layer.legend(every[layer.id]):
            assert isinstance(item, LegendItem)
            assert all(item.label(lang) for lang in LANGUAGES)


# --- the key coordination projects, added through the registry only ---------------------------------

COLUMNS = ("id,name_zh,name_en,origin_name_zh,origin_code,host_city_code,host_county_code,lon,lat,precision,year,"
           "year_kind,industries,investment,investment_unit,source_title,source_url,notes").split(",")


def test_the_projects_file_has_exactly_the_agreed_columns_and_sourced_rows():
    raw = datasets.read_raw("projects")
    assert list(raw.columns) == COLUMNS
    assert raw["source_title"].notna().all() and len(raw) >= 5
    assert set(raw["year_kind"].dropna()) <= {"signed", "started", "opened", "established"}
    assert "北京现代沧州工厂" in set(raw["name_zh"])


def test_every_project_point_lies_in_the_county_or_city_it_claims():
    _, problems = datasets.check_all()
    assert [p for p in problems if p.file == "projects.csv"] == []
    projects = layers.located("projects")
    for _, row in projects.iterrows():
        level, code = ("counties", row["county_code"]) if isinstance(row["county_code"], str) \
            else ("cities", row["city_code"])
        assert boundaries.find_unit(row.geometry.x, row.geometry.y, level)["code"] == code


def test_a_point_outside_its_claimed_county_is_reported(tmp_path):
    raw = datasets.read_raw("projects")
    raw.loc[0, ["lon", "lat", "precision"]] = ["116.40", "39.90", "exact"]  # Beijing, not Cangzhou
    frame, problems = datasets.schema_problems("projects", raw)
    assert problems == []
    found = datasets._point_table_problems({t: (frame if t == "projects" else datasets.read_raw(t)) for t in TABLES})
    assert any(p.file == "projects.csv" and p.line == 2 and p.column == "lon/lat" for p in found)


def test_the_filters_act_on_projects():
    projects = datasets.load("projects")
    count = lambda **kw: len(filters.visible_layers(ViewState(**({"overlays": ("project",)} | kw))).project)  # noqa: E731
    assert count() == len(projects)
    host_province = projects["host_city_code"].str[:2] + "0000"
    for province in ("110000", "120000", "130000"):
        assert count(provinces=(province,)) == int((host_province == province).sum())
    assert count(cities=("130700",)) == int((projects["host_city_code"] == "130700").sum()) > 0
    named = projects["industries"].fillna("").map(lambda text: "大数据" in text.split(";"))
    assert count(industries=("大数据",)) == int(named.sum())
    years = pd.to_numeric(projects["year"], errors="coerce")
    assert count(as_of=2015, include_undated=False) == int((years <= 2015).sum()) > 0
    assert count(overlays=("parks",)) == 0


def test_projects_are_drawn_with_tooltips_and_cards_on_the_map_and_in_the_legend():
    every = filters.visible_layers(ViewState(overlays=layers.LAYER_IDS))
    group = overlays.overlay_group(every, "en", mapview.policy_area_features("en"))
    drawn = [c for c in group._children.values()
             if isinstance(c, overlays.DRAWN_OVERLAYS) and c.class_name == "jjj-project"]
    assert len(drawn) == 1
    features = overlays.drawn_features(drawn[0])
    assert len(features) == len(every.project)
    info = overlays.drawn_info(drawn[0])
    tip, card = info["zhangbei_yunlian_dc"]
    assert "Zhangbei Yunlian Data Centre" in tip and "Key coordination projects" in tip
    row = datasets.load("projects").set_index("id").loc["zhangbei_yunlian_dc"]
    assert all(industry in card for industry in row["industries"].split(";"))
    assert row["source_url"] in card and "000_2373c43ac8973db4.txt" not in card  # sources by title, not file
    assert "Key coordination project (host)" in overlays.legend_rows(every, "en")
    assert "Key coordination project (host)" not in overlays.legend_rows(
        filters.visible_layers(ViewState(overlays=("parks",))), "en")


def test_project_text_from_data_is_escaped_in_tooltips():
    frame = layers.located("projects").head(1).copy()
    frame["name_en"] = "<script>alert(1)</script>"
    overlay = overlays.symbol_overlay(layers.BY_ID["project"], frame, [(0, 0)], "en")
    assert "<script>" not in overlay.info_json and "&lt;script&gt;" in overlay.info_json


def test_projects_reach_the_snapshot_and_the_data_exports():
    every = filters.visible_layers(ViewState(overlays=layers.LAYER_IDS))
    labels = [label for _, label, _ in snapshot._legend_entries(every, None, snapshot._Pen(1, 1), "zh")]
    assert "重点协同项目（承接地）" in labels
    table = pd.read_csv(pd.io.common.BytesIO(exports.to_csv(every)), dtype=str, encoding="utf-8-sig")
    assert (table["layer"] == "project").sum() == len(every.project)
    collection = json.loads(exports.to_geojson(every))
    assert sum(f["properties"]["layer"] == "project" for f in collection["features"]) == len(every.project)
    assert "project" in exports.EXPORT_LAYERS


def test_the_first_view_draws_the_main_job_and_leaves_the_minor_layers_one_click_away():
    # issue #15: platforms, parks and rail lines at first sight; stations, axes and the rest on demand
    first = layers.first_view()
    assert {"platforms", "parks", "lines"} <= set(first)
    assert not {"stations", "axes", "airports", "ports", "flows", "project"} & set(first)
    assert first == tuple(layer.id for layer in LAYERS if layer.first_view)  # declared with each layer only
    assert list(first) == [o for o in OVERLAYS if o in first]  # in the registry's (and the widget's) order
    assert ViewState().overlays == first
    counts = filters.visible_layers(ViewState()).counts()
    assert counts["platforms"] and counts["parks"] and counts["lines"] and counts["stations"] == 0


def test_a_link_without_layers_shows_the_first_view_and_a_link_naming_layers_shows_those():
    assert "layers" not in filters.to_query(ViewState())
    assert filters.from_query({})[0].overlays == layers.first_view()
    named, ignored = filters.from_query({"layers": "stations,axes"})
    assert named.overlays == ("stations", "axes") and ignored == []
    assert filters.visible_layers(named).counts()["stations"] > 0
    every = ViewState(overlays=layers.LAYER_IDS)
    query = filters.to_query(every)
    assert query["layers"].split(",") == list(layers.LAYER_IDS)
    assert filters.from_query(query)[0] == every
    assert filters.from_query({"layers": "-"})[0].overlays == ()  # none at all stays none
