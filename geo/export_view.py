"""When generated exports still show the map's view, and the words that say which view they show.

The Map page reports its bounds after every pan; a pan of a few pixels must not throw away files
that took seconds to make. The exports are kept while the view they show and the current one
overlap by at least ``SAME_VIEW`` of their union (a zoom step changes it to about a quarter).
"""

from __future__ import annotations

from dataclasses import replace

from geo.vocab import ui

Box = tuple[float, float, float, float]  # west, south, east, north in degrees
SAME_VIEW = 0.9


def overlap(a: Box, b: Box) -> float:
    """Intersection over union of two boxes (0 when apart)."""
    width = min(a[2], b[2]) - max(a[0], b[0])
    height = min(a[3], b[3]) - max(a[1], b[1])
    if width <= 0 or height <= 0:
        return 0.0
    inter = width * height
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union


def same_view(a: Box | None, b: Box | None) -> bool:
    """Whether exports made for box ``a`` still show box ``b`` (None: the whole region)."""
    if a is None or b is None:
        return a is b
    return overlap(a, b) >= SAME_VIEW


def settings_key(state) -> object:
    """The view state less its centre and zoom (the bounds stand for them, compared by ``same_view``)."""
    return replace(state, center=None, zoom=None)


def view_words(box: Box | None, lang: str) -> str:
    """"These files show: 115.20–118.40°E, 38.60–40.90°N" (or the whole region)."""
    if box is None:
        return ui("export_view_region", lang)
    west, south, east, north = box
    return ui("export_view", lang).format(w=f"{west:.2f}", e=f"{east:.2f}", s=f"{south:.2f}", n=f"{north:.2f}")
