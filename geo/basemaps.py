"""Optional tile basemaps for the Map page, as declarative records (docs/tianditu.md).

The offline default stays "none". 天地图 (Tianditu, the national geographic information public
service platform) is offered only when the user supplies their own key in the environment variable
``JJJ_TIANDITU_KEY``. Its tiles are in CGCS2000, which matches WGS-84 (the data's datum) to well
under a metre here, so, unlike AMap or Tencent (GCJ-02) or Baidu (BD-09), they need no shift. The
``_w`` tile sets are in the Web Mercator tiling Leaflet uses by default.
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
    """A tile basemap: its label key, the base and label tile layers, the datum and who to credit."""

    label: str  # a geo.vocab UI key
    layers: tuple[str, ...]  # Tianditu layer names: the picture, then its annotation
    datum: str
    needs_key: bool = True
    max_zoom: int = 18


RECORDS: dict[str, Basemap] = {
    "tianditu_vec": Basemap("basemap_tianditu_vec", ("vec", "cva"), "CGCS2000"),
    "tianditu_img": Basemap("basemap_tianditu_img", ("img", "cia"), "CGCS2000"),
}
TIANDITU = tuple(RECORDS)


def key() -> str:
    """The user's own Tianditu key, or '' (then no Tianditu basemap is offered)."""
    return os.environ.get(KEY_ENV, "").strip()


def choices(base: tuple[str, ...]) -> tuple[str, ...]:
    """The basemaps a user can pick now: ``base`` plus Tianditu when a key is set."""
    return base + (TIANDITU if key() else ())


def label(name: str, lang: str) -> str:
    return ui(RECORDS[name].label, lang) if name in RECORDS else ui(f"basemap_{name}", lang)


def attribution(lang: str) -> str:
    """The provider's credit line, with its 审图号 when the user set it (we do not invent one)."""
    approval = os.environ.get(APPROVAL_ENV, "").strip()
    return TIANDITU_ATTRIBUTION(lang) + (f" · {ui('approval_no', lang)}: {approval}" if approval else "")


def add_to(fmap: folium.Map, name: str, lang: str, max_zoom: int) -> bool:
    """Add the tiles of basemap ``name`` to ``fmap``; False (nothing added) without a key."""
    record, tk = RECORDS[name], key()
    if not tk:
        return False
    for i, layer in enumerate(record.layers):
        folium.TileLayer(tiles=TIANDITU_URL.format(layer=layer, key=tk), attr=attribution(lang) if i == 0 else " ",
                         name=label(name, lang) if i == 0 else f"{label(name, lang)} ({layer})",
                         subdomains="01234567", max_zoom=min(max_zoom, record.max_zoom), overlay=i > 0,
                         control=False).add_to(fmap)
    return True
