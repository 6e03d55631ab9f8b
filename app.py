"""JJJ Atlas entry point: navigation and the shared sidebar (language), nothing else."""

import streamlit as st

from geo.vocab import LANGUAGE_NAMES, LANGUAGES, normalise_language, ui
from pages_support import navigation

st.set_page_config(page_title="京津冀产业协同地图 · JJJ Atlas", layout="wide")

if "lang" not in st.session_state:
    st.session_state["lang"] = normalise_language(st.query_params.get("lang"))

lang = st.session_state["lang"]
st.query_params["lang"] = lang
# The language switch keeps its place at the top of the sidebar but is drawn after the page: the
# Map page's first run stops after its map (pages/map.py), so the switch's widget code is fetched
# with the other controls, not before the map (bench/bench_map.py: about 0.1 s sooner).
language_slot = st.sidebar.container()

st.sidebar.caption(ui("app_title", lang))
page = navigation.navigate(lang)
# Runs in a row of one page: 1 on the first run of a visit (the Map page sends its map first then).
ss = st.session_state
ss["page_run"] = ss.get("page_run", 0) + 1 if ss.get("page") == page.url_path else 1
ss["page"] = page.url_path
navigation.run(page)
language_slot.radio("语言 / Language", LANGUAGES, key="lang", format_func=LANGUAGE_NAMES.get, horizontal=True)
