"""Map page: every layer, filters acting on all of them, search, choropleth, linked city panel.

The base map never changes with a filter; the filtered layers travel as one feature group that
streamlit-folium swaps in place (no remount, no blank frame). The whole view lives in the URL.
"""

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from geo import basemaps, boundaries, choropleth, datasets, filters, indicators, mapview, overlays, registry, uploads
from geo.vocab import (
    CORE_INDICATORS,
    CORRIDOR_STATUSES,
    EDITIONS,
    INDICATORS,
    LAYERS,
    MODES,
    OVERLAYS,
    PLATFORM_SYMBOLS,
    TYPE_FILTER_VALUES,
    normalise_language,
    ui,
)
from views.export_panel import render_export_panel

lang = normalise_language(st.session_state.get("lang"))
en = lang == "en"
ss = st.session_state
name_col = "name_en" if en else "name_zh"
cities = boundaries.cities()
city_names = dict(zip(cities["code"], cities[name_col]))
data = uploads.merge_indicators(datasets.load("indicators"), ss.get("user_indicators"))  # + this session's uploads

WIDGET_KEYS = ("m_overlays", "m_types", "m_provinces", "m_cities", "m_industries", "m_modes", "m_statuses",
               "m_as_of", "m_undated", "m_indicator", "m_year", "m_scheme", "m_city", "basemap")


def _widget_values(state: filters.ViewState) -> dict:
    return {"m_overlays": list(state.overlays),
            "m_types": list(TYPE_FILTER_VALUES if state.types is None else state.types),
            "m_provinces": list(state.provinces), "m_cities": list(state.cities),
            "m_industries": list(state.industries), "m_modes": list(state.modes),
            "m_statuses": list(state.statuses), "m_as_of": state.as_of, "m_undated": state.include_undated,
            "m_indicator": state.indicator, "m_year": state.year, "m_scheme": state.scheme,
            "m_city": state.city, "basemap": state.basemap}


# The view comes from the URL on a session's first visit; afterwards from the session. Streamlit
# drops a page's widget values when another page runs, so they are restored from the last state.
if "m_state" not in ss:
    from_url, ss["m_ignored"] = filters.from_query(st.query_params.to_dict())
    ss["m_state"], ss["m_nudge"], ss["m_center"], ss["m_zoom"] = from_url, 0, from_url.center, from_url.zoom
    ss["m_view"] = (from_url.center, from_url.zoom) if from_url.center and from_url.zoom else None
    # a link with a view keeps it; a link with only a city fits the map to the city
    ss["m_fitted"] = from_url.city if from_url.center else None
for key, value in _widget_values(ss["m_state"]).items():
    if key not in ss:
        ss[key] = value


def _type_label(value):
    return PLATFORM_SYMBOLS[value].term(lang) if value in PLATFORM_SYMBOLS else LAYERS[value].term(lang)


def _fly_to(lat: float, lon: float, zoom: float) -> None:
    # streamlit-folium moves the map only when the requested view differs from the last one.
    ss["m_nudge"] = (ss["m_nudge"] + 1) % 7
    ss["m_view"] = ((round(lat, 5) + ss["m_nudge"] * 1e-6, round(lon, 5)), zoom)


def _take_map_events(result: dict) -> None:
    """Apply what the map reported on the last interaction: a symbol or a city clicked, the view."""
    drawing = result.get("last_active_drawing") or {}
    clicked = result.get("last_clicked")
    props = drawing.get("properties") or {}
    if props.get("k") in ("platform", "park") and drawing != ss.get("m_last_drawing"):
        ss["m_last_drawing"] = drawing
        ss["m_entity"] = props.get("id")
    elif clicked and clicked != ss.get("m_last_click"):
        ss["m_last_click"] = clicked
        unit = boundaries.find_unit(clicked["lng"], clicked["lat"], "cities")
        if unit is not None:
            ss["m_city"] = ss["m_fitted"] = unit["code"]  # clicked where the user looks: no refit
    if result.get("center") and result.get("zoom"):
        ss["m_center"] = (round(result["center"]["lat"], 4), round(result["center"]["lng"], 4))
        ss["m_zoom"] = float(result["zoom"])


# st_folium stores its latest value under its key before this run: read it before drawing, so a
# click shows in this very run (outline, panel) without a second one.
_take_map_events(ss.get("jjj_map") or {})

def _take_search() -> pd.DataFrame:
    """Fly to and select the chosen search result when the query or the choice changed."""
    query = ss.get("m_find") or ""
    found = filters.find(query)
    if found.empty:
        return found
    if ss.get("m_found") not in set(found["id"]):
        ss["m_found"] = found["id"].iloc[0]
    if ss.get("m_flown") != (query, ss["m_found"]):
        ss["m_flown"] = (query, ss["m_found"])
        ss["m_entity"] = ss["m_found"]
        point = found.set_index("id").loc[ss["m_found"]].geometry
        _fly_to(point.y, point.x, 10)
    return found


def _all_is_none(chosen, every) -> tuple | None:
    # Every type chosen is the same view as no type filter; keep it out of the URL.
    chosen = tuple(c for c in every if c in (chosen or ()))
    return None if len(chosen) == len(every) else chosen


def current_state() -> filters.ViewState:
    return filters.ViewState(
        overlays=tuple(ss["m_overlays"] or ()), types=_all_is_none(ss["m_types"], TYPE_FILTER_VALUES),
        provinces=tuple(ss["m_provinces"]), cities=tuple(ss["m_cities"]),
        industries=tuple(ss["m_industries"]), modes=tuple(ss["m_modes"]), statuses=tuple(ss["m_statuses"]),
        as_of=ss["m_as_of"], include_undated=ss["m_undated"], indicator=ss["m_indicator"],
        year=ss["m_year"], scheme=ss["m_scheme"], city=ss["m_city"], center=ss["m_center"],
        zoom=ss["m_zoom"], lang=lang, basemap=ss["basemap"])


found = _take_search()
years = indicators.available_years(data, ss["m_indicator"], cities["code"]) if ss["m_indicator"] else []
if ss.get("m_year") not in years:
    ss["m_year"] = years[0] if years else None
if ss["m_city"] and ss.get("m_fitted") != ss["m_city"]:
    ss["m_fitted"] = ss["m_city"]
    west, south, east, north = cities.set_index("code").loc[ss["m_city"]].geometry.bounds
    _fly_to((south + north) / 2, (west + east) / 2, mapview.zoom_to_fit(east - west, north - south))

state = ss["m_state"] = current_state()
layers = filters.visible_layers(state, ss.get("user_points"))
colouring = None
if state.indicator and state.year:
    values = indicators.city_values(data, state.indicator, state.year)
    legend_title = f"{INDICATORS[state.indicator].term(lang)} {state.year}"
    colouring = choropleth.colour_cities(values, state.scheme, legend_title,
                                         INDICATORS[state.indicator].unit, ui("no_data", lang))
group = overlays.overlay_group(
    layers, lang, mapview.policy_area_features(lang),
    fills=colouring.fills if colouring else None, city_tips=colouring.tips if colouring else None,
    selected_city=state.city,
    choropleth_legend=overlays.choropleth_legend(legend_title, colouring.legend_html) if colouring else "")

# --- the page ------------------------------------------------------------------------------------
# The map goes first. On the first run of a visit only the map and what sits above it are sent:
# Streamlit's frontend then builds the map's frame at once instead of after fetching the code of,
# and rendering, every control (measured: about 0.4 s sooner, bench/bench_map.py). The map's first
# report (its size and view) reruns the page, and the controls arrive beside and below the map, so
# nothing it shows moves. Any later run is complete, whatever started it.
map_first = ss.get("page_run", 1) == 1
st.title(ui("page_map", lang))
counts = layers.counts()
st.caption(f"{ui('shown', lang)}: " + " · ".join(f"{OVERLAYS[o](lang)} {counts[o]}" for o in OVERLAYS
                                                 if o in state.overlays and (o != "user_points" or counts[o])))
map_col, panel_col = st.columns([3.2, 1.3])
with map_col:
    view = ss.get("m_view")
    result = st_folium(
        mapview.build_base_map(lang, state.basemap), key="jjj_map", height=640, use_container_width=True,
        feature_group_to_add=group, center=view[0] if view else None, zoom=view[1] if view else None,
        returned_objects=["last_clicked", "last_active_drawing", "center", "zoom", "bounds"],
    )
    st.caption(ui("schematic_note", lang) + " " + ui("copy_link", lang))
ss["m_bounds"] = (result or {}).get("bounds")
st.query_params.from_dict(filters.to_query(state))


@st.fragment(run_every=2.0)
def _controls_follow() -> None:
    # The map's report normally reruns the page well before this fires (and the fragment is then
    # gone); if the map cannot report (a failed asset, no JavaScript), the controls still come.
    if ss.get("m_controls_due"):
        st.rerun(scope="app")
    ss["m_controls_due"] = True


if map_first:
    _controls_follow()
    st.stop()
ss.pop("m_controls_due", None)
with map_col:
    render_export_panel(state, counts, ss["m_bounds"], ss.get("user_points"), lang)

# --- search, beside the map; URL parameters that could not be read ---------------------------------
with panel_col:
    for key, value in ss.pop("m_ignored", []):
        st.warning(ui("url_ignored", lang).format(key=key, value=value))
    st.text_input(ui("find", lang), key="m_find")
    if ss.get("m_find") and found.empty:
        st.caption(ui("find_none", lang).format(q=ss["m_find"]))
    elif len(found):
        st.selectbox(ui("find", lang), list(found["id"]), key="m_found", label_visibility="collapsed",
                     format_func=lambda i: found.set_index("id").loc[i, name_col])

# --- sidebar: layers and filters -----------------------------------------------------------------
side = st.sidebar
side.selectbox(ui("basemap", lang), basemaps.choices(("none", "osm")), key="basemap",
               format_func=lambda b: basemaps.label(b, lang))
side.pills(ui("layers", lang), list(OVERLAYS), selection_mode="multi", key="m_overlays",
           format_func=lambda o: OVERLAYS[o](lang))
city_indicators = indicators.with_values(data, INDICATORS, cities["code"])
side.selectbox(ui("choropleth", lang), [None, *city_indicators], key="m_indicator",
               format_func=lambda i: ui("choropleth_none", lang) if i is None
               else f"{INDICATORS[i].term(lang)} ({INDICATORS[i].unit})", placeholder=ui("choropleth_none", lang))
year_col, cls_col = side.columns(2)
year_col.selectbox(ui("year", lang), years, key="m_year", disabled=not years, placeholder="—")
cls_col.selectbox(ui("classification", lang), list(choropleth.SCHEMES), key="m_scheme",
                  format_func=lambda s: ui(s, lang), disabled=not years)
side.subheader(ui("filters", lang), help=ui("filter_help", lang))
side.pills(ui("filter_types", lang), list(TYPE_FILTER_VALUES), selection_mode="multi", key="m_types",
           format_func=_type_label)
side.multiselect(ui("filter_provinces", lang), list(filters.PROVINCE_CODES), key="m_provinces",
                 format_func=lambda c: boundaries.provinces().set_index("code")[name_col][c],
                 placeholder=ui("all", lang))
side.multiselect(ui("filter_cities", lang), list(cities["code"]), key="m_cities",
                 format_func=city_names.get, placeholder=ui("all", lang))
side.multiselect(ui("filter_industries", lang), filters.industries(), key="m_industries",
                 placeholder=ui("all", lang))
side.multiselect(ui("filter_modes", lang), list(MODES), key="m_modes", format_func=lambda m: MODES[m](lang),
                 placeholder=ui("all", lang))
side.multiselect(ui("filter_statuses", lang), list(CORRIDOR_STATUSES), key="m_statuses",
                 format_func=lambda s: CORRIDOR_STATUSES[s](lang), placeholder=ui("all", lang))
side.select_slider(ui("filter_as_of", lang), [None, *range(1990, 2027)], key="m_as_of",
                   format_func=lambda y: ui("all", lang) if y is None else str(y))
side.checkbox(ui("filter_undated", lang), key="m_undated", disabled=ss["m_as_of"] is None)

# --- the linked panel ----------------------------------------------------------------------------
with panel_col:
    entities = registry.entities().set_index("id")
    entity_id = ss.get("m_entity")
    if entity_id in entities.index:
        st.subheader(ui("card", lang))
        st.html(overlays.entity_card(entities.loc[entity_id].to_dict() | {"id": entity_id}, lang))
        if st.button(ui("clear_selection", lang), key="m_clear_entity"):
            ss["m_entity"] = None
            st.rerun()
    st.subheader(ui("city_panel", lang))
    st.selectbox(ui("pick_city", lang), [None, *cities["code"]], key="m_city",
                 format_func=lambda c: "—" if c is None else city_names[c], placeholder="—")
    code = ss["m_city"]
    if code:
        profile = indicators.city_profile(data, code, CORE_INDICATORS)
        table = pd.DataFrame({
            ui("indicator", lang): [INDICATORS[i].term(lang) for i in profile["indicator"]],
            ui("latest", lang): [ui("no_data", lang) if pd.isna(v) else f"{v:,.2f} {u}"
                                 for v, u in zip(profile["value"], profile["unit"])],
            ui("year", lang): [("" if pd.isna(y) else str(int(y))) for y in profile["year"]],
            "Δ": [("" if pd.isna(c) else f"{c:+,.2f} ({ui('change_since', lang).format(year=int(f))})")
                  for c, f in zip(profile["change"], profile["first_year"])],
            ui("rank", lang): [("" if pd.isna(r) else f"{int(r)} / {int(n)}")
                               for r, n in zip(profile["rank"], profile["ranked_of"])],
        })
        st.dataframe(table, hide_index=True, width="stretch", height=300)
        trend_indicator = state.indicator or "gdp"
        series = indicators.trend(data, trend_indicator, [code])
        if len(series):
            st.caption(f"{ui('trend', lang)}: {INDICATORS[trend_indicator].term(lang)} ({INDICATORS[trend_indicator].unit})")
            by_year = series.pivot_table(index="year", columns="edition", values="value")
            by_year.index = by_year.index.astype(str)  # years, not quantities: no thousands separator
            st.line_chart(by_year.rename(columns=lambda e: EDITIONS[e](lang)), height=160)
        sectors = indicators.sector_structure(data, code)
        if len(sectors):
            st.caption(ui("city_sectors", lang).format(city=city_names[code]))
            st.dataframe(sectors.drop(columns="source_title"), hide_index=True, width="stretch", height=140)
        in_city = registry.entities()
        in_city = in_city[in_city["city_code"] == code]
        st.caption(f"{ui('in_city', lang)} ({len(in_city)})")
        if len(in_city):
            st.dataframe(in_city[[name_col, "kind", "year"]].assign(
                kind=in_city["kind"].map({"platform": ui("kind_platform", lang), "park": ui("kind_park", lang)})),
                hide_index=True, width="stretch", height=180)
        else:
            st.caption(ui("no_data", lang))
