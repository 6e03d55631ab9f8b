"""Where a researcher's row lies: province, city and county from names, former names or codes.

Names match with or without their 区/县/市 suffix; former names of units renamed since 2014 come
from ``data/former_names.csv`` (each with the public page that records the change). A row with
coordinates is checked against the county (or city) it claims, and the point is placed exactly as
the curated rows are (``geo.datasets.locate``): source coordinates, else a county or city point.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd
import shapely

from geo import boundaries
from geo.uploads import BOUNDARY_TOLERANCE_DEG

FORMER_NAMES_PATH = boundaries.DATA_DIR / "former_names.csv"
_NAME_WITH_CODE = re.compile(r"(.*?)\s*(\d{6})")
_SUFFIXES = ("自治县", "新区", "矿区", "区", "县", "市")
_PROVINCE_SHORT = {"110000": ("北京", "京"), "120000": ("天津", "津"), "130000": ("河北", "冀")}


class PlaceError(ValueError):
    """A name or code that is not a unit of the region, or units that do not fit together."""

    def __init__(self, code: str, **params):
        super().__init__(code)
        self.code, self.params = code, params


@dataclass(frozen=True)
class Place:
    """A row's administrative place, its point and how precise the point is."""

    province_code: str
    city_code: str
    county_code: str | None
    point: shapely.Point
    precision: str  # exact / approximate / county_centroid / city_centroid, as in geo.datasets.locate


def _key(text: str) -> str:
    return "".join(str(text).split()).casefold()


def _stem(name: str) -> str:
    """A unit name without its level suffix (``蓟州区`` -> ``蓟州``); never shorter than one character."""
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            stem = name[: -len(suffix)]
            if stem:
                return stem
    return name


@lru_cache(maxsize=1)
def _lookups() -> dict:
    provinces, cities, counties = boundaries.provinces(), boundaries.cities(), boundaries.counties()
    province = {}
    for row in provinces.itertuples():
        for name in (row.code, row.name_zh, _stem(row.name_zh), row.name_en, *_PROVINCE_SHORT.get(row.code, ())):
            province[_key(name)] = row.code
    city = {}
    for row in cities.itertuples():
        for name in (row.code, row.name_zh, _stem(row.name_zh), row.name_en):
            city[_key(name)] = row.code
    county: dict[str, set[str]] = {}
    for row in counties.itertuples():
        for name in (row.code, row.name_zh, _stem(row.name_zh), row.name_en):
            county.setdefault(_key(name), set()).add(row.code)
    by_name = {(row.city_code, row.name_zh): row.code for row in counties.itertuples()}
    for row in former_names().itertuples():
        code = by_name[(row.city_code, row.current_name_zh)]
        for name in (row.former_name_zh, _stem(row.former_name_zh)):
            county.setdefault(_key(name), set()).add(code)
    return {"province": province, "city": city, "county": county,
            "county_city": dict(zip(counties["code"], counties["city_code"])),
            "city_province": dict(zip(cities["code"], cities["province_code"])),
            "county_name": dict(zip(counties["code"], counties["name_zh"])),
            "county_name_en": dict(zip(counties["code"], counties["name_en"]))}


@lru_cache(maxsize=1)
def former_names() -> pd.DataFrame:
    """Former county-level names (``former_name_zh``, ``current_name_zh``, ``city_code``, year, source)."""
    return pd.read_csv(FORMER_NAMES_PATH, dtype=str, encoding="utf-8")


def province_code(text: str) -> str:
    """The province a name or code names; Beijing and Tianjin by their city code too."""
    lookups = _lookups()
    code = lookups["province"].get(_key(text))
    if code is None and _key(text) in lookups["city"]:
        city = lookups["city"][_key(text)]
        if city[:2] in ("11", "12"):
            code = lookups["city_province"][city]
    if code is None:
        raise PlaceError("unknown_province", value=text)
    return code


def city_code(text: str) -> str:
    """The prefecture city a name or 6-digit code names (Beijing and Tianjin by province code too)."""
    lookups = _lookups()
    code = lookups["city"].get(_key(text))
    if code is None and _key(text) in ("110000", "120000"):
        code = _key(text)[:2] + "0100"
    if code is None:
        raise PlaceError("unknown_city", value=text)
    return code


def county_code(text: str, city: str | None = None) -> str:
    """The county-level unit a name, former name or 6-digit code names, within ``city`` when given.

    ``桥西区 130104`` (a name with its code, as the template's drop-down offers shared names) is its code."""
    named = _NAME_WITH_CODE.fullmatch(str(text).strip())
    if named and named[2] in _lookups()["county_city"]:
        text = named[2]
    candidates = _lookups()["county"].get(_key(text), set())
    if city is not None:
        inside = {code for code in candidates if _lookups()["county_city"][code] == city}
        if not inside and candidates:
            other = sorted(candidates)[0]
            raise PlaceError("county_not_in_city", value=text, found=_lookups()["county_city"][other])
        candidates = inside
    if not candidates:
        raise PlaceError("unknown_county", value=text)
    if len(candidates) > 1:  # e.g. 桥西区 in Shijiazhuang and Zhangjiakou
        raise PlaceError("ambiguous_county", value=text, n=len(candidates))
    return next(iter(candidates))


def resolve(province: str = "", city: str = "", county: str = "") -> tuple[str, str, str | None]:
    """Province, city and county codes from whatever the row gives; the finest unit decides."""
    city_c = city_code(city) if city else None
    county_c = county_code(county, city_c) if county else None
    if county_c and city_c is None:
        city_c = _lookups()["county_city"][county_c]
    if city_c is None:
        raise PlaceError("no_place")
    province_c = _lookups()["city_province"][city_c]
    if province and province_code(province) != province_c:
        raise PlaceError("city_not_in_province", value=province, found=province_c)
    return province_c, city_c, county_c


def place(province: str = "", city: str = "", county: str = "", lon: float | None = None,
          lat: float | None = None, precision: str | None = None) -> Place:
    """A row's place; raises ``PlaceError`` naming the unit a point really falls in when it misses."""
    province_c, city_c, county_c = resolve(province, city, county)
    if lon is None or lat is None:
        if county_c:
            return Place(province_c, city_c, county_c, _label_point("counties", county_c), "county_centroid")
        return Place(province_c, city_c, None, _label_point("cities", city_c), "city_centroid")
    level, code = ("counties", county_c) if county_c else ("cities", city_c)
    if not _near(_shape(level, code), lon, lat):
        found = boundaries.find_unit(lon, lat, "counties")
        if found is None:
            raise PlaceError("point_outside", lon=lon, lat=lat, claimed=_name(level, code))
        raise PlaceError("point_elsewhere", lon=lon, lat=lat, claimed=_name(level, code),
                         found=f"{found['name_zh']} {found['code']}", found_en=f"{found['name_en']} {found['code']}")
    return Place(province_c, city_c, county_c, shapely.Point(lon, lat), precision or "exact")


def county_of_point(lon: float, lat: float) -> str | None:
    """The county code a point falls in, or None outside the region."""
    found = boundaries.find_unit(lon, lat, "counties")
    return None if found is None else found["code"]


def _name(level: str, code: str) -> str:
    table = _unit_table(level)
    return f"{table.loc[code, 'name_zh']} {code}"


@lru_cache(maxsize=None)
def _unit_table(level: str) -> pd.DataFrame:
    return boundaries.load_level(level).set_index("code")


@lru_cache(maxsize=None)
def _shape(level: str, code: str) -> shapely.Geometry:
    shape = _unit_table(level).loc[code, "geometry"]
    shapely.prepare(shape)
    return shape


@lru_cache(maxsize=None)
def _label_point(level: str, code: str) -> shapely.Point:
    return boundaries.label_points(level).set_index("code").geometry[code]


def _near(shape: shapely.Geometry, lon: float, lat: float) -> bool:
    return bool(shapely.intersects_xy(shape, lon, lat)) or \
        shapely.distance(shape, shapely.Point(lon, lat)) <= BOUNDARY_TOLERANCE_DEG
