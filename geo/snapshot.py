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

import argparse
import base64
import contextlib
import datetime as dt
import html
import io
import math
import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import parse_qsl

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
    assets,
    boundaries,
    captions,
    choropleth,
    datasets,
    exports,
    filters,
    indicators,
    labels,
    locator,
    mapview,
    overlays,
    pdffont,
    slide,
)
from geo.vocab import (
    CORRIDOR_STATUSES,
    INDICATORS,
    LAYERS,
    LINE_STYLES,
    OTHER_SYMBOLS,
    OVERLAYS,
    PLATFORM_SYMBOLS,
    POLICY_AREA_ROLES,
    STATUS_DASH,
    Symbol,
    layer_name,
    normalise_language,
    ui,
)

PRESETS: dict[str, tuple[int, int]] = {
    "1920x1080": (1920, 1080),
    "3840x2160": (3840, 2160),
    "A4": (3508, 2480),  # 297 × 210 mm at 300 dpi
    "A3": (4961, 3508),  # 420 × 297 mm at 300 dpi
}
CUSTOM = "custom"
PRINT_DPI = 300
SIZE_RANGE = (320, 8000)
FORMATS = ("png", "svg", "pdf", "pptx", "html", "csv", "xlsx", "geojson")
IMAGE_FORMATS = ("png", "svg", "pdf")
MIME = {"png": "image/png", "svg": "image/svg+xml", "pdf": "application/pdf",
        "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "html": "text/html", "csv": "text/csv",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "geojson": "application/geo+json"}
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
        "pdf.fonttype": 3,  # Type 42 with this CFF font makes poppler warn (TECH-NOTES)
        "lines.scale_dashes": False,  # dashes in points, as on the Map page
    }


def _style():
    # Local rcParams: the Streamlit process shares matplotlib's globals with every page.
    return matplotlib.rc_context(_rc())


# --- size ---------------------------------------------------------------------------------------

def pixel_size(preset: str = "1920x1080", size: tuple[int, int] | None = None) -> tuple[int, int]:
    """(width, height) in pixels of a preset, or of ``size`` for the custom preset; checked."""
    if preset == CUSTOM:
        if size is None:
            raise ValueError("the custom preset needs a size: width × height in pixels")
        width, height = size
        lo, hi = SIZE_RANGE
        if not all(isinstance(v, int | np.integer) and lo <= v <= hi for v in (width, height)):
            raise ValueError(f"custom size {width}×{height} px: width and height must be whole numbers "
                             f"from {lo} to {hi} px")
        return int(width), int(height)
    if preset not in PRESETS:
        raise ValueError(f"unknown preset {preset!r}: choose one of {', '.join([*PRESETS, CUSTOM])}")
    return PRESETS[preset]


def _dpi(preset: str, width: int, height: int) -> float:
    # Paper keeps its real size at 300 dpi; screen sizes keep the design's 7.5 in short side.
    return PRINT_DPI if preset in ("A4", "A3") else min(width, height) / DESIGN_SHORT_SIDE_IN


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
    lines, line = [], ""
    for char in text:
        if _em(line + char) > width_em:
            lines.append(line)
            line = char.lstrip()
        else:
            line += char
    lines.append(line)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][:-1] + "…"
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
    sources: tuple[str, ...]


def _choropleth(state: filters.ViewState, data: pd.DataFrame | None) -> _Choropleth | None:
    """The city colouring of ``state`` (latest year if none is set), or None without an indicator."""
    if not state.indicator:
        return None
    data = datasets.load("indicators") if data is None else data
    year = state.year or next(iter(indicators.available_years(data, state.indicator,
                                                              boundaries.cities()["code"])), None)
    if year is None:
        return None
    indicator, lang = INDICATORS[state.indicator], state.lang
    values = indicators.city_values(data, state.indicator, year)
    heading = f"{indicator.term(lang)} {year}"
    colouring = choropleth.colour_cities(values, state.scheme, heading, indicator.unit, ui("no_data", lang))
    titles = _split_sources(values.loc[values["value"].notna(), "source_title"])
    return _Choropleth(colouring, heading, indicator.unit, tuple(titles))


def _split_sources(titles) -> list[str]:
    out = []
    for value in titles:
        if isinstance(value, str):
            out += [t.strip() for t in value.split(";") if t.strip()]
    return list(dict.fromkeys(out))


def boundary_source(lang: str = "zh") -> str:
    """The boundary file's source, from data/boundaries/metadata.json."""
    source = boundaries.metadata()["source"]
    return f"{ui('boundaries', lang)}: {source['package']} {source['version']} ({source['licence']})"


def _sources(layers: filters.Layers, colour: _Choropleth | None, lang: str) -> tuple[list[str], list[str]]:
    """Every distinct source title of what is drawn (boundaries first), and the distinct links."""
    frames = [getattr(layers, name) for name in OVERLAYS]
    titles = [boundary_source(lang)] + _split_sources(
        t for f in frames if "source_title" in f for t in f["source_title"])
    if colour:
        titles += [t for t in colour.sources if t not in titles]
    links = _split_sources(u for f in frames if "source_url" in f for u in f["source_url"])
    return titles, [u for u in links if u.startswith(("http://", "https://"))]


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


@dataclass(frozen=True)
class _Pen:
    """Converts the Map page's CSS pixel sizes to points at this figure's scale."""

    scale: float
    metres_per_point: float

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
    sources, links = _sources(layers, colour, lang)
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
        pen = _Pen(lay.scale, (x1 - x0) / (lay.map[2] * w_in * 72))
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
        _draw_text(fig, title, subtitle, sources, approval_no, lang, lay, today or dt.date.today())
    return Snapshot(fig, counts, sources, links, font_family(), (width, height), dpi, title)


def _setup_axes(ax) -> None:
    ax.set_aspect("equal", adjustable="box")
    ax.set_facecolor(mapview.BACKGROUND)
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_edgecolor("#777777")
        spine.set_linewidth(0.6)


def _unlabel(ax) -> None:
    # geopandas labels the axes of a projected CRS "Easting [metre]" / "Northing [metre]".
    ax.set_xlabel("")
    ax.set_ylabel("")


def _draw_map(ax, layers: filters.Layers, state, colour: _Choropleth | None, pen: _Pen) -> dict[str, int]:
    """Boundaries, choropleth and every overlay in the Map page's order; features drawn per layer."""
    _setup_axes(ax)
    _draw_boundaries(ax, colour, state.city, pen)
    counts = dict.fromkeys(OVERLAYS, 0)
    counts["policy_areas"] = _draw_policy_areas(ax, _project(layers.policy_areas), pen)
    counts["axes"] = _draw_lines(ax, _project(layers.axes), pen, by_status=False)
    counts["lines"] = _draw_lines(ax, _project(layers.lines), pen, by_status=True)
    counts["flows"] = _draw_flows(ax, _project(layers.flows), pen)
    counts["stations"] = _draw_stations(ax, _project(layers.stations), pen)
    hubs = pd.concat([layers.airports, layers.ports]) if len(layers.ports) else layers.airports
    frames = {"hubs": hubs, "platforms": layers.platforms, "parks": layers.parks, "user_points": layers.user_points}
    for (name, frame), offsets in zip(frames.items(), overlays.spread_offsets(*frames.values())):
        _draw_symbols(ax, _project(frame), offsets, [_symbol(name, row) for _, row in frame.iterrows()], pen)
    kinds = list(hubs["kind"]) if len(hubs) else []
    counts.update(airports=kinds.count("airport"), ports=kinds.count("port"), platforms=len(layers.platforms),
                  parks=len(layers.parks), user_points=len(layers.user_points))
    return counts


def _symbol(layer: str, row) -> Symbol:
    """The Map page's symbol of a row of ``layer`` (platforms: by their first type)."""
    if layer == "platforms":
        return PLATFORM_SYMBOLS[overlays.platform_types(row)[0]]
    return OTHER_SYMBOLS[{"hubs": row.get("kind"), "parks": "park", "user_points": "user"}[layer]]


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
        cities[cities["code"] == selected].boundary.plot(ax=ax, color="#000000", linewidth=pen.pt(4), zorder=2.3)


def _draw_policy_areas(ax, areas: gpd.GeoDataFrame, pen: _Pen) -> int:
    for _, row in areas.iterrows():
        style = LAYERS[row["role"]]
        dash = pen.dashes(style.approximate_dash if row["approximate"] else style.dash)
        one = gpd.GeoSeries([row.geometry], crs=areas.crs)
        one.plot(ax=ax, color=style.fill, alpha=style.fill_opacity, linewidth=0, zorder=3)
        one.boundary.plot(ax=ax, color=style.stroke, linewidth=pen.pt(style.weight), linestyle=dash, zorder=3.1)
    return len(areas)


def _draw_lines(ax, lines: gpd.GeoDataFrame, pen: _Pen, by_status: bool) -> int:
    """Rail lines (colour by kind, dash by status) or axes and belts (wide, translucent, round ends)."""
    keys = ["kind", "status"] if by_status else ["kind"]
    for key, group in lines.groupby(keys) if len(lines) else []:
        style = LINE_STYLES[key[0]]
        group.plot(ax=ax, color=style.colour, alpha=style.opacity, linewidth=pen.pt(style.weight),
                   linestyle=pen.dashes(STATUS_DASH[key[1]]) if by_status else "-",
                   capstyle="butt" if by_status else "round", zorder=5 if by_status else 4)
    return len(lines)


def _draw_flows(ax, flows: gpd.GeoDataFrame, pen: _Pen) -> int:
    style = LINE_STYLES["flow"]
    if len(flows):
        flows.plot(ax=ax, color=style.colour, alpha=style.opacity, linewidth=pen.pt(style.weight),
                   linestyle=pen.dashes("6 4"), zorder=6)
    return len(flows)


def _draw_stations(ax, stations: gpd.GeoDataFrame, pen: _Pen) -> int:
    if len(stations):
        symbol = OTHER_SYMBOLS["station"]
        ax.plot(stations.geometry.x, stations.geometry.y, linestyle="none", marker=MARKERS[symbol.shape],
                markersize=pen.pt(7), markerfacecolor=symbol.colour, markeredgecolor="#222222",
                markeredgewidth=pen.pt(1), zorder=8)
    return len(stations)


def _draw_symbols(ax, points: gpd.GeoDataFrame, offsets, symbols, pen: _Pen) -> None:
    """Point symbols; those sharing a reference point fan out on a ring as on the Map page."""
    if not len(points):
        return
    step = pen.pt(1) * pen.metres_per_point  # one CSS pixel in metres on this map
    xs = np.array([p.x + dx * step for p, (dx, _) in zip(points.geometry, offsets)])
    ys = np.array([p.y - dy * step for p, (_, dy) in zip(points.geometry, offsets)])  # screen y points down
    for symbol in dict.fromkeys(symbols):
        mask = np.array([s == symbol for s in symbols])
        ax.plot(xs[mask], ys[mask], linestyle="none", marker=MARKERS[symbol.shape], markersize=pen.pt(13),
                markerfacecolor=symbol.colour, markeredgecolor="#222222", markeredgewidth=pen.pt(1.1),
                zorder=9)


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
                arrowprops={"arrowstyle": "-|>,head_length=0.8,head_width=0.4", "color": "#222222",
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
                      markerfacecolor=symbol.colour, markeredgecolor="#222222", markeredgewidth=pen.pt(1))

    entries = [(line(LAYERS[b].stroke, LAYERS[b].weight), layer_name(b, lang), False)
               for b in ("provinces", "cities", "counties")]
    drawn_types = {overlays.platform_types(r)[0] for _, r in layers.platforms.iterrows()}
    entries += [(marker(s), s.term(lang), False) for t, s in PLATFORM_SYMBOLS.items() if t in drawn_types]
    for name, key in (("parks", "park"), ("airports", "airport"), ("ports", "port"), ("user_points", "user")):
        if len(getattr(layers, name)):
            entries.append((marker(OTHER_SYMBOLS[key]), OTHER_SYMBOLS[key].term(lang), False))
    if len(layers.flows):
        s = LINE_STYLES["flow"]
        entries.append((line(s.colour, s.weight, "6 4", s.opacity), s.term(lang), False))
    for kind in sorted(set(layers.lines["kind"])) if len(layers.lines) else []:
        entries.append((line(LINE_STYLES[kind].colour, LINE_STYLES[kind].weight), LINE_STYLES[kind].term(lang), False))
    statuses = set(layers.lines["status"]) if len(layers.lines) else set()
    entries += [(line("#555555", 2.5, STATUS_DASH[st]), CORRIDOR_STATUSES[st](lang), False)
                for st in CORRIDOR_STATUSES if st in statuses]
    if len(layers.stations):
        entries.append((marker(OTHER_SYMBOLS["station"], 7), OTHER_SYMBOLS["station"].term(lang), False))
    for kind in sorted(set(layers.axes["kind"])) if len(layers.axes) else []:
        s = LINE_STYLES[kind]
        entries.append((line(s.colour, s.weight, None, s.opacity), s.term(lang), False))
    roles = set(layers.policy_areas["role"]) if len(layers.policy_areas) else set()
    for role in (r for r in POLICY_AREA_ROLES if r in roles):
        s = LAYERS[role]
        entries.append((Patch(facecolor=s.fill, alpha=0.6, edgecolor=s.stroke, linewidth=pen.pt(2)),
                        layer_name(role, lang), False))
    if len(layers.policy_areas) and layers.policy_areas["approximate"].any():
        entries.append((Patch(facecolor="none", edgecolor="#555555", linewidth=pen.pt(2),
                              linestyle=pen.dashes(LAYERS["strategic_zone"].approximate_dash)),
                        ui("approximate", lang), False))
    if colour:
        entries.append((Patch(visible=False), f"{colour.heading} ({colour.unit})", True))
        entries += [(Patch(facecolor=c, edgecolor="#777777"), label, False)
                    for c, label in _class_labels(colour.colouring.classes)]
        entries.append((Patch(facecolor=choropleth.NO_DATA_FILL, edgecolor="#777777"), ui("no_data", lang), False))
    return entries


def _number(value: float) -> str:
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:,.2f}".rstrip("0").rstrip(".")


def _class_labels(classes: choropleth.Classes) -> list[tuple[str, str]]:
    """(colour, 'lower – upper') per class, as the Map page's legend writes the breaks."""
    out, lower = [], classes.lower_bound
    for upper, colour in zip(classes.upper_bounds, classes.colours):
        out.append((colour, f"{_number(lower)} – {_number(upper)}" if lower is not None else f"≤ {_number(upper)}"))
        lower = upper
    return out


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
    if title:
        fig.text(left, 1 - 0.1 * s / h_in, _wrap(title, width_pt / (21 * s), 1), fontsize=21 * s,
                 va="top", ha="left")
    if subtitle:
        fig.text(left, 1 - 0.5 * s / h_in, _wrap(subtitle, width_pt / (11.5 * s), 1), fontsize=11.5 * s,
                 color="#444444", va="top", ha="left")
    small = 10.5 * s  # on a slide the picture is scaled to ~85 %: still about 9 pt (7.5 pt read as 6 pt)
    facts = [f"{ui('snapshot_date', lang)}: {today.isoformat()}", ui("snapshot_projection", lang)]
    if approval_no.strip():
        facts.append(f"{ui('approval_no', lang)}: {approval_no.strip()}")
    else:
        facts.append(ui("not_approved", lang))
    fig.text(left, 0.1 * s / h_in, _wrap(" · ".join(facts) + " · " + ui("schematic_note", lang),
                                         width_pt / (small * 0.92), 1),
             fontsize=small * 0.92, color="#333333", va="bottom", ha="left")
    fig.text(left, 0.3 * s / h_in, source_line(sources, lang, width_pt / small), fontsize=small,
             color="#333333", va="bottom", ha="left", linespacing=1.25)


def source_line(sources: list[str], lang: str, width_em: float, lines: int = SOURCE_LINES) -> str:
    """'Sources: a; b; c … and N more' wrapped to ``lines`` lines of ``width_em`` ems."""
    head = f"{ui('snapshot_sources', lang)}: "
    budget = width_em * lines - 2  # the wrap loses part of a character per line
    for shown in range(len(sources), 0, -1):
        rest = len(sources) - shown
        more = (" " + ui("snapshot_more", lang).format(n=rest)) if rest else ""
        text = head + "; ".join(sources[:shown]) + more
        if _em(text) <= budget or shown == 1:
            return _wrap(text, width_em, lines)
    return head


# --- saving -------------------------------------------------------------------------------------

def save(snapshot: Snapshot, path_or_buffer, fmt: str) -> None:
    """Write the snapshot as png (exactly its pixel size), svg (text as text) or pdf."""
    if fmt not in IMAGE_FORMATS:
        raise ValueError(f"format {fmt!r}: save writes {', '.join(IMAGE_FORMATS)}")
    truetype = pdffont.type42([snapshot.figure], font_path()) if fmt == "pdf" else contextlib.nullcontext()
    with _style(), truetype:  # PDF: TrueType (Type 42) text, which print shops accept
        snapshot.figure.savefig(path_or_buffer, format=fmt, dpi=snapshot.dpi, metadata={"Title": snapshot.title})


def image_bytes(snapshot: Snapshot, fmt: str) -> bytes:
    """The snapshot as png, svg or pdf bytes."""
    buffer = io.BytesIO()
    save(snapshot, buffer, fmt)
    return buffer.getvalue()


# --- interactive HTML ---------------------------------------------------------------------------

_SCRIPT = re.compile(r'<script src="(/app/static/[^"]+)"></script>')
_STYLESHEET = re.compile(r'<link rel="stylesheet" href="(/app/static/[^"]+)"\s*/?>')
_CSS_URL = re.compile(r"url\((?!data:)['\"]?([^'\")]+)['\"]?\)")


def to_html(state: filters.ViewState, user_points: gpd.GeoDataFrame | None = None, *, bounds=None,
            title: str = "", indicator_data: pd.DataFrame | None = None) -> str:
    """The interactive map of ``state`` as one self-contained page that opens offline from disk.

    Boundaries are embedded and every script and style sheet is inlined. Always without tiles:
    a basemap would need the internet.
    """
    lang = normalise_language(state.lang)
    layers = filters.visible_layers(state, user_points)
    colour = _choropleth(state, indicator_data)
    legend = overlays.choropleth_legend(colour.heading, colour.colouring.legend_html) if colour else ""
    fmap = mapview.build_base_map(lang, "none", inline=True)
    overlays.overlay_group(
        layers, lang, mapview.policy_area_features(lang),
        fills=colour.colouring.fills if colour else None, city_tips=colour.colouring.tips if colour else None,
        selected_city=state.city, choropleth_legend=legend).add_to(fmap)
    if bounds is not None:
        west, south, east, north = _checked_bounds(bounds)
        fmap.fit_bounds([[south, west], [north, east]])
    page = inline_assets(mapview.map_html(fmap))
    heading = html.escape(title or default_title(state))
    return page.replace("<head>", f'<head>\n    <meta charset="utf-8">\n    <title>{heading}</title>', 1)


def inline_assets(page: str) -> str:
    """``page`` with every local script and style sheet (and the images they use) inlined."""
    def script(match):
        code = assets.local_file(match.group(1)).read_text("utf-8")
        return "<script>" + code.replace("</script", "<\\/script") + "</script>"

    def stylesheet(match):
        path = assets.local_file(match.group(1))
        css = _CSS_URL.sub(lambda m: _css_url(path.parent, m), path.read_text("utf-8"))
        return "<style>" + css + "</style>"

    page = _STYLESHEET.sub(stylesheet, _SCRIPT.sub(script, page))
    left = re.findall(r'(?:src|href)="(/app/static/[^"]+)"', page)
    if left:
        raise ValueError(f"not inlined: {left}; add their tag form to geo.snapshot.inline_assets")
    return page


def _css_url(folder: Path, match: re.Match) -> str:
    # Only files next to the style sheet; "url(#default#VML)" and the like stay as they are.
    target = folder / match.group(1)
    return f"url({_data_uri(target)})" if not match.group(1).startswith("#") and target.is_file() else match.group(0)


def _data_uri(path: Path) -> str:
    kind = {".png": "image/png", ".svg": "image/svg+xml"}.get(path.suffix, "application/octet-stream")
    return f"data:{kind};base64," + base64.b64encode(path.read_bytes()).decode("ascii")


# --- all formats --------------------------------------------------------------------------------

def export_all(state: filters.ViewState, formats=FORMATS, *, title: str | None = None,
               subtitle: str | None = None, preset: str = "1920x1080", size=None, bounds=None,
               approval_no: str = "", user_points=None, indicator_data: pd.DataFrame | None = None) -> dict[str, bytes]:
    """The view ``state`` in each of ``formats`` as bytes; the map is drawn once for all images.

    Title and subtitle default to ``default_title`` and ``default_subtitle``.
    """
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise ValueError(f"format {unknown[0]!r}: choose one of {', '.join(FORMATS)}")
    title = title or default_title(state)
    layers = filters.visible_layers(state, user_points)
    writers = {"csv": exports.to_csv, "xlsx": exports.to_xlsx, "geojson": exports.to_geojson}
    out = {}
    for fmt in (f for f in formats if f in writers):
        data = writers[fmt](layers)
        out[fmt] = data.encode("utf-8") if isinstance(data, str) else data
    if "html" in formats:
        out["html"] = to_html(state, user_points, bounds=bounds, title=title,
                              indicator_data=indicator_data).encode("utf-8")
    if any(f in formats for f in ("png", "svg", "pdf", "pptx")):
        snap_subtitle = default_subtitle(state, layers.counts()) if subtitle is None else subtitle
        snap = render(state, title=title, subtitle=snap_subtitle, preset=preset, size=size, bounds=bounds,
                      approval_no=approval_no, user_points=user_points, indicator_data=indicator_data)
        try:
            for fmt in (f for f in IMAGE_FORMATS if f in formats or (f == "png" and "pptx" in formats)):
                out[fmt] = image_bytes(snap, fmt)
            if "pptx" in formats:  # the slide's own text boxes carry title and subtitle: a bare map picture
                bare = render(state, title="", preset=preset, size=size, bounds=bounds, approval_no=approval_no,
                              user_points=user_points, indicator_data=indicator_data)
                out["pptx"] = exports.to_pptx(image_bytes(bare, "png"), title, snap.sources, snap.links, state.lang,
                                              subtitle=snap_subtitle, notes=captions.notes(snap.sources, layers,
                                                                                          state.lang))
                bare.figure.clear()
        finally:
            snap.figure.clear()  # free the drawing now; a session may keep the bytes
    return {fmt: out[fmt] for fmt in formats}


def export(state: filters.ViewState, fmt: str, **options) -> bytes:
    """The view ``state`` in one format as bytes (options as for ``export_all``)."""
    return export_all(state, (fmt,), **options)[fmt]


# --- command line -------------------------------------------------------------------------------

# CLI option names → the Map page's URL parameters, so from_query checks every value.
_CLI_FILTERS = (
    ("layers", ("--layers", "--overlays"), "layers to draw, e.g. platforms,parks,lines"),
    ("type", ("--types", "--type"), "platform types and policy-area roles, e.g. innovation,manufacturing"),
    ("prov", ("--provinces", "--prov"), "province codes, e.g. 130000"),
    ("cities", ("--cities",), "city codes, e.g. 130100,130600"),
    ("ind", ("--industries", "--ind"), "industries as the sources write them"),
    ("mode", ("--modes", "--mode"), "park cooperation modes, e.g. enclave"),
    ("status", ("--statuses", "--status"), "line statuses: operating, under_construction, planned"),
    ("asof", ("--as-of", "--asof"), "as-of year"),
    ("undated", ("--undated",), "1/0: include those with no known year"),
    ("indicator", ("--indicator",), "colour cities by this indicator id, e.g. gdp"),
    ("year", ("--year",), "indicator year (default: the latest)"),
    ("cls", ("--scheme", "--cls"), "classification: quantiles, natural_breaks, equal_interval"),
    ("city", ("--city",), "selected city code (outlined)"),
    ("lang", ("--lang",), "zh or en"),
)


class _ArgumentParser(argparse.ArgumentParser):
    def error(self, message):  # argparse's own: usage, the message, exit code 2
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")


def _parser() -> argparse.ArgumentParser:
    parser = _ArgumentParser(prog="python -m geo.snapshot",
                             description="Export a view of the JJJ Atlas map (no browser needed).")
    parser.add_argument("--format", default="png", choices=FORMATS)
    parser.add_argument("--preset", default="1920x1080", choices=[*PRESETS, CUSTOM])
    parser.add_argument("--size", help="WIDTHxHEIGHT in pixels (implies --preset custom)")
    parser.add_argument("--title", help="default: the app's name (and the indicator)")
    parser.add_argument("--subtitle", help="default: the visible layers with their counts")
    parser.add_argument("--approval", default="", help="map approval number (审图号), printed if given")
    parser.add_argument("--bounds", help="extent W,S,E,N in degrees (default: the three provinces)")
    parser.add_argument("--query", default="", help='Map page URL parameters, e.g. "type=innovation&prov=130000"')
    parser.add_argument("--out", help="output file (default: jjj-map.FORMAT)")
    parser.add_argument("--each", choices=("city", "type", "system", "industry"),
                        help="an atlas: one slide/page per item, as --format pptx or pdf (geo.atlas)")
    parser.add_argument("--film", choices=("gif", "mp4"), help="the as-of years 2013–2025 as a film (geo.film)")
    for param, flags, text in _CLI_FILTERS:
        parser.add_argument(*flags, dest=f"q_{param}", metavar=flags[0][2:].upper().replace("-", "_"), help=text)
    return parser


def state_from_args(args: argparse.Namespace) -> filters.ViewState:
    """The ViewState of the --query string and the filter options (options win); bad values raise."""
    params = dict(parse_qsl(args.query, keep_blank_values=True))
    params.update({param: getattr(args, f"q_{param}") for param, _, _ in _CLI_FILTERS
                   if getattr(args, f"q_{param}") is not None})
    state, ignored = filters.from_query(params)
    if ignored:
        flags = {param: flags[0] for param, flags, _ in _CLI_FILTERS}
        raise ValueError("; ".join(f"invalid value {value!r} for {flags.get(key, key)}" for key, value in ignored))
    unknown = set(params) - {p for p, _, _ in _CLI_FILTERS} - {"c", "z", "basemap"}
    if unknown:
        raise ValueError(f"unknown query parameter(s): {', '.join(sorted(unknown))}")
    return state


def main(argv: list[str] | None = None) -> int:
    """CLI entry point: 0 when the file is written, 2 with a message on a bad option."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        state = state_from_args(args)
        size = parse_size(args.size) if args.size else None
        preset = CUSTOM if size else args.preset
        pixel_size(preset, size)
        bounds = parse_bounds(args.bounds) if args.bounds else None
    except ValueError as err:
        parser.error(str(err))
    if args.each and args.format not in ("pptx", "pdf"):
        parser.error(f"--each writes pptx or pdf, not {args.format}: add --format pptx or --format pdf")
    if args.each and args.film:
        parser.error("--each and --film: choose one")
    out = Path(args.out or f"jjj-map.{args.film or args.format}")
    if args.each or args.film:
        from geo import atlas  # noqa: PLC0415 - atlas imports this module

        data = atlas.cli_bytes(args, state, preset, size, bounds)
    else:
        data = export(state, args.format, title=args.title, subtitle=args.subtitle, preset=preset, size=size,
                      bounds=bounds, approval_no=args.approval)
    out.write_bytes(data)
    detail = f" ({'×'.join(map(str, pixel_size(preset, size)))} px)" if args.format == "png" else ""
    print(f"wrote {out}{detail}, {len(data):,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
