"""Big point layers: the canvas above the threshold, the shapes' path data."""

from __future__ import annotations

import json
import os
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


# --- big layers sent once ------------------------------------------------------------------------

def _upload(n: int, cities: tuple[str, ...] = ("110000", "120000")) -> gpd.GeoDataFrame:
    """N uploaded points alternating between ``cities`` (as geo.uploads leaves them: city codes given)."""
    frame = _user_points(n)
    frame["city_code"] = [cities[i % len(cities)] for i in range(n)]
    frame["located_city_code"] = frame["city_code"]
    return frame


@pytest.fixture()
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "points"
    monkeypatch.setattr(bigpoints, "CACHE_DIR", folder)
    return folder


def _group_script(layers, embed=frozenset()) -> str:
    group = overlays.overlay_group(layers, "en", [], embed=embed)
    return "".join(
        child._template.module.script(child) for child in group._children.values()
        if hasattr(child._template.module, "script"))


def _big_layers(points: gpd.GeoDataFrame, **state):
    from geo import filters
    return filters.visible_layers(filters.ViewState(**state), points)


def test_a_big_upload_travels_by_reference_and_its_file_is_written_once(cache):
    points = _upload(2000)
    script = _group_script(_big_layers(points))
    assert "jjj.addBigOverlay(" in script and "Test point 1999" not in script
    files = list(cache.glob("*.json"))
    assert len(files) == 1
    body = json.loads(files[0].read_text("utf-8"))
    assert body["n"] == len(body["cls"]) == len(body["xy"]) // 2 == len(body["o"]) // 2 == 2000
    assert _joined(body, "tip", 1999).startswith("测试点 1999 / Test point 1999")
    assert files[0].stem in script


def _joined(body: dict, which: str, i: int) -> str:
    """Point ``i``'s tooltip or card as jjj.BigPoints._lines joins it in the browser."""
    words = []
    for line in body[which]:
        col = body["cols"][line["col"]] if isinstance(line, dict) else None
        word = (col["w"][col["c"][i]] if "c" in col else col["w"][i]) if col else line
        if word:
            words.append(word)
    return "<br>".join(words)


def test_the_browser_joins_the_same_tooltips_and_cards_as_the_points_overlay(cache):
    points = _upload(600)
    points["kind"] = [None if i % 3 == 0 else f"类别 {i % 4} & <b>" for i in range(600)]
    points["industries"] = [float("nan") if i % 2 else "新材料;医药" for i in range(600)]
    points["source_title"] = "用户上传：firms.csv"
    points.loc[5, "name"] = points.loc[4, "name"]  # a name twice: the names are then sent as codes too
    for lang in ("zh", "en"):
        body = json.loads(overlays.user_payload(points, lang).text)
        symbol = overlays.OTHER_SYMBOLS["user"]
        for i, row in enumerate(points.to_dict("records")):
            tip, card = overlays._user_info(row, symbol, lang)
            assert (_joined(body, "tip", i), _joined(body, "card", i)) == (tip, card)
    assert "<b>" not in overlays.user_payload(points, "en").text


def test_the_words_of_a_column_are_escaped_once_each():
    import pandas as pd
    assert bigpoints.escaped_words(pd.Series(["a<", "b"])) == {"w": ["a&lt;", "b"]}
    assert bigpoints.escaped_words(pd.Series(["x", None, "x", "y&"])) == {"c": [0, 2, 0, 1], "w": ["x", "y&amp;", ""]}


def test_symbols_at_one_place_fan_out_as_the_points_overlay_fans_them():
    at = [shapely.Point(116.4, 39.9), shapely.Point(117.2, 39.1), shapely.Point(116.4, 39.9),
          shapely.Point(115.5, 38.9), shapely.Point(116.4, 39.9), shapely.Point(117.2, 39.1)] * 7
    points = gpd.GeoSeries(at + [shapely.Point(114.5, 38.0)], crs=4326)
    fanned = bigpoints.fanned_offsets(points, overlays.SPREAD_PX)
    assert [tuple(o) for o in fanned.tolist()] == overlays._spread(points)
    assert fanned.tolist()[-1] == [0, 0] and bigpoints.fanned_offsets(points.iloc[:0], 10).shape == (0, 2)


def test_the_bytes_per_run_do_not_grow_with_the_points(cache):
    small, big = (len(_group_script(_big_layers(_upload(n)))) for n in (500, 20000))
    assert abs(big - small) < 20  # the count and the key, not the points


def test_a_city_filter_is_sent_as_the_classes_kept(cache):
    points = _upload(1000)
    layers = _big_layers(points, cities=("120000",))
    assert len(layers.user_points) == 500
    payload = overlays.user_payload(points, "en")
    assert payload.classes == ("110000", "120000")
    assert bigpoints.kept_classes(payload, layers.user_points) == [1]
    assert '"kept":[1],"count":500' in _group_script(layers)


def test_rows_that_are_not_whole_classes_are_sent_as_points(cache):
    points = _upload(1000)
    payload = overlays.user_payload(points, "en")
    assert bigpoints.kept_classes(payload, points.iloc[:10]) is None
    overlay = overlays.user_overlay(points.iloc[:400], [(0, 0)] * 400, "en", points)
    assert isinstance(overlay, overlays.GeoJsonOverlay)


def test_the_payload_is_the_same_on_every_replica(cache):
    first = overlays.user_payload(_upload(800), "en")
    second = overlays.user_payload(_upload(800), "en")  # another frame, as another process reads it
    assert first.key == second.key and first.text == second.text
    assert overlays.user_payload(_upload(800), "zh").key != first.key


def test_the_cache_keeps_its_bounds_least_recently_used_first(cache, monkeypatch):
    monkeypatch.setattr(bigpoints.limits, "POINT_CACHE_FILES", 3)
    payloads = [overlays.user_payload(_upload(300 + i), "en") for i in range(5)]
    for i, payload in enumerate(payloads):
        assert bigpoints.publish(payload)
        os.utime(cache / f"{payload.key}.json", (1000 + i, 1000 + i))
    assert bigpoints.publish(payloads[0])  # used again: now the newest
    bigpoints.evict(cache)
    left = {p.stem for p in cache.glob("*.json")}
    assert left == {payloads[0].key, payloads[3].key, payloads[4].key}
    assert not list(cache.glob(".tmp-*"))


def test_the_points_are_embedded_when_the_file_cannot_be_written_or_fetched(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setattr(bigpoints, "CACHE_DIR", blocker / "points")
    points = _upload(400)
    script = _group_script(_big_layers(points))
    assert '"data":{' in script and "Test point 399" in script
    monkeypatch.setattr(bigpoints, "CACHE_DIR", tmp_path / "points")
    key = overlays.user_payload(points, "en").key
    embed = bigpoints.embed_keys(None, {"last_active_drawing": {"properties": {"k": bigpoints.MISSING_KIND,
                                                                               "key": key}}})
    assert embed == {key}
    assert '"data":{' in _group_script(_big_layers(points), embed=embed)
    assert '"data":{' not in _group_script(_big_layers(points))


def test_user_text_in_a_payload_is_escaped(cache):
    points = _upload(400)
    points.loc[0, "name"] = '</script><img src=x onerror="alert(1)">'
    payload = overlays.user_payload(points, "en")
    assert "<img" not in payload.text and "&lt;/script&gt;&lt;img" in payload.text
    overlay = bigpoints.BigPointOverlay(payload, [0], 400, "jjj-user", embedded=True)
    assert "</script" not in overlay.ref_json and "<img" not in overlay.ref_json


def test_the_offline_html_export_carries_a_big_upload_itself(cache):
    from geo import filters, offline_html
    page = offline_html.to_html(filters.ViewState(overlays=("user_points",), lang="en"), _upload(400))
    assert "jjj.addBigOverlay = function" in page and '"data":{' in page and "Test point 399" in page
    assert not list(cache.glob("*.json"))  # nothing written: the file opens without a server
