"""Corridors page: what it will show, until its sourced data lands (no figures before then)."""

import streamlit as st

from geo.vocab import normalise_language, ui

lang = normalise_language(st.session_state.get("lang"))
st.title(ui("page_corridors", lang))
st.info(ui("coming_corridors", lang))
