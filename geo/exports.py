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
from pptx.util import Inches, Pt

from geo import filters, slide, sources, textsafe
from geo.layers import exported
from geo.vocab import ui

# The layers of the data export in their order (geo.layers: Layer.export_rank). Flows are not
# exported: they are the parks again, drawn origin → host, and the parks' rows carry origin_code.
EXPORT_LAYERS = tuple(layer.id for layer in exported())
FORMULA_PREFIXES = textsafe.FORMULA_PREFIXES
XLSX_CELL_LIMIT = 32767


SOURCE_SLIDE_PT = 12  # a size a room can read; a long list wraps into two columns, then continues
SOURCES_PER_COLUMN = 14


def to_pptx(snapshot_png_bytes: bytes, title: str, sources: list[str], links: list[str] = (),
            lang: str = "zh", source_urls: list[str] | None = None, subtitle: str = "",
            notes: list[str] | None = None) -> bytes:
    """A 16:9 slide (geo.slide): title and subtitle as editable text boxes, the map picture without a
    title of its own, every source with its link in the notes, and the sources ("outlet, date, title",
    weak ones marked, link beside) on slides of their own.

    ``notes`` replaces the notes built from ``sources``, ``source_urls`` and ``links``.
    """
    beside = list(source_urls or []) + [""] * (len(sources) - len(source_urls or []))
    lines = [f"{s}  {u}".rstrip() for s, u in zip(sources, beside)]
    if notes is None:
        notes = [f"{ui('snapshot_sources', lang)}:", *(f"• {line}" for line in lines)]
        if links and source_urls is None:  # without the addresses beside their sources, list them apart
            notes += ["", f"{ui('snapshot_links', lang)}:", *(f"• {u}" for u in links)]
    deck = slide.Deck(lang)
    deck.map_slide(snapshot_png_bytes, title, subtitle, notes=notes)
    _add_source_slides(deck.prs, lines, lang)
    return deck.bytes()


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
    return _readable_sources(table)


def _readable_sources(table: pd.DataFrame) -> pd.DataFrame:
    """Sources as their records' titles (a seed by its real title, never its file name) and grades."""
    if "source_title" not in table.columns:
        return table
    urls = table["source_url"] if "source_url" in table.columns else pd.Series(None, index=table.index)
    found = [sources.lookup(t, u) if isinstance(t, str) and t else [] for t, u in zip(table["source_title"], urls)]
    position = table.columns.get_loc("source_title") + 1
    titles = ["; ".join(s.title for s in f) or None for f in found]
    # a workspace's own source stays as its team wrote it (no aside cleaning); a row merged with a curated
    # entity keeps the curated source here and the workspace's, as written, in workspace_source_title
    if "values_from" in table.columns:
        titles = [t if v == "workspace" and isinstance(t, str) and t else c
                  for t, v, c in zip(table["source_title"], table["values_from"], titles)]
    table = table.assign(source_title=titles)
    table.insert(position, "source_grade", ["; ".join(s.grade for s in f) or None for f in found])
    return table


def _geometry_columns(frame: gpd.GeoDataFrame) -> pd.DataFrame:
    """Longitude and latitude of points (empty for lines and areas), and every geometry as WKT."""
    geoms = np.asarray(frame.geometry.values, dtype=object)
    return pd.DataFrame({"point_lon": shapely.get_x(geoms).round(6), "point_lat": shapely.get_y(geoms).round(6),
                         "geometry_wkt": shapely.to_wkt(geoms, rounding_precision=6)}, index=frame.index)


def _guard(value):
    """Text a spreadsheet would run as a formula gets a leading apostrophe (after control characters go)."""
    return textsafe.spreadsheet_value(value)


def _export_frames(layers: filters.Layers) -> dict[str, pd.DataFrame]:
    out = {}
    for name in EXPORT_LAYERS:
        frame = getattr(layers, name)
        table = pd.concat([_table(frame), _geometry_columns(frame)], axis=1)
        out[name] = table.map(_guard)
    return out


def _add_source_slides(deck, lines: list[str], lang: str) -> None:
    """The sources in two columns of SOURCES_PER_COLUMN lines each per slide, at SOURCE_SLIDE_PT."""
    per_slide = 2 * SOURCES_PER_COLUMN
    for start in range(0, len(lines), per_slide):
        slide = deck.slides.add_slide(deck.slide_layouts[5])
        slide.shapes.title.text = ui("snapshot_sources", lang)
        slide.shapes.title.text_frame.paragraphs[0].font.size = Pt(24)
        chunk = lines[start:start + per_slide]
        for col in range(2):
            column = chunk[col * SOURCES_PER_COLUMN:(col + 1) * SOURCES_PER_COLUMN]
            if not column:
                continue
            box = slide.shapes.add_textbox(Inches(0.4 + col * 6.35), Inches(1.2), Inches(6.2), Inches(6.0))
            frame = box.text_frame
            frame.word_wrap = True
            for i, line in enumerate(column):
                paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
                run = paragraph.add_run()
                run.text = f"• {line}"
                run.font.size = Pt(SOURCE_SLIDE_PT)


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
    # _guard already dropped what openpyxl refuses; guarding again costs little and keeps this safe alone.
    return textsafe.spreadsheet_value(value)


def to_geojson(layers: filters.Layers) -> str:
    """A FeatureCollection (WGS-84) of every exported layer; each feature has a ``layer`` property."""
    features = []
    for name in EXPORT_LAYERS:
        frame = getattr(layers, name)
        if not len(frame):
            continue
        # dates (a workspace row's upload time) as ISO text, not milliseconds since 1970
        records = json.loads(_table(frame).to_json(orient="records", force_ascii=False, date_format="iso"))
        for record, geom in zip(records, frame.geometry):
            features.append({"type": "Feature", "properties": {"layer": name, **record},
                             "geometry": _rounded(shapely.geometry.mapping(geom))})
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False)


def _rounded(geometry: dict) -> dict:
    def r(c):
        return [round(float(v), 6) for v in c] if isinstance(c[0], int | float) else [r(x) for x in c]
    return {"type": geometry["type"], "coordinates": r(geometry["coordinates"])}
