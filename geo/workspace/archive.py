"""A whole workspace as one zip: a CSV per kind (every row of every version) and ``manifest.json``
(the versions with their states, the file hashes). Importing checks the archive's size and member
count before reading, the hashes, and every row again (codes, vocabulary ids, points in their
county), then restores the history as a new workspace in one transaction.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import zipfile

from geo.uploads import UploadProblem, _Rejected
from geo.vocab import EDITIONS, INDICATORS, MODES, PLATFORM_SYSTEMS, PLATFORM_TYPES
from geo.workspace import places, reading
from geo.workspace.kinds import FORMULA_PREFIXES, STORED_KINDS, safe_text
from geo.workspace.store import Store, WorkspaceError

FORMAT = "jjj-atlas-workspace"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
ARCHIVE_LIMITS = reading.Limits(max_zip_members=len(STORED_KINDS) + 1, max_unzipped_bytes=200 * 2**20,
                                max_bytes=100 * 2**20)
_VERSION_FIELDS = ("id", "action", "kind", "file_name", "sha256", "rows_accepted", "created", "uploader",
                   "parent", "state", "reverted", "deleted")
_BASE = ["version_id", "line", "lon", "lat"]


def export_zip(store: Store, workspace_id: str) -> bytes:
    """The workspace as zip bytes (text guarded against formulas as written)."""
    info = store.workspace(workspace_id)
    if info is None:
        raise WorkspaceError("ws_not_found")
    versions = store.versions(workspace_id)
    rows = store.all_rows(workspace_id)
    files = {}
    for kind in STORED_KINDS:
        of_kind = [r for r in rows if r["kind"] == kind]
        if of_kind:
            files[f"{kind}.csv"] = _csv(of_kind)
    manifest = {
        "format": FORMAT, "format_version": FORMAT_VERSION, "exported": dt.datetime.now(dt.timezone.utc).isoformat(),
        "workspace": {"name": info["name"], "created": _iso(info["created"])},
        "versions": [{k: _iso(v[k]) for k in _VERSION_FIELDS} for v in versions],
        "files": {name: hashlib.sha256(data).hexdigest() for name, data in files.items()},
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
        for name, data in files.items():
            archive.writestr(name, data)
    return out.getvalue()


def _iso(value):
    return value.isoformat() if isinstance(value, dt.datetime) else value


def _csv(rows: list[dict]) -> bytes:
    keys = sorted({k for r in rows for k in r} - set(_BASE) - {"kind"})
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(_BASE + keys)
    for row in rows:
        writer.writerow([_cell(row.get(k)) for k in _BASE + keys])
    return out.getvalue().encode("utf-8")


def _cell(value) -> str:
    if value is None:
        return ""
    return safe_text(value) if isinstance(value, str) else repr(value) if isinstance(value, float) else str(value)


def _unguard(text: str) -> str:
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_PREFIXES) else text


# ---------------------------------------------------------------- import


def import_zip(store: Store, data: bytes) -> tuple[str, str]:
    """A new workspace from an exported zip; returns (id, edit key). Raises ``ArchiveError``."""
    try:
        archive = reading.check_zip(bytes(data), ARCHIVE_LIMITS)
        manifest = _manifest(archive)
        rows_by_version = _rows(archive, manifest)
    except _Rejected as rejected:
        raise ArchiveError(rejected.problem) from None
    versions = manifest["versions"]
    name = str(manifest.get("workspace", {}).get("name") or "imported")[:200]
    return store.restore(name, versions, rows_by_version)


class ArchiveError(Exception):
    """A refused archive; ``problem`` says why (``UploadProblem.describe(lang)``)."""

    def __init__(self, problem: UploadProblem):
        super().__init__(problem.code)
        self.problem = problem


def _read_member(archive: zipfile.ZipFile, name: str) -> bytes:
    info = archive.getinfo(name)
    with archive.open(info) as handle:  # read no more than declared, whatever the stream says
        data = handle.read(info.file_size + 1)
    if len(data) > info.file_size:
        raise _Rejected("bad_archive", error=f"{name} is larger than declared")
    return data


def _manifest(archive: zipfile.ZipFile) -> dict:
    names = set(archive.namelist())
    allowed = {MANIFEST} | {f"{k}.csv" for k in STORED_KINDS}
    if MANIFEST not in names or names - allowed:
        raise _Rejected("bad_archive", error="unexpected members" if MANIFEST in names else "no manifest.json")
    text = _read_member(archive, MANIFEST).decode("utf-8", errors="replace")
    if not reading.json_depth_ok(text, 8):
        raise _Rejected("too_deep", limit=8)
    try:
        manifest = json.loads(text)
    except json.JSONDecodeError as err:
        raise _Rejected("bad_archive", error=f"manifest.json: {err.msg}") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT or \
            not isinstance(manifest.get("versions"), list) or not isinstance(manifest.get("files"), dict):
        raise _Rejected("bad_archive", error="manifest.json is not a workspace manifest")
    for version in manifest["versions"]:
        if not isinstance(version, dict) or not isinstance(version.get("id"), int) or \
                version.get("action") not in ("upload", "replace", "revert", "delete", "import") or \
                not isinstance(version.get("state"), list) or \
                version.get("kind") not in (None, *STORED_KINDS):
            raise _Rejected("bad_archive", error="a version in manifest.json is malformed")
    for name in names - {MANIFEST}:
        if name not in manifest["files"]:
            raise _Rejected("bad_archive", error=f"{name} is not in the manifest")
    return manifest


def _rows(archive: zipfile.ZipFile, manifest: dict) -> dict[int, list[dict]]:
    kinds = {v["id"]: v.get("kind") for v in manifest["versions"]}
    out: dict[int, list[dict]] = {}
    for name, digest in manifest["files"].items():
        data = _read_member(archive, name) if name in archive.namelist() else None
        if data is None or hashlib.sha256(data).hexdigest() != digest:
            raise _Rejected("archive_mismatch", file=name)
        kind = name.removesuffix(".csv")
        for number, record in enumerate(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")), start=2):
            row = _checked_row(kind, {k: _unguard(v) for k, v in record.items() if k is not None}, name, number)
            version = int(row.pop("version_id"))
            if kinds.get(version) != kind:
                raise _Rejected("bad_archive", error=f"{name} line {number}: version {version} is not a {kind} upload")
            out.setdefault(version, []).append(row)
    return out


_KNOWN_COLUMNS = set(_BASE) | {
    "name_zh", "name_en", "aliases", "year", "source_title", "source_url", "notes", "industries", "systems",
    "platform_type", "tier", "area_km2", "origin_name", "origin_code", "modes", "investment", "province_code",
    "city_code", "county_code", "precision", "area_code", "indicator", "value", "unit", "edition"}


def _checked_row(kind: str, record: dict, name: str, number: int) -> dict:
    """One archived row, checked as an upload's row would be; numbers and codes back to their types."""
    def fail(problem: str):
        raise _Rejected("bad_archive", error=f"{name} line {number}: {problem}")
    if not set(record) <= _KNOWN_COLUMNS:
        fail("unexpected column")
    try:
        row = {k: (v if v != "" else None) for k, v in record.items()}
        row["version_id"] = int(row["version_id"])
        row["line"] = int(row["line"]) if row.get("line") else None
        for key in ("lon", "lat", "value", "area_km2", "investment"):
            if row.get(key) is not None:
                row[key] = float(row[key])
        if row.get("year") is not None:
            row["year"] = int(float(row["year"]))
    except (ValueError, KeyError) as err:
        fail(f"not a number ({type(err).__name__})")
    for key, value in row.items():
        if isinstance(value, str) and len(value) > reading.Limits().max_cell_chars:
            fail(f"{key} is too long")
    if kind == "indicator":
        if row.get("indicator") not in INDICATORS or row.get("edition") not in EDITIONS or row.get("value") is None:
            fail("unknown indicator or edition")
        return row
    for key, vocabulary in (("systems", PLATFORM_SYSTEMS), ("platform_type", PLATFORM_TYPES), ("modes", MODES)):
        if row.get(key) and not set(str(row[key]).split(";")) <= set(vocabulary):
            fail(f"unknown {key}")  # the value is not echoed: messages are shown as Markdown
    try:
        where = places.place("", row.get("city_code") or "", row.get("county_code") or "", row.get("lon"),
                             row.get("lat"), row.get("precision") if row.get("precision") in
                             ("exact", "approximate") else None)
    except places.PlaceError as err:
        fail(err.code)
    if where.province_code != row.get("province_code"):
        fail("province does not match the city")
    return row
