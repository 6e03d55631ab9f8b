"""The workspace store on both backends: SQLite (the default) and PostgreSQL + PostGIS.

The PostGIS backend needs ``JJJ_TEST_DATABASE_URL`` (scripts/test.sh starts a local cluster and
sets it). Without it the PostGIS cases skip on a developer's machine and FAIL when ``CI=true``.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import secrets
import shutil
import threading
import zipfile
from pathlib import Path

import pytest
import sqlalchemy as sa

from geo.workspace import archive, entities, indicators, reading
from geo.workspace.store import Store, WorkspaceError, _tables

PLATFORMS = ("name,platform_type,county,longitude,latitude,source\n"
             "测试平台 001 / Test platform 001,innovation,蓟县,,,测试来源\n"
             "测试平台 002 / Test platform 002,manufacturing,藁城区,,,\n")
MORE = "name,platform_type,city\n测试平台 003 / Test platform 003,services,保定\n"
INDICATORS = "city,year,indicator,value\n北京,2019,gdp,100\n保定市,2020,population,900\n"


def _postgres_url() -> str:
    url = os.environ.get("JJJ_TEST_DATABASE_URL")
    if not url:
        message = "JJJ_TEST_DATABASE_URL is not set (scripts/test.sh starts a PostGIS cluster and sets it)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return url


@pytest.fixture(params=["sqlite", "postgis"])
def store(request, tmp_path):
    if request.param == "sqlite":
        s = Store(f"sqlite:///{tmp_path / 'workspaces.sqlite'}")
        yield s
        s.dispose()
        return
    schema = "test_" + secrets.token_hex(6)
    s = Store(_postgres_url(), schema=schema)
    yield s
    with s.engine.begin() as conn:
        conn.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
    s.dispose()


def _types(store, workspace_id):
    return sorted(entities(store, workspace_id)["platform_type"].dropna())


def test_create_gives_unguessable_id_and_hashed_key(store):
    workspace_id, key = store.create("测试工作区")
    other_id, _ = store.create("测试工作区")
    assert workspace_id != other_id and len(workspace_id) >= 22 and len(key) >= 32
    assert store.check_key(workspace_id, key)
    assert not store.check_key(workspace_id, key + "x")
    assert not store.check_key(workspace_id, None)
    with store.engine.connect() as conn:
        stored = conn.execute(sa.select(store.t["workspaces"])).all()
    assert all(key.encode() not in bytes(row.key_hash) for row in stored)
    assert all(key not in repr(tuple(row)) for row in stored)


def test_upload_is_a_version_and_rows_come_back_as_entities(store):
    workspace_id, key = store.create("ws")
    result, version = store.upload(workspace_id, key, "platforms", "p.csv", PLATFORMS.encode(), uploader="测试者")
    assert version is not None and len(result.rows) == 2
    table = entities(store, workspace_id)
    assert list(table["county_code"]) == ["120119", "130109"]
    assert list(table["precision"]) == ["county_centroid", "county_centroid"]
    assert list(table["source_title"]) == ["测试来源", "用户上传：p.csv"]
    assert set(table["workspace"]) == {"ws"}
    assert not any(workspace_id[:6] in entity_id for entity_id in table["id"])  # the id is the view secret
    (v,) = store.versions(workspace_id)
    assert v["file_name"] == "p.csv" and v["rows_accepted"] == 2 and v["uploader"] == "测试者"
    assert len(v["sha256"]) == 64


def test_wrong_key_and_unknown_workspace_are_refused_and_change_nothing(store):
    workspace_id, key = store.create("ws")
    with pytest.raises(WorkspaceError) as err:
        store.upload(workspace_id, "not-the-key", "platforms", "p.csv", PLATFORMS.encode())
    assert err.value.code == "ws_wrong_key"
    with pytest.raises(WorkspaceError) as err:
        store.upload("no-such-id", key, "platforms", "p.csv", PLATFORMS.encode())
    assert err.value.code == "ws_not_found"
    with pytest.raises(WorkspaceError):
        store.revert(workspace_id, 1, None)
    assert store.versions(workspace_id) == []


def test_rejected_upload_changes_nothing(store):
    workspace_id, key = store.create("ws")
    store.upload(workspace_id, key, "platforms", "p.csv", PLATFORMS.encode())
    before = store.versions(workspace_id)
    result, version = store.upload(workspace_id, key, "platforms", "bad.csv", b"\x00\x01\x02binary")
    assert version is None and result.rejected
    result, version = store.upload(workspace_id, key, "platforms", "bad.csv", b"name,county\nX,Atlantis\n")
    assert version is None and not result.rows and result.problems
    assert store.versions(workspace_id) == before


def test_failing_insert_rolls_back_the_whole_version(store, monkeypatch):
    workspace_id, key = store.create("ws")

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")
    monkeypatch.setattr(store, "_insert_rows", broken)
    with pytest.raises(RuntimeError):
        store.upload(workspace_id, key, "platforms", "p.csv", PLATFORMS.encode())
    assert store.versions(workspace_id) == []
    with store.engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(store.t["rows"])).scalar() == 0


def test_two_concurrent_uploads_both_keep_their_versions(store):
    workspace_id, key = store.create("ws")
    barrier, errors = threading.Barrier(4), []

    def upload(i):
        try:
            barrier.wait()
            body = f"name,platform_type,city\n测试平台 {i:03d} / Test platform {i:03d},services,天津\n"
            store.upload(workspace_id, key, "platforms", f"{i}.csv", body.encode())
        except Exception as err:  # noqa: BLE001 - reported below
            errors.append(err)
    threads = [threading.Thread(target=upload, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    versions = store.versions(workspace_id)
    assert len(versions) == 4 and all(v["live"] for v in versions)
    assert len(entities(store, workspace_id)) == 4


def test_replace_revert_delete_and_undo(store):
    workspace_id, key = store.create("ws")
    _, first = store.upload(workspace_id, key, "platforms", "p.csv", PLATFORMS.encode())
    _, second = store.upload(workspace_id, key, "platforms", "more.csv", MORE.encode())
    assert _types(store, workspace_id) == ["innovation", "manufacturing", "services"]
    store.upload(workspace_id, key, "platforms", "more.csv", MORE.encode(), replace=True)
    assert _types(store, workspace_id) == ["services"]
    store.revert(workspace_id, second, key)
    assert _types(store, workspace_id) == ["innovation", "manufacturing", "services"]
    store.revert(workspace_id, first, key)
    assert _types(store, workspace_id) == ["innovation", "manufacturing"]
    with pytest.raises(WorkspaceError):
        store.delete(workspace_id, key)  # not confirmed
    deleted = store.delete(workspace_id, key, confirm=True)
    assert entities(store, workspace_id).empty
    parent = next(v for v in store.versions(workspace_id) if v["id"] == deleted)["parent"]
    store.revert(workspace_id, parent, key)
    assert _types(store, workspace_id) == ["innovation", "manufacturing"]
    actions = [v["action"] for v in store.versions(workspace_id)]
    assert actions == ["upload", "upload", "replace", "revert", "revert", "delete", "revert"]


def test_store_survives_reopening(store):
    workspace_id, key = store.create("ws")
    store.upload(workspace_id, key, "platforms", "p.csv", PLATFORMS.encode())
    reopened = Store(store.url.render_as_string(hide_password=False), schema=store.metadata.schema)
    assert len(entities(reopened, workspace_id)) == 2
    assert reopened.check_key(workspace_id, key)
    reopened.dispose()


def test_indicators_have_the_columns_of_the_shipped_table(store):
    workspace_id, key = store.create("年鉴")
    store.upload(workspace_id, key, "indicators", "i.csv", INDICATORS.encode())
    table = indicators(store, workspace_id)
    shipped = open("data/indicators.csv", encoding="utf-8").readline().strip().split(",")
    assert list(table.columns)[:len(shipped)] == shipped
    assert list(table["area_code"]) == ["110100", "130600"]
    assert set(table["edition"]) == {"user_upload"} and set(table["workspace"]) == {"年鉴"}


def test_zip_round_trip_keeps_history_and_rows(store):
    workspace_id, key = store.create("导出测试")
    store.upload(workspace_id, key, "platforms", "p.csv", PLATFORMS.encode())
    store.upload(workspace_id, key, "indicators", "i.csv", INDICATORS.encode())
    store.upload(workspace_id, key, "platforms", "more.csv", MORE.encode(), replace=True)
    data = archive.export_zip(store, workspace_id)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        manifest = json.loads(z.read("manifest.json"))
        assert sorted(z.namelist()) == ["indicator.csv", "manifest.json", "platform.csv", "uploads/1-p.csv",
                                        "uploads/2-i.csv", "uploads/3-more.csv"]
    assert [v["action"] for v in manifest["versions"]] == ["upload", "upload", "replace"]
    new_id, new_key = archive.import_zip(store, data)
    assert new_id != workspace_id and store.check_key(new_id, new_key)
    assert _types(store, new_id) == _types(store, workspace_id) == ["services"]
    assert len(indicators(store, new_id)) == 2
    first = store.versions(new_id)[0]["id"]
    store.revert(new_id, first, new_key)
    assert _types(store, new_id) == ["innovation", "manufacturing"]


@pytest.mark.parametrize("store", ["postgis"], indirect=True)
def test_postgis_geometry_is_a_point_in_4326(store):
    assert store.postgis
    workspace_id, key = store.create("ws")
    store.upload(workspace_id, key, "platforms", "p.csv", PLATFORMS.encode())
    rows = store.t["rows"]
    with store.engine.connect() as conn:
        found = conn.execute(sa.select(sa.func.ST_SRID(rows.c.geom), sa.func.ST_X(rows.c.geom), rows.c.lon)).all()
    assert [(srid, round(x, 9)) for srid, x, _ in found] == [(4326, round(lon, 9)) for _, _, lon in found]


def test_tampered_archive_is_refused_without_echoing_its_text(store):
    workspace_id, key = store.create("ws")
    store.upload(workspace_id, key, "platforms", "p.csv", PLATFORMS.encode())
    data = archive.export_zip(store, workspace_id)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        manifest, rows = json.loads(z.read("manifest.json")), z.read("platform.csv").decode()

    def rebuilt(csv_text: str, fix_hash: bool = True) -> bytes:
        body = csv_text.encode()
        if fix_hash:
            manifest["files"]["platform.csv"] = hashlib.sha256(body).hexdigest()
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as z:
            z.writestr("manifest.json", json.dumps(manifest))
            z.writestr("platform.csv", body)
        return out.getvalue()
    evil = "[Log in](http://evil.example)"
    cases = {
        "hash": rebuilt(rows.replace("测试来源", "改过"), fix_hash=False),
        "type": rebuilt(rows.replace("innovation", evil)),
        "column": rebuilt(rows.replace("name_zh", evil, 1)),
        "place": rebuilt(rows.replace("120119", "130109", 1)),
    }
    for name, bad in cases.items():
        with pytest.raises(archive.ArchiveError) as err:
            archive.import_zip(store, bad)
        assert evil not in err.value.problem.describe("en"), name
    assert _workspace_names(store) == ["ws"]


def _workspace_names(store):
    with store.engine.connect() as conn:
        return [r.name for r in conn.execute(sa.select(store.t["workspaces"].c.name))]


def test_ids_and_keys_never_start_with_a_dash(monkeypatch):
    # token_urlsafe starts with "-" one time in 64; the command line would read such an id as an option.
    from geo.workspace import store as store_module

    tokens = iter(["-looks-like-an-option", "fine_token"])
    monkeypatch.setattr(store_module.secrets, "token_urlsafe", lambda n: next(tokens))
    assert store_module._token(16) == "fine_token"


# ---------------------------------------------------------------- upload files in the store and the zip


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {name: z.read(name) for name in z.namelist()}


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, body in members.items():
            z.writestr(name, body)
    return out.getvalue()


def test_upload_files_are_kept_exported_with_their_hashes_and_restored(store):
    workspace_id, key = store.create("文件")
    _, first = store.upload(workspace_id, key, "platforms", "p.csv", PLATFORMS.encode())
    _, second = store.upload(workspace_id, key, "indicators", "i.csv", INDICATORS.encode())
    assert store.upload_file(workspace_id, first) == PLATFORMS.encode()
    revert = store.revert(workspace_id, first, key)
    assert store.upload_file(workspace_id, revert) is None  # only uploads have a file
    members = _members(archive.export_zip(store, workspace_id))
    manifest = json.loads(members["manifest.json"])
    assert members[f"uploads/{first}-p.csv"] == PLATFORMS.encode()
    assert members[f"uploads/{second}-i.csv"] == INDICATORS.encode()
    assert manifest["uploads"][f"uploads/{first}-p.csv"] == {
        "version": first, "sha256": hashlib.sha256(PLATFORMS.encode()).hexdigest(), "size": len(PLATFORMS.encode())}
    new_id, _ = archive.import_zip(store, archive.export_zip(store, workspace_id))
    restored = {v["file_name"]: store.upload_file(new_id, v["id"]) for v in store.versions(new_id)}
    assert restored == {"p.csv": PLATFORMS.encode(), "i.csv": INDICATORS.encode(), None: None}


def test_hostile_file_names_become_safe_member_names(store):
    workspace_id, key = store.create("名字")
    names = ["../../etc/pass\x01wd.csv", "..\\..\\evil.csv", "\u202e测试 名单 (1).csv", "\x00.csv"]
    for name in names:
        store.upload(workspace_id, key, "platforms", name, PLATFORMS.encode())
    members = [n for n in _members(archive.export_zip(store, workspace_id)) if n.startswith("uploads/")]
    assert members == ["uploads/1-passwd.csv", "uploads/2-evil.csv", "uploads/3-测试_名单_1_.csv", "uploads/4-csv"]
    new_id, _ = archive.import_zip(store, archive.export_zip(store, workspace_id))
    assert [v["file_name"] for v in store.versions(new_id)] == [  # as sent, without control characters
        "../../etc/passwd.csv", "..\\..\\evil.csv", "测试 名单 (1).csv", ".csv"]


def test_upload_file_whose_hash_differs_from_the_manifest_imports_nothing(store):
    workspace_id, key = store.create("ws")
    _, first = store.upload(workspace_id, key, "platforms", "p.csv", PLATFORMS.encode())
    members = _members(archive.export_zip(store, workspace_id))
    members[f"uploads/{first}-p.csv"] = PLATFORMS.replace("测试来源", "改过").encode()
    with pytest.raises(archive.ArchiveError) as err:
        archive.import_zip(store, _zip(members))
    assert err.value.problem.code == "archive_mismatch"
    assert err.value.problem.describe("en") == f"The checksum of uploads/{first}-p.csv differs from the manifest"
    manifest = json.loads(members["manifest.json"])  # a matching manifest entry, but not the version's own hash
    manifest["uploads"][f"uploads/{first}-p.csv"]["sha256"] = hashlib.sha256(members[f"uploads/{first}-p.csv"]) \
        .hexdigest()
    members["manifest.json"] = json.dumps(manifest).encode()
    with pytest.raises(archive.ArchiveError) as err:
        archive.import_zip(store, _zip(members))
    assert err.value.problem.code == "archive_mismatch"
    assert _workspace_names(store) == ["ws"]


@pytest.mark.parametrize("member", ["../p.csv", "uploads/../../p.csv", "uploads/1-../../p.csv", "/etc/p.csv",
                                    "uploads/1-p.csv/../../x", "uploads\\..\\p.csv", "uploads/9-p.csv"])
def test_zip_with_path_traversal_names_imports_nothing(store, member):
    workspace_id, key = store.create("ws")
    _, first = store.upload(workspace_id, key, "platforms", "p.csv", PLATFORMS.encode())
    members = _members(archive.export_zip(store, workspace_id))
    body = members.pop(f"uploads/{first}-p.csv")
    manifest = json.loads(members["manifest.json"])
    manifest["uploads"] = {member: {"version": first, "sha256": hashlib.sha256(body).hexdigest(), "size": len(body)}}
    members["manifest.json"], members[member] = json.dumps(manifest).encode(), body
    with pytest.raises(archive.ArchiveError) as err:
        archive.import_zip(store, _zip(members))
    assert err.value.problem.code == "bad_archive"
    assert ".." not in err.value.problem.describe("en")
    assert _workspace_names(store) == ["ws"]


def test_archive_without_upload_files_still_imports(store):
    """A zip exported before files were kept (format 1: no ``uploads``) imports as before."""
    workspace_id, key = store.create("ws")
    _, first = store.upload(workspace_id, key, "platforms", "p.csv", PLATFORMS.encode())
    members = _members(archive.export_zip(store, workspace_id))
    members.pop(f"uploads/{first}-p.csv")
    manifest = json.loads(members["manifest.json"])
    del manifest["uploads"]
    manifest["format_version"] = 1
    members["manifest.json"] = json.dumps(manifest).encode()
    new_id, _ = archive.import_zip(store, _zip(members))
    assert len(entities(store, new_id)) == 2
    assert store.upload_file(new_id, store.versions(new_id)[0]["id"]) is None


MAIN_STORE = Path(__file__).parent / "data" / "workspace_store_main_f829d83.sqlite"
MAIN_ID, MAIN_KEY = "rKj-SVshqm4O03ewjxkBZQ", "XzXehhb1IP2BXQvg-Koq7J_tEHRSQ8tF"


def test_sqlite_store_made_by_main_opens_keeps_its_data_and_gains_files(tmp_path):
    """tests/data/workspace_store_main_f829d83.sqlite was written by main's code at commit f829d83
    (before upload files were kept): one workspace, a platform and an indicator upload."""
    path = tmp_path / "old.sqlite"
    shutil.copy(MAIN_STORE, path)
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        assert "files" not in sa.inspect(conn).get_table_names()
    engine.dispose()
    store = Store(f"sqlite:///{path}")
    try:
        _migrated_store_works(store, MAIN_ID, MAIN_KEY)
    finally:
        store.dispose()


def test_store_made_before_the_files_table_opens_and_works(store):
    """The same on either backend: a store whose ``files`` table is missing (as main's code made it)."""
    with store.engine.begin() as conn:
        store.t["files"].drop(conn)
    workspace_id, key = store.create("迁移前")
    store.save(workspace_id, reading.read("platforms", "p.csv", PLATFORMS.encode()), "p.csv",
               hashlib.sha256(PLATFORMS.encode()).hexdigest())
    store.save(workspace_id, reading.read("indicators", "i.csv", INDICATORS.encode()), "i.csv",
               hashlib.sha256(INDICATORS.encode()).hexdigest())
    reopened = Store(store.url.render_as_string(hide_password=False), schema=store.metadata.schema)
    try:
        _migrated_store_works(reopened, workspace_id, key, indicator_rows=2)
    finally:
        reopened.dispose()


def test_the_migration_adds_only_the_files_table(tmp_path):
    """Every other table and column is as main's code made them, so its stores need no other change."""
    shutil.copy(MAIN_STORE, tmp_path / "old.sqlite")  # opening a WAL file writes beside it
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'old.sqlite'}")
    with engine.connect() as conn:
        found = sa.inspect(conn)
        old = {t: sorted(c["name"] for c in found.get_columns(t)) for t in found.get_table_names()}
    engine.dispose()
    new = {name: sorted(c.name for c in table.columns) for name, table in _tables(sa.MetaData(), False).items()}
    assert new.pop("files") and new == old


def _migrated_store_works(store, workspace_id, key, platforms=2, indicator_rows=1):
    assert store.check_key(workspace_id, key)
    old_versions = store.versions(workspace_id)
    assert [v["action"] for v in old_versions] == ["upload", "upload"]
    assert len(entities(store, workspace_id)) == platforms
    assert len(indicators(store, workspace_id)) == indicator_rows
    assert all(store.upload_file(workspace_id, v["id"]) is None for v in old_versions)
    _, new = store.upload(workspace_id, key, "platforms", "more.csv", MORE.encode())
    assert store.upload_file(workspace_id, new) == MORE.encode()
    members = _members(archive.export_zip(store, workspace_id))
    assert [n for n in members if n.startswith("uploads/")] == [f"uploads/{new}-more.csv"]
    new_id, _ = archive.import_zip(store, archive.export_zip(store, workspace_id))
    assert len(entities(store, new_id)) == platforms + 1


# ---------------------------------------------------------------- the hostile corpus against the store


def _counts(store) -> dict[str, int]:
    with store.engine.connect() as conn:
        return {name: conn.execute(sa.select(sa.func.count()).select_from(table)).scalar()
                for name, table in store.t.items()}


def test_hostile_files_of_every_kind_change_nothing(store):
    from tests import hostile_workspace_corpus as corpus
    workspace_id, key = store.create("ws")
    before = _counts(store)
    for case in corpus.cases() + corpus.kind_cases() + corpus.row_cases():
        result, version = store.upload(workspace_id, key, case.kind, case.filename, case.data)
        assert version is None and result.rows == [] and result.problems, case.id
    assert _counts(store) == before and store.versions(workspace_id) == []


def _spreadsheet_cells_are_defused(cells) -> None:
    from geo.textsafe import FORMULA_PREFIXES
    for cell in cells:
        text = str(cell).lstrip("'").lstrip(" \u00a0\u3000")
        assert not (text.startswith(FORMULA_PREFIXES) and not str(cell).startswith("'")), repr(cell)
        assert not any(c in str(cell) for c in "\x00\x01"), repr(cell)


def test_formula_rows_of_every_kind_are_defused_in_every_exporter(store):
    """Rows whose every free-text cell is a formula once stripped are kept, and no export runs them:
    the zip's CSVs (and their round trip), the view's CSV and XLSX (no cell of type 'f')."""
    import csv

    import openpyxl

    from geo import exports, filters
    from geo.filters import ViewState
    from geo.workspace import active
    from tests import hostile_workspace_corpus as corpus
    workspace_id, key = store.create("公式")
    for kind, name, data in corpus.formula_files():
        result, version = store.upload(workspace_id, key, kind, name, data)
        assert version is not None and result.problems == [], (kind, [p.describe("en") for p in result.problems])
    members = _members(archive.export_zip(store, workspace_id))
    csv_cells = [cell for name, body in members.items() if name.endswith(".csv") and "/" not in name
                 for row in csv.reader(io.StringIO(body.decode("utf-8"))) for cell in row]
    _spreadsheet_cells_are_defused(csv_cells)
    assert sum(cell.startswith("'") for cell in csv_cells) > 100
    new_id, _ = archive.import_zip(store, archive.export_zip(store, workspace_id))
    from geo.workspace.kinds import safe_text  # the zip drops control characters, as a spreadsheet would
    assert sorted(map(safe_text, entities(store, new_id)["name_zh"])) == \
        sorted(map(safe_text, entities(store, workspace_id)["name_zh"]))
    assert "'=1+1" in set(entities(store, new_id)["source_title"])  # an apostrophe the user typed stays one
    try:
        active.activate(active.load(store, workspace_id), "mine")
        layers = filters.visible_layers(ViewState(overlays=("platforms", "parks", "project"), source="mine"))
        assert len(layers.platforms) == len(layers.parks) == len(layers.project) == len(corpus.FORMULAS)
        book = openpyxl.load_workbook(io.BytesIO(exports.to_xlsx(layers)))
        cells = [c for sheet in book.worksheets for row in sheet.iter_rows() for c in row if c.value is not None]
        assert cells and all(c.data_type != "f" for c in cells)
        _spreadsheet_cells_are_defused(c.value for c in cells if isinstance(c.value, str))
        table = exports.to_csv(layers).decode("utf-8-sig")
        _spreadsheet_cells_are_defused(cell for row in csv.reader(io.StringIO(table)) for cell in row)
        assert "HYPERLINK" in table
    finally:
        active.activate(None)


def test_zip_with_an_oversized_or_unlisted_upload_imports_nothing(store):
    workspace_id, key = store.create("ws")
    _, first = store.upload(workspace_id, key, "platforms", "p.csv", PLATFORMS.encode())
    members = _members(archive.export_zip(store, workspace_id))
    unlisted = {**members, "uploads/1-other.csv": b"name\n"}
    oversized = {**members, f"uploads/{first}-p.csv": b"x" * (reading.Limits().max_bytes + 1)}
    for bad, code in ((unlisted, "bad_archive"), (oversized, "too_large")):
        with pytest.raises(archive.ArchiveError) as err:
            archive.import_zip(store, _zip(bad))
        assert err.value.problem.code == code
    assert _workspace_names(store) == ["ws"]
