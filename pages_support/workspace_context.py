"""The open workspace of a session: from the link (``?ws=ID``, ``&key=KEY`` to edit), kept across pages.

``open_for_run()`` is called by app.py before every page: it remembers the workspace of the link in
the session, puts it back into the URL on pages whose link lost it, reads it (once per latest
version, ``geo.workspace.active``) and makes it the run's, in the mode of the Map page's
curated / mine / both switch. The layers, the search, the pages and the exports then include it.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from geo import datasets, filter_table, uploads
from geo.workspace import active

_ID, _KEY = "wsx_id", "wsx_key"  # session keys: the open workspace's id and edit key
_MODE_WIDGET = filter_table.by_field()["source"].key


def _remember_link(ss, params) -> None:
    """The link's workspace wins; a page opened without one keeps (and shows again) the session's."""
    workspace_id = params.get("ws")
    if workspace_id:
        ss[_ID] = workspace_id
        if params.get("key"):
            ss[_KEY] = params.get("key")
        else:
            ss.pop(_KEY, None)
    elif ss.get(_ID):
        params["ws"] = ss[_ID]
        if ss.get(_KEY):
            params["key"] = ss[_KEY]


def _mode(ss, params) -> str:
    """The curated / mine / both switch: its widget, else the Map page's last view, else the link."""
    for value in (ss.get(_MODE_WIDGET), getattr(ss.get("m_state"), "source", None), params.get("src")):
        if value in filter_table.SOURCE_MODES:
            return value
    return "both"


def open_for_run() -> active.Loaded | None:
    """Make the session's workspace (if any) the one this run shows; None without one (or a bad id)."""
    from ui.workspace_panel import store  # the process's store (st.cache_resource)

    ss, params = st.session_state, st.query_params
    _remember_link(ss, params)
    loaded = active.load(store(), ss.get(_ID)) if ss.get(_ID) else None
    active.activate(loaded, _mode(ss, params))
    return loaded


def url_params() -> dict[str, str]:
    """The workspace's URL parameters, for a page that rewrites its URL (the Map page's view)."""
    ss = st.session_state
    return {name: ss[k] for name, k in (("ws", _ID), ("key", _KEY)) if ss.get(k)}


def not_found() -> bool:
    """A workspace id is open that the store does not know (the page says so)."""
    return bool(st.session_state.get(_ID)) and active.current() is None


def indicator_data() -> pd.DataFrame:
    """The shipped indicators, the open workspace's and this session's uploads, as the pages show them."""
    shipped = datasets.load("indicators")
    joined = uploads.merge_indicators(shipped, active.indicator_rows(shipped))
    return uploads.merge_indicators(joined, st.session_state.get("user_indicators"))
