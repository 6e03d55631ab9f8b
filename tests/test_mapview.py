"""The folium map: layers, languages, legend, escaping and size."""

import html
import json
import re

import pandas as pd
import pytest

from geo import boundaries, mapview
from geo.vocab import LAYERS, layer_name


@pytest.fixture(scope="module")
def pages():
    return {lang: mapview.map_html(mapview.build_map(lang)) for lang in ("zh", "en")}


def test_both_languages_label_the_cities(pages):
    for _, city in boundaries.cities().iterrows():
        assert html.escape(city["name_zh"]) in pages["zh"]
        assert html.escape(city["name_en"]) in pages["en"]
    assert "Shijiazhuang" not in pages["zh"].split("<script")[0]


def test_layer_control_lists_every_layer_in_the_chosen_language(pages):
    for lang, page in pages.items():
        for layer_id in LAYERS:
            name = layer_name(layer_id, lang)
            assert name in page or json.dumps(name)[1:-1] in page, (lang, layer_id)


def test_legend_is_plain_html_without_colormap(pages):
    assert 'class="jjj-legend"' in pages["zh"]
    # Random folium element ids are hex and may contain "d3": look for the library, not the letters.
    for page in pages.values():
        assert not re.search(r"d3(\.v\d)?(\.min)?\.js|d3js\.org", page)


def test_policy_areas_reference_member_codes_not_geometry():
    features = mapview.policy_area_features("zh")
    assert len(features) == 6
    daxing = next(f for f in features if f["id"] == "daxing_airport_zone")
    assert daxing["members"] == ["110115", "131003"] and "dashArray" in daxing["style"]
    assert all("dashArray" not in f["style"] for f in features if f["id"] != "daxing_airport_zone")


def test_text_from_data_is_escaped_in_tooltips_and_cards(monkeypatch):
    evil = "<img src=x onerror=alert(1)>"
    areas = boundaries.policy_areas()
    areas.loc[0, ["name_zh", "extent_note_zh", "source_title"]] = evil
    areas.loc[0, "source_url"] = "javascript:alert(1); https://example.org/?q=<b>"
    monkeypatch.setattr(boundaries, "policy_areas", lambda: areas)
    feature = mapview.policy_area_features("zh")[0]
    for text in (feature["tip"], feature["card"]):
        assert "<img" not in text and "&lt;img src=x onerror=alert(1)&gt;" in text
    assert "javascript:" not in feature["card"].split("<ul")[1]
    assert "&lt;b&gt;" in feature["card"]


def test_the_whole_region_with_counties_stays_well_under_one_megabyte():
    assert mapview.payload_bytes(mapview.build_map("zh")) < 600_000


def test_region_bounds_cover_the_three_provinces():
    (south, west), (north, east) = mapview.region_bounds()
    assert south < 36.1 and north > 42.6 and west < 113.5 and east > 119.8


def test_optional_basemap_adds_a_tile_layer_only_when_asked():
    assert "tile.openstreetmap.org" not in mapview.map_html(mapview.build_map("zh", "none"))
    assert "tile.openstreetmap.org" in mapview.map_html(mapview.build_map("zh", "osm"))


def test_policy_area_table_has_one_source_per_row():
    table = pd.read_csv(boundaries.POLICY_AREAS_PATH, dtype=str).fillna("")
    assert table["source_title"].str.strip().ne("").all()
