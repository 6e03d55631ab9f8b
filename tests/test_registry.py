"""Registry: search, counts, timeline and industry overlap on small known tables."""

import pandas as pd

from geo import registry


def _table():
    return pd.DataFrame({
        "id": ["a", "b", "c"], "kind": ["platform", "park", "park"],
        "name_zh": ["甲园", "乙园", "丙中心"], "name_en": ["Alpha Park", "Beta Park", "Gamma Centre"],
        "city_code": ["130600", "130600", "120100"],
        "industries": ["生物医药;新材料", "生物医药", "新材料;新能源"],
        "year": [2015, None, 2015.0],
    })


def test_two_platforms_with_one_alike_industry_overlap_once():
    overlap = registry.industry_overlap(_table())
    assert overlap.loc["生物医药", "entities"] == 2 and overlap.loc["生物医药", "cities"] == 1
    assert overlap.loc["新材料", "entities"] == 2 and overlap.loc["新材料", "cities"] == 2
    assert "新能源" not in overlap.index


def test_industry_city_matrix_counts_entities():
    matrix = registry.industry_city_matrix(_table())
    assert matrix.loc["生物医药", "130600"] == 2 and matrix.loc["新能源", "120100"] == 1


def test_search_matches_chinese_and_english_names():
    table = _table()
    assert list(registry.search(table, "乙")["id"]) == ["b"]
    assert list(registry.search(table, "gamma")["id"]) == ["c"]
    assert len(registry.search(table, "")) == 3


def test_timeline_leaves_out_entities_without_a_year():
    years = registry.timeline(_table())
    assert years.loc[2015].sum() == 2 and len(years) == 1


def test_shipped_registry_joins_platforms_and_parks():
    table = registry.entities()
    assert set(table["kind"]) == {"platform", "park"}
    assert table["id"].is_unique and table.geometry.notna().all()
    assert table.loc[table["kind"] == "platform", "systems"].notna().all()
