"""Corridors page: platforms and parks within N km of each line and station, and those off every corridor."""

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from geo import corridors, mapview, registry
from geo.vocab import ANALYSIS_COLOURS, CORRIDOR_STATUSES, PRECISIONS, normalise_language, ui
from pages_support.navigation import keep_in_app

keep_in_app()  # a page started alone (a deep link on a fresh server) hands over to app.py

lang = normalise_language(st.session_state.get("lang"))
en = lang == "en"
name_col = "name_en" if en else "name_zh"
entities = registry.entities()
stations = corridors.stations()
lines = corridors.lines()
names = entities.set_index("id")[name_col]

st.title(ui("page_corridors", lang))
precision = corridors.station_precision(stations)
st.caption(ui("corridor_caveat", lang).format(exact=precision.get("exact", 0) + precision.get("approximate", 0),
                                              county=precision.get("county_centroid", 0),
                                              city=precision.get("city_centroid", 0)))
km = st.slider(ui("within_km", lang), 1, 50, 10, key="corridor_km")

share = corridors.share_within(entities, stations, km)
st.metric(ui("share_near_station", lang), "—" if pd.isna(share) else f"{share:.0%}")

by_line = corridors.within(entities, lines, km, "line_id")
line_table = lines[["line_id", "name_en" if en else "name_zh", "status", "opened"]].copy()
line_table["status"] = line_table["status"].map(lambda s: CORRIDOR_STATUSES[s](lang))
near = by_line.groupby("line_id")["id"].agg(lambda ids: "; ".join(names[i] for i in ids))
line_table["near"] = line_table["line_id"].map(near).fillna("")
line_table["n"] = line_table["line_id"].map(by_line.groupby("line_id").size()).fillna(0).astype(int)
st.subheader(ui("by_line", lang))
st.dataframe(line_table.drop(columns="line_id").rename(columns={
    "name_en": ui("line", lang), "name_zh": ui("line", lang), "status": ui("status", lang),
    "opened": ui("opened", lang), "near": ui("page_platforms", lang), "n": ui("entities", lang)}),
    hide_index=True, width="stretch")

st.subheader(ui("by_station", lang))
stations = stations.assign(station_key=stations["line_id"] + ":" + stations["seq"].astype(str))
by_station = corridors.within(entities, stations, km, "station_key")
if by_station.empty:
    st.info(ui("no_data", lang))
else:
    label = stations.set_index("station_key")["station_en" if en else "station_zh"]
    by_station = by_station.assign(
        station=by_station["station_key"].map(label), line=by_station["station_key"].str.split(":").str[0],
        name=by_station["id"].map(names), distance=by_station["distance_km"].round(1))
    st.dataframe(by_station[["line", "station", "name", "distance"]].rename(columns={
        "line": ui("line", lang), "station": ui("station", lang), "name": ui("name", lang),
        "distance": ui("distance_km", lang)}), hide_index=True, width="stretch")

st.subheader(ui("off_corridor", lang))
off = corridors.off_corridor(entities, stations, km)
st.dataframe(pd.DataFrame({ui("name", lang): off[name_col],
                           ui("kind", lang): off["kind"].map(lambda k: ui(f"kind_{k}", lang)),
                           ui("nearest_km", lang): off["nearest_km"].round(1),
                           ui("location", lang): off["precision"].map(lambda p: PRECISIONS[p](lang))}),
             hide_index=True, width="stretch")

status_name = {s: CORRIDOR_STATUSES[s](lang) for s in CORRIDOR_STATUSES}
layers = [
    mapview.lines_layer(lines, ui("line", lang), ANALYSIS_COLOURS["line"],
                        lambda r: (r["name_en" if en else "name_zh"], status_name[r["status"]], r["opened"] or "")),
    mapview.points_layer(stations, ui("station", lang), "jjj-station", ANALYSIS_COLOURS["station"],
                         lambda r: (r["station_en" if en else "station_zh"], PRECISIONS[r["precision"]](lang))),
    mapview.points_layer(entities, ui("page_platforms", lang), "jjj-entity", ANALYSIS_COLOURS["entity"],
                         lambda r: (r[name_col], ui(f"kind_{r['kind']}", lang), PRECISIONS[r["precision"]](lang))),
]
st_folium(mapview.build_overlay_map(layers, lang), key="corridor_map", height=560, use_container_width=True,
          returned_objects=[])
