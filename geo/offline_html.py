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
from geo.vocab import normalise_language

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
