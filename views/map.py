"""Map page: the JJJ base map with boundaries, the 2+4 policy areas, labels and legend."""

import streamlit as st
from streamlit_folium import st_folium

from geo import boundaries, mapview
from geo.vocab import normalise_language, ui

lang = normalise_language(st.session_state.get("lang"))


basemap = st.sidebar.selectbox(
    ui("basemap", lang), mapview.BASEMAPS, key="basemap",
    format_func=lambda b: ui("basemap_none" if b == "none" else "basemap_osm", lang),
)

st.title(ui("page_map", lang))
counts = boundaries.metadata()["counts"]
st.caption(ui("counts_line", lang).format(**counts))
# A fresh folium.Map each run: st_folium keeps per-object render state, so a cached Map object
# loses its layers when drawn for a second session. The heavy parts are cached inside geo.mapview.
st_folium(mapview.build_map(lang, basemap), key="jjj_map", height=660, use_container_width=True,
          returned_objects=[])
st.caption(ui("map_caption", lang))
