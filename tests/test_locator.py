"""The snapshot's locator (geo.locator): the region among its neighbours, the map's extent outlined."""

import geopandas as gpd
import pytest
from matplotlib.patches import Rectangle

from geo import boundaries, filters, locator, snapshot
from scripts import build_neighbours


def test_the_neighbour_file_holds_the_five_named_neighbours_from_the_boundary_package():
    frame = gpd.read_file(locator.NEIGHBOURS_PATH)
    named = set(frame.loc[frame["named"], "name_zh"])
    assert named == {"山西省", "内蒙古自治区", "辽宁省", "山东省", "河南省"}
    assert not set(frame["name_zh"]) & {"北京市", "天津市", "河北省"}
    west, south, east, north = frame.total_bounds
    fw, fs, fe, fn = build_neighbours.FRAME
    assert fw - 0.01 <= west and east <= fe + 0.01 and fs - 0.01 <= south and north <= fn + 0.01
    assert all(frame.geometry.is_valid) and locator.NEIGHBOURS_PATH.stat().st_size < 300_000


def test_the_neighbour_file_is_reproduced_by_its_script():
    rebuilt = build_neighbours.derive(build_neighbours.read_neighbours())
    shipped = gpd.read_file(locator.NEIGHBOURS_PATH)
    assert list(rebuilt["code"]) == list(shipped["code"])
    for a, b in zip(rebuilt.geometry, shipped.geometry):
        assert a.symmetric_difference(b).area < 1e-4 * max(a.area, 1e-9) + 1e-6


@pytest.mark.parametrize("lang,names", [("zh", {"山西", "内蒙古", "辽宁", "山东", "河南"}),
                                        ("en", {"Shanxi", "Inner Mongolia", "Liaoning", "Shandong", "Henan"})])
def test_the_locator_names_the_neighbours_and_the_bohai_and_outlines_the_extent(lang, names):
    snap = snapshot.render(filters.ViewState(lang=lang), title="t", bounds=(116.0, 39.3, 117.4, 40.2))
    ax_map, inset = snap.figure.axes[0], snap.figure.axes[2]
    texts = {t.get_text(): t.get_gid() for t in inset.texts}
    assert names <= set(texts) and texts[{"zh": "渤海", "en": "Bohai Sea"}[lang]] == "locator:sea"
    (rect,) = [p for p in inset.patches if isinstance(p, Rectangle) and not p.get_fill()]
    x0, x1 = ax_map.get_xlim()
    y0, y1 = ax_map.get_ylim()
    assert rect.get_xy() == pytest.approx((x0, y0)) and rect.get_width() == pytest.approx(x1 - x0)
    ix0, ix1 = inset.get_xlim()
    iy0, iy1 = inset.get_ylim()
    rx0, ry0, rx1, ry1 = boundaries.provinces().to_crs(boundaries.PROJECTED_CRS).total_bounds
    assert ix0 < rx0 - 150_000 and ix1 > rx1 + 150_000 and iy0 < ry0 - 150_000 and iy1 > ry1 + 150_000
    assert ix1 - ix0 < 2_500_000, "regional, not national"
    snap.figure.clear()
