"""Indicator picking, ranking, trends and gaps on small known tables."""

import pandas as pd
import pytest

from geo import charts, indicators
from geo.vocab import ui


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


def test_trend_keeps_one_edition_per_line_where_it_can_and_reports_a_join():
    data = _rows(("130000", 2014, "gdp", "25208.9", "亿元", "revised", "W"),
                 ("130000", 2019, "gdp", "35104.5", "亿元", "first_release", "Z"),
                 ("130000", 2019, "gdp", "34978.6", "亿元", "revised", "W"),
                 ("130000", 2020, "gdp", "36013.8", "亿元", "revised", "W"),
                 ("130000", 2023, "gdp", "43944.1", "亿元", "first_release", "C"))
    series = indicators.trend(data, "gdp", ["130000"])
    assert series["series"].nunique() == 1 and list(series["year"]) == [2014, 2019, 2020, 2023]
    assert series.set_index("year").loc[2019, "edition"] == "revised"  # the line's own edition, not a mix
    assert indicators.edition_joins(series) == {"130000": {"first_release": [2023], "revised": [2014, 2019, 2020]}}


def test_trend_breaks_the_line_at_missing_years():
    data = _rows(*[("110100", y, "gdp", str(y), "亿元", "first_release", "A") for y in (2015, 2016, 2018, 2022, 2023)])
    series = indicators.trend(data, "gdp", ["110100"])
    segments = series.groupby("segment")["year"].apply(list).tolist()
    assert segments == [[2015, 2016], [2018], [2022, 2023]]  # 2018 is a point, never joined to 2016 or 2022
    assert indicators.edition_joins(series) == {}


def test_the_trend_chart_draws_lines_within_segments_and_prints_years_as_years():
    data = _rows(*[("110100", y, "gdp", str(y), "亿元", "first_release", "A") for y in (2015, 2018, 2019)])
    spec = charts.trend_chart(indicators.trend(data, "gdp", ["110100"]), "亿元", "zh").to_dict()
    line, points = spec["layer"]
    assert line["encoding"]["detail"]["field"] == "line_id"
    assert line["encoding"]["x"]["axis"]["format"] == "d" and points["encoding"]["shape"]["field"] == "edition_label"
    lines = {r["line_id"] for r in spec["datasets"][next(iter(spec["datasets"]))]}
    assert len(lines) == 2  # 2015 alone; 2018–2019 joined


def test_ranking_label_says_how_many_cities_have_data():
    data = _rows(*[(c, 2022, "gdp", "1", "亿元", "first_release", "A") for c in ("130100", "130200", "130300")])
    ranked = indicators.ranking(indicators.city_values(data, "gdp", 2022))
    assert ui("ranking", "zh").format(n=len(ranked)) == "排名（13 城中 3 城有数据）"


HEBEI = ("130100", "130200", "130300", "130400", "130500", "130600", "130700")


def test_gap_against_the_hebei_median():
    n = indicators.MIN_CITIES_FOR_MEDIAN
    data = _rows(("110100", 2022, "gdp", "40", "亿元", "first_release", "A"),
                 *[(c, 2022, "gdp", str(10 * (i + 1)), "亿元", "first_release", "A") for i, c in enumerate(HEBEI[:n])])
    gap = indicators.gap(indicators.city_values(data, "gdp", 2022))
    median = float(pd.Series([10 * (i + 1) for i in range(n)]).median())
    assert gap["hebei_median"] == median and gap["hebei_count"] == n and not gap["withheld"]
    assert gap["beijing_to_hebei"] == pytest.approx(40 / median) and gap["tianjin"] is None


def test_a_median_over_too_few_cities_is_withheld_and_says_over_how_many():
    data = _rows(("110100", 2022, "gdp", "40", "亿元", "first_release", "A"),
                 *[(c, 2022, "gdp", "10", "亿元", "first_release", "A") for c in HEBEI[:3]])
    gap = indicators.gap(indicators.city_values(data, "gdp", 2022))
    assert gap["withheld"] and gap["hebei_median"] is None and gap["beijing_to_hebei"] is None
    assert gap["hebei_count"] == 3
    assert "3" in ui("median_withheld", "en").format(n=gap["hebei_count"], min=gap["minimum"])


def test_a_common_year_gives_every_indicator_that_years_value_or_none():
    data = _rows(("130100", 2019, "gdp", "5000", "亿元", "first_release", "A"),
                 ("130100", 2022, "gdp", "7000", "亿元", "first_release", "A"),
                 ("130100", 2019, "population", "1039", "万人", "first_release", "A"))
    assert indicators.common_years(data, "130100", ["gdp", "population"]) == [2019, 2022]
    latest = indicators.city_profile(data, "130100", ["gdp", "population"]).set_index("indicator")
    assert list(latest["year"]) == [2022, 2019]
    common = indicators.city_profile(data, "130100", ["gdp", "population"], year=2022).set_index("indicator")
    assert common.loc["gdp", "value"] == 7000 and pd.isna(common.loc["population", "value"])


def test_other_sources_are_shown_beside_the_kept_value():
    alternates = _rows(("130000", 2022, "rd_intensity", "2.04", "%", "first_release", "some table"))
    text = indicators.other_sources_text(alternates, "130000", "rd_intensity", 2022, "first_release", "en")
    assert text.startswith("Other sources say 2.04 (") and "some table" in text and "[weak source]" in text
    assert indicators.other_sources_text(alternates, "130000", "rd_intensity", 2021, "first_release", "en") == ""


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


def test_a_trend_of_one_edition_draws_only_its_years():
    data = _rows(("130000", 2014, "gdp", "29421", "亿元", "first_release", "A"),
                 ("130000", 2014, "gdp", "25208.9", "亿元", "revised", "W"),
                 ("130000", 2019, "gdp", "35104.5", "亿元", "first_release", "Z"),
                 ("130000", 2020, "gdp", "36013.8", "亿元", "revised", "W"),
                 ("130000", 2023, "gdp", "43944.1", "亿元", "first_release", "C"))
    series = indicators.trend(data, "gdp", ["130000"], edition="first_release")
    assert list(series["year"]) == [2014, 2019, 2023] and set(series["edition"]) == {"first_release"}
    assert series["segment"].nunique() == 3 and indicators.edition_joins(series) == {}


def test_the_timeline_prints_years_as_years():
    counts = pd.DataFrame({"park": [1, 0, 2], "platform": [0, 1, 1]}, index=[2015, 2016, 2018])
    spec = charts.year_counts_chart(counts, "en").to_dict()
    assert spec["encoding"]["x"]["axis"]["format"] == "d"
    rows = spec["datasets"][next(iter(spec["datasets"]))]
    assert sorted((r["year"], r["group"], r["n"]) for r in rows) == [
        (2015, "park", 1), (2016, "platform", 1), (2018, "park", 2), (2018, "platform", 1)]


def test_plain_numbers_keep_what_the_source_states_and_drop_trailing_zeros():
    from geo.indicators import plain_number
    assert plain_number(32810.0) == "32,810"
    assert plain_number(41610.9) == "41,610.9"
    assert plain_number(0.25) == "0.25"
    assert plain_number(3.5, signed=True) == "+3.5" and plain_number(-120.0, signed=True) == "-120"
