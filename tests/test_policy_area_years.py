"""The as-of year applies to the 2+4 policy areas (issue #15): each appears from the year it was
designated, a sourced date in data/policy_areas.csv."""

import re

import pytest

from geo import boundaries, filter_scope, filters, layers, sources
from geo.filters import ViewState
from geo.vocab import OVERLAYS


def _shown(**state) -> set[str]:
    drawn = layers.visible_layers(ViewState(**state))
    return set(drawn["policy_areas"]["name_zh"])


def test_year_2015_hides_xiongan_and_2018_shows_it():
    assert "河北雄安新区" not in _shown(as_of=2015)
    assert "河北雄安新区" in _shown(as_of=2018)


def test_no_year_shows_all_six_and_a_year_before_any_designation_shows_none():
    assert len(_shown()) == 6
    assert _shown(as_of=2016) == set()
    assert len(_shown(as_of=2017)) == 6  # the Dec 2017 joint document named all of them


def test_the_year_does_not_depend_on_the_undated_switch():
    assert _shown(as_of=2015, include_undated=True) == set()  # every area has a date


def test_every_area_has_a_dated_designation_from_a_cited_source():
    areas = boundaries.policy_areas()
    assert areas["designated"].map(lambda d: bool(re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", d))).all()
    for _, row in areas.iterrows():
        cited = sources.lookup(row["source_title"], row["source_url"])
        assert cited, row["id"]
    xiongan = areas.set_index("id").loc["xiongan"]
    assert xiongan["designated"] == "2017-04-01"  # its founding, 中央社 2017-04-01
    assert "中央社 2017-04-01" in xiongan["source_title"] and "n.yam.com" in xiongan["source_url"]
    others = areas[areas["id"] != "xiongan"]
    assert set(others["designated"]) == {"2017-12"}  # seed 004: the Dec 2017 document
    assert others["source_title"].str.contains("004_fefe62be1874ae98.txt").all()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_filter_scope_names_the_policy_areas_under_the_year(lang):
    assert "policy_areas" in filter_scope.layers_acted_on("as_of")
    assert OVERLAYS["policy_areas"](lang) in filter_scope.scope_text("as_of", lang)


def test_the_filter_itself_reads_the_designation_year():
    areas = boundaries.policy_areas()
    assert list(filters.designated_year(areas)) == [int(d[:4]) for d in areas["designated"]]
