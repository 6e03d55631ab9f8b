"""The upload section of the Data page runs in both languages and reports what was kept."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from geo import uploads
from geo.vocab import ui

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "app.py")
BAD = ROOT / "tests" / "data" / "bad_uploads"


def _data_page(lang: str, state: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90)
    at.session_state["lang"] = lang
    for key, value in (state or {}).items():
        at.session_state[key] = value
    at.run()
    at.switch_page("pages/data.py").run()
    return at


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_upload_section_runs_in_both_languages(lang):
    at = _data_page(lang)
    assert not at.exception, at.exception
    assert ui("upload_header", lang) in [h.value for h in at.header]
    assert len([u for u in at.get("file_uploader") if u.key.startswith("upload_")]) == 2  # ws_* are workspaces
    assert ui("upload_stored", lang).format(indicators=0, points=0) in [c.value for c in at.caption]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_stored_upload_is_reported_and_can_be_cleared(lang):
    state: dict = {}
    result = uploads.read_indicators("unknown_city.csv", (BAD / "unknown_city.csv").read_bytes())
    uploads.remember_upload(state, "indicators", "test-file", result)
    at = _data_page(lang, state)
    assert not at.exception, at.exception
    texts = [m.value for m in at.markdown]
    assert ui("upload_accepted", lang).format(accepted=1, total=2) in texts
    problems = at.dataframe[-1].value
    assert problems[ui("upload_row", lang)].tolist() == [3]
    assert ui("upload_stored", lang).format(indicators=1, points=0) in [c.value for c in at.caption]

    at.button(key="upload_clear").click().run()
    assert not at.exception, at.exception
    assert "user_indicators" not in at.session_state
    assert ui("upload_stored", lang).format(indicators=0, points=0) in [c.value for c in at.caption]
