"""The Map page with a team workspace (AppTest): its platforms join the layers, the type filter and
the count line; the curated / mine / both switch; the link keeps the workspace; the card names it."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from geo import filters
from geo.filters import ViewState
from geo.table_labels import heading
from geo.vocab import OVERLAYS, ui
from geo.workspace import active
from tests.workspace_fixtures import TYPE_COUNTS, platforms_csv, run_app, sqlite_store


@pytest.fixture
def workspace(tmp_path, monkeypatch):
    """A workspace of the 46 fictional platforms (15/20/8/3 by type) in a fresh SQLite store."""
    store = sqlite_store(tmp_path, monkeypatch)
    workspace_id, key = store.create("测试工作区 / test")
    result, version = store.upload(workspace_id, key, "platforms", "p.csv", platforms_csv())
    assert version is not None and len(result.rows) == 46, result.problems
    return workspace_id


def _run(params: dict) -> AppTest:
    return run_app(params)


def _platforms(at) -> int:
    shown = next(c.value for c in at.caption if c.value.startswith("Shown:"))
    part = next(p for p in shown.split(": ", 1)[1].split(" · ") if p.startswith(OVERLAYS["platforms"]("en")))
    return int(part.rsplit(" ", 1)[1])


def _curated(**changes) -> int:
    """Platforms of the shipped data alone for a view (the expectation is derived, not typed in)."""
    active.activate(None)
    return filters.visible_layers(ViewState(**changes)).counts()["platforms"]


def test_type_filter_counts_include_the_workspace_rows(workspace):
    at = _run({"ws": workspace})
    assert _platforms(at) == _curated() + 46
    assert any("测试工作区" in c.value for c in at.caption)  # the count line names the workspace (escaped)
    for platform_type, expected in TYPE_COUNTS.items():
        at.pills(key="m_types").set_value([platform_type]).run()
        assert not at.exception, at.exception
        assert _platforms(at) == _curated(types=(platform_type,)) + expected
        assert at.query_params["type"] == platform_type and at.query_params["ws"] == workspace


def test_the_switch_shows_curated_mine_or_both_and_goes_into_the_link(workspace):
    at = _run({"ws": workspace})
    switch = at.radio(key="m_source")
    assert switch.options == [ui(f"ws_mode_{m}", "en") for m in ("both", "curated", "mine")]
    switch.set_value("mine").run()
    assert _platforms(at) == 46 and at.query_params["src"] == "mine"
    at.pills(key="m_types").set_value(["agriculture"]).run()
    assert _platforms(at) == TYPE_COUNTS["agriculture"]
    at.radio(key="m_source").set_value("curated").run()
    assert _platforms(at) == _curated(types=("agriculture",))
    assert not any("测试工作区" in c.value for c in at.main.caption)  # the count line (the sidebar names it open)
    # the link opens the same view: the workspace, the switch and the filter
    again = _run({"ws": workspace, "src": "mine", "type": "services"})
    assert _platforms(again) == TYPE_COUNTS["services"]


def test_search_and_card_name_the_workspace_and_its_upload_date(workspace):
    at = _run({"ws": workspace})
    at.text_input(key="m_find").input("Test platform 046").run()
    assert not at.exception, at.exception
    card = next(h.proto.body for h in at.get("html") if "Test platform 046" in h.proto.body)
    assert "测试工作区 / test" in card and ui("ws_values_from", "en").split("“")[0] in card


def test_without_a_workspace_there_is_no_switch_and_a_bad_id_is_named(workspace):
    at = _run({})
    assert not [r for r in at.radio if r.key == "m_source"]
    assert _platforms(at) == _curated()
    at = _run({"ws": "no-such-workspace"})
    assert ui("ws_not_found", "en") in [w.value for w in at.warning]
    assert _platforms(at) == _curated()


@pytest.mark.parametrize("page", ["pages/platforms.py", "pages/corridors.py", "pages/cities.py", "pages/data.py"])
def test_the_other_pages_keep_the_workspace_and_show_its_rows(workspace, page):
    at = _run({"ws": workspace})
    at.switch_page(page).run()
    assert not at.exception, at.exception
    assert at.query_params["ws"] == workspace  # the link still opens the workspace
    if page in ("pages/platforms.py", "pages/corridors.py"):
        tables = [d.value for d in at.dataframe]
        assert any(t.astype(str).apply(lambda c: c.str.contains("测试平台 046")).any().any() for t in tables)
    if page == "pages/data.py":
        kind, mine = heading("platform_type", "en"), heading("workspace", "en")  # the headings as labels
        (types,) = [d.value for d in at.dataframe if kind in d.value.columns and mine in d.value]
        assert types[mine].tolist()[:4] == list(TYPE_COUNTS.values())
