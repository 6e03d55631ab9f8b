"""A workspace row's own source, exactly as uploaded, escaped and labelled with the workspace's name: beside
the curated source when the row is merged with a curated entity ("both"), alone for the workspace's own
rows; in cards, the Platforms & parks table and the CSV / GeoJSON exports. The curated source keeps its
record's title (a seed by its real title, never its file name)."""

from __future__ import annotations

import csv
import html
import io
import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from geo import export_formats, layers, overlays, registry, sources
from geo.filters import ViewState
from geo.vocab import ui
from geo.workspace import Store, active

APP = str(Path(__file__).resolve().parents[1] / "app.py")
CURATED_ID = "jizhou_economic_dev_zone"  # a shipped platform the workspace names (its test row merges with it)
CURATED_NAME = "蓟州经济开发区"  # one of its names (in brackets in name_zh)
# the team's sources: brackets with English words (the curated titles' aside cleaning would drop them),
# a ";" (the curated titles' separator), markup that must stay text, a leading "=" for the formula guard
MERGED_SOURCE = "测试名单（Team list, draft 2）; 第二部分 <b>粗体</b>"
OWN_SOURCE = "=测试来源 (Test source, English aside) / v1"
PROJECT_SOURCE = "测试项目来源（Project list, draft）"
URL = "https://example.org/test-list?a=1&b=2"
WORKSPACE_NAME = "测试工作区 <i>x</i>"


@pytest.fixture
def workspace(tmp_path, monkeypatch):
    monkeypatch.setenv("JJJ_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("JJJ_DATABASE_URL", raising=False)
    store = Store()
    workspace_id, key = store.create(WORKSPACE_NAME)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["name", "platform_type", "county", "source", "source_url"])
    writer.writerow([CURATED_NAME, "manufacturing", "蓟州区", MERGED_SOURCE, URL])
    writer.writerow(["测试平台 001 / Test platform 001", "innovation", "武清区", OWN_SOURCE, ""])
    result, version = store.upload(workspace_id, key, "platforms", "p.csv", out.getvalue().encode())
    assert version is not None and not result.problems, result.problems
    projects = f'name,county,investment,source\n测试项目 001 / Test project 001,正定县,12.5,"{PROJECT_SOURCE}"\n'
    assert store.upload(workspace_id, key, "projects", "j.csv", projects.encode())[1] is not None
    active.activate(active.load(store, workspace_id), "both")
    yield store, workspace_id
    active.activate(None)


def _curated_row() -> dict:
    active_now = active.current(), active.mode()
    active.activate(None)
    row = registry.entities().set_index("id").loc[CURATED_ID].to_dict()
    active.activate(*active_now)
    return row


def _workspace_label(source: str, lang: str) -> str:
    return ui("ws_source_as_written", lang).format(name=WORKSPACE_NAME, source=source)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_card_shows_both_sources_the_workspace_one_as_uploaded(workspace, lang):
    merged = registry.entities().set_index("id").loc[CURATED_ID]
    assert merged["values_from"] == "workspace+curated" and merged["platform_type"] == "manufacturing"
    # the workspace's name is preferred; its English name, repeated from the Chinese one, is not a value
    assert merged["name_zh"] == CURATED_NAME and merged["name_en"] == _curated_row()["name_en"]
    card = overlays.entity_card(merged.to_dict() | {"id": CURATED_ID}, lang)
    assert html.escape(_workspace_label(MERGED_SOURCE, lang)) in card  # whole, escaped, labelled
    assert "<b>粗体</b>" not in card and html.escape(URL) in card
    curated = _curated_row()
    for record in sources.lookup(curated["source_title"], curated["source_url"]):
        assert html.escape(sources.label(record, lang)) in card  # the curated source as its record shows it
    assert "002_3241da7b9d8b96a4.txt" not in card  # a seed by its title, never its file name
    entities = registry.entities()
    own = entities[entities["name_zh"] == "测试平台 001 / Test platform 001"].iloc[0]
    own_card = overlays.entity_card(own.to_dict(), lang)
    assert html.escape(_workspace_label(OWN_SOURCE, lang)) in own_card


def test_the_project_card_shows_the_workspace_source_as_uploaded(workspace):
    frame = layers.visible_layers(ViewState(overlays=("project",)))["project"]
    row = frame[frame["name_zh"] == "测试项目 001 / Test project 001"].iloc[0].to_dict()
    card = overlays._field_text("sources", row, layers.BY_ID["project"], "en")
    assert html.escape(_workspace_label(PROJECT_SOURCE, "en")) in card
    assert overlays._field_text("investment", row, layers.BY_ID["project"], "en") == \
        f"{html.escape(ui('investment', 'en'))}: 12.5 100 million yuan"


def test_the_exports_keep_the_curated_source_and_the_workspace_one_apart(workspace):
    out = export_formats.export_all(ViewState(lang="en", overlays=("platforms",)), ["csv", "geojson"])
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(out["csv"].decode("utf-8-sig")))}
    active_now = active.current(), active.mode()
    active.activate(None)
    shipped = {r["id"]: r for r in csv.DictReader(io.StringIO(export_formats.export_all(
        ViewState(lang="en", overlays=("platforms",)), ["csv"])["csv"].decode("utf-8-sig")))}
    active.activate(*active_now)
    merged = rows[CURATED_ID]
    assert merged["source_title"] == shipped[CURATED_ID]["source_title"]  # the curated record's title
    assert merged["source_url"] == shipped[CURATED_ID]["source_url"]
    assert merged["workspace_source_title"] == MERGED_SOURCE and merged["workspace_source_url"] == URL
    assert merged["workspace"] == WORKSPACE_NAME
    assert "002_3241da7b9d8b96a4.txt" not in out["csv"].decode("utf-8-sig")
    own = next(r for r in rows.values() if r["name_zh"].startswith("测试平台 001"))
    assert own["source_title"] == "'" + OWN_SOURCE  # as uploaded, behind the formula guard
    features = {f["properties"]["id"]: f["properties"] for f in json.loads(out["geojson"])["features"]}
    assert features[CURATED_ID]["workspace_source_title"] == MERGED_SOURCE
    assert features[CURATED_ID]["source_title"] == shipped[CURATED_ID]["source_title"]


def test_the_platforms_page_table_labels_the_workspace_source(workspace, monkeypatch):
    _, workspace_id = workspace
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["ws"], at.query_params["lang"] = workspace_id, "en"
    at.run()
    at.switch_page("pages/platforms.py").run()
    assert not at.exception, at.exception
    name, source, link = ui("name", "en"), ui("source", "en"), ui("source_link", "en")
    table = next(d.value for d in at.dataframe if name in d.value.columns and source in d.value.columns)
    active.activate(None)
    curated = registry.entities().set_index("id").loc[CURATED_ID]
    merged = table[table[name] == curated["name_en"]].iloc[0]
    expected = "; ".join([sources.row_labels(curated["source_title"], curated["source_url"], "en"),
                          _workspace_label(MERGED_SOURCE, "en")])
    curated_url = curated["source_url"] if isinstance(curated["source_url"], str) else ""
    assert merged[source] == expected and merged[link] == (curated_url or URL)  # the curated link, else the team's
    own = table[table[name] == "测试平台 001 / Test platform 001"].iloc[0]
    assert own[source] == _workspace_label(OWN_SOURCE, "en")


def test_the_slide_notes_list_the_workspace_sources_as_uploaded(workspace):
    from pptx import Presentation

    pptx = export_formats.export(ViewState(lang="en", overlays=("platforms", "project")), "pptx")
    notes = Presentation(io.BytesIO(pptx)).slides[0].notes_slide.notes_text_frame.text
    for source in (MERGED_SOURCE, OWN_SOURCE, PROJECT_SOURCE):
        assert _workspace_label(source, "en") in notes
    curated = _curated_row()
    for record in sources.lookup(curated["source_title"], curated["source_url"]):
        assert sources.label(record, "en") in notes
