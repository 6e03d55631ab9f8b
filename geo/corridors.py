"""Transport corridors: schematic lines from ordered stations, and what lies near them.

Distances are measured in metres in the project's Lambert conformal conic projection
(``boundaries.PROJECTED_CRS``), never in degrees. Lines join a line's stations in order: they are
schematic, and most stations sit at a county or city reference point, so distances are indicative
at the scale of a county; ``station_precision`` says how many are exact.
"""

from __future__ import annotations

from functools import lru_cache

import geopandas as gpd
import pandas as pd
import shapely

from geo import boundaries, datasets

METRES_PER_KM = 1000.0


@lru_cache(maxsize=1)
def _stations() -> gpd.GeoDataFrame:
    return datasets.locate(datasets.load("stations"), "city_code", "county_code")


def stations() -> gpd.GeoDataFrame:
    """The shipped stations, located (once per process; a copy)."""
    return _stations().copy()


def build_lines(lines: pd.DataFrame, located_stations: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """One schematic LineString per line with two or more distinct station points."""
    records = []
    for _, line in lines.iterrows():
        stops = located_stations[located_stations["line_id"] == line["line_id"]].sort_values("seq")
        points = [p for i, p in enumerate(stops.geometry) if i == 0 or not p.equals(stops.geometry.iloc[i - 1])]
        if len(points) >= 2:
            records.append({**line.to_dict(), "geometry": shapely.LineString(points), "stations": len(stops)})
    return gpd.GeoDataFrame(records, geometry="geometry", crs=boundaries.CRS)


@lru_cache(maxsize=1)
def _lines() -> gpd.GeoDataFrame:
    return build_lines(datasets.load("corridor_lines"), _stations())


def lines() -> gpd.GeoDataFrame:
    """The shipped lines as schematic geometries (once per process; a copy)."""
    return _lines().copy()


def _projected(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    return gdf.to_crs(boundaries.PROJECTED_CRS)


def within(entities: gpd.GeoDataFrame, features: gpd.GeoDataFrame, km: float,
           feature_key: str) -> pd.DataFrame:
    """Every (feature, entity) pair closer than ``km``, with the distance in km."""
    if entities.empty or features.empty:
        return pd.DataFrame(columns=[feature_key, "id", "distance_km"])
    ents, feats = _projected(entities), _projected(features)
    out = []
    for _, feature in feats.iterrows():
        distance = ents.distance(feature.geometry)
        near = distance <= km * METRES_PER_KM
        out.append(pd.DataFrame({feature_key: feature[feature_key], "id": ents.loc[near, "id"],
                                 "distance_km": distance[near] / METRES_PER_KM}))
    return pd.concat(out, ignore_index=True).sort_values([feature_key, "distance_km"]).reset_index(drop=True)


def nearest_km(entities: gpd.GeoDataFrame, features: gpd.GeoDataFrame) -> pd.Series:
    """Distance from each entity to the nearest feature, in km (index = entity id)."""
    if features.empty:
        return pd.Series(float("nan"), index=entities["id"])
    union = shapely.union_all(_projected(features).geometry.values)
    return pd.Series(_projected(entities).distance(union).values / METRES_PER_KM, index=entities["id"].values)


def share_within(entities: gpd.GeoDataFrame, features: gpd.GeoDataFrame, km: float) -> float:
    """Share (0–1) of entities within ``km`` of any feature; NaN when there are no entities."""
    if entities.empty:
        return float("nan")
    return float((nearest_km(entities, features) <= km).mean())


def off_corridor(entities: gpd.GeoDataFrame, features: gpd.GeoDataFrame, km: float) -> gpd.GeoDataFrame:
    """Entities farther than ``km`` from every feature, with that distance."""
    distance = nearest_km(entities, features)
    out = entities.assign(nearest_km=distance.values)
    return out[out["nearest_km"] > km].sort_values("nearest_km", ascending=False)


def station_precision(located_stations: gpd.GeoDataFrame) -> dict[str, int]:
    """How many stations have source coordinates, a county point or a city point."""
    return located_stations["precision"].value_counts().to_dict()
