"""Classification and legend of the city choropleth."""

import pandas as pd
import pytest

from geo import choropleth


@pytest.mark.parametrize("scheme", sorted(choropleth.SCHEMES))
def test_every_value_gets_a_class_and_missing_values_get_no_data(scheme):
    classes = choropleth.classify(pd.Series([1, 2, 3, None, 10, 20, 30]), scheme, 3)
    assert classes.labels[3] == -1 and (classes.labels[[0, 1, 2, 4, 5, 6]] >= 0).all()
    assert classes.colour_of(-1) == choropleth.NO_DATA_FILL
    assert classes.upper_bounds[-1] == 30


def test_few_distinct_values_shrink_the_classes():
    classes = choropleth.classify(pd.Series([5.0, 5.0, None]), "quantiles", 5)
    assert len(classes.upper_bounds) == 1 and list(classes.labels) == [0, 0, -1]


def test_no_values_at_all_is_all_no_data():
    classes = choropleth.classify(pd.Series([None, None], dtype=float))
    assert list(classes.labels) == [-1, -1] and classes.upper_bounds == ()


def test_legend_lists_breaks_with_units_and_a_no_data_row():
    classes = choropleth.classify(pd.Series([100.0, 200.0, 300.0, 400.0]), "equal_interval", 2)
    legend = choropleth.legend_rows(classes, "亿元", "无数据")
    assert legend.count("亿元") == 2 and "无数据" in legend


def test_unknown_scheme_is_refused():
    with pytest.raises(ValueError, match="unknown classification"):
        choropleth.classify(pd.Series([1.0]), "jenks_caspall")


@pytest.mark.parametrize("scheme", sorted(choropleth.SCHEMES))
@pytest.mark.parametrize("values", [[4163.0, 4163.0, 2000.0, 1843.0], [1843.0, 1850.0, 2000.0, 3100.0, 4163.0],
                                    [7.0, 7.0, 7.0, 8.0]])
def test_never_more_classes_than_distinct_values_and_no_empty_or_repeated_range(scheme, values):
    classes = choropleth.classify(pd.Series(values), scheme, 5)
    assert len(classes.colours) <= len(set(values))
    assert sum(n for _, _, n in classes.members) == len(values)  # every class holds a value; all counted
    for label, (lo, hi, n) in zip(classes.range_labels(), classes.members):
        assert n >= 1 and lo <= hi
        assert f"{choropleth._fmt(lo)} – {choropleth._fmt(lo)}" not in label  # never "4,163 – 4,163"


def test_legend_says_how_many_cities_each_class_holds():
    classes = choropleth.classify(pd.Series([1843.0, 1850.0, 4163.0, None]), "equal_interval", 2)
    legend = choropleth.legend_rows(classes, "亿元", "无数据", "（{n} 城）")
    assert "1,843 – 1,850 亿元 （2 城）" in legend and "4,163 亿元 （1 城）" in legend
