"""A whole workspace as one zip: a CSV per kind (every row of every version), each upload's own file
under ``uploads/<version>-<safe file name>`` and ``manifest.json`` (the versions with their states, the
hashes of the CSVs and of the upload files). Importing checks the archive's size and member count before
reading, that every member is one the manifest names (an upload's member name is rebuilt from its
version, so ``../`` or any other name is refused), the hashes, and every row again (codes, vocabulary
ids, points in their county), then restores the history and the files as a new workspace in one
transaction. Nothing is written anywhere but the store.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import re
import unicodedata
import zipfile

from geo.uploads import UploadProblem, _Rejected
from geo.vocab import EDITIONS, INDICATORS, MODES, PLATFORM_SYSTEMS, PLATFORM_TYPES
from geo.workspace import places, reading
from geo.workspace.kinds import STORED_KINDS, safe_text, unguarded
from geo.workspace.store import Store, WorkspaceError

FORMAT = "jjj-atlas-workspace"
FORMAT_VERSION = 2  # 2: the upload files under uploads/ (version 1 archives still import)
MANIFEST = "manifest.json"
UPLOADS = "uploads/"
MAX_ARCHIVED_UPLOADS = 2_000
ARCHIVE_LIMITS = reading.Limits(max_zip_members=len(STORED_KINDS) + 1 + MAX_ARCHIVED_UPLOADS,
                                max_unzipped_bytes=300 * 2**20, max_bytes=300 * 2**20)
_UNSAFE_NAME = re.compile(r"[^\w.\-]+")
MAX_SAFE_NAME = 100
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
    names = {v["id"]: v["file_name"] for v in versions}
    uploaded = {upload_member(vid, names.get(vid)): (vid, data)
                for vid, data in store.upload_files(workspace_id).items()}
    manifest = {
        "format": FORMAT, "format_version": FORMAT_VERSION, "exported": dt.datetime.now(dt.timezone.utc).isoformat(),
        "workspace": {"name": info["name"], "created": _iso(info["created"])},
        "versions": [{k: _iso(v[k]) for k in _VERSION_FIELDS} for v in versions],
        "files": {name: hashlib.sha256(data).hexdigest() for name, data in files.items()},
        "uploads": {name: {"version": vid, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
                    for name, (vid, data) in uploaded.items()},
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
        for name, data in files.items():
            archive.writestr(name, data)
        for name, (_, data) in uploaded.items():
            archive.writestr(name, data)
    return out.getvalue()


def safe_file_name(name: str | None) -> str:
    """A file name that is only a name: the last path part, no control or format characters, letters
    (any script), digits, ``.``, ``-`` and ``_`` only, no leading dot, at most ``MAX_SAFE_NAME`` characters."""
    text = unicodedata.normalize("NFC", str(name or ""))
    text = "".join(c for c in text if not unicodedata.category(c).startswith("C"))
    text = re.split(r"[/\\]", text)[-1]
    text = _UNSAFE_NAME.sub("_", text).lstrip("._")
    if len(text) > MAX_SAFE_NAME:  # keep the extension: it says how the file is read
        stem, dot, extension = text.rpartition(".")
        extension = extension[:10] if dot else ""
        text = stem[:MAX_SAFE_NAME - len(extension) - 1] + "." + extension if extension else text[:MAX_SAFE_NAME]
    return text or "file"


def upload_member(version_id: int, file_name: str | None) -> str:
    """The zip member of an upload version's file: ``uploads/<version>-<safe file name>``."""
    return f"{UPLOADS}{int(version_id)}-{safe_file_name(file_name)}"


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




# ---------------------------------------------------------------- import


def import_zip(store: Store, data: bytes) -> tuple[str, str]:
    """A new workspace from an exported zip; returns (id, edit key). Raises ``ArchiveError``."""
    try:
        archive = reading.check_zip(bytes(data), ARCHIVE_LIMITS)
        manifest = _manifest(archive)
        rows_by_version = _rows(archive, manifest)
        files_by_version = _uploads(archive, manifest)
    except _Rejected as rejected:
        raise ArchiveError(rejected.problem) from None
    versions = manifest["versions"]
    name = str(manifest.get("workspace", {}).get("name") or "imported")[:200]
    return store.restore(name, versions, rows_by_version, files_by_version)


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
    if len(names) != len(archive.namelist()):
        raise _Rejected("bad_archive", error="a member name is repeated")
    allowed = {MANIFEST} | {f"{k}.csv" for k in STORED_KINDS}
    if MANIFEST not in names or {n for n in names - allowed if not _upload_like(n)}:
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
    uploads = manifest.setdefault("uploads", {})
    if not isinstance(uploads, dict) or not set(manifest["files"]) <= allowed - {MANIFEST}:
        raise _Rejected("bad_archive", error="manifest.json is not a workspace manifest")
    for name in names - {MANIFEST}:
        if name not in manifest["files"] and name not in uploads:
            raise _Rejected("bad_archive", error="a member is not in the manifest")
    return manifest


def _upload_like(name: str) -> bool:
    """Whether a member name could be an upload's (checked exactly against its version later)."""
    rest = name.removeprefix(UPLOADS)
    return rest != name and "/" not in rest and "\\" not in rest and safe_file_name(rest) == rest


def _uploads(archive: zipfile.ZipFile, manifest: dict) -> dict[int, bytes]:
    """The upload files by (archived) version id, each under the name its version gives, of the
    declared size (within the upload cap) and hash, which is also the version's own file hash."""
    versions = {v["id"]: v for v in manifest["versions"]}
    names = set(archive.namelist())
    cap = reading.Limits().max_bytes
    out: dict[int, bytes] = {}
    for name, entry in manifest["uploads"].items():
        if not isinstance(entry, dict) or not isinstance(entry.get("version"), int) or \
                entry["version"] not in versions or entry["version"] in out:
            raise _Rejected("bad_archive", error="an upload in manifest.json is malformed")
        version = versions[entry["version"]]
        expected = upload_member(version["id"], version.get("file_name"))
        if version["action"] not in ("upload", "replace") or name != expected:
            raise _Rejected("bad_archive", error=f"upload {entry['version']} has an unexpected name or version")
        if name not in names:
            raise _Rejected("archive_mismatch", file=name)
        if archive.getinfo(name).file_size > cap:
            raise _Rejected("too_large", size_mb=f"{archive.getinfo(name).file_size / 2**20:.1f}",
                            limit_mb=cap // 2**20)
        data = _read_member(archive, name)
        digest = hashlib.sha256(data).hexdigest()
        if digest != entry.get("sha256") or digest != version.get("sha256"):
            raise _Rejected("archive_mismatch", file=name)
        out[version["id"]] = data
    return out


def _rows(archive: zipfile.ZipFile, manifest: dict) -> dict[int, list[dict]]:
    kinds = {v["id"]: v.get("kind") for v in manifest["versions"]}
    out: dict[int, list[dict]] = {}
    for name, digest in manifest["files"].items():
        data = _read_member(archive, name) if name in archive.namelist() else None
        if data is None or hashlib.sha256(data).hexdigest() != digest:
            raise _Rejected("archive_mismatch", file=name)
        kind = name.removesuffix(".csv")
        for number, record in enumerate(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")), start=2):
            row = _checked_row(kind, {k: unguarded(v) for k, v in record.items() if k is not None}, name, number)
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
