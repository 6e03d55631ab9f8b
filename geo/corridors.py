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


# --- at the precision of the locations: counties and cities a station serves ---------------------
# 133 of 134 stations and every platform sit at a county or city reference point, so a distance
# between two such points says nothing finer than "same county" or "same city". The page speaks at
# that precision: which counties (or, where the county is unknown, cities) have a station, and
# whether a platform or park lies in one. No kilometres.

ACCESS_LEVELS = ("served_county", "same_city", "no_station_city")


def _county_of(row, county_col: str = "county_code") -> str | None:
    """The county a located row lies in: the one it names, else the one its source coordinates fall in."""
    county = row.get(county_col)
    if isinstance(county, str) and county:
        return county
    if row.get("precision") in ("exact", "approximate"):
        unit = boundaries.find_unit(row.geometry.x, row.geometry.y, "counties")
        return None if unit is None else unit["code"]
    return None


def station_units(located_stations: gpd.GeoDataFrame) -> pd.DataFrame:
    """Per station: line_id, station key, city_code and county_code (None where only the city is known)."""
    return pd.DataFrame({
        "line_id": located_stations["line_id"].values,
        "station_key": (located_stations["line_id"] + ":" + located_stations["seq"].astype(str)).values,
        "city_code": located_stations["city_code"].values,
        "county_code": [_county_of(row) for _, row in located_stations.iterrows()],
    })


def station_access(entities: gpd.GeoDataFrame, located_stations: gpd.GeoDataFrame) -> pd.DataFrame:
    """Per entity: its county (if known), city, and how it relates to the stations:
    served_county (a station lies in its county), same_city (a station lies in its city, but not
    known to be in its county), no_station_city (no station in its city); and the lines serving
    its county."""
    units = station_units(located_stations)
    lines_by_county = units.dropna(subset=["county_code"]).groupby("county_code")["line_id"].agg(
        lambda s: sorted(set(s)))
    station_cities = set(units["city_code"])
    rows = []
    for _, entity in entities.iterrows():
        county = _county_of(entity)
        if county in lines_by_county.index:
            level, lines_here = "served_county", lines_by_county[county]
        elif entity["city_code"] in station_cities:
            level, lines_here = "same_city", []
        else:
            level, lines_here = "no_station_city", []
        rows.append({"id": entity["id"], "county_code": county, "city_code": entity["city_code"],
                     "access": level, "lines": lines_here})
    return pd.DataFrame(rows, columns=["id", "county_code", "city_code", "access", "lines"])


def access_shares(access: pd.DataFrame) -> dict[str, int]:
    """How many entities are at each access level (all levels listed, zeros included) and in all."""
    counts = access["access"].value_counts()
    return {**{level: int(counts.get(level, 0)) for level in ACCESS_LEVELS}, "total": len(access)}


def line_counties(located_stations: gpd.GeoDataFrame, access: pd.DataFrame) -> pd.DataFrame:
    """Per line: the counties its stations lie in, the stations known only by their city, and the
    entities in those counties."""
    units = station_units(located_stations)
    rows = []
    for line_id, stops in units.groupby("line_id", sort=False):
        counties = sorted(set(stops["county_code"].dropna()))
        served = access[access["lines"].map(lambda ls, lid=line_id: lid in ls)]["id"].tolist()
        rows.append({"line_id": line_id, "counties": counties,
                     "city_only_stations": int(stops["county_code"].isna().sum()), "entities": served})
    return pd.DataFrame(rows, columns=["line_id", "counties", "city_only_stations", "entities"])
