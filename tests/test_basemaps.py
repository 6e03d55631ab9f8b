"""天地图 as an optional basemap (geo.basemaps): offered only with the user's key, no datum shift."""

import folium
import pytest

from geo import basemaps, filters, mapview


def _tiles(fmap):
    return [c for c in fmap._children.values() if isinstance(c, folium.TileLayer)]


def test_without_a_key_tianditu_is_not_offered_and_the_offline_default_stays(monkeypatch):
    monkeypatch.delenv(basemaps.KEY_ENV, raising=False)
    assert basemaps.choices() == ("none", "osm")
    assert filters.ViewState().basemap == "none"
    assert _tiles(mapview.build_base_map("zh", "tianditu_vec")) == []  # a shared link without a key: no tiles


def test_with_a_key_the_tiles_carry_it_with_the_providers_credit(monkeypatch):
    monkeypatch.setenv(basemaps.KEY_ENV, "user-key-123")
    monkeypatch.setenv(basemaps.APPROVAL_ENV, "GS(2099)0000号")
    assert basemaps.choices() == ("none", "osm", "tianditu_vec", "tianditu_img")
    tiles = _tiles(mapview.build_base_map("en", "tianditu_img"))
    assert len(tiles) == 2  # imagery and its annotation
    assert all("tianditu.gov.cn" in t.tiles and "tk=user-key-123" in t.tiles and "_w/wmts" in t.tiles for t in tiles)
    assert "img" in tiles[0].tiles and "cia" in tiles[1].tiles
    credit = tiles[0].options.get("attribution") or getattr(tiles[0], "attr", "")
    assert "Tianditu" in credit and "GS(2099)0000号" in credit


@pytest.mark.parametrize("name", basemaps.TIANDITU)
def test_tianditu_needs_no_shift_and_survives_the_url(name):
    assert basemaps.RECORDS[name].datum == "CGCS2000"  # ≈ WGS-84: no GCJ-02 shift applied anywhere
    state, ignored = filters.from_query({"basemap": name})
    assert state.basemap == name and not ignored
    assert basemaps.label(name, "zh").startswith("天地图")
