"""The snapshot's locator: Beijing, Tianjin and Hebei among their neighbours, the map's extent outlined.

Regional, not national (a map of all China brings the 南海诸岛 inset and other national-map rules).
The neighbours (Shanxi, Inner Mongolia, Liaoning, Shandong, Henan, named; the other provinces and
countries that reach into the frame, unnamed) come from the same boundary package as the region,
clipped and simplified by ``scripts/build_neighbours.py``; the sea (the Bohai) is the locator's
background, named at the point of open water farthest from any coast.
"""

from __future__ import annotations

from functools import lru_cache

import geopandas as gpd
import shapely
from matplotlib.patches import Rectangle
from shapely.ops import polylabel

from geo import boundaries
from geo.vocab import INK, LAYERS, NEIGHBOUR_PROVINCES, OKABE_ITO, ui

NEIGHBOURS_PATH = boundaries.DATA_DIR / "boundaries" / "neighbours.geojson"
SEA = INK["locator_sea"]
NEIGHBOUR_FILL, NEIGHBOUR_EDGE, FOREIGN_FILL = INK["neighbour_fill"], INK["neighbour_edge"], INK["foreign_fill"]
MARGIN = 0.42  # the locator shows the region with this share of its size around it
MAX_ASPECT = 1.5
BOHAI_BOX = (117.6, 37.0, 122.3, 41.0)  # degrees: where the Bohai's name is looked for (open water only)


@lru_cache(maxsize=1)
def neighbours() -> gpd.GeoDataFrame:
    """The five neighbouring provinces, clipped to the locator's frame, projected like the map."""
    frame = gpd.read_file(NEIGHBOURS_PATH).set_crs(boundaries.CRS, allow_override=True)
    return frame.to_crs(boundaries.PROJECTED_CRS)


@lru_cache(maxsize=1)
def _jjj() -> gpd.GeoDataFrame:
    return boundaries.provinces().to_crs(boundaries.PROJECTED_CRS)


def frame_box(extent, aspect: float) -> tuple[float, float, float, float]:
    """The locator's box: the region and ``extent`` with a margin, grown to ``aspect`` (width / height)."""
    x0, y0, x1, y1 = _jjj().total_bounds
    x0, y0, x1, y1 = min(x0, extent[0]), min(y0, extent[1]), max(x1, extent[2]), max(y1, extent[3])
    w, h = (x1 - x0) * (1 + 2 * MARGIN), (y1 - y0) * (1 + 2 * MARGIN)
    w, h = max(w, h * aspect), max(h, w / aspect)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    return cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2


@lru_cache(maxsize=1)
def _bohai_water() -> shapely.Geometry:
    land = shapely.union_all([*neighbours().geometry, *_jjj().geometry])
    bohai = gpd.GeoSeries([shapely.box(*BOHAI_BOX)], crs=boundaries.CRS).to_crs(boundaries.PROJECTED_CRS).iloc[0]
    return bohai.difference(land)


@lru_cache(maxsize=8)
def _bohai_point(box, extent) -> shapely.Point | None:
    """The open-water point farthest from land and the outlined extent in the Bohai box (and the frame)."""
    water = _bohai_water().intersection(shapely.box(*box)).difference(shapely.box(*extent).buffer(20_000))
    if water.is_empty:
        return None
    part = max(getattr(water, "geoms", [water]), key=lambda g: g.area)
    return polylabel(part, tolerance=2000)


def _label_point(geom, box) -> shapely.Point | None:
    seen = geom.intersection(shapely.box(*box))
    if seen.is_empty or seen.area < 0.015 * (box[2] - box[0]) * (box[3] - box[1]):
        return None  # too little of it in the frame to carry a name
    part = max(getattr(seen, "geoms", [seen]), key=lambda g: g.area)
    return polylabel(part, tolerance=2000)


def draw_locator(ax, extent, lang: str, pen) -> None:
    """Neighbours, the three provinces, the sea and the map's ``extent`` (projected box) in red."""
    _, _, width, height = ax.get_position().bounds
    w_in, h_in = ax.figure.get_size_inches()
    # The frame stays within the neighbours' clip frame: beyond it land would look like sea.
    box = frame_box(extent, min(MAX_ASPECT, max(1 / MAX_ASPECT, (width * w_in) / (height * h_in))))
    ax.set_aspect("equal", adjustable="box")
    ax.set_facecolor(SEA)
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_edgecolor(INK["frame"])
        spine.set_linewidth(0.6)
    near = neighbours()
    foreign = near["code"].str.isalpha()  # ISO codes: countries beyond the border, drawn paler
    near[foreign].plot(ax=ax, color=FOREIGN_FILL, edgecolor=NEIGHBOUR_EDGE, linewidth=pen.pt(0.5), zorder=0.9)
    near[~foreign].plot(ax=ax, color=NEIGHBOUR_FILL, edgecolor=NEIGHBOUR_EDGE, linewidth=pen.pt(0.7), zorder=1)
    _jjj().plot(ax=ax, color=LAYERS["counties"].fill, edgecolor=LAYERS["provinces"].stroke,
                linewidth=pen.pt(0.9), zorder=2)
    x0, y0, x1, y1 = extent
    ax.add_patch(Rectangle((x0, y0), x1 - x0, y1 - y0, fill=False, edgecolor=OKABE_ITO["vermillion"],
                           linewidth=pen.pt(2), zorder=4))
    names = {k: t(lang) for k, t in NEIGHBOUR_PROVINCES.items()}
    for name_zh, named, geom in zip(near["name_zh"], near["named"], near.geometry):
        point = _label_point(geom, box) if named and name_zh in names else None
        if point is not None:
            ax.text(point.x, point.y, names[name_zh], ha="center", va="center", fontsize=pen.pt(9.5),
                    color=INK["neighbour_label"], zorder=3, clip_on=True, gid="locator:neighbour")
    sea = _bohai_point(tuple(round(v) for v in box), tuple(round(v) for v in extent))
    if sea is not None:
        ax.text(sea.x, sea.y, ui("bohai", lang), ha="center", va="center", fontsize=pen.pt(9.5),
                color=INK["sea_label"], style="italic", zorder=3, clip_on=True, gid="locator:sea")
    ax.set_xlim(box[0], box[2])
    ax.set_ylim(box[1], box[3])
    ax.set_anchor("SW")
    ax.set_xlabel("")
    ax.set_ylabel("")
    ax.set_title(ui("snapshot_inset", lang), fontsize=pen.pt(10.5), loc="left", pad=pen.pt(3))

