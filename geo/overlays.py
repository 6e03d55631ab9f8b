"""The Map page's changing layers as one folium FeatureGroup (what ``feature_group_to_add`` sends).

``overlay_group(layers, lang, ...)`` turns the filtered ``filters.Layers`` into compact GeoJSON
overlays plus two small scripts: one styles the stable base map's cities (choropleth, selected city,
tooltips), the other replaces the legend. The base map itself (``mapview.build_base_map``) never
changes with a filter, so streamlit-folium swaps this group in place: no remount, no blank frame.
The curated and workspace layers travel by reference to their whole drawing (``sent_once_overlay``,
``geo/sendonce.py``): a filter change sends what is kept, not the features.

Every string from data reaches HTML escaped here (tooltips, cards, legend).
"""

from __future__ import annotations

import copy
import html
import json
import math
import threading
from collections import OrderedDict, defaultdict
from functools import lru_cache

import folium
import geopandas as gpd
import pandas as pd
from branca.element import MacroElement
from jinja2 import Template

from geo import bigpoints, boundaries, browser, sendonce, sources
from geo.layers import LAYERS as LAYER_REGISTRY
from geo.layers import Layer, Layers, LegendItem, by_stacking, legend_items, platform_types, unfiltered
from geo.vocab import (
    CORRIDOR_STATUSES,
    HUB_KINDS,
    INK,
    LINE_KINDS,
    LINE_STYLES,
    MODES,
    OTHER_SYMBOLS,
    OVERLAYS,
    PLATFORM_SYMBOLS,
    PLATFORM_SYSTEMS,
    PRECISIONS,
    STATUS_DASH,
    YEAR_KINDS,
    Symbol,
    industries_label,
    ui,
    unit_label,
)

SYMBOL_PX = 16
LEGEND_SYMBOL_PX, LEGEND_SMALL_PX = 14, 10  # legend swatches of map symbols and of stations
COORD_DECIMALS = 4  # ~10 m: finer than the best stated precision of any point, a third fewer bytes
SPREAD_PX = 10  # co-located symbols are drawn on a ring this far apart, their points unchanged

# 16 × 16 SVG shapes; the snapshot draws the same shapes with the matplotlib markers beside them.
SHAPES = {
    "circle": '<circle cx="8" cy="8" r="6"/>',
    "square": '<rect x="2.5" y="2.5" width="11" height="11"/>',
    "triangle": '<polygon points="8,1.5 14.8,14 1.2,14"/>',
    "diamond": '<polygon points="8,0.8 15.2,8 8,15.2 0.8,8"/>',
    "star": '<polygon points="8,0.6 10.1,5.6 15.4,5.9 11.3,9.3 12.7,14.6 8,11.7 3.3,14.6 4.7,9.3 0.6,5.9 5.9,5.6"/>',
    "plus": ('<polygon points="5.7,1.2 10.3,1.2 10.3,5.7 14.8,5.7 14.8,10.3 10.3,10.3 10.3,14.8 5.7,14.8 5.7,10.3'
             ' 1.2,10.3 1.2,5.7 5.7,5.7"/>'),
    "hexagon": '<polygon points="8,1 14.2,4.5 14.2,11.5 8,15 1.8,11.5 1.8,4.5"/>',
    "x": '<polygon points="3,1.2 8,6.2 13,1.2 14.8,3 9.8,8 14.8,13 13,14.8 8,9.8 3,14.8 1.2,13 6.2,8 1.2,3"/>',
}


def symbol_svg(symbol: Symbol, size: int = SYMBOL_PX) -> str:
    """The symbol as inline SVG (colours come from the vocabulary, never from data)."""
    return (f'<svg width="{size}" height="{size}" viewBox="0 0 16 16" fill="{symbol.colour}" '
            f'stroke="{INK["outline"]}" stroke-width="1.1">{SHAPES[symbol.shape]}</svg>')


def _text(*lines) -> str:
    return "<br>".join(html.escape(str(line)) for line in lines if line not in (None, "") and not _missing(line))


def _missing(value) -> bool:
    return not isinstance(value, str) and pd.isna(value)


def _name(row, lang: str) -> str:
    en_name = row.get("name_en")
    return en_name if lang == "en" and isinstance(en_name, str) and en_name else row.get("name_zh") or row.get("name")


def _sources_html(titles, urls, lang: str) -> str:
    # One rendering for every place that shows sources: outlet, date, title, the link beside it.
    return sources.render_html(sources.lookup(titles, urls), lang)


def _row_sources_html(row, lang: str) -> str:
    # a workspace's source exactly as uploaded and labelled, beside the curated ones (geo/workspace/shown_sources.py)
    from geo.workspace import shown_sources  # geo.workspace imports geo.registry, which this module's callers load
    return shown_sources.html_block(row, lang)


def _place(row, lang: str) -> str:
    names = _unit_names(lang)
    return " · ".join(n for n in (names.get(row.get("city_code")), names.get(row.get("county_code"))) if n)


@lru_cache(maxsize=4)
def _unit_names(lang: str) -> dict[str, str]:
    key = "name_en" if lang == "en" else "name_zh"
    frames = (boundaries.cities(), boundaries.counties())
    return {code: name for f in frames for code, name in zip(f["code"], f[key])}


def entity_card(row, lang: str) -> str:
    """The click card of a platform or park: what it is, where, when, what, and its sources."""
    lines = [f"<b>{html.escape(_name(row, lang))}</b>"]
    if row["kind"] == "platform":
        lines.append(html.escape(" / ".join(PLATFORM_SYMBOLS[t].term(lang) for t in platform_types(row))))
        systems = [PLATFORM_SYSTEMS[s](lang) for s in str(row.get("systems") or "").split(";") if s in PLATFORM_SYSTEMS]
        if systems:
            lines.append(f"{html.escape(ui('systems', lang))}: {html.escape('; '.join(systems))}")
    else:
        origin = _unit_names(lang).get(row.get("origin_code"), row.get("origin_code"))
        lines.append(f"{html.escape(ui('kind_park', lang))}: {html.escape(str(origin))} → "
                     f"{html.escape(_place(row, lang))}")
        modes = [MODES[m](lang) for m in str(row.get("modes") or "").split(";") if m in MODES]
        if modes:
            lines.append(f"{html.escape(ui('modes', lang))}: {html.escape('; '.join(modes))}")
    lines.append(html.escape(_place(row, lang)))
    year = row.get("year")
    year_text = ui("no_data", lang) if _missing(year) else str(int(year))
    lines.append(f"{html.escape(ui('year', lang))}: {html.escape(year_text)}")
    if isinstance(row.get("industries"), str):
        lines.append(f"{html.escape(ui('industries', lang))}: {html.escape(industries_label(row['industries'], lang))}")
    precision = row.get("precision")
    if precision in PRECISIONS:
        lines.append(f"{html.escape(ui('location', lang))}: {html.escape(PRECISIONS[precision](lang))}")
    lines.append(_row_sources_html(row, lang))
    from geo.workspace import frames  # geo.workspace imports geo.registry, which this module's callers load
    if provenance := frames.provenance(row, lang):  # a workspace's row: which workspace, uploaded when
        lines.append(f"<i>{html.escape(provenance)}</i>")
    return "<br>".join(lines)


def _spread(points: gpd.GeoSeries) -> list[tuple[int, int]]:
    """Pixel offsets that fan out symbols sharing one point (a county or city reference point)."""
    groups = defaultdict(list)
    for i, p in enumerate(points):
        groups[(round(p.x, 6), round(p.y, 6))].append(i)
    offsets = [(0, 0)] * len(points)
    for members in groups.values():
        if len(members) > 1:
            for k, i in enumerate(members):
                angle = 2 * math.pi * k / len(members)
                offsets[i] = (round(SPREAD_PX * math.cos(angle)), round(SPREAD_PX * math.sin(angle)))
    return offsets


def spread_offsets(*frames: gpd.GeoDataFrame) -> list[list[tuple[int, int]]]:
    """Offsets for several point layers fanned out together (a park and a platform may share a point)."""
    sizes = [len(f) for f in frames]
    points = pd.concat([f.geometry for f in frames], ignore_index=True) if any(sizes) else gpd.GeoSeries()
    flat = _spread(points)
    out, start = [], 0
    for n in sizes:
        out.append(flat[start:start + n])
        start += n
    return out


class GeoJsonOverlay(MacroElement):
    """A compact GeoJSON overlay added to its parent group.

    Features carry only an id and their drawing properties; tooltips and cards travel once in a
    side table. Points are drawn by ``jjj.pointLayer`` from the base map (an SVG symbol, or a
    small circle for stations); paths do not pass clicks to the map unless ``bubble`` is set.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            jjj.addOverlay({{ this._parent.get_name() }}, {{ this.data_json }}, {{ this.info_json }},
                {{ this.class_name|tojson }}, {{ this.bubble|tojson }}, {{ this.canvas|tojson }});  // overlays.js
        {% endmacro %}
        """
    )

    def __init__(self, features: list[dict], info: dict[str, tuple[str, str]], class_name: str, bubble=False):
        super().__init__()
        self._name = "GeoJsonOverlay"
        self.data_json = browser.script_json([_compact(f) for f in features])
        self.info_json = browser.script_json(info)
        self.class_name = class_name
        self.bubble = bubble
        # many points: one canvas instead of a DOM marker each (geo/bigpoints.py)
        self.canvas = bigpoints.uses_canvas(sum(f["geometry"]["type"] == "Point" for f in features))


def _compact(feature: dict):
    """A point as [lon, lat, properties]: a third of the bytes of a GeoJSON feature."""
    geometry = feature["geometry"]
    if geometry["type"] == "Point":
        return [*geometry["coordinates"], feature["properties"]]
    return feature


def expand(data_json: str) -> list[dict]:
    """The GeoJSON features of an overlay's compact data (what the browser rebuilds)."""
    return [{"type": "Feature", "properties": f[2], "geometry": {"type": "Point", "coordinates": f[:2]}}
            if isinstance(f, list) else f for f in json.loads(data_json.replace("<\\/", "</"))]


def _rows(frame: pd.DataFrame) -> list[dict]:
    """A frame's rows as plain dicts, geometry included: iterrows builds a Series per row, five times
    slower, and the Map page builds its overlays on every run before it sends the map."""
    return frame.to_dict("records")


def _feature(geometry, fid: str, **props) -> dict:
    return {"type": "Feature", "geometry": _rounded(geometry.__geo_interface__), "properties": {"id": fid, **props}}


def _rounded(geom: dict) -> dict:
    def r(c):
        if isinstance(c[0], float | int):
            return [round(c[0], COORD_DECIMALS), round(c[1], COORD_DECIMALS)]
        return [r(x) for x in c]
    return {"type": geom["type"], "coordinates": r(geom["coordinates"])}


def _symbol_props(symbol: Symbol, offset, kind: str) -> dict:
    return {"k": kind, "sh": symbol.shape, "c": symbol.colour, "o": list(offset)}


def entity_overlay(entities: gpd.GeoDataFrame, offsets, lang: str, kind: str) -> GeoJsonOverlay:
    """Platforms (symbol by type) or parks (one symbol) with tooltips and cards."""
    features, info = [], {}
    for row, offset in zip(_rows(entities), offsets):
        symbol = OTHER_SYMBOLS["park"] if kind == "park" else PLATFORM_SYMBOLS[platform_types(row)[0]]
        features.append(_feature(row["geometry"], row["id"], **_symbol_props(symbol, offset, kind)))
        # No popup: a click selects the entity and the page's side panel shows its card.
        info[row["id"]] = (_text(_name(row, lang), _place(row, lang)), "")
    return GeoJsonOverlay(features, info, f"jjj-{kind}")


def flow_overlay(flows: gpd.GeoDataFrame, lang: str) -> GeoJsonOverlay:
    style = LINE_STYLES["flow"]
    names = _unit_names(lang)
    features, info = [], {}
    for row in _rows(flows):
        fid = f"flow-{row['id']}"
        features.append(_feature(row["geometry"], fid, s={"color": style.colour, "weight": style.weight,
                                                        "opacity": style.opacity, "dashArray": "6 4"}))
        info[fid] = (_text(f"{names.get(row['origin_code'], row['origin_code'])} → {_place(row, lang)}",
                           _name(row, lang)), "")
    return GeoJsonOverlay(features, info, "jjj-flow")


def line_overlay(lines: gpd.GeoDataFrame, lang: str) -> GeoJsonOverlay:
    """Rail lines coloured by kind, dashed by status (operating solid, building dashed, planned dotted)."""
    features, info = [], {}
    for row in _rows(lines):
        style = LINE_STYLES[row["kind"]]
        features.append(_feature(row["geometry"], row["line_id"], s={
            "color": style.colour, "weight": style.weight, "dashArray": STATUS_DASH[row["status"]]}))
        status = CORRIDOR_STATUSES[row["status"]](lang)
        opened = row["opened"] if isinstance(row["opened"], str) else ""
        tip = _text(_name(row, lang), f"{LINE_KINDS[row['kind']](lang)} · {status} {opened}".strip())
        info[row["line_id"]] = (tip, "+" + _sources_html(row["source_title"], row["source_url"], lang))
    return GeoJsonOverlay(features, info, "jjj-line")


@lru_cache(maxsize=4)
def _line_names(lang: str) -> dict[str, str]:
    from geo import corridors  # geo.corridors is loaded with geo.layers; imported here for the names only
    return {row["line_id"]: _name(row, lang) for row in _rows(corridors.lines())}


def station_card(row: dict, lang: str) -> str:
    """A station's click card: its line, status and opening, place, how exact its point is, sources
    (every value from data escaped)."""
    line = _line_names(lang).get(row["line_id"], row["line_id"])
    status = CORRIDOR_STATUSES[row["status"]](lang) if row.get("status") in CORRIDOR_STATUSES else None
    opened = row.get("opened") if isinstance(row.get("opened"), str) and row.get("opened") else None
    precision = row.get("precision")
    lines = [f"{ui('line', lang)}: {line}", status and f"{ui('status', lang)}: {status}",
             opened and f"{ui('opened', lang)}: {opened}", _place(row, lang),
             precision in PRECISIONS and f"{ui('location', lang)}: {PRECISIONS[precision](lang)}"]
    sources_html = _sources_html(row.get("source_title"), row.get("source_url"), lang)
    return _text(*(t for t in lines if t)) + "<br>" + sources_html


def station_overlay(stations: gpd.GeoDataFrame, lang: str) -> GeoJsonOverlay:
    features, info = [], {}
    for i, row in enumerate(_rows(stations)):
        fid = f"s{i}"
        features.append(_feature(row["geometry"], fid, k="station"))
        name = row["station_en"] if lang == "en" and isinstance(row["station_en"], str) else row["station_zh"]
        # The tooltip names the station only; the card (a click) tells its line, place and sources.
        info[fid] = (_text(name), "+" + station_card(row, lang))
    return GeoJsonOverlay(features, info, "jjj-station")


def hub_overlay(hubs: gpd.GeoDataFrame, offsets, lang: str) -> GeoJsonOverlay:
    features, info = [], {}
    for row, offset in zip(_rows(hubs), offsets):
        props = _symbol_props(OTHER_SYMBOLS[row["kind"]], offset, row["kind"])
        features.append(_feature(row["geometry"], row["id"], **props))
        tip = _text(_name(row, lang), HUB_KINDS[row["kind"]](lang), _place(row, lang))
        info[row["id"]] = (tip, "+" + _sources_html(row["source_title"], row["source_url"], lang))
    return GeoJsonOverlay(features, info, "jjj-hub")


def axis_overlay(axes: gpd.GeoDataFrame, lang: str) -> GeoJsonOverlay:
    features, info = [], {}
    for row in _rows(axes):
        style = LINE_STYLES[row["kind"]]
        features.append(_feature(row["geometry"], row["id"], s={"color": style.colour, "weight": style.weight,
                                                             "opacity": style.opacity, "lineCap": "round"}))
        tip = _text(_name(row, lang), style.term(lang))
        info[row["id"]] = (tip, "+" + _sources_html(row["source_title"], row["source_url"], lang))
    return GeoJsonOverlay(features, info, "jjj-axis")


def user_overlay(points: gpd.GeoDataFrame, offsets, lang: str, whole: gpd.GeoDataFrame | None = None,
                 embed: frozenset = frozenset()):
    """Points a user uploaded this session; every string is theirs, so all of it is escaped.

    ``whole`` is the unfiltered upload: from ``bigpoints.SEND_ONCE_THRESHOLD`` points on it is sent
    once, by reference (``big_user_overlay``), and ``points`` only say which of them are shown."""
    if whole is not None and _sent_once(whole):
        big = big_user_overlay(points, whole, lang, embed)
        if big is not None:
            return big
        offsets = _spread(points.geometry)  # overlay_group left them to the payload
    features, info = [], {}
    symbol = OTHER_SYMBOLS["user"]
    for row, offset in zip(_rows(points), offsets):
        fid = str(row["id"])
        features.append(_feature(row["geometry"], fid, **_symbol_props(symbol, offset, "user")))
        info[fid] = _user_info(row, symbol, lang)
    return GeoJsonOverlay(features, info, "jjj-user")


def _user_info(row: dict, symbol: Symbol, lang: str) -> tuple[str, str]:
    lines = [row.get("name"), row.get("kind"), row.get("industries"), row.get("source_title")]
    return _text(row.get("name"), symbol.term(lang)), _text(*lines)


def user_payload(whole: gpd.GeoDataFrame, lang: str) -> bigpoints.Payload:
    """The whole upload as one payload (built once per upload and language): its symbols fanned out
    among its own points only, so they stay put whatever the filters show."""
    def build() -> bigpoints.Payload:
        # the lines of _user_info, as columns the browser joins (escaped once per distinct value)
        symbol, column = OTHER_SYMBOLS["user"], bigpoints.Column
        return bigpoints.build_payload(
            whole, bigpoints.fanned_offsets(whole.geometry, SPREAD_PX), _symbol_props(symbol, (0, 0), "user"),
            tip=[column("name"), symbol.term(lang)],
            card=[column("name"), column("kind"), column("industries"), column("source_title")])
    return bigpoints.memo_payload(whole, lang, build)


def big_user_overlay(shown: gpd.GeoDataFrame, whole: gpd.GeoDataFrame, lang: str,
                     embed: frozenset = frozenset()) -> bigpoints.BigPointOverlay | None:
    """The upload by reference, or None when the shown points are not whole classes of it."""
    payload = user_payload(whole, lang)
    kept = bigpoints.kept_classes(payload, shown)
    if kept is None:
        return None
    # embedded as before when the file cannot be written or this browser could not fetch it
    embedded = payload.key in embed or "*" in embed or not bigpoints.publish(payload)
    return bigpoints.BigPointOverlay(payload, kept, len(shown), "jjj-user", embedded)


class PolicyAreas(MacroElement):
    """The 2+4 areas merged in the browser from the base map's counties (no geometry is sent)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            jjj.addPolicyAreas({{ this._parent.get_name() }}, {{ this.areas_json }});  // static/js/overlays.js
        {% endmacro %}
        """
    )

    def __init__(self, features: list[dict]):
        super().__init__()
        self._name = "PolicyAreas"
        self.areas_json = browser.script_json(features)


class CityStyling(MacroElement):
    """Styles the base map's counties by their city (choropleth), outlines the selected city and
    sets the extra tooltip line per city; sends a complete state, so the previous one is replaced."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            jjj.ready.then(function() {
                jjj.styleCities({{ this.fills_json }}, {{ this.tips_json }}, {{ this.selected|tojson }});
            });
        {% endmacro %}
        """
    )

    def __init__(self, fills: dict[str, str], tips: dict[str, str], selected: str | None):
        super().__init__()
        self._name = "CityStyling"
        self.fills_json = browser.script_json(fills)
        self.tips_json = browser.script_json({code: html.escape(tip) for code, tip in tips.items()})
        self.selected = selected


class Legend(MacroElement):
    """Replaces the map's legend control with rows for what is drawn now (plain HTML, no d3)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            jjj.setLegend({{ this.html_json }});
        {% endmacro %}
        """
    )

    def __init__(self, title: str, rows_html: str):
        super().__init__()
        self._name = "Legend"
        self.html_json = browser.script_json(
            f'<details><summary style="font-weight:600;cursor:pointer">{html.escape(title)}'
            f"</summary>{rows_html}</details>")


def _legend_row(swatch: str, label: str) -> str:
    # Row and swatch styles live in the base map's CSS: the legend is re-sent with every filter change.
    return f'<div class="jjj-legend-row"><span class="jjj-sw">{swatch}</span><span>{html.escape(label)}</span></div>'


def _line_swatch(colour: str, weight: float, dash: str | None, opacity: float = 1.0) -> str:
    dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
    return (f'<svg width="24" height="10"><line x1="0" y1="5" x2="24" y2="5" stroke="{colour}" '
            f'stroke-width="{min(weight, 8)}" stroke-opacity="{opacity}"{dash_attr}/></svg>')


def legend_swatch(item: LegendItem) -> str:
    """The HTML swatch of a legend row (colours, dashes and symbols from the vocabulary)."""
    if item.kind == "symbol":
        return symbol_svg(item.symbol, LEGEND_SYMBOL_PX if item.size >= SYMBOL_PX * 0.75 else LEGEND_SMALL_PX)
    if item.kind == "line":
        return _line_swatch(item.colour, item.weight, item.dash, item.opacity)
    if item.fill is None:  # an outline only: drawn approximately
        return (f'<span style="display:inline-block;width:20px;height:10px;'
                f'border:2px dashed {item.colour}"></span>')
    return (f'<span style="display:inline-block;width:20px;height:10px;background:{item.fill};'
            f'opacity:.75;border:2px solid {item.colour}"></span>')


def legend_rows(layers: Layers, lang: str, choropleth_rows: str = "") -> str:
    """Legend rows for the layers that have something drawn (``geo.layers``), then the choropleth classes."""
    return "".join(_legend_row(legend_swatch(item), item.label(lang)) for item in legend_items(layers)) \
        + choropleth_rows


def choropleth_legend(title: str, rows_html: str) -> str:
    """The choropleth's part of the legend: its title (escaped) and class rows."""
    return f"<div style='font-weight:600;margin-top:6px'>{html.escape(title)}</div>{rows_html}"


def overlay_group(layers: Layers, lang: str, policy_features: list[dict], fills: dict[str, str] | None = None,
                  city_tips: dict[str, str] | None = None, selected_city: str | None = None,
                  choropleth_legend: str = "", highlight: str | None = None,
                  embed: frozenset = frozenset()) -> folium.FeatureGroup:
    """All changing content of the Map page in one FeatureGroup, in drawing order.

    With a choropleth (``fills``) the 2+4 areas are outlines only, so the colours beneath stay readable;
    ``highlight`` (an entity id: the one searched or clicked) gets a ring where its symbol is drawn;
    ``embed``: keys of big layers and sent-once drawings this browser could not fetch
    (``bigpoints.embed_keys``), ``bigpoints.EMBED_ALL`` for a page that has no server to fetch them from,
    ``sendonce.FIRST_RUN`` for a visit's first run (every drawing inside, big points by reference)."""
    group = folium.FeatureGroup(name="overlays", control=False)
    CityStyling(fills or {}, city_tips or {}, selected_city).add_to(group)
    context = {"policy_features": policy_features, "outline_areas": bool(fills),
               "whole": getattr(layers, "whole", {}), "embed": embed}
    offsets = dict(zip(spread_ids := [layer.id for layer in LAYER_REGISTRY if layer.spread],
                       spread_offsets(*(_spread_frame(layers, i) for i in spread_ids))))
    for layer in by_stacking():
        frame = layers[layer.id]
        if len(frame):
            overlay = sent_once_overlay(layers, layer, frame, offsets.get(layer.id), lang, embed) \
                or drawn_overlay(layer, frame, offsets.get(layer.id), lang, context)
            overlay.add_to(group)
    if highlight is not None and (where := highlight_point(layers, offsets, highlight)) is not None:
        Highlight(*where).add_to(group)
    Legend(ui("legend", lang), legend_rows(layers, lang, choropleth_legend)).add_to(group)
    return group


class Highlight(MacroElement):
    """A ring around one drawn symbol (the entity searched or clicked); it catches no clicks."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            jjj.highlight({{ this._parent.get_name() }}, {{ this.lat|tojson }}, {{ this.lon|tojson }},
                {{ this.offset|tojson }});  // static/js/overlays.js
        {% endmacro %}
        """
    )

    def __init__(self, lat: float, lon: float, offset: tuple[int, int]):
        super().__init__()
        self._name = "Highlight"
        self.lat, self.lon, self.offset = round(lat, COORD_DECIMALS), round(lon, COORD_DECIMALS), list(offset)


def highlight_point(layers: Layers, offsets: dict, entity_id: str) -> tuple[float, float, tuple[int, int]] | None:
    """(lat, lon, pixel offset) of the symbol drawn for ``entity_id`` in a spread point layer; None if
    it is not drawn (filtered out or its layer off: nothing to ring)."""
    for layer_id, layer_offsets in offsets.items():
        frame = layers[layer_id]
        if "id" not in frame or not len(frame):
            continue
        hits = (frame["id"].astype(str) == str(entity_id)).to_numpy().nonzero()[0]
        if len(hits):
            point = frame.geometry.iloc[hits[0]]
            return point.y, point.x, tuple(layer_offsets[hits[0]])
    return None
def _spread_frame(layers: Layers, layer_id: str) -> gpd.GeoDataFrame:
    # A layer sent once fans out among its own points, once (user_payload), not on every run.
    whole = getattr(layers, "whole", {}).get(layer_id)
    return layers[layer_id].iloc[:0] if whole is not None and _sent_once(whole) else layers[layer_id]


def _sent_once(whole: gpd.GeoDataFrame) -> bool:
    return len(whole) >= bigpoints.SEND_ONCE_THRESHOLD


def _field_text(field: str, row: dict, layer: Layer, lang: str) -> str | None:
    """One tooltip or card field of a row as HTML (escaped); None when the source is silent."""
    if field == "name":
        return f"<b>{html.escape(_name(row, lang))}</b>"
    if field == "layer":
        return html.escape(OVERLAYS[layer.id](lang))
    if field == "place":
        return html.escape(_place(row, lang)) or None
    if field == "sources":
        return _row_sources_html(row, lang)
    value = _field_value(field, row, lang)
    return None if value in (None, "") else f"{html.escape(ui(field, lang))}: {html.escape(value)}"


def _field_value(field: str, row: dict, lang: str) -> str | None:
    if field == "origin":
        origin = row.get("origin_name_zh") if isinstance(row.get("origin_name_zh"), str) else None
        code = row.get("origin_code")
        return origin or (_unit_names(lang).get(code, code) if isinstance(code, str) else None)
    if field == "year":
        year, kind = row.get("year"), row.get("year_kind")
        if _missing(year):
            return None
        return f"{int(year)}" + (f" ({YEAR_KINDS[kind](lang)})" if kind in YEAR_KINDS else "")
    if field == "investment":
        amount = row.get("investment")
        return None if _missing(amount) else f"{amount:g} {unit_label(row.get('investment_unit'), lang)}".strip()
    if field == "industries" and isinstance(row.get("industries"), str):
        return industries_label(row["industries"], lang)
    value = row.get(field)
    return None if _missing(value) or value is None else str(value).replace(";", "; ")


def symbol_overlay(layer: Layer, frame: gpd.GeoDataFrame, offsets, lang: str) -> GeoJsonOverlay:
    """A point layer drawn from its declaration: ``layer.symbol`` per row, ``layer.tooltip`` and
    ``layer.card`` fields (every value from data escaped)."""
    features, info = [], {}
    for row, offset in zip(_rows(frame), offsets):
        features.append(_feature(row["geometry"], row["id"], **_symbol_props(layer.symbol(row), offset, layer.kind)))
        tip = "<br>".join(t for t in (_field_text(f, row, layer, lang) for f in layer.tooltip) if t)
        card = "<br>".join(t for t in (_field_text(f, row, layer, lang) for f in layer.card) if t)
        info[row["id"]] = (tip, "+" + card if card else "")
    return GeoJsonOverlay(features, info, f"jjj-{layer.kind}")


def _policy_areas(layer: Layer, frame, offsets, lang: str, context: dict) -> PolicyAreas:
    wanted = set(frame["id"])
    chosen = [f for f in context["policy_features"] if f["id"] in wanted]
    if context.get("outline_areas"):  # a choropleth beneath: no fill over its colours
        chosen = [f | {"style": f["style"] | {"fill": False, "fillOpacity": 0}} for f in chosen]
    return PolicyAreas(chosen)


# How each kind of layer is drawn in the browser; ``Layer.browser`` names one of these.
BROWSER_DRAWERS = {
    "policy_areas": _policy_areas,
    "axes": lambda layer, frame, offsets, lang, context: axis_overlay(frame, lang),
    "lines": lambda layer, frame, offsets, lang, context: line_overlay(frame, lang),
    "flows": lambda layer, frame, offsets, lang, context: flow_overlay(frame, lang),
    "stations": lambda layer, frame, offsets, lang, context: station_overlay(frame, lang),
    "hubs": lambda layer, frame, offsets, lang, context: hub_overlay(frame, offsets, lang),
    "entities": lambda layer, frame, offsets, lang, context: entity_overlay(frame, offsets, lang, layer.kind),
    "user": lambda layer, frame, offsets, lang, context: user_overlay(
        frame, offsets, lang, context["whole"].get(layer.id), context["embed"]),
    "symbols": lambda layer, frame, offsets, lang, context: symbol_overlay(layer, frame, offsets, lang),
}


# --- one drawing per layer's rows ----------------------------------------------------------------
# A filter change touches a few layers; the others keep the same rows (geo.layers caches each layer's
# selection, so the same rows are the same frame object). Their overlays are built once per frame,
# language and offsets and copied on each run: building one (rows to dicts, escaped tooltips and cards,
# JSON) costs far more than the copy.

# Not this session's uploads (user) nor the policy areas (they read the page's context, and are cheap).
MEMO_DRAWERS = frozenset({"axes", "lines", "flows", "stations", "hubs", "entities", "symbols"})
MEMO_SIZE = 128  # overlays kept: about 15 views of every layer
_memo: OrderedDict[tuple, tuple[pd.DataFrame, MacroElement]] = OrderedDict()
_memo_lock = threading.Lock()


def drawn_overlay(layer: Layer, frame: gpd.GeoDataFrame, offsets, lang: str, context: dict) -> MacroElement:
    """``BROWSER_DRAWERS[layer.browser](...)``, built once per (rows, language, offsets) for the curated
    layers; each call returns a fresh element (folium elements take a parent when added to a group)."""
    draw = BROWSER_DRAWERS[layer.browser]
    if layer.browser not in MEMO_DRAWERS:
        return draw(layer, frame, offsets, lang, context)
    # the frame's identity keys the entry, and the entry holds the frame, so the id cannot be reused
    key = (layer.id, id(frame), lang, None if offsets is None else tuple(map(tuple, offsets)))
    with _memo_lock:
        hit = _memo.get(key)
        if hit is not None and hit[0] is frame:
            _memo.move_to_end(key)
            return _fresh(hit[1])
    overlay = draw(layer, frame, offsets, lang, context)
    if not overlay._children:  # a childless element can be copied safely
        with _memo_lock:
            _memo[key] = (frame, overlay)
            while len(_memo) > MEMO_SIZE:
                _memo.popitem(last=False)
        return _fresh(overlay)
    return overlay


def _fresh(element: MacroElement) -> MacroElement:
    """A copy with its own id, no parent and no children (the data strings are shared: never modified)."""
    clone = copy.copy(element)
    clone._id = clone._generate_id()
    clone._parent = None
    clone._children = OrderedDict()
    return clone


# --- curated and workspace layers sent once by content key (geo/sendonce.py) ---------------------

def whole_drawing(layer: Layer, whole: gpd.GeoDataFrame, lang: str) -> sendonce.Drawing:
    """The drawing of every row of a layer (``geo.layers.unfiltered``), without fans: once per frame
    and language. A run sends which of its features are kept and the fans of the kept points."""
    def build() -> sendonce.Drawing:
        overlay = BROWSER_DRAWERS[layer.browser](layer, whole, [(0, 0)] * len(whole), lang, {})
        return sendonce.make_drawing(overlay, whole.index, layer.geometry == "point")
    return sendonce.memo_drawing(layer.id, whole, lang, build)


def sent_once_overlay(layers: Layers, layer: Layer, frame: gpd.GeoDataFrame, offsets, lang: str,
                      embed: frozenset) -> sendonce.SentOnceOverlay | None:
    """A curated or workspace layer by reference to its whole drawing; None when it is not one of those
    (uploads, policy areas), the ``Layers`` were not made by ``visible_layers`` or a row is not in it."""
    if layer.browser not in MEMO_DRAWERS or (whole := unfiltered(layers, layer.id)) is None:
        return None
    drawing = whole_drawing(layer, whole, lang)
    positions = sendonce.kept_positions(drawing, frame)
    if positions is None:
        return None
    return sendonce.SentOnceOverlay(drawing, positions, offsets, sendonce.embedded(drawing, embed), layer.id)


DRAWN_OVERLAYS = (GeoJsonOverlay, sendonce.SentOnceOverlay)  # the elements that draw a layer's features


def drawn_features(element) -> list[dict]:
    """The GeoJSON features an overlay element draws (sent whole or by reference)."""
    if isinstance(element, sendonce.SentOnceOverlay):
        return element.features()
    return expand(element.data_json)


def drawn_info(element) -> dict:
    """The tooltips and cards (by feature id) the browser has for an overlay element's features."""
    if isinstance(element, sendonce.SentOnceOverlay):
        return element.drawing.info()
    return json.loads(element.info_json)
