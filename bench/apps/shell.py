"""Bench reference: the floor page inside this app's shell (wide layout, sidebar language radio,
caption and five-page navigation), to tell the shell's own cost from the Map page's."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import streamlit as st  # noqa: E402

st.set_page_config(page_title="shell", layout="wide")
st.sidebar.radio("语言 / Language", ["zh", "en"], key="lang", horizontal=True)


def _floor():
    st.title("Map")
    floor = Path(__file__).parent / "empty.py"
    exec(floor.read_text("utf-8"), {"__name__": "floor", "__file__": str(floor)})


def _other():
    st.title("Other")


pages = [st.Page(_floor, title="Map", url_path="map", default=True)] + [
    st.Page(_other, title=f"Page {i}", url_path=f"p{i}") for i in range(4)]
st.sidebar.caption("JJJ Atlas")
st.navigation(pages).run()
