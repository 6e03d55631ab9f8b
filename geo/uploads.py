"""Researchers' own indicator tables and point layers, read and checked before they are used.

Nothing here raises on user bytes and nothing is written to disk: every defect becomes an
``UploadProblem`` with a stable code, the row as the user sees it in their file and the values for
a message template in ``geo.vocab.UPLOAD_MESSAGES``. Valid rows are kept when other rows are bad.
User text is kept raw (only stripped); escaping belongs to whatever renders it as HTML.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import json
import math
import os
import re
import warnings
import zipfile
from collections.abc import Callable, MutableMapping
from dataclasses import dataclass, field
from functools import lru_cache

import geopandas as gpd
import numpy as np
import openpyxl
import pandas as pd
import shapely

from geo import boundaries, limits, memory, worker
from geo.vocab import INDICATORS, POSITIVE_INDICATORS, UPLOAD_MESSAGES, ui

MAX_UPLOAD_BYTES = limits.MAX_UPLOAD_BYTES
MAX_UNZIPPED_BYTES = limits.MAX_UNZIPPED_BYTES
MAX_NAME_LENGTH = 200
MAX_MAGNITUDE = 1e15
YEARS = (1949, 2100)
HEADER_SEARCH_ROWS = 10
# Boundaries are simplified (0.001°) and users geocode differently: a point this close to a border
# (about 1 km) still counts as inside.
BOUNDARY_TOLERANCE_DEG = 0.01
INDICATOR_COLUMNS = ("area_code", "year", "indicator", "value", "unit", "edition",
                     "source_title", "source_url", "notes")
# located_city_code: the city the point lies in by the boundaries, found once when the file is read, so
# the Map page's city filters never locate points again (None outside every city).
POINT_COLUMNS = ("id", "name", "kind", "city_code", "located_city_code", "year", "industries", "source_title",
                 "geometry")
USER_EDITION = "user_upload"
STATE_KEYS = {"indicators": "user_indicators", "points": "user_points"}

_DELIMITERS = (",", "\t", ";")  # first wins a tie, so comma is the default
_FOREIGN_DELIMITERS = (";", "\t", "|")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_THOUSANDS = re.compile(r"-?\d{1,3}(,\d{3})+(\.\d+)?")
_YEAR = re.compile(r"(\d{4})(?:\.0+)?年?")
_GEOMETRY_TYPE = "_geometry_type"  # a GeoJSON feature that is not a Point carries its type here
_SHOWN_LENGTH = 60


def _norm(text: str) -> str:
    """Spelling-insensitive key: no whitespace (or BOM), case folded."""
    return "".join(text.replace("\ufeff", "").split()).casefold()


@dataclass
class UploadProblem:
    """One thing wrong with an upload: a row (as numbered in the user's file) or the whole file."""

    row: int | None
    column: str | None
    code: str
    params: dict = field(default_factory=dict)

    def message(self, lang: str) -> str:
        """What is wrong, in ``lang``, without saying where."""
        text = self._text(lang)
        return text[:1].upper() + text[1:]

    def describe(self, lang: str) -> str:
        """What is wrong and where: "Row 5, column city: unknown city “Shanghai”"."""
        if self.row is not None and self.column:
            where = ui("upload_at_row_column", lang).format(row=self.row, column=self.column)
        elif self.row is not None:
            where = ui("upload_at_row", lang).format(row=self.row)
        elif self.column:
            where = ui("upload_at_column", lang).format(column=self.column)
        else:
            return self.message(lang)
        return where + self._text(lang)

    def _text(self, lang: str) -> str:
        params = self.params
        if "problem" in params:  # a summary names the problem it counts, in the same language
            params = {**params, "problem": UPLOAD_MESSAGES[params["problem"]](lang).format_map(_Elided())}
        return UPLOAD_MESSAGES[self.code](lang).format_map(_Params(params))


class _Params(dict):
    """Template values; a missing one shows as its name instead of raising."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


class _Elided(dict):
    """Template values of a problem named in a summary: each value differs per row, so none is shown."""

    def __missing__(self, key: str) -> str:
        return "…"


@dataclass
class UploadResult:
    """The valid rows of an upload, every problem found, and how many data rows the file had."""

    rows: pd.DataFrame
    problems: list[UploadProblem] = field(default_factory=list)
    total_rows: int = 0
    digest: str = ""  # SHA-256 of the file's bytes: the same content is the same upload
    rejected: bool = False  # the whole file was refused (size, type, rows, time ...): nothing of it is used


@dataclass(frozen=True)
class _Layout:
    """The columns a reader knows, each with the header spellings it accepts."""

    headers: dict[str, tuple[str, ...]]
    required: tuple[str, ...]
    aliases: dict[str, str] = field(init=False)  # normalised spelling -> column

    def __post_init__(self):
        aliases = {_norm(alias): name for name, spellings in self.headers.items() for alias in spellings}
        object.__setattr__(self, "aliases", aliases)


INDICATOR_LAYOUT = _Layout({
    "city": ("city", "城市", "地区"),
    "year": ("year", "年份"),
    "indicator": ("indicator", "指标"),
    "value": ("value", "数值", "值"),
    "unit": ("unit", "单位"),
    "source": ("source", "来源"),
}, required=("city", "year", "indicator", "value"))

POINT_LAYOUT = _Layout({
    "name": ("name", "名称"),
    "longitude": ("longitude", "lon", "lng", "经度"),
    "latitude": ("latitude", "lat", "纬度"),
    "kind": ("kind", "类别"),
    "city": ("city", "城市", "地区"),
    "year": ("year", "年份"),
    "industries": ("industries", "产业"),
    "source": ("source", "来源"),
}, required=("name", "longitude", "latitude"))


@dataclass
class _Table:
    records: list[tuple[int, dict[str, str]]]  # (row as the user sees it, column -> cell text)
    labels: dict[str, str]  # column -> its header as the user wrote it


class _Rejected(Exception):
    """The whole file is refused; carries the one file-level problem."""

    def __init__(self, code: str, **params):
        super().__init__(code)
        self.problem = UploadProblem(None, None, code, params)


class _Invalid(Exception):
    """One cell cannot be used."""

    def __init__(self, code: str, **params):
        super().__init__(code)
        self.code, self.params = code, params


# ---------------------------------------------------------------- public readers


def read_indicators(filename: str, data: bytes) -> UploadResult:
    """Read a long-format indicator table (CSV or XLSX) into rows shaped like ``data/indicators.csv``.

    Columns ``city, year, indicator, value`` and optionally ``unit, source`` (Chinese headers too).
    Rows with problems are left out and described in ``problems``. Read in a bounded worker process.
    """
    return _bounded_read(_read_indicators, filename, data, _indicator_frame)


def _read_indicators(filename: str, data: bytes, seconds: float) -> UploadResult:
    data, clock = bytes(data), limits.ParseClock(seconds)
    try:
        table = _open_table(filename, data, INDICATOR_LAYOUT, (".csv", ".xlsx"), clock)
        result = _check_indicators(table, filename, clock)
    except (_Rejected, limits.ParseTooSlow, RecursionError) as refused:
        result = UploadResult(_indicator_frame([]), [_refusal(refused, filename)], 0, rejected=True)
    return _finished(result, data)


def read_points(filename: str, data: bytes) -> UploadResult:
    """Read a point layer (CSV with name/longitude/latitude, or a GeoJSON FeatureCollection of Points).

    Points must lie in Beijing–Tianjin–Hebei and, when a city is named, in that city. The rows are a
    GeoDataFrame in EPSG:4326 with ``POINT_COLUMNS``. Read in a bounded worker process.
    """
    return _bounded_read(_read_points, filename, data, _point_frame)


def _read_points(filename: str, data: bytes, seconds: float) -> UploadResult:
    data, clock = bytes(data), limits.ParseClock(seconds)
    try:
        table = _open_table(filename, data, POINT_LAYOUT, (".csv", ".geojson", ".json"), clock)
        result = _check_points(table, filename, clock)
    except (_Rejected, limits.ParseTooSlow, RecursionError) as refused:
        result = UploadResult(_point_frame([]), [_refusal(refused, filename)], 0, rejected=True)
    return _finished(result, data)


def _bounded_read(read: Callable, filename: str, data: bytes, empty: Callable) -> UploadResult:
    """``read`` in a worker process (geo.worker): killed past the parse cap, stopped at the memory cap, and
    the read's memory and GIL stay there. A stopped read is refused with one message; nothing is kept."""
    seconds = limits.MAX_PARSE_SECONDS
    try:
        return worker.run(read, filename, data, seconds, seconds=seconds + limits.WORKER_GRACE_SECONDS)
    except worker.WorkerFailed as failed:
        result = UploadResult(empty([]), [stopped(filename, failed, seconds)], 0, rejected=True)
        return _finished(result, bytes(data))


def stopped(filename: str, failed: worker.WorkerFailed, seconds: float) -> UploadProblem:
    """The message of a read its worker stopped: past the time cap, the memory cap, or the worker died."""
    if failed.reason == "time":
        return too_slow(filename, seconds)
    code = "too_much_memory" if failed.reason == "memory" else "reader_died"
    return UploadProblem(None, None, code, {"file": _shown(filename), "limit": f"{limits.MAX_WORKER_MEMORY_MB:,}"})


def _refusal(refused: Exception, filename: str) -> UploadProblem:
    """The one file-level problem of a refused file."""
    if isinstance(refused, _Rejected):
        return refused.problem
    if isinstance(refused, limits.ParseTooSlow):
        return too_slow(filename, refused.seconds)
    return _too_deep()  # RecursionError, a safety net: nesting is checked before parsing


def too_slow(filename: str, seconds: float) -> UploadProblem:
    """The parse-time cap's message, naming the file and the limit."""
    return UploadProblem(None, None, "too_slow", {"file": _shown(filename), "limit": f"{seconds:g}"})


def _too_deep() -> UploadProblem:
    return UploadProblem(None, None, "too_deep", {"limit": limits.MAX_JSON_DEPTH})


def _finished(result: UploadResult, data: bytes) -> UploadResult:
    result.digest = hashlib.sha256(data).hexdigest()
    result.problems = _summarised(result.problems)
    return result


def _summarised(problems: list[UploadProblem]) -> list[UploadProblem]:
    """The first ``MAX_MESSAGES_PER_KIND`` problems per column and code, then one line counting the rest.

    A million bad rows must not become a million messages (each one memory, and a table row sent to
    the browser); the user still learns every kind of problem and how often it occurs.
    """
    kept, extra, order = [], {}, []
    seen: dict[tuple, int] = {}
    for problem in problems:
        kind = (problem.column, problem.code)
        seen[kind] = seen.get(kind, 0) + 1
        if seen[kind] <= limits.MAX_MESSAGES_PER_KIND:
            kept.append(problem)
        else:
            if kind not in extra:
                order.append(kind)
            extra[kind] = extra.get(kind, 0) + 1
    summaries = [UploadProblem(None, column, "more_problems",
                               {"n": extra[(column, code)], "problem": code}) for column, code in order]
    total = len(kept) + len(summaries)
    if total <= limits.MAX_MESSAGES:
        return kept + summaries
    room = max(limits.MAX_MESSAGES - len(summaries) - 1, 0)
    dropped = len(kept) - room
    return kept[:room] + summaries[:limits.MAX_MESSAGES - 1] + [
        UploadProblem(None, None, "more_problems_all", {"n": dropped})]


def release_memory() -> None:
    """Hand the memory a big read freed back to the operating system, now and after its sessions end
    (``geo.memory``; glibc keeps it otherwise). Figures: docs/limits.md, bench/bench_hostile.py --server."""
    memory.release()


def merge_indicators(shipped: pd.DataFrame, uploaded: pd.DataFrame | None) -> pd.DataFrame:
    """A new frame: the shipped rows (untouched) followed by the uploaded ones.

    Uploaded rows carry the edition ``user_upload``, which ``indicators.pick`` prefers, so a
    researcher's own figure is the one shown (and labelled as theirs) where both exist.
    """
    if uploaded is None or uploaded.empty:
        return shipped.copy()
    return pd.concat([shipped, uploaded[list(shipped.columns)]], ignore_index=True)


def problems_table(result: UploadResult, lang: str) -> pd.DataFrame:
    """The problems as a table (row, column, message) with headers in ``lang``."""
    return pd.DataFrame({
        ui("upload_row", lang): pd.array([p.row for p in result.problems], dtype="Int64"),
        ui("upload_column", lang): [p.column or "" for p in result.problems],
        ui("upload_message", lang): [p.message(lang) for p in result.problems],
    })


def template_csv(kind: str) -> bytes:
    """A filled-in example file for ``kind`` ("indicators" or "points"), UTF-8 with BOM for Excel."""
    return _TEMPLATES[kind].encode("utf-8-sig")


_TEMPLATES = {
    "indicators": "city,year,indicator,value,unit,source\n"
                  "北京,2023,gdp,43760.7,亿元,北京市2023年国民经济和社会发展统计公报\n"
                  "Tianjin,2023,population,1364,万人,\n",
    "points": "name,longitude,latitude,kind,city,year,industries,source\n"
              "示例点位 Example point,116.3975,39.9087,park,北京,2020,新一代信息技术;医药健康,\n",
}


# ---------------------------------------------------------------- session state (st.session_state or a dict)


def is_new_upload(state: MutableMapping, kind: str, file_id: str) -> bool:
    """Whether this uploaded file has not been read into ``state`` yet."""
    return state.get(_state_key(kind, "file")) != file_id


def remember_upload(state: MutableMapping, kind: str, file_id: str, result: UploadResult) -> None:
    """Keep the accepted rows under ``STATE_KEYS[kind]`` and the result for the report.

    A refused file (too large, too slow, ...) changes nothing: rows accepted before stay.
    """
    if not result.rejected:
        state[STATE_KEYS[kind]] = result.rows
    state[_state_key(kind, "result")] = result
    state[_state_key(kind, "file")] = file_id


def last_result(state: MutableMapping, kind: str) -> UploadResult | None:
    """The result of the last file read for ``kind``, if it has not been cleared."""
    return state.get(_state_key(kind, "result"))


def forget_uploads(state: MutableMapping) -> None:
    """Drop the accepted rows and reports. The file markers stay, so a file still sitting in the
    uploader is not read in again; choosing a file anew gives a new id and is read."""
    for kind, key in STATE_KEYS.items():
        state.pop(key, None)
        state.pop(_state_key(kind, "result"), None)


def _state_key(kind: str, part: str) -> str:
    return f"{STATE_KEYS[kind]}_{part}"


# ---------------------------------------------------------------- bytes -> records


def _open_table(filename: str, data: bytes, layout: _Layout, extensions: tuple[str, ...],
                clock: limits.ParseClock) -> _Table:
    extension = os.path.splitext(filename)[1].lower()
    if len(data) > MAX_UPLOAD_BYTES:
        raise _Rejected("too_large", size_mb=f"{len(data) / 1e6:.1f}", limit_mb=limits.MAX_UPLOAD_MB)
    if extension not in extensions:
        raise _Rejected("unsupported_type", value=_shown(extension or filename), expected=", ".join(extensions))
    if not data.strip():
        raise _Rejected("empty")
    if extension == ".xlsx":
        return _table_from_rows(_xlsx_rows(data, clock), layout, excel=True)
    if extension == ".csv":
        return _table_from_rows(_csv_rows(_decode(data), clock), layout, excel=False)
    return _geojson_table(_decode(data), clock)


def _decode(data: bytes) -> str:
    """Text of a CSV or JSON file: UTF-8 (BOM or not), else GB18030 (a superset of GBK)."""
    if b"\x00" in data:
        raise _Rejected("encoding" if _looks_utf16(data) else "binary")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise _Rejected("encoding")
    if _CONTROL.search(text):
        raise _Rejected("binary")
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise _Rejected("empty")
    return text


def _looks_utf16(data: bytes) -> bool:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return True
    # Without a BOM, mostly-ASCII UTF-16 has a zero in every other byte and none in between.
    odd, even = data[1:1024:2], data[0:1024:2]
    odd_zeros, even_zeros = odd.count(0) / max(len(odd), 1), even.count(0) / max(len(even), 1)
    return (odd_zeros > 0.4 and even_zeros < 0.05) or (even_zeros > 0.4 and odd_zeros < 0.05)


def _csv_rows(text: str, clock: limits.ParseClock) -> list[tuple[int, list[str]]]:
    """Records with the file line each starts on (the header is line 1), at most the row limit."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    rows, last_line = [], 0
    try:
        for cells in reader:
            clock.tick()
            if any(cells):  # blank lines are skipped and not counted (the byte limit bounds them)
                rows.append((last_line + 1, _capped_cells(cells)))
                _check_row_count(len(rows))
            last_line = reader.line_num
    except csv.Error as err:  # a cell longer than the csv module's field limit (131,072 characters)
        raise _Rejected("cell_too_large", limit=f"{csv.field_size_limit():,}") from err
    return rows


# Rows read before giving up: the data rows allowed plus the rows the header may sit below.
_ROW_LIMIT = limits.MAX_DATA_ROWS + HEADER_SEARCH_ROWS


def _check_row_count(rows: int) -> None:
    if rows > _ROW_LIMIT:
        raise _Rejected("too_many_rows", limit=f"{limits.MAX_DATA_ROWS:,}")


def _capped_cells(cells: list[str]) -> list[str]:
    """At most ``MAX_COLUMNS`` cells, each cut one past ``MAX_CELL_CHARS`` (still too long, less to hold)."""
    return [cell[:limits.MAX_CELL_CHARS + 1] for cell in cells[:limits.MAX_COLUMNS]]


def _delimiter(text: str) -> str:
    header = next((line for line in text.splitlines() if line.strip()), "")
    return max(_DELIMITERS, key=header.count)


def _xlsx_rows(data: bytes, clock: limits.ParseClock) -> list[tuple[int, list[str]]]:
    """The first sheet's rows with their sheet row numbers."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unzipped = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, EOFError) as err:
        raise _Rejected("bad_file", error=type(err).__name__) from err
    if unzipped > MAX_UNZIPPED_BYTES:
        raise _Rejected("too_large_unpacked", size_mb=f"{unzipped / 1e6:.1f}",
                        limit_mb=f"{MAX_UNZIPPED_BYTES / 1e6:.0f}")
    try:
        return _sheet_rows(data, clock)
    except (_Rejected, limits.ParseTooSlow):
        raise
    except Exception as err:  # noqa: BLE001 - openpyxl fails on malformed workbooks in many ways
        raise _Rejected("bad_file", error=type(err).__name__) from err


def _sheet_rows(data: bytes, clock: limits.ParseClock) -> list[tuple[int, list[str]]]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns about styles and extensions it ignores
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        if not book.worksheets:
            return []
        sheet = book.worksheets[0]
        sheet.reset_dimensions()  # some writers record a wrong sheet size; read what is there
        # Streamed: a sheet of a million (blank) rows stops here after the limit, not after a gigabyte.
        rows = []
        for number, cells in enumerate(sheet.iter_rows(values_only=True, max_col=limits.MAX_COLUMNS), start=1):
            clock.tick()
            if any(value is not None for value in cells):
                rows.append((number, _capped_cells([_cell_text(value) for value in cells])))
                _check_row_count(len(rows))
        return rows
    finally:
        book.close()


def _cell_text(value) -> str:
    """A spreadsheet or JSON value as the text a CSV would hold."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < MAX_MAGNITUDE:
        return str(int(value))  # Excel stores 2020 as 2020.0
    if isinstance(value, list):
        return ";".join(_cell_text(item) for item in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _table_from_rows(rows: list[tuple[int, list[str]]], layout: _Layout, excel: bool) -> _Table:
    rows = [(number, [cell.strip() for cell in cells]) for number, cells in rows]
    rows = [(number, cells) for number, cells in rows if any(cells)]
    if not rows:
        raise _Rejected("empty")
    at, columns = _find_header(rows[:HEADER_SEARCH_ROWS], layout, excel)
    header = rows[at][1]
    records = [(number, {name: cells[i] if i < len(cells) else "" for name, i in columns.items()})
               for number, cells in rows[at + 1:]]
    if not records:
        raise _Rejected("no_rows")
    labels = {name: header[i] for name, i in columns.items()}
    labels["coordinates"] = f"{labels.get('longitude')}/{labels.get('latitude')}"
    return _Table(records, labels)


def _find_header(rows: list[tuple[int, list[str]]], layout: _Layout, excel: bool) -> tuple[int, dict[str, int]]:
    """The row (among the first few) naming the most known columns; title rows may sit above it."""
    matches = [_match_header(cells, layout) for _, cells in rows]
    at = max(range(len(matches)), key=lambda i: len(matches[i]))
    missing = [name for name in layout.required if name not in matches[at]]
    if not missing:
        return at, matches[at]
    if matches[at]:
        raise _Rejected("missing_column", columns=", ".join(missing))
    first = rows[0][1]
    foreign = [d for d in _FOREIGN_DELIMITERS if d in first[0]] if len(first) == 1 and not excel else []
    if foreign:
        raise _Rejected("wrong_delimiter", value=foreign[0].replace("\t", "Tab"))
    raise _Rejected("header_not_found", rows=HEADER_SEARCH_ROWS, expected=", ".join(layout.required))


def _match_header(cells: list[str], layout: _Layout) -> dict[str, int]:
    found: dict[str, int] = {}
    for i, cell in enumerate(cells):
        name = layout.aliases.get(_norm(cell))
        if name is not None:
            found.setdefault(name, i)  # a repeated column: the first one counts
    return found


def _json_depth(text: str) -> int:
    """The deepest nesting of arrays and objects in JSON ``text`` (brackets inside strings ignored)."""
    brackets = np.frombuffer("".join(_JSON_BRACKETS.findall(_JSON_STRINGS.sub("", text))).encode(), np.uint8)
    if not len(brackets):
        return 0
    steps = np.where((brackets == ord("[")) | (brackets == ord("{")), 1, -1)
    return int(np.cumsum(steps).max())


_JSON_STRINGS = re.compile(r'"(?:[^"\\]|\\.)*"')
_JSON_BRACKETS = re.compile(r"[\[\]{}]")


def _geojson_table(text: str, clock: limits.ParseClock) -> _Table:
    # Python's json parser recurses once per level and geopandas, json.dumps and this module after it:
    # a file nested a few hundred levels would raise RecursionError (a traceback, on every rerun).
    if _json_depth(text) > limits.MAX_JSON_DEPTH:
        raise _Rejected("too_deep", limit=limits.MAX_JSON_DEPTH)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as err:
        raise _Rejected("bad_json", line=err.lineno, col=err.colno) from err
    except RecursionError as err:
        raise _Rejected("bad_file", error=type(err).__name__) from err
    clock.check()  # json.loads cannot tick
    is_collection = isinstance(document, dict) and document.get("type") == "FeatureCollection"
    features = document.get("features") if is_collection else None
    if not isinstance(features, list):
        raise _Rejected("not_feature_collection")
    if not features:
        raise _Rejected("no_rows")
    if len(features) > limits.MAX_DATA_ROWS:
        raise _Rejected("too_many_rows", limit=f"{limits.MAX_DATA_ROWS:,}")
    labels = {name: name for name in POINT_LAYOUT.headers}
    labels.update(longitude="geometry", latitude="geometry", coordinates="geometry")
    return _Table([(i, _feature_cells(feature, clock)) for i, feature in enumerate(features, start=1)], labels)


def _feature_cells(feature, clock: limits.ParseClock) -> dict[str, str]:
    clock.tick()
    feature = feature if isinstance(feature, dict) else {}
    properties = feature.get("properties")
    matched = _match_header(list(properties), POINT_LAYOUT) if isinstance(properties, dict) else {}
    values = list(properties.values()) if matched else []
    cells = {name: _cell_text(values[i]).strip()[:limits.MAX_CELL_CHARS + 1] for name, i in matched.items()}
    geometry = feature.get("geometry")
    kind = geometry.get("type") if isinstance(geometry, dict) else None
    coordinates = geometry.get("coordinates") if isinstance(geometry, dict) else None
    if kind != "Point":
        cells[_GEOMETRY_TYPE] = _shown(str(kind))
    elif isinstance(coordinates, list) and len(coordinates) >= 2:
        cells["longitude"], cells["latitude"] = (_cell_text(c).strip() for c in coordinates[:2])
    return cells


# ---------------------------------------------------------------- rows


class _Row:
    """One record being checked; collects its problems, each naming the user's row and column."""

    def __init__(self, number: int, cells: dict[str, str], labels: dict[str, str]):
        self.number, self.cells, self.labels = number, cells, labels
        self.problems: list[UploadProblem] = []
        for column, text in cells.items():
            if len(text) > limits.MAX_CELL_CHARS and not column.startswith("_"):
                self.flag(column, "cell_too_long", limit=f"{limits.MAX_CELL_CHARS:,}")

    def text(self, column: str) -> str:
        return self.cells.get(column, "")

    def flag(self, column: str | None, code: str, **params) -> None:
        label = self.labels.get(column, column) if column else None
        self.problems.append(UploadProblem(self.number, label, code, params))

    def required(self, column: str, parse: Callable[[str], object]):
        if not self.text(column):
            self.flag(column, "missing_value")
            return None
        return self.optional(column, parse)

    def optional(self, column: str, parse: Callable[[str], object]):
        text = self.text(column)
        if not text:
            return None
        try:
            return parse(text)
        except _Invalid as invalid:
            self.flag(column, invalid.code, **{"value": _shown(text), **invalid.params})
            return None


def _check_indicators(table: _Table, filename: str, clock: limits.ParseClock) -> UploadResult:
    accepted, problems, seen = [], [], {}
    for number, cells in table.records:
        clock.tick()
        row = _Row(number, cells, table.labels)
        code, year, indicator, value = _indicator_values(row, seen)
        problems += row.problems
        if not row.problems:
            accepted.append((code, year, indicator, value, INDICATORS[indicator].unit, USER_EDITION,
                             row.text("source") or f"用户上传：{filename}", "", "user upload"))
    return UploadResult(_indicator_frame(accepted), problems, len(table.records))


def _indicator_values(row: _Row, seen: dict[tuple, int]) -> tuple:
    code = row.required("city", _city_code)
    year = row.required("year", _year)
    indicator = row.required("indicator", _indicator_id)
    value = row.required("value", _number)
    if indicator is not None:
        _check_value_rule(row, indicator, value)
        _check_unit(row, indicator)
    if None not in (code, year, indicator):
        key = (code, year, indicator)
        if key in seen:
            row.flag(None, "duplicate_key", earlier_row=seen[key])
        else:
            seen[key] = row.number
    return code, year, indicator, value


def _check_value_rule(row: _Row, indicator: str, value: float | None) -> None:
    if value is None:
        return
    shown = _shown(row.text("value"))
    if indicator in POSITIVE_INDICATORS and value <= 0:
        row.flag("value", "not_positive", value=shown)
    elif indicator.startswith("share_") and not 0 <= value <= 100:
        row.flag("value", "out_of_range", value=shown, expected="0–100")


def _check_unit(row: _Row, indicator: str) -> None:
    given, expected = row.text("unit"), INDICATORS[indicator].unit
    if given and _norm(given) != _norm(expected):
        row.flag("unit", "unit_mismatch", value=_shown(given), expected=expected)


def _indicator_frame(rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=list(INDICATOR_COLUMNS)).astype({"year": "int64", "value": "float64"})


def _check_points(table: _Table, filename: str, clock: limits.ParseClock) -> UploadResult:
    checked = []  # (row, its values, or None when refused before its place was looked at)
    for number, cells in table.records:
        clock.tick()
        row = _Row(number, cells, table.labels)
        checked.append((row, _point_values(row, filename) if not row.problems else None))
    clock.check()
    # Every place is checked at once (shapely over arrays): one call per point took most of a read.
    placed = [(row, point) for row, point in checked if point is not None]
    kept = _check_locations([row for row, _ in placed], np.array([p["_lonlat"] for _, p in placed]).reshape(-1, 2),
                            [p["city_code"] for _, p in placed])
    accepted = [point for (row, point), ok in zip(placed, kept) if ok and not row.problems]
    problems = [problem for row, _ in checked for problem in row.problems]
    return UploadResult(_located(_point_frame(accepted)), problems, len(table.records))


def _located(points: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """``points`` with the city each lies in (given or not): the first city, in the boundaries' order
    (as boundaries.find_unit picks the first match), whose shape holds it; None outside every city."""
    xy = shapely.get_coordinates(points.geometry.to_numpy())
    located, unset = np.full(len(points), None, dtype=object), np.ones(len(points), dtype=bool)
    for code, shape in _city_shapes().items():  # a dict in the boundaries' order
        here = unset & shapely.intersects_xy(shape, xy[:, 0], xy[:, 1])
        located[here], unset[here] = code, False
    points["located_city_code"] = located
    return points


def _point_values(row: _Row, filename: str) -> dict | None:
    """A row's values; its coordinates (``_lonlat``) are checked afterwards with every other row's."""
    if _GEOMETRY_TYPE in row.cells:
        row.flag("coordinates", "not_a_point", value=row.cells[_GEOMETRY_TYPE])
    name = row.required("name", _name)
    city = row.optional("city", _city_code)
    year = row.optional("year", _year)
    if _GEOMETRY_TYPE in row.cells:
        return None
    lon, lat = row.required("longitude", _number), row.required("latitude", _number)
    if lon is None or lat is None:
        return None
    return {"name": name, "kind": row.text("kind") or None, "city_code": city, "located_city_code": None,
            "year": year,
            "industries": row.text("industries") or None,
            "source_title": row.text("source") or f"用户上传：{filename}", "_lonlat": (lon, lat)}


def _check_locations(rows: list[_Row], lonlat: np.ndarray, cities: list[str | None]) -> np.ndarray:
    """Which rows lie in the region and, when they name a city, near it (``BOUNDARY_TOLERANCE_DEG``);
    the others are flagged (coordinates swapped or outside the region, or the city they are in)."""
    lon, lat = lonlat[:, 0], lonlat[:, 1]
    inside = _near_all(_region(), lon, lat)
    for i in np.flatnonzero(~inside):
        row = rows[i]
        coordinates = {"lon": _shown(row.text("longitude")), "lat": _shown(row.text("latitude"))}
        swapped = _near(_region(), lat[i], lon[i])
        row.flag("coordinates", "swapped_coordinates" if swapped else "outside_region", **coordinates)
    named = pd.Series(cities, dtype=object)
    for city, at in named[inside & named.notna().to_numpy()].groupby(named, sort=False).groups.items():
        at = at.to_numpy()
        for i in at[~_near_all(_city_shapes()[city], lon[at], lat[at])]:
            inside[i] = False
            _flag_city_mismatch(rows[i], lon[i], lat[i])
    return inside


def _flag_city_mismatch(row: _Row, lon: float, lat: float) -> None:
    found = boundaries.find_unit(lon, lat, "cities")
    found_zh, found_en = (found["name_zh"], found["name_en"]) if found is not None else ("城市边界外", "no city")
    row.flag("city", "city_mismatch", value=_shown(row.text("city")), found_zh=found_zh, found_en=found_en)


def _point_frame(points: list[dict]) -> gpd.GeoDataFrame:
    lonlat = np.array([p.pop("_lonlat") for p in points], dtype=float).reshape(-1, 2)
    table = pd.DataFrame(points, columns=list(POINT_COLUMNS[1:-1]))
    table.insert(0, "id", [f"user-{i}" for i in range(1, len(table) + 1)])
    table["year"] = table["year"].astype("Int64")
    return gpd.GeoDataFrame(table, geometry=shapely.points(lonlat), crs=boundaries.CRS)


# ---------------------------------------------------------------- cells


def _city_code(text: str) -> str:
    code = _city_lookup().get(_norm(text))
    if code is None:
        raise _Invalid("unknown_city")
    return code


def _indicator_id(text: str) -> str:
    indicator = _indicator_lookup().get(_norm(text))
    if indicator is None:
        raise _Invalid("unknown_indicator")
    return indicator


def _year(text: str) -> int:
    match = _YEAR.fullmatch(text)
    if match is None or not YEARS[0] <= int(match[1]) <= YEARS[1]:
        raise _Invalid("bad_year", expected=f"{YEARS[0]}–{YEARS[1]}")
    return int(match[1])


def _number(text: str) -> float:
    cleaned = text.replace(",", "") if _THOUSANDS.fullmatch(text) else text
    if "_" in cleaned:  # float() would read 1_000 as a thousand
        raise _Invalid("not_a_number")
    try:
        number = float(cleaned)
    except ValueError:
        raise _Invalid("not_a_number") from None
    if not math.isfinite(number):
        raise _Invalid("not_a_number")
    if abs(number) > MAX_MAGNITUDE:
        raise _Invalid("out_of_range", expected=f"|x| ≤ {MAX_MAGNITUDE:.0e}")
    return number


def _name(text: str) -> str:
    if len(text) > MAX_NAME_LENGTH:
        raise _Invalid("too_long", length=len(text), limit=MAX_NAME_LENGTH)
    return text


def _shown(text: str) -> str:
    """User text as quoted in a message: long values are cut."""
    return text if len(text) <= _SHOWN_LENGTH else text[:_SHOWN_LENGTH] + "…"


@lru_cache(maxsize=1)
def _city_lookup() -> dict[str, str]:
    cities = boundaries.cities()
    lookup = {}
    for city in cities.itertuples():
        for name in (city.code, city.name_zh, city.name_zh.removesuffix("市"), city.name_en):
            lookup[_norm(name)] = city.code
    # Beijing and Tianjin are keyed as their single city, so their province codes name it too.
    for province, codes in cities.groupby("province_code")["code"]:
        if len(codes) == 1:
            lookup[province] = codes.iloc[0]
    return lookup


@lru_cache(maxsize=1)
def _indicator_lookup() -> dict[str, str]:
    lookup = {}
    for indicator_id, indicator in INDICATORS.items():
        for name in (indicator_id, indicator.term.zh, indicator.term.en):
            lookup[_norm(name)] = indicator_id
    return lookup


@lru_cache(maxsize=1)
def _region() -> shapely.Geometry:
    region = shapely.union_all(boundaries.provinces().geometry.to_numpy())
    shapely.prepare(region)
    return region


@lru_cache(maxsize=1)
def _city_shapes() -> dict[str, shapely.Geometry]:
    cities = boundaries.cities()
    shapes = dict(zip(cities["code"], cities.geometry))
    for shape in shapes.values():
        shapely.prepare(shape)
    return shapes


def _near(shape: shapely.Geometry, lon: float, lat: float) -> bool:
    if shapely.intersects_xy(shape, lon, lat):
        return True
    # dwithin stops at the first vertex in reach: 25 times faster than the distance for far points.
    return bool(shapely.dwithin(shape, shapely.Point(lon, lat), BOUNDARY_TOLERANCE_DEG))


def _near_all(shape: shapely.Geometry, lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
    """``_near`` for arrays of coordinates (a prepared ``shape``: one pass in shapely's C loop)."""
    near = shapely.intersects_xy(shape, lon, lat)
    if not near.all():
        far = ~near
        near[far] = shapely.dwithin(shape, shapely.points(lon[far], lat[far]), BOUNDARY_TOLERANCE_DEG)
    return near
