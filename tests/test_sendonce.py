"""Curated and workspace overlays sent once by content key (geo/sendonce.py, issue #16)."""

from __future__ import annotations

import json

import numpy as np
import pytest

from geo import bigpoints, filters, layers, mapview, offline_html, overlays, sendonce
from geo.filters import ViewState

EVERY = layers.LAYER_IDS


@pytest.fixture()
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "overlays"
    monkeypatch.setattr(sendonce, "CACHE_DIR", folder)
    return folder


def _refs(state: ViewState, embed=frozenset()) -> dict[str, sendonce.SentOnceOverlay]:
    group = overlays.overlay_group(filters.visible_layers(state), state.lang,
                                   mapview.policy_area_features(state.lang), embed=embed)
    return {c.drawing.key: c for c in group._children.values() if isinstance(c, sendonce.SentOnceOverlay)}


def _by_layer(state: ViewState, embed=frozenset()) -> dict[str, sendonce.SentOnceOverlay]:
    return {json.loads(c.ref_json)["layer"]: c for c in _refs(state, embed).values()}


def test_every_curated_layer_travels_by_reference_and_its_payload_is_its_whole_drawing(cache):
    shown = _by_layer(ViewState(overlays=EVERY))
    assert set(shown) == set(EVERY) - {"policy_areas", "user_points"}
    for layer_id, ref in shown.items():
        whole = layers.unfiltered(filters.visible_layers(ViewState(overlays=EVERY)), layer_id)
        layer = layers.BY_ID[layer_id]
        old = overlays.BROWSER_DRAWERS[layer.browser](layer, whole, [(0, 0)] * len(whole), "zh", {})
        assert ref.drawing.features() == overlays.expand(old.data_json)  # what the old overlay drew of every row
        assert ref.drawing.info() == json.loads(old.info_json)
        file = cache / f"{ref.drawing.key}.json"
        assert json.loads(file.read_text("utf-8"))["data"] == json.loads(ref.drawing.text)["data"]
        assert not ref.embedded and ref.drawing.text not in ref.ref_json


def test_the_kept_features_are_the_old_overlay_s_features_under_filters(cache):
    states = [ViewState(overlays=EVERY), ViewState(overlays=EVERY, provinces=("130000",)),
              ViewState(overlays=EVERY, cities=("120100",), as_of=2015, include_undated=False),
              ViewState(overlays=EVERY, types=("manufacturing",), industries=("大数据",), lang="en"),
              ViewState(overlays=EVERY, statuses=("building",))]
    for state in states:
        shown = filters.visible_layers(state)
        spread = [layer.id for layer in layers.LAYERS if layer.spread]
        offsets = dict(zip(spread, overlays.spread_offsets(*(shown[i] for i in spread))))
        for layer_id, ref in _by_layer(state).items():
            layer = layers.BY_ID[layer_id]
            frame = shown[layer_id]
            old = overlays.BROWSER_DRAWERS[layer.browser](layer, frame, offsets.get(layer_id, [(0, 0)] * len(frame)),
                                                          state.lang, {})
            new, before = ref.features(), overlays.expand(old.data_json)
            assert len(new) == len(before) == len(frame) > 0
            # the same drawing, ids aside (a station's id is its place in the payload)
            strip = (lambda fs: [f | {"properties": {k: v for k, v in f["properties"].items() if k != "id"}}
                                 for f in fs]) if layer.browser == "stations" else (lambda fs: fs)
            assert strip(new) == strip(before)


def test_a_filter_change_keeps_the_keys_and_sends_a_few_bytes(cache):
    first = _refs(ViewState(overlays=EVERY))
    second = _refs(ViewState(overlays=EVERY, provinces=("130000",)))
    assert set(second) == set(first)  # the same payloads: nothing to fetch again
    script = "".join(ref._template.module.script(ref) for ref in second.values())
    assert len(script) < 4000  # nine layers (the legend and the policy areas travel as before)
    assert all(ref.drawing.text not in script for ref in second.values())
    assert _refs(ViewState(overlays=EVERY, lang="en")).keys().isdisjoint(first)  # the language is in the drawing


def test_the_key_is_the_content_s_hash_and_stable():
    whole = layers.unfiltered(filters.visible_layers(ViewState(overlays=EVERY)), "platforms")
    layer = layers.BY_ID["platforms"]
    drawn = overlays.whole_drawing(layer, whole, "zh")
    again = overlays.whole_drawing(layer, whole.copy(), "zh")  # another frame of the same rows: built anew
    assert drawn is not again and (drawn.key, drawn.text) == (again.key, again.text)
    assert overlays.whole_drawing(layer, whole.iloc[:-1], "zh").key != drawn.key
    assert overlays.whole_drawing(layer, whole, "zh") is drawn  # once per frame and language


@pytest.mark.parametrize("positions,total", [([], 10), ([0, 1, 2], 3), ([2, 3, 4, 9], 10),
                                             (list(range(0, 1000, 2)), 1000), ([5, 1, 3], 8)])
def test_the_kept_positions_round_trip_compactly(positions, total):
    kept = sendonce.encode_kept(np.array(positions, dtype=np.int64), total)
    assert sendonce.decode_kept(kept, total) == positions
    assert len(json.dumps(kept)) <= max(40, total // 4 + 20)


def test_only_fanned_out_kept_points_carry_an_offset():
    assert sendonce.encode_offsets(np.array([3, 7, 9]), [(0, 0), (10, 0), (-5, 9)]) == [7, 10, 0, 9, -5, 9]
    assert sendonce.encode_offsets(np.array([3]), None) == []


def test_rows_outside_the_payload_are_sent_as_before(cache):
    state = ViewState(overlays=EVERY)
    shown = filters.visible_layers(state)
    drawing = overlays.whole_drawing(layers.BY_ID["parks"], layers.unfiltered(shown, "parks"), "zh")
    stranger = shown.parks.copy()
    stranger.index = stranger.index + 10_000
    assert sendonce.kept_positions(drawing, stranger) is None
    hand_made = layers.Layers(dict(shown._frames))  # not made by visible_layers: no view to take rows from
    group = overlays.overlay_group(hand_made, "zh", [])
    assert not any(isinstance(c, sendonce.SentOnceOverlay) for c in group._children.values())
    assert any(isinstance(c, overlays.GeoJsonOverlay) for c in group._children.values())


def test_a_payload_this_browser_missed_is_embedded_from_the_next_run(cache):
    state = ViewState(overlays=EVERY)
    platforms = _by_layer(state)["platforms"]
    value = {"last_active_drawing": {"properties": {"k": bigpoints.MISSING_KIND, "key": platforms.drawing.key}}}
    embed = bigpoints.embed_keys(frozenset(), value)
    again = _by_layer(state, embed)
    assert again["platforms"].embedded and again["platforms"].drawing.text in again["platforms"].ref_json
    assert not again["parks"].embedded


def test_an_unwritable_folder_embeds_the_payload(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setattr(sendonce, "CACHE_DIR", blocker / "overlays")  # under a file: cannot be made
    assert all(ref.embedded for ref in _refs(ViewState()).values())


def test_a_first_run_embeds_every_drawing_but_not_big_points(cache):
    refs = _refs(ViewState(), sendonce.FIRST_RUN)
    assert refs and all(ref.embedded for ref in refs.values())
    json.loads(next(iter(refs.values())).ref_json.replace("<\\/", "</"))  # still one JSON object


def test_the_offline_html_needs_no_server(cache):
    page = offline_html.to_html(ViewState(overlays=EVERY))
    assert "jjj.addSentOnce(" in page and '"data":{"v":1' in page
    assert page.count('"data":{"v":1') == page.count("jjj.addSentOnce(")
    assert not list(cache.glob("*.json"))  # nothing written for a page that cannot fetch it


def test_the_payload_folder_is_bounded(cache, monkeypatch):
    from geo import limits
    monkeypatch.setattr(limits, "POINT_CACHE_FILES", 3)
    _refs(ViewState(overlays=EVERY))
    assert len(list(cache.glob("*.json"))) == 3
