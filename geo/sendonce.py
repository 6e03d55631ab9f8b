"""The Map page's curated and workspace overlays sent once by content key (issue #16).

A filter change re-sent every drawn overlay's full data (182 KB) and the browser parsed and built every
layer again. Here a layer's *whole* drawing (every row before filters, for the language and the open
workspace: what ``geo.overlays`` would draw of them) is one payload, a JSON file named by the hash of
its content under ``static/cache/overlays/`` (written with ``bigpoints.publish``, bounded like the big
points' folder). Each run sends, per layer, only the key, the file's address, the positions of the kept
rows in the payload (ranges, or a base64 bitmask when shorter) and the spread offsets of the kept points
that have one; the browser fetches a payload once, keeps it by key and builds its Leaflet layers once
(``jjj.addSentOnce`` in static/js/overlays.js). A payload this browser could not fetch travels inside
the map from the next run on (``bigpoints.embed_keys``), and every payload does for a page without a
server (``bigpoints.EMBED_ALL``) and on a visit's first run (the browser holds none yet; a fetch would
delay the first view by a round trip).
"""

from __future__ import annotations

import base64
import hashlib
import json
import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from branca.element import MacroElement
from jinja2 import Template

from geo import assets, bigpoints, browser

CACHE_DIR = Path(__file__).resolve().parents[1] / "static" / "cache" / "overlays"
CACHE_URL = f"{assets.STATIC_URL}/cache/overlays"
FIRST_RUN = frozenset({"*first"})  # an ``embed`` set: every sent-once drawing inside the map (not big points)


@dataclass(frozen=True)
class Drawing:
    """One layer's whole drawing as the browser gets it: ``text`` is the file; ``index`` the whole
    frame's row labels in payload order; ``points`` whether its features are points (canvas from
    ``bigpoints.CANVAS_THRESHOLD`` of them shown)."""

    key: str
    text: str
    index: pd.Index
    class_name: str
    points: bool

    def features(self) -> list[dict]:
        """The payload's features as GeoJSON (what the browser builds), in payload order."""
        data = json.loads(self.text)["data"]
        return [{"type": "Feature", "properties": f[2], "geometry": {"type": "Point", "coordinates": f[:2]}}
                if isinstance(f, list) else f for f in data]

    def info(self) -> dict:
        return json.loads(self.text)["info"]


def payload_text(data_json: str, info_json: str, class_name: str, bubble: bool) -> str:
    """The payload file: the drawer's compact features and side table (already "</script>"-safe JSON)."""
    head = json.dumps({"v": 1, "className": class_name, "bubble": bool(bubble)}, separators=(",", ":"))
    return f'{head[:-1]},"data":{data_json},"info":{info_json}}}'


def make_drawing(overlay, index: pd.Index, points: bool) -> Drawing:
    """The drawing of a whole layer from its ``geo.overlays.GeoJsonOverlay`` (drawn without offsets)."""
    text = payload_text(overlay.data_json, overlay.info_json, overlay.class_name, overlay.bubble)
    key = hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]
    return Drawing(key, text, index, overlay.class_name, points)


_drawings: OrderedDict[tuple, tuple[object, Drawing]] = OrderedDict()
_kept_memo: OrderedDict[tuple, tuple[object, np.ndarray | None]] = OrderedDict()
_lock = threading.Lock()
MEMO_SIZE = 64  # drawings kept: layers × languages × workspaces


def memo_drawing(layer_id: str, whole, lang: str, build) -> Drawing:
    """``build()`` once per whole frame (``geo.layers`` caches it: the same rows are the same object)
    and language; the entry holds the frame, so its id cannot be reused while it is kept."""
    key = (layer_id, id(whole), lang)
    with _lock:
        hit = _drawings.get(key)
        if hit is not None and hit[0] is whole:
            _drawings.move_to_end(key)
            return hit[1]
    drawing = build()
    with _lock:
        _drawings[key] = (whole, drawing)
        while len(_drawings) > MEMO_SIZE:
            _drawings.popitem(last=False)
    return drawing


def kept_positions(drawing: Drawing, shown) -> np.ndarray | None:
    """Positions in the payload of the ``shown`` rows (a filtered part of the whole frame), in the
    shown order; None when a shown row is not in the payload (the caller then sends the rows)."""
    memo_key = (drawing.key, id(shown))
    with _lock:
        hit = _kept_memo.get(memo_key)
        if hit is not None and hit[0] is shown:
            return hit[1]
    if not drawing.index.is_unique:
        positions = None
    else:
        found = drawing.index.get_indexer(shown.index)
        positions = None if (found < 0).any() else found.astype(np.int64)
    with _lock:
        _kept_memo[memo_key] = (shown, positions)
        while len(_kept_memo) > MEMO_SIZE * 4:
            _kept_memo.popitem(last=False)
    return positions


def encode_kept(positions: np.ndarray, total: int) -> dict:
    """The kept positions, compact: ``{"r": [start, end, ...]}`` (half-open runs) or, when shorter,
    ``{"m": base64}`` (a bitmask, bit i of byte i // 8 least significant first), ``{"i": [...]}``
    when the order is not the payload's (each position once)."""
    if len(positions) > 1 and (np.diff(positions) <= 0).any():
        return {"i": [int(p) for p in positions]}
    runs = []
    for p in positions.tolist():
        if runs and runs[-1] == p:
            runs[-1] = p + 1
        else:
            runs.extend([p, p + 1])
    ranges = {"r": runs}
    if len(runs) * 4 <= total // 6 + 8:  # runs are short enough (a bitmask is ~1.3 bits per row)
        return ranges
    bits = np.zeros(total, dtype=bool)
    bits[positions] = True
    mask = {"m": base64.b64encode(np.packbits(bits, bitorder="little").tobytes()).decode("ascii")}
    return mask if len(mask["m"]) < len(json.dumps(runs)) else ranges


def decode_kept(kept: dict, total: int) -> list[int]:
    """The positions of ``encode_kept``'s form (what static/js/overlays.js reads)."""
    if "i" in kept:
        return list(kept["i"])
    if "r" in kept:
        r = kept["r"]
        return [p for a, b in zip(r[::2], r[1::2]) for p in range(a, b)]
    bits = np.unpackbits(np.frombuffer(base64.b64decode(kept["m"]), dtype=np.uint8), bitorder="little")
    return [int(i) for i in np.flatnonzero(bits[:total])]


def encode_offsets(positions: np.ndarray, offsets) -> list[int]:
    """``[position, dx, dy, ...]`` for the kept points drawn away from their point (a fan), others left out."""
    if offsets is None:
        return []
    return [v for p, o in zip(positions.tolist(), offsets) if o[0] or o[1] for v in (p, int(o[0]), int(o[1]))]


def publish(drawing: Drawing) -> bool:
    """Write the payload's file under ``CACHE_DIR`` unless it is there (``bigpoints.publish``)."""
    return bigpoints.publish(drawing, CACHE_DIR)


def url(drawing: Drawing) -> str:
    return f"{CACHE_URL}/{drawing.key}.json"


def embedded(drawing: Drawing, embed: frozenset) -> bool:
    """Whether this run carries the payload itself: no server to fetch it from (``EMBED_ALL``), a visit's
    first run (``FIRST_RUN``), this browser could not fetch it, or the file cannot be written."""
    return bool(embed & (bigpoints.EMBED_ALL | FIRST_RUN)) or drawing.key in embed or not publish(drawing)


class SentOnceOverlay(MacroElement):
    """A layer by reference: the payload's key and address, the kept positions, the offsets of the
    kept points fanned out, whether the layer is painted on the canvas; ``embedded`` adds the payload."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            jjj.addSentOnce({{ this._parent.get_name() }}, {{ this.ref_json }});  // overlays.js
        {% endmacro %}
        """
    )

    def __init__(self, drawing: Drawing, positions: np.ndarray, offsets, embed: bool, layer_id: str = ""):
        super().__init__()
        self._name = "SentOnceOverlay"
        self.drawing, self.positions, self.embedded = drawing, positions, embed
        self.class_name = drawing.class_name
        self.offsets = encode_offsets(positions, offsets)
        self.canvas = drawing.points and bigpoints.uses_canvas(len(positions))
        ref = browser.script_json({"key": drawing.key, "url": url(drawing),
                                   "kept": encode_kept(positions, len(drawing.index)), "o": self.offsets,
                                   "count": len(positions), "canvas": self.canvas, "className": drawing.class_name,
                                   "layer": layer_id})
        self.ref_json = ref[:-1] + ',"data":' + drawing.text + "}" if embed else ref

    def features(self) -> list[dict]:
        """The GeoJSON features the browser draws this run: the kept ones, with this run's offsets."""
        whole = self.drawing.features()
        moved = {p: [dx, dy] for p, dx, dy in zip(self.offsets[::3], self.offsets[1::3], self.offsets[2::3])}
        out = []
        for p in self.positions.tolist():
            feature = whole[p]
            if "o" in feature["properties"]:
                feature = feature | {"properties": feature["properties"] | {"o": moved.get(p, [0, 0])}}
            out.append(feature)
        return out
