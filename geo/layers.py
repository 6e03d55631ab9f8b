"""The layer registry: one declaration per map layer, and the filtered layers of a view.

A ``Layer`` says what a layer is (id, geometry kind, its curated table), which ``ViewState`` fields
filter it and how it selects its rows, how it is drawn in the browser (a drawer named in
``geo.overlays.BROWSER_DRAWERS``), in the static export (``geo.snapshot.SNAPSHOT_DRAWERS``), what it
puts in the legend (``LegendItem`` rows, drawn as HTML on the map and by matplotlib in a snapshot)
and where it goes in the data export. Its label is ``geo.vocab.OVERLAYS[id]``; colours, dashes and
symbols come from the vocabulary by key. The renderers, the legends and the exporters loop over
``LAYERS``; adding a layer is one declaration here plus its data, schema and vocabulary terms.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import geopandas as gpd

from geo import boundaries, corridors, datasets, filter_table, filters, registry
from geo.filters import ViewState
from geo.vocab import (
    CORRIDOR_STATUSES,
    LINE_STYLES,
    OTHER_SYMBOLS,
    PLATFORM_SYMBOLS,
    POLICY_AREA_ROLES,
    STATUS_DASH,
    STATUS_SWATCH,
    Symbol,
    layer_name,
    ui,
)
from geo.vocab import (
    LAYERS as LAYER_STYLES,
)
from geo.workspace import active

GEOMETRIES = ("point", "line", "polygon")


@dataclass(frozen=True)
class LegendItem:
    """One legend row: a symbol, a line or an area swatch, with its label in both languages."""

    kind: str  # symbol, line, area
    label: Callable[[str], str]
    symbol: Symbol | None = None
    size: float = 13  # symbols, in CSS pixels (the HTML legend draws them at SYMBOL_LEGEND_PX)
    colour: str | None = None
    weight: float = 1.0
    dash: str | None = None
    opacity: float = 1.0
    fill: str | None = None


@dataclass(frozen=True)
class Layer:
    """Everything about one map layer. See the module docstring; docs/architecture.md has a recipe."""

    id: str
    geometry: str
    select: Callable[[ViewState, dict], gpd.GeoDataFrame]  # (view, layers selected so far) -> rows
    filters: tuple[str, ...]  # the ViewState fields that act on it
    browser: str  # drawer in geo.overlays.BROWSER_DRAWERS
    snapshot: str  # drawer in geo.snapshot.SNAPSHOT_DRAWERS
    legend: Callable[[gpd.GeoDataFrame], list[LegendItem]]
    z: float  # stacking, bottom first: the snapshot's zorder and the browser's drawing order
    legend_rank: float
    export_rank: float | None  # place in the data export; None: not exported (rows of another layer)
    symbol: Callable[[dict], Symbol] | None = None  # point layers: the symbol of a row
    spread: bool = False  # fanned out with the other spread symbols that share a reference point
    kind: str = ""  # the feature kind a click on the map reports
    table: str | None = None  # the curated table (geo.schemas.TABLES) its rows come from
    tooltip: tuple[str, ...] = ()  # fields of the hover text (generic drawers)
    card: tuple[str, ...] = ()  # fields of the click card (generic drawers)
    needs: tuple[str, ...] = ()  # layers whose selected rows ``select`` reads
    first_view: bool = False  # drawn in a fresh view (the main job); the others are one click away


# --- selection helpers ----------------------------------------------------------------------------

def _entities(state: ViewState, kind: str) -> gpd.GeoDataFrame:
    entities = filters.filter_entities(registry.entities(state.source), state)
    return entities[entities["kind"] == kind]


def _hubs(state: ViewState, kind: str) -> gpd.GeoDataFrame:
    hubs = filters.filter_hubs(filters.hubs(), state)
    return hubs[hubs["kind"] == kind]


@lru_cache(maxsize=8)
def located(table_id: str) -> gpd.GeoDataFrame:
    """A point table with a point per row, placed as ``datasets.locate`` does (built once)."""
    city_col, county_col = datasets.TABLES[table_id].points
    return datasets.locate(datasets.load(table_id), city_col, county_col).rename(
        columns={city_col: "city_code", county_col: "county_code"})


def _located_points(table_id: str) -> Callable[[ViewState, dict], gpd.GeoDataFrame]:
    """Selection of a point table by place (its city), industry and year (the filter table's rules);
    the key projects with the active workspace's (``geo.workspace.active``)."""
    def select(state: ViewState, chosen: dict) -> gpd.GeoDataFrame:
        rows = located(table_id)
        if table_id == "projects":
            rows = active.projects(rows, state.source)
        return filters.filter_points(rows, state)
    return select


def _empty_user_points(state: ViewState, chosen: dict) -> gpd.GeoDataFrame:
    return filters.filter_user_points(None, state)  # this session's points are added by visible_layers


# --- legend helpers -------------------------------------------------------------------------------

def _symbol_items(*keys: str, size: float = 13) -> Callable[[gpd.GeoDataFrame], list[LegendItem]]:
    def items(frame: gpd.GeoDataFrame) -> list[LegendItem]:
        return [LegendItem("symbol", OTHER_SYMBOLS[k].term, OTHER_SYMBOLS[k], size) for k in keys] if len(frame) else []
    return items


def _platform_items(frame: gpd.GeoDataFrame) -> list[LegendItem]:
    drawn = {_platform_symbol_key(row) for _, row in frame.iterrows()}
    return [LegendItem("symbol", s.term, s) for t, s in PLATFORM_SYMBOLS.items() if t in drawn]


def _line_item(style_key: str) -> LegendItem:
    s = LINE_STYLES[style_key]
    return LegendItem("line", s.term, colour=s.colour, weight=s.weight, dash=s.dash, opacity=s.opacity)


def _flow_items(frame: gpd.GeoDataFrame) -> list[LegendItem]:
    return [_line_item("flow")] if len(frame) else []


def _rail_items(frame: gpd.GeoDataFrame) -> list[LegendItem]:
    """Colour tells the kind of line, the dash its status: one row each instead of every pair."""
    if not len(frame):
        return []
    items = [_line_item(kind) for kind in sorted(set(frame["kind"]))]
    statuses = set(frame["status"])
    return items + [LegendItem("line", CORRIDOR_STATUSES[s], colour=STATUS_SWATCH.colour, weight=STATUS_SWATCH.weight,
                               dash=STATUS_DASH[s]) for s in CORRIDOR_STATUSES if s in statuses]


def _axis_items(frame: gpd.GeoDataFrame) -> list[LegendItem]:
    return [_line_item(kind) for kind in sorted(set(frame["kind"]))] if len(frame) else []


def _area_items(frame: gpd.GeoDataFrame) -> list[LegendItem]:
    roles = set(frame["role"]) if len(frame) else set()
    items = [LegendItem("area", lambda lang, r=r: layer_name(r, lang), colour=LAYER_STYLES[r].stroke,
                        fill=LAYER_STYLES[r].fill) for r in POLICY_AREA_ROLES if r in roles]
    if len(frame) and frame["approximate"].any():
        items.append(LegendItem("area", lambda lang: ui("approximate", lang), colour=STATUS_SWATCH.colour,
                                dash=LAYER_STYLES["strategic_zone"].approximate_dash))
    return items


def _platform_symbol_key(row) -> str:
    """A platform is drawn with the symbol of its first type."""
    return platform_types(row)[0]


def platform_types(row) -> list[str]:
    """A platform's types; ["untyped"] for one only in a local system."""
    value = row.get("platform_type")
    types = [t for t in str(value).split(";") if t] if isinstance(value, str) else []
    return types or ["untyped"]


# --- the registry: drawing order is ``z``; OVERLAYS in geo/vocab.py lists them in this order -------

LAYERS: tuple[Layer, ...] = (
    Layer("policy_areas", "polygon", lambda s, c: filters.filter_policy_areas(boundaries.policy_areas(), s),
          ("types", "provinces", "cities", "as_of"), browser="policy_areas", snapshot="policy_areas",
          legend=_area_items, z=3, legend_rank=10, export_rank=3, first_view=True),
    Layer("axes", "line", lambda s, c: filters.filter_axes(filters.axes(), s), ("provinces", "cities"),
          browser="axes", snapshot="axes", legend=_axis_items, z=4, legend_rank=9, export_rank=8, table="axes_belts"),
    Layer("lines", "line", lambda s, c: filters.filter_lines(corridors.lines(), corridors.stations(), s),
          ("statuses", "as_of", "provinces", "cities"), browser="lines", snapshot="lines", legend=_rail_items,
          z=5, legend_rank=7, export_rank=4, table="corridor_lines", first_view=True),
    Layer("stations", "point", lambda s, c: filters.filter_stations(corridors.stations(), c["lines"], s),
          ("statuses", "as_of", "provinces", "cities"), browser="stations", snapshot="stations",
          legend=_symbol_items("station", size=7), z=8, legend_rank=8, export_rank=5, table="stations",
          symbol=lambda row: OTHER_SYMBOLS["station"], needs=("lines",)),
    Layer("flows", "line", lambda s, c: filters.flows(c["parks"]), ("types", "provinces", "cities", "industries",
          "modes", "as_of", "include_undated"), browser="flows", snapshot="flows", legend=_flow_items,
          z=6, legend_rank=6, export_rank=None, needs=("parks",)),
    Layer("airports", "point", lambda s, c: _hubs(s, "airport"), ("provinces", "cities", "as_of", "include_undated"),
          browser="hubs", snapshot="symbols", legend=_symbol_items("airport"), z=9, legend_rank=3, export_rank=6,
          table="hubs", symbol=lambda row: OTHER_SYMBOLS["airport"], spread=True, kind="airport"),
    Layer("ports", "point", lambda s, c: _hubs(s, "port"), ("provinces", "cities", "as_of", "include_undated"),
          browser="hubs", snapshot="symbols", legend=_symbol_items("port"), z=9, legend_rank=4, export_rank=7,
          table="hubs", symbol=lambda row: OTHER_SYMBOLS["port"], spread=True, kind="port"),
    Layer("platforms", "point", lambda s, c: _entities(s, "platform"),
          ("types", "provinces", "cities", "industries", "as_of", "include_undated"),
          browser="entities", snapshot="symbols", legend=_platform_items, z=9, legend_rank=1, export_rank=1,
          table="platforms", symbol=lambda row: PLATFORM_SYMBOLS[_platform_symbol_key(row)], spread=True,
          kind="platform", first_view=True),
    Layer("parks", "point", lambda s, c: _entities(s, "park"),
          ("provinces", "cities", "industries", "modes", "as_of", "include_undated"),
          browser="entities", snapshot="symbols", legend=_symbol_items("park"), z=9, legend_rank=2, export_rank=2,
          table="parks", symbol=lambda row: OTHER_SYMBOLS["park"], spread=True, kind="park", first_view=True),
    Layer("project", "point", _located_points("projects"), ("provinces", "cities", "industries", "as_of",
          "include_undated"), browser="symbols", snapshot="symbols", legend=_symbol_items("project"), z=9,
          legend_rank=2.5, export_rank=2.5, table="projects", symbol=lambda row: OTHER_SYMBOLS["project"],
          spread=True, kind="project", tooltip=("name", "layer", "place"),
          card=("origin", "year", "industries", "investment", "sources")),
    Layer("user_points", "point", _empty_user_points, ("provinces", "cities"), browser="user", snapshot="symbols",
          legend=_symbol_items("user"), z=9, legend_rank=5, export_rank=9,
          symbol=lambda row: OTHER_SYMBOLS["user"], spread=True, kind="user", first_view=True),  # once uploaded
)
BY_ID: dict[str, Layer] = {layer.id: layer for layer in LAYERS}
LAYER_IDS = tuple(BY_ID)


def first_view() -> tuple[str, ...]:
    """The layers a fresh view draws (``Layer.first_view``), in the registry's order: the ``overlays``
    default of the filter table, so a URL without ``layers`` shows them and one naming layers shows those."""
    return tuple(layer.id for layer in LAYERS if layer.first_view)


def by_stacking() -> list[Layer]:
    """The layers bottom first (ties keep the registry's order)."""
    return sorted(LAYERS, key=lambda layer: layer.z)


def by_legend() -> list[Layer]:
    return sorted(LAYERS, key=lambda layer: layer.legend_rank)


def exported() -> list[Layer]:
    """The layers of the data export, in its order (derived layers such as flows are not repeated)."""
    return sorted((layer for layer in LAYERS if layer.export_rank is not None), key=lambda layer: layer.export_rank)


def legend_items(layers: Layers) -> list[LegendItem]:
    """Legend rows for every layer that has something drawn, in legend order."""
    return [item for layer in by_legend() for item in layer.legend(layers[layer.id])]


# --- the filtered layers of a view ------------------------------------------------------------------

class Layers:
    """The filtered rows of every registered layer (empty when switched off): ``layers.parks`` or
    ``layers["parks"]``. Read them, do not modify them: a view's curated layers are shared."""

    def __init__(self, frames: dict[str, gpd.GeoDataFrame]):
        missing = set(LAYER_IDS) - set(frames)
        if missing:
            raise ValueError(f"layers without rows: {sorted(missing)}")
        self._frames = dict(frames)

    def __getattr__(self, name: str) -> gpd.GeoDataFrame:
        frames = self.__dict__.get("_frames", {})
        if name in frames:
            return frames[name]
        raise AttributeError(name)

    def __getitem__(self, name: str) -> gpd.GeoDataFrame:
        return self._frames[name]

    def counts(self) -> dict[str, int]:
        return {layer_id: len(self._frames[layer_id]) for layer_id in LAYER_IDS}

    def replace(self, **frames: gpd.GeoDataFrame) -> Layers:
        out = Layers(self._frames | frames)
        out.__dict__.update({k: v for k, v in self.__dict__.items() if k != "_frames"})  # view, whole
        return out


def visible_layers(state: ViewState, user_points: gpd.GeoDataFrame | None = None) -> Layers:
    """Every layer filtered by ``state``; layers switched off come back empty.

    The curated layers of a view are built once per process and shared between sessions (read
    them, do not modify them); this session's uploaded ``user_points`` are filtered on each call.
    """
    layers = _curated_layers(filters.filters_only(state), active.token())
    if user_points is None or user_points.empty or "user_points" not in state.overlays:
        return layers
    shown = layers.replace(user_points=filters.filter_user_points(user_points, state))
    shown.whole = {"user_points": user_points}  # unfiltered: a big upload is sent once (geo/bigpoints.py)
    return shown


def _kept(layer: Layer, frame: gpd.GeoDataFrame, state: ViewState) -> gpd.GeoDataFrame:
    """The rows that pass every filter of the filter table declared with ``keep`` for this layer."""
    for declared in filter_table.FILTERS:
        value = getattr(state, declared.field)
        if declared.keep is not None and layer.id in declared.acts_on and value != declared.default:
            frame = frame[declared.keep(frame, value).astype(bool)]  # an empty mask still selects rows
    return frame


@lru_cache(maxsize=64)
def _curated_layers(state: ViewState, workspace: tuple | None = None) -> Layers:
    """The layers of ``state``; ``workspace`` (the active one's id and version) keys the cache only.

    Each layer's rows come from ``_selected``, cached per layer on the fields that act on it: a filter
    change selects again only the layers that filter touches (a layer chip: none)."""
    layers = Layers({layer.id: (_selected if layer.id in state.overlays else _switched_off)(
        layer.id, _relevant_values(layer, state), workspace) for layer in LAYERS})
    layers.view = (state, workspace)  # what ``unfiltered`` reads (geo/sendonce.py sends each layer whole, once)
    return layers


def unfiltered(layers: Layers, layer_id: str) -> gpd.GeoDataFrame | None:
    """Every row of a layer before filters, for the view's data source and workspace (the same frame
    object on every call); None for ``Layers`` not made by ``visible_layers``."""
    view = getattr(layers, "view", None)
    if view is None:
        return None
    state, workspace = view
    whole = ViewState(overlays=(layer_id,), source=state.source)  # every other filter at its default: all rows
    return _selected(layer_id, _relevant_values(BY_ID[layer_id], whole), workspace)


@lru_cache(maxsize=None)
def _relevant_fields(layer_id: str) -> tuple[str, ...]:
    """The ViewState fields a layer's rows depend on: its declared filters, the filter table's ``keep``
    filters acting on it, the data source, and those of the layers it ``needs``."""
    layer = BY_ID[layer_id]
    names = set(layer.filters) | {"source"}
    names |= {f.field for f in filter_table.FILTERS if f.keep is not None and layer.id in f.acts_on}
    for need in layer.needs:
        names |= set(_relevant_fields(need))
    return tuple(sorted(names))


def _relevant_values(layer: Layer, state: ViewState) -> tuple:
    return tuple(getattr(state, name) for name in _relevant_fields(layer.id))


@lru_cache(maxsize=256)
def _selected(layer_id: str, values: tuple, workspace: tuple | None) -> gpd.GeoDataFrame:
    """One layer's rows, selected from a view holding only the fields it depends on (``values``), so
    the cached rows cannot depend on any other field; ``workspace`` keys the cache only."""
    layer = BY_ID[layer_id]
    state = ViewState(**dict(zip(_relevant_fields(layer_id), values)))
    chosen = {need: _selected(need, _relevant_values(BY_ID[need], state), workspace) for need in layer.needs}
    return _kept(layer, layer.select(state, chosen), state)


@lru_cache(maxsize=256)
def _switched_off(layer_id: str, values: tuple, workspace: tuple | None) -> gpd.GeoDataFrame:
    """A switched-off layer: no rows (and the columns its selection would have)."""
    return _selected(layer_id, values, workspace).iloc[0:0]
