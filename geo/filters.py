"""What the Map page shows: one ``ViewState``, its URL form, and the filtered layers it selects.

``ViewState`` holds the visible overlays, the filters, the choropleth choice, the selected city and
the map view. ``to_query``/``from_query`` turn it into URL query parameters and back (unknown values
are reported, never trusted). ``visible_layers(state)`` applies the filters to every layer at once
and returns plain GeoDataFrames, which the interactive map, the snapshot export and the counts
all draw from, so what is exported is exactly what is on screen.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields, replace
from functools import lru_cache

import geopandas as gpd
import pandas as pd
import shapely
from pypinyin import Style, lazy_pinyin

from geo import basemaps, boundaries, corridors, datasets, registry
from geo.choropleth import SCHEMES
from geo.vocab import (
    CORRIDOR_STATUSES,
    INDICATORS,
    LANGUAGES,
    MODES,
    OVERLAYS,
    TYPE_FILTER_VALUES,
)

DEFAULT_OVERLAYS = tuple(o for o in OVERLAYS if o != "user_points") + ("user_points",)
PROVINCE_CODES = ("110000", "120000", "130000")
YEAR_RANGE = (1949, 2100)
BASEMAPS = ("none", "osm", *basemaps.TIANDITU)  # Tianditu tiles only with a key (geo.basemaps)


@dataclass(frozen=True)
class ViewState:
    """Everything that decides what the Map page draws. Empty filter tuples mean "all"."""

    overlays: tuple[str, ...] = DEFAULT_OVERLAYS
    types: tuple[str, ...] | None = None  # None: every type; (): none
    provinces: tuple[str, ...] = ()
    cities: tuple[str, ...] = ()
    industries: tuple[str, ...] = ()
    modes: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    as_of: int | None = None
    include_undated: bool = True
    indicator: str | None = None
    year: int | None = None
    scheme: str = "quantiles"
    city: str | None = None
    center: tuple[float, float] | None = None
    zoom: float | None = None
    lang: str = "zh"
    basemap: str = "none"

    def with_(self, **changes) -> "ViewState":
        return replace(self, **changes)


# URL parameter name of each field; short, so copied links stay readable.
_PARAMS = {"overlays": "layers", "types": "type", "provinces": "prov", "cities": "cities",
           "industries": "ind", "modes": "mode", "statuses": "status", "as_of": "asof",
           "include_undated": "undated", "indicator": "indicator", "year": "year", "scheme": "cls",
           "city": "city", "center": "c", "zoom": "z", "lang": "lang", "basemap": "basemap"}


def _city_codes() -> tuple[str, ...]:
    return tuple(boundaries.cities()["code"])


def allowed_values() -> dict[str, tuple[str, ...]]:
    """The values each list filter accepts (industries: as the sources write them)."""
    return {
        "overlays": tuple(OVERLAYS), "types": TYPE_FILTER_VALUES, "provinces": PROVINCE_CODES,
        "cities": _city_codes(), "industries": tuple(industries()), "modes": tuple(MODES),
        "statuses": tuple(CORRIDOR_STATUSES),
    }


def to_query(state: ViewState) -> dict[str, str]:
    """URL query parameters for ``state``; fields at their default value are left out."""
    default = ViewState()
    out = {}
    for f in fields(ViewState):
        value = getattr(state, f.name)
        if value == getattr(default, f.name) and f.name != "lang":
            continue
        out[_PARAMS[f.name]] = _encode(value)
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
    values, ignored = {}, []
    for f in fields(ViewState):
        raw = params.get(_PARAMS[f.name])
        if raw is None:
            continue
        parsed = _decode(f.name, str(raw), allowed)
        if parsed is _INVALID:
            ignored.append((_PARAMS[f.name], str(raw)))
        else:
            values[f.name] = parsed
    return ViewState(**values), ignored


_INVALID = object()


def _decode(name: str, raw: str, allowed: dict[str, tuple[str, ...]]):
    if name in allowed:
        items = tuple(i for i in raw.split(",") if i) if raw != "-" else ()
        return items if all(i in allowed[name] for i in items) else _INVALID
    if name in ("as_of", "year"):
        return int(raw) if raw.isdigit() and YEAR_RANGE[0] <= int(raw) <= YEAR_RANGE[1] else _INVALID
    if name == "include_undated":
        return {"1": True, "0": False}.get(raw, _INVALID)
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


def _decode_center(raw: str):
    match = re.fullmatch(r"(-?\d{1,2}(?:\.\d+)?),(-?\d{1,3}(?:\.\d+)?)", raw)
    if not match:
        return _INVALID
    lat, lon = float(match.group(1)), float(match.group(2))
    return (lat, lon) if -90 <= lat <= 90 and -180 <= lon <= 180 else _INVALID


# --- the layers ---------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def industries() -> list[str]:
    """Every industry named by a platform or park, as written, sorted."""
    return sorted(registry.industry_rows(registry.entities())["industry"].unique())


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
    """The 2+4 areas of the chosen roles touching the chosen places."""
    keep = pd.Series(True, index=areas.index)
    if state.types is not None:
        keep &= areas["role"].isin(state.types)
    if state.provinces or state.cities:
        keep &= areas["members"].map(lambda codes: _in_places(pd.Series(
            [_city_of(c) for c in codes]), state).any())
    return areas[keep]


def _city_of(code: str) -> str:
    return code[:4] + "00"


def filter_axes(axes: pd.DataFrame, state: ViewState) -> pd.DataFrame:
    """Axes and belts passing through a chosen place."""
    if not (state.provinces or state.cities):
        return axes
    keep = axes["city_codes"].map(lambda codes: _in_places(pd.Series(codes.split(";")), state).any())
    return axes[keep]


@lru_cache(maxsize=1)
def _hubs() -> gpd.GeoDataFrame:
    return datasets.locate(datasets.load("hubs"), "city_code", "county_code")


@lru_cache(maxsize=1)
def _axes() -> gpd.GeoDataFrame:
    """Axes and belts as schematic lines through their cities' reference points, in order."""
    points = boundaries.label_points("cities").set_index("code").geometry
    axes = datasets.load("axes_belts").dropna(subset=["city_codes"])  # a belt without cities cannot be drawn
    stops = axes["city_codes"].map(lambda codes: [points[c] for c in codes.split(";") if c in points.index])
    axes = axes[stops.map(len) >= 2]
    return gpd.GeoDataFrame(axes, geometry=[shapely.LineString(s) for s in stops[axes.index]],
                            crs=boundaries.CRS)


def flows(parks: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """A straight origin → host line per park whose origin city is known (schematic)."""
    points = boundaries.label_points("cities").set_index("code").geometry
    rows = parks[parks["origin_code"].isin(points.index)]
    geoms = [shapely.LineString([points[o], p]) for o, p in zip(rows["origin_code"], rows.geometry)]
    return gpd.GeoDataFrame(rows.drop(columns="geometry"), geometry=geoms, crs=boundaries.CRS)


@dataclass
class Layers:
    """The filtered contents of every overlay (empty when switched off)."""

    platforms: gpd.GeoDataFrame
    parks: gpd.GeoDataFrame
    flows: gpd.GeoDataFrame
    lines: gpd.GeoDataFrame
    stations: gpd.GeoDataFrame
    airports: gpd.GeoDataFrame
    ports: gpd.GeoDataFrame
    axes: gpd.GeoDataFrame
    policy_areas: gpd.GeoDataFrame
    user_points: gpd.GeoDataFrame = field(default_factory=lambda: gpd.GeoDataFrame(geometry=[], crs=boundaries.CRS))

    def counts(self) -> dict[str, int]:
        return {name: len(getattr(self, name)) for name in OVERLAYS}


def visible_layers(state: ViewState, user_points: gpd.GeoDataFrame | None = None) -> Layers:
    """Every overlay filtered by ``state``; overlays switched off come back empty.

    The curated layers of a view are built once per process and shared between sessions (read
    them, do not modify them); this session's uploaded ``user_points`` are filtered on each call.
    """
    layers = _curated_layers(_filters_only(state))
    if user_points is None or user_points.empty or "user_points" not in state.overlays:
        return layers
    return replace(layers, user_points=_filter_user_points(user_points, state))


_FILTER_FIELDS = ("overlays", "types", "provinces", "cities", "industries", "modes", "statuses", "as_of",
                  "include_undated")


def _filters_only(state: ViewState) -> ViewState:
    # The fields that decide what is drawn; the rest (view, language, choropleth) share one entry.
    return ViewState(**{name: getattr(state, name) for name in _FILTER_FIELDS})


@lru_cache(maxsize=64)
def _curated_layers(state: ViewState) -> Layers:
    entities = filter_entities(registry.entities(), state)
    lines = filter_lines(corridors.lines(), corridors.stations(), state)
    hubs = filter_hubs(_hubs(), state)
    layers = {
        "platforms": entities[entities["kind"] == "platform"],
        "parks": entities[entities["kind"] == "park"],
        "lines": lines,
        "stations": filter_stations(corridors.stations(), lines, state),
        "airports": hubs[hubs["kind"] == "airport"],
        "ports": hubs[hubs["kind"] == "port"],
        "axes": filter_axes(_axes(), state),
        "policy_areas": filter_policy_areas(boundaries.policy_areas(), state),
        "user_points": _filter_user_points(None, state),
    }
    layers["flows"] = flows(layers["parks"])
    return Layers(**{name: (frame if name in state.overlays else frame.iloc[0:0])
                     for name, frame in layers.items()})


def _filter_user_points(points: gpd.GeoDataFrame | None, state: ViewState) -> gpd.GeoDataFrame:
    if points is None or points.empty:
        return gpd.GeoDataFrame({"id": [], "name": []}, geometry=[], crs=boundaries.CRS)
    given = points["city_code"] if "city_code" in points else pd.Series(None, index=points.index, dtype=object)
    located = pd.Series([code if isinstance(code, str) else _city_at(point)
                         for code, point in zip(given, points.geometry)], index=points.index, dtype=object)
    return points[_in_places(located, state)]


def _city_at(point) -> str | None:
    unit = boundaries.find_unit(point.x, point.y, "cities")
    return None if unit is None else unit["code"]


# --- search -------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _search_index() -> pd.DataFrame:
    entities = registry.entities()
    return pd.DataFrame({
        "id": entities["id"],
        "text": [_searchable(zh, en) for zh, en in zip(entities["name_zh"], entities["name_en"])],
    })


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
    index = _search_index()
    compact = query.replace(" ", "")
    hit = index["text"].str.contains(query, regex=False) | index["text"].str.replace(" ", "").str.contains(
        compact, regex=False)
    return entities[entities["id"].isin(index.loc[hit, "id"])]
