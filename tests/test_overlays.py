"""The Map page's changing layers: symbols, line styles, escaping, legend, counts."""

import json
import re

import geopandas as gpd
import pandas as pd
import pytest
import shapely

from geo import boundaries, filters, mapview, overlays
from geo.filters import ViewState
from geo.layers import LAYER_IDS
from geo.layers import LAYERS as LAYER_REGISTRY
from geo.vocab import OTHER_SYMBOLS, PLATFORM_SYMBOLS, STATUS_DASH

EVIL = '<img src=x onerror=alert(1)>'


def _features(element) -> list[dict]:
    return overlays.expand(element.data_json)


def test_every_point_symbol_differs_in_shape_or_colour_and_each_type_in_both():
    types = list(PLATFORM_SYMBOLS.values())
    assert len({s.shape for s in types}) == len(types) and len({s.colour for s in types}) == len(types)
    every = types + [OTHER_SYMBOLS[k] for k in ("park", "airport", "port", "user")]
    assert len({(s.shape, s.colour) for s in every}) == len(every)
    assert all(s.shape in overlays.SHAPES for s in every)


def test_lines_are_dashed_by_status():
    layers = filters.visible_layers(ViewState())
    features = _features(overlays.line_overlay(layers.lines, "zh"))
    by_id = {f["properties"]["id"]: f["properties"]["s"]["dashArray"] for f in features}
    for _, line in layers.lines.iterrows():
        assert by_id[line["line_id"]] == STATUS_DASH[line["status"]]
    assert STATUS_DASH["operating"] is None and len(set(STATUS_DASH.values())) == 3


def test_the_overlay_group_sends_exactly_the_filtered_features():
    for state in (ViewState(), ViewState(provinces=("130000",), types=("manufacturing", "untyped"))):
        layers = filters.visible_layers(state)
        group = overlays.overlay_group(layers, "en", mapview.policy_area_features("en"))
        sent = {}
        for child in group._children.values():
            if isinstance(child, overlays.DRAWN_OVERLAYS):
                sent[child.class_name] = sent.get(child.class_name, 0) + len(overlays.drawn_features(child))
        counts = layers.counts()
        assert sent.get("jjj-platform", 0) == counts["platforms"]
        assert sent.get("jjj-park", 0) == counts["parks"]
        assert sent.get("jjj-station", 0) == counts["stations"]
        assert sent.get("jjj-line", 0) == counts["lines"]
        assert sent.get("jjj-hub", 0) == counts["airports"] + counts["ports"]


def test_user_strings_reach_the_map_escaped():
    points = gpd.GeoDataFrame({"id": ["u1"], "name": [EVIL], "kind": ["</script><script>alert(2)</script>"],
                               "industries": [None], "source_title": [EVIL]},
                              geometry=[shapely.Point(116.4, 39.9)], crs=boundaries.CRS)
    layers = filters.visible_layers(ViewState(), points)
    page = _page_with(layers)
    assert EVIL not in page and "<script>alert(2)" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


def _page_with(layers):
    fmap = mapview.build_base_map("zh")
    overlays.overlay_group(layers, "zh", mapview.policy_area_features("zh")).add_to(fmap)
    return mapview.map_html(fmap)


def test_co_located_symbols_are_fanned_out_without_moving_their_points():
    layers = filters.visible_layers(ViewState())
    offsets = overlays.spread_offsets(layers.platforms, layers.parks)
    points = pd.concat([layers.platforms.geometry, layers.parks.geometry], ignore_index=True)
    flat = offsets[0] + offsets[1]
    keys = [(round(p.x, 6), round(p.y, 6)) for p in points]
    for key in set(keys):
        group = [flat[i] for i, k in enumerate(keys) if k == key]
        assert len(set(group)) == len(group)
    features = _features(overlays.entity_overlay(layers.parks, offsets[1], "zh", "park"))
    for feature, (_, park) in zip(features, layers.parks.iterrows()):
        d = overlays.COORD_DECIMALS
        assert feature["geometry"]["coordinates"] == [round(park.geometry.x, d), round(park.geometry.y, d)]


def test_the_legend_lists_only_what_is_drawn():
    only_parks = filters.visible_layers(ViewState(overlays=("parks",)))
    rows = overlays.legend_rows(only_parks, "en")
    assert OTHER_SYMBOLS["park"].term("en") in rows
    assert PLATFORM_SYMBOLS["innovation"].term("en") not in rows and "Station" not in rows
    everything = overlays.legend_rows(filters.visible_layers(ViewState(overlays=LAYER_IDS)), "en")
    assert "Station" in everything and "Planned" in everything


def test_entity_cards_name_their_sources_with_safe_links():
    layers = filters.visible_layers(ViewState())
    for _, row in pd.concat([layers.platforms, layers.parks]).iterrows():
        card = overlays.entity_card(row, "zh")
        assert "来源" in card
        for href in re.findall(r'href="([^"]+)"', card):
            assert href.startswith(("http://", "https://"))
        assert 'rel="noopener noreferrer"' in card or "href" not in card


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_base_map_does_not_depend_on_filters_and_fetches_boundaries(lang):
    one = mapview.map_html(mapview.build_base_map(lang))
    two = mapview.map_html(mapview.build_base_map(lang))
    def strip(page):
        return re.sub(r"[0-9a-f]{32}", "", page)  # folium's random element ids
    assert strip(one) == strip(two)
    assert mapview.OVERVIEW_URL in one and mapview.BOUNDARY_URL in one and '"arcs"' not in one
    assert '"arcs"' in mapview.map_html(mapview.build_base_map(lang, inline=True))


def _parts(group, kind):
    return [c for c in group._children.values() if isinstance(c, kind)]


def test_stations_have_a_card_with_their_line_status_and_sources_in_both_languages():
    from geo import corridors
    stations = corridors.stations()
    row = stations.iloc[0].to_dict()
    line = corridors.lines().set_index("line_id").loc[row["line_id"]]
    for lang, name, words in (("zh", line["name_zh"], ("线路", "状态", "来源")),
                              ("en", line["name_en"], ("Line", "Status", "Source"))):
        card = overlays.station_card(row, lang)
        assert name in card and all(w in card for w in words), card
    hostile = row | {"opened": "<img src=x onerror=alert(1)>", "line_id": "<b>x</b>"}
    card = overlays.station_card(hostile, "en")
    assert "<img" not in card and "&lt;img" in card and "<b>x</b>" not in card
    overlay = overlays.station_overlay(stations.head(3), "en")
    info = json.loads(overlay.info_json)
    assert all(card.startswith("+") and "Source" in card for _, card in info.values())  # a popup on click


def test_policy_areas_are_outlines_only_over_a_choropleth():
    shown = filters.visible_layers(ViewState())
    features = mapview.policy_area_features("en")
    plain = _parts(overlays.overlay_group(shown, "en", features), overlays.PolicyAreas)[0]
    coloured = _parts(overlays.overlay_group(shown, "en", features, fills={"130700": "#ffffcc"}),
                      overlays.PolicyAreas)[0]
    assert {a["style"]["fill"] for a in json.loads(plain.areas_json)} == {True}
    outlined = json.loads(coloured.areas_json)
    assert len(outlined) == len(shown.policy_areas) and {a["style"]["fill"] for a in outlined} == {False}
    assert all(a["style"]["color"] for a in outlined)  # the outline stays
    assert all(f["style"]["fill"] for f in features)  # the shared features are not changed


def test_the_entity_searched_or_clicked_is_ringed_where_its_symbol_is_drawn():
    shown = filters.visible_layers(ViewState())
    features = mapview.policy_area_features("en")
    park = shown.parks.iloc[0]
    rings = _parts(overlays.overlay_group(shown, "en", features, highlight=park["id"]), overlays.Highlight)
    assert len(rings) == 1
    assert (rings[0].lat, rings[0].lon) == (round(park.geometry.y, 4), round(park.geometry.x, 4))
    spread = [layer.id for layer in LAYER_REGISTRY if layer.spread]
    offsets = dict(zip(spread, overlays.spread_offsets(*(shown[i] for i in spread))))
    assert rings[0].offset == list(offsets["parks"][0])
    assert not _parts(overlays.overlay_group(shown, "en", features), overlays.Highlight)
    hidden = filters.visible_layers(ViewState(overlays=("lines",)))  # its layer is off: nothing to ring
    assert not _parts(overlays.overlay_group(hidden, "en", features, highlight=park["id"]), overlays.Highlight)
