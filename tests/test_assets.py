"""Offline assets: every link the map makes is a vendored local file."""

import pytest

from geo import assets, mapview


@pytest.mark.parametrize("basemap", mapview.BASEMAPS)
def test_every_linked_asset_is_local_and_present(basemap):
    fmap = mapview.build_map("zh", basemap)
    urls = assets.linked_urls(fmap)
    assert urls, "the map links no JS/CSS at all"
    for url in urls:
        assert url.startswith(assets.STATIC_URL + "/vendor/"), url
        assert assets.local_file(url).is_file(), url


def test_rendered_page_loads_nothing_from_the_internet():
    page = mapview.map_html(mapview.build_map("en"))
    for marker in ('src="http', "href=\"http", "cdn.", "unpkg", "jsdelivr", "cdnjs"):
        assert marker not in page, marker


def test_unknown_cdn_address_is_refused():
    with pytest.raises(assets.UnknownAssetError, match="no local copy"):
        assets.local_url("https://cdn.example.org/new-plugin.js")


def test_folium_defaults_we_do_not_need_are_dropped():
    assert assets.local_url("https://code.jquery.com/jquery-3.7.1.min.js") is None


def test_vendor_table_names_pinned_versions():
    for item in assets.VENDOR_FILES:
        assert item.version.count(".") == 2 and (assets.VENDOR_DIR / item.local_path).is_file()
