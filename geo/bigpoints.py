"""Big point layers: above ``CANVAS_THRESHOLD`` points a layer is drawn on one shared canvas.

One DOM marker per point (an inline-SVG ``divIcon``) costs the browser about a millisecond each
to build and place: 1,000 workspace platforms took 0.65 s of a 0.72 s filter change, and 20,000
uploaded points froze the page. On a canvas (Leaflet's ``L.canvas`` renderer, vendored with
Leaflet) the same shapes are painted from SVG path data (``Path2D``), with one tooltip and one
popup bound to the layer instead of one per point. Small layers stay DOM markers: they keep their
CSS classes, which tests and the page's styles address.
"""

from __future__ import annotations

import re

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
