"""Search that forgives (issue #15): word order, partial names, pinyin initials, cities, one per place."""

import pytest
from streamlit.testing.v1 import AppTest

from geo import registry, search
from tests.test_map_workbench import _run

YIZHUANG = "北京亦庄·永清高新技术产业开发区"


@pytest.mark.parametrize("query", ["亦庄永清", "永清亦庄", "永清 亦庄", "yizhuang yongqing", "Yongqing Yizhuang"])
def test_word_order_and_partial_names(query):
    assert YIZHUANG in set(search.find_places(query)["name_zh"])


def test_a_chinese_query_is_not_matched_by_single_scattered_characters():
    assert not search.matches("亦永", search.filters._searchable(YIZHUANG, ""))  # parts need two characters
    assert search.find_places("庄清亦永").empty


def test_cities_are_found_after_the_places():
    found = search.find_places("保定")
    assert "city:130600" in set(found["id"]) and found["id"].iloc[-1] == "city:130600"
    assert "city:120100" in set(search.find_places("tianjin")["id"])


def test_a_place_that_is_both_a_platform_and_a_park_is_listed_once():
    entities = registry.entities()
    both = entities[entities["name_zh"] == "保定·中关村创新中心"]
    assert set(both["kind"]) == {"platform", "park"}  # the data holds it twice
    found = search.find_places("中关村创新中心")
    assert list(found["name_zh"]).count("保定·中关村创新中心") == 1
    assert found[found["name_zh"] == "保定·中关村创新中心"]["kind"].iloc[0] == "platform"


def test_the_platforms_table_search_knows_initials():
    table = registry.entities()
    found = search.search_table(table, "zgc")
    assert len(found) > 3 and all("中关村" in name for name in found["name_zh"])
    assert len(search.search_table(table, "")) == len(table)


def test_the_map_page_selects_a_searched_city():
    at = _run()
    at.text_input(key="m_find").set_value("Zhangjiakou").run()
    assert not at.exception, at.exception
    assert at.session_state["m_found"] == "city:130700" and at.session_state["m_city"] == "130700"


def test_the_platforms_page_search_finds_initials():
    at = AppTest.from_file(str(search.__file__).replace("geo/search.py", "app.py"), default_timeout=90)
    at.switch_page("pages/platforms.py")
    at.query_params["lang"] = "zh"
    at.run()
    at.text_input(key="registry_search").set_value("zgc").run()
    assert not at.exception, at.exception
    names = at.dataframe[0].value.iloc[:, 0].tolist()
    assert names and all("中关村" in n for n in names)
