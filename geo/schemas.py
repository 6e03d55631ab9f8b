"""Every curated table's columns, types and allowed values, declared once (pandera).

``TABLES`` maps a table id to its CSV file under ``data/`` and its schema. Cross-table rules
(foreign keys, admin codes, shares summing to 100) live in ``geo.datasets``.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandera.pandas as pa

from geo.vocab import (
    AXIS_KINDS,
    CONFIDENCE,
    CORRIDOR_STATUSES,
    EDITIONS,
    HUB_KINDS,
    INDICATORS,
    LINE_KINDS,
    MODES,
    PLATFORM_SYSTEMS,
    PLATFORM_TYPES,
    PRECISIONS,
)
from geo.vocab import YEAR_KINDS as YEAR_KIND_TERMS

ID = r"^[a-z0-9_]+$"
CODE = r"^\d{6}$"
DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
FIGURE_ENTITIES = ("platform", "park", "policy_area")
YEAR_KINDS = ("signed", "established", "opened")
QUALIFIERS = (">", ">=", "<", "≈")
SHARE_TOLERANCE = 0.5  # percentage points: published shares are rounded to one decimal


def _text(required: bool = False, **kwargs) -> pa.Column:
    checks = [pa.Check.str_length(min_value=1)] if required else []
    return pa.Column(str, checks=checks, nullable=not required, **kwargs)


def _choice(options, required: bool = True) -> pa.Column:
    return pa.Column(str, pa.Check.isin(list(options)), nullable=not required)


def _pattern(regex: str, required: bool = True, unique: bool = False) -> pa.Column:
    return pa.Column(str, pa.Check.str_matches(regex), nullable=not required, unique=unique)


def _number(required: bool = False, **check) -> pa.Column:
    checks = [pa.Check.in_range(**check)] if check else []
    return pa.Column(float, checks=checks, nullable=not required, coerce=True)


def _semicolon_list(options) -> pa.Column:
    allowed = set(options)
    return pa.Column(str, pa.Check(
        lambda s: s.map(lambda v: all(p.strip() in allowed for p in str(v).split(";"))),
        element_wise=False, error=f"each ';'-separated item must be one of {sorted(allowed)}"),
        nullable=True)


SOURCE_COLUMNS = {"source_title": _text(required=True), "source_url": _text(), "notes": _text()}
LOCATION_COLUMNS = {
    "lon": _number(min_value=113.0, max_value=120.5),
    "lat": _number(min_value=36.0, max_value=43.0),
    "precision": _choice(PRECISIONS, required=False),
}

PLATFORMS = pa.DataFrameSchema({
    "id": _pattern(ID, unique=True),
    "name_zh": _text(required=True),
    "name_en": _text(required=True),
    "province_code": _pattern(CODE),
    "city_code": _pattern(CODE),
    "county_code": _pattern(CODE, required=False),
    **LOCATION_COLUMNS,
    "year_established": _number(min_value=1980, max_value=2026),
    "industries": _text(),
    "area_km2": _number(min_value=0.01, max_value=50_000),
    "area_note": _text(),
    **SOURCE_COLUMNS,
}, strict=True, name="platforms")

PLATFORM_MEMBERSHIPS = pa.DataFrameSchema({
    "platform_id": _pattern(ID),
    "system": _choice(PLATFORM_SYSTEMS),
    "platform_type": _choice(PLATFORM_TYPES, required=False),
    "tier_zh": _text(),
    "tier_en": _text(),
    "confidence": _choice(CONFIDENCE),
    **SOURCE_COLUMNS,
}, strict=True, unique=["platform_id", "system"], name="platform_memberships")

PARKS = pa.DataFrameSchema({
    "id": _pattern(ID, unique=True),
    "name_zh": _text(required=True),
    "name_en": _text(required=True),
    "origin_name_zh": _text(required=True),
    "origin_code": _pattern(CODE),
    "host_city_code": _pattern(CODE),
    "host_county_code": _pattern(CODE, required=False),
    **LOCATION_COLUMNS,
    "modes": _semicolon_list(MODES),
    "year": _number(min_value=1980, max_value=2026),
    "year_kind": _choice(YEAR_KINDS, required=False),
    "industries": _text(),
    **SOURCE_COLUMNS,
}, strict=True, name="parks")

PROJECTS = pa.DataFrameSchema({
    "id": _pattern(ID, unique=True),
    "name_zh": _text(required=True),
    "name_en": _text(required=True),
    "origin_name_zh": _text(),
    "origin_code": _pattern(CODE, required=False),
    "host_city_code": _pattern(CODE),
    "host_county_code": _pattern(CODE, required=False),
    **LOCATION_COLUMNS,
    "year": _number(min_value=1980, max_value=2026),
    "year_kind": _choice(YEAR_KIND_TERMS, required=False),
    "industries": _text(),
    "investment": _number(min_value=0, max_value=1e7),  # as the source states it, in investment_unit
    "investment_unit": _text(),
    **SOURCE_COLUMNS,
}, strict=True, name="projects")

FIGURES = pa.DataFrameSchema({
    "entity_kind": _choice(FIGURE_ENTITIES),
    "entity_id": _pattern(ID),
    "figure_zh": _text(required=True),
    "figure_en": _text(required=True),
    "qualifier": _choice(QUALIFIERS, required=False),
    "value": _number(required=True),
    "unit": _text(required=True),
    "date": _pattern(DATE),
    "basis": _text(),
    **SOURCE_COLUMNS,
}, strict=True, name="figures")

CORRIDOR_LINES = pa.DataFrameSchema({
    "line_id": _pattern(ID, unique=True),
    "name_zh": _text(required=True),
    "name_en": _text(required=True),
    "kind": _choice(LINE_KINDS),
    "status": _choice(CORRIDOR_STATUSES),
    "opened": _pattern(DATE, required=False),
    "section_note": _text(),
    "design_speed_kmh": _number(min_value=80, max_value=400),
    **SOURCE_COLUMNS,
}, strict=True, name="corridor_lines")

STATIONS = pa.DataFrameSchema({
    "line_id": _pattern(ID),
    "seq": pa.Column(int, pa.Check.ge(1), coerce=True),
    "station_zh": _text(required=True),
    "station_en": _text(required=True),
    "city_code": _pattern(CODE),
    "county_code": _pattern(CODE, required=False),
    "status": _choice(CORRIDOR_STATUSES),
    "opened": _pattern(DATE, required=False),
    **LOCATION_COLUMNS,
    **SOURCE_COLUMNS,
}, strict=True, unique=["line_id", "seq"], name="stations")

HUBS = pa.DataFrameSchema({
    "id": _pattern(ID, unique=True),
    "kind": _choice(HUB_KINDS),
    "name_zh": _text(required=True),
    "name_en": _text(required=True),
    "city_code": _pattern(CODE),
    "county_code": _pattern(CODE, required=False),
    "opened": _pattern(DATE, required=False),
    **LOCATION_COLUMNS,
    **SOURCE_COLUMNS,
}, strict=True, name="hubs")

AXES_BELTS = pa.DataFrameSchema({
    "id": _pattern(ID, unique=True),
    "kind": _choice(AXIS_KINDS),
    "name_zh": _text(required=True),
    "name_en": _text(required=True),
    "city_codes": _pattern(r"^\d{6}(;\d{6})*$", required=False),
    **SOURCE_COLUMNS,
}, strict=True, name="axes_belts")

INDICATOR_VALUES = pa.DataFrameSchema({
    "area_code": _text(required=True),
    "year": pa.Column(int, pa.Check.in_range(2000, 2026), coerce=True),
    "indicator": _choice(INDICATORS),
    "value": _number(required=True),
    "unit": _text(required=True),
    "edition": _choice([e for e in EDITIONS if e != "user_upload"]),  # uploads are never shipped
    **SOURCE_COLUMNS,
}, strict=True, name="indicators")


@dataclass(frozen=True)
class Table:
    """A curated table: its file, schema and titles; for point tables, the columns that place a row.

    ``points`` (city column, county column) makes ``geo.datasets`` check the admin codes and that
    stated coordinates fall in the claimed county; ``origin`` names a column of admin codes to check.
    """

    id: str
    file: str
    schema: pa.DataFrameSchema
    title_zh: str
    title_en: str
    points: tuple[str, str] | None = None
    province: str | None = None
    origin: str | None = None


TABLES: dict[str, Table] = {t.id: t for t in (
    Table("platforms", "platforms.csv", PLATFORMS, "承接平台", "Undertaking platforms",
          points=("city_code", "county_code"), province="province_code"),
    Table("platform_memberships", "platform_memberships.csv", PLATFORM_MEMBERSHIPS,
          "平台所属体系", "Platform system memberships"),
    Table("parks", "parks.csv", PARKS, "共建园区", "Co-built parks",
          points=("host_city_code", "host_county_code"), origin="origin_code"),
    Table("projects", "projects.csv", PROJECTS, "重点协同项目", "Key coordination projects",
          points=("host_city_code", "host_county_code"), origin="origin_code"),
    Table("figures", "figures.csv", FIGURES, "平台与园区数据", "Dated figures of platforms and parks"),
    Table("corridor_lines", "corridor_lines.csv", CORRIDOR_LINES, "城际与高铁线路", "Intercity and high-speed lines"),
    Table("stations", "stations.csv", STATIONS, "车站", "Stations", points=("city_code", "county_code")),
    Table("hubs", "hubs.csv", HUBS, "机场与港口", "Airports and ports", points=("city_code", "county_code")),
    Table("axes_belts", "axes_belts.csv", AXES_BELTS, "发展轴与产业带", "Axes and industrial belts"),
    Table("indicators", "indicators.csv", INDICATOR_VALUES, "城市指标", "City indicators"),
    Table("indicator_alternates", "indicator_alternates.csv", INDICATOR_VALUES.set_name("indicator_alternates"),
          "城市指标：其他来源的数值", "City indicators: values from other sources"),
)}
