"""A workspace's rows in the layers, the coverage report and ``python -m geo.snapshot --workspace``."""

from __future__ import annotations

import csv
import io
import subprocess
import sys

import pytest

from geo import coverage, datasets, filters, registry
from geo.filters import ViewState
from geo.workspace import Store, active
from tests.workspace_fixtures import TYPE_COUNTS, platforms_csv


@pytest.fixture
def workspace(tmp_path, monkeypatch):
    monkeypatch.setenv("JJJ_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("JJJ_DATABASE_URL", raising=False)
    store = Store()
    workspace_id, key = store.create("测试工作区")
    store.upload(workspace_id, key, "platforms", "p.csv", platforms_csv())
    yield store, workspace_id, key
    active.activate(None)


def test_layers_follow_the_mode_and_a_new_version(workspace):
    store, workspace_id, key = workspace
    active.activate(None)
    shipped = filters.visible_layers(ViewState()).counts()["platforms"]
    active.activate(active.load(store, workspace_id), "both")
    assert filters.visible_layers(ViewState()).counts()["platforms"] == shipped + 46
    assert filters.visible_layers(ViewState(source="mine", types=("services",))).counts()["platforms"] == 8
    assert filters.visible_layers(ViewState(source="curated")).counts()["platforms"] == shipped
    store.upload(workspace_id, key, "platforms", "q.csv", platforms_csv({"agriculture": 2}, start=47))
    active.activate(active.load(store, workspace_id), "mine")  # a new version: read again, not the cached one
    assert filters.visible_layers(ViewState(source="mine")).counts()["platforms"] == 48


def test_coverage_counts_the_workspace_members(workspace):
    store, workspace_id, _ = workspace
    active.activate(active.load(store, workspace_id))
    memberships = datasets.load("platform_memberships")
    types = coverage.with_workspace(coverage.platform_type_coverage(memberships), registry.entities(), "type")
    assert dict(zip(types["platform_type"], types["workspace"])) == TYPE_COUNTS | {"unknown": 0}
    systems = coverage.with_workspace(coverage.system_coverage(memberships), registry.entities(), "system")
    assert dict(zip(systems["system"], systems["workspace"]))["jjj_2_4_46"] == 46


def _snapshot(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "geo.snapshot", *args], capture_output=True, text=True, timeout=300)


def test_snapshot_cli_includes_the_workspace_and_refuses_a_bad_id(workspace, tmp_path):
    _, workspace_id, _ = workspace
    out = tmp_path / "view.csv"
    done = _snapshot("--workspace", workspace_id, "--src", "mine", "--type", "manufacturing", "--format", "csv",
                     "--out", str(out))
    assert done.returncode == 0, done.stderr
    rows = [r for r in csv.DictReader(io.StringIO(out.read_text("utf-8-sig"))) if r["layer"] == "platforms"]
    assert len(rows) == TYPE_COUNTS["manufacturing"] and all(r["name_zh"].startswith("测试平台") for r in rows)
    bad = _snapshot("--workspace", "no-such-id", "--format", "csv", "--out", str(tmp_path / "bad.csv"))
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "no such workspace" in bad.stderr
    assert not (tmp_path / "bad.csv").exists()


def test_coverage_of_an_empty_workspace_adds_zeros(tmp_path, monkeypatch):
    monkeypatch.setenv("JJJ_DATA_DIR", str(tmp_path))
    store = Store()
    workspace_id, _ = store.create("空")
    active.activate(active.load(store, workspace_id))
    try:
        memberships = datasets.load("platform_memberships")
        types = coverage.with_workspace(coverage.platform_type_coverage(memberships), registry.entities(), "type")
        assert types["workspace"].tolist() == [0] * len(types)
    finally:
        active.activate(None)


def test_workspace_indicators_join_the_shipped_ones_unless_curated(workspace):
    from geo import uploads
    store, workspace_id, key = workspace
    # a clearly fictional test value (no city has a GDP of 123456.5 in any edition)
    table = "city,year,indicator,value\n保定市,2020,gdp,123456.5\n".encode()
    store.upload(workspace_id, key, "indicators", "i.csv", table)
    shipped = datasets.load("indicators")
    active.activate(active.load(store, workspace_id), "both")
    joined = uploads.merge_indicators(shipped, active.indicator_rows(shipped))
    assert len(joined) == len(shipped) + 1
    assert joined[joined["value"] == 123456.5][["area_code", "year", "indicator"]].values.tolist() == [
        ["130600", 2020, "gdp"]]
    active.activate(active.load(store, workspace_id), "curated")
    assert active.indicator_rows(shipped) is None
