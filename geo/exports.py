"""The other export formats of a Map view: a PowerPoint slide and the filtered data.

``to_pptx`` puts a snapshot image on one 16:9 slide with the sources in its notes; ``to_csv``,
``to_xlsx`` and ``to_geojson`` write ``filters.Layers`` as tables (CSV: one table with a ``layer``
column, UTF-8 with BOM; XLSX: a sheet per layer; GeoJSON: one FeatureCollection with a ``layer``
property). Text a spreadsheet would run as a formula gets a leading apostrophe.
"""

from __future__ import annotations

import io
import json

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from geo import filters, slide
from geo.vocab import ui

# Flows are the parks again, drawn origin → host; the parks' rows carry origin_code.
EXPORT_LAYERS = ("platforms", "parks", "policy_areas", "lines", "stations", "airports", "ports", "axes",
                 "user_points")
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
XLSX_CELL_LIMIT = 32767


def to_pptx(snapshot_png_bytes: bytes, title: str, sources: list[str], links: list[str] = (),
            lang: str = "zh", subtitle: str = "", notes: list[str] | None = None) -> bytes:
    """One 16:9 slide (geo.slide): title and subtitle as text boxes, the map, every source in the notes.

    ``notes`` (each source with its link) replaces the plain list of ``sources`` and ``links``.
    """
    if notes is None:
        notes = [f"{ui('snapshot_sources', lang)}:", *(f"• {s}" for s in sources)]
        if links:
            notes += ["", f"{ui('snapshot_links', lang)}:", *(f"• {u}" for u in links)]
    return slide.single_slide(snapshot_png_bytes, title, subtitle, notes, lang)


# --- data ---------------------------------------------------------------------------------------

def _table(frame: gpd.GeoDataFrame) -> pd.DataFrame:
    """A layer's attributes as plain cells: lists joined with ';', whole-number floats as integers."""
    table = pd.DataFrame(frame.drop(columns=frame.geometry.name)).copy()
    for column in table.columns:
        values = table[column]
        if values.map(lambda v: isinstance(v, list | tuple)).any():
            table[column] = values.map(lambda v: ";".join(map(str, v)) if isinstance(v, list | tuple) else v)
        elif pd.api.types.is_float_dtype(values) and values.dropna().map(float.is_integer).all():
            table[column] = values.astype("Int64")
    return table


def _geometry_columns(frame: gpd.GeoDataFrame) -> pd.DataFrame:
    """Longitude and latitude of points (empty for lines and areas), and every geometry as WKT."""
    geoms = np.asarray(frame.geometry.values, dtype=object)
    return pd.DataFrame({"point_lon": shapely.get_x(geoms).round(6), "point_lat": shapely.get_y(geoms).round(6),
                         "geometry_wkt": shapely.to_wkt(geoms, rounding_precision=6)}, index=frame.index)


def _guard(value):
    """Text a spreadsheet would run as a formula gets a leading apostrophe."""
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA_PREFIXES) else value


def _export_frames(layers: filters.Layers) -> dict[str, pd.DataFrame]:
    out = {}
    for name in EXPORT_LAYERS:
        frame = getattr(layers, name)
        table = pd.concat([_table(frame), _geometry_columns(frame)], axis=1)
        out[name] = table.map(_guard)
    return out


def to_csv(layers: filters.Layers) -> bytes:
    """One table of every exported layer, a ``layer`` column first; UTF-8 with BOM (Excel reads Chinese)."""
    frames = [t.assign(layer=name)[["layer", *t.columns]] for name, t in _export_frames(layers).items() if len(t)]
    table = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=["layer"])
    tail = ["point_lon", "point_lat", "geometry_wkt"]
    table = table[[c for c in table.columns if c not in tail] + [c for c in tail if c in table.columns]]
    return table.to_csv(index=False).encode("utf-8-sig")


def to_xlsx(layers: filters.Layers) -> bytes:
    """One sheet per exported layer (empty layers too, so the workbook's shape never changes).

    A WKT longer than a cell holds (the policy areas' outlines) is left empty: a truncated one would
    be wrong; the CSV and GeoJSON exports carry it whole.
    """
    out = io.BytesIO()
    with pd.ExcelWriter(out, engine="openpyxl") as writer:
        for name, table in _export_frames(layers).items():
            clean = table.map(_xlsx_cell)
            clean["geometry_wkt"] = table["geometry_wkt"].map(lambda v: v if len(v) <= XLSX_CELL_LIMIT else None)
            clean.to_excel(writer, sheet_name=name[:31], index=False)
    return out.getvalue()


def _xlsx_cell(value):
    # openpyxl refuses control characters, which an uploaded file may contain.
    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value


def to_geojson(layers: filters.Layers) -> str:
    """A FeatureCollection (WGS-84) of every exported layer; each feature has a ``layer`` property."""
    features = []
    for name in EXPORT_LAYERS:
        frame = getattr(layers, name)
        if not len(frame):
            continue
        records = json.loads(_table(frame).to_json(orient="records", force_ascii=False))
        for record, geom in zip(records, frame.geometry):
            features.append({"type": "Feature", "properties": {"layer": name, **record},
                             "geometry": _rounded(shapely.geometry.mapping(geom))})
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False)


def _rounded(geometry: dict) -> dict:
    def r(c):
        return [round(float(v), 6) for v in c] if isinstance(c[0], int | float) else [r(x) for x in c]
    return {"type": geometry["type"], "coordinates": r(geometry["coordinates"])}
