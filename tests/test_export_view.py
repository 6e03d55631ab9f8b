"""Generated exports stay until the exported view really changes, and say which view they show."""

from pathlib import Path

from streamlit.testing.v1 import AppTest

from geo import export_view
from geo.filters import ViewState

ROOT = Path(__file__).resolve().parents[1]
BOX = (115.5, 39.0, 117.5, 40.5)

PANEL_SCRIPT = """
import sys
sys.path.insert(0, {root!r})
import streamlit as st
from geo import filters
from pages_support.export_panel import render_export_panel
w, s, e, n = st.session_state.get("box", (115.5, 39.0, 117.5, 40.5))
bounds = {{"_southWest": {{"lat": s, "lng": w}}, "_northEast": {{"lat": n, "lng": e}}}}
state = filters.ViewState(overlays=("platforms",), center=((s + n) / 2, (w + e) / 2), zoom=st.session_state.get("z", 8))
render_export_panel(state, filters.visible_layers(state).counts(), bounds, None, "en")
"""


def test_a_tiny_pan_is_the_same_view_and_a_zoom_step_is_not():
    panned = (115.52, 39.01, 117.52, 40.51)
    zoomed = (116.0, 39.375, 117.0, 40.125)  # one zoom step in: a quarter of the area
    assert export_view.same_view(BOX, panned)
    assert not export_view.same_view(BOX, zoomed)
    assert not export_view.same_view(BOX, (120.0, 30.0, 121.0, 31.0))  # apart
    assert export_view.same_view(None, None) and not export_view.same_view(None, BOX)
    assert export_view.overlap(BOX, BOX) == 1.0


def test_the_settings_key_leaves_out_centre_and_zoom_only():
    a = ViewState(overlays=("platforms",), center=(39.0, 116.0), zoom=8)
    b = ViewState(overlays=("platforms",), center=(39.1, 116.1), zoom=9)
    assert export_view.settings_key(a) == export_view.settings_key(b)
    assert export_view.settings_key(a) != export_view.settings_key(ViewState(overlays=("parks",)))


def test_view_words_name_the_box_in_both_languages():
    assert export_view.view_words(BOX, "en") == "These files show: 115.50–117.50°E, 39.00–40.50°N"
    assert "东经 115.50–117.50°" in export_view.view_words(BOX, "zh")
    assert "全域" in export_view.view_words(None, "zh")


def test_exports_survive_a_tiny_pan_and_go_stale_on_a_real_view_change():
    at = AppTest.from_string(PANEL_SCRIPT.format(root=str(ROOT)), default_timeout=120).run()
    at.button(key="x_generate").click().run()
    assert not at.exception, at.exception
    assert len(at.get("download_button")) == 8
    assert any(c.value == export_view.view_words(BOX, "en") for c in at.caption)
    at.session_state["box"] = (115.52, 39.01, 117.52, 40.51)  # a few pixels' pan: new centre, bounds
    at.run()
    assert len(at.get("download_button")) == 8  # kept, still saying the view they show
    assert any(c.value == export_view.view_words(BOX, "en") for c in at.caption)
    at.session_state["box"], at.session_state["z"] = (116.0, 39.375, 117.0, 40.125), 9
    at.run()
    assert not at.get("download_button")
    assert any(c.value.startswith("The view or the settings changed") for c in at.caption)
