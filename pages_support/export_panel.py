"""The Map page's export panel (a helper, not a page): images, a slide, an offline map, the data, and
an atlas (one map per city, type, system or industry) or the timeline film of the same view.

``render_export_panel(state, counts, bounds, user_points, lang)`` is called by pages/map.py under the map.
Nothing is drawn until "Generate" is clicked, so the Map page stays fast; the files are then kept
in the session for exactly that view and those settings, and a rerun or a download costs nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib

import pandas as pd
import streamlit as st

from geo import export_formats, export_view, filters, snapshot, uploads, worker
from geo.vocab import ui
from geo.workspace import active
from pages_support import streamlit_text, workspace_context

_RESULT = "x_result"  # session key: (request key, {format: bytes}, box)
_ATLAS = "x_atlas_result"  # session key: (request key, format, bytes, box)
_FILM = "x_film_result"


def _kept(stored, request: str, box) -> bool:
    """Stored files (request, box, ...) still stand for this request and view: the same settings and
    a view that did not really change (a tiny pan keeps them; geo.export_view); the box is the last item."""
    return stored[0] == request and export_view.same_view(stored[-1], box)


def _digest(frame: pd.DataFrame | None) -> str:
    if frame is None or frame.empty:
        return ""
    upload = uploads.last_result(st.session_state, "points")
    if upload is not None and upload.rows is frame and upload.digest:
        return upload.digest  # the uploaded file's hash, taken once: no per-run pass over every point
    # CSV text (geometry as WKT) works for a DataFrame and a GeoDataFrame alike.
    return hashlib.sha1(frame.to_csv(index=False).encode("utf-8")).hexdigest()


def _indicator_data() -> pd.DataFrame | None:
    """The shipped indicators plus the open workspace's and this session's uploads, as the Map page
    colours the cities (None: the shipped ones alone)."""
    uploaded = st.session_state.get("user_indicators")
    if (uploaded is None or not len(uploaded)) and (active.current() is None or active.mode() == "curated"):
        return None
    return workspace_context.indicator_data()


def _settings(state: filters.ViewState, counts: dict[str, int], lang: str) -> dict:
    """The title, subtitle, approval number and size the user chose (defaults: from the view)."""
    left, right = st.columns(2)
    title = left.text_input(ui("export_title", lang), key="x_title", placeholder=snapshot.default_title(state))
    subtitle = right.text_input(ui("export_subtitle", lang), key="x_subtitle",
                                placeholder=snapshot.default_subtitle(state, counts))
    left, right = st.columns(2)
    preset = left.selectbox(ui("export_size", lang), list(snapshot.PRESETS), key="x_preset",
                            format_func=lambda p: ui(f"preset_{p}", lang))
    approval = right.text_input(ui("approval_no", lang), key="x_approval", help=ui("approval_help", lang))
    size = None
    if snapshot.PRESETS[preset].size is None:  # the custom size
        lo, hi = snapshot.SIZE_RANGE
        streamlit_text.localise_number_inputs(lang, {"x_width": (lo, hi), "x_height": (lo, hi)})
        left, right = st.columns(2)
        size = (int(left.number_input(ui("width_px", lang), lo, hi, 1600, step=10, key="x_width")),
                int(right.number_input(ui("height_px", lang), lo, hi, 900, step=10, key="x_height")))
    return {"title": title.strip() or None, "subtitle": subtitle.strip() or None, "preset": preset,
            "size": size, "approval_no": approval.strip()}


def render_export_panel(state: filters.ViewState, counts: dict[str, int], bounds: dict | None, user_points,
                        lang: str) -> None:
    """An "Export" expander: settings, a Generate button, then one download button per format.

    ``bounds`` is st_folium's {"_southWest": {"lat", "lng"}, "_northEast": {...}} (or None: the
    whole region); ``user_points`` are this session's uploaded points (or None).
    """
    worker.warm()  # the first export (or upload) then finds a worker started
    with st.expander(ui("export", lang)):
        st.caption(ui("export_intro", lang))
        settings = _settings(state, counts, lang)
        box = snapshot.bounds_from_folium(bounds)
        indicator_data = _indicator_data()
        request = repr((export_view.settings_key(state), sorted(settings.items()), _digest(user_points),
                        _digest(st.session_state.get("user_indicators")), active.token(), active.mode()))
        if st.button(ui("generate", lang), key="x_generate", type="primary"):
            with st.spinner(ui("generating", lang)):
                files = _rendered(", ".join(f.label for f in export_formats.FORMATS.values()), lang,
                                  export_formats.export_all, state, bounds=box, user_points=user_points,
                                  indicator_data=indicator_data, **settings)
            if files is not None:  # a stopped export keeps the files made before
                st.session_state[_RESULT] = (request, files, box)
        stored = st.session_state.get(_RESULT)
        if stored and not _kept(stored, request, box):
            st.caption(ui("export_stale", lang))
        elif stored:
            st.caption(export_view.view_words(stored[-1], lang))
            _downloads(stored[1])
        st.caption(ui("export_data_note", lang))
        _atlas_and_film(state, box, settings, request, lang)


def _rendered(export: str, lang: str, fn, *args, **kwargs):
    """``fn`` in a bounded worker (geo.worker.render); None, with a message naming ``export`` and the limit,
    when it was stopped."""
    try:
        return worker.render(fn, *args, **kwargs)
    except worker.WorkerFailed as failed:
        st.error(worker.render_message(failed, export, lang))
        return None


def _downloads(files: dict[str, bytes]) -> None:
    stem = f"jjj-map-{dt.date.today().isoformat()}"
    columns = st.columns(len(files))
    for column, (fmt, data) in zip(columns, files.items()):
        spec = export_formats.FORMATS[fmt]
        column.download_button(spec.label, data,
                               file_name=f"{stem}.{spec.extension}", mime=spec.mime, key=f"x_download_{fmt}",
                               on_click="ignore", icon=":material/download:")


def _atlas_and_film(state: filters.ViewState, box, settings: dict, view_request: str, lang: str) -> None:
    """Atlas and film buttons: the view and settings of the exports above (geo.export_formats)."""
    st.markdown(f"**{ui('atlas_and_film', lang)}**")
    st.caption(ui("atlas_and_film_intro", lang))
    common = {"title": settings["title"], "preset": settings["preset"], "size": settings["size"],
              "approval_no": settings["approval_no"]}
    left, right = st.columns(2)
    each = left.selectbox(ui("atlas_each", lang), export_formats.ATLAS_EACH, key="x_atlas_each",
                          format_func=lambda e: ui(f"atlas_each_label_{e}", lang))
    atlas_fmt = right.selectbox(ui("atlas_format", lang), export_formats.ATLAS_FORMATS, key="x_atlas_format",
                                format_func=str.upper)
    atlas_request = repr((view_request, each, atlas_fmt))
    if left.button(ui("make_atlas", lang), key="x_atlas"):
        with st.spinner(ui("generating", lang)):
            data = _rendered(f"{ui(f'atlas_each_{each}', lang)} ({atlas_fmt.upper()})", lang,
                             export_formats.export_atlas, state, each, atlas_fmt, **common)
        if data is not None:
            st.session_state[_ATLAS] = (atlas_request, atlas_fmt, data, box)
    left, right = st.columns(2)
    film_fmt = right.selectbox(ui("film_format", lang), export_formats.FILM_FORMATS, key="x_film_format",
                               format_func=str.upper)
    film_request = repr((view_request, film_fmt))
    if left.button(ui("make_film", lang), key="x_film"):
        with st.spinner(ui("generating", lang)):
            data = _rendered(f"{ui('film_download', lang)} ({film_fmt.upper()})", lang,
                             export_formats.export_film, state, film_fmt, bounds=box, **common)
        if data is not None:
            st.session_state[_FILM] = (film_request, film_fmt, data, box)
    stem = f"jjj-map-{dt.date.today().isoformat()}"
    for slot, request, label, mimes, name in (
            (_ATLAS, atlas_request, ui(f"atlas_each_{each}", lang), {f: export_formats.MIME[f] for f in
                                                                    export_formats.ATLAS_FORMATS}, f"atlas-{each}"),
            (_FILM, film_request, ui("film_download", lang), export_formats.FILM_MIME, "film")):
        stored = st.session_state.get(slot)
        if stored and not _kept(stored, request, box):
            st.caption(ui("export_stale", lang))
        elif stored:
            _, fmt, data, _ = stored
            st.download_button(f"{label} ({fmt.upper()})", data, file_name=f"{stem}-{name}.{fmt}", mime=mimes[fmt],
                               key=f"{slot}_download", on_click="ignore", icon=":material/download:")
