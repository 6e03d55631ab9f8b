"""Platforms & parks page: searchable registry, counts, timeline, industry overlap."""

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from geo import charts, datasets, indicators, mapview, registry, search
from geo.vocab import (
    ANALYSIS_COLOURS,
    MODES,
    PLATFORM_SYSTEMS,
    PLATFORM_TYPES,
    PRECISIONS,
    industries_label,
    industry_label,
    normalise_language,
    ui,
)
from geo.workspace import shown_sources
from pages_support.navigation import keep_in_app

keep_in_app()  # a page started alone (a deep link on a fresh server) hands over to app.py

lang = normalise_language(st.session_state.get("lang"))
en = lang == "en"
name_col = "name_en" if en else "name_zh"
table = registry.entities()


def _labels(value, vocabulary) -> str:
    if not isinstance(value, str) or not value:
        return ""
    return "; ".join(vocabulary[v](lang) if v in vocabulary else v for v in value.split(";"))


st.title(ui("page_platforms", lang))
st.subheader(ui("registry", lang))
query = st.text_input(ui("search", lang), key="registry_search")
found = search.search_table(table, query)  # word order, partial names, pinyin and initials
shown = pd.DataFrame({
    ui("name", lang): found[name_col],
    ui("kind", lang): found["kind"].map(lambda k: ui(f"kind_{k}", lang)),
    ui("systems", lang): found["systems"].map(lambda v: _labels(v, PLATFORM_SYSTEMS)),
    ui("platform_type", lang): found["platform_type"].map(lambda v: _labels(v, PLATFORM_TYPES)),
    ui("filter_cities", lang): found["city_code"].map(lambda c: indicators.area_name(c, lang)),
    ui("col_county", lang): found["county_code"].map(
        lambda c: indicators.area_name(c, lang) if isinstance(c, str) else ""),
    ui("year", lang): found["year"].map(lambda y: "" if pd.isna(y) else str(int(float(y)))),
    ui("industries", lang): found["industries"].map(lambda v: industries_label(v, lang)),
    ui("modes", lang): found["modes"].map(lambda v: _labels(v, MODES)),
    ui("location", lang): found["precision"].map(lambda p: PRECISIONS[p](lang)),
    # a workspace's source as uploaded, labelled, beside the curated ones (geo/workspace/shown_sources.py)
    ui("source", lang): shown_sources.labels(found, lang),
    ui("source_link", lang): [shown_sources.link(row) for row in found.to_dict("records")],
})
st.dataframe(shown, hide_index=True, width="stretch")
st.download_button(f"{ui('download', lang)} CSV", shown.to_csv(index=False).encode("utf-8-sig"),
                   file_name="platforms_parks.csv", mime="text/csv")

left, right = st.columns(2)
with left:
    st.subheader(ui("counts_by_type", lang))
    counts = registry.counts_by_type_and_province(datasets.load("platform_memberships"), datasets.load("platforms"))
    counts.index = [f"{PLATFORM_SYSTEMS[s](lang)} · {PLATFORM_TYPES[c](lang) if c in PLATFORM_TYPES else c}"
                    for s, c in counts.index]
    counts.columns = [indicators.area_name(c, lang) if c != "mixed" else "—" for c in counts.columns]
    st.dataframe(counts)
with right:
    st.subheader(ui("timeline", lang))
    years = registry.timeline(table)
    years.columns = [ui(f"kind_{k}", lang) for k in years.columns]
    st.altair_chart(charts.year_counts_chart(years, lang), width="stretch")

st.subheader(ui("industry_overlap", lang))
overlap = registry.industry_overlap(table)
st.dataframe(overlap.rename(columns={"entities": ui("entities", lang), "cities": ui("cities_n", lang)},
                            index=lambda i: industry_label(i, lang)).rename_axis(ui("industries", lang)))
st.caption(ui("industries_note", lang))
with st.expander(ui("industry_matrix", lang)):
    matrix = registry.industry_city_matrix(table)
    matrix.columns = [indicators.area_name(c, lang) for c in matrix.columns]
    st.dataframe(matrix.rename(index=lambda i: industry_label(i, lang)).rename_axis(ui("industries", lang)))

st.subheader(ui("industry_map", lang))
rows = registry.industry_rows(table)
choices = list(overlap.index) + sorted(set(rows["industry"]) - set(overlap.index))
if choices:
    industry = st.selectbox(ui("industry_map", lang), choices, key="industry_pick", label_visibility="collapsed",
                            format_func=lambda i: industry_label(i, lang))
    ids = set(rows.loc[rows["industry"] == industry, "id"])
    picked = table[table["id"].isin(ids)]
    layer = mapview.points_layer(picked, industry, "jjj-entity", ANALYSIS_COLOURS["entity"],
                                 lambda r: (r[name_col], ui(f"kind_{r['kind']}", lang),
                                            PRECISIONS[r["precision"]](lang)))
    st_folium(mapview.build_overlay_map([layer], lang), key="industry_map", height=480,
              use_container_width=True, returned_objects=[])
