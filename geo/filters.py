"""What the Map page shows: one ``ViewState``, its URL form, and the filtered layers it selects.

``ViewState`` holds the visible overlays, the filters, the choropleth choice, the selected city and
the map view. ``to_query``/``from_query`` turn it into URL query parameters and back (unknown values
are reported, never trusted). ``visible_layers(state)`` applies the filters to every layer at once
and returns plain GeoDataFrames, which the interactive map, the snapshot export and the counts
all draw from, so what is exported is exactly what is on screen.
"""

from __future__ import annotations

import re
from dataclasses import field, fields, make_dataclass, replace
from functools import lru_cache

import geopandas as gpd
import pandas as pd
import shapely
from pypinyin import Style, lazy_pinyin

from geo import basemaps, boundaries, datasets, filter_table, registry
from geo.choropleth import SCHEMES
from geo.vocab import (
    INDICATORS,
    LANGUAGES,
)

PROVINCE_CODES = filter_table.PROVINCE_CODES
YEAR_RANGE = filter_table.YEAR_RANGE
BASEMAPS = basemaps.IDS  # the one declaration: geo.basemaps (天地图 draws tiles only with the user's key)
industries = filter_table.industries

# The fields after the filters: what the map shows besides them, and where (field, URL parameter, default).
VIEW_FIELDS = (("indicator", "indicator", None), ("year", "year", None), ("scheme", "cls", "quantiles"),
               ("city", "city", None), ("center", "c", None), ("zoom", "z", None), ("lang", "lang", "zh"),
               ("basemap", "basemap", basemaps.DEFAULT))


def _with(self, **changes) -> "ViewState":
    return replace(self, **changes)


def make_view_state(table: tuple[filter_table.Filter, ...]) -> type:
    """The ViewState class of a filter table: one field per filter, then the view fields."""
    return make_dataclass(
        "ViewState", [(f.field, object, field(default_factory=f.initial) if f.initial else field(default=f.default))
                      for f in table]
        + [(name, object, field(default=default)) for name, _, default in VIEW_FIELDS],
        frozen=True, namespace={"with_": _with, "__module__": __name__, "__doc__": (
            "Everything that decides what the Map page draws: the filters of geo.filter_table (empty "
            "tuples mean all; types None: every type), then the choropleth, the selected city and the view.")})


ViewState = make_view_state(filter_table.FILTERS)


def _params() -> dict[str, str]:
    """URL parameter name of each field."""
    return {f.field: f.param for f in filter_table.FILTERS} | {name: param for name, param, _ in VIEW_FIELDS}


def query_keys() -> tuple[str, ...]:
    """Every URL parameter the Map page reads."""
    return tuple(_params().values())


def _city_codes() -> tuple[str, ...]:
    return tuple(boundaries.cities()["code"])


def allowed_values() -> dict[str, tuple[str, ...]]:
    """The values each list filter accepts (industries: as the sources write them)."""
    return {f.field: tuple(f.options()) for f in filter_table.FILTERS if f.kind == "multi"}


def to_query(state: ViewState) -> dict[str, str]:
    """URL query parameters for ``state``; fields at their default value are left out."""
    default = type(state)()
    params = _params()
    out = {}
    for f in fields(state):
        value = getattr(state, f.name)
        if value == getattr(default, f.name) and f.name != "lang":
            continue
        out[params[f.name]] = _encode(value)
    return out


def _encode(value) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, tuple) and len(value) == 2 and all(isinstance(v, float) for v in value):
        return f"{value[0]:.4f},{value[1]:.4f}"
    if isinstance(value, tuple):
        return ",".join(value) if value else "-"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def from_query(params: dict[str, str]) -> tuple[ViewState, list[tuple[str, str]]]:
    """A ``ViewState`` from URL parameters, and the (parameter, value) pairs that were ignored.

    List filters read "a,b,c"; "-" is the empty list (for types: show no platform type).
    """
    allowed = allowed_values()
    names = _params()
    values, ignored = {}, []
    for f in fields(ViewState):
        raw = params.get(names[f.name])
        if raw is None:
            continue
        parsed = _decode(f.name, str(raw), allowed)
        if parsed is _INVALID:
            ignored.append((names[f.name], str(raw)))
        else:
            values[f.name] = parsed
    return ViewState(**values), ignored


_INVALID = object()


def _decode(name: str, raw: str, allowed: dict[str, tuple[str, ...]]):
    declared = filter_table.by_field().get(name)
    if declared is not None:
        return _decode_filter(declared, raw, allowed)
    if name == "year":
        return int(raw) if raw.isdigit() and YEAR_RANGE[0] <= int(raw) <= YEAR_RANGE[1] else _INVALID
    if name == "indicator":
        return raw if raw in INDICATORS else _INVALID
    if name == "scheme":
        return raw if raw in SCHEMES else _INVALID
    if name == "city":
        return raw if raw in _city_codes() else _INVALID
    if name == "center":
        return _decode_center(raw)
    if name == "zoom":
        return float(raw) if re.fullmatch(r"\d{1,2}(\.\d+)?", raw) and 3 <= float(raw) <= 18 else _INVALID
    if name == "lang":
        return raw if raw in LANGUAGES else _INVALID
    if name == "basemap":
        return raw if raw in BASEMAPS else _INVALID
    return _INVALID


def _decode_filter(declared: filter_table.Filter, raw: str, allowed: dict[str, tuple[str, ...]]):
    if declared.kind == "multi":
        items = tuple(i for i in raw.split(",") if i) if raw != "-" else ()
        return items if all(i in allowed[declared.field] for i in items) else _INVALID
    if declared.kind == "year":
        return int(raw) if raw.isdigit() and YEAR_RANGE[0] <= int(raw) <= YEAR_RANGE[1] else _INVALID
    if declared.kind == "flag":
        return {"1": True, "0": False}.get(raw, _INVALID)
    if declared.kind == "choice":
        return raw if raw in declared.options() else _INVALID
    return _INVALID


def _decode_center(raw: str):
    match = re.fullmatch(r"(-?\d{1,2}(?:\.\d+)?),(-?\d{1,3}(?:\.\d+)?)", raw)
    if not match:
        return _INVALID
    lat, lon = float(match.group(1)), float(match.group(2))
    return (lat, lon) if -90 <= lat <= 90 and -180 <= lon <= 180 else _INVALID


# --- the layers ---------------------------------------------------------------------------------

def _year_of(value) -> float:
    """The year of '2019', '2019-09-25' or '2001-12'; NaN when unknown."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return float("nan")
    match = re.match(r"(\d{4})", str(value))
    return float(match.group(1)) if match else float("nan")


def _in_places(city_codes: pd.Series, state: ViewState) -> pd.Series:
    keep = pd.Series(True, index=city_codes.index)
    if state.provinces:
        keep &= city_codes.fillna("").str[:2].isin({p[:2] for p in state.provinces})
    if state.cities:
        keep &= city_codes.isin(state.cities)
    return keep


def _by_year(years: pd.Series, state: ViewState) -> pd.Series:
    if state.as_of is None:
        return pd.Series(True, index=years.index)
    known = years.notna()
    return (known & (years <= state.as_of)) | (~known & state.include_undated)


def _types_of(platform_types: pd.Series) -> pd.Series:
    """Each platform's types as a set; platforms only in a local system are 'untyped'."""
    return platform_types.fillna("").map(lambda s: set(filter(None, s.split(";"))) or {"untyped"})


def _named_industries(industries: pd.Series) -> pd.Series:
    return industries.fillna("").map(lambda s: {i.strip() for i in s.split(";") if i.strip()})


def filter_entities(entities: gpd.GeoDataFrame, state: ViewState) -> gpd.GeoDataFrame:
    """Platforms and parks that pass the type, place, industry, mode and year filters."""
    keep = _in_places(entities["city_code"], state) & _by_year(entities["year"].astype(float), state)
    is_platform = entities["kind"] == "platform"
    if state.types is not None:
        keep &= ~is_platform | _types_of(entities["platform_type"]).map(lambda t: bool(t & set(state.types)))
    if state.industries:
        keep &= _named_industries(entities["industries"]).map(lambda i: bool(i & set(state.industries)))
    if state.modes:
        modes = entities["modes"].fillna("").map(lambda s: set(s.split(";")))
        keep &= is_platform | modes.map(lambda m: bool(m & set(state.modes)))
    return entities[keep]


def filter_lines(lines: gpd.GeoDataFrame, stations: gpd.GeoDataFrame, state: ViewState) -> gpd.GeoDataFrame:
    """Lines of the chosen statuses, opened by the as-of year, with a station in the chosen places."""
    keep = pd.Series(True, index=lines.index)
    if state.statuses:
        keep &= lines["status"].isin(state.statuses)
    if state.as_of is not None:
        opened = lines["opened"].map(_year_of)
        # Lines not yet open carry no date; they stay, told apart by their status dash.
        keep &= opened.isna() | (opened <= state.as_of)
    if state.provinces or state.cities:
        placed = stations[_in_places(stations["city_code"], state)]["line_id"].unique()
        keep &= lines["line_id"].isin(placed)
    return lines[keep]


def filter_stations(stations: gpd.GeoDataFrame, lines: gpd.GeoDataFrame, state: ViewState) -> gpd.GeoDataFrame:
    """Stations of the visible lines that lie in the chosen places."""
    keep = stations["line_id"].isin(lines["line_id"]) & _in_places(stations["city_code"], state)
    return stations[keep]


def filter_hubs(hubs: gpd.GeoDataFrame, state: ViewState) -> gpd.GeoDataFrame:
    """Airports and ports in the chosen places, opened by the as-of year."""
    keep = _in_places(hubs["city_code"], state) & _by_year(hubs["opened"].map(_year_of), state)
    return hubs[keep]


def filter_policy_areas(areas: gpd.GeoDataFrame, state: ViewState) -> gpd.GeoDataFrame:
    """The 2+4 areas of the chosen roles touching the chosen places, designated by the as-of year
    (``designated`` in data/policy_areas.csv: the Dec 2017 joint document, or an area's own founding)."""
    keep = pd.Series(True, index=areas.index)
    if state.types is not None:
        keep &= areas["role"].isin(state.types)
    if state.as_of is not None:
        keep &= designated_year(areas) <= state.as_of
    if state.provinces or state.cities:
        keep &= areas["members"].map(lambda codes: _in_places(pd.Series(
            [_city_of(c) for c in codes]), state).any())
    return areas[keep]


def designated_year(areas: pd.DataFrame) -> pd.Series:
    """The year each policy area was designated (every area has a sourced date)."""
    return areas["designated"].str[:4].astype(int)


def _city_of(code: str) -> str:
    return code[:4] + "00"


def filter_axes(axes: pd.DataFrame, state: ViewState) -> pd.DataFrame:
    """Axes and belts passing through a chosen place."""
    if not (state.provinces or state.cities):
        return axes
    keep = axes["city_codes"].map(lambda codes: _in_places(pd.Series(codes.split(";")), state).any())
    return axes[keep]


@lru_cache(maxsize=1)
def hubs() -> gpd.GeoDataFrame:
    """Airports and ports, located (built once per process)."""
    return datasets.locate(datasets.load("hubs"), "city_code", "county_code")


_hubs = hubs  # the name the cache tests read


@lru_cache(maxsize=1)
def axes() -> gpd.GeoDataFrame:
    """Axes and belts as schematic lines through their cities' reference points, in order."""
    points = boundaries.label_points("cities").set_index("code").geometry
    axes = datasets.load("axes_belts").dropna(subset=["city_codes"])  # a belt without cities cannot be drawn
    stops = axes["city_codes"].map(lambda codes: [points[c] for c in codes.split(";") if c in points.index])
    axes = axes[stops.map(len) >= 2]
    return gpd.GeoDataFrame(axes, geometry=[shapely.LineString(s) for s in stops[axes.index]],
                            crs=boundaries.CRS)


def flows(parks: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """A straight origin → host line per park whose origin city is known (schematic): from the city's
    reference point, also for an origin named by its county (海淀区 → Beijing)."""
    points = boundaries.label_points("cities").set_index("code").geometry
    origins = parks["origin_code"].map(lambda c: c if c in points.index else _city_of(c) if isinstance(c, str) else c)
    rows = parks[origins.isin(points.index)]
    geoms = [shapely.LineString([points[o], p]) for o, p in zip(origins[rows.index], rows.geometry)]
    return gpd.GeoDataFrame(rows.drop(columns="geometry"), geometry=geoms, crs=boundaries.CRS)


def filter_points(points: gpd.GeoDataFrame, state: ViewState) -> gpd.GeoDataFrame:
    """Rows of a located point table (``city_code``, ``year``, ``industries``) in the chosen places,
    naming a chosen industry, dated by the as-of year."""
    keep = _in_places(points["city_code"], state) & _by_year(points["year"].astype(float), state)
    if state.industries:
        keep &= _named_industries(points["industries"]).map(lambda i: bool(i & set(state.industries)))
    return points[keep]


def _filter_fields() -> tuple[str, ...]:
    return tuple(f.field for f in filter_table.FILTERS)


def filters_only(state: ViewState) -> ViewState:
    """The fields that decide what is drawn; the rest (view, language, choropleth) share one entry."""
    return ViewState(**{name: getattr(state, name) for name in _filter_fields()})


def __getattr__(name: str):
    # The filtered layers of a view moved to the layer registry (geo.layers), which imports this module.
    if name in ("Layers", "visible_layers"):
        from geo import layers
        return getattr(layers, name)
    raise AttributeError(f"module 'geo.filters' has no attribute {name!r}")


def filter_user_points(points: gpd.GeoDataFrame | None, state: ViewState) -> gpd.GeoDataFrame:
    """This session's uploaded points in the chosen places (their city, or the city they fall in)."""
    if points is None or points.empty:
        return gpd.GeoDataFrame({"id": [], "name": []}, geometry=[], crs=boundaries.CRS)
    if not (state.provinces or state.cities):
        return points  # nothing to locate: the same frame, no per-point work on each run
    given = points["city_code"] if "city_code" in points else pd.Series(None, index=points.index, dtype=object)
    if "located_city_code" in points:  # geo.uploads located every point once, when the file was read
        located = given.astype(object).fillna(points["located_city_code"])
    else:
        located = pd.Series([code if isinstance(code, str) else _city_at(point)
                             for code, point in zip(given, points.geometry)], index=points.index, dtype=object)
    return points[_in_places(located, state)]


def _city_at(point) -> str | None:
    unit = boundaries.find_unit(point.x, point.y, "cities")
    return None if unit is None else unit["code"]


# --- search -------------------------------------------------------------------------------------

@lru_cache(maxsize=8)
def _search_index(workspace: tuple | None = None) -> pd.DataFrame:
    """Searchable text per entity; ``workspace`` (active workspace, version and mode) keys the cache."""
    entities = registry.entities()
    return pd.DataFrame({
        "id": entities["id"],
        "text": [_searchable(zh, en) for zh, en in zip(entities["name_zh"], entities["name_en"])],
    })


def _workspace_key() -> tuple | None:
    from geo.workspace import active  # geo.workspace imports geo.registry, as this module does
    return None if active.token() is None else (*active.token(), active.mode())


def _searchable(name_zh: str, name_en) -> str:
    syllables = lazy_pinyin(name_zh or "")
    initials = lazy_pinyin(name_zh or "", style=Style.FIRST_LETTER)
    return " ".join([name_zh or "", str(name_en or ""), "".join(syllables), " ".join(syllables),
                     "".join(initials)]).lower()


def find(query: str) -> pd.DataFrame:
    """Platforms and parks whose Chinese or English name, pinyin or pinyin initials contain ``query``."""
    query = re.sub(r"\s+", " ", (query or "").strip().lower())
    entities = registry.entities()
    if not query:
        return entities.iloc[0:0]
    index = _search_index(_workspace_key())
    compact = query.replace(" ", "")
    hit = index["text"].str.contains(query, regex=False) | index["text"].str.replace(" ", "").str.contains(
        compact, regex=False)
    return entities[entities["id"].isin(index.loc[hit, "id"])]
