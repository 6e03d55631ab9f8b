"""The sidebar says whether the link's edit key was accepted (AppTest, both languages), never showing the key."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from geo.vocab import ui
from geo.workspace import active
from tests.workspace_fixtures import platforms_csv, run_app, sqlite_store

STATES = ("ws_key_accepted", "ws_key_refused", "ws_view_only")


@pytest.fixture
def workspace(tmp_path, monkeypatch):
    store = sqlite_store(tmp_path, monkeypatch)
    workspace_id, key = store.create("测试工作区 / test")
    store.upload(workspace_id, key, "platforms", "p.csv", platforms_csv({"innovation": 2}))
    yield workspace_id, key
    active.activate(None)


def _sidebar(params: dict, lang: str, page: str | None = None) -> AppTest:
    return run_app(params, lang, page)  # the sidebar comes with the controls, in the second run


def _texts(at) -> list[str]:
    """Every text the sidebar shows (captions, markdown, alerts, widget labels)."""
    side = at.sidebar
    return ([e.value for e in side.caption] + [e.value for e in side.markdown] + [e.value for e in side.warning]
            + [e.value for e in side.info] + [e.label for e in side.button])


def _says(at, lang: str) -> list[str]:
    return [state for state in STATES if ui(state, lang) in _texts(at)]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_right_key_says_editing_and_a_wrong_one_view_only(workspace, lang):
    workspace_id, key = workspace
    right = _sidebar({"ws": workspace_id, "key": key}, lang)
    assert _says(right, lang) == ["ws_key_accepted"]
    wrong_key = "not-the-key-" + key[:6]
    wrong = _sidebar({"ws": workspace_id, "key": wrong_key}, lang)
    assert _says(wrong, lang) == ["ws_key_refused"]
    assert ui("ws_key_refused", lang) != ui("ws_key_accepted", lang)
    view = _sidebar({"ws": workspace_id}, lang)
    assert _says(view, lang) == ["ws_view_only"]
    for at, shown_key in ((right, key), (wrong, wrong_key)):  # the key never appears in the sidebar
        assert not any(shown_key in text for text in _texts(at))
        assert not any(key[:8] in text for text in _texts(at))


def test_the_status_follows_to_another_page(workspace):
    workspace_id, key = workspace
    at = _sidebar({"ws": workspace_id, "key": key}, "en", page="pages/cities.py")
    assert _says(at, "en") == ["ws_key_accepted"] and at.query_params["key"] == key
    wrong = _sidebar({"ws": workspace_id, "key": "wrong"}, "en", page="pages/platforms.py")
    assert _says(wrong, "en") == ["ws_key_refused"]


def test_an_unknown_workspace_names_no_key_state(workspace):
    at = _sidebar({"ws": "no-such-workspace", "key": "anything"}, "en")
    assert any(ui("ws_not_found", "en").rstrip(".") in text for text in _texts(at)) and _says(at, "en") == []
