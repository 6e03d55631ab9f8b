"""Big point layers: above ``CANVAS_THRESHOLD`` points a layer is drawn on one shared canvas.

One DOM marker per point (an inline-SVG ``divIcon``) costs the browser about a millisecond each
to build and place: 1,000 workspace platforms took 0.65 s of a 0.72 s filter change, and 20,000
uploaded points froze the page. On a canvas (Leaflet's ``L.canvas`` renderer, vendored with
Leaflet) the same shapes are painted from SVG path data (``Path2D``), with one tooltip and one
popup bound to the layer instead of one per point. Small layers stay DOM markers: they keep their
CSS classes, which tests and the page's styles address.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import weakref
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import pandas as pd
from branca.element import MacroElement
from jinja2 import Template

from geo import assets, browser, limits

CANVAS_THRESHOLD = 300  # points in one overlay; below it DOM markers are as fast and keep their classes


def uses_canvas(count: int) -> bool:
    """Whether an overlay of ``count`` points is drawn on the canvas."""
    return count >= CANVAS_THRESHOLD


def _numbers(text: str) -> list[str]:
    return re.findall(r"-?\d+(?:\.\d+)?", text)


def shape_path(svg: str) -> str:
    """SVG path data of one of ``geo.overlays.SHAPES`` (a circle, a rect or a polygon), same 16 × 16 box."""
    if svg.startswith("<circle"):
        cx, cy, r = (float(v) for v in _numbers(svg))
        return f"M{cx - r},{cy}A{r},{r} 0 1,0 {cx + r},{cy}A{r},{r} 0 1,0 {cx - r},{cy}Z"
    if svg.startswith("<rect"):
        x, y, w, h = _numbers(svg)
        return f"M{x},{y}h{w}v{h}h-{w}Z"
    if svg.startswith("<polygon"):
        values = _numbers(svg)
        pairs = [f"{values[i]},{values[i + 1]}" for i in range(0, len(values), 2)]
        return "M" + "L".join(pairs) + "Z"
    raise ValueError(f"no path for shape {svg[:20]!r}")


def shape_paths(shapes: dict[str, str]) -> dict[str, str]:
    """Every symbol shape (``geo.overlays.SHAPES``) as path data (the browser builds one ``Path2D`` each)."""
    return {name: shape_path(svg) for name, svg in shapes.items()}


# --- big layers sent once ------------------------------------------------------------------------
# An uploaded layer of 20,000 points re-sent with every filter change cost 6.1 MB and 4.5 s per change
# (docs/speed-and-size.md). Above ``SEND_ONCE_THRESHOLD`` the whole layer (every point, unfiltered)
# becomes one payload file named by the hash of its content, under ``static/cache/points/`` (served by
# Streamlit's static serving at /app/static/). Each run sends only its key, its address and the
# classes of points the filters keep (a point's class is the city it lies in: the only thing the
# Map page's filters read of an uploaded point); the browser fetches the file once, keeps it by
# its key and draws the kept classes. Any replica writes the same file for the same points (the
# content decides the name), so the replica a session is on can always serve it.

SEND_ONCE_THRESHOLD = CANVAS_THRESHOLD
CACHE_DIR = Path(__file__).resolve().parents[1] / "static" / "cache" / "points"
CACHE_URL = f"{assets.STATIC_URL}/cache/points"
MISSING_KIND = "jjj-missing"  # what the browser reports (as a drawing) when it could not fetch a payload
EMBED_ALL = frozenset({"*"})  # an ``embed`` set for a page without a server (the offline HTML export)
_NO_CITY = ""  # the class of a point outside every city


@dataclass(frozen=True)
class Payload:
    """One big layer as the browser gets it: ``text`` is the file, ``classes`` a city code per class."""

    key: str
    text: str
    classes: tuple[str, ...]
    class_sizes: tuple[int, ...]


def located_cities(points: gpd.GeoDataFrame) -> pd.Series:
    """The city each point is in: the one its row names, else the one it was found in when read."""
    given = points["city_code"] if "city_code" in points else pd.Series(None, index=points.index, dtype=object)
    if "located_city_code" in points:
        given = given.astype(object).fillna(points["located_city_code"])
    return given.astype(object).fillna(_NO_CITY)


def build_payload(points: gpd.GeoDataFrame, offsets, symbol: dict, info: dict[str, tuple[str, str]]) -> Payload:
    """The payload of a whole layer: columns instead of features (a third of the bytes), one symbol.

    ``info`` maps a point's id to its (tooltip, card) HTML, already escaped by the caller.
    """
    cities = located_cities(points)
    classes = tuple(sorted(set(cities)))
    index = {c: i for i, c in enumerate(classes)}
    ids = [str(i) for i in points["id"]]
    body = {
        "v": 1, "symbol": symbol, "classes": classes,
        "xy": [v for p in points.geometry for v in (round(p.x, 4), round(p.y, 4))],
        "o": [list(o) if any(o) else 0 for o in offsets],
        "ids": ids, "cls": [index[c] for c in cities],
        "tips": [info[i][0] for i in ids], "cards": [info[i][1] for i in ids],
    }
    text = json.dumps(body, ensure_ascii=False, separators=(",", ":"))
    key = hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]
    sizes = cities.value_counts()
    return Payload(key, text, classes, tuple(int(sizes.get(c, 0)) for c in classes))


def kept_classes(payload: Payload, shown: gpd.GeoDataFrame) -> list[int] | None:
    """The classes the filtered ``shown`` rows make up, or None when they are not whole classes
    (a filter that reads more than a point's city: the caller then sends the points themselves)."""
    if len(shown) == sum(payload.class_sizes):  # nothing filtered out (shown is a subset of the payload's rows)
        return list(range(len(payload.classes)))
    present = set(located_cities(shown)) if len(shown) else set()
    kept = [i for i, c in enumerate(payload.classes) if c in present]
    return kept if sum(payload.class_sizes[i] for i in kept) == len(shown) else None


def publish(payload: Payload, folder: Path | None = None) -> bool:
    """Write the payload's file unless it is there (then mark it used); False if it cannot be written.

    The write goes to a temporary file renamed into place, so a browser or another replica never
    reads half a file. Afterwards the folder is trimmed to ``limits.POINT_CACHE_FILES`` files and
    ``limits.POINT_CACHE_BYTES`` bytes, least recently used first.
    """
    folder = CACHE_DIR if folder is None else folder
    path = folder / f"{payload.key}.json"
    try:
        if path.exists():
            os.utime(path)
            return True
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=folder, prefix=".tmp-", delete=False) as f:
            f.write(payload.text.encode("utf-8"))
        os.replace(f.name, path)
        evict(folder, keep=path)
        return True
    except OSError:
        return False


def evict(folder: Path, keep: Path | None = None) -> list[Path]:
    """Delete the least recently used payload files beyond the cache's bounds; returns them."""
    files = []
    for p in folder.glob("*.json"):
        try:
            files.append((p.stat().st_mtime, p.stat().st_size, p))
        except FileNotFoundError:  # another replica evicted it meanwhile
            continue
    files.sort(reverse=True)  # newest first
    total, removed = 0, []
    for count, (_, size, p) in enumerate(files, 1):
        total += size
        if p != keep and (count > limits.POINT_CACHE_FILES or total > limits.POINT_CACHE_BYTES):
            p.unlink(missing_ok=True)
            removed.append(p)
    return removed


def payload_url(payload: Payload) -> str:
    return f"{CACHE_URL}/{payload.key}.json"


def embed_keys(previous: frozenset | None, map_value: dict | None) -> frozenset:
    """The payload keys this browser could not fetch (it reports them as a drawing of kind
    ``MISSING_KIND``): from the next run on, those layers travel inside the map as before."""
    keys = previous or frozenset()
    props = ((map_value or {}).get("last_active_drawing") or {}).get("properties") or {}
    if props.get("k") == MISSING_KIND and isinstance(props.get("key"), str):
        return keys | {props["key"][:64]}
    return keys


_PAYLOADS: OrderedDict[tuple, tuple[weakref.ref, Payload]] = OrderedDict()
_PAYLOAD_MEMO = 8


def memo_payload(points: gpd.GeoDataFrame, lang: str, build) -> Payload:
    """``build()`` once per points frame and language: a session's upload is the same frame on every
    run, and escaping 20,000 tooltips takes longer than the rest of a run."""
    memo_key = (id(points), len(points), lang)
    held = _PAYLOADS.get(memo_key)
    if held is not None and held[0]() is points:
        _PAYLOADS.move_to_end(memo_key)
        return held[1]
    payload = build()
    _PAYLOADS[memo_key] = (weakref.ref(points), payload)
    while len(_PAYLOADS) > _PAYLOAD_MEMO:
        _PAYLOADS.popitem(last=False)
    return payload


class BigPointOverlay(MacroElement):
    """A big layer by reference: its payload's key and address and the classes shown (a few bytes
    whatever the number of points); ``embedded`` carries the payload itself (the fallback)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            jjj.addBigOverlay({{ this._parent.get_name() }}, {{ this.ref_json }});  // overlays.js
        {% endmacro %}
        """
    )

    def __init__(self, payload: Payload, kept: list[int], shown: int, class_name: str, embedded: bool):
        super().__init__()
        self._name = "BigPointOverlay"
        self.key, self.kept, self.embedded = payload.key, kept, embedded
        ref = browser.script_json({"key": payload.key, "url": payload_url(payload), "kept": kept, "count": shown,
                                   "className": class_name})
        self.ref_json = ref[:-1] + ',"data":' + browser.script_safe(payload.text) + "}" if embedded else ref
