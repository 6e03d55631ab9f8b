"""The Map page's cached st_folium sends exactly what streamlit-folium's own st_folium sends."""

from __future__ import annotations

import random

import folium
import geopandas as gpd
import jinja2
import pytest
import shapely
import streamlit_folium

from geo import filter_table, filters, mapview, overlays
from geo.filters import ViewState
from pages_support import map_component

RETURNED = ["last_clicked", "last_active_drawing", "center", "zoom", "bounds"]


@pytest.fixture
def captured(monkeypatch):
    """The keyword arguments of every component call, in order."""
    calls = []
    monkeypatch.setattr(streamlit_folium, "_component_func", lambda **kwargs: calls.append(kwargs))
    return calls


def _group(state: ViewState, user_points=None, fills=None, tips=None, legend=""):
    layers = filters.visible_layers(state, user_points)
    return overlays.overlay_group(layers, state.lang, mapview.policy_area_features(state.lang), fills=fills,
                                  city_tips=tips, selected_city=state.city, choropleth_legend=legend)


def _both(captured, state: ViewState, **group_args) -> tuple[dict, dict]:
    """(what streamlit-folium sends, what the cached version sends) for one view."""
    kwargs = dict(key="jjj_map", height=640, use_container_width=True, center=(39.9, 116.4), zoom=8.0,
                  returned_objects=RETURNED)
    streamlit_folium.st_folium(mapview.build_base_map(state.lang, state.basemap),
                               feature_group_to_add=_group(state, **group_args), **kwargs)
    map_component.st_folium(lambda: mapview.build_base_map(state.lang, state.basemap), (state.lang, state.basemap),
                            feature_group_to_add=_group(state, **group_args), **kwargs)
    original, cached = captured[-2], captured[-1]
    assert callable(original.pop("on_change")) and callable(cached.pop("on_change"))
    return original, cached


def _random_states(n: int, seed: int = 7) -> list[ViewState]:
    rng = random.Random(seed)
    options = {f.field: f.options() for f in filter_table.FILTERS if f.kind == "multi"}
    states = []
    for _ in range(n):
        values = {name: tuple(rng.sample(list(o), min(len(o), rng.randint(1, 3))))
                  for name, o in options.items() if rng.random() < 0.3}
        if rng.random() < 0.4:
            values["as_of"] = rng.choice([2000, 2010, 2015, 2020])
        states.append(ViewState(**values, lang=rng.choice(["zh", "en"]), city=rng.choice([None, "130600"])))
    return states


@pytest.mark.parametrize("state", [ViewState(), ViewState(lang="en"), *_random_states(12)])
def test_the_component_gets_the_same_arguments_for_every_view(captured, state):
    original, cached = _both(captured, state)
    assert cached == original


def test_the_same_arguments_with_a_choropleth_and_a_selected_city(captured):
    state = ViewState(city="120000", lang="en")
    original, cached = _both(captured, state, fills={"120000": "#123456"}, tips={"120000": "GDP <b>1</b>"},
                             legend=overlays.choropleth_legend("GDP 2020", "<div>class</div>"))
    assert cached == original


def _points(names: list[str]) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame({"id": [f"u{i}" for i in range(len(names))], "name": names, "kind": names,
                             "industries": names, "source_title": names},
                            geometry=[shapely.Point(116.3 + i / 10, 39.9) for i in range(len(names))], crs="EPSG:4326")


def test_the_same_arguments_with_uploaded_points_whose_text_looks_like_code(captured):
    names = ["_abc_def", "</script><b>", "feature_group_0", "map_div", "a {{ b }} c", "{'a': 1}"]
    original, cached = _both(captured, ViewState(), user_points=_points(names))
    assert cached == original


def test_braces_in_an_uploaded_name_reach_the_map_as_text(captured):
    # streamlit-folium's render pass compiles every element's output as a Jinja template: "{{" in a
    # user's text (escaped quotes and all) stops it with a syntax error. The cached path writes the
    # scripts without that pass.
    group = _group(ViewState(), user_points=_points(["{{'x'}}", "{% raw %}"]))
    with pytest.raises(jinja2.TemplateSyntaxError):
        streamlit_folium.st_folium(mapview.build_base_map("zh", "none"), key="jjj_map", height=640,
                                   feature_group_to_add=_group(ViewState(), user_points=_points(["{{'x'}}"])))
    map_component.st_folium(lambda: mapview.build_base_map("zh", "none"), ("zh", "none"), key="jjj_map",
                            height=640, feature_group_to_add=group, returned_objects=RETURNED)
    assert "{{&#x27;x&#x27;}}" in captured[-1]["feature_group"] and "{% raw %}" in captured[-1]["feature_group"]


def test_the_base_map_is_built_once_per_key(captured):
    built = []

    def build():
        built.append(1)
        return mapview.build_base_map("zh", "none")

    for _ in range(3):
        map_component.st_folium(build, ("test-once", "zh"), key="jjj_map", height=640,
                                feature_group_to_add=_group(ViewState()), returned_objects=RETURNED)
    assert len(built) == 1 and len(captured) == 3
    assert captured[0]["script"] == captured[2]["script"]
    assert captured[0]["feature_group"] == captured[2]["feature_group"]


def test_a_group_it_cannot_write_goes_through_streamlit_folium(captured):
    group = folium.FeatureGroup(name="overlays", control=False)
    folium.Marker([39.9, 116.4], tooltip="nested").add_to(group)  # a marker has an icon child
    assert map_component.feature_group_string(group) is None
    map_component.st_folium(lambda: mapview.build_base_map("zh", "none"), ("zh", "none"), key="jjj_map",
                            height=640, feature_group_to_add=group, returned_objects=RETURNED)
    assert "L.marker" in captured[-1]["feature_group"]


def test_a_drawn_overlay_is_reused_only_for_the_same_rows():
    layer = next(layer for layer in overlays.LAYER_REGISTRY if layer.id == "lines")
    frame = filters.visible_layers(ViewState())["lines"]
    first = overlays.drawn_overlay(layer, frame, None, "zh", {})
    again = overlays.drawn_overlay(layer, frame, None, "zh", {})
    assert again is not first and again._id != first._id and again.data_json is first.data_json
    other = overlays.drawn_overlay(layer, frame.iloc[:1], None, "zh", {})  # other rows: drawn anew
    assert other.data_json != first.data_json
    english = overlays.drawn_overlay(layer, frame, None, "en", {})
    assert english.info_json != first.info_json
