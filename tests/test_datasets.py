"""Curated tables: the shipped data passes every rule, and each rule catches what it should."""

import io

import pandas as pd
import pytest

from geo import boundaries, datasets
from geo.schemas import TABLES


def _frame(table_id: str, csv_text: str) -> pd.DataFrame:
    header = ",".join(TABLES[table_id].schema.columns)
    path = io.StringIO(header + "\n" + csv_text)
    return datasets.read_raw(table_id, path)


@pytest.fixture(scope="module")
def shipped():
    return datasets.check_all()


def test_shipped_tables_have_no_problems(shipped):
    _, problems = shipped
    assert problems == [], "\n".join(map(str, problems))


@pytest.mark.parametrize("table_id", TABLES)
def test_every_shipped_row_names_its_source(shipped, table_id):
    frame = shipped[0][table_id]
    assert frame["source_title"].notna().all()
    assert frame["source_title"].str.strip().str.len().gt(0).all()


@pytest.mark.parametrize("table_id,cols", [("platforms", ("city_code", "county_code")),
                                           ("parks", ("host_city_code", "host_county_code")),
                                           ("stations", ("city_code", "county_code")),
                                           ("hubs", ("city_code", "county_code"))])
def test_every_placed_point_falls_in_the_unit_it_claims(shipped, table_id, cols):
    frame = shipped[0][table_id]
    located = datasets.locate(frame, *cols)
    for _, row in located.iterrows():
        county = row.get(cols[1]) if pd.notna(row.get(cols[1])) else None
        level, code = ("counties", county) if county else ("cities", row[cols[0]])
        unit = boundaries.find_unit(row.geometry.x, row.geometry.y, level)
        assert unit is not None and unit["code"] == code, (table_id, row.get("id") or row.get("station_zh"))


def test_ids_are_unique(shipped):
    frames = shipped[0]
    for table_id, column in (("platforms", "id"), ("parks", "id"), ("corridor_lines", "line_id"),
                             ("hubs", "id"), ("axes_belts", "id")):
        assert frames[table_id][column].is_unique, table_id


def test_shipped_shares_add_up_and_totals_are_positive(shipped):
    indicators = shipped[0]["indicators"]
    assert datasets.share_sum_problems(indicators) == []
    positive = indicators[indicators["indicator"].isin(["gdp", "population", "gdp_per_capita"])]
    assert (positive["value"].astype(float) > 0).all()


# ---- each rule on small known inputs -------------------------------------------------------

INDICATOR_ROW = "{area},{year},{ind},{value},{unit},first_release,src,,"


def _indicators(*rows):
    return _frame("indicators", "\n".join(INDICATOR_ROW.format(**r) for r in rows))


def test_shares_that_do_not_add_up_are_reported_with_their_line():
    frame = _indicators(
        dict(area="130600", year=2022, ind="share_primary", value=10, unit="%"),
        dict(area="130600", year=2022, ind="share_secondary", value=40, unit="%"),
        dict(area="130600", year=2022, ind="share_tertiary", value=45, unit="%"),
    )
    frame, problems = datasets.schema_problems("indicators", frame)
    assert problems == []
    found = datasets.share_sum_problems(frame)
    assert len(found) == 1 and "95.0" in found[0].message and found[0].line == 2


def test_shares_within_half_a_point_pass():
    frame = _indicators(
        dict(area="jjj", year=2022, ind="share_primary", value=4.8, unit="%"),
        dict(area="jjj", year=2022, ind="share_secondary", value=29.6, unit="%"),
        dict(area="jjj", year=2022, ind="share_tertiary", value=65.7, unit="%"),
    )
    frame, _ = datasets.schema_problems("indicators", frame)
    assert datasets.share_sum_problems(frame) == []


def test_negative_population_wrong_unit_unknown_area_and_duplicates_are_reported():
    frame = _indicators(
        dict(area="130100", year=2020, ind="population", value=-5, unit="万人"),
        dict(area="130100", year=2020, ind="gdp", value=100, unit="元"),
        dict(area="999999", year=2020, ind="gdp", value=100, unit="亿元"),
        dict(area="999999", year=2020, ind="gdp", value=100, unit="亿元"),
    )
    frame, problems = datasets.schema_problems("indicators", frame)
    assert problems == []
    messages = [str(p) for p in datasets._indicator_problems(frame)]
    assert any("line 2" in m and "must be positive" in m for m in messages)
    assert any("line 3" in m and "亿元, not 元" in m for m in messages)
    assert any("line 4" in m and "999999 is not a known area code" in m for m in messages)
    assert any("line 5" in m and "duplicate" in m for m in messages)


def test_schema_names_the_line_and_column_of_a_bad_value():
    frame = _indicators(dict(area="130100", year=2020, ind="happiness", value=1, unit="%"))
    _, problems = datasets.schema_problems("indicators", frame)
    assert problems and problems[0].line == 2 and problems[0].column == "indicator"


def test_a_row_without_source_fails_the_schema():
    frame = _frame("hubs", "pek,airport,北京首都国际机场,Beijing Capital,110100,,1958,,,,,,")
    _, problems = datasets.schema_problems("hubs", frame)
    assert any(p.column == "source_title" for p in problems)


def test_a_point_outside_its_claimed_county_is_reported():
    # Tiananmen lies in Dongcheng (110101); claim Xicheng (110102) instead.
    frame = _frame("hubs", "x,airport,测试,Test,110100,110102,,116.3975,39.9087,exact,src,,")
    frame, problems = datasets.schema_problems("hubs", frame)
    assert problems == []
    found = datasets._point_problems("hubs.csv", frame, "city_code", "county_code")
    assert len(found) == 1 and "110101" in found[0].message and found[0].line == 2


def test_county_must_lie_in_the_claimed_city():
    frame = _frame("hubs", "x,airport,测试,Test,130600,110101,,,,,src,,")
    frame, _ = datasets.schema_problems("hubs", frame)
    found = datasets._admin_problems("hubs.csv", frame, "city_code", "county_code")
    assert len(found) == 1 and "lies in city 110100" in found[0].message


def test_points_without_coordinates_go_to_a_reference_point_inside_their_unit():
    frame = _frame("hubs", "a,airport,甲,A,130600,130681,,,,,src,,\nb,port,乙,B,130900,,,,,,src,,")
    frame, _ = datasets.schema_problems("hubs", frame)
    located = datasets.locate(frame)
    assert list(located["precision"]) == ["county_centroid", "city_centroid"]
    assert boundaries.find_unit(located.geometry[0].x, located.geometry[0].y)["code"] == "130681"
    assert boundaries.find_unit(located.geometry[1].x, located.geometry[1].y, "cities")["code"] == "130900"


def test_modes_must_come_from_the_vocabulary():
    frame = _frame("parks", "p,园,Park,海淀,110108,130300,,,,,tax_sharing;bribery,2015,established,,src,,")
    _, problems = datasets.schema_problems("parks", frame)
    assert any(p.column == "modes" for p in problems)


def test_memberships_may_name_a_policy_area_but_not_an_unknown_id(shipped):
    frames = {k: v.copy() for k, v in shipped[0].items()}
    memberships = frames["platform_memberships"]
    assert "binhai" in set(memberships["platform_id"])
    frames["platform_memberships"] = pd.concat([memberships, memberships.iloc[[0]].assign(platform_id="nowhere")],
                                               ignore_index=True)
    problems = datasets._cross_table_problems(frames)
    assert [p.column for p in problems] == ["platform_id"] and "nowhere" in problems[0].message
