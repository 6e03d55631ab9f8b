"""Bench floor: a near-empty st_folium page (one polygon, a small feature group, local assets)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import folium  # noqa: E402
import streamlit as st  # noqa: E402
from streamlit_folium import st_folium  # noqa: E402

from geo import assets  # noqa: E402

fmap = folium.Map(location=[39.5, 116.5], zoom_start=7, tiles=None, maxZoom=13)
square = {"type": "Polygon", "coordinates": [[[115, 38], [118, 38], [118, 41], [115, 41], [115, 38]]]}
folium.GeoJson(square, style_function=lambda _: {"className": "bench-poly"}).add_to(fmap)
more = st.checkbox("more points", key="more")
group = folium.FeatureGroup(name="points")
for i in range(6 if more else 3):
    folium.CircleMarker([38.5 + i * 0.3, 116], radius=5, class_name="bench-point").add_to(group)
st_folium(assets.localize(fmap), key="m", height=640, use_container_width=True, feature_group_to_add=group,
          returned_objects=[])
