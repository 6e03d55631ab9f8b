"""Build the interactive folium maps, all assets local (see ``geo.assets``).

Plain Python (no Streamlit). ``build_base_map(lang)`` is the Map page's stable base (boundaries
fetched by URL or embedded, labels, the ``jjj`` helpers that ``geo.overlays`` calls);
``build_map(lang)``, ``build_choropleth_map`` and ``build_overlay_map`` draw the analysis pages'
self-contained maps. Every string that reaches HTML is escaped (``html.escape`` here, ``esc`` in the
browser), so tooltips and popups show text, never markup.
"""

from __future__ import annotations

import copy
import html
import math
from functools import lru_cache

import folium
from branca.element import MacroElement
from jinja2 import Template

from geo import assets, basemaps, bigpoints, boundaries, browser, sources
from geo.overlays import SHAPES
from geo.vocab import (
    BOUNDARY_LAYERS,
    INK,
    LANGUAGES,
    LAYERS,
    POLICY_AREA_ROLES,
    STATUS_DASH,
    layer_name,
    normalise_language,
    ui,
)

MAX_ZOOM = 13  # with tiles=None Leaflet has no maxZoom of its own (TECH-NOTES)
MIN_ZOOM = 6
BACKGROUND = INK["sea"]
BASEMAPS = basemaps.IDS  # the one declaration: geo.basemaps


class TopoJsonLayer(folium.TopoJson):
    """A TopoJSON object drawn as one Leaflet layer with a fixed style and a CSS class.

    Several layers can share one embedded topology (``shared_with``): provinces and cities reuse
    the counties' arcs, so the boundaries travel to the browser once.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        {%- if this.shared_with is none %}
            var {{ this.data_name }} = {{ this.data_json }};
        {%- endif %}
            var {{ this.get_name() }} = L.geoJson(
                topojson.feature({{ this.data_name }}, {{ this.data_name }}{{ this._safe_object_path }}),
                {
                    className: {{ this.class_name|tojson }},
                    interactive: {{ this.interactive|tojson }},
                    style: function(feature) {
                        return Object.assign({}, {{ this.path_style|tojson }}, feature.properties.style || {});
                    }
                }
            );
        {%- if this.show %}
            {{ this.get_name() }}.addTo({{ this._parent.get_name() }});
        {%- endif %}
        {% endmacro %}
        """
    )

    def __init__(self, data, object_path, *, name, class_name, path_style, interactive=True,
                 shared_with: "TopoJsonLayer | None" = None, show=True, data_json: str | None = None):
        super().__init__(data=data, object_path=object_path, name=name, show=show)
        self._data_json = data_json
        self.shared_with = shared_with
        self.data_name = (shared_with or self).get_name() + "_data"
        self.class_name = class_name
        self.path_style = path_style
        self.interactive = interactive

    @property
    def data_json(self) -> str:
        return self._data_json if self._data_json is not None else browser.script_json(self.data)

    def render(self, **kwargs):
        # The style is a constant of the layer; skip folium's per-feature style copy.
        super(folium.TopoJson, self).render(**kwargs)


class PolicyAreaLayer(folium.map.Layer):
    """Policy areas merged in the browser from the counties they are made of (topojson.merge).

    No geometry is sent for them: each area lists its member county or city codes and the client
    dissolves those counties from the shared topology, so its edges match the boundaries exactly.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = L.featureGroup();
            (function() {
                var topo = {{ this.topology.data_name }};
                var counties = topo.objects.counties.geometries;
                {{ this.areas_json }}.forEach(function(area) {
                    var members = counties.filter(function(g) {
                        return area.members.indexOf(g.properties.code) >= 0
                            || area.members.indexOf(g.properties.city_code) >= 0;
                    });
                    L.geoJson(topojson.merge(topo, members), {
                        className: {{ this.class_name|tojson }} + " jjj-area-" + area.id,
                        style: function() { return area.style; }
                    }).bindTooltip(area.tip, {sticky: true})
                      .bindPopup(area.card, {maxWidth: 360})
                      .addTo({{ this.get_name() }});
                });
            })();
        {%- if this.show %}
            {{ this.get_name() }}.addTo({{ this._parent.get_name() }});
        {%- endif %}
        {% endmacro %}
        """
    )

    def __init__(self, areas: list[dict], topology_layer: "TopoJsonLayer", *, name: str,
                 class_name: str, show: bool = True):
        super().__init__(name=name, overlay=True, control=True, show=show)
        self._name = "PolicyAreaLayer"
        self.topology = topology_layer
        self.class_name = class_name
        self.areas_json = browser.script_json(areas)


class HtmlLegend(MacroElement):
    """A legend drawn as plain HTML (a branca colormap would pull d3 from a CDN)."""

    _template = Template(
        """
        {% macro html(this, kwargs) %}
        <div class="jjj-legend" style="position:absolute; z-index:9999; bottom:24px; right:10px;
             background:{{ this.ink.panel }}; padding:8px 10px; border-radius:4px;
             font:12px/1.5 'Noto Sans CJK SC','Microsoft YaHei',sans-serif; box-shadow:0 1px 4px {{ this.ink.shadow }}">
          <div style="font-weight:600; margin-bottom:4px">{{ this.title }}</div>
          {{ this.rows }}
        </div>
        {% endmacro %}
        """
    )

    def __init__(self, title: str, rows_html: str):
        super().__init__()
        self._name = "HtmlLegend"
        self.ink = INK
        self.title = html.escape(title)
        self.rows = rows_html


class MapSetup(MacroElement):
    """Page-level settings: background colour, local marker images, label style, metric scale."""

    _template = Template(
        """
        {% macro header(this, kwargs) %}
        <style>
          .leaflet-container { background: {{ this.background }}; }
          .jjj-city-label { font: 600 13px/1.2 'Noto Sans CJK SC','Microsoft YaHei',sans-serif;
             color:{{ this.ink.label }}; white-space:nowrap;
             text-shadow: 1px 1px 1px {{ this.ink.halo }}, -1px -1px 1px {{ this.ink.halo }},
             1px -1px 1px {{ this.ink.halo }}, -1px 1px 1px {{ this.ink.halo }}, 0 0 3px {{ this.ink.halo }},
             0 0 3px {{ this.ink.halo }};
             transform: translate(-50%, -50%); pointer-events:none; }
          /* On the Map page a city's name sits just above its seat, clear of a symbol drawn there. */
          .jjj-labels-above .jjj-city-label { transform: translate(-50%, calc(-100% - 9px)); }
        </style>
        {% endmacro %}
        {% macro script(this, kwargs) %}
            L.Icon.Default.imagePath = {{ this.image_path|tojson }};
            L.control.scale({imperial: false, maxWidth: 160}).addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self):
        super().__init__()
        self._name = "MapSetup"
        self.ink = INK
        self.background = BACKGROUND
        self.image_path = assets.LEAFLET_IMAGE_PATH


def _path_style(layer_id: str) -> dict:
    style = LAYERS[layer_id]
    out = {"color": style.stroke, "weight": style.weight, "fill": style.fill is not None,
           "fillOpacity": style.fill_opacity}
    if style.fill:
        out["fillColor"] = style.fill
    return out


def _tip(*lines: str) -> str:
    """Tooltip/popup HTML from plain strings, each escaped."""
    return "<br>".join(html.escape(str(line)) for line in lines if line)


@lru_cache(maxsize=len(LANGUAGES))
def _topology_with_tips(lang: str) -> tuple[dict, str]:
    """The boundary topology with escaped tooltips in ``lang``, and its JSON (built once)."""
    topo = copy.deepcopy(boundaries.topology())
    city_names = {
        g["properties"]["code"]: g["properties"]["name_en" if lang == "en" else "name_zh"]
        for g in topo["objects"]["cities"]["geometries"]
    }
    for level, geoms in ((lvl, topo["objects"][lvl]["geometries"]) for lvl in boundaries.LEVELS):
        for geom in geoms:
            props = geom["properties"]
            name = props["name_en" if lang == "en" else "name_zh"]
            parent = city_names.get(props.get("city_code")) if level == "counties" else None
            props["tip"] = _tip(name, parent, props["code"])
    return topo, browser.script_json(topo)


def _add_boundaries(fmap: folium.Map, lang: str) -> "TopoJsonLayer":
    topo, topo_json = _topology_with_tips(lang)
    counties = TopoJsonLayer(topo, "objects.counties", name=layer_name("counties", lang),
                             class_name="jjj-county", path_style=_path_style("counties"),
                             data_json=topo_json)
    counties.add_child(folium.GeoJsonTooltip(fields=["tip"], labels=False, sticky=True))
    counties.add_to(fmap)
    for level in ("cities", "provinces"):
        TopoJsonLayer(topo, f"objects.{level}", name=layer_name(level, lang),
                      class_name=f"jjj-{level[:-1] if level == 'provinces' else 'city'}",
                      path_style=_path_style(level), interactive=False,
                      shared_with=counties).add_to(fmap)
    return counties


def _policy_card(row, lang: str) -> str:
    en = lang == "en"
    name = row["name_en"] if en else row["name_zh"]
    note = row["extent_note_en"] if en else row["extent_note_zh"]
    return (
        f"<b>{html.escape(name)}</b><br>{html.escape(layer_name(row['role'], lang))}"
        f"<br>{html.escape(note)}<br>"
        + sources.render_html(sources.lookup(row["source_title"], row["source_url"]), lang)
    )


def policy_area_features(lang: str) -> list[dict]:
    """The 2+4 areas as plain dicts for the browser: id, role, member codes, style, tooltip, card."""
    areas = boundaries.policy_areas()
    en = lang == "en"
    features = []
    for _, row in areas.iterrows():
        style = _path_style(row["role"])
        if row["approximate"]:
            style["dashArray"] = LAYERS[row["role"]].approximate_dash
        features.append({
            "id": row["id"],
            "name": row["name_en" if en else "name_zh"],
            "role": row["role"],
            "members": list(row["members"]),
            "style": style,
            "tip": _tip(row["name_en" if en else "name_zh"], layer_name(row["role"], lang),
                        ui("approximate", lang) if row["approximate"] else ""),
            "card": _policy_card(row, lang),
        })
    return features


def _add_policy_areas(fmap: folium.Map, lang: str, topology_layer: "TopoJsonLayer") -> None:
    features = policy_area_features(lang)
    for role in POLICY_AREA_ROLES:
        PolicyAreaLayer([f for f in features if f["role"] == role], topology_layer,
                        name=layer_name(role, lang), class_name=f"jjj-{role}").add_to(fmap)


def _add_city_labels(fmap: folium.Map, lang: str) -> None:
    group = folium.FeatureGroup(name=layer_name("city_labels", lang))
    for _, row in boundaries.label_points("cities").iterrows():
        name = row["name_en" if lang == "en" else "name_zh"]
        folium.Marker(
            [row.geometry.y, row.geometry.x],
            icon=folium.DivIcon(html=f'<div class="jjj-city-label">{html.escape(name)}</div>',
                                icon_size=(0, 0), class_name="jjj-city-label-icon"),
            interactive=False,
        ).add_to(group)
    group.add_to(fmap)


def legend_rows(lang: str) -> str:
    """Legend entries (HTML) for the layers the base map draws."""
    rows = []
    for layer_id in ("provinces", "cities", "counties"):
        s = LAYERS[layer_id]
        rows.append(_legend_row(f"border-top:{max(s.weight, 1):.1f}px solid {s.stroke}; height:0;",
                                layer_name(layer_id, lang)))
    for role in POLICY_AREA_ROLES:
        s = LAYERS[role]
        rows.append(_legend_row(f"background:{s.fill}; opacity:.75; border:2px solid {s.stroke}; height:10px;",
                                layer_name(role, lang)))
    s = LAYERS["strategic_zone"]
    rows.append(_legend_row(f"border:2px dashed {s.stroke}; height:10px;",
                            f"{layer_name('strategic_zone', lang)} ({ui('approximate', lang)})"))
    return "".join(rows)


def _legend_row(swatch_css: str, label: str) -> str:
    return (f'<div style="display:flex;align-items:center;gap:6px">'
            f'<span style="display:inline-block;width:22px;{swatch_css}"></span>'
            f"<span>{html.escape(label)}</span></div>")


def zoom_to_fit(lon_span: float, lat_span: float, width_px: int = 880, height_px: int = 640) -> float:
    """The Web Mercator zoom (quarter steps) at which a box of these spans fits a map this size.

    At the region's latitude a degree of latitude is ~1.29 degrees of longitude on screen.
    """
    mercator_stretch = 1 / math.cos(math.radians(39.5))
    fit_x = math.log2(width_px * 360 / (256 * max(lon_span, 1e-6)))
    fit_y = math.log2(height_px * 360 / (256 * max(lat_span * mercator_stretch, 1e-6)))
    return max(MIN_ZOOM, min(MAX_ZOOM, math.floor(4 * (min(fit_x, fit_y) - 0.25)) / 4))


def region_bounds() -> list[list[float]]:
    """[[south, west], [north, east]] of the three provinces."""
    west, south, east, north = boundaries.provinces().total_bounds
    return [[float(south), float(west)], [float(north), float(east)]]


def _empty_map(lang: str, basemap: str) -> folium.Map:
    """A map framed on the region with the page settings and, if asked, a basemap's tiles (geo.basemaps)."""
    bounds = region_bounds()
    center = [(bounds[0][0] + bounds[1][0]) / 2, (bounds[0][1] + bounds[1][1]) / 2]
    fmap = folium.Map(location=center, zoom_start=7, tiles=None, maxZoom=MAX_ZOOM,
                      minZoom=MIN_ZOOM, zoomSnap=0.25)
    MapSetup().add_to(fmap)
    basemaps.add_to(fmap, basemap, lang, MAX_ZOOM)  # none, OSM, or 天地图 with the user's own key
    return fmap


def build_map(lang: str = "zh", basemap: str = "none") -> folium.Map:
    """A self-contained map in ``lang``: boundaries, 2+4 areas, city labels, legend, layer control."""
    lang = normalise_language(lang)
    fmap = _empty_map(lang, basemap)
    county_layer = _add_boundaries(fmap, lang)
    _add_policy_areas(fmap, lang, county_layer)
    _add_city_labels(fmap, lang)
    HtmlLegend(ui("legend", lang), legend_rows(lang)).add_to(fmap)
    folium.LayerControl(collapsed=False).add_to(fmap)
    fmap.fit_bounds(region_bounds())
    return assets.localize(fmap)


TOPOJSON_CLIENT = "topojson-client/topojson-client.min.js"  # under static/vendor
BOUNDARY_URL = f"{assets.STATIC_URL}/data/jjj.topojson"  # data/boundaries/jjj.topojson links to it
OVERVIEW_URL = f"{assets.STATIC_URL}/data/{boundaries.OVERVIEW_PATH.name}"
DETAIL_ZOOM = 8  # from this zoom on the full boundaries replace the overview copy


class BaseLayers(MacroElement):
    """The Map page's stable base: boundaries, city labels and the ``jjj`` helpers overlays call.

    Boundaries are fetched from the static URL (cached by the browser, not re-sent with every
    rerun) or, for a self-contained export, embedded. ``jjj.ready`` resolves with the topology once
    they are drawn. Panes keep the order fixed whatever loads first: boundaries, then policy areas,
    then overlays, labels and symbols.
    """

    _template = Template(
        """
        {% macro header(this, kwargs) %}
        {%- if not this.inline %}
        <link rel="preload" href="{{ this.url }}" as="fetch" crossorigin="anonymous">
        {%- endif %}
        <style>
          .jjj-legend { background: {{ this.ink.panel }}; padding: 8px 10px; border-radius: 4px;
             font: 11px/1.45 'Noto Sans CJK SC','Microsoft YaHei',sans-serif;
             box-shadow: 0 1px 4px {{ this.ink.shadow }}; max-height: 70%; overflow-y: auto; }
          .jjj-legend-row { display: flex; align-items: center; gap: 6px; }
          .jjj-sw { display: inline-flex; width: 24px; justify-content: center; }
          .jjj-sym { background: none; border: none; }
          .jjj-sym svg { display: block; filter: drop-shadow(0 0 1px {{ this.ink.halo }}); }
        </style>
        {% endmacro %}
        {% macro script(this, kwargs) %}
        {{ this.client_js }}
        {{ this.base_js }}
        jjj.initBase({{ this._parent.get_name() }}, {{ this.config_json }});
        {% endmacro %}
        """
    )

    def __init__(self, lang: str, inline: bool = False):
        super().__init__()
        self._name = "BaseLayers"
        self.ink = INK
        self.name_key = "name_en" if lang == "en" else "name_zh"
        self.inline = inline
        self.url = OVERVIEW_URL
        self.detail_url = BOUNDARY_URL
        self.detail_zoom = DETAIL_ZOOM
        # topojson-client (3 KB) travels inside the map's script: streamlit-folium loads linked
        # scripts one after another, and this one was a round trip before anything could be drawn.
        self.client_js = assets.vendored_text(TOPOJSON_CLIENT)
        # The map's own code is a real file (static/js/), inlined like topojson-client for the same reason.
        self.base_js = browser.map_script("basemap.js") + browser.map_script("overlays.js")
        labels = boundaries.label_points("cities")
        self.config_json = browser.script_json({
            "styles": {level: _path_style(level) for level in BOUNDARY_LAYERS}, "nameKey": self.name_key,
            "bounds": region_bounds(), "shapes": SHAPES, "shapePaths": bigpoints.shape_paths(SHAPES), "ink": INK,
            "labels": [[row[self.name_key], round(row.geometry.y, 4), round(row.geometry.x, 4)]
                       for _, row in labels.iterrows()],
            "topology": boundaries.topology() if inline else None,
            "url": OVERVIEW_URL, "detailUrl": BOUNDARY_URL, "detailZoom": DETAIL_ZOOM,
            "legendOpen": inline})  # a self-contained export shows its legend; the page keeps it closed


def build_base_map(lang: str = "zh", basemap: str = "none", inline: bool = False) -> folium.Map:
    """The Map page's base map: identical for every filter, so streamlit-folium never remounts it.

    ``inline=True`` embeds the boundaries (for a self-contained HTML export); otherwise they are
    fetched once from the app's static files.
    """
    lang = normalise_language(lang)
    fmap = _empty_map(lang, basemap)
    BaseLayers(lang, inline=inline).add_to(fmap)
    return assets.localize(fmap)


def map_html(fmap: folium.Map) -> str:
    """The whole map as one HTML page (for size measurements and checks)."""
    return fmap.get_root().render()


def payload_bytes(fmap: folium.Map) -> int:
    """Bytes of the generated map page, excluding the (cached, local) JS/CSS files."""
    return len(map_html(fmap).encode("utf-8"))




def build_choropleth_map(styles: dict[str, dict], tips: dict[str, str], legend_title: str,
                         legend_html: str, lang: str = "zh") -> folium.Map:
    """Cities coloured by ``styles`` (code -> Leaflet style), county lines beneath, a legend.

    ``tips`` are plain strings per city code; they are escaped here.
    """
    lang = normalise_language(lang)
    bounds = region_bounds()
    fmap = folium.Map(location=[39.5, 116.5], zoom_start=7, tiles=None, maxZoom=MAX_ZOOM,
                      minZoom=MIN_ZOOM, zoomSnap=0.25)
    MapSetup().add_to(fmap)
    topo = copy.deepcopy(_topology_with_tips(lang)[0])
    for geom in topo["objects"]["cities"]["geometries"]:
        code = geom["properties"]["code"]
        geom["properties"]["style"] = styles.get(code, {})
        geom["properties"]["tip"] = _tip(*tips.get(code, "").split("\n"))
    cities = TopoJsonLayer(topo, "objects.cities", name=layer_name("cities", lang), class_name="jjj-city",
                           path_style={**_path_style("cities"), "fill": True, "fillOpacity": 0.85})
    cities.add_child(folium.GeoJsonTooltip(fields=["tip"], labels=False, sticky=True))
    cities.add_to(fmap)
    # County lines on top of the colours, not catching the mouse, so city tooltips still work.
    TopoJsonLayer(topo, "objects.counties", name=layer_name("counties", lang), class_name="jjj-county",
                  path_style={**_path_style("counties"), "fill": False}, interactive=False,
                  shared_with=cities).add_to(fmap)
    _add_city_labels(fmap, lang)
    HtmlLegend(legend_title, legend_html).add_to(fmap)
    fmap.fit_bounds(bounds)
    return assets.localize(fmap)


def points_layer(points, name: str, class_name: str, colour: str, tip_lines) -> folium.GeoJson:
    """Points as styled circle markers with escaped tooltips; ``tip_lines(row)`` gives the text."""
    data = points[["geometry"]].copy()
    data["tip"] = [_tip(*tip_lines(row)) for _, row in points.iterrows()]
    return folium.GeoJson(
        data.__geo_interface__, name=name,
        marker=folium.CircleMarker(radius=6, weight=1.5, color=INK["outline"], fill_color=colour, fill_opacity=0.9,
                                   class_name=class_name),
        tooltip=folium.GeoJsonTooltip(fields=["tip"], labels=False, sticky=True),
    )


def lines_layer(lines, name: str, colour: str, tip_lines) -> folium.GeoJson:
    """Schematic lines with escaped tooltips; planned and under-construction lines are dashed."""
    data = lines[["status", "geometry"]].copy()
    data["tip"] = [_tip(*tip_lines(row)) for _, row in lines.iterrows()]
    dash = STATUS_DASH  # the same dashes as the Map page's
    return folium.GeoJson(
        data.__geo_interface__, name=name,
        style_function=lambda f: {"color": colour, "weight": 3, "dashArray": dash.get(f["properties"]["status"])},
        tooltip=folium.GeoJsonTooltip(fields=["tip"], labels=False, sticky=True),
    )


def build_overlay_map(layers, lang: str = "zh") -> folium.Map:
    """The base map with extra folium layers (points, lines) on top, assets local."""
    fmap = build_map(lang)
    control = next(c for c in fmap._children.values() if isinstance(c, folium.LayerControl))
    del fmap._children[control.get_name()]
    for layer in layers:
        layer.add_to(fmap)
    folium.LayerControl(collapsed=False).add_to(fmap)
    return assets.localize(fmap)


def policy_areas_of_city(city_code: str, lang: str) -> list[dict]:
    """The policy-area features (``policy_area_features``) of which the city or one of its counties is
    a member: the cards the Map page offers beside the city panel after a click inside an area."""
    county_city = dict(zip(boundaries.counties()["code"], boundaries.counties()["city_code"]))
    return [f for f in policy_area_features(lang)
            if any(m == city_code or county_city.get(m) == city_code for m in f["members"])]
