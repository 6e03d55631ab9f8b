"""Data page: provenance of every shipped table, with downloads."""

import pandas as pd
import streamlit as st

from geo import boundaries
from geo.vocab import layer_name, normalise_language, ui

lang = normalise_language(st.session_state.get("lang"))
st.title(ui("page_data", lang))
st.write(ui("data_intro", lang))

st.subheader(ui("boundaries", lang))
meta = boundaries.metadata()
source = meta["source"]
st.markdown(
    f"- **{ui('source', lang)}**: `{source['package']}` {source['version']} — {source['selection']}\n"
    f"- **{ui('licence', lang)}**: {source['licence']}\n"
    f"- **CRS**: {meta['crs']}\n"
    + "".join(f"- **{ui('derivation', lang)}**: {step}\n" for step in meta["derivation"])
)
st.dataframe(pd.DataFrame([meta["counts"]]), hide_index=True)
st.download_button(
    f"{ui('download', lang)} jjj.topojson", boundaries.TOPOJSON_PATH.read_bytes(),
    file_name="jjj.topojson", mime="application/json",
)

st.subheader(ui("policy_areas", lang))
areas = pd.read_csv(boundaries.POLICY_AREAS_PATH, dtype=str).fillna("")
areas["role"] = [layer_name(r, lang) for r in areas["role"]]
name_col = "name_en" if lang == "en" else "name_zh"
note_col = "extent_note_en" if lang == "en" else "extent_note_zh"
st.dataframe(
    areas[[name_col, "role", "member_codes", note_col, "source_title", "source_url"]],
    hide_index=True, width="stretch",
)
st.download_button(
    f"{ui('download', lang)} policy_areas.csv",
    boundaries.POLICY_AREAS_PATH.read_bytes(), file_name="policy_areas.csv", mime="text/csv",
)
