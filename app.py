"""JJJ Atlas entry point: navigation and the shared sidebar (language), nothing else."""

import streamlit as st

from geo.vocab import LANGUAGE_NAMES, LANGUAGES, normalise_language, ui

st.set_page_config(page_title="京津冀产业协同地图 · JJJ Atlas", layout="wide")

if "lang" not in st.session_state:
    st.session_state["lang"] = normalise_language(st.query_params.get("lang"))

lang = st.sidebar.radio(
    "语言 / Language", LANGUAGES, key="lang", format_func=LANGUAGE_NAMES.get, horizontal=True
)
st.query_params["lang"] = lang

pages = [
    st.Page("pages/map.py", title=ui("page_map", lang), icon=":material/map:", url_path="map", default=True),
    st.Page("pages/cities.py", title=ui("page_cities", lang), icon=":material/location_city:", url_path="cities"),
    st.Page("pages/platforms.py", title=ui("page_platforms", lang), icon=":material/factory:", url_path="platforms"),
    st.Page("pages/corridors.py", title=ui("page_corridors", lang), icon=":material/train:", url_path="corridors"),
    st.Page("pages/data.py", title=ui("page_data", lang), icon=":material/dataset:", url_path="data"),
]
st.sidebar.caption(ui("app_title", lang))
st.navigation(pages).run()
