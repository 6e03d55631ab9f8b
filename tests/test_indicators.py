"""Indicator picking, ranking, trends and gaps on small known tables."""

import pandas as pd
import pytest

from geo import indicators


def _rows(*rows):
    cols = ["area_code", "year", "indicator", "value", "unit", "edition", "source_title"]
    return pd.DataFrame(rows, columns=cols).assign(source_url=None)


def test_a_revised_figure_is_preferred_and_alternatives_counted():
    data = _rows(("110100", 2018, "gdp", "30320", "亿元", "first_release", "A"),
                 ("110100", 2018, "gdp", "33106", "亿元", "revised_2018_census", "B"))
    picked = indicators.pick(data, "gdp", 2018).set_index("area_code")
    assert picked.loc["110100", "value"] == 33106 and picked.loc["110100", "alternatives"] == 1


def test_all_thirteen_cities_are_listed_and_missing_ones_are_no_data():
    data = _rows(("130600", 2022, "gdp", "3880.3", "亿元", "first_release", "A"))
    values = indicators.city_values(data, "gdp", 2022)
    assert len(values) == 13
    assert values["value"].notna().sum() == 1


def test_ranking_orders_highest_first_and_skips_no_data():
    data = _rows(("130600", 2022, "gdp", "10", "亿元", "first_release", "A"),
                 ("130100", 2022, "gdp", "30", "亿元", "first_release", "A"),
                 ("131100", 2022, "gdp", "20", "亿元", "first_release", "A"))
    ranked = indicators.ranking(indicators.city_values(data, "gdp", 2022))
    assert list(ranked["code"]) == ["130100", "131100", "130600"] and list(ranked["rank"]) == [1, 2, 3]


def test_trend_keeps_editions_apart():
    data = _rows(("110100", 2017, "gdp", "28000", "亿元", "first_release", "A"),
                 ("110100", 2018, "gdp", "30320", "亿元", "first_release", "A"),
                 ("110100", 2018, "gdp", "33106", "亿元", "revised_2018_census", "B"))
    series = indicators.trend(data, "gdp", ["110100"])
    assert series["series"].nunique() == 2


def test_gap_against_the_hebei_median():
    data = _rows(("110100", 2022, "gdp", "40", "亿元", "first_release", "A"),
                 ("130100", 2022, "gdp", "10", "亿元", "first_release", "A"),
                 ("130200", 2022, "gdp", "30", "亿元", "first_release", "A"))
    gap = indicators.gap(indicators.city_values(data, "gdp", 2022))
    assert gap["hebei_median"] == 20 and gap["hebei_count"] == 2
    assert gap["beijing_to_hebei"] == pytest.approx(2.0) and gap["tianjin"] is None


def test_area_names_cover_cities_provinces_and_extra_areas():
    assert indicators.area_name("130600", "zh") == "保定市"
    assert indicators.area_name("jjj", "en") == "Beijing–Tianjin–Hebei"
    assert indicators.area_name("310000", "zh") == "上海市"


def test_with_values_keeps_the_given_order_and_only_indicators_with_a_value_for_those_areas():
    table = pd.DataFrame({"area_code": ["130100", "130100", "110000"], "indicator": ["gdp", "population", "rd"],
                          "year": [2020, 2021, 2020], "value": [1.0, 2.0, 3.0]})
    assert indicators.with_values(table, ["rd", "population", "gdp", "missing"], ["130100"]) == ["population", "gdp"]
    assert indicators.with_values(table, ["rd", "gdp"], ["110000"]) == ["rd"]
    assert indicators.with_values(table, ["gdp"], []) == []
