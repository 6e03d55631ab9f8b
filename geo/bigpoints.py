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
import html
import json
import os
import re
import tempfile
import weakref
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
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


def build_payload(points: gpd.GeoDataFrame, offsets: np.ndarray, symbol: dict, tip: list, card: list) -> Payload:
    """The payload of a whole layer: columns instead of features, one symbol, words once.

    A point's tooltip and card are not sent as HTML per point (20,000 names twice, the same source
    20,000 times, and escaping each in a Python loop). ``tip`` and ``card`` list their lines, each a
    column of ``points`` (``Column``) or a fixed text; every distinct value of a column is escaped here,
    once (``escaped_words``), and the browser joins a point's lines when the mouse reaches it
    (``jjj.BigPoints``), so user text reaches the page escaped and nothing else is built per point.
    ``offsets`` are the pixel offsets of the symbols (n × 2 integers, ``fanned_offsets``).
    """
    cities = located_cities(points)
    classes = tuple(sorted(set(cities)))
    codes = pd.Categorical(cities, categories=classes).codes
    names = [c.name for c in (*tip, *card) if isinstance(c, Column)]
    columns = {name: escaped_words(points[name]) if name in points else {"w": [""]} for name in dict.fromkeys(names)}
    xy = np.round(shapely.get_coordinates(points.geometry.to_numpy()), 4)
    body = {
        "v": 2, "symbol": symbol, "classes": classes, "n": len(points),
        "xy": xy.ravel().tolist(), "o": np.asarray(offsets, dtype=np.int64).ravel().tolist(), "cls": codes.tolist(),
        "cols": columns, "tip": [_line(c) for c in tip], "card": [_line(c) for c in card],
    }
    text = json.dumps(body, ensure_ascii=False, separators=(",", ":"))
    key = hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]
    sizes = np.bincount(codes, minlength=len(classes))
    return Payload(key, text, classes, tuple(int(v) for v in sizes))


@dataclass(frozen=True)
class Column:
    """A line of a big layer's tooltip or card that is a column of its points (escaped in the payload)."""

    name: str


def _line(line: Column | str) -> dict | str:
    return {"col": line.name} if isinstance(line, Column) else html.escape(line)


def escaped_words(values: pd.Series) -> dict:
    """A column as the browser reads it, every value HTML-escaped once: ``{"w": words}`` (one per point)
    when its values are all distinct, else ``{"c": codes, "w": distinct words}``. A missing value is "",
    a line the browser leaves out (as ``geo.overlays._text`` does)."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    words = [html.escape(str(v)) for v in uniques.tolist()]  # tolist: iterating Arrow strings is 3× slower
    if len(words) == len(values):
        return {"w": words}
    words.append("")  # the missing values' word: code -1 becomes the last index
    codes = np.where(codes < 0, len(words) - 1, codes)
    return {"c": codes.tolist(), "w": words}


def fanned_offsets(points: gpd.GeoSeries, spread_px: float) -> np.ndarray:
    """Pixel offsets (n × 2) that fan out symbols sharing one point on a ring of ``spread_px``: the k-th
    of m points at the same place (to 6 decimals) at angle 2πk/m, a lone point at (0, 0). The same
    offsets as ``geo.overlays._spread``, without a Python loop over the points."""
    if not len(points):
        return np.zeros((0, 2), dtype=np.int64)
    xy = np.round(shapely.get_coordinates(points.to_numpy()), 6)
    place = pd.DataFrame(xy).groupby([0, 1], sort=False)
    k, m = place.cumcount().to_numpy(), place[0].transform("size").to_numpy()
    angle = 2 * np.pi * k / m
    offsets = np.stack([np.round(spread_px * np.cos(angle)), np.round(spread_px * np.sin(angle))], axis=1)
    offsets[m == 1] = 0
    return offsets.astype(np.int64)


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
