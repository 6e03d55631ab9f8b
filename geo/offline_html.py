"""The interactive map of a view as one self-contained HTML page that opens offline from disk.

Boundaries are embedded and every script, style sheet and image the page uses is inlined (the
vendored files under static/), so the file needs neither the app nor the internet.
"""

from __future__ import annotations

import base64
import html
import re
from pathlib import Path

import geopandas as gpd
import pandas as pd

from geo import assets, bigpoints, filters, mapview, overlays, snapshot
from geo.vocab import INK, OVERLAYS, normalise_language, ui

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
    colour = snapshot._choropleth(state, indicator_data)
    legend = overlays.choropleth_legend(colour.heading, colour.colouring.legend_html) if colour else ""
    fmap = mapview.build_base_map(lang, "none", inline=True)
    overlays.overlay_group(
        layers, lang, mapview.policy_area_features(lang),
        fills=colour.colouring.fills if colour else None, city_tips=colour.colouring.tips if colour else None,
        selected_city=state.city, choropleth_legend=legend, embed=bigpoints.EMBED_ALL).add_to(fmap)
    if bounds is not None:
        west, south, east, north = snapshot._checked_bounds(bounds)
        fmap.fit_bounds([[south, west], [north, east]])
    page = inline_assets(mapview.map_html(fmap))
    heading = html.escape(title or snapshot.default_title(state))
    page = page.replace("<head>", f'<head>\n    <meta charset="utf-8">\n    <title>{heading}</title>', 1)
    return page.replace("</body>", frame_html(state, layers, colour, title) + "\n</body>", 1)


# The exported page's own title, legend and sources over the map (as the PNG has them); the map's
# collapsible legend control is replaced by the open legend here, so there is one legend.
_FRAME_CSS = (
    ".jjj-legend{display:none!important}"
    ".jjj-export-box{position:absolute;z-index:1000;background:%(panel)s;padding:6px 10px;"
    "border-radius:4px;box-shadow:0 1px 4px %(shadow)s;font:13px/1.35 sans-serif;color:%(text)s}"
    ".jjj-export-head{top:8px;left:56px;max-width:60%%}"
    ".jjj-export-head h1{font-size:20px;margin:0}.jjj-export-head p{margin:2px 0 0;color:%(note)s}"
    ".jjj-export-legend{top:8px;right:8px;max-height:65vh;overflow:auto}"
    ".jjj-export-legend h2{font-size:14px;margin:0 0 4px}"
    ".jjj-export-sources{bottom:18px;left:8px;max-width:70%%;max-height:5.5em;overflow:auto;font-size:11px}"
)


def frame_html(state: filters.ViewState, layers: filters.Layers, colour, title: str = "") -> str:
    """The title (and the filters in words), the legend with its title and the sources line, as
    HTML boxes over the map; every text escaped."""
    lang = normalise_language(state.lang)
    counts = {layer_id: len(layers[layer_id]) for layer_id in OVERLAYS}
    heading = html.escape(title or snapshot.default_title(state))
    subtitle = html.escape(snapshot.default_subtitle(state, counts))
    choropleth = overlays.choropleth_legend(colour.heading, colour.colouring.legend_html) if colour else ""
    labels, beside, _ = snapshot._sources(layers, colour, lang)
    cited = "; ".join(_cited(label, url) for label, url in zip(labels, beside))
    return (
        f"<style>{_FRAME_CSS % INK}</style>"
        f'<header class="jjj-export-box jjj-export-head"><h1>{heading}</h1>'
        + (f"<p>{subtitle}</p>" if subtitle else "") + "</header>"
        f'<section class="jjj-export-box jjj-export-legend"><h2>{html.escape(ui("legend", lang))}</h2>'
        f"{overlays.legend_rows(layers, lang, choropleth)}</section>"
        f'<footer class="jjj-export-box jjj-export-sources">'
        f"<b>{html.escape(ui('snapshot_sources', lang))}</b>: {cited}</footer>"
    )


def _cited(label: str, url: str) -> str:
    if url and url.startswith(("http://", "https://")):
        return f'{html.escape(label)} (<a href="{html.escape(url, quote=True)}">{html.escape(url)}</a>)'
    return html.escape(label)


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
