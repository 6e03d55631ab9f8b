"""Big point layers: the canvas above the threshold, the shapes' path data."""

from __future__ import annotations

import re

import geopandas as gpd
import pytest
import shapely

from geo import bigpoints, mapview, overlays
from geo.overlays import SHAPES


def _user_points(n: int) -> gpd.GeoDataFrame:
    names = [f"测试点 {i} / Test point {i}" for i in range(n)]
    return gpd.GeoDataFrame({"id": [f"u{i}" for i in range(n)], "name": names},
                            geometry=[shapely.Point(116.4 + i * 1e-4, 39.9) for i in range(n)], crs=4326)


@pytest.mark.parametrize("n, canvas", [(1, False), (bigpoints.CANVAS_THRESHOLD - 1, False),
                                       (bigpoints.CANVAS_THRESHOLD, True), (5000, True)])
def test_an_overlay_is_painted_on_the_canvas_from_the_threshold_on(n, canvas):
    points = _user_points(n)
    overlay = overlays.user_overlay(points, [(0, 0)] * n, "en")
    assert overlay.canvas is canvas
    group = overlays.folium.FeatureGroup()
    overlay.add_to(group)
    script = overlay._template.module.script(overlay)
    assert script.rstrip().endswith(f"{str(canvas).lower()});  // overlays.js")


def test_every_shape_has_path_data_with_the_svg_points():
    paths = bigpoints.shape_paths(SHAPES)
    assert set(paths) == set(SHAPES)
    for name in SHAPES:
        assert re.fullmatch(r"M[-\d.,AhvLZ ]+Z", paths[name]), name
    assert paths["triangle"] == "M8,1.5L14.8,14L1.2,14Z"
    assert paths["square"] == "M2.5,2.5h11v11h-11Z"


def test_an_unknown_shape_is_refused():
    with pytest.raises(ValueError):
        bigpoints.shape_path('<ellipse cx="8"/>')


def test_the_base_map_carries_the_shape_paths_once():
    base = mapview.build_base_map("en")
    html = base.get_root().render()
    assert html.count('"shapePaths"') == 1
    assert "M8,1.5L14.8,14L1.2,14Z" in html
