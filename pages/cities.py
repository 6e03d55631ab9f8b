"""Cities page: one indicator across the 13 cities (map, ranking, trend, gap) and region comparisons."""

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from geo import boundaries, charts, choropleth, datasets, indicators, mapview, sources
from geo.vocab import EDITIONS, INDICATORS, normalise_language, ui, unit_label
from pages_support import workspace_context
from pages_support.navigation import keep_in_app

keep_in_app()  # a page started alone (a deep link on a fresh server) hands over to app.py

lang = normalise_language(st.session_state.get("lang"))
en = lang == "en"
data = workspace_context.indicator_data()  # shipped + the open workspace's + this session's uploads
alternates = datasets.load("indicator_alternates")
city_codes = list(boundaries.cities()["code"])

st.title(ui("page_cities", lang))
with_city_data = indicators.with_values(data, INDICATORS, city_codes)
if not with_city_data:  # the "mine" mode of a workspace without indicator rows
    st.info(ui("ws_mine_no_indicators", lang))
    st.stop()
left, middle, right = st.columns([2, 1, 1])
indicator = left.selectbox(ui("indicator", lang), with_city_data, key="city_indicator",
                           format_func=lambda i: f"{INDICATORS[i].term(lang)} ({unit_label(INDICATORS[i].unit, lang)})")
years = indicators.available_years(data, indicator, city_codes)
year = middle.selectbox(ui("year", lang), years, key="city_year", placeholder=ui("no_data", lang))
scheme = right.selectbox(ui("classification", lang), tuple(choropleth.SCHEMES), key="city_scheme",
                         format_func=lambda s: ui(s, lang))
unit = unit_label(INDICATORS[indicator].unit, lang)
values = indicators.city_values(data, indicator, year)
name_col = "name_en" if en else "name_zh"

classes = choropleth.classify(values["value"], scheme)
styles, tips = {}, {}
for label, (_, row) in zip(classes.labels, values.iterrows()):
    styles[row["code"]] = {"fillColor": classes.colour_of(int(label))}
    shown = ui("no_data", lang) if pd.isna(row["value"]) else f"{row['value']:,.2f} {unit}"
    tips[row["code"]] = f"{row[name_col]}\n{INDICATORS[indicator].term(lang)} {year}: {shown}"
legend = choropleth.legend_rows(classes, unit, ui("no_data", lang), ui("class_count", lang))
map_col, rank_col = st.columns([3, 2])
with map_col:
    st_folium(mapview.build_choropleth_map(styles, tips, f"{INDICATORS[indicator].term(lang)} {year}", legend, lang),
              key="city_map", height=520, use_container_width=True, returned_objects=[])
with rank_col:
    ranked = indicators.ranking(values)
    st.subheader(ui("ranking", lang).format(n=len(ranked)))
    if ranked.empty:
        st.info(ui("no_value_year", lang))
    else:
        st.bar_chart(ranked, x=name_col, y="value", horizontal=True, height=320, sort="-value",
                     x_label="", y_label=unit)
    table = values[[name_col, "value", "edition", "source_title", "alternatives"]].copy()
    table["edition"] = table["edition"].map(lambda e: EDITIONS[e](lang) if isinstance(e, str) else ui("no_data", lang))
    table["value"] = table["value"].map(lambda v: ui("no_data", lang) if pd.isna(v) else f"{v:,.2f}")
    table["source_title"] = [sources.row_labels(t, u, lang) if isinstance(t, str) else ""
                             for t, u in zip(values["source_title"], values["source_url"])]
    table["alternatives"] = [indicators.other_sources_text(alternates, c, indicator, year, e, lang)
                             for c, e in zip(values["code"], values["edition"])]
    st.dataframe(table.rename(columns={name_col: ui("name", lang), "value": f"{ui('value', lang)} ({unit})",
                                       "edition": ui("edition", lang),
                                       "source_title": ui("source", lang),
                                       "alternatives": ui("other_sources", lang)}),
                 hide_index=True, width="stretch")

st.subheader(ui("gap", lang))
gap = indicators.gap(values)
cols = st.columns(3)
for col, key, code in ((cols[0], "beijing", "110100"), (cols[1], "tianjin", "120100")):
    ratio = gap[f"{key}_to_hebei"]
    col.metric(indicators.area_name(code, lang),
               ui("no_data", lang) if gap[key] is None else f"{gap[key]:,.2f} {unit}",
               None if ratio is None else ui("times_hebei", lang).format(x=ratio), delta_color="off")
cols[2].metric(ui("hebei_median", lang).format(n=gap["hebei_count"]),
               "—" if gap["hebei_median"] is None else f"{gap['hebei_median']:,.2f} {unit}")
if gap["withheld"]:
    st.caption(ui("median_withheld", lang).format(n=gap["hebei_count"], min=gap["minimum"]))

st.subheader(ui("trend", lang))
default = [c for c in ("110100", "120100", "130100") if c in city_codes]
chosen = st.multiselect(ui("trend_cities", lang), city_codes, default=default, key="trend_cities", select_all=False,
                        format_func=lambda c: indicators.area_name(c, lang), placeholder=ui("trend_cities", lang))
present = [e for e in EDITIONS if e in set(data.loc[data["indicator"] == indicator, "edition"])]
trend_edition = st.radio(ui("edition", lang), [None, *present], horizontal=True, key="trend_edition",
                         format_func=lambda e: ui("trend_edition_auto", lang) if e is None else EDITIONS[e](lang))
series = indicators.trend(data, indicator, chosen, edition=trend_edition)
if series.empty:
    st.info(ui("no_data", lang))
else:
    st.altair_chart(charts.trend_chart(series, unit, lang), width="stretch")
    st.caption(" ".join(t for t in (ui("trend_note", lang), charts.joins_note(series, lang)) if t))

st.header(ui("region_compare", lang))
with_alternates = pd.concat([data, alternates], ignore_index=True)  # a source's own table, as it printed it
rd = indicators.source_table(with_alternates, "004_fefe62be1874ae98.txt", 2019,
                             ["rd_expenditure", "rd_intensity", "rd_funding_government_share",
                              "rd_funding_enterprise_share"])
rd.index = [indicators.area_name(c, lang) for c in rd.index]
rd.columns = [f"{INDICATORS[c].term(lang)} ({unit_label(INDICATORS[c].unit, lang)})" for c in rd.columns]
st.dataframe(rd)
st.caption(f"{ui('source', lang)}: {sources.row_labels('004_fefe62be1874ae98.txt', None, lang)}")

st.subheader(ui("sector_structure", lang))
structure = indicators.sector_structure(with_alternates, "jjj")
structure["edition"] = structure["edition"].map(lambda e: EDITIONS[e](lang))
structure["source_title"] = [sources.row_labels(t, u, lang) for t, u in
                             zip(structure["source_title"], structure.pop("source_url"))]
structure = structure.rename(columns={"year": ui("year", lang), "edition": ui("edition", lang),
                                      "source_title": ui("source", lang),
                                      **{c: INDICATORS[c].term(lang) for c in INDICATORS if c.startswith("share_")}})
st.dataframe(structure, hide_index=True, width="stretch")
st.caption(ui("sector_note", lang))
