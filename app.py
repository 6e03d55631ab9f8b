"""JJJ Atlas entry point: navigation and the shared sidebar (language), nothing else."""

import streamlit as st

from geo.vocab import LANGUAGE_NAMES, LANGUAGES, normalise_language, ui

st.set_page_config(page_title="京津冀产业协同地图 · JJJ Atlas", layout="wide")

if "lang" not in st.session_state:
    st.session_state["lang"] = normalise_language(st.query_params.get("lang"))

lang = st.session_state["lang"]
st.query_params["lang"] = lang
# The language switch keeps its place at the top of the sidebar but is drawn after the page: the
# Map page's first run stops after its map (views/map.py), so the switch's widget code is fetched
# with the other controls, not before the map (bench/bench_map.py: about 0.1 s sooner).
language_slot = st.sidebar.container()

pages = [
    st.Page("views/map.py", title=ui("page_map", lang), url_path="map", default=True),
    st.Page("views/cities.py", title=ui("page_cities", lang), url_path="cities"),
    st.Page("views/platforms.py", title=ui("page_platforms", lang), url_path="platforms"),
    st.Page("views/corridors.py", title=ui("page_corridors", lang), url_path="corridors"),
    st.Page("views/data.py", title=ui("page_data", lang), url_path="data"),
]
st.sidebar.caption(ui("app_title", lang))
page = st.navigation(pages)
# Runs in a row of one page: 1 on the first run of a visit (the Map page sends its map first then).
ss = st.session_state
ss["page_run"] = ss.get("page_run", 0) + 1 if ss.get("page") == page.url_path else 1
ss["page"] = page.url_path
page.run()
language_slot.radio("语言 / Language", LANGUAGES, key="lang", format_func=LANGUAGE_NAMES.get, horizontal=True)
