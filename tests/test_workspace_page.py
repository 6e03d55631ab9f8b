"""The Data page's workspace section (AppTest): create, upload through the edit link, view link
read-only, history with revert, delete with confirmation and undo."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from geo.vocab import ui
from geo.workspace import Store, entities

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "app.py")
PLATFORMS = ("name,platform_type,county\n测试平台 001 / Test platform 001,innovation,蓟县\n"
             "测试平台 002 / Test platform 002,services,Atlantis\n").encode("utf-8")


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("JJJ_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("JJJ_DATABASE_URL", raising=False)
    return tmp_path


def _store(data_dir) -> Store:
    return Store(f"sqlite:///{data_dir / 'workspaces.sqlite'}")


def _page(lang: str, **params) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.session_state["lang"] = lang
    at.run()
    for name, value in params.items():
        at.query_params[name] = value
    at.switch_page("pages/data.py").run()
    assert not at.exception, at.exception
    return at


def _texts(at) -> list[str]:
    return [e.value for kind in ("markdown", "text", "caption", "success", "error", "warning", "info", "code")
            for e in getattr(at, kind)]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_create_gives_edit_link_and_upload_is_a_version(data_dir, lang):
    at = _page(lang)
    assert ui("ws_header", lang) in [h.value for h in at.header]
    at.text_input(key="ws_new_name").input("测试工作区 / test").run()
    at.button(key="ws_create").click().run()
    assert not at.exception, at.exception
    workspace_id, key = at.query_params["ws"], at.query_params["key"]
    store = _store(data_dir)
    assert store.check_key(workspace_id, key)
    assert ui("ws_created", lang) in _texts(at)
    assert f"?ws={workspace_id}&key={key}" in _texts(at) and f"?ws={workspace_id}" in _texts(at)

    at.file_uploader(key="ws_file").set_value(("p.csv", PLATFORMS, "text/csv")).run()
    at.button(key="ws_upload_button").click().run()
    assert not at.exception, at.exception
    assert ui("ws_saved", lang).format(version=1, accepted=1, total=2) in _texts(at)
    (problems,) = [d.value for d in at.dataframe if ui("upload_message", lang) in d.value.columns]
    assert problems[ui("upload_row", lang)].tolist() == [3]
    assert list(entities(store, workspace_id)["name_zh"]) == ["测试平台 001 / Test platform 001"]


def test_view_link_is_read_only_and_never_shows_the_key(data_dir):
    store = _store(data_dir)
    workspace_id, key = store.create("只读测试")
    store.upload(workspace_id, key, "platforms", "p.csv", PLATFORMS)
    at = _page("en", ws=workspace_id)
    assert ui("ws_read_only", "en") in _texts(at)
    assert not [u for u in at.get("file_uploader") if u.key == "ws_file"]
    assert not [b for b in at.button if b.key in ("ws_upload_button", "ws_revert", "ws_delete")]
    assert all(key not in text for text in _texts(at))
    assert "只读测试" in _texts(at)
    at = _page("en", ws=workspace_id, key="wrong-key")
    assert ui("ws_bad_key", "en") in _texts(at)
    assert not [u for u in at.get("file_uploader") if u.key == "ws_file"]


def test_history_revert_delete_and_undo(data_dir):
    store = _store(data_dir)
    workspace_id, key = store.create("历史测试")
    _, first = store.upload(workspace_id, key, "platforms", "p.csv", PLATFORMS)
    store.upload(workspace_id, key, "platforms", "q.csv", PLATFORMS.replace(b"001", b"003"))
    at = _page("en", ws=workspace_id, key=key)
    at.selectbox(key="ws_revert_to").select(first).run()
    at.button(key="ws_revert").click().run()
    assert not at.exception, at.exception
    assert len(entities(store, workspace_id)) == 1
    assert at.button(key="ws_delete").disabled
    at.checkbox(key="ws_delete_confirm").check().run()
    at.button(key="ws_delete").click().run()
    assert not at.exception, at.exception
    assert entities(store, workspace_id).empty
    deleted = store.versions(workspace_id)[-1]
    at.selectbox(key="ws_revert_to").select(deleted["parent"]).run()
    at.button(key="ws_revert").click().run()
    assert len(entities(store, workspace_id)) == 1


def test_unknown_workspace_gets_a_message(data_dir):
    at = _page("zh", ws="no-such-workspace")
    assert ui("ws_not_found", "zh") in _texts(at)
