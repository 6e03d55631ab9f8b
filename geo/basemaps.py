"""The Map page's basemaps, one declarative record each: the one list the URL, the page and the map read.

``geo.filters`` accepts a ``basemap`` URL value only if it names a record here, ``geo.mapview`` adds
a record's tiles, and the Map page offers ``choices()``. The offline default is "none" (no tiles).
OpenStreetMap needs the internet. 天地图 (Tianditu, the national geographic information public
service platform) is offered only when the user supplies their own key in the environment variable
``JJJ_TIANDITU_KEY`` (docs/tianditu.md). Its tiles are in CGCS2000, which matches WGS-84 (the data's
datum) to well under a metre here, so, unlike AMap or Tencent (GCJ-02) or Baidu (BD-09), they need
no shift. The ``_w`` tile sets are in the Web Mercator tiling Leaflet uses by default.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import folium

from geo.vocab import Term, ui

KEY_ENV = "JJJ_TIANDITU_KEY"
APPROVAL_ENV = "JJJ_TIANDITU_APPROVAL"  # the provider's 审图号 as its site prints it, if you want it shown
TIANDITU_URL = ("https://t{{s}}.tianditu.gov.cn/{layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0"
                "&LAYER={layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={{z}}&TILEROW={{y}}"
                "&TILECOL={{x}}&tk={key}")
TIANDITU_ATTRIBUTION = Term("© 国家地理信息公共服务平台（天地图）", "© National Geographic Information Public Service "
                            "Platform (Tianditu)")


@dataclass(frozen=True)
class Basemap:
    """A basemap: its label key, who serves the tiles, their layers and datum, and what it needs."""

    id: str
    label: str  # a geo.vocab UI key
    provider: str  # none (no tiles), osm or tianditu: how ``add_to`` draws it
    layers: tuple[str, ...] = ()  # Tianditu layer names: the picture, then its annotation
    datum: str = "WGS84"
    needs_key: bool = False
    max_zoom: int = 18


BASEMAPS: tuple[Basemap, ...] = (
    Basemap("none", "basemap_none", "none"),
    Basemap("osm", "basemap_osm", "osm", max_zoom=19),
    Basemap("tianditu_vec", "basemap_tianditu_vec", "tianditu", ("vec", "cva"), "CGCS2000", needs_key=True),
    Basemap("tianditu_img", "basemap_tianditu_img", "tianditu", ("img", "cia"), "CGCS2000", needs_key=True),
)
RECORDS: dict[str, Basemap] = {record.id: record for record in BASEMAPS}
IDS = tuple(RECORDS)  # every basemap a URL may name (a keyed one draws nothing without the key)
DEFAULT = "none"
TIANDITU = tuple(record.id for record in BASEMAPS if record.provider == "tianditu")


def key() -> str:
    """The user's own Tianditu key, or '' (then no Tianditu basemap is offered)."""
    return os.environ.get(KEY_ENV, "").strip()


def choices() -> tuple[str, ...]:
    """The basemaps a user can pick now: those needing a key only when one is set."""
    return tuple(record.id for record in BASEMAPS if not record.needs_key or key())


def label(name: str, lang: str) -> str:
    return ui(RECORDS[name].label if name in RECORDS else f"basemap_{name}", lang)


def attribution(lang: str) -> str:
    """The provider's credit line, with its 审图号 when the user set it (we do not invent one)."""
    approval = os.environ.get(APPROVAL_ENV, "").strip()
    return TIANDITU_ATTRIBUTION(lang) + (f" · {ui('approval_no', lang)}: {approval}" if approval else "")


def add_to(fmap: folium.Map, name: str, lang: str, max_zoom: int) -> bool:
    """Add the tiles of basemap ``name`` to ``fmap``; False when nothing was added (none, or no key)."""
    record = RECORDS.get(name)
    if record is None or record.provider == "none":
        return False
    if record.provider == "osm":
        folium.TileLayer("OpenStreetMap", name=label(name, lang), max_zoom=max_zoom).add_to(fmap)
        return True
    tk = key()
    if record.needs_key and not tk:
        return False
    for i, layer in enumerate(record.layers):
        folium.TileLayer(tiles=TIANDITU_URL.format(layer=layer, key=tk), attr=attribution(lang) if i == 0 else " ",
                         name=label(name, lang) if i == 0 else f"{label(name, lang)} ({layer})",
                         subdomains="01234567", max_zoom=min(max_zoom, record.max_zoom), overlay=i > 0,
                         control=False).add_to(fmap)
    return True
