"""Snapshot labels (geo.labels): none under a symbol or another label, counties inside their county."""

import numpy as np
import pandas as pd
import pytest
import shapely
from matplotlib.backends.backend_agg import FigureCanvasAgg

from geo import boundaries, filters, labels, snapshot

VIEWS = {
    "default": None,
    "beijing_tianjin": (116.0, 39.3, 117.4, 40.2),
    "shijiazhuang": (113.9, 37.6, 115.2, 38.5),
    "tangshan_qinhuangdao": (118.0, 39.2, 119.9, 40.3),
}


def _rendered(view: str, lang: str):
    snap = snapshot.render(filters.ViewState(lang=lang), title="标签测试", bounds=VIEWS[view])
    renderer = FigureCanvasAgg(snap.figure).get_renderer()
    with snapshot._style():  # the export's fonts, as when it is saved
        snap.figure.draw(renderer)  # the extents of what was really drawn, aspect applied
    return snap, snap.figure.axes[0], renderer


def _marker_boxes(ax) -> list[tuple]:
    """Every drawn marker's box in display pixels (size plus edge), read from the figure's lines."""
    px = ax.figure.dpi / 72
    out = []
    for line in ax.lines:
        if line.get_marker() in (None, "None", "", " "):
            continue
        half = (line.get_markersize() + line.get_markeredgewidth()) / 2 * px
        for x, y in ax.transData.transform(np.column_stack([line.get_xdata(), line.get_ydata()])):
            out.append((x - half, y - half, x + half, y + half))
    return out


def _overlap(a, b) -> bool:
    return a[0] < b[2] and a[2] > b[0] and a[1] < b[3] and a[3] > b[1]


@pytest.fixture(scope="module", params=[(v, lang) for v in VIEWS for lang in ("zh", "en")],
                ids=lambda p: f"{p[0]}-{p[1]}")
def rendered(request):
    snap, ax, renderer = _rendered(*request.param)
    yield request.param, ax, renderer
    snap.figure.clear()


def _label_texts(ax):
    return [t for t in ax.texts if (t.get_gid() or "").startswith("label:")]


def test_no_label_overlaps_a_symbol_or_another_label(rendered):
    (view, lang), ax, renderer = rendered
    texts = _label_texts(ax)
    assert texts, f"{view}/{lang}: no labels drawn"
    boxes = [t.get_window_extent(renderer).extents for t in texts]
    markers = _marker_boxes(ax)
    assert len(markers) > 10
    furniture = [ax.artists[0].info.window_extent.extents]  # the scale bar, as drawn
    furniture += [a.get_window_extent(renderer).extents for a in ax.texts
                  if not (a.get_gid() or "").startswith("label")]  # north arrow, "not approved" note
    for text, box in zip(texts, boxes):
        assert not [f for f in furniture if _overlap(box, f)], f"{text.get_text()!r} overlaps the scale bar or arrow"
        hits = [m for m in markers if _overlap(box, m)]
        assert not hits, f"{view}/{lang}: {text.get_text()!r} overlaps {len(hits)} symbol(s)"
    for i, a in enumerate(boxes):
        for j in range(i + 1, len(boxes)):
            assert not _overlap(a, boxes[j]), f"{texts[i].get_text()!r} overlaps {texts[j].get_text()!r}"


def test_labels_stay_in_the_map_frame_and_above_the_symbols(rendered):
    _, ax, renderer = rendered
    frame = ax.get_window_extent(renderer)
    top_symbol = max(line.get_zorder() for line in ax.lines)
    for text in _label_texts(ax):
        box = text.get_window_extent(renderer)
        assert frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0 and box.y1 <= frame.y1
        assert text.get_zorder() > top_symbol and text.get_path_effects(), "labels need a halo, on top"


def test_default_view_names_every_city_with_room_and_zoomed_views_name_counties_inside_them(rendered):
    (view, lang), ax, renderer = rendered
    key = "name_en" if lang == "en" else "name_zh"
    placed = [t for t in _label_texts(ax) if t.get_gid() == "label:county"]
    if view == "default":
        names = {t.get_text() for t in _label_texts(ax) if t.get_gid() == "label:city"}
        assert names <= set(boundaries.cities()[key]) and names
        for _, city in boundaries.cities().to_crs(boundaries.PROJECTED_CRS).iterrows():
            if city[key] not in names:  # dropped only where the data leaves no room (shrink, then drop)
                assert not _free_spots(ax, renderer, city[key], city.geometry), f"{city[key]} fits but is unnamed"
        assert not placed, "county names are too small to read at the whole region's scale"
        return
    counties = boundaries.counties().to_crs(boundaries.PROJECTED_CRS)
    assert len(placed) >= 5, f"{view}/{lang}: only {len(placed)} county labels"
    to_data = ax.transData.inverted()
    for text in placed:
        x0, y0, x1, y1 = text.get_window_extent(renderer).extents
        (a, b), (c, d) = to_data.transform([(x0, y0), (x1, y1)])
        same_name = counties[counties[key] == text.get_text()]  # 桥西区 is in three cities
        assert same_name.contains(shapely.box(a, b, c, d)).any(), text.get_text()


def _free_spots(ax, renderer, name: str, area, step_px: float = 2.0) -> int:
    """Places (a 2-px grid over ``area``) where ``name`` at the smallest city size, with the placer's
    clearance, would sit in the frame, centre in ``area``, off every symbol, label and map furniture."""
    fig = ax.figure
    scale = min(fig.get_size_inches()) / snapshot.DESIGN_SHORT_SIDE_IN
    probe = ax.text(0, 0, name, fontsize=labels.CITY_SIZES_PX[-1] * snapshot.PX_TO_PT * scale)
    with snapshot._style():
        extent = probe.get_window_extent(renderer)
    probe.remove()
    clear = (labels.HALO_PX / 2 + labels.GAP_PX) * snapshot.PX_TO_PT * scale * fig.dpi / 72
    half = np.array([extent.width / 2 + clear, extent.height / 2 + clear])
    taken = np.array(_marker_boxes(ax) + [t.get_window_extent(renderer).extents for t in ax.texts]
                     + [ax.artists[0].info.window_extent.extents])
    (x0, y0), (x1, y1) = ax.transData.transform([area.bounds[:2], area.bounds[2:]])
    xs, ys = np.meshgrid(np.arange(x0, x1, step_px), np.arange(y0, y1, step_px))
    centres = np.column_stack([xs.ravel(), ys.ravel()])
    data = ax.transData.inverted().transform(centres)
    centres = centres[shapely.contains_xy(area, data[:, 0], data[:, 1])]
    boxes = np.hstack([centres - half, centres + half])
    fx0, fy0, fx1, fy1 = ax.get_window_extent(renderer).extents
    inside = (boxes[:, 0] >= fx0) & (boxes[:, 1] >= fy0) & (boxes[:, 2] <= fx1) & (boxes[:, 3] <= fy1)
    hit = ((taken[None, :, 0] < boxes[:, None, 2]) & (taken[None, :, 2] > boxes[:, None, 0])
           & (taken[None, :, 1] < boxes[:, None, 3]) & (taken[None, :, 3] > boxes[:, None, 1])).any(axis=1)
    return int((inside & ~hit).sum())


def test_a_label_with_no_free_place_is_dropped_not_overprinted():
    snap = snapshot.render(filters.ViewState(overlays=()), title="t")
    ax = snap.figure.axes[0]
    placer = labels.Placer(ax, snapshot._Pen(1.0, 1000.0))
    placer.occupy(np.array([placer.frame]))  # the whole map frame taken
    before = len(ax.texts)
    with snapshot._style():
        assert placer.place(labels.Label("无处可放", 0.0, 0.0, "city", (13.0, 10.0))) is None
    assert len(ax.texts) == before
    snap.figure.clear()


def test_short_names_and_naming_order():
    assert labels.short_name("静海团泊健康产业园（天津健康产业国际合作示范区）", "zh") == "静海团泊健康产业园"
    assert labels.short_name("北京（曹妃甸）产业试验区", "zh") == "北京（曹妃甸）产业试验区"  # not trailing: kept
    assert labels.short_name("测试平台" * 10, "zh").endswith("…")
    frame = pd.DataFrame({"systems": ["tianjin_1_16", "jjj_2_4_46", None], "year": [2010, 2020, 2001]})
    assert labels.importance(frame, "platforms") == [1, 2, 0]
    assert labels.importance(frame, "parks") == [2, 0, 1]
