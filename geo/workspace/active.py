"""The workspace a script run shows, joined to the shipped data where the layers, pages and exports read it.

A page run (or the command line) calls ``activate(loaded, mode)``; ``geo.registry.entities()``, the
project layer, the search and the indicator tables then include the workspace's rows, shaped like
the shipped ones. The active workspace lives in a ``ContextVar``: Streamlit runs each script run in
its own thread, so sessions never see each other's workspace. A workspace is read from the store
once per (store, workspace id, latest version id) and merged once per mode: a filter change does not
read the store again.
"""

from __future__ import annotations

from collections import OrderedDict
from contextvars import ContextVar
from dataclasses import dataclass, field

import geopandas as gpd
import pandas as pd
import sqlalchemy as sa

from geo.workspace import frames
from geo.workspace.store import Store

_CACHE_SIZE = 16


@dataclass(eq=False)
class Loaded:
    """One version of a workspace as frames: entities (platforms, parks, projects) and indicators."""

    workspace_id: str
    version: int | None
    name: str
    mine: gpd.GeoDataFrame
    indicators: pd.DataFrame
    merged: dict = field(default_factory=dict)  # mode -> merged platforms and parks (built on first use)

    @property
    def token(self) -> tuple[str, int | None]:
        """What the caches of a view key on: the workspace and its latest version."""
        return self.workspace_id, self.version


_ACTIVE: ContextVar[tuple[Loaded, str] | None] = ContextVar("jjj_active_workspace", default=None)
_loaded: OrderedDict[tuple, Loaded] = OrderedDict()


def latest_version(store: Store, workspace_id: str) -> int | None:
    """The id of the workspace's latest version (None before the first upload): one small query."""
    v = store.t["versions"]
    with store.engine.connect() as conn:
        return conn.execute(sa.select(sa.func.max(v.c.id)).where(v.c.workspace_id == str(workspace_id))).scalar()


def load(store: Store, workspace_id: str | None) -> Loaded | None:
    """The workspace's rows (None if there is no such workspace), read once per latest version."""
    if not workspace_id:
        return None
    info = store.workspace(workspace_id)
    if info is None:
        return None
    key = (str(store.engine.url), workspace_id, latest_version(store, workspace_id))
    if key not in _loaded:
        mine = frames.entities(store, workspace_id)
        # upload times as Python objects: the exporters treat every non-geometry column as plain values
        mine["uploaded"] = mine["uploaded"].astype(object)
        _loaded[key] = Loaded(workspace_id, key[2], info["name"], mine, frames.indicators(store, workspace_id))
        while len(_loaded) > _CACHE_SIZE:
            _loaded.popitem(last=False)
    _loaded.move_to_end(key)
    return _loaded[key]


def activate(loaded: Loaded | None, mode: str = "both") -> None:
    """Show ``loaded`` (None: no workspace) in this run, in ``mode`` (curated / mine / both)."""
    if mode not in frames.MODES:
        raise ValueError(f"mode must be one of {frames.MODES}, not {mode!r}")
    _ACTIVE.set(None if loaded is None else (loaded, mode))


def current() -> Loaded | None:
    active = _ACTIVE.get()
    return None if active is None else active[0]


def mode() -> str:
    active = _ACTIVE.get()
    return "both" if active is None else active[1]


def token() -> tuple[str, int | None] | None:
    loaded = current()
    return None if loaded is None else loaded.token


def _float_years(years: pd.Series) -> pd.Series:
    """Years as floats, NaN when unknown: the filters compare years as floats (the shipped years are);
    a workspace's unknown year is pd.NA."""
    return pd.to_numeric(years.astype(object).where(years.notna()), errors="coerce")


def entities(curated: gpd.GeoDataFrame, view_mode: str | None = None) -> gpd.GeoDataFrame:
    """Platforms and parks to show: ``curated`` alone without a workspace, else merged in the mode."""
    loaded = current()
    if loaded is None:
        return curated
    view_mode = view_mode or mode()
    if view_mode not in loaded.merged:
        mine = loaded.mine[loaded.mine["kind"].isin(["platform", "park"])]
        merged = frames.merge_with_curated(curated, mine, view_mode)
        merged["year"] = _float_years(merged["year"])
        loaded.merged[view_mode] = merged
    return loaded.merged[view_mode]


def projects(curated: gpd.GeoDataFrame, view_mode: str | None = None) -> gpd.GeoDataFrame:
    """Key projects to show: the shipped ones, the workspace's, or both (in the shipped columns)."""
    loaded = current()
    if loaded is None:
        return curated
    view_mode = view_mode or mode()
    key = ("projects", view_mode)
    if key not in loaded.merged:
        mine = _as_shipped_projects(loaded.mine[loaded.mine["kind"] == "project"])
        mine = mine.assign(sources=mine["source_title"]) if "sources" in curated.columns else mine
        mine = gpd.GeoDataFrame(mine.reindex(columns=list(dict.fromkeys([*curated.columns, *mine.columns]))),
                                geometry="geometry", crs=curated.crs)
        parts = {"curated": [curated], "mine": [mine], "both": [curated, mine]}[view_mode]
        loaded.merged[key] = gpd.GeoDataFrame(pd.concat(parts, ignore_index=True), geometry="geometry",
                                              crs=curated.crs) if len(parts) > 1 else parts[0]
    return loaded.merged[key]


PROJECT_INVESTMENT_UNIT = "亿元"  # the template's investment column is in 亿元 (geo.vocab WORKSPACE_FIELDS)


def _as_shipped_projects(mine: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """A workspace's key projects in the shipped table's words: the origin as written, the investment
    with its unit (the card and the exports read ``origin_name_zh``, ``investment``, ``investment_unit``)."""
    investment = pd.to_numeric(mine["investment"], errors="coerce")
    return mine.drop(columns=["origin_name"]).assign(
        year=_float_years(mine["year"]), origin_name_zh=mine["origin_name"], investment=investment,
        investment_unit=investment.map(lambda v: None if pd.isna(v) else PROJECT_INVESTMENT_UNIT))


def indicator_rows(shipped: pd.DataFrame) -> pd.DataFrame | None:
    """The active workspace's indicator rows for ``uploads.merge_indicators`` (None: nothing to add)."""
    loaded = current()
    if loaded is None or mode() == "curated" or loaded.indicators.empty:
        return None
    return loaded.indicators


def shown_indicators(shipped: pd.DataFrame) -> pd.DataFrame:
    """The indicator rows the run shows, in ``shipped``'s columns: the shipped ones without a workspace
    or in "curated", the workspace's alone in "mine" (none: no data), both in "both"."""
    loaded = current()
    if loaded is None or mode() == "curated":
        return shipped
    mine = loaded.indicators.reindex(columns=shipped.columns)
    if mode() == "mine":
        return mine.reset_index(drop=True)
    return pd.concat([shipped, mine], ignore_index=True) if len(mine) else shipped


def source_lines(lang: str) -> list[str]:
    """The export's source line for the workspace: "Values from workspace “X” (uploaded …)"."""
    loaded = current()
    if loaded is None or mode() == "curated" or loaded.mine.empty and loaded.indicators.empty:
        return []
    uploaded = pd.concat([loaded.mine["uploaded"], loaded.indicators["uploaded"]]).dropna()
    row = {"values_from": "workspace", "workspace": loaded.name, "uploaded": uploaded.max() if len(uploaded) else ""}
    return [frames.provenance(row, lang)]
