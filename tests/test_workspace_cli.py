"""``python -m geo.workspace``: each command works end to end; a bad argument or key exits 2 with one line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests import hostile_workspace_corpus as hostile_corpus

ROOT = Path(__file__).resolve().parents[1]
PLATFORMS = "name,platform_type,county\n测试平台 001 / Test platform 001,innovation,蓟县\n"


def _cli(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "JJJ_DATA_DIR": str(tmp_path / "data")}
    env.pop("JJJ_DATABASE_URL", None)
    return subprocess.run([sys.executable, "-m", "geo.workspace", *map(str, args)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


@pytest.fixture
def workspace(tmp_path):
    done = _cli(tmp_path, "create", "命令行测试")
    assert done.returncode == 0, done.stderr
    lines = dict(line.split(" ", 1) for line in done.stdout.splitlines())
    return lines["id"], lines["key"]


def _one_line_error(done: subprocess.CompletedProcess) -> str:
    assert done.returncode == 2, (done.stdout, done.stderr)
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and "Traceback" not in done.stderr
    return lines[0]


def test_create_import_versions_revert_export_and_import_zip(tmp_path, workspace):
    workspace_id, key = workspace
    (tmp_path / "p.csv").write_text(PLATFORMS, encoding="utf-8")
    (tmp_path / "q.csv").write_text(PLATFORMS.replace("001", "002"), encoding="utf-8")
    assert _cli(tmp_path, "import", workspace_id, tmp_path / "p.csv", "--key", key).returncode == 0
    done = _cli(tmp_path, "import", workspace_id, tmp_path / "q.csv", "--key", key, "--uploader", "测试者")
    assert done.returncode == 0 and "2" in done.stdout
    versions = _cli(tmp_path, "versions", workspace_id).stdout.splitlines()
    assert [line.split("\t")[:4] for line in versions] == [["1", "upload", "platform", "p.csv"],
                                                           ["2", "upload", "platform", "q.csv"]]
    assert _cli(tmp_path, "revert", workspace_id, "1", "--key", key).returncode == 0
    assert _cli(tmp_path, "versions", workspace_id).stdout.splitlines()[-1].split("\t")[1] == "revert"
    assert _cli(tmp_path, "export", workspace_id, "--out", tmp_path / "ws.zip").returncode == 0
    done = _cli(tmp_path, "import-zip", tmp_path / "ws.zip")
    assert done.returncode == 0 and done.stdout.startswith("id ")
    new_id = done.stdout.split()[1]
    assert len(_cli(tmp_path, "versions", new_id).stdout.splitlines()) == 3


@pytest.mark.parametrize("kind, suffix", [("platforms", "xlsx"), ("indicators_wide", "csv"), ("parks", "xlsx")])
def test_template(tmp_path, kind, suffix):
    out = tmp_path / f"t.{suffix}"
    assert _cli(tmp_path, "template", kind, "--out", out).returncode == 0
    assert out.stat().st_size > 0


def test_wrong_key_unknown_workspace_and_bad_arguments_exit_2(tmp_path, workspace):
    workspace_id, key = workspace
    (tmp_path / "p.csv").write_text(PLATFORMS, encoding="utf-8")
    assert "wrong key" in _one_line_error(_cli(tmp_path, "import", workspace_id, tmp_path / "p.csv", "--key", "x"))
    _one_line_error(_cli(tmp_path, "revert", workspace_id, "1", "--key", key + "x"))
    _one_line_error(_cli(tmp_path, "versions", "no-such-workspace"))
    _one_line_error(_cli(tmp_path, "revert", workspace_id, "99", "--key", key))
    _one_line_error(_cli(tmp_path, "revert", workspace_id, "one", "--key", key))
    _one_line_error(_cli(tmp_path, "frobnicate"))
    _one_line_error(_cli(tmp_path, "template", "rockets", "--out", tmp_path / "t.csv"))
    _one_line_error(_cli(tmp_path, "template", "platforms", "--out", tmp_path))  # a directory
    _one_line_error(_cli(tmp_path, "template", "platforms", "--out", tmp_path / "missing" / "t.csv"))
    _one_line_error(_cli(tmp_path, "import", workspace_id, tmp_path / "missing.csv", "--key", key))
    _one_line_error(_cli(tmp_path, "create", ""))
    assert _cli(tmp_path, "versions", workspace_id).stdout == ""


def test_refused_file_and_hostile_zip_exit_2(tmp_path, workspace):
    workspace_id, key = workspace
    (tmp_path / "deep.geojson").write_bytes(hostile_corpus.cases()[1].data)
    done = _cli(tmp_path, "import", workspace_id, tmp_path / "deep.geojson", "--key", key)
    assert done.returncode == 2 and "nested deeper than" in done.stderr
    (tmp_path / "bomb.zip").write_bytes(hostile_corpus._many_members(50))
    assert "archive" in _one_line_error(_cli(tmp_path, "import-zip", tmp_path / "bomb.zip"))
    assert _cli(tmp_path, "versions", workspace_id).stdout == ""
