"""The open workspace of a session: from the link (``?ws=ID``, ``&key=KEY`` to edit), kept across pages.

``open_for_run()`` is called by app.py before every page: it remembers the workspace of the link in
the session, puts it back into the URL on pages whose link lost it, reads it (once per latest
version, ``geo.workspace.active``) and makes it the run's, in the mode of the Map page's
curated / mine / both switch. The layers, the search, the pages and the exports then include it.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from geo import datasets, filter_table, textsafe, uploads
from geo.vocab import ui
from geo.workspace import active

_ID, _KEY = "wsx_id", "wsx_key"  # session keys: the open workspace's id and edit key
_MODE_WIDGET = filter_table.by_field()["source"].key
_MODE_PARAM = filter_table.by_field()["source"].param


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
    """The indicators the pages show: the shipped ones, the open workspace's or both (the curated / mine /
    both switch, ``active.shown_indicators``), with this session's uploads on top in every mode."""
    shown = active.shown_indicators(datasets.load("indicators"))
    return uploads.merge_indicators(shown, st.session_state.get("user_indicators"))


def close() -> None:
    """Close the open workspace (a button's callback): the shipped data alone again, and the link no
    longer opens it (``ws``, ``key`` and the switch's ``src`` leave the URL; the switch goes back to its default)."""
    ss, params = st.session_state, st.query_params
    # the Data page's "open by id" box too: its text would open the workspace again on the next run
    for session_key in (_ID, _KEY, "ws_last_upload", "ws_just_created", "ws_open_id"):
        ss.pop(session_key, None)
    for name in ("ws", "key", _MODE_PARAM):
        if name in params:
            del params[name]
    default = filter_table.by_field()["source"].default
    ss[_MODE_WIDGET] = default
    if ss.get("m_state") is not None:
        ss["m_state"] = ss["m_state"].with_(source=default)
    active.activate(None)


def close_button(lang: str, where=st, key: str = "ws_close") -> None:
    """The button that closes the open workspace (in ``where``: the sidebar or the page)."""
    where.button(ui("ws_close", lang), key=key, on_click=close, help=ui("ws_close_help", lang))


_KEY_CHECKS = "ws_key_checked"  # session: (workspace id, key) -> accepted (shared with ui/workspace_panel.py)


def key_accepted(workspace_id: str, key: str | None) -> bool:
    """Whether ``key`` is the workspace's edit key; the check (a 16 MB scrypt) runs once per session and link."""
    from ui.workspace_panel import store  # the process's store (st.cache_resource)

    if not key:
        return False
    checked = st.session_state.setdefault(_KEY_CHECKS, {})
    if (workspace_id, key) not in checked:
        checked[(workspace_id, key)] = store().check_key(workspace_id, key)
    return checked[(workspace_id, key)]


def access_key(workspace_id: str, key: str | None) -> str:
    """The vocabulary key of what the link allows: editing (the key was accepted), a refused key (view
    only) or a view link. The key itself is never shown."""
    if not key:
        return "ws_view_only"
    return "ws_key_accepted" if key_accepted(workspace_id, key) else "ws_key_refused"


def sidebar(lang: str, slot) -> None:
    """The open workspace in the sidebar, on every page: its name (or that the id is unknown), whether
    the link's edit key was accepted, and the close button. Nothing without a workspace."""
    ss = st.session_state
    if not ss.get(_ID):
        return
    loaded = active.current()
    name = ui("ws_not_found", lang) if loaded is None else loaded.name
    slot.caption(ui("ws_open_now", lang).format(name=textsafe.markdown_text(name)))
    if loaded is not None:
        slot.caption(ui(access_key(ss[_ID], ss.get(_KEY)), lang))
    close_button(lang, slot, key="ws_close_sidebar")
