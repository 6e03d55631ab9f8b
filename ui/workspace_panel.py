"""The Data page's team-workspace section (Streamlit UI only; the logic is in ``geo.workspace``).

``render(lang)`` draws it. The workspace comes from the URL: ``?ws=ID`` opens it read-only,
``?ws=ID&key=KEY`` for editing (the key is checked against its hash; it never appears in the view
link). Every upload is saved only when the user presses the button, as one version. User text
(workspace names, file names, messages) is shown through ``st.text``/``st.code``/tables, never
as Markdown.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from geo import workspace as ws
from geo.vocab import COLUMNS, WORKSPACE_ACTIONS, WORKSPACE_KINDS, ui
from geo.workspace import archive, kinds
from pages_support import workspace_context

_UPLOAD_TYPES = {kind_id: ["csv", "xlsx"] + (["geojson", "json"] if spec.geojson else [])
                 for kind_id, spec in kinds.KINDS.items()}


@st.cache_resource(show_spinner=False)
def _store(url: str) -> ws.Store:
    return ws.Store(url)


def store() -> ws.Store:
    """The process's store for the configured database (``$JJJ_DATABASE_URL`` or the SQLite file)."""
    return _store(ws.store.default_url())


def _links(lang: str, workspace_id: str, key: str | None) -> None:
    """The view link always; the edit link only to someone who opened the workspace with its key."""
    st.caption(ui("ws_view_link", lang))
    st.code(f"?ws={workspace_id}", language=None)
    if key:
        st.caption(ui("ws_edit_link", lang))
        st.code(f"?ws={workspace_id}&key={key}", language=None)


def _open_workspace(workspace_id: str, key: str | None = None) -> None:
    st.query_params["ws"] = workspace_id
    if key:
        st.query_params["key"] = key
    elif "key" in st.query_params:
        del st.query_params["key"]


def _create_section(lang: str, s: ws.Store) -> None:
    name = st.text_input(ui("ws_name", lang), key="ws_new_name", max_chars=ws.store.MAX_NAME)
    if st.button(ui("ws_create", lang), key="ws_create"):
        try:
            workspace_id, key = s.create(name)
        except ws.WorkspaceError as err:
            st.error(err.message(lang))
            return
        st.session_state["ws_just_created"] = workspace_id
        _open_workspace(workspace_id, key)
        st.rerun()
    opened = st.text_input(ui("ws_open", lang), key="ws_open_id", max_chars=64)
    if opened.strip():
        _open_workspace(opened.strip())
        st.rerun()
    _import_zip_section(lang, s)


def _import_zip_section(lang: str, s: ws.Store) -> None:
    upload = st.file_uploader(ui("ws_import", lang), type=["zip"], key="ws_import_zip")
    if upload is not None and st.button(ui("ws_import", lang), key="ws_import_button"):
        try:
            workspace_id, key = ws.import_zip(s, upload.getvalue())
        except ws.ArchiveError as err:
            st.error(err.problem.describe(lang))
            return
        st.session_state["ws_just_created"] = workspace_id
        _open_workspace(workspace_id, key)
        st.rerun()


def _key_ok(s: ws.Store, workspace_id: str, key: str) -> bool:
    """The key check (a 16 MB scrypt) once per session and link, not on every rerun."""
    checked = st.session_state.setdefault("ws_key_checked", {})
    if (workspace_id, key) not in checked:
        checked[(workspace_id, key)] = s.check_key(workspace_id, key)
    return checked[(workspace_id, key)]


def _counts(s: ws.Store, workspace_id: str) -> dict[str, int]:
    counts = dict.fromkeys(kinds.STORED_KINDS, 0)
    for row in s.live_rows(workspace_id):
        counts[row["kind"]] += 1
    return counts


def _templates(lang: str) -> None:
    st.subheader(ui("upload_template", lang))
    kind_id = st.selectbox(ui("ws_kind", lang), list(kinds.KINDS), format_func=lambda k: WORKSPACE_KINDS[k](lang),
                           key="ws_template_kind")
    left, right = st.columns(2)
    left.download_button("XLSX", kinds.template_xlsx(kind_id, lang), file_name=f"template_{kind_id}.xlsx",
                         mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                         key="ws_template_xlsx")
    right.download_button("CSV", kinds.template_csv(kind_id, lang), file_name=f"template_{kind_id}.csv",
                          mime="text/csv", key="ws_template_csv")


def problems_frame(problems: list, lang: str) -> pd.DataFrame:
    """Problems as a table: row, column, message (in ``lang``)."""
    return pd.DataFrame({
        ui("upload_row", lang): pd.array([p.row for p in problems], dtype="Int64"),
        ui("upload_column", lang): [p.column or "" for p in problems],
        ui("upload_message", lang): [p.message(lang) for p in problems],
    })


def _upload_section(lang: str, s: ws.Store, workspace_id: str, key: str) -> None:
    st.subheader(ui("ws_upload", lang))
    kind_id = st.selectbox(ui("ws_kind", lang), list(kinds.KINDS), format_func=lambda k: WORKSPACE_KINDS[k](lang),
                           key="ws_upload_kind")
    uploader = st.text_input(ui("ws_uploader", lang), key="ws_uploader", max_chars=ws.store.MAX_NAME)
    source = st.text_input(ui("ws_file_source", lang), key="ws_file_source", max_chars=500)
    replace = st.checkbox(ui("ws_replace", lang), key="ws_replace")
    upload = st.file_uploader(ui("ws_upload", lang), type=_UPLOAD_TYPES[kind_id], key="ws_file",
                              max_upload_size=ws.Limits().max_bytes // 2**20, label_visibility="collapsed")
    if upload is not None and st.button(ui("ws_upload", lang), key="ws_upload_button", type="primary"):
        result, version = s.upload(workspace_id, key, kind_id, upload.name, upload.getvalue(), uploader=uploader,
                                   source=source, replace=replace)
        st.session_state["ws_last_upload"] = (version, len(result.rows), result.total_rows, result.problems)
    last = st.session_state.get("ws_last_upload")
    if last is not None:
        version, accepted, total, problems = last
        if version is None:
            st.error(ui("ws_rejected", lang))
        else:
            st.success(ui("ws_saved", lang).format(version=version, accepted=accepted, total=total))
        if problems:
            st.dataframe(problems_frame(problems, lang), hide_index=True, width="stretch")


def _history(lang: str, s: ws.Store, workspace_id: str, key: str | None) -> None:
    st.subheader(ui("ws_history", lang))
    versions = s.versions(workspace_id)
    if not versions:
        st.text(ui("no_data", lang))
        return
    table = pd.DataFrame({
        ui("ws_version", lang): [v["id"] for v in versions],
        ui("ws_action", lang): [WORKSPACE_ACTIONS[v["action"]](lang) if v["action"] in WORKSPACE_ACTIONS
                                else v["action"] for v in versions],
        ui("ws_kind", lang): [WORKSPACE_KINDS[v["kind"]](lang) if v["kind"] in WORKSPACE_KINDS else v["kind"] or ""
                              for v in versions],
        ui("ws_file", lang): [v["file_name"] or "" for v in versions],
        ui("ws_rows", lang): [v["rows_accepted"] for v in versions],
        ui("ws_time", lang): [str(v["created"]) for v in versions],
        ui("ws_by", lang): [v["uploader"] or "" for v in versions],
        COLUMNS["sha256"](lang): [(v["sha256"] or "")[:12] for v in versions],
    })
    st.dataframe(table, hide_index=True, width="stretch")
    if not key:
        return
    target = st.selectbox(ui("ws_version", lang), [v["id"] for v in versions][::-1], key="ws_revert_to")
    if st.button(ui("ws_revert", lang), key="ws_revert"):
        s.revert(workspace_id, target, key)
        st.rerun()
    confirm = st.checkbox(ui("ws_delete_confirm", lang), key="ws_delete_confirm")
    if st.button(ui("ws_delete", lang), key="ws_delete", disabled=not confirm):
        s.delete(workspace_id, key, confirm=True)
        st.session_state.pop("ws_delete_confirm", None)
        st.rerun()


def render(lang: str) -> None:
    """The whole workspace section of the Data page."""
    st.header(ui("ws_header", lang))
    st.write(ui("ws_intro", lang))
    s = store()
    workspace_id = st.query_params.get("ws")
    if not workspace_id:
        _create_section(lang, s)
        _templates(lang)
        return
    info = s.workspace(workspace_id)
    if info is None:
        st.warning(ui("ws_not_found", lang))
        workspace_context.close_button(lang)
        _create_section(lang, s)
        return
    key = st.query_params.get("key")
    editable = bool(key) and _key_ok(s, workspace_id, key)
    st.text(info["name"])
    if st.session_state.get("ws_just_created") == workspace_id:
        st.success(ui("ws_created", lang))
    if key and not editable:
        st.warning(ui("ws_bad_key", lang))
    elif not editable:
        st.info(ui("ws_read_only", lang))
    _links(lang, workspace_id, key if editable else None)
    workspace_context.close_button(lang)
    st.write(ui("ws_counts", lang).format(**_counts(s, workspace_id)))
    _templates(lang)
    if editable:
        _upload_section(lang, s, workspace_id, key)
    _history(lang, s, workspace_id, key if editable else None)
    st.download_button(ui("ws_export", lang), archive.export_zip(s, workspace_id),
                       file_name=f"workspace_{workspace_id}.zip", mime="application/zip", key="ws_export")
