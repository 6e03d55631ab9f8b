"""The workspace store: SQLite (one file, the default) or PostgreSQL + PostGIS, same behaviour.

SQLAlchemy Core, four tables: ``workspaces`` (unguessable id, name, the edit key scrypt-hashed with
a salt), ``versions`` (one per upload, revert, delete or import: file name, SHA-256, rows kept, time,
uploader, parent, and ``state``, the ids of the upload versions whose rows are live after it),
``rows`` (one per accepted row: kind, JSON properties, lon/lat, and a PostGIS point on PostgreSQL),
and ``files`` (the uploaded file of each upload version, as sent, within the upload size cap).

Opening a store creates what is missing: a store made before ``files`` existed gains the table and
keeps its data; its earlier versions simply have no file (``upload_file`` returns None for them).

Every change is one transaction that first locks the workspace (``SELECT … FOR UPDATE`` on
PostgreSQL, ``BEGIN IMMEDIATE`` on SQLite), so two uploads at once both land as versions, each
building on the other's state. A file is read and checked before the transaction starts; a refused
or failing upload changes nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import os
import secrets
import unicodedata
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy import event

from geo.workspace import reading

DATA_DIR_ENV = "JJJ_DATA_DIR"
DATABASE_URL_ENV = "JJJ_DATABASE_URL"
DEFAULT_DATA_DIR = Path("~/.local/share/jjj-atlas").expanduser()
SQLITE_FILE = "workspaces.sqlite"
MAX_NAME = 200
_SCRYPT = {"n": 2**14, "r": 8, "p": 1, "dklen": 32}


class WorkspaceError(Exception):
    """A refused request; ``code`` is a key of ``geo.vocab.UI`` (``ws_not_found``, ``ws_wrong_key``, …)."""

    def __init__(self, code: str, **params):
        super().__init__(code)
        self.code, self.params = code, params

    def message(self, lang: str = "en") -> str:
        from geo.vocab import UI
        return UI[self.code](lang).format(**self.params) if self.code in UI else self.code


def data_dir() -> Path:
    """Where the embedded store lives: ``$JJJ_DATA_DIR``, else ``~/.local/share/jjj-atlas``."""
    return Path(os.environ.get(DATA_DIR_ENV) or DEFAULT_DATA_DIR).expanduser()


def default_url() -> str:
    """``$JJJ_DATABASE_URL`` when set, else the SQLite file in ``data_dir()``."""
    url = os.environ.get(DATABASE_URL_ENV)
    if url:
        return url
    folder = data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / SQLITE_FILE}"


def _token(nbytes: int) -> str:
    """An unguessable URL-safe token that never starts with "-" (a command line would read it as an option)."""
    while (token := secrets.token_urlsafe(nbytes)).startswith("-"):
        pass
    return token


def printable(text: str | None) -> str:
    """``text`` without control, format or lone surrogate characters: a name as the history shows it
    (PostgreSQL refuses NUL in text, UTF-8 cannot encode a lone surrogate, U+202E reverses what follows)."""
    return "".join(c for c in str(text or "") if not unicodedata.category(c).startswith("C"))


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


def _hash_key(key: str, salt: bytes) -> bytes:
    return hashlib.scrypt(key.encode("utf-8"), salt=salt, **_SCRYPT)


def _tables(metadata: sa.MetaData, postgis: bool) -> dict[str, sa.Table]:
    workspaces = sa.Table(
        "workspaces", metadata,
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("name", sa.String(MAX_NAME), nullable=False),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.Column("key_salt", sa.LargeBinary(32), nullable=False),
        sa.Column("key_hash", sa.LargeBinary(64), nullable=False))
    versions = sa.Table(
        "versions", metadata,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("workspace_id", sa.String(64), sa.ForeignKey(workspaces.c.id), nullable=False, index=True),
        sa.Column("action", sa.String(16), nullable=False),  # upload / replace / revert / delete / import
        sa.Column("kind", sa.String(16)),
        sa.Column("file_name", sa.String(255)),
        sa.Column("sha256", sa.String(64)),
        sa.Column("rows_accepted", sa.Integer, nullable=False, default=0),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.Column("uploader", sa.String(MAX_NAME)),
        sa.Column("parent", sa.Integer),
        sa.Column("state", sa.Text, nullable=False),  # JSON list of live upload-version ids
        sa.Column("reverted", sa.Boolean, nullable=False, default=False),
        sa.Column("deleted", sa.Boolean, nullable=False, default=False))
    columns = [
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("workspace_id", sa.String(64), sa.ForeignKey(workspaces.c.id), nullable=False),
        sa.Column("version_id", sa.Integer, sa.ForeignKey(versions.c.id), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("line", sa.Integer),
        sa.Column("properties", sa.JSON, nullable=False),
        sa.Column("lon", sa.Float),
        sa.Column("lat", sa.Float)]
    if postgis:
        from geoalchemy2 import Geometry
        columns.append(sa.Column("geom", Geometry("POINT", srid=4326, spatial_index=True)))
    rows = sa.Table("rows", metadata, *columns, sa.Index(None, "workspace_id", "version_id"))
    return {"workspaces": workspaces, "versions": versions, "rows": rows, "files": _files_table(metadata, versions)}


def _files_table(metadata: sa.MetaData, versions: sa.Table) -> sa.Table:
    """The uploaded files, one per upload version. A table of its own (not a column of ``versions``), so
    a store made before it existed gains it by ``create_all`` without rewriting any existing row."""
    return sa.Table(
        "files", metadata,
        sa.Column("version_id", sa.Integer, sa.ForeignKey(versions.c.id), primary_key=True),
        sa.Column("workspace_id", sa.String(64), nullable=False, index=True),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("data", sa.LargeBinary, nullable=False))


class Store:
    """One workspace database. ``Store()`` opens the default (see ``default_url``)."""

    def __init__(self, url: str | None = None, schema: str | None = None):
        url = url or default_url()
        if url.startswith("postgresql://") or url.startswith("postgres://"):
            url = "postgresql+psycopg://" + url.split("://", 1)[1]
        self.url = sa.engine.make_url(url)
        self.postgis = self.url.get_backend_name() == "postgresql"
        if self.postgis:
            self.engine = sa.create_engine(self.url, pool_pre_ping=True)
        else:
            self.engine = sa.create_engine(self.url, connect_args={"timeout": 30, "check_same_thread": False})
            _sqlite_transactions(self.engine)
        self.metadata = sa.MetaData(schema=schema)
        self.t = _tables(self.metadata, self.postgis)
        self._create(schema)

    def _create(self, schema: str | None) -> None:
        with self.engine.begin() as conn:
            if self.postgis:
                conn.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS postgis")
                if schema:
                    conn.execute(sa.schema.CreateSchema(schema, if_not_exists=True))
            self.metadata.create_all(conn)

    def dispose(self) -> None:
        self.engine.dispose()

    @contextmanager
    def _write(self, workspace_id: str):
        """A transaction holding the workspace's lock; yields the connection."""
        with self.engine.connect().execution_options(immediate=True) as conn, conn.begin():
            ws = self.t["workspaces"]
            found = conn.execute(sa.select(ws.c.id).where(ws.c.id == workspace_id).with_for_update()).first()
            if found is None:
                raise WorkspaceError("ws_not_found")
            yield conn

    # ------------------------------------------------------------ workspaces and keys

    def create(self, name: str) -> tuple[str, str]:
        """A new workspace; returns (id, edit key). The key is stored only as a salted scrypt hash."""
        name = printable(name).strip()
        if not name or len(name) > MAX_NAME:
            raise WorkspaceError("ws_bad_args", error=f"name must be 1–{MAX_NAME} characters")
        workspace_id, key, salt = _token(16), _token(24), secrets.token_bytes(16)
        with self.engine.begin() as conn:
            conn.execute(self.t["workspaces"].insert().values(
                id=workspace_id, name=name, created=_now(), key_salt=salt, key_hash=_hash_key(key, salt)))
        return workspace_id, key

    def workspace(self, workspace_id: str) -> dict | None:
        """Id, name and creation time, or None if there is no such workspace."""
        ws = self.t["workspaces"]
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(ws.c.id, ws.c.name, ws.c.created).where(ws.c.id == str(workspace_id))).first()
        return None if row is None else dict(row._mapping)

    def check_key(self, workspace_id: str, key: str | None) -> bool:
        """Whether ``key`` is the workspace's edit key (compared in constant time)."""
        ws = self.t["workspaces"]
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(ws.c.key_salt, ws.c.key_hash).where(ws.c.id == str(workspace_id))).first()
        if row is None or not key:
            return False
        return hmac.compare_digest(_hash_key(str(key), row.key_salt), row.key_hash)

    def _require_key(self, workspace_id: str, key: str | None) -> None:
        if self.workspace(workspace_id) is None:
            raise WorkspaceError("ws_not_found")
        if not self.check_key(workspace_id, key):
            raise WorkspaceError("ws_wrong_key")

    # ------------------------------------------------------------ versions

    def _latest(self, conn, workspace_id: str):
        v = self.t["versions"]
        return conn.execute(sa.select(v).where(v.c.workspace_id == workspace_id).order_by(v.c.id.desc())
                            .limit(1)).first()

    def _add_version(self, conn, workspace_id: str, state: list[int] | None, **values) -> int:
        v = self.t["versions"]
        version_id = conn.execute(v.insert().values(
            workspace_id=workspace_id, created=values.pop("created", None) or _now(),
            state=json.dumps(state or []), **values).returning(v.c.id)).scalar_one()
        return version_id

    def upload(self, workspace_id: str, key: str | None, kind_id: str, filename: str, data: bytes,
               uploader: str | None = None, source: str | None = None, replace: bool = False,
               limits: reading.Limits | None = None) -> tuple[reading.Reading, int | None]:
        """Read, check and save one file as a new version. Returns the reading and the version id
        (None when the file was refused or no row was kept: then nothing changed)."""
        self._require_key(workspace_id, key)
        result = reading.read(kind_id, filename, data, source=source, limits=limits)
        if result.rejected or not result.rows:
            return result, None
        version_id = self.save(workspace_id, result, filename=filename, sha256=hashlib.sha256(data).hexdigest(),
                               uploader=uploader, replace=replace, data=data)
        return result, version_id

    def save(self, workspace_id: str, result: reading.Reading, filename: str, sha256: str,
             uploader: str | None = None, replace: bool = False, data: bytes | None = None) -> int:
        """Store checked rows (and, given ``data``, the file they came from) as one version in one
        transaction (callers check the key first)."""
        uploader = printable(uploader).strip()[:MAX_NAME] or None
        filename = printable(filename)
        with self._write(workspace_id) as conn:
            latest = self._latest(conn, workspace_id)
            state = json.loads(latest.state) if latest is not None else []
            if replace:
                state = [vid for vid in state if self._kind_of(conn, vid) != result.kind]
            version_id = self._add_version(
                conn, workspace_id, None, action="replace" if replace else "upload", kind=result.kind,
                file_name=filename[:255], sha256=sha256, rows_accepted=len(result.rows), uploader=uploader,
                parent=latest.id if latest is not None else None)
            self._insert_rows(conn, workspace_id, version_id, result.kind, result.rows)
            if data is not None:
                self._insert_file(conn, workspace_id, version_id, data, sha256)
            self._set_state(conn, version_id, state + [version_id])
        return version_id

    def _insert_file(self, conn, workspace_id: str, version_id: int, data: bytes, sha256: str) -> None:
        """Keep an upload's file as sent; refused beyond the upload cap (the reader refuses it first)."""
        if len(data) > reading.Limits().max_bytes or hashlib.sha256(data).hexdigest() != sha256:
            raise WorkspaceError("ws_bad_args", error="the file is larger than the upload cap or not the one hashed")
        conn.execute(self.t["files"].insert().values(version_id=version_id, workspace_id=workspace_id,
                                                     sha256=sha256, size=len(data), data=bytes(data)))

    def upload_file(self, workspace_id: str, version_id: int) -> bytes | None:
        """The file an upload version was made from, as sent; None for other versions and for uploads
        made before the store kept files."""
        f = self.t["files"]
        with self.engine.connect() as conn:
            data = conn.execute(sa.select(f.c.data).where(f.c.workspace_id == workspace_id,
                                                          f.c.version_id == int(version_id))).scalar()
        return None if data is None else bytes(data)

    def upload_files(self, workspace_id: str) -> dict[int, bytes]:
        """Every kept upload file of the workspace, by version id (for the zip export)."""
        f = self.t["files"]
        with self.engine.connect() as conn:
            found = conn.execute(sa.select(f.c.version_id, f.c.data).where(f.c.workspace_id == workspace_id)
                                 .order_by(f.c.version_id))
            return {row.version_id: bytes(row.data) for row in found}

    def _kind_of(self, conn, version_id: int) -> str | None:
        v = self.t["versions"]
        return conn.execute(sa.select(v.c.kind).where(v.c.id == version_id)).scalar()

    def _set_state(self, conn, version_id: int, state: list[int]) -> None:
        v = self.t["versions"]
        conn.execute(v.update().where(v.c.id == version_id).values(state=json.dumps(sorted(state))))

    def _insert_rows(self, conn, workspace_id: str, version_id: int, stored_kind: str, rows: list[dict]) -> None:
        records = []
        for row in rows:
            properties = {k: v for k, v in row.items() if k not in ("lon", "lat", "line")}
            record = {"workspace_id": workspace_id, "version_id": version_id, "kind": stored_kind,
                      "line": row.get("line"), "properties": properties,
                      "lon": row.get("lon"), "lat": row.get("lat")}
            if self.postgis:
                record["geom"] = _ewkt(row.get("lon"), row.get("lat"))
            records.append(record)
        for start in range(0, len(records), 1000):
            conn.execute(self.t["rows"].insert(), records[start:start + 1000])

    def versions(self, workspace_id: str) -> list[dict]:
        """Every version, oldest first, with ``live`` telling whether its rows are shown now."""
        v = self.t["versions"]
        if self.workspace(workspace_id) is None:
            raise WorkspaceError("ws_not_found")
        with self.engine.connect() as conn:
            rows = [dict(r._mapping) for r in conn.execute(
                sa.select(v).where(v.c.workspace_id == workspace_id).order_by(v.c.id))]
        live = set(json.loads(rows[-1]["state"])) if rows else set()
        for row in rows:
            row["state"] = json.loads(row["state"])
            row["live"] = row["id"] in live
        return rows

    def revert(self, workspace_id: str, version_id: int, key: str | None) -> int:
        """A new version whose data is exactly that after ``version_id``; later versions are marked reverted."""
        self._require_key(workspace_id, key)
        v = self.t["versions"]
        with self._write(workspace_id) as conn:
            target = conn.execute(sa.select(v).where(v.c.workspace_id == workspace_id,
                                                     v.c.id == int(version_id))).first()
            if target is None:
                raise WorkspaceError("ws_bad_args", error=f"no version {version_id} in this workspace")
            restored = json.loads(target.state)
            conn.execute(v.update().where(v.c.workspace_id == workspace_id, v.c.id > target.id,
                                          v.c.id.not_in(restored)).values(reverted=True))
            if restored:
                conn.execute(v.update().where(v.c.id.in_(restored)).values(reverted=False))
            return self._add_version(conn, workspace_id, restored, action="revert",
                                     parent=target.id, rows_accepted=0)

    def delete(self, workspace_id: str, key: str | None, confirm: bool = False) -> int:
        """Hide all the workspace's rows (a version of its own: revert to its parent to undo)."""
        self._require_key(workspace_id, key)
        if confirm is not True:
            raise WorkspaceError("ws_bad_args", error="delete needs confirmation")
        with self._write(workspace_id) as conn:
            latest = self._latest(conn, workspace_id)
            return self._add_version(conn, workspace_id, [], action="delete", deleted=True, rows_accepted=0,
                                     parent=latest.id if latest is not None else None)

    # ------------------------------------------------------------ reading rows

    def live_rows(self, workspace_id: str, stored_kind: str | None = None) -> list[dict]:
        """The rows shown now: properties plus ``lon``, ``lat``, ``version_id`` and ``uploaded`` (time)."""
        r, v = self.t["rows"], self.t["versions"]
        with self.engine.connect() as conn:
            latest = self._latest(conn, workspace_id)
            state = json.loads(latest.state) if latest is not None else []
            if not state:
                return []
            query = (sa.select(r.c.properties, r.c.lon, r.c.lat, r.c.version_id, r.c.kind, v.c.created)
                     .join(v, v.c.id == r.c.version_id)
                     .where(r.c.workspace_id == workspace_id, r.c.version_id.in_(state)).order_by(r.c.id))
            if stored_kind:
                query = query.where(r.c.kind == stored_kind)
            out = []
            for row in conn.execute(query):
                out.append({**row.properties, "lon": row.lon, "lat": row.lat, "version_id": row.version_id,
                            "kind": row.kind, "uploaded": _naive_utc(row.created)})
            return out

    def all_rows(self, workspace_id: str) -> list[dict]:
        """Every row of every version (for the zip export)."""
        r = self.t["rows"]
        with self.engine.connect() as conn:
            return [{**row.properties, "lon": row.lon, "lat": row.lat, "version_id": row.version_id,
                     "kind": row.kind, "line": row.line}
                    for row in conn.execute(sa.select(r).where(r.c.workspace_id == workspace_id).order_by(r.c.id))]

    def restore(self, name: str, versions: list[dict], rows_by_version: dict[int, list[dict]],
                files_by_version: dict[int, bytes] | None = None) -> tuple[str, str]:
        """A new workspace holding the given history and upload files (from an archive), in one transaction."""
        workspace_id, key = self.create(name)
        with self._write(workspace_id) as conn:
            new_ids: dict[int, int] = {}
            for version in versions:
                old = int(version["id"])
                kind = version.get("kind")
                new_ids[old] = self._add_version(
                    conn, workspace_id, None, action=version["action"], kind=kind,
                    file_name=version.get("file_name"), sha256=version.get("sha256"),
                    rows_accepted=int(version.get("rows_accepted") or 0), uploader=version.get("uploader"),
                    parent=None, reverted=bool(version.get("reverted")), deleted=bool(version.get("deleted")),
                    created=_parse_time(version.get("created")))
                if rows_by_version.get(old):
                    self._insert_rows(conn, workspace_id, new_ids[old], kind, rows_by_version[old])
                if (files_by_version or {}).get(old) is not None:
                    self._insert_file(conn, workspace_id, new_ids[old], files_by_version[old], version["sha256"])
            for version in versions:
                new = new_ids[int(version["id"])]
                state = [new_ids[int(vid)] for vid in version.get("state", []) if int(vid) in new_ids]
                parent = version.get("parent")
                self._set_state(conn, new, state)
                if parent is not None and int(parent) in new_ids:
                    v = self.t["versions"]
                    conn.execute(v.update().where(v.c.id == new).values(parent=new_ids[int(parent)]))
        return workspace_id, key


def _naive_utc(moment: dt.datetime | None) -> dt.datetime | None:
    """A time in UTC without its zone, as SQLite gives it back: PostgreSQL gives it with the zone, and
    spreadsheets (the XLSX export) refuse zoned times, so both backends give the same value."""
    if moment is None or moment.tzinfo is None:
        return moment
    return moment.astimezone(dt.timezone.utc).replace(tzinfo=None)


def _parse_time(text) -> dt.datetime | None:
    if not text:
        return None
    try:
        return dt.datetime.fromisoformat(str(text))
    except ValueError:
        return None


def _ewkt(lon, lat):
    if lon is None or lat is None:
        return None
    from geoalchemy2 import WKTElement
    return WKTElement(f"POINT({float(lon)!r} {float(lat)!r})", srid=4326)


def _sqlite_transactions(engine: sa.Engine) -> None:
    """pysqlite's own transaction handling off; writers take the lock at BEGIN (IMMEDIATE), so the
    read of the latest state and the insert of the next version cannot interleave."""

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn):
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("immediate") else "BEGIN")
