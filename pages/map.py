"""Map page: every layer, filters acting on all of them, search, choropleth, linked city panel.

The base map never changes with a filter; the filtered layers travel as one feature group that
streamlit-folium swaps in place (no remount, no blank frame). The whole view lives in the URL.
"""

import pandas as pd
import streamlit as st
from streamlit.runtime.scriptrunner_utils.script_requests import ScriptRequestType
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

from geo import (
    basemaps,
    bigpoints,
    boundaries,
    charts,
    choropleth,
    datasets,
    filter_scope,
    filters,
    indicators,
    mapview,
    overlays,
    registry,
    search,
    sendonce,
    textsafe,
)
from geo.vocab import (
    CORE_INDICATORS,
    EDITIONS,
    INDICATORS,
    OVERLAYS,
    normalise_language,
    ui,
    unit_label,
)
from geo.workspace import active as workspace_active
from pages_support import filter_widgets, map_component, workspace_context
from pages_support.export_panel import render_export_panel
from pages_support.navigation import keep_in_app

keep_in_app()  # a page started alone (a deep link on a fresh server) hands over to app.py

lang = normalise_language(st.session_state.get("lang"))
en = lang == "en"
ss = st.session_state
name_col = "name_en" if en else "name_zh"
cities = boundaries.cities()
city_names = dict(zip(cities["code"], cities[name_col]))
data = workspace_context.indicator_data()  # shipped + the open workspace's + this session's uploads
MAP_HEIGHT = 740  # px: the region fills most of it at first view (issue #15: it was 640, the region 40 %)

def _widget_values(state: filters.ViewState) -> dict:
    # the filters' widgets come from the filter table (pages_support/filter_widgets.py)
    return filter_widgets.widget_values(state) | {
        "m_indicator": state.indicator, "m_year": state.year, "m_scheme": state.scheme,
        "m_city": state.city, "basemap": state.basemap}


# The view comes from the URL on a session's first visit; afterwards from the session. Streamlit
# drops a page's widget values when another page runs, so they are restored from the last state.
if "m_state" not in ss:
    from_url, _ = filters.from_query(st.query_params.to_dict())  # what it ignored: app.py warns
    ss["m_state"], ss["m_nudge"], ss["m_center"], ss["m_zoom"] = from_url, 0, from_url.center, from_url.zoom
    ss["m_view"] = (from_url.center, from_url.zoom) if from_url.center and from_url.zoom else None
    # a link with a view keeps it; a link with only a city fits the map to the city
    ss["m_fitted"] = from_url.city if from_url.center else None
# Streamlit keeps a selectbox's or pills' value as its label: after a language switch the browser
# sends the old language's label, which no option matches (the basemap became "No basemap (offline)"
# in the URL). The last state holds values, not labels: the widgets start from it again.
# On a visit's first run the widgets' keys may still answer with a value set before the visit (Streamlit
# forgets what the widget itself set, not what code set): the last state is the truth, so it wins.
language_changed = ss.get("m_lang", lang) != lang
ss["m_lang"] = lang
visit_starts = ss.get("page_run", 1) == 1
for key, value in _widget_values(ss["m_state"]).items():
    if key not in ss or language_changed or visit_starts:
        ss[key] = value


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
ss["m_embed"] = bigpoints.embed_keys(ss.get("m_embed"), ss.get("jjj_map"))  # big layers this browser missed

def _take_search() -> pd.DataFrame:
    """Fly to and select the chosen search result when the query or the choice changed."""
    query = ss.get("m_find") or ""
    found = search.find_places(query)  # platforms, parks (one per place) and cities, any word order
    if found.empty:
        return found
    if ss.get("m_found") not in set(found["id"]):
        ss["m_found"] = found["id"].iloc[0]
    if ss.get("m_flown") != (query, ss["m_found"]):
        ss["m_flown"] = (query, ss["m_found"])
        if str(ss["m_found"]).startswith(search.CITY_PREFIX):  # a city: its panel, and the map fits it
            ss["m_city"] = ss["m_found"].removeprefix(search.CITY_PREFIX)
            return found
        ss["m_entity"] = ss["m_found"]
        point = found.set_index("id").loc[ss["m_found"]].geometry
        _fly_to(point.y, point.x, 10)
    return found


def current_state() -> filters.ViewState:
    return filters.ViewState(
        **filter_widgets.state_values(ss), indicator=ss["m_indicator"],
        year=ss["m_year"], scheme=ss["m_scheme"], city=ss["m_city"], center=ss["m_center"],
        zoom=ss["m_zoom"], lang=lang, basemap=ss["basemap"])


found = _take_search()
years = indicators.available_years(data, ss["m_indicator"], cities["code"]) if ss["m_indicator"] else []
if ss.get("m_year") not in years:
    ss["m_year"] = years[0] if years else None
if ss["m_city"] and ss.get("m_fitted") != ss["m_city"]:
    ss["m_fitted"] = ss["m_city"]
    west, south, east, north = cities.set_index("code").loc[ss["m_city"]].geometry.bounds
    _fly_to((south + north) / 2, (west + east) / 2,
            mapview.zoom_to_fit(east - west, north - south, height_px=MAP_HEIGHT))

state = ss["m_state"] = current_state()
layers = filters.visible_layers(state, ss.get("user_points"))
colouring = None
if state.indicator and state.year:
    values = indicators.city_values(data, state.indicator, state.year)
    legend_title = f"{INDICATORS[state.indicator].term(lang)} {state.year}"
    colouring = choropleth.colour_cities(values, state.scheme, legend_title,
                                         unit_label(INDICATORS[state.indicator].unit, lang), ui("no_data", lang),
                                         ui("class_count", lang))
group = overlays.overlay_group(
    layers, lang, mapview.policy_area_features(lang),
    fills=colouring.fills if colouring else None, city_tips=colouring.tips if colouring else None,
    selected_city=state.city, highlight=ss.get("m_entity"),  # the entity searched or clicked gets a ring
    choropleth_legend=overlays.choropleth_legend(legend_title, colouring.legend_html) if colouring else "",
    # a new map frame (a visit's first run, another language) holds no drawing yet: they travel inside it;
    # the second run (the controls) sends the same, which Streamlit's message cache does not send again
    embed=ss["m_embed"] | (sendonce.FIRST_RUN if ss.get("page_run", 1) <= 2 or language_changed else frozenset()))

# --- the page ------------------------------------------------------------------------------------
# The map goes first. On the first run of a visit only the map and what sits above it are sent:
# Streamlit's frontend then builds the map's frame at once instead of after fetching the code of,
# and rendering, every control (measured: about 0.4 s sooner, bench/bench_map.py). The map's first
# report (its size and view) reruns the page, and the controls arrive beside and below the map, so
# nothing it shows moves. Any later run is complete, whatever started it.
map_first = ss.get("page_run", 1) == 1
st.title(ui("page_map", lang))
if workspace_context.not_found():
    st.warning(ui("ws_not_found", lang))
counts = layers.counts()
st.caption(f"{ui('shown', lang)}: " + " · ".join(
    [f"{OVERLAYS[o](lang)} {counts[o]}" for o in OVERLAYS if o in state.overlays and (o != "user_points" or counts[o])]
    + [textsafe.markdown_text(line) for line in workspace_active.source_lines(lang)]))
map_col, panel_col = st.columns([2.7, 1.6])  # the city panel wide enough for its change and rank columns
with map_col:
    view = ss.get("m_view")
    # streamlit-folium's st_folium, with the base map built once per language and basemap
    result = map_component.st_folium(
        lambda: mapview.build_base_map(lang, state.basemap), (lang, state.basemap), key="jjj_map",
        height=MAP_HEIGHT, use_container_width=True,
        feature_group_to_add=group, center=view[0] if view else None, zoom=view[1] if view else None,
        returned_objects=["last_clicked", "last_active_drawing", "center", "zoom", "bounds"],
    )
    st.caption(ui("schematic_note", lang) + " " + ui("copy_link", lang))
ss["m_bounds"] = (result or {}).get("bounds")
st.query_params.from_dict(filters.to_query(state) | workspace_context.url_params())


def _rerun_pending() -> bool:
    """A rerun is already asked for (a page link, the map's report): st.rerun would replace its page with
    this one, and the click on another page's link would be lost."""
    requests = getattr(get_script_run_ctx(), "script_requests", None)
    return getattr(requests, "_state", None) is ScriptRequestType.RERUN


@st.fragment(run_every=2.0)
def _controls_follow() -> None:
    # The map's report normally reruns the page well before this fires (and the fragment is then
    # gone); if the map cannot report (a failed asset, no JavaScript), the controls still come.
    if ss.get("m_controls_due") and not _rerun_pending():
        st.rerun(scope="app")
    ss["m_controls_due"] = True


if map_first:
    _controls_follow()
    st.stop()
ss.pop("m_controls_due", None)
with panel_col:  # beside the map, not below it: reachable without scrolling past the map
    render_export_panel(state, counts, ss["m_bounds"], ss.get("user_points"), lang)

# --- search, beside the map; URL parameters that could not be read ---------------------------------
with panel_col:
    st.text_input(ui("find", lang), key="m_find")
    if ss.get("m_find") and found.empty:
        st.caption(ui("find_none", lang).format(q=textsafe.markdown_text(ss["m_find"])))
    elif len(found):
        st.selectbox(ui("find", lang), list(found["id"]), key="m_found", label_visibility="collapsed",
                     format_func=lambda i: found.set_index("id").loc[i, name_col])

# --- sidebar: layers and filters -----------------------------------------------------------------
side = st.sidebar
offered_basemaps = basemaps.choices()  # 天地图 only with the user's key (geo.basemaps)
if ss.get("basemap") not in offered_basemaps:  # a shared link naming one this server cannot draw
    ss["basemap"] = basemaps.DEFAULT
side.selectbox(ui("basemap", lang), offered_basemaps, key="basemap", format_func=lambda b: basemaps.label(b, lang))
filter_widgets.draw(side, "layers", lang, ss)
city_indicators = indicators.with_values(data, INDICATORS, cities["code"])
side.selectbox(ui("choropleth", lang), [None, *city_indicators], key="m_indicator",
               format_func=lambda i: ui("choropleth_none", lang) if i is None
               else f"{INDICATORS[i].term(lang)} ({unit_label(INDICATORS[i].unit, lang)})",
               placeholder=ui("choropleth_none", lang))
year_col, cls_col = side.columns(2)
year_col.selectbox(ui("year", lang), years, key="m_year", disabled=not years, placeholder="—")
cls_col.selectbox(ui("classification", lang), list(choropleth.SCHEMES), key="m_scheme",
                  format_func=lambda s: ui(s, lang), disabled=not years)
side.subheader(ui("filters", lang), help=filter_scope.scope_summary(lang))
filter_widgets.draw(side, "filters", lang, ss)

def _sector_table(sectors: pd.DataFrame) -> pd.DataFrame:
    """The sector shares with their headings and editions through the vocabulary (no column names)."""
    return pd.DataFrame({
        ui("year", lang): sectors["year"].astype(str),
        ui("edition", lang): sectors["edition"].map(lambda e: EDITIONS[e](lang) if e in EDITIONS else e),
        **{ui(c, lang): sectors[c] for c in ("share_primary", "share_secondary", "share_tertiary")
           if c in sectors}})  # a city's sources may state only some of the shares


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
    for area in mapview.policy_areas_of_city(code, lang) if code else []:  # the area's card, on demand
        with st.expander(ui("policy_area_card", lang).format(name=textsafe.markdown_text(area["name"]))):
            st.html(area["card"])
    if code:
        years_here = indicators.common_years(data, code, CORE_INDICATORS)
        year_options = [None, *sorted(years_here, reverse=True)]
        if ss.get("m_city_year") not in year_options:
            ss["m_city_year"] = None  # another city without that year: back to the latest of each
        common = st.selectbox(ui("common_year", lang), year_options, key="m_city_year",
                              format_func=lambda y: ui("latest_each", lang) if y is None else str(y),
                              help=ui("common_year_help", lang))
        profile = indicators.city_profile(data, code, CORE_INDICATORS, year=common)
        alternates = datasets.load("indicator_alternates")
        table = pd.DataFrame({
            ui("indicator", lang): [INDICATORS[i].term(lang) for i in profile["indicator"]],
            ui("latest" if common is None else "value", lang): [
                ui("no_data", lang) if pd.isna(v) else f"{indicators.plain_number(v)} {unit_label(u, lang)}"
                                for v, u in zip(profile["value"], profile["unit"])],
            ui("year", lang): [("" if pd.isna(y) else str(int(y))) for y in profile["year"]],
            ui("change", lang): [
                "" if pd.isna(c) else
                f"{indicators.plain_number(c, signed=True)} ({ui('change_since', lang).format(year=int(f))})"
                for c, f in zip(profile["change"], profile["first_year"])],
            ui("rank", lang): [("" if pd.isna(r) else f"{int(r)} / {int(n)}")
                               for r, n in zip(profile["rank"], profile["ranked_of"])],
            ui("other_sources", lang): [
                "" if pd.isna(y) else indicators.other_sources_text(alternates, code, i, int(y), e, lang)
                for i, y, e in zip(profile["indicator"], profile["year"], profile["edition"])],
        })
        shown_years = sorted({int(y) for y in profile["year"].dropna()})
        if common is None and len(shown_years) > 1:
            st.caption(ui("mixed_years", lang).format(years=", ".join(map(str, shown_years))))
        st.dataframe(table, hide_index=True, width="stretch", height=300)
        trend_indicator = state.indicator or "gdp"
        series = indicators.trend(data, trend_indicator, [code])
        if len(series):
            unit = unit_label(INDICATORS[trend_indicator].unit, lang)
            st.caption(f"{ui('trend', lang)}: {INDICATORS[trend_indicator].term(lang)} ({unit})")
            st.altair_chart(charts.trend_chart(series, unit, lang, height=160), width="stretch")
            if note := charts.joins_note(series, lang):
                st.caption(note)
        sectors = indicators.sector_structure(data, code)
        if len(sectors):
            st.caption(ui("city_sectors", lang).format(city=city_names[code]))
            st.dataframe(_sector_table(sectors), hide_index=True, width="stretch", height=140)
        in_city = registry.entities()
        in_city = in_city[in_city["city_code"] == code]
        st.caption(f"{ui('in_city', lang)} ({len(in_city)})")
        if len(in_city):
            st.dataframe(pd.DataFrame({
                ui("name", lang): in_city[name_col],
                ui("kind", lang): in_city["kind"].map(lambda k: ui(f"kind_{k}", lang)),
                ui("year", lang): in_city["year"].map(lambda y: "" if pd.isna(y) else str(int(float(y))))}),
                hide_index=True, width="stretch", height=180)
        else:
            st.caption(ui("no_data", lang))
