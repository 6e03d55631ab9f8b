"""Bench baseline: the naive Map page. Every layer raw in one folium map (boundaries as plain
GeoJSON, one marker per point), rebuilt on every filter change, so st_folium remounts it."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import folium  # noqa: E402
import streamlit as st  # noqa: E402
from streamlit_folium import st_folium  # noqa: E402

from geo import assets, boundaries, filters  # noqa: E402
from geo.vocab import OVERLAYS  # noqa: E402

provinces = st.multiselect("province", list(filters.PROVINCE_CODES), key="prov")
# every layer, as the Map page variant of bench_map draws them (the first view leaves some one click away)
layers = filters.visible_layers(filters.ViewState(provinces=tuple(provinces), overlays=tuple(OVERLAYS)))
fmap = folium.Map(location=[39.5, 116.5], zoom_start=7, tiles=None, maxZoom=13)
for level in ("counties", "cities", "provinces"):
    gdf = boundaries.load_level(level)
    folium.GeoJson(gdf.to_json(), name=level, style_function=lambda _, lv=level: {"className": f"naive-{lv}"},
                   tooltip=folium.GeoJsonTooltip(fields=["name_zh"])).add_to(fmap)
for name in ("platforms", "parks", "airports", "ports", "stations"):
    for _, row in getattr(layers, name).iterrows():
        folium.Marker([row.geometry.y, row.geometry.x], tooltip=str(row.get("name_zh") or row.get("station_zh")),
                      icon=folium.DivIcon(html=f'<div class="naive-{name}">●</div>')).add_to(fmap)
for name in ("lines", "flows", "axes"):
    frame = getattr(layers, name)
    if len(frame):
        folium.GeoJson(frame[["geometry"]].to_json(), name=name).add_to(fmap)
st_folium(assets.localize(fmap), key="m", height=640, use_container_width=True, returned_objects=[])
