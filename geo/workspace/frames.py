"""A workspace's rows shaped like the shipped data, so the pages treat them as the same layers.

``entities`` gives the columns of ``geo.registry.COLUMNS`` (kind platform / park / project) plus
the workspace's name, the upload time and the version; ``indicators`` the columns of
``data/indicators.csv`` plus the same three; ``merge_with_curated`` joins them to the shipped
entities by name or alias, the workspace's values preferred and labelled.
"""

from __future__ import annotations

import hashlib
import re

import geopandas as gpd
import pandas as pd
import shapely

from geo import boundaries
from geo.registry import COLUMNS
from geo.workspace.store import Store

WORKSPACE_COLUMNS = ["workspace", "uploaded", "version_id"]
# a merged row's workspace source, as uploaded (geo.workspace.shown_sources; source_title keeps the curated one)
WORKSPACE_SOURCE_COLUMNS = ["workspace_source_title", "workspace_source_url"]
ENTITY_COLUMNS = COLUMNS + ["aliases", "values_from"] + WORKSPACE_COLUMNS + WORKSPACE_SOURCE_COLUMNS
PROJECT_COLUMNS = ["origin_name", "investment"]  # a key project's own fields (the project layer shows them)
INDICATOR_COLUMNS = ["area_code", "year", "indicator", "value", "unit", "edition", "source_title", "source_url",
                     "notes"]
MODES = ("curated", "mine", "both")
_PARENTHESES = re.compile(r"[（(]([^）)]+)[）)]")


def _empty_entities() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame({c: pd.Series(dtype=object) for c in ENTITY_COLUMNS + PROJECT_COLUMNS if c != "geometry"},
                            geometry=gpd.GeoSeries([], crs=boundaries.CRS), crs=boundaries.CRS)


def entities(store: Store, workspace_id: str) -> gpd.GeoDataFrame:
    """The workspace's platforms, parks and projects as located entities (``ENTITY_COLUMNS``, then
    ``PROJECT_COLUMNS``, empty for platforms and parks)."""
    info = store.workspace(workspace_id)
    if info is None:
        return _empty_entities()
    rows = [r for r in store.live_rows(workspace_id) if r["kind"] in ("platform", "park", "project")]
    if not rows:
        return _empty_entities()
    table = pd.DataFrame(rows)
    for column in ENTITY_COLUMNS + PROJECT_COLUMNS:
        if column not in table.columns and column != "geometry":
            table[column] = None
    # Ids must not reveal the workspace id (it is the view link's secret), so they use a digest of it.
    tag = hashlib.sha256(workspace_id.encode()).hexdigest()[:8]
    table["id"] = [f"ws-{tag}-{v}-{i}" for i, v in enumerate(table["version_id"], start=1)]
    table["workspace"] = info["name"]
    table["values_from"] = "workspace"
    table["year"] = pd.to_numeric(table["year"], errors="coerce").astype("Int64")
    geometry = [shapely.Point(lon, lat) for lon, lat in zip(table["lon"], table["lat"])]
    return gpd.GeoDataFrame(table[[c for c in ENTITY_COLUMNS + PROJECT_COLUMNS if c != "geometry"]],
                            geometry=geometry, crs=boundaries.CRS)[ENTITY_COLUMNS + PROJECT_COLUMNS]


def indicators(store: Store, workspace_id: str) -> pd.DataFrame:
    """The workspace's indicator rows in the columns of ``data/indicators.csv`` plus ``WORKSPACE_COLUMNS``."""
    info = store.workspace(workspace_id)
    rows = store.live_rows(workspace_id, "indicator") if info is not None else []
    table = pd.DataFrame(rows, columns=INDICATOR_COLUMNS + ["uploaded", "version_id"])
    table["workspace"] = info["name"] if info else None
    table = table[INDICATOR_COLUMNS + WORKSPACE_COLUMNS]
    return table.astype({"year": "int64", "value": "float64"})


def _names(name_zh, name_en, aliases=None) -> set[str]:
    """Spelling-insensitive names an entity answers to: its names, their bracketed parts, its aliases."""
    out = set()
    for text in (name_zh, name_en, *(str(aliases).split(";") if isinstance(aliases, str) else ())):
        if not isinstance(text, str) or not text.strip():
            continue
        out.add(_key(text))
        out.add(_key(_PARENTHESES.sub("", text)))
        out.update(_key(part) for part in _PARENTHESES.findall(text))
    out.discard("")
    return out


def _key(text: str) -> str:
    return "".join(text.split()).casefold()


def merge_with_curated(curated: gpd.GeoDataFrame, mine: gpd.GeoDataFrame, mode: str = "both") -> gpd.GeoDataFrame:
    """The entities to show: ``curated`` only, ``mine`` only, or ``both``.

    In ``both``, a workspace row that names a curated entity (same name or alias, brackets ignored)
    becomes one entity: the curated id, the workspace's values where it gives one, systems joined,
    the curated source in ``source_title`` / ``source_url`` and the workspace's as uploaded in
    ``WORKSPACE_SOURCE_COLUMNS``, and ``values_from`` = ``"workspace+curated"``.
    """
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, not {mode!r}")
    curated = curated.assign(values_from="curated", aliases=None, workspace=None, uploaded=None, version_id=None,
                             **dict.fromkeys(WORKSPACE_SOURCE_COLUMNS))
    curated = curated.reindex(columns=ENTITY_COLUMNS)
    mine = mine.reindex(columns=ENTITY_COLUMNS)
    if mode == "curated":
        return gpd.GeoDataFrame(curated, geometry="geometry", crs=boundaries.CRS)
    if mode == "mine":
        return gpd.GeoDataFrame(mine, geometry="geometry", crs=boundaries.CRS)
    index: dict[str, int] = {}
    for position, row in enumerate(curated.itertuples(index=False)):
        for name in _names(row.name_zh, row.name_en):
            index.setdefault(name, position)
    merged = curated.copy()
    extra = []
    for _, row in mine.iterrows():
        hit = next((index[n] for n in _names(row["name_zh"], row["name_en"], row["aliases"]) if n in index), None)
        if hit is None or merged.iloc[hit]["kind"] != _curated_kind(row["kind"]):
            extra.append(row)
            continue
        merged.iloc[hit] = _combine(merged.iloc[hit], row)
    out = pd.concat([merged, pd.DataFrame(extra, columns=ENTITY_COLUMNS)], ignore_index=True) if extra else merged
    return gpd.GeoDataFrame(out, geometry="geometry", crs=boundaries.CRS)


def _curated_kind(kind: str) -> str:
    return kind  # platform and park are shared; projects have no curated counterpart yet


def _present(value) -> bool:
    return value is not None and not (isinstance(value, float) and pd.isna(value)) and value is not pd.NA \
        and value != ""


def _combine(curated: pd.Series, mine: pd.Series) -> pd.Series:
    out = curated.copy()
    for column in ENTITY_COLUMNS:
        if column in ("id", "kind", "values_from", "source_title", "source_url", "systems", "geometry",
                      *WORKSPACE_SOURCE_COLUMNS):
            continue
        if _present(mine[column]) and not (column == "name_en" and mine["name_en"] == mine["name_zh"]):
            out[column] = mine[column]  # (a row without an English name repeats its Chinese one: not a value)
    systems = {s for value in (curated["systems"], mine["systems"]) if _present(value) for s in str(value).split(";")}
    out["systems"] = ";".join(sorted(systems)) or None
    if mine["precision"] in ("exact", "approximate") or curated["precision"] not in ("exact", "approximate"):
        out["geometry"], out["precision"] = mine["geometry"], mine["precision"]
    # two sources side by side, never joined: the curated titles are cleaned as records, the team's is not
    out["workspace_source_title"], out["workspace_source_url"] = mine["source_title"], mine["source_url"]
    out["values_from"] = "workspace+curated"
    return out


def provenance(row, lang: str) -> str | None:
    """The card's line for a workspace row: "Values from workspace “X” (uploaded 2026-12-01)"; None for
    shipped rows. User text in it must still be escaped by whatever renders it."""
    from geo.vocab import ui
    if row.get("values_from") not in ("workspace", "workspace+curated"):
        return None
    uploaded = row.get("uploaded")
    date = uploaded.date().isoformat() if hasattr(uploaded, "date") else str(uploaded or "")
    return ui("ws_values_from", lang).format(name=row.get("workspace") or "", date=date)
