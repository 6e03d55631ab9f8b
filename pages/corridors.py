"""Corridors page: platforms and parks within N km of each line and station, and those off every corridor."""

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from geo import boundaries, corridors, mapview, registry
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
# Locations are county or city reference points: the analysis speaks in counties, not kilometres.
precision = corridors.station_precision(stations)
st.caption(ui("corridor_precision", lang).format(exact=precision.get("exact", 0) + precision.get("approximate", 0),
                                                 county=precision.get("county_centroid", 0),
                                                 city=precision.get("city_centroid", 0)))
access = corridors.station_access(entities, stations)
shares = corridors.access_shares(access)
for col, level in zip(st.columns(len(corridors.ACCESS_LEVELS)), corridors.ACCESS_LEVELS):
    col.metric(ui(f"access_{level}", lang), ui("access_of", lang).format(n=shares[level], total=shares["total"]))

county_names = boundaries.counties().set_index("code")[name_col]
by_line = corridors.line_counties(stations, access).set_index("line_id")
line_table = lines[["line_id", name_col, "status", "opened"]].copy()
line_table["status"] = line_table["status"].map(lambda s: CORRIDOR_STATUSES[s](lang))
line_table["counties"] = line_table["line_id"].map(
    lambda i: "、".join(county_names.get(c, c) for c in by_line.loc[i, "counties"]))
line_table["city_only"] = line_table["line_id"].map(by_line["city_only_stations"])
line_table["near"] = line_table["line_id"].map(lambda i: "; ".join(names[e] for e in by_line.loc[i, "entities"]))
line_table["n"] = line_table["line_id"].map(lambda i: len(by_line.loc[i, "entities"]))
st.subheader(ui("by_line_counties", lang))
st.dataframe(line_table.drop(columns="line_id").rename(columns={
    name_col: ui("line", lang), "status": ui("status", lang), "opened": ui("opened", lang),
    "counties": ui("counties_served", lang), "city_only": ui("city_only_stations", lang),
    "near": ui("page_platforms", lang), "n": ui("entities", lang)}), hide_index=True, width="stretch")

st.subheader(ui("off_corridor_counties", lang))
off = access[access["access"] != "served_county"].merge(entities[["id", name_col, "kind", "precision"]], on="id")
st.dataframe(pd.DataFrame({ui("name", lang): off[name_col],
                           ui("kind", lang): off["kind"].map(lambda k: ui(f"kind_{k}", lang)),
                           ui("access", lang): off["access"].map(lambda a: ui(f"access_{a}", lang)),
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
