"""View state, URL round trip, and filters acting on every layer."""

import pandas as pd
import pytest
import shapely

from geo import boundaries, corridors, filters, registry
from geo.filters import ViewState
from geo.layers import LAYER_IDS


def test_a_view_survives_the_url_round_trip():
    state = ViewState(types=("innovation", "strategic_zone"), provinces=("130000",), cities=("130600",),
                      industries=(filters.industries()[0],), modes=("enclave",), statuses=("planned",),
                      as_of=2018, include_undated=False, indicator="gdp", year=2020, scheme="natural_breaks",
                      city="130600", center=(39.1234, 116.5), zoom=8.25, lang="en", basemap="osm",
                      overlays=("platforms", "parks"))
    back, ignored = filters.from_query(filters.to_query(state))
    assert back == state and ignored == []


def test_the_default_view_has_a_short_url_and_no_type_is_not_every_type():
    assert filters.to_query(ViewState()) == {"lang": "zh"}
    none, _ = filters.from_query({"type": "-"})
    assert none.types == () and ViewState().types is None


@pytest.mark.parametrize("params,bad", [
    ({"type": "innovation,bogus"}, "type"), ({"city": "<script>alert(1)</script>"}, "city"),
    ({"c": "north"}, "c"), ({"z": "99"}, "z"), ({"asof": "20x9"}, "asof"), ({"indicator": "gdpp"}, "indicator"),
    ({"layers": "platforms,../../etc"}, "layers"), ({"lang": "fr"}, "lang"), ({"undated": "maybe"}, "undated"),
])
def test_unrecognised_url_values_are_reported_and_not_used(params, bad):
    state, ignored = filters.from_query(params)
    assert [key for key, _ in ignored] == [bad]
    assert state == ViewState()


@pytest.fixture(scope="module")
def entities():
    return registry.entities()


def test_the_type_filter_narrows_platforms_and_leaves_parks(entities):
    shown = filters.filter_entities(entities, ViewState(types=("innovation",)))
    platforms = shown[shown["kind"] == "platform"]
    assert len(platforms) and all("innovation" in t for t in platforms["platform_type"])
    assert (shown["kind"] == "park").sum() == (entities["kind"] == "park").sum()
    nothing = filters.filter_entities(entities, ViewState(types=()))
    assert (nothing["kind"] == "platform").sum() == 0


def test_platforms_outside_the_2_4_46_types_are_untyped(entities):
    untyped = filters.filter_entities(entities, ViewState(types=("untyped",)))
    untyped = untyped[untyped["kind"] == "platform"]
    assert len(untyped) and untyped["platform_type"].fillna("").eq("").all()


def test_place_filters_act_on_every_layer():
    state = ViewState(provinces=("120000",), overlays=LAYER_IDS)  # every layer, not only the first view's
    layers = filters.visible_layers(state)
    assert set(layers.platforms["city_code"]) | set(layers.parks["city_code"]) == {"120100"}
    assert set(layers.stations["city_code"]) == {"120100"}
    assert set(layers.airports["city_code"]) | set(layers.ports["city_code"]) == {"120100"}
    assert all(any(c.startswith("12") for c in m) for m in layers.policy_areas["members"])
    assert all("120100" in codes for codes in layers.axes["city_codes"])
    everything = filters.visible_layers(ViewState(overlays=LAYER_IDS)).counts()
    assert all(layers.counts()[k] <= everything[k] for k in everything)
    assert layers.counts()["stations"] < everything["stations"]


def test_industry_and_mode_filters(entities):
    industry = "新能源"
    shown = filters.filter_entities(entities, ViewState(industries=(industry,)))
    assert len(shown) and all(industry in i.split(";") for i in shown["industries"])
    enclave = filters.filter_entities(entities, ViewState(modes=("enclave",)))
    parks = enclave[enclave["kind"] == "park"]
    assert all("enclave" in m for m in parks["modes"])
    assert (enclave["kind"] == "platform").sum() == (entities["kind"] == "platform").sum()


def test_as_of_year_hides_what_came_later_and_the_undated_switch(entities):
    dated = entities.dropna(subset=["year"])
    year = int(dated["year"].median())
    with_undated = filters.filter_entities(entities, ViewState(as_of=year))
    without = filters.filter_entities(entities, ViewState(as_of=year, include_undated=False))
    assert (without["year"] <= year).all()
    assert len(with_undated) - len(without) == entities["year"].isna().sum()
    assert not (with_undated["year"] > year).any()


def test_lines_by_status_and_opening_date():
    lines, stations = corridors.lines(), corridors.stations()
    planned = filters.filter_lines(lines, stations, ViewState(statuses=("planned",)))
    assert len(planned) and set(planned["status"]) == {"planned"}
    by_2012 = filters.filter_lines(lines, stations, ViewState(as_of=2012))
    opened = by_2012["opened"].dropna().str[:4].astype(int)
    assert (opened <= 2012).all() and "jingjin_intercity" in set(by_2012["line_id"])
    assert len(by_2012) < len(lines)


def test_switched_off_overlays_come_back_empty():
    layers = filters.visible_layers(ViewState(overlays=("platforms",)))
    counts = layers.counts()
    assert counts["platforms"] > 0 and sum(counts.values()) == counts["platforms"]


def test_flows_run_from_the_origin_city_to_the_park():
    layers = filters.visible_layers(ViewState(overlays=("parks", "flows")))  # flows are one click away
    origins = boundaries.label_points("cities").set_index("code").geometry
    # a park whose origin is a county (海淀区 110108) flows from its city (Beijing 110100)
    with_origin_city = layers.parks[layers.parks["origin_code"].str[:4].add("00").isin(origins.index)]
    assert set(layers.flows["id"]) == set(with_origin_city["id"])
    assert (layers.flows["origin_code"].str[-2:] != "00").any()
    for _, flow in layers.flows.iterrows():
        start, end = shapely.get_point(flow.geometry, 0), shapely.get_point(flow.geometry, -1)
        assert start.equals(origins[flow["origin_code"][:4] + "00"])
        assert boundaries.find_unit(end.x, end.y, "cities")["code"] == flow["city_code"]


@pytest.mark.parametrize("query", ["中关村", "zhongguancun", "Zhongguancun", "zgc", "ZHONG GUAN CUN"])
def test_search_by_chinese_english_pinyin_or_initials(query):
    found = filters.find(query)
    assert len(found) and all("中关村" in n for n in found["name_zh"])


def test_search_for_nothing_finds_nothing():
    assert filters.find("").empty and filters.find("no such park").empty


def test_uploaded_points_follow_the_place_filter():
    points = pd.DataFrame({"id": ["u1", "u2"], "name": ["a", "b"], "city_code": [None, None]})
    import geopandas as gpd
    gdf = gpd.GeoDataFrame(points, geometry=[shapely.Point(117.2, 39.1), shapely.Point(114.5, 38.0)],
                           crs=boundaries.CRS)
    shown = filters.visible_layers(ViewState(provinces=("120000",)), gdf).user_points
    assert list(shown["id"]) == ["u1"]
