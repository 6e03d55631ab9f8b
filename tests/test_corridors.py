"""Corridor distances on known geometries, in metres of a projected CRS."""

import geopandas as gpd
import pandas as pd
import pytest
import shapely
from pyproj import Geod

from geo import boundaries, corridors

GEOD = Geod(ellps="WGS84")


def _point_east_of(lon, lat, km):
    lon2, lat2, _ = GEOD.fwd(lon, lat, 90, km * 1000)
    return shapely.Point(lon2, lat2)


@pytest.fixture
def line_and_points():
    # A north–south line on the projection's central meridian (116.5°E, straight in the projection)
    # and two entities 10 km and 30 km east of its middle, measured on the ellipsoid.
    line = gpd.GeoDataFrame({"line_id": ["L"], "status": ["operating"]},
                            geometry=[shapely.LineString([(116.5, 38.5), (116.5, 39.5)])], crs=boundaries.CRS)
    ents = gpd.GeoDataFrame({"id": ["near", "far"]},
                            geometry=[_point_east_of(116.5, 39.0, 10), _point_east_of(116.5, 39.0, 30)],
                            crs=boundaries.CRS)
    return line, ents


def test_a_point_10_km_from_a_line_is_inside_12_and_outside_8(line_and_points):
    line, ents = line_and_points
    assert set(corridors.within(ents, line, 12, "line_id")["id"]) == {"near"}
    assert corridors.within(ents, line, 8, "line_id").empty


def test_distances_are_in_kilometres_not_degrees(line_and_points):
    line, ents = line_and_points
    distance = corridors.nearest_km(ents, line)
    assert distance["near"] == pytest.approx(10, abs=0.1)
    assert distance["far"] == pytest.approx(30, abs=0.3)


def test_share_within_and_off_corridor(line_and_points):
    line, ents = line_and_points
    assert corridors.share_within(ents, line, 20) == 0.5
    off = corridors.off_corridor(ents, line, 20)
    assert list(off["id"]) == ["far"] and off["nearest_km"].iloc[0] > 20


def test_lines_join_stations_in_order_and_skip_repeated_points():
    stations = gpd.GeoDataFrame(
        {"line_id": ["L"] * 3, "seq": [2, 1, 3]},
        geometry=[shapely.Point(1, 1), shapely.Point(0, 0), shapely.Point(1, 1)], crs=boundaries.CRS)
    lines = pd.DataFrame({"line_id": ["L", "M"], "name_zh": ["甲", "乙"]})
    built = corridors.build_lines(lines, stations)
    assert list(built["line_id"]) == ["L"]  # M has no stations
    assert list(built.geometry.iloc[0].coords) == [(0, 0), (1, 1)]


def test_shipped_corridors_are_built_from_every_line_with_two_places():
    built = corridors.lines()
    assert len(built) >= 20
    assert built.geometry.is_valid.all() and (built.to_crs(boundaries.PROJECTED_CRS).length > 0).all()


# --- at the precision of the locations ------------------------------------------------------------

def _stations(rows):
    frame = pd.DataFrame(rows, columns=["line_id", "seq", "city_code", "county_code", "precision"])
    return gpd.GeoDataFrame(frame, geometry=[shapely.Point(116.0, 39.0)] * len(frame), crs=boundaries.CRS)


def _entities(rows):
    frame = pd.DataFrame(rows, columns=["id", "city_code", "county_code", "precision"])
    return gpd.GeoDataFrame(frame, geometry=[shapely.Point(116.0, 39.0)] * len(frame), crs=boundaries.CRS)


def test_access_is_told_in_counties_and_cities_not_kilometres():
    stations = _stations([("L1", 1, "130600", "130681", "county_centroid"),  # 涿州市
                          ("L2", 1, "130100", None, "city_centroid")])
    entities = _entities([("in_county", "130600", "130681", "county_centroid"),
                          ("other_county", "130600", "130602", "county_centroid"),
                          ("city_only", "130100", None, "city_centroid"),
                          ("no_station", "130700", None, "city_centroid")])
    access = corridors.station_access(entities, stations).set_index("id")
    assert access.loc["in_county", "access"] == "served_county" and access.loc["in_county", "lines"] == ["L1"]
    assert access.loc["other_county", "access"] == "same_city"
    assert access.loc["city_only", "access"] == "same_city"  # the station's county is unknown: city level only
    assert access.loc["no_station", "access"] == "no_station_city"
    shares = corridors.access_shares(access.reset_index())
    assert shares == {"served_county": 1, "same_city": 2, "no_station_city": 1, "total": 4}
    by_line = corridors.line_counties(stations, access.reset_index()).set_index("line_id")
    assert by_line.loc["L1", "counties"] == ["130681"] and by_line.loc["L1", "entities"] == ["in_county"]
    assert by_line.loc["L2", "counties"] == [] and by_line.loc["L2", "city_only_stations"] == 1


def test_a_point_with_source_coordinates_gets_the_county_it_falls_in():
    stations = _stations([("L1", 1, "110100", None, "exact")])  # 116.0, 39.0 lies in a county of the region
    county = boundaries.find_unit(116.0, 39.0, "counties")["code"]
    assert corridors.station_units(stations)["county_code"].tolist() == [county]
