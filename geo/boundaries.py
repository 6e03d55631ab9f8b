"""Administrative boundaries and the policy areas drawn from them.

The shipped file ``data/boundaries/jjj.topojson`` (built by ``scripts/build_boundaries.py``) holds
three objects sharing one set of arcs: provinces, cities, counties. Everything here reads it once.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
TOPOJSON_PATH = DATA_DIR / "boundaries" / "jjj.topojson"
METADATA_PATH = DATA_DIR / "boundaries" / "metadata.json"
# A lighter copy of the same topology for the Map page's first view (built from it, see metadata).
OVERVIEW_PATH = DATA_DIR.parent / "static" / "data" / "jjj-overview.topojson"
POLICY_AREAS_PATH = DATA_DIR / "policy_areas.csv"
LEVELS = ("provinces", "cities", "counties")
CRS = "EPSG:4326"
# Lambert conformal conic centred on the region: true shapes and areas good to well under 1 %.
PROJECTED_CRS = "+proj=lcc +lat_1=37 +lat_2=41 +lat_0=39 +lon_0=116.5 +datum=WGS84 +units=m +no_defs"


@lru_cache(maxsize=1)
def topology() -> dict:
    """The raw TopoJSON dict, as sent to the browser."""
    return json.loads(TOPOJSON_PATH.read_text("utf-8"))


@lru_cache(maxsize=None)
def _level(level: str) -> gpd.GeoDataFrame:
    if level not in LEVELS:
        raise ValueError(f"unknown boundary level {level!r}; expected one of {LEVELS}")
    gdf = gpd.read_file(TOPOJSON_PATH, layer=level).set_crs(CRS, allow_override=True)
    gdf = gdf.drop(columns=[c for c in ("id",) if c in gdf.columns])
    return gdf.sort_values("code").reset_index(drop=True)


def load_level(level: str) -> gpd.GeoDataFrame:
    """One boundary level (``provinces``, ``cities`` or ``counties``) as a GeoDataFrame (a copy)."""
    return _level(level).copy()


def provinces() -> gpd.GeoDataFrame:
    """Beijing, Tianjin, Hebei: code, name_zh, name_en, geometry."""
    return load_level("provinces")


def cities() -> gpd.GeoDataFrame:
    """The 13 prefecture-level cities: code, name_zh, name_en, province_code, geometry."""
    return load_level("cities")


def counties() -> gpd.GeoDataFrame:
    """All county-level units: code, name_zh, name_en, city_code, province_code, geometry."""
    return load_level("counties")


def metadata() -> dict:
    """Source, licence, derivation and counts of the boundary file."""
    return json.loads(METADATA_PATH.read_text("utf-8"))


@lru_cache(maxsize=None)
def _label_points(level: str) -> gpd.GeoDataFrame:
    gdf = load_level(level)
    gdf["geometry"] = gdf.representative_point()
    return gdf


def label_points(level: str = "cities") -> gpd.GeoDataFrame:
    """A point inside each unit (not the centroid, which can fall outside), for labels (a copy)."""
    return _label_points(level).copy()


def find_unit(lon: float, lat: float, level: str = "counties") -> pd.Series | None:
    """The unit that contains a WGS-84 point, or None outside the region."""
    gdf = _level(level)
    hits = gdf[gdf.contains(shapely.Point(lon, lat))]
    return None if hits.empty else hits.iloc[0].drop("geometry")


def _union_of_codes(codes: list[str]) -> shapely.Geometry:
    parts = []
    for code in codes:
        level = "cities" if code.endswith("00") else "counties"
        match = _level(level)[_level(level)["code"] == code]
        if match.empty:
            raise ValueError(f"admin code {code} is not in the {level} boundaries")
        parts.append(match.geometry.iloc[0])
    return shapely.coverage_union_all(parts) if len(parts) > 1 else parts[0]


@lru_cache(maxsize=1)
def _policy_areas() -> gpd.GeoDataFrame:
    table = pd.read_csv(POLICY_AREAS_PATH, dtype=str).fillna("")
    table["members"] = table["member_codes"].str.split(";")
    table["approximate"] = table["extent"].eq("approximate")
    geometry = [_union_of_codes(codes) for codes in table["members"]]
    return gpd.GeoDataFrame(table, geometry=geometry, crs=CRS)


def policy_areas() -> gpd.GeoDataFrame:
    """The 2 concentrated areas and 4 strategic zones as polygons built from their member units."""
    return _policy_areas().copy()
