"""Map labels that never sit under a symbol or another label (static snapshots).

A priority rule, not a force simulation: labels are placed one by one, most important first. Each
label tries its candidate positions in order (for a county: inside the county; for a city or a
point: around its anchor), at its full size, then smaller; the first position whose box touches no
symbol, no label already placed, no map furniture and stays in the map frame wins, and a label that
fits nowhere is dropped rather than overprinted. TECH-NOTES: adjustText left overlaps and pushed
county labels out of their county; textalloc removed overlaps but put most labels outside.

Order: the 13 city names, then the names of platforms (the national 2+4+46 system first) and parks
(oldest first), then county names when the view is small enough to read them. Every label drawn
carries a ``gid`` starting with ``label:`` so tests and callers can find it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from matplotlib import patheffects
from matplotlib.backends.backend_agg import RendererAgg
from matplotlib_scalebar.scalebar import ScaleBar
from shapely.ops import polylabel

from geo import boundaries, overlays, textsafe
from geo.layers import LAYERS as LAYER_REGISTRY
from geo.vocab import INK, LAYERS

COUNTY_VIEW_KM = 260  # county names only when the view's shorter side is at most this
CITY_SIZES_PX = (13.0, 11.5, 10.0, 9.0)
POINT_SIZES_PX = (10.0, 9.0, 8.0)
COUNTY_SIZES_PX = (9.5, 8.5, 7.5)
HALO_PX = 3.5
GAP_PX = 2.0  # clear space between a label's halo and a symbol or another label
POINT_NAME_EM = 14  # longer platform or park names are cut with …
POINT_NAME_EM_EN = 26
PRIMARY_SYSTEM = "jjj_2_4_46"
CHUNK = 256  # candidate positions tested at once against every occupied box
GRID_STEPS = 64  # a city's candidate grid has at most this many steps across, each way


@dataclass
class Label:
    """One label to place: text, anchor (data coordinates), candidate offsets and sizes."""

    text: str
    x: float
    y: float
    kind: str  # city, point, county
    sizes: tuple[float, ...]
    radius_px: float = 0.0  # half the symbol at the anchor: point labels sit beside it
    inside: shapely.Geometry | None = None  # the label box must lie within this (data coordinates)
    centre_in: shapely.Geometry | None = None  # the label's centre must lie within this
    colour: str = INK["label"]


class Placer:
    """Greedy placement against occupied boxes (display pixels: x0, y0, x1, y1)."""

    def __init__(self, ax, pen):
        self.ax, self.pen = ax, pen
        fig = ax.figure
        width, height = fig.get_size_inches() * fig.dpi
        self.renderer = RendererAgg(int(width) + 1, int(height) + 1, fig.dpi)
        ax.apply_aspect()
        self.frame = ax.get_window_extent(self.renderer).extents
        self.px = fig.dpi / 72  # display pixels per point
        self.boxes = np.empty((0, 4))
        self.placed: list = []

    def occupy(self, boxes: np.ndarray) -> None:
        if len(boxes):
            self.boxes = np.vstack([self.boxes, np.asarray(boxes, dtype=float).reshape(-1, 4)])

    def _first_fit(self, label: Label, centres: np.ndarray, half: np.ndarray, to_data):
        """(centre, box) of the first of ``centres`` where ``label`` fits, or None."""
        boxes = np.hstack([centres - half, centres + half])
        ok = self.free_all(boxes)
        if label.centre_in is not None and ok.any():  # a city's name stays over its city, however crowded
            data = to_data.transform(centres[ok])
            ok[np.flatnonzero(ok)] = shapely.contains_xy(label.centre_in, data[:, 0], data[:, 1])
        for i in np.flatnonzero(ok):
            if _within(label.inside, to_data, boxes[i]):
                return centres[i], boxes[i]
        return None

    def free_all(self, boxes: np.ndarray) -> np.ndarray:
        """For each box (rows x0, y0, x1, y1): inside the frame and touching no occupied box."""
        fx0, fy0, fx1, fy1 = self.frame
        inside = (boxes[:, 0] >= fx0) & (boxes[:, 1] >= fy0) & (boxes[:, 2] <= fx1) & (boxes[:, 3] <= fy1)
        b = self.boxes
        if not len(b):
            return inside
        hit = ((b[None, :, 0] < boxes[:, None, 2]) & (b[None, :, 2] > boxes[:, None, 0])
               & (b[None, :, 1] < boxes[:, None, 3]) & (b[None, :, 3] > boxes[:, None, 1]))
        return inside & ~hit.any(axis=1)

    def free(self, box) -> bool:
        x0, y0, x1, y1 = box
        fx0, fy0, fx1, fy1 = self.frame
        if x0 < fx0 or y0 < fy0 or x1 > fx1 or y1 > fy1:
            return False
        b = self.boxes
        return not np.any((b[:, 0] < x1) & (b[:, 2] > x0) & (b[:, 1] < y1) & (b[:, 3] > y0))

    def place(self, label: Label):
        """Draw ``label`` at its first free candidate position, or nothing; returns the Text or None."""
        halo = self.pen.pt(HALO_PX)
        anchor = self.ax.transData.transform((label.x, label.y))
        text = self.ax.text(label.x, label.y, textsafe.figure_text(label.text), ha="center", va="center",
                            color=label.colour, fontsize=self.pen.pt(label.sizes[0]), zorder=11, clip_on=True,
                            gid=f"label:{label.kind}",
                            path_effects=[patheffects.withStroke(linewidth=halo, foreground=INK["halo"])])
        pad = (halo / 2 + self.pen.pt(GAP_PX)) * self.px
        to_data = self.ax.transData.inverted()
        extent = text.get_window_extent(self.renderer)  # measured once: extents scale with the size
        reach = _reach(self.ax, label, anchor, self.frame)
        for size in label.sizes:
            ratio = size / label.sizes[0]
            w, h = extent.width * ratio + 1, extent.height * ratio + 1  # 1 px for rounding at a smaller size
            radius = label.radius_px * self.pen.pt(1) * self.px + pad
            offsets = np.asarray(_offsets(label, w, h, radius, reach), float)
            half = np.array([w / 2 + pad, h / 2 + pad])
            centres = anchor + offsets
            fx0, fy0, fx1, fy1 = self.frame  # only centres whose box can lie in the frame
            centres = centres[(centres[:, 0] - half[0] >= fx0) & (centres[:, 0] + half[0] <= fx1)
                              & (centres[:, 1] - half[1] >= fy0) & (centres[:, 1] + half[1] <= fy1)]
            for start in range(0, len(centres), CHUNK):  # nearest first: most labels fit in the first chunk
                found = self._first_fit(label, centres[start:start + CHUNK], half, to_data)
                if found is not None:
                    centre, box = found
                    text.set_fontsize(self.pen.pt(size))
                    text.set_position(to_data.transform(centre))
                    self.occupy(box)
                    self.placed.append(text)
                    return text
        text.remove()
        return None


def _offsets(label: Label, w: float, h: float, radius: float, reach=(0.0, 0.0)):
    """Candidate centre offsets (display pixels) from the anchor, in order of preference."""
    if label.kind == "county":  # inside the county: centred, then nudged
        return [(0, 0), (0, 0.6 * h), (0, -0.6 * h), (0.3 * w, 0), (-0.3 * w, 0), (0, 1.2 * h), (0, -1.2 * h)]
    if label.kind == "point":  # beside the symbol: right, left, above, below, then the corners
        rx, ry = radius + w / 2, radius + h / 2
        return [(rx, 0), (-rx, 0), (0, ry), (0, -ry), (rx, ry), (-rx, ry), (rx, -ry), (-rx, -ry)]
    # A city: on its point, else the nearest free spot of a grid over the whole city (an eighth of a
    # label's width by a quarter of its height: a crowded city has only narrow gaps). Place checks
    # that the centre stays in the city.
    reach_x, reach_y = reach
    # A city filling a zoomed view gets a coarser grid: at most GRID_STEPS steps each way.
    step_x, step_y = max(w / 8, 2 * reach_x / GRID_STEPS), max(h / 4, 2 * reach_y / GRID_STEPS)
    xs = np.arange(-(reach_x // step_x), reach_x // step_x + 1) * step_x
    ys = np.arange(-(reach_y // step_y), reach_y // step_y + 1) * step_y
    grid = np.array(np.meshgrid(xs, ys)).reshape(2, -1).T
    return grid[np.argsort((grid[:, 0] / w * 2) ** 2 + (grid[:, 1] / h) ** 2, kind="stable")]


def _reach(ax, label: Label, anchor, frame) -> tuple[float, float]:
    """How far (display pixels, x and y) the visible part of the area a label's centre must stay in
    extends from its anchor."""
    if label.centre_in is None:
        return 0.0, 0.0
    x0, y0, x1, y1 = label.centre_in.bounds
    (px0, py0), (px1, py1) = ax.transData.transform([(x0, y0), (x1, y1)])
    fx0, fy0, fx1, fy1 = frame
    px0, px1, py0, py1 = max(px0, fx0), min(px1, fx1), max(py0, fy0), min(py1, fy1)
    if px0 > px1 or py0 > py1:
        return 0.0, 0.0  # not in view: only its own point is tried (and lies outside the frame)
    return max(abs(px0 - anchor[0]), abs(px1 - anchor[0])), max(abs(py0 - anchor[1]), abs(py1 - anchor[1]))


def _within(area, to_data, box) -> bool:
    if area is None:
        return True
    x0, y0 = to_data.transform((box[0], box[1]))
    x1, y1 = to_data.transform((box[2], box[3]))
    return bool(area.contains(shapely.box(x0, y0, x1, y1)))


# --- obstacles ----------------------------------------------------------------------------------

def marker_boxes(ax, renderer, px: float) -> np.ndarray:
    """Display boxes of every marker drawn in ``ax`` (lines with markers), edge included."""
    out = []
    for line in ax.lines:
        if line.get_marker() in (None, "None", "", " ") or not len(line.get_xdata()):
            continue
        xy = ax.transData.transform(np.column_stack([line.get_xdata(), line.get_ydata()]))
        half = (line.get_markersize() + line.get_markeredgewidth()) / 2 * px
        out.append(np.column_stack([xy[:, 0] - half, xy[:, 1] - half, xy[:, 0] + half, xy[:, 1] + half]))
    return np.vstack(out) if out else np.empty((0, 4))


def furniture_boxes(ax, renderer) -> np.ndarray:
    """Scale bar, north arrow and any other artist or annotation already in the map frame."""
    out = []
    for artist in [*ax.artists, *ax.texts]:
        try:
            if isinstance(artist, ScaleBar):  # sized only when drawn: drawn once on the scratch renderer
                artist.draw(renderer)
                extent = artist.info.window_extent
            else:
                extent = artist.get_window_extent(renderer)
        except (TypeError, ValueError, AttributeError, RuntimeError):
            continue
        if extent.width > 0 and extent.height > 0:
            out.append(extent.extents)
    return np.array(out) if out else np.empty((0, 4))


# --- what to label ------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _city_anchors() -> gpd.GeoDataFrame:
    anchors = boundaries.label_points("cities").to_crs(boundaries.PROJECTED_CRS)
    anchors["area"] = boundaries.cities().to_crs(boundaries.PROJECTED_CRS).geometry.values
    return anchors


@lru_cache(maxsize=1)
def _county_shapes() -> gpd.GeoDataFrame:
    counties = boundaries.counties().to_crs(boundaries.PROJECTED_CRS)
    counties["anchor"] = [_pole(g) for g in counties.geometry]
    counties["area"] = counties.area
    counties["ax"], counties["ay"] = shapely.get_x(counties["anchor"].values), shapely.get_y(counties["anchor"].values)
    shapely.prepare(counties.geometry.values)
    return counties.sort_values("area", ascending=False).reset_index(drop=True)


def _pole(geom) -> shapely.Point:
    # The pole of inaccessibility of the largest part: the roomiest point for a label.
    part = max(getattr(geom, "geoms", [geom]), key=lambda g: g.area)
    return polylabel(part, tolerance=200)


def city_labels(lang: str) -> list[Label]:
    key = "name_en" if lang == "en" else "name_zh"
    return [Label(row[key], row.geometry.x, row.geometry.y, "city", CITY_SIZES_PX, centre_in=row["area"],
                  colour=LAYERS["city_labels"].stroke) for _, row in _city_anchors().iterrows()]


def county_labels(lang: str, view) -> list[Label]:
    """County names inside their counties for the counties that reach into ``view`` (x0, y0, x1, y1)."""
    counties = _county_shapes()
    x0, y0, x1, y1 = view
    seen = counties[counties["ax"].between(x0, x1) & counties["ay"].between(y0, y1)]
    key = "name_en" if lang == "en" else "name_zh"
    return [Label(name, x, y, "county", COUNTY_SIZES_PX, inside=geom, colour=INK["county_label"])
            for name, x, y, geom in zip(seen[key], seen["ax"], seen["ay"], seen.geometry)]


def short_name(name: str, lang: str) -> str:
    """A platform's or park's name without a trailing parenthesis, cut with … if still long."""
    for opening, closing in (("（", "）"), ("(", ")")):
        if name.endswith(closing) and opening in name[1:]:
            name = name[: name.rindex(opening)].rstrip()
    limit = POINT_NAME_EM_EN if lang == "en" else POINT_NAME_EM
    return name if len(name) <= limit else name[: limit - 1] + "…"


def importance(frame: pd.DataFrame, layer: str) -> list:
    """Row order for naming: platforms of the national 2+4+46 system first, then by year (oldest first)."""
    systems = frame["systems"].fillna("") if "systems" in frame else pd.Series("", index=frame.index)
    primary = ~systems.astype(str).str.contains(PRIMARY_SYSTEM) if layer == "platforms" else False
    years = pd.to_numeric(frame["year"], errors="coerce").fillna(9999) if "year" in frame else 0
    order = pd.DataFrame({"primary": primary, "year": years, "pos": range(len(frame))}, index=frame.index)
    return list(order.sort_values(["primary", "year", "pos"]).index)


def point_labels(layers, lang: str, pen, symbol_px: float) -> list[Label]:
    """Names of the drawn platforms and parks at their drawn (fanned-out) symbol positions."""
    # The same fan-out as geo.snapshot draws: every spread layer of the registry, in its order.
    spread = [layer.id for layer in LAYER_REGISTRY if layer.spread]
    frames = {name: layers[name] for name in spread}
    offsets = dict(zip(spread, overlays.spread_offsets(*frames.values())))
    step = pen.pt(1) * pen.metres_per_point
    out = []
    for layer in ("platforms", "parks"):
        frame = frames[layer]
        if not len(frame):
            continue
        projected = frame.to_crs(boundaries.PROJECTED_CRS)
        where = dict(zip(frame.index, zip(projected.geometry, offsets[layer])))
        for index in importance(frame, layer):
            row = frame.loc[index]
            name = overlays._name(row, lang)
            if not isinstance(name, str) or not name.strip():
                continue
            point, (dx, dy) = where[index]
            out.append(Label(short_name(name.strip(), lang), point.x + dx * step, point.y - dy * step, "point",
                             POINT_SIZES_PX, radius_px=symbol_px / 2 + 1))
    return out


def draw_labels(ax, layers, lang: str, pen, symbol_px: float = 13) -> list:
    """Place city, platform/park and (in a small view) county labels on ``ax``; returns the Texts drawn.

    Call after every symbol is drawn: the symbols already in ``ax`` are the first obstacles.
    """
    placer = Placer(ax, pen)
    placer.occupy(marker_boxes(ax, placer.renderer, placer.px))
    placer.occupy(furniture_boxes(ax, placer.renderer))
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    wanted = city_labels(lang) + point_labels(layers, lang, pen, symbol_px)
    if min(x1 - x0, y1 - y0) <= COUNTY_VIEW_KM * 1000:
        wanted += county_labels(lang, (x0, y0, x1, y1))
    for label in wanted:
        placer.place(label)
    return placer.placed
