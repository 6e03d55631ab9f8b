"""Read a filled template into checked, placed rows, within bounds on bytes, rows, cells, depth and time.

The bytes-to-cells steps are ``geo.uploads``' (decoding, header search, cell text, problems); this
module adds the workspace kinds, streaming with a row cap (a 1,048,576-row sheet stops at the cap
instead of being read whole), a parse-time cap, a JSON depth check before ``json.loads`` and
message summaries (the first ``max_messages`` per column and problem, then one line with the count).
Nothing here raises on user bytes.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import re
import warnings
import zipfile
from dataclasses import dataclass, field

from geo import limits as _caps
from geo import uploads, worker
from geo.limits import MAX_PARSE_SECONDS, ParseTooSlow
from geo.limits import ParseClock as _Clock
from geo.uploads import UploadProblem, _Invalid, _Rejected, _Row
from geo.vocab import EDITIONS, INDICATORS, MODES, PLATFORM_SYSTEMS, PLATFORM_TYPES, POSITIVE_INDICATORS
from geo.workspace import places
from geo.workspace.kinds import KINDS, kind


@dataclass(frozen=True)
class Limits:
    """Bounds on the work one upload may cause; each has its own message."""

    max_bytes: int = uploads.MAX_UPLOAD_BYTES
    max_unzipped_bytes: int = uploads.MAX_UNZIPPED_BYTES
    max_zip_members: int = 500
    max_rows: int = 20_000
    max_columns: int = 200
    max_cell_chars: int = 10_000
    max_seconds: float = MAX_PARSE_SECONDS
    max_depth: int = 64
    max_messages: int = 20  # per column and problem; the rest are counted


@dataclass
class Reading:
    """The rows kept (placed and normalised), every problem, and whether the whole file was refused."""

    kind: str
    rows: list[dict] = field(default_factory=list)
    problems: list[UploadProblem] = field(default_factory=list)
    total_rows: int = 0
    rejected: bool = False


class _Problems:
    """Collects problems, keeping the first N per (column, code) and counting the rest."""

    def __init__(self, limit: int):
        self.limit, self.kept, self.extra = limit, [], {}

    def add(self, problems: list[UploadProblem]) -> None:
        for problem in problems:
            key = (problem.column, problem.code)
            seen = self.extra.setdefault(key, 0)
            if seen < self.limit:
                self.kept.append(problem)
            self.extra[key] = seen + 1

    def summary(self) -> list[UploadProblem]:
        more = [UploadProblem(None, column, "more_problems", {"n": n - self.limit, "problem": code})
                for (column, code), n in self.extra.items() if n > self.limit]
        return self.kept + more


def read(kind_id: str, filename: str, data: bytes, source: str | None = None,
         limits: Limits | None = None) -> Reading:
    """Read one uploaded file of template kind ``kind_id``; never raises on the file's content.

    The read runs in a bounded worker process (geo.worker): killed past ``limits.max_seconds`` (plus the
    grace the parse clock gets to refuse first), stopped at the memory cap; nothing is kept then."""
    spec, limits = kind(kind_id), limits or Limits()
    try:
        return worker.run(_read_here, kind_id, filename, data, source, limits,
                          seconds=limits.max_seconds + _caps.WORKER_GRACE_SECONDS)
    except worker.WorkerFailed as failed:
        return Reading(spec.stored, problems=[uploads.stopped(filename, failed, limits.max_seconds)], rejected=True)


def _read_here(kind_id: str, filename: str, data: bytes, source: str | None, limits: Limits) -> Reading:
    spec, clock = kind(kind_id), _Clock(limits.max_seconds)
    try:
        rows = _bounded_rows(filename, bytes(data), spec.geojson, limits, clock)
        if kind_id == "indicators_wide":
            table = _wide_to_long(rows, limits, clock)
        elif rows and rows[0][0] == -1:  # GeoJSON features, already named by field
            table = uploads._Table([(n, c) for n, c in rows[1:]], _geojson_labels(spec))
        else:
            table = uploads._table_from_rows(rows, spec.layout, excel=filename.lower().endswith(".xlsx"))
        if len(table.records) > limits.max_rows:  # the cap on reading allows for title rows above the header
            raise _Rejected("too_many_rows", limit=limits.max_rows)
        return _check(spec.stored, table, filename, source, limits, clock)
    except _Rejected as rejected:
        return Reading(spec.stored, problems=[rejected.problem], rejected=True)
    except ParseTooSlow as slow:
        return Reading(spec.stored, problems=[uploads.too_slow(filename, slow.seconds)], rejected=True)
    except RecursionError:  # a last resort; the depth check should have caught it
        return Reading(spec.stored, problems=[UploadProblem(None, None, "too_deep", {"limit": limits.max_depth})],
                       rejected=True)


# ---------------------------------------------------------------- bytes -> bounded rows


def _bounded_rows(filename: str, data: bytes, geojson: bool, limits: Limits, clock: _Clock) -> list:
    extension = os.path.splitext(filename)[1].lower()
    allowed = (".csv", ".xlsx") + ((".geojson", ".json") if geojson else ())
    if len(data) > limits.max_bytes:
        raise _Rejected("too_large", size_mb=f"{len(data) / 2**20:.1f}", limit_mb=limits.max_bytes // 2**20)
    if extension not in allowed:
        raise _Rejected("unsupported_type", value=uploads._shown(extension or filename), expected=", ".join(allowed))
    if not data.strip():
        raise _Rejected("empty")
    if extension == ".xlsx":
        return _xlsx_rows(data, limits, clock)
    if _looks_utf32(data):  # else refused as "binary": its zeros look like no text at all
        raise _Rejected("encoding")
    text = uploads._decode(data)
    if extension == ".csv":
        return _csv_rows(text, limits, clock)
    return _geojson_rows(text, limits, clock)


def _looks_utf32(data: bytes) -> bool:
    """UTF-32 text: its byte-order mark, or (mostly ASCII or CJK) zero bytes in the same half of every 4."""
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return True
    head = data[:4096 - 4096 % 4]
    if len(head) < 8 or len(data) % 4:
        return False
    quads = [head[i:i + 4] for i in range(0, len(head), 4)]
    return all(q[2:] == b"\0\0" and q[:2] != b"\0\0" for q in quads) or \
        all(q[:2] == b"\0\0" and q[2:] != b"\0\0" for q in quads)


def _capped(rows, limits: Limits, clock: _Clock) -> list[tuple[int, list[str]]]:
    """Rows (number, cells) up to the row cap; cells stripped and checked for length and count."""
    out = []
    cap = limits.max_rows + uploads.HEADER_SEARCH_ROWS
    for number, cells in rows:
        clock.tick()
        if len(cells) > limits.max_columns:
            cells = cells[:limits.max_columns + 1]
            if any(c not in ("", None) for c in cells[limits.max_columns:]):
                raise _Rejected("too_many_cells", limit=limits.max_columns)
            cells = cells[:limits.max_columns]
        texts = [uploads._cell_text(cell).strip() for cell in cells]
        longest = max((len(t) for t in texts), default=0)
        if longest > limits.max_cell_chars:
            raise _Rejected("cell_too_long", length=longest, limit=limits.max_cell_chars)
        if not any(texts):
            continue
        out.append((number, texts))
        if len(out) > cap:
            raise _Rejected("too_many_rows", limit=limits.max_rows)
    return out


def _csv_rows(text: str, limits: Limits, clock: _Clock) -> list:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=uploads._delimiter(text))

    def numbered():
        last = 0
        for cells in reader:
            yield last + 1, cells
            last = reader.line_num
    try:
        return _capped(numbered(), limits, clock)
    except csv.Error as err:  # the csv module's own cap (131,072 characters; left as it is, it is global)
        if "field larger than field limit" in str(err):
            raise _Rejected("cell_too_long", length=f"> {csv.field_size_limit():,}",
                            limit=limits.max_cell_chars) from err
        raise _Rejected("bad_file", error="csv.Error") from err


def _xlsx_rows(data: bytes, limits: Limits, clock: _Clock) -> list:
    check_zip(data, limits)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return _capped(_sheet_rows(data, limits), limits, clock)
    except (_Rejected, ParseTooSlow):
        raise
    except Exception as err:  # noqa: BLE001 - malformed workbooks fail in many ways
        raise _Rejected("bad_file", error=type(err).__name__) from err


def _sheet_rows(data: bytes, limits: Limits):
    """The data sheet's rows, streamed with openpyxl's own sheet parser.

    ``load_workbook(read_only=True)`` first scans a whole sheet that lacks a ``<dimension>`` element
    (8 s for 1,048,576 one-cell rows, before any row can be refused); the parser alone streams, so
    the row cap and the time cap apply from the first row."""
    from openpyxl.reader.excel import ExcelReader
    from openpyxl.worksheet._reader import WorkSheetParser

    reader = ExcelReader(io.BytesIO(data), read_only=True, data_only=True)
    reader.read_manifest()
    reader.read_strings()
    reader.read_workbook()
    sheets = list(reader.parser.find_sheets())
    if not sheets:
        return
    path = _data_sheet_path(sheets)
    with reader.archive.open(path) as source:
        parser = WorkSheetParser(source, reader.shared_strings, data_only=True, epoch=reader.wb.epoch)
        for number, cells in parser.parse():
            yield number, _row_values(cells, limits)


def _row_values(cells: list[dict], limits: Limits) -> list:
    width = max((cell["column"] for cell in cells if cell["value"] is not None), default=0)
    if width > limits.max_columns:
        raise _Rejected("too_many_cells", limit=limits.max_columns)
    values = [None] * width
    for cell in cells:
        if cell["column"] <= width:
            values[cell["column"] - 1] = cell["value"]
    return values


def _data_sheet_path(sheets) -> str:
    """The template's data sheet (after the help sheet) or else the first sheet."""
    from geo.vocab import ui
    names = {ui("ws_sheet_data", lang) for lang in ("zh", "en")}
    for sheet, rel in sheets:
        if sheet.name in names:
            return rel.target
    return sheets[0][1].target


def check_zip(data: bytes, limits: Limits) -> zipfile.ZipFile:
    """Open a zip only after its member count and declared uncompressed size are within the limits."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as err:
        raise _Rejected("bad_file", error=type(err).__name__) from err
    if len(members) > limits.max_zip_members:
        raise _Rejected("too_many_members", n=len(members), limit=limits.max_zip_members)
    unzipped = sum(info.file_size for info in members)
    if unzipped > limits.max_unzipped_bytes:
        raise _Rejected("too_large", size_mb=f"{unzipped / 2**20:.1f}", limit_mb=limits.max_unzipped_bytes // 2**20)
    return archive


_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.S)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")


def json_depth_ok(text: str, limit: int) -> bool:
    """Whether the JSON nests no deeper than ``limit`` (strings ignored); linear, no recursion."""
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", text))
    depth = 0
    for char in brackets:
        depth += 1 if char in "[{" else -1
        if depth > limit:
            return False
    return True


def _geojson_rows(text: str, limits: Limits, clock: _Clock) -> list:
    if not json_depth_ok(text, limits.max_depth):
        raise _Rejected("too_deep", limit=limits.max_depth)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as err:
        raise _Rejected("bad_json", line=err.lineno, col=err.colno) from err
    features = document.get("features") if isinstance(document, dict) and \
        document.get("type") == "FeatureCollection" else None
    if not isinstance(features, list):
        raise _Rejected("not_feature_collection")
    if not features:
        raise _Rejected("no_rows")
    if len(features) > limits.max_rows:
        raise _Rejected("too_many_rows", limit=limits.max_rows)
    return [(-1, {})] + [(i, _feature_cells(f, limits, clock)) for i, f in enumerate(features, start=1)]


_GEOJSON_LAYOUT_FIELDS = ("name", "name_en", "aliases", "system", "platform_type", "tier", "province", "city",
                          "county", "precision", "year", "industries", "industry", "area_km2", "origin", "modes",
                          "investment", "source", "source_url", "notes")


def _feature_cells(feature, limits: Limits, clock: _Clock) -> dict[str, str]:
    clock.tick()
    feature = feature if isinstance(feature, dict) else {}
    properties = feature.get("properties") if isinstance(feature.get("properties"), dict) else {}
    cells = {}
    for key, value in properties.items():
        name = _geojson_field_names().get(uploads._norm(str(key)))
        if name and name not in cells:
            text = uploads._cell_text(value).strip()
            if len(text) > limits.max_cell_chars:
                raise _Rejected("cell_too_long", length=len(text), limit=limits.max_cell_chars)
            cells[name] = text
    geometry = feature.get("geometry") if isinstance(feature.get("geometry"), dict) else {}
    coordinates = geometry.get("coordinates")
    if geometry.get("type") != "Point":
        cells[uploads._GEOMETRY_TYPE] = uploads._shown(str(geometry.get("type")))
    elif isinstance(coordinates, list) and len(coordinates) >= 2:
        cells["longitude"], cells["latitude"] = (uploads._cell_text(c).strip() for c in coordinates[:2])
    return cells


def _geojson_field_names() -> dict[str, str]:
    from geo.vocab import WORKSPACE_FIELDS
    return {uploads._norm(spelling): name for name in _GEOJSON_LAYOUT_FIELDS
            for spelling in (name, WORKSPACE_FIELDS[name].zh, WORKSPACE_FIELDS[name].en)}


def _geojson_labels(spec) -> dict[str, str]:
    labels = {name: name for name in spec.fields}
    labels.update(longitude="geometry", latitude="geometry", coordinates="geometry")
    return labels


# ---------------------------------------------------------------- wide indicator tables


def _wide_to_long(rows: list[tuple[int, list[str]]], limits: Limits, clock: _Clock) -> uploads._Table:
    """Cities down, years (or indicators) across, the other one named in a row above the header.

    Each filled cell becomes a row, so the row cap applies to them: 20,000 wide rows of 199 years
    would otherwise make four million rows (measured: 83 s and 614 MB before the time cap could act)."""
    if not rows:
        raise _Rejected("empty")
    city_names = {uploads._norm(s) for s in ("city", "城市", "地区", "City")}
    at = next((i for i, (_, cells) in enumerate(rows[:uploads.HEADER_SEARCH_ROWS])
               if cells and uploads._norm(cells[0]) in city_names), None)
    if at is None:
        raise _Rejected("header_not_found", rows=uploads.HEADER_SEARCH_ROWS, expected="city")
    fixed = {}
    for _, cells in rows[:at]:
        if len(cells) >= 2 and uploads._norm(cells[0]) in ("indicator", "指标", "year", "年份"):
            fixed["year" if uploads._norm(cells[0]) in ("year", "年份") else "indicator"] = cells[1]
    header = rows[at][1]
    across = "year" if "indicator" in fixed else "indicator" if "year" in fixed else None
    if across is None:
        raise _Rejected("no_year_or_indicator")
    records = []
    for number, cells in rows[at + 1:]:
        clock.tick()
        for j in range(1, len(header)):
            value = cells[j] if j < len(cells) else ""
            if header[j] and value:
                records.append((number, {"city": cells[0], across: header[j], "value": value,
                                         **fixed, "_column": header[j]}))
        if len(records) > limits.max_rows:
            raise _Rejected("too_many_rows", limit=limits.max_rows)
    if not records:
        raise _Rejected("no_rows")
    labels = {"city": header[0], "year": "year", "indicator": "indicator", "value": "value"}
    return uploads._Table(records, labels)


# ---------------------------------------------------------------- checking rows


def _check(stored: str, table: uploads._Table, filename: str, source: str | None, limits: Limits,
           clock: _Clock) -> Reading:
    reading, problems, seen = Reading(stored, total_rows=len(table.records)), _Problems(limits.max_messages), {}
    default_source = (source or "").strip() or f"用户上传：{filename}"
    check = _ENTITY if stored != "indicator" else _indicator
    for number, cells in table.records:
        clock.tick()
        labels = table.labels if "_column" not in cells else {**table.labels, "value": cells["_column"]}
        row = _Row(number, cells, labels)
        values = check(row, stored, seen) if stored == "indicator" else check(row, stored)
        problems.add(row.problems)
        if not row.problems and values is not None:
            values["source_title"] = values.get("source_title") or default_source
            values["line"] = number
            reading.rows.append(values)
    reading.problems = problems.summary()
    return reading


def _choice(vocabulary: dict, code: str):
    lookup = {uploads._norm(k): k for k in vocabulary}
    for key, term in vocabulary.items():
        label = getattr(term, "term", term)
        lookup[uploads._norm(label.zh)] = key
        lookup[uploads._norm(label.en)] = key
        if vocabulary is PLATFORM_SYSTEMS:  # the scheme as documents write it: 2+4+46, 1+16, 1+5+4+33
            lookup[uploads._norm("+".join(key.split("_")[1:]))] = key

    def parse(text: str) -> str:
        parts = [p.strip() for p in re.split(r"[;；,，、]", text) if p.strip()]
        ids = []
        for part in parts:
            if uploads._norm(part) not in lookup:
                raise _Invalid(code, value=uploads._shown(part))
            ids.append(lookup[uploads._norm(part)])
        return ";".join(sorted(set(ids)))
    return parse


_SYSTEMS = _choice(PLATFORM_SYSTEMS, "unknown_system")
_TYPES = _choice(PLATFORM_TYPES, "unknown_type")
_MODES = _choice(MODES, "unknown_mode")
_EDITIONS = _choice(EDITIONS, "unknown_edition")


def _precision(text: str) -> str:
    if text not in ("exact", "approximate"):
        raise _Invalid("unknown_precision")
    return text


def _place(row: _Row) -> places.Place | None:
    lon = row.optional("longitude", uploads._number)
    lat = row.optional("latitude", uploads._number)
    precision = row.optional("precision", _precision)
    if (row.text("longitude") == "") != (row.text("latitude") == ""):
        row.flag("coordinates", "half_coordinates")
        return None
    if row.problems:
        return None
    try:
        return places.place(row.text("province"), row.text("city"), row.text("county"), lon, lat, precision)
    except places.PlaceError as err:
        column = {"point_outside": "coordinates", "point_elsewhere": "coordinates",
                  "city_not_in_province": "province", "unknown_province": "province",
                  "unknown_city": "city", "no_place": "city"}.get(err.code, "county")
        row.flag(column, err.code, **{k: uploads._shown(str(v)) for k, v in err.params.items()})
        return None


def _origin_code(text: str) -> str | None:
    for resolve in (places.county_code, places.city_code, places.province_code):
        try:
            return resolve(text)
        except places.PlaceError:
            continue
    return None


def _entity(row: _Row, stored: str) -> dict | None:
    if uploads._GEOMETRY_TYPE in row.cells:
        row.flag("coordinates", "not_a_point", value=row.cells[uploads._GEOMETRY_TYPE])
    name = row.required("name", uploads._name)
    year = row.optional("year", uploads._year)
    values = {"name_zh": name, "name_en": row.text("name_en") or name, "aliases": row.text("aliases") or None,
              "year": year, "source_title": row.text("source") or None,
              "source_url": row.text("source_url") or None, "notes": row.text("notes") or None,
              "industries": row.text("industries") or row.text("industry") or None}
    if stored == "platform":
        values["systems"] = row.optional("system", _SYSTEMS)
        values["platform_type"] = row.optional("platform_type", _TYPES)
        values["tier"] = row.text("tier") or None
        values["area_km2"] = row.optional("area_km2", uploads._number)
        if values["platform_type"] and "jjj_2_4_46" not in (values["systems"] or "jjj_2_4_46"):
            row.flag("platform_type", "type_needs_system")
        if values["platform_type"] and not row.text("system"):
            values["systems"] = "jjj_2_4_46"
    else:
        origin = row.text("origin")
        values["origin_name"] = origin or None
        values["origin_code"] = _origin_code(origin) if origin else None
    if stored == "park":
        values["modes"] = row.optional("modes", _MODES)
    if stored == "project":
        values["investment"] = row.optional("investment", uploads._number)
    if row.problems:
        return None
    where = _place(row)
    if where is None:
        return None
    values.update(province_code=where.province_code, city_code=where.city_code, county_code=where.county_code,
                  lon=where.point.x, lat=where.point.y, precision=where.precision)
    return values


_ENTITY = _entity


def _area_code(text: str) -> str:
    if uploads._norm(text) in ("jjj", "京津冀", "beijing–tianjin–hebei"):
        return "jjj"
    for resolve in (places.city_code, places.province_code):
        try:
            return resolve(text)
        except places.PlaceError:
            continue
    raise _Invalid("unknown_area")


def _indicator(row: _Row, stored: str, seen: dict) -> dict | None:
    area = row.required("city", _area_code)
    year = row.required("year", uploads._year)
    indicator = row.required("indicator", uploads._indicator_id)
    value = row.required("value", uploads._number)
    edition = row.optional("edition", _EDITIONS) or uploads.USER_EDITION
    if indicator is not None:
        uploads._check_value_rule(row, indicator, value)
        uploads._check_unit(row, indicator)
    if row.problems:
        return None
    key = (area, year, indicator, edition)
    if key in seen:
        row.flag(None, "duplicate_key", earlier_row=seen[key])
        return None
    seen[key] = row.number
    return {"area_code": area, "year": year, "indicator": indicator, "value": value,
            "unit": INDICATORS[indicator].unit, "edition": edition, "source_title": row.text("source") or None,
            "source_url": row.text("source_url") or None, "notes": row.text("notes") or None}


__all__ = ["KINDS", "Limits", "Reading", "check_zip", "json_depth_ok", "read", "POSITIVE_INDICATORS"]
