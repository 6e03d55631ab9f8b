"""Presentation-ready snapshots of the Map view: PNG, SVG, PDF, PPTX, offline HTML and the data.

``render(state, title=...)`` draws exactly ``filters.visible_layers(state)`` with geopandas and
matplotlib in the region's Lambert conformal conic projection (true shape, real distances; no
browser, no tiles), with a title, a legend of what is drawn, a scale bar, a north arrow, an inset,
the sources and the date. ``save`` writes it as PNG (exact pixel size), SVG (text stays text) or
PDF; ``to_html`` gives the offline interactive map, and ``geo.exports`` the slide and the data.

The Chinese font is Noto Sans SC from the pinned PyPI package ``pylopdf-fonts-zh-cn``: matplotlib's
own font draws Chinese as boxes, and the system's fonts differ between machines.

    python -m geo.snapshot --preset 1920x1080 --format png --types innovation --out map.png
"""

from __future__ import annotations

import contextlib
import datetime as dt
import importlib
import io
import math
import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import geopandas as gpd
import matplotlib
import numpy as np
import pandas as pd
import pylopdf_fonts_zh_cn
import shapely
from matplotlib import font_manager
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ft2font import FT2Font
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib_scalebar.scalebar import ScaleBar

from geo import (
    boundaries,
    captions,
    choropleth,
    datasets,
    filters,
    indicators,
    labels,
    limits,
    locator,
    mapview,
    overlays,
    pdffont,
    slide,
    sources,
    textsafe,
)
from geo.layers import LAYERS as LAYER_REGISTRY
from geo.layers import legend_items
from geo.vocab import (
    INDICATORS,
    INK,
    LAYERS,
    LINE_STYLES,
    OTHER_SYMBOLS,
    OVERLAYS,
    STATUS_DASH,
    layer_name,
    normalise_language,
    ui,
)

PRINT_DPI = 300
SIZE_RANGE = (320, 8000)


@dataclass(frozen=True)
class SizePreset:
    """A picture size: pixels, and the resolution they are printed at (None: a screen size, scaled so
    the design's 7.5 in short side fills it). The custom preset takes its pixels from the user."""

    id: str
    width: int | None
    height: int | None
    dpi: float | None = None

    @property
    def size(self) -> tuple[int, int] | None:
        return None if self.width is None else (self.width, self.height)


CUSTOM = "custom"
PRESETS: dict[str, SizePreset] = {p.id: p for p in (
    SizePreset("1920x1080", 1920, 1080),
    SizePreset("3840x2160", 3840, 2160),
    SizePreset("A4", 3508, 2480, dpi=PRINT_DPI),  # 297 × 210 mm at 300 dpi
    SizePreset("A3", 4961, 3508, dpi=PRINT_DPI),  # 420 × 297 mm at 300 dpi
    SizePreset(CUSTOM, None, None),
)}
IMAGE_FORMATS = ("png", "svg", "pdf")
MARKERS = {"circle": "o", "square": "s", "triangle": "^", "diamond": "D", "star": "*", "plus": "P",
           "hexagon": "h", "x": "X"}
DESIGN_SHORT_SIDE_IN = 7.5  # the layout is designed for 13.33 × 7.5 in and scaled from it
PX_TO_PT = 0.75  # the Map page's sizes are CSS pixels (96 per inch)
SOURCE_LINES = 2  # the footer's source text wraps to at most this many lines


# --- font ---------------------------------------------------------------------------------------

def font_path() -> Path:
    """The Noto Sans SC file shipped by the ``pylopdf-fonts-zh-cn`` package."""
    return Path(pylopdf_fonts_zh_cn.sans_path())


@lru_cache(maxsize=1)
def font_family() -> str:
    """Register the CJK font with matplotlib once and return its family name."""
    path = str(font_path())
    font_manager.fontManager.addfont(path)
    return font_manager.FontProperties(fname=path).get_name()


def _rc() -> dict:
    return {
        "font.family": "sans-serif",
        "font.sans-serif": [font_family(), "DejaVu Sans"],
        "axes.unicode_minus": False,  # Noto's hyphen-minus, not U+2212 from a fallback font
        "svg.fonttype": "none",  # text stays text: searchable, editable
        "pdf.fonttype": 3,  # Type 42 of this CFF font makes poppler warn; save() embeds a TrueType subset
        "lines.scale_dashes": False,  # dashes in points, as on the Map page
    }


def _style():
    # Local rcParams: the Streamlit process shares matplotlib's globals with every page.
    return matplotlib.rc_context(_rc())


# --- size ---------------------------------------------------------------------------------------

def pixel_size(preset: str = "1920x1080", size: tuple[int, int] | None = None) -> tuple[int, int]:
    """(width, height) in pixels of a preset, or of ``size`` for the custom preset; checked."""
    if preset not in PRESETS:
        raise ValueError(f"unknown preset {preset!r}: choose one of {', '.join(PRESETS)}")
    if PRESETS[preset].size is None:
        if size is None:
            raise ValueError("the custom preset needs a size: width × height in pixels")
        width, height = size
        lo, hi = SIZE_RANGE
        if not all(isinstance(v, int | np.integer) and lo <= v <= hi for v in (width, height)):
            raise ValueError(f"custom size {width}×{height} px: width and height must be whole numbers "
                             f"from {lo} to {hi} px")
        return int(width), int(height)
    return PRESETS[preset].size


def _dpi(preset: str, width: int, height: int) -> float:
    # Paper keeps its real size at 300 dpi; screen sizes keep the design's 7.5 in short side.
    printed = PRESETS[preset].dpi if preset in PRESETS else None
    return printed if printed is not None else min(width, height) / DESIGN_SHORT_SIDE_IN


def parse_size(text: str) -> tuple[int, int]:
    """'1600x900' (or 1600×900) → (1600, 900)."""
    match = re.fullmatch(r"\s*(\d{1,5})\s*[x×X,]\s*(\d{1,5})\s*", text or "")
    if not match:
        raise ValueError(f"size {text!r}: write it as WIDTHxHEIGHT in pixels, e.g. 1600x900")
    return int(match.group(1)), int(match.group(2))


# --- extent -------------------------------------------------------------------------------------

def parse_bounds(text: str) -> tuple[float, float, float, float]:
    """'W,S,E,N' in degrees → a checked (west, south, east, north)."""
    parts = (text or "").split(",")
    try:
        west, south, east, north = (float(p) for p in parts)
    except ValueError:
        raise ValueError(f"bounds {text!r}: write them as W,S,E,N in degrees, e.g. 115,38,118,41") from None
    return _checked_bounds((west, south, east, north))


def bounds_from_folium(value: dict | None) -> tuple[float, float, float, float] | None:
    """st_folium's {"_southWest": {"lat", "lng"}, "_northEast": {...}} → (W, S, E, N), or None."""
    try:
        sw, ne = value["_southWest"], value["_northEast"]
        return _checked_bounds((float(sw["lng"]), float(sw["lat"]), float(ne["lng"]), float(ne["lat"])))
    except (TypeError, KeyError, ValueError):
        return None


def _checked_bounds(bounds) -> tuple[float, float, float, float]:
    west, south, east, north = bounds
    if not (-180 <= west < east <= 180 and -90 <= south < north <= 90):
        raise ValueError(f"bounds {bounds}: need west < east and south < north, in degrees")
    return west, south, east, north


@lru_cache(maxsize=1)
def _region_box() -> tuple[float, float, float, float]:
    return tuple(_to_projected(shapely.box(*boundaries.provinces().total_bounds)).bounds)


def _to_projected(geom) -> shapely.Geometry:
    # Densified first: a parallel is a curve in the conic projection.
    series = gpd.GeoSeries([shapely.segmentize(geom, 0.05)], crs=boundaries.CRS)
    return series.to_crs(boundaries.PROJECTED_CRS).iloc[0]


def view_box(bounds=None) -> tuple[float, float, float, float]:
    """The projected box to show: ``bounds`` (W, S, E, N degrees) near the region, else the region."""
    if bounds is None:
        return _region_box()
    west, south, east, north = _checked_bounds(bounds)
    rw, rs, re_, rn = boundaries.provinces().total_bounds
    near = shapely.box(rw - 10, rs - 10, re_ + 10, rn + 10)  # a zoomed-out view reports half the globe
    clipped = shapely.box(west, south, east, north).intersection(near)
    return _region_box() if clipped.is_empty else tuple(_to_projected(clipped).bounds)


def _fit(box, aspect: float, pad: float = 0.03) -> tuple[float, float, float, float]:
    """``box`` grown to the axes' aspect (width / height) around its centre, plus a margin."""
    x0, y0, x1, y1 = box
    w, h = (x1 - x0) * (1 + 2 * pad), (y1 - y0) * (1 + 2 * pad)
    w, h = max(w, h * aspect), max(h, w / aspect)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    return cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2


# --- layout -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Layout:
    """Rectangles in figure fractions (left, bottom, width, height) and the size scale."""

    scale: float
    map: tuple[float, float, float, float]
    legend: tuple[float, float, float, float]
    inset: tuple[float, float, float, float]
    legend_columns: int


def _layout(w_in: float, h_in: float, aspect: float | None = None, header: bool = True) -> _Layout:
    """The rectangles; landscape: the map as wide as the view's ``aspect`` needs, the legend beside it.

    Without ``header`` (a slide carries the title as its own text box) the map starts at the top.
    """
    s = min(w_in, h_in) / DESIGN_SHORT_SIDE_IN
    m, footer = 0.15 * s, 0.82 * s
    header = 0.75 * s if header else m
    if w_in / h_in >= 1.2:  # legend in a panel on the right
        mh = h_in - header - footer
        room = w_in - 3 * m
        # The map frame fits the region, so the region fills it; the panel takes what is left.
        mw = room - 2.9 * s if aspect is None else min(room - 2.9 * s, max(mh * aspect, room * 0.3))
        panel = w_in - mw - 3 * m
        inset_h = min(max(1.6 * s, min(panel * 0.62, 3.2 * s)), mh * 0.5)
        rects = ((m, footer, mw, mh), (w_in - panel - m, footer + inset_h + m, panel, mh - inset_h - m),
                 (w_in - panel - m, footer, panel, inset_h))
        columns = 2 if panel >= 5.2 * s else 1
    else:  # legend in a band below the map
        band = min(0.38 * (h_in - header - footer), 3.2 * s)
        mh, inset_w = h_in - header - footer - band - m, min(2.2 * s, 0.3 * w_in)
        rects = ((m, footer + band + m, w_in - 2 * m, mh), (m, footer, w_in - inset_w - 3 * m, band),
                 (w_in - inset_w - m, footer, inset_w, band))
        columns = 2
    frac = tuple((x / w_in, y / h_in, w / w_in, h / h_in) for x, y, w, h in rects)
    return _Layout(s, *frac, columns)


@lru_cache(maxsize=1)
def _metrics_font() -> FT2Font:
    font = FT2Font(str(font_path()))
    font.set_size(64, 72)  # 64 px per em
    return font


@lru_cache(maxsize=4096)
def _char_em(char: str) -> float:
    font = _metrics_font()
    if not font.get_char_index(ord(char)):
        return 0.6  # drawn by the fallback font
    return font.load_char(ord(char)).linearHoriAdvance / 65536 / 64


def _em(text: str) -> float:
    """Width of ``text`` in ems of the CJK font (its own advance widths)."""
    return sum(_char_em(c) for c in text)


def _wrap(text: str, width_em: float, max_lines: int) -> str:
    """Character-level wrap (CJK has no spaces to break at); the last line ends in … if cut."""
    lines, line, width = [], "", 0.0
    for char in text:
        char_width = _char_em(char)
        if width + char_width > width_em:
            lines.append(line)
            if len(lines) == max_lines:  # text is left over: the last line ends in …, the rest is not read
                lines[-1] = lines[-1][:-1] + "…"
                return "\n".join(lines)
            line = char.lstrip()
            width = _em(line)
        else:
            line += char
            width += char_width
    lines.append(line)
    return "\n".join(lines)


# --- data for the drawing -----------------------------------------------------------------------

@lru_cache(maxsize=None)
def _projected(level: str) -> gpd.GeoDataFrame:
    return boundaries.load_level(level).to_crs(boundaries.PROJECTED_CRS)


def _project(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    return frame.to_crs(boundaries.PROJECTED_CRS) if len(frame) else frame


@dataclass(frozen=True)
class _Choropleth:
    colouring: choropleth.CityColouring
    heading: str
    unit: str
    sources: tuple  # geo.sources.Source records of the values drawn


def _choropleth(state: filters.ViewState, data: pd.DataFrame | None) -> _Choropleth | None:
    """The city colouring of ``state`` (latest year if none is set), or None without an indicator."""
    if not state.indicator:
        return None
    data = _shown_indicators() if data is None else data
    year = state.year or next(iter(indicators.available_years(data, state.indicator,
                                                              boundaries.cities()["code"])), None)
    if year is None:
        return None
    indicator, lang = INDICATORS[state.indicator], state.lang
    values = indicators.city_values(data, state.indicator, year)
    heading = f"{indicator.term(lang)} {year}"
    colouring = choropleth.colour_cities(values, state.scheme, heading, indicator.unit, ui("no_data", lang),
                                         ui("class_count", lang))
    drawn = values[values["value"].notna()]
    records = [r for t, u in zip(drawn["source_title"], drawn["source_url"]) for r in sources.lookup(t, u)]
    return _Choropleth(colouring, heading, indicator.unit, tuple(records))


def boundary_source(lang: str = "zh") -> str:
    """The boundary file's source, from data/boundaries/metadata.json."""
    source = boundaries.metadata()["source"]
    return f"{ui('boundaries', lang)}: {source['package']} {source['version']} ({source['licence']})"


def _sources(layers: filters.Layers, colour: _Choropleth | None,
             lang: str) -> tuple[list[str], list[str], list[str]]:
    """What is drawn, cited: labels (boundaries first; "outlet, date, title", weak ones marked), the
    address beside each label ('' if none), and the distinct addresses."""
    from geo.workspace import active, shown_sources  # the open workspace, named with its upload date
    records = {}
    for frame in (getattr(layers, name) for name in OVERLAYS):
        if "source_title" in frame:  # a workspace's sources as uploaded, labelled (geo/workspace/shown_sources.py)
            records.update((r.id, r) for r in shown_sources.records(frame, lang))
    for record in colour.sources if colour else ():
        records.setdefault(record.id, record)
    named = active.source_lines(lang)
    labels = [boundary_source(lang)] + named + [sources.label(r, lang) for r in records.values()]
    beside = [""] * (1 + len(named)) + [r.url for r in records.values()]
    return labels, beside, list(dict.fromkeys(u for u in beside if u))


def default_title(state: filters.ViewState) -> str:
    """The app's name, with the indicator and year when cities are coloured."""
    title = ui("app_title", state.lang)
    if state.indicator:
        year = f" {state.year}" if state.year else ""
        title += f" · {INDICATORS[state.indicator].term(state.lang)}{year}"
    return title


def default_subtitle(state: filters.ViewState, counts: dict[str, int]) -> str:
    """The active filters in words, then the visible layers with their counts (geo.captions.subtitle)."""
    return captions.subtitle(state, counts)


# --- drawing ------------------------------------------------------------------------------------

@dataclass
class Snapshot:
    """A rendered map: the figure, what it drew, its sources and the font it set Chinese in."""

    figure: Figure
    counts: dict[str, int]
    sources: list[str]
    links: list[str]
    font: str
    size: tuple[int, int]
    dpi: float
    title: str
    source_urls: list[str] = None  # the address beside each of ``sources`` ('' where none)


@dataclass(frozen=True)
class _Pen:
    """Converts the Map page's CSS pixel sizes to points at this figure's scale."""

    scale: float
    metres_per_point: float
    outline_areas: bool = False  # a choropleth is drawn: the 2+4 areas as outlines, so its colours show
    # layers drawn as counts per hexagon: layer id -> (fewest, most) points of an occupied cell
    hexes: dict = field(default_factory=dict, compare=False)

    def pt(self, px: float) -> float:
        return px * PX_TO_PT * self.scale

    def dashes(self, leaflet_dash: str | None):
        return "-" if not leaflet_dash else (0, tuple(self.pt(float(v)) for v in leaflet_dash.split()))


def render(state: filters.ViewState, *, title: str, subtitle: str = "", preset: str = "1920x1080",
           size: tuple[int, int] | None = None, bounds=None, approval_no: str = "",
           user_points: gpd.GeoDataFrame | None = None, indicator_data: pd.DataFrame | None = None,
           today: dt.date | None = None, layers: filters.Layers | None = None) -> Snapshot:
    """Draw the view ``state`` (exactly ``visible_layers(state, user_points)``) as a map figure.

    ``bounds`` is the visible extent (west, south, east, north in degrees, as st_folium reports it);
    the default is the three provinces. ``indicator_data`` replaces the shipped indicator table (a
    session's uploads); the date printed is ``today`` (default: today). ``layers`` replaces
    ``visible_layers(state)`` (an atlas page of one platform system, geo.atlas).
    """
    width, height = pixel_size(preset, size)
    dpi = _dpi(preset, width, height)
    lang = normalise_language(state.lang)
    layers = filters.visible_layers(state, user_points) if layers is None else layers
    colour = _choropleth(state, indicator_data)
    source_labels, source_urls, links = _sources(layers, colour, lang)
    with _style():
        # The +0.001 px keeps float rounding from truncating the canvas to one pixel less.
        fig = Figure(figsize=((width + 1e-3) / dpi, (height + 1e-3) / dpi), dpi=dpi)
        w_in, h_in = fig.get_size_inches()
        box = view_box(bounds)
        lay = _layout(w_in, h_in, slide.view_aspect(box), header=bool(title or subtitle))
        ax = fig.add_axes(lay.map)
        x0, y0, x1, y1 = _fit(box, (lay.map[2] * w_in) / (lay.map[3] * h_in))
        ax.set_xlim(x0, x1)
        ax.set_ylim(y0, y1)
        pen = _Pen(lay.scale, (x1 - x0) / (lay.map[2] * w_in * 72), outline_areas=colour is not None)
        counts = _draw_map(ax, layers, state, colour, pen)
        _unlabel(ax)
        _draw_furniture(ax, box, pen, lang)
        if not approval_no.strip():
            slide.draw_unapproved_note(ax, lang, pen)
        labels.draw_labels(ax, layers, lang, pen)  # after every symbol and the furniture: they are its obstacles
        legend = fig.add_axes(lay.legend)
        # The inset first: the legend attaches a canvas, after which every geopandas plot redraws the figure.
        _draw_inset(fig.add_axes(lay.inset), (x0, y0, x1, y1), lang, pen)
        _draw_legend(legend, layers, colour, pen, lang, lay.legend_columns)
        _draw_text(fig, title, subtitle, source_labels, approval_no, lang, lay, today or dt.date.today())
    return Snapshot(fig, counts, source_labels, links, font_family(), (width, height), dpi, title, source_urls)


def _setup_axes(ax) -> None:
    ax.set_aspect("equal", adjustable="box")
    ax.set_facecolor(mapview.BACKGROUND)
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_edgecolor(INK["frame"])
        spine.set_linewidth(0.6)


def _unlabel(ax) -> None:
    # geopandas labels the axes of a projected CRS "Easting [metre]" / "Northing [metre]".
    ax.set_xlabel("")
    ax.set_ylabel("")


def _draw_map(ax, layers: filters.Layers, state, colour: _Choropleth | None, pen: _Pen) -> dict[str, int]:
    """Boundaries, choropleth and every layer of the registry (``geo.layers``), stacked by its ``z``."""
    _setup_axes(ax)
    _draw_boundaries(ax, colour, state.city, pen)
    spread = [layer.id for layer in LAYER_REGISTRY if layer.spread]
    # a layer drawn as counts per hexagon is not fanned out (and 100,000 points take seconds to fan)
    offsets = dict(zip(spread, overlays.spread_offsets(*(layers[i].iloc[:0] if aggregated(layers[i]) else layers[i]
                                                         for i in spread))))
    counts = {}
    for layer in LAYER_REGISTRY:
        frame = layers[layer.id]
        SNAPSHOT_DRAWERS[layer.snapshot](ax, layer, frame, offsets.get(layer.id), pen)
        counts[layer.id] = len(frame)
    return counts


def _draw_layer_symbols(ax, layer, frame: gpd.GeoDataFrame, offsets, pen: _Pen) -> None:
    if aggregated(frame):
        _draw_hexbin(ax, layer, _project(frame), pen)
        return
    _draw_symbols(ax, _project(frame), offsets, [layer.symbol(row) for _, row in frame.iterrows()], pen, layer.z)


HEX_PT = 14  # a hexagon about as wide as a symbol (13 pt)


def aggregated(frame: gpd.GeoDataFrame) -> bool:
    """Whether a point layer is drawn as counts per hexagon: above ``limits.SNAPSHOT_POINTS_AGGREGATE``
    points its symbols would cover one another into a blot."""
    return len(frame) > limits.SNAPSHOT_POINTS_AGGREGATE


def _hex_colours(layer, frame: gpd.GeoDataFrame) -> matplotlib.colors.Colormap:
    # from the halo to the colour of the layer's first legend symbol (geo.vocab): darker cells hold more
    symbol = next((item.symbol for item in layer.legend(frame) if item.symbol is not None), OTHER_SYMBOLS["user"])
    return matplotlib.colors.LinearSegmentedColormap.from_list(f"jjj-{layer.id}", [INK["halo"], symbol.colour])


def _draw_hexbin(ax, layer, points: gpd.GeoDataFrame, pen: _Pen) -> None:
    """Counts per hexagon about a symbol wide over the map's extent, coloured as in its legend row."""
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    gridsize = max(int((x1 - x0) / (pen.pt(HEX_PT) * pen.metres_per_point)), 1)
    extent = (x0, x1, y0, y1)
    xs, ys = np.asarray(points.geometry.x), np.asarray(points.geometry.y)
    inside = (xs >= x0) & (xs <= x1) & (ys >= y0) & (ys <= y1)
    if not inside.any():
        return
    cells = ax.hexbin(xs[inside], ys[inside], gridsize=gridsize, extent=extent, mincnt=1,
                      cmap=_hex_colours(layer, points),
                      edgecolors=INK["frame"], linewidths=pen.pt(0.3), zorder=layer.z)
    counts = cells.get_array()
    cells.set_clim(0, max(float(counts.max()), 1))  # the lightest cell still shows (not the halo)
    pen.hexes[layer.id] = (int(counts.min()), int(counts.max()))


def _draw_boundaries(ax, colour: _Choropleth | None, selected: str | None, pen: _Pen) -> None:
    counties, cities, provinces = (_projected(level) for level in ("counties", "cities", "provinces"))
    base = LAYERS["counties"]
    counties.plot(ax=ax, color=base.fill, linewidth=0, zorder=1)
    if colour:
        fills = cities["code"].map(colour.colouring.fills).fillna(choropleth.NO_DATA_FILL)
        cities.plot(ax=ax, color=list(fills), alpha=0.85, linewidth=0, zorder=1.5)
    for frame, level, z in ((counties, "counties", 2), (cities, "cities", 2.1), (provinces, "provinces", 2.2)):
        style = LAYERS[level]
        frame.boundary.plot(ax=ax, color=style.stroke, linewidth=pen.pt(style.weight), zorder=z)
    if selected:
        cities[cities["code"] == selected].boundary.plot(ax=ax, color=INK["selected"], linewidth=pen.pt(4), zorder=2.3)


def _draw_policy_areas(ax, areas: gpd.GeoDataFrame, pen: _Pen, z: float = 3) -> int:
    for _, row in areas.iterrows():
        style = LAYERS[row["role"]]
        dash = pen.dashes(style.approximate_dash if row["approximate"] else style.dash)
        one = gpd.GeoSeries([row.geometry], crs=areas.crs)
        if not pen.outline_areas:
            one.plot(ax=ax, color=style.fill, alpha=style.fill_opacity, linewidth=0, zorder=z)
        one.boundary.plot(ax=ax, color=style.stroke, linewidth=pen.pt(style.weight), linestyle=dash, zorder=z + 0.1)
    return len(areas)


def _draw_lines(ax, lines: gpd.GeoDataFrame, pen: _Pen, by_status: bool, z: float | None = None) -> int:
    """Rail lines (colour by kind, dash by status) or axes and belts (wide, translucent, round ends)."""
    keys = ["kind", "status"] if by_status else ["kind"]
    for key, group in lines.groupby(keys) if len(lines) else []:
        style = LINE_STYLES[key[0]]
        group.plot(ax=ax, color=style.colour, alpha=style.opacity, linewidth=pen.pt(style.weight),
                   linestyle=pen.dashes(STATUS_DASH[key[1]]) if by_status else "-",
                   capstyle="butt" if by_status else "round", zorder=z if z is not None else 5 if by_status else 4)
    return len(lines)


def _draw_flows(ax, flows: gpd.GeoDataFrame, pen: _Pen, z: float = 6) -> int:
    style = LINE_STYLES["flow"]
    if len(flows):
        flows.plot(ax=ax, color=style.colour, alpha=style.opacity, linewidth=pen.pt(style.weight),
                   linestyle=pen.dashes(style.dash), zorder=z)
    return len(flows)


def _draw_stations(ax, stations: gpd.GeoDataFrame, pen: _Pen, z: float = 8) -> int:
    if len(stations):
        symbol = OTHER_SYMBOLS["station"]
        ax.plot(stations.geometry.x, stations.geometry.y, linestyle="none", marker=MARKERS[symbol.shape],
                markersize=pen.pt(7), markerfacecolor=symbol.colour, markeredgecolor=INK["outline"],
                markeredgewidth=pen.pt(1), zorder=z)
    return len(stations)


def _draw_symbols(ax, points: gpd.GeoDataFrame, offsets, symbols, pen: _Pen, z: float = 9) -> None:
    """Point symbols; those sharing a reference point fan out on a ring as on the Map page."""
    if not len(points):
        return
    step = pen.pt(1) * pen.metres_per_point  # one CSS pixel in metres on this map
    xs = np.array([p.x + dx * step for p, (dx, _) in zip(points.geometry, offsets)])
    ys = np.array([p.y - dy * step for p, (_, dy) in zip(points.geometry, offsets)])  # screen y points down
    for symbol in dict.fromkeys(symbols):
        mask = np.array([s == symbol for s in symbols])
        ax.plot(xs[mask], ys[mask], linestyle="none", marker=MARKERS[symbol.shape], markersize=pen.pt(13),
                markerfacecolor=symbol.colour, markeredgecolor=INK["outline"], markeredgewidth=pen.pt(1.1),
                zorder=z)


# How each kind of layer is drawn in a snapshot; ``Layer.snapshot`` names one of these.
SNAPSHOT_DRAWERS = {
    "policy_areas": lambda ax, layer, frame, offsets, pen: _draw_policy_areas(ax, _project(frame), pen, layer.z),
    "axes": lambda ax, layer, frame, offsets, pen: _draw_lines(ax, _project(frame), pen, False, layer.z),
    "lines": lambda ax, layer, frame, offsets, pen: _draw_lines(ax, _project(frame), pen, True, layer.z),
    "flows": lambda ax, layer, frame, offsets, pen: _draw_flows(ax, _project(frame), pen, layer.z),
    "stations": lambda ax, layer, frame, offsets, pen: _draw_stations(ax, _project(frame), pen, layer.z),
    "symbols": _draw_layer_symbols,
}


def _draw_furniture(ax, box, pen: _Pen, lang: str) -> None:
    """Scale bar (metres in the projected CRS) and a north arrow pointing to true north."""
    ax.add_artist(ScaleBar(1, "m", location="lower left", length_fraction=0.22, box_alpha=0.85,
                           font_properties={"size": pen.pt(11)}, width_fraction=0.008))
    angle = _north_angle(box)
    length = pen.pt(34)
    tip = (0.045, 0.93)
    dx, dy = math.sin(angle), math.cos(angle)
    ax.annotate("", xy=tip, xycoords="axes fraction", xytext=(-dx * length, -dy * length),
                textcoords="offset points",
                arrowprops={"arrowstyle": "-|>,head_length=0.8,head_width=0.4", "color": INK["outline"],
                            "lw": pen.pt(2)}, zorder=10)
    ax.annotate(ui("north", lang), xy=tip, xycoords="axes fraction", xytext=(dx * pen.pt(9), dy * pen.pt(9)),
                textcoords="offset points", ha="center", va="center", fontsize=pen.pt(13),
                zorder=10)


def _north_angle(box) -> float:
    """Clockwise angle of true north from the map's up direction at the centre of ``box``."""
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    to_geo = gpd.GeoSeries([shapely.Point(cx, cy)], crs=boundaries.PROJECTED_CRS).to_crs(boundaries.CRS).iloc[0]
    north = _to_projected(shapely.Point(to_geo.x, to_geo.y + 0.1))
    return math.atan2(north.x - cx, north.y - cy)


def _legend_entries(layers: filters.Layers, colour: _Choropleth | None, pen: _Pen, lang: str):
    """(handle, label, is_heading) for the boundaries and every layer that has something drawn."""
    def line(colour_, weight, dash=None, alpha=1.0):
        return Line2D([], [], color=colour_, linewidth=pen.pt(min(weight, 8)), alpha=alpha,
                      linestyle=pen.dashes(dash))

    def marker(symbol, size=13):
        return Line2D([], [], linestyle="none", marker=MARKERS[symbol.shape], markersize=pen.pt(size),
                      markerfacecolor=symbol.colour, markeredgecolor=INK["outline"], markeredgewidth=pen.pt(1))

    def handle(item):
        if item.kind == "symbol":
            return marker(item.symbol, item.size)
        if item.kind == "line":
            return line(item.colour, item.weight, item.dash, item.opacity)
        if item.fill is None:  # an outline only: drawn approximately
            return Patch(facecolor="none", edgecolor=item.colour, linewidth=pen.pt(2), linestyle=pen.dashes(item.dash))
        return Patch(facecolor=item.fill, alpha=0.6, edgecolor=item.colour, linewidth=pen.pt(2))

    entries = [(line(LAYERS[b].stroke, LAYERS[b].weight), layer_name(b, lang), False)
               for b in ("provinces", "cities", "counties")]
    hexed = set(pen.hexes)
    hexed_items = [item for layer in LAYER_REGISTRY if layer.id in hexed for item in layer.legend(layers[layer.id])]
    entries += [(handle(item), item.label(lang), False) for item in legend_items(layers) if item not in hexed_items]
    entries += [_hex_entry(layer, layers[layer.id], pen, lang) for layer in LAYER_REGISTRY if layer.id in hexed]
    if colour:
        entries.append((Patch(visible=False), f"{colour.heading} ({colour.unit})", True))
        entries += [(Patch(facecolor=c, edgecolor=INK["frame"]), label, False)
                    for c, label in _class_labels(colour.colouring.classes, ui("class_count", lang))]
        entries.append((Patch(facecolor=choropleth.NO_DATA_FILL, edgecolor=INK["frame"]), ui("no_data", lang), False))
    return entries


def _class_labels(classes: choropleth.Classes, count: str = "({n})") -> list[tuple[str, str]]:
    """(colour, 'lowest – highest (n cities)') per class, as the Map page's legend writes them."""
    return list(zip(classes.colours, classes.range_labels(count=count)))


def _hex_entry(layer, frame: gpd.GeoDataFrame, pen: _Pen, lang: str):
    """The legend row of a layer drawn as counts per hexagon: what a cell counts, and its range."""
    low, high = pen.hexes[layer.id]
    swatch = Line2D([], [], linestyle="none", marker="h", markersize=pen.pt(13), markeredgecolor=INK["frame"],
                    markerfacecolor=_hex_colours(layer, frame)(0.65), markeredgewidth=pen.pt(0.5))
    label = ui("snapshot_aggregated", lang).format(layer=OVERLAYS[layer.id](lang), n=f"{len(frame):,}",
                                                   low=f"{low:,}", high=f"{high:,}")
    return swatch, label, False


def _draw_legend(ax, layers, colour, pen: _Pen, lang: str, columns: int) -> None:
    """The legend, shrunk (text and symbols together) until it fits its panel."""
    ax.set_axis_off()
    entries = _legend_entries(layers, colour, pen, lang)
    # Attached only now: with an Agg canvas, every geopandas plot call redraws the whole figure.
    renderer = FigureCanvasAgg(ax.figure).get_renderer()
    room = ax.get_window_extent(renderer).height
    shrink = 1.0
    for _ in range(4):
        legend = _legend(ax, entries, ui("legend", lang), pen, columns, shrink)
        height = legend.get_window_extent(renderer).height
        if height <= room or shrink <= 0.5:
            return
        legend.remove()
        shrink *= max(0.5, 0.97 * room / height)


def _legend(ax, entries, title: str, pen: _Pen, columns: int, shrink: float):
    legend = ax.legend([e[0] for e in entries], [e[1] for e in entries], loc="upper left", ncols=columns,
                       title=title, title_fontsize=pen.pt(12.5) * shrink, fontsize=pen.pt(10.5) * shrink,
                       markerscale=shrink, frameon=False, alignment="left", handlelength=2.6, labelspacing=0.45,
                       borderaxespad=0)
    # The font has one weight (regular): headings stand out by size, not boldness.
    for text, (_, _, heading) in zip(legend.get_texts(), entries):
        if heading:
            text.set_fontsize(pen.pt(12.5) * shrink)
    return legend


def _draw_inset(ax, extent, lang: str, pen: _Pen) -> None:
    """The locator: the three provinces among their neighbours, the map's extent in red (geo.locator)."""
    locator.draw_locator(ax, extent, lang, pen)


def _draw_text(fig, title: str, subtitle: str, sources: list[str], approval_no: str, lang: str,
               lay: _Layout, today: dt.date) -> None:
    """Title and subtitle above the map; sources, date, projection and approval number below."""
    w_in, h_in = fig.get_size_inches()
    s, left = lay.scale, 0.15 * lay.scale / w_in
    width_pt = (w_in - 0.3 * s) * 72
    # User text prints as typed: measured and wrapped as written, then escaped for mathtext ($) once
    # the wrap is done, and without characters an SVG cannot hold.
    title, subtitle, approval_no = (_typed(t) for t in (title, subtitle, approval_no))
    if title:
        fig.text(left, 1 - 0.1 * s / h_in, _mathsafe(_wrap(title, width_pt / (21 * s), 1)), fontsize=21 * s,
                 va="top", ha="left")
    if subtitle:
        fig.text(left, 1 - 0.5 * s / h_in, _mathsafe(_wrap(subtitle, width_pt / (11.5 * s), 1)),
                 fontsize=11.5 * s, color=INK["note"], va="top", ha="left")
    small = 10.5 * s  # on a slide the picture is scaled to ~85 %: still about 9 pt (7.5 pt read as 6 pt)
    facts = [f"{ui('snapshot_date', lang)}: {today.isoformat()}", ui("snapshot_projection", lang)]
    if approval_no.strip():
        facts.append(f"{ui('approval_no', lang)}: {approval_no.strip()}")
    else:
        facts.append(ui("not_approved", lang))
    fig.text(left, 0.1 * s / h_in, _mathsafe(_wrap(" · ".join(facts) + " · " + ui("schematic_note", lang),
                                                   width_pt / (small * 0.92), 1)),
             fontsize=small * 0.92, color=INK["text"], va="bottom", ha="left")
    fig.text(left, 0.3 * s / h_in, _mathsafe(source_line(sources, lang, width_pt / small)), fontsize=small,
             color=INK["text"], va="bottom", ha="left", linespacing=1.25)


def _typed(text: str | None) -> str:
    """User text as a figure may print it: XML-safe, one line, at most ``MAX_FIGURE_TEXT`` characters."""
    return " ".join(textsafe.xml_text(text or "").splitlines())[:limits.MAX_FIGURE_TEXT]


def _mathsafe(text: str) -> str:
    return textsafe.mathtext_text(text)


def source_line(sources: list[str], lang: str, width_em: float, lines: int = SOURCE_LINES) -> str:
    """'Sources: a; b; c … and N more' wrapped to ``lines`` lines of ``width_em`` ems.

    Each source is measured once (a running sum of widths), and at most ``MAX_SOURCES_SHOWN`` are
    considered: the time is linear in what is shown, whatever the number of sources.
    """
    head = f"{ui('snapshot_sources', lang)}: "
    if not sources:
        return head
    budget = width_em * lines - 2  # the wrap loses part of a character per line
    candidates = [_typed(source) for source in sources[:limits.MAX_SOURCES_SHOWN]]
    used, separator, shown = _em(head), _em("; "), 1
    for count, source in enumerate(candidates, start=1):
        used += _em(source) + (separator if count > 1 else 0)
        if used > budget:
            break  # every longer list is wider still
        if used + _em(_more(len(sources) - count, lang)) <= budget:
            shown = count
    return _wrap(head + "; ".join(candidates[:shown]) + _more(len(sources) - shown, lang), width_em, lines)


def _more(rest: int, lang: str) -> str:
    return (" " + ui("snapshot_more", lang).format(n=rest)) if rest else ""


# --- saving -------------------------------------------------------------------------------------

def save(snapshot: Snapshot, path_or_buffer, fmt: str) -> None:
    """Write the snapshot as png (exactly its pixel size), svg (text as text) or pdf."""
    if fmt not in IMAGE_FORMATS:
        raise ValueError(f"format {fmt!r}: save writes {', '.join(IMAGE_FORMATS)}")
    truetype = pdffont.type42([snapshot.figure], font_path()) if fmt == "pdf" else contextlib.nullcontext()
    with _style(), truetype:  # PDF: TrueType (Type 42) text, which print shops accept
        snapshot.figure.savefig(path_or_buffer, format=fmt, dpi=snapshot.dpi,
                                metadata={"Title": textsafe.xml_text(snapshot.title)})


def image_bytes(snapshot: Snapshot, fmt: str) -> bytes:
    """The snapshot as png, svg or pdf bytes."""
    buffer = io.BytesIO()
    save(snapshot, buffer, fmt)
    return buffer.getvalue()


# The offline HTML map is geo/offline_html.py, the formats and export_all geo/export_formats.py, the
# command line geo/snapshot_cli.py (``python -m geo.snapshot`` still runs it).
_MOVED = {"to_html": "offline_html", "inline_assets": "offline_html", "export_all": "export_formats",
          "export": "export_formats", "FORMATS": "export_formats", "MIME": "export_formats",
          "main": "snapshot_cli", "state_from_args": "snapshot_cli", "cli_options": "snapshot_cli",
          "_parser": "snapshot_cli"}


def __getattr__(name: str):
    if name in _MOVED:
        module = importlib.import_module(f"geo.{_MOVED[name]}")
        return getattr(module, "FORMAT_IDS" if name == "FORMATS" else name)
    raise AttributeError(f"module 'geo.snapshot' has no attribute {name!r}")


if __name__ == "__main__":
    from geo import snapshot_cli

    sys.exit(snapshot_cli.main())


def _shown_indicators():
    """The indicators of the run: shipped, or with the open workspace's in its curated / mine / both mode."""
    from geo.workspace import active  # geo.workspace imports geo.registry, as this module does
    return active.shown_indicators(datasets.load("indicators"))
