"""Front-end assets served from this app instead of public CDNs, so the map draws offline.

folium and its plugins name CDN addresses in ``default_js``/``default_css``; streamlit-folium loads
every one of them and draws nothing if one fails. ``localize`` rewrites each known address to a
file under ``static/vendor`` (served by Streamlit at ``/app/static/``) and drops the ones this app
does not need. An address that is in neither table raises, so a new plugin cannot quietly bring a
CDN back. ``scripts/vendor_assets.py`` fetches the pinned npm packages into ``static/vendor``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STATIC_DIR = ROOT / "static"
VENDOR_DIR = STATIC_DIR / "vendor"
STATIC_URL = "/app/static"


@dataclass(frozen=True)
class VendorFile:
    """One file taken from a pinned npm package."""

    package: str
    version: str
    path_in_package: str
    local_path: str  # relative to static/vendor

    @property
    def url(self) -> str:
        return f"{STATIC_URL}/vendor/{self.local_path}"


VENDOR_FILES: tuple[VendorFile, ...] = (
    VendorFile("leaflet", "1.9.3", "dist/leaflet.js", "leaflet/leaflet.js"),
    VendorFile("leaflet", "1.9.3", "dist/leaflet.css", "leaflet/leaflet.css"),
    VendorFile("leaflet", "1.9.3", "dist/images/layers.png", "leaflet/images/layers.png"),
    VendorFile("leaflet", "1.9.3", "dist/images/layers-2x.png", "leaflet/images/layers-2x.png"),
    VendorFile("leaflet", "1.9.3", "dist/images/marker-icon.png", "leaflet/images/marker-icon.png"),
    VendorFile("leaflet", "1.9.3", "dist/images/marker-icon-2x.png", "leaflet/images/marker-icon-2x.png"),
    VendorFile("leaflet", "1.9.3", "dist/images/marker-shadow.png", "leaflet/images/marker-shadow.png"),
    VendorFile("topojson-client", "3.1.0", "dist/topojson-client.min.js", "topojson-client/topojson-client.min.js"),
)
_BY_LOCAL = {f.local_path: f for f in VENDOR_FILES}

# CDN address -> local file (relative to static/vendor).
CDN_TO_LOCAL: dict[str, str] = {
    "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js": "leaflet/leaflet.js",
    "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.css": "leaflet/leaflet.css",
    "https://cdnjs.cloudflare.com/ajax/libs/topojson/1.6.9/topojson.min.js":
        "topojson-client/topojson-client.min.js",
}

# folium defaults this app does not use (no awesome-marker icons, no Bootstrap widgets). Dropping
# them keeps the page small; add a vendored file instead if a feature comes to need one.
UNUSED_CDN: frozenset[str] = frozenset(
    {
        "https://code.jquery.com/jquery-3.7.1.min.js",
        "https://cdn.jsdelivr.net/npm/bootstrap@5.2.2/dist/js/bootstrap.bundle.min.js",
        "https://cdn.jsdelivr.net/npm/bootstrap@5.2.2/dist/css/bootstrap.min.css",
        "https://cdnjs.cloudflare.com/ajax/libs/Leaflet.awesome-markers/2.0.2/leaflet.awesome-markers.js",
        "https://cdnjs.cloudflare.com/ajax/libs/Leaflet.awesome-markers/2.0.2/leaflet.awesome-markers.css",
        "https://netdna.bootstrapcdn.com/bootstrap/3.0.0/css/bootstrap-glyphicons.css",
        "https://cdn.jsdelivr.net/npm/@fortawesome/fontawesome-free@6.2.0/css/all.min.css",
        "https://cdn.jsdelivr.net/gh/python-visualization/folium/folium/templates/leaflet.awesome.rotate.min.css",
    }
)

LEAFLET_IMAGE_PATH = f"{STATIC_URL}/vendor/leaflet/images/"


class UnknownAssetError(ValueError):
    """A map element links a CDN address that has no local copy."""


def local_url(cdn_url: str) -> str | None:
    """The local address for a CDN address, None if the app drops it; raises if unknown."""
    if cdn_url.startswith(STATIC_URL):
        return cdn_url
    if cdn_url in CDN_TO_LOCAL:
        return _BY_LOCAL[CDN_TO_LOCAL[cdn_url]].url
    if cdn_url in UNUSED_CDN:
        return None
    raise UnknownAssetError(
        f"{cdn_url} has no local copy: add it to geo/assets.py and run scripts/vendor_assets.py"
    )


def _walk(element):
    yield element
    for child in getattr(element, "_children", {}).values():
        yield from _walk(child)


def localize(folium_map):
    """Point every JS/CSS link of ``folium_map`` and its children at local files (in place)."""
    for element in _walk(folium_map):
        for attr in ("default_js", "default_css"):
            links = getattr(element, attr, None)
            if not links:
                continue
            rewritten = [(name, local_url(url)) for name, url in links]
            setattr(element, attr, [(name, url) for name, url in rewritten if url])
    return folium_map


def linked_urls(folium_map) -> list[str]:
    """Every JS/CSS address the map and its children will load."""
    urls = []
    for element in _walk(folium_map):
        for attr in ("default_js", "default_css"):
            urls += [url for _, url in getattr(element, attr, None) or []]
    return list(dict.fromkeys(urls))


@lru_cache(maxsize=4)
def vendored_text(local_path: str) -> str:
    """A vendored script's text, for inlining in a map's own script (safe inside <script>)."""
    if local_path not in _BY_LOCAL:
        raise UnknownAssetError(f"{local_path} is not a vendored file")
    text = (VENDOR_DIR / local_path).read_text("utf-8")
    if "</" in text:
        raise ValueError(f"{local_path} cannot be inlined in a <script>: it contains '</'")
    return text


def local_file(url: str) -> Path:
    """The file on disk behind a local ``/app/static/...`` address."""
    if not url.startswith(STATIC_URL + "/"):
        raise ValueError(f"{url} is not a local static address")
    return STATIC_DIR / url[len(STATIC_URL) + 1:]
