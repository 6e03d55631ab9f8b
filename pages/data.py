"""Data page: provenance of every table, the coverage report, downloads."""

import pandas as pd
import streamlit as st

from geo import boundaries, coverage, datasets, limits, registry, sources, uploads, worker
from geo.schemas import TABLES
from geo.table_labels import heading, readable
from geo.vocab import (
    CORE_INDICATORS,
    INDICATORS,
    LANGUAGE_NAMES,
    PLATFORM_SYSTEMS,
    PLATFORM_TYPES,
    normalise_language,
    ui,
    unit_label,
)
from pages_support.navigation import keep_in_app
from pages_support.streamlit_text import localise_uploaders

keep_in_app()  # a page started alone (a deep link on a fresh server) hands over to app.py
worker.warm()  # the uploads below are read in a worker: start one now, not on the first upload

lang = normalise_language(st.session_state.get("lang"))
en = lang == "en"


@st.cache_data(show_spinner=False)
def _checked():
    return datasets.check_all()


def _csv_bytes(frame: pd.DataFrame) -> bytes:
    return frame.to_csv(index=False).encode("utf-8-sig")  # BOM: Excel shows Chinese correctly


def _area_name(code: str) -> str:
    names = boundaries.cities().set_index("code")["name_en" if en else "name_zh"]
    return names.get(code, {"130000": "Hebei" if en else "河北省", "jjj": "JJJ" if en else "京津冀"}.get(code, code))


st.title(ui("page_data", lang))
st.write(ui("data_intro", lang))
frames, problems = _checked()
if problems:
    st.error(ui("data_problems", lang) + "\n\n" + "\n".join(f"- {p}" for p in problems[:50]))

st.header(ui("coverage", lang))
report = coverage.report(frames)
rows = report["rows"].assign(
    title=[getattr(TABLES[t], "title_en" if en else "title_zh") for t in report["rows"]["table"]])
st.dataframe(readable(rows[["title", "file", "rows", "sources"]], lang), hide_index=True)

left, right = st.columns(2)
with left:
    st.subheader(ui("systems_coverage", lang))
    # the open workspace's platforms count as members found (pages_support/workspace_context.py)
    shown_entities = registry.entities()
    report["systems"] = coverage.with_workspace(report["systems"], shown_entities, "system")
    report["platform_types"] = coverage.with_workspace(report["platform_types"], shown_entities, "platform_type")
    systems = report["systems"].assign(system=[PLATFORM_SYSTEMS[s](lang) for s in report["systems"]["system"]])
    st.dataframe(readable(systems, lang), hide_index=True)
with right:
    st.subheader(ui("types_coverage", lang))
    types = report["platform_types"].assign(platform_type=[
        PLATFORM_TYPES[t](lang) if t in PLATFORM_TYPES else ui("no_data", lang)
        for t in report["platform_types"]["platform_type"]])
    st.dataframe(readable(types, lang), hide_index=True)

st.subheader(ui("indicator_coverage", lang))
choice = st.selectbox(ui("indicator_coverage", lang), (None, *CORE_INDICATORS), key="coverage_indicator",
                      format_func=lambda i: ui("all_core", lang) if i is None else INDICATORS[i].term(lang),
                      label_visibility="collapsed")
matrix = coverage.indicator_matrix(frames["indicators"], choice)
matrix.index = pd.Index([_area_name(c) for c in matrix.index], name="area")
st.caption(ui("indicator_coverage_help", lang).format(n=1 if choice else len(CORE_INDICATORS)))
st.dataframe(readable(matrix, lang))

summary = coverage.matrix_summary(report["matrix"])
st.subheader(ui("matrix_coverage", lang).format(k=summary["indicators"], y=summary["years"], cells=summary["cells"],
                                                filled=summary["filled"], pct=summary["share"]))
st.caption(ui("matrix_help", lang).format(k=summary["indicators"]) + " "
           + ", ".join(INDICATORS[i].term(lang) for i in coverage.MATRIX_INDICATORS))
st.dataframe(readable(report["matrix"].rename(index=_area_name).rename_axis("area"), lang))
st.write(ui("alternates_count", lang).format(n=report["alternates"]) + " "
         + ui("parks_projects_count", lang).format(n=report["parks_projects"]["total"]))
st.subheader(ui("weak_share", lang))
st.dataframe(readable(report["weak_sources"].assign(
    table=[getattr(TABLES[t], "title_en" if en else "title_zh") for t in report["weak_sources"]["table"]]), lang),
    hide_index=True, column_config={heading("weak_share", lang): st.column_config.NumberColumn(format="percent")})

st.subheader(ui("location_coverage", lang))
st.dataframe(readable(report["locations"].assign(
    table=[getattr(TABLES[t], "title_en" if en else "title_zh") for t in report["locations"]["table"]]), lang),
    hide_index=True)

st.header(ui("tables", lang))
for table_id, table in TABLES.items():
    frame = frames[table_id]
    with st.expander(f"{table.title_en if en else table.title_zh} · {table.file} · {len(frame)}"):
        st.caption(ui("sources_of_table", lang))
        st.dataframe(readable(sources.cited_by(frame, lang), lang), hide_index=True, width="stretch",
                     column_config={heading("url", lang): st.column_config.LinkColumn()})
        st.dataframe(readable(sources.display_table(frame, lang), lang), hide_index=True, width="stretch")
        st.download_button(f"{ui('download', lang)} {table.file}", _csv_bytes(frame),
                           file_name=table.file, mime="text/csv", key=f"dl_{table_id}")

st.header(ui("boundaries", lang))
meta = boundaries.metadata()
source = meta["source"]
st.markdown(
    f"- **{ui('source', lang)}**: `{source['package']}` {source['version']} — {source['selection']}\n"
    f"- **{ui('licence', lang)}**: {source['licence']}\n"
    f"- **CRS**: {meta['crs']}\n"
    + "".join(f"- **{ui('derivation', lang)}**: {step}\n" for step in meta["derivation"])
)
st.dataframe(readable(pd.DataFrame([meta["counts"]]), lang), hide_index=True)
st.download_button(f"{ui('download', lang)} jjj.topojson", boundaries.TOPOJSON_PATH.read_bytes(),
                   file_name="jjj.topojson", mime="application/json")

st.subheader(ui("policy_areas", lang))
areas = pd.read_csv(boundaries.POLICY_AREAS_PATH, dtype=str).fillna("")
st.dataframe(readable(
    areas[["name_en" if en else "name_zh", "role", "member_codes", "extent_note_en" if en else "extent_note_zh",
           "designated"]].assign(source_title=[
               sources.row_labels(t, u, lang) for t, u in zip(areas["source_title"], areas["source_url"])]), lang),
    hide_index=True, width="stretch",
)
st.download_button(f"{ui('download', lang)} policy_areas.csv", boundaries.POLICY_AREAS_PATH.read_bytes(),
                   file_name="policy_areas.csv", mime="text/csv")

# --- Researchers' own uploads -------------------------------------------------------------------
# geo.uploads reads and checks them; accepted rows live only in st.session_state ("user_indicators",
# "user_points") for other pages to use, and nothing is ever written to data/.

st.header(ui("upload_header", lang))
localise_uploaders(lang, {"upload_indicators": ["csv", "xlsx"], "upload_points": ["csv", "geojson", "json"],
                          "ws_import_zip": ["zip"]})  # Streamlit's own uploader text in Chinese
st.write(ui("upload_intro", lang).format(limit_mb=limits.MAX_UPLOAD_MB))
for upload_kind, upload_reader, upload_types in (
    ("indicators", uploads.read_indicators, ["csv", "xlsx"]),
    ("points", uploads.read_points, ["csv", "geojson", "json"]),
):
    st.subheader(ui(f"upload_{upload_kind}", lang))
    st.caption(ui(f"upload_{upload_kind}_help", lang))
    if upload_kind == "indicators":
        with st.expander(ui("upload_indicator_list", lang)):
            st.dataframe(pd.DataFrame(
                [(key, item.term.zh, item.term.en, unit_label(item.unit, lang)) for key, item in INDICATORS.items()],
                columns=[ui("code", lang), LANGUAGE_NAMES["zh"], LANGUAGE_NAMES["en"], ui("unit", lang)]),
                hide_index=True, width="stretch")
    st.download_button(ui("upload_template", lang), uploads.template_csv(upload_kind),
                       file_name=f"template_{upload_kind}.csv", mime="text/csv", key=f"template_{upload_kind}")
    # The widget limit matches the reader's; the reader checks the size again whatever the widget does.
    upload_file = st.file_uploader(ui(f"upload_{upload_kind}", lang), type=upload_types, key=f"upload_{upload_kind}",
                                   max_upload_size=limits.MAX_UPLOAD_MB, label_visibility="collapsed")
    # Read a file once: the uploader keeps it across reruns, and after "clear" it must not come back.
    if upload_file is not None and uploads.is_new_upload(st.session_state, upload_kind, upload_file.file_id):
        uploads.remember_upload(st.session_state, upload_kind, upload_file.file_id,
                                upload_reader(upload_file.name, upload_file.getvalue()))
        uploads.release_memory()
    upload_result = uploads.last_result(st.session_state, upload_kind)
    if upload_result is not None:
        st.write(ui("upload_accepted", lang).format(accepted=len(upload_result.rows), total=upload_result.total_rows))
        if upload_result.problems:
            st.dataframe(uploads.problems_table(upload_result, lang), hide_index=True, width="stretch")
# The page's namespace can outlive its session (functions defined here keep it); it must not hold the file.
del upload_file, upload_result

st.caption(ui("upload_stored", lang).format(
    indicators=len(st.session_state.get(uploads.STATE_KEYS["indicators"], ())),
    points=len(st.session_state.get(uploads.STATE_KEYS["points"], ()))))
st.button(ui("upload_clear", lang), key="upload_clear", on_click=uploads.forget_uploads, args=(st.session_state,))

# --- Team workspaces (geo.workspace; the UI is ui/workspace_panel.py) ------------------------------
from ui.workspace_panel import render as render_workspaces  # noqa: E402 - the section comes last on the page

render_workspaces(lang)
