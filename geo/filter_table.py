"""The filter table: one declaration per Map filter.

From each ``Filter`` come the ``ViewState`` field (``geo.filters``), its URL parameter and how a value
is read back (``to_query``/``from_query``), the widget on the Map page (``pages_support/filter_widgets``),
the command-line option (``python -m geo.snapshot``), the label (``geo.vocab.ui``) and, for a filter
with ``keep``, the filtering itself: ``geo.layers`` applies ``keep`` to every layer in ``acts_on``.
The first filters act inside the layers' own selections (``Layer.select``), named by ``Layer.filters``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import geopandas as gpd
import pandas as pd

from geo import boundaries, registry
from geo.vocab import (
    CORRIDOR_STATUSES,
    LAYERS,
    MODES,
    OVERLAYS,
    PLATFORM_SYMBOLS,
    PLATFORM_SYSTEMS,
    TYPE_FILTER_VALUES,
    industry_label,
    ui,
)

PROVINCE_CODES = ("110000", "120000", "130000")
YEAR_RANGE = (1949, 2100)
SLIDER_YEARS = (1990, 2026)  # the as-of slider's range on the Map page
KINDS = ("multi", "year", "flag", "choice")  # choice: one of ``options``
WIDGETS = ("pills", "multiselect", "select_slider", "checkbox", "radio")
SOURCE_MODES = ("both", "curated", "mine")  # geo.workspace.MODES, the default first


@dataclass(frozen=True)
class Filter:
    """One filter: state field, URL parameter, label, widget, command-line flags and values."""

    field: str  # the ViewState field
    param: str  # its URL parameter (short: copied links stay readable)
    label: str  # geo.vocab.ui key of its widget
    kind: str  # multi (a tuple of allowed values), year (an int or None), flag (a bool)
    default: object
    widget: str  # the Streamlit widget of the Map page
    cli: tuple[str, ...]  # command-line flags of python -m geo.snapshot
    help: str  # command-line help
    options: Callable[[], tuple] = tuple  # allowed values (multi) or the widget's choices
    format: Callable[[object, str], str] | None = None  # an option's label in ``lang``
    group: str = "filters"  # layers: beside the layer switches; filters: under the Filters heading
    all_is_none: bool = False  # every option chosen is the same view as no filter (None in the state)
    enabled_by: str | None = None  # the widget is disabled until this field has a value
    widget_key: str = ""  # session-state key of the widget (default m_<field>)
    keep: Callable[[gpd.GeoDataFrame, object], pd.Series] | None = None  # rows to keep, for ``acts_on``
    acts_on: tuple[str, ...] = ()  # layer ids ``keep`` filters
    shown: Callable[[], bool] | None = None  # the widget is drawn only when this says so (default: always)
    isolate: bool = False  # multi: the page offers "only this" (one click) and a reset beside the widget
    initial: Callable[[], object] | None = None  # the default, read from another module when first needed

    @property
    def key(self) -> str:
        return self.widget_key or f"m_{self.field}"


def industries() -> list[str]:
    """Every industry named by a platform, park or key project shown (the layers the industry filter acts
    on; the active workspace's too), as written, sorted."""
    from geo.workspace import active  # geo.workspace imports geo.registry, as this module does
    return _industries(None if active.token() is None else (*active.token(), active.mode()))


@lru_cache(maxsize=8)
def _industries(workspace: tuple | None) -> list[str]:
    from geo import layers  # geo.layers imports this module
    from geo.workspace import active
    named = [registry.entities(), active.projects(layers.located("projects"))]
    return sorted(set().union(*(registry.industry_rows(frame.assign(kind=None))["industry"] for frame in named)))


def _city_codes() -> tuple[str, ...]:
    return tuple(boundaries.cities()["code"])


def _unit_name(level: str) -> Callable[[str, str], str]:
    def name(code: str, lang: str) -> str:
        return _unit_names(level, lang).get(code, code)
    return name


@lru_cache(maxsize=8)
def _unit_names(level: str, lang: str) -> dict[str, str]:
    # a widget's format function runs for every option on every run: the names are read once
    frame = boundaries.provinces() if level == "provinces" else boundaries.cities()
    return dict(zip(frame["code"], frame["name_en" if lang == "en" else "name_zh"]))


def _type_label(value: str, lang: str) -> str:
    return PLATFORM_SYMBOLS[value].term(lang) if value in PLATFORM_SYMBOLS else LAYERS[value].term(lang)


def _in_systems(frame: gpd.GeoDataFrame, systems: tuple[str, ...]) -> pd.Series:
    """Platforms belonging to one of ``systems`` (a platform names its systems with semicolons)."""
    chosen = set(systems)
    return frame["systems"].fillna("").map(lambda s: bool(chosen & set(str(s).split(";"))))


def _first_view_layers() -> tuple[str, ...]:
    """The layers a fresh view draws: declared with each layer (``geo.layers.Layer.first_view``)."""
    from geo import layers  # geo.layers imports this module
    return layers.first_view()


def _workspace_open() -> bool:
    from geo.workspace import active  # geo.workspace imports geo.registry, as this module does
    return active.current() is not None


FILTERS: tuple[Filter, ...] = (
    Filter("overlays", "layers", "layers", "multi", None, "pills", ("--layers", "--overlays"),
           "layers to draw, e.g. platforms,parks,lines (default: those of the first view)",
           options=lambda: tuple(OVERLAYS), format=lambda o, lang: OVERLAYS[o](lang), group="layers",
           initial=_first_view_layers),
    Filter("types", "type", "filter_types", "multi", None, "pills", ("--types", "--type"),
           "platform types and policy-area roles, e.g. innovation,manufacturing",
           options=lambda: TYPE_FILTER_VALUES, format=_type_label, all_is_none=True, isolate=True),
    Filter("systems", "sys", "systems", "multi", (), "multiselect", ("--systems", "--sys"),
           "platform systems, e.g. jjj_2_4_46", options=lambda: tuple(PLATFORM_SYSTEMS),
           format=lambda s, lang: PLATFORM_SYSTEMS[s](lang), keep=_in_systems, acts_on=("platforms",)),
    Filter("provinces", "prov", "filter_provinces", "multi", (), "multiselect", ("--provinces", "--prov"),
           "province codes, e.g. 130000", options=lambda: PROVINCE_CODES, format=_unit_name("provinces")),
    Filter("cities", "cities", "filter_cities", "multi", (), "multiselect", ("--cities",),
           "city codes, e.g. 130100,130600", options=_city_codes, format=_unit_name("cities")),
    Filter("industries", "ind", "filter_industries", "multi", (), "multiselect", ("--industries", "--ind"),
           "industries as the sources write them", options=lambda: tuple(industries()), format=industry_label),
    Filter("modes", "mode", "filter_modes", "multi", (), "multiselect", ("--modes", "--mode"),
           "park cooperation modes, e.g. enclave", options=lambda: tuple(MODES),
           format=lambda m, lang: MODES[m](lang)),
    Filter("statuses", "status", "filter_statuses", "multi", (), "multiselect", ("--statuses", "--status"),
           "line statuses: operating, under_construction, planned", options=lambda: tuple(CORRIDOR_STATUSES),
           format=lambda s, lang: CORRIDOR_STATUSES[s](lang)),
    Filter("as_of", "asof", "filter_as_of", "year", None, "select_slider", ("--as-of", "--asof"), "as-of year",
           options=lambda: (None, *range(SLIDER_YEARS[0], SLIDER_YEARS[1] + 1)),
           format=lambda y, lang: ui("all", lang) if y is None else str(y)),
    Filter("include_undated", "undated", "filter_undated", "flag", True, "checkbox", ("--undated",),
           "1/0: include those with no known year", enabled_by="as_of", widget_key="m_undated"),
    Filter("source", "src", "ws_source_switch", "choice", "both", "radio", ("--src", "--source"),
           "with --workspace: both, curated or mine", options=lambda: SOURCE_MODES,
           format=lambda m, lang: ui(f"ws_mode_{m}", lang), shown=_workspace_open),
)


def by_field(table: tuple[Filter, ...] | None = None) -> dict[str, Filter]:
    return {f.field: f for f in (FILTERS if table is None else table)}
