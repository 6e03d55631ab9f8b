"""Load the curated tables, validate them (schema and cross-table rules) and place their points.

``check_all()`` returns every problem as a ``Problem`` naming the file, the CSV line, the column
and what is wrong; ``load(table_id)`` returns a valid table or raises ``DataError`` with those
problems. Points without source coordinates are placed at a reference point of the county (or, if
the county is unknown, the city) they claim, and say so in ``precision``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pandera.errors as pa_errors
import shapely

from geo import boundaries, sources
from geo.schemas import SHARE_TOLERANCE, TABLES
from geo.vocab import EXTRA_AREAS, INDICATORS, POSITIVE_INDICATORS, SHARE_TRIPLE

DATA_DIR = boundaries.DATA_DIR
HEADER_LINES = 1  # CSV line of data row i is i + 2


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one row (or a whole file when ``line`` is None)."""

    file: str
    line: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = self.file + (f" line {self.line}" if self.line is not None else "")
        return f"{where}" + (f", column {self.column}" if self.column else "") + f": {self.message}"


class DataError(ValueError):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(map(str, problems[:20])))


def read_raw(table_id: str, path: Path | None = None) -> pd.DataFrame:
    """A table's CSV as text columns, empty cells as missing."""
    table = TABLES[table_id]
    frame = pd.read_csv(path or DATA_DIR / table.file, dtype=str, keep_default_na=False,
                        encoding="utf-8-sig")
    return frame.apply(lambda col: col.str.strip()).replace("", None)


def _value(row, column: str | None):
    """A cell's value, None when the column is absent or the cell is empty (None or NaN)."""
    if column is None:
        return None
    value = row.get(column)
    return value if _present(value) else None


def _present(value) -> bool:
    return value is not None and (isinstance(value, str) or not pd.isna(value))


def _line(index) -> int | None:
    return int(index) + HEADER_LINES + 1 if index is not None and not pd.isna(index) else None


def schema_problems(table_id: str, frame: pd.DataFrame) -> tuple[pd.DataFrame, list[Problem]]:
    """Validate against the declared schema; returns the coerced frame and the problems."""
    table = TABLES[table_id]
    try:
        return table.schema.validate(frame, lazy=True), []
    except pa_errors.SchemaErrors as err:
        cases = err.failure_cases
        problems = [
            Problem(table.file, _line(row["index"]), row.get("column") or None,
                    f"{row['check']} (value: {row['failure_case']!r})")
            for _, row in cases.iterrows()
        ]
        return frame, problems


@lru_cache(maxsize=1)
def _codes() -> dict[str, dict[str, str]]:
    """code -> parent codes, per boundary level."""
    counties = boundaries.counties()
    return {
        "province": {c: c for c in boundaries.provinces()["code"]},
        "city": dict(zip(boundaries.cities()["code"], boundaries.cities()["province_code"])),
        "county": dict(zip(counties["code"], counties["city_code"])),
    }


def _admin_problems(file: str, frame: pd.DataFrame, city_col: str, county_col: str | None,
                    province_col: str | None = None) -> list[Problem]:
    codes = _codes()
    out = []
    for i, row in frame.iterrows():
        city, county = _value(row, city_col), _value(row, county_col)
        if city and city not in codes["city"]:
            out.append(Problem(file, _line(i), city_col, f"{city} is not one of the 13 city codes"))
        if county:
            if county not in codes["county"]:
                out.append(Problem(file, _line(i), county_col, f"{county} is not a county code"))
            elif city and codes["county"][county] != city:
                out.append(Problem(file, _line(i), county_col,
                                   f"county {county} lies in city {codes['county'][county]}, not {city}"))
        province = _value(row, province_col)
        if province and city in codes["city"] and codes["city"][city] != province:
            out.append(Problem(file, _line(i), province_col,
                               f"city {city} lies in province {codes['city'][city]}, not {province}"))
    return out


def _point_problems(file: str, frame: pd.DataFrame, city_col: str, county_col: str | None) -> list[Problem]:
    """Source-stated coordinates must fall inside the county (or city) the row claims."""
    out = []
    for i, row in frame.iterrows():
        lon, lat = _value(row, "lon"), _value(row, "lat")
        if (lon is None) != (lat is None):
            out.append(Problem(file, _line(i), "lon/lat", "give both longitude and latitude or neither"))
            continue
        if lon is None:
            continue
        if _value(row, "precision") not in ("exact", "approximate"):
            out.append(Problem(file, _line(i), "precision", "coordinates need precision exact or approximate"))
        county = _value(row, county_col)
        level, code = ("counties", county) if county else ("cities", _value(row, city_col))
        unit = boundaries.find_unit(float(lon), float(lat), level)
        if unit is None or unit["code"] != code:
            found = "outside the region" if unit is None else f"in {unit['code']} {unit['name_zh']}"
            out.append(Problem(file, _line(i), "lon/lat",
                               f"point ({lon}, {lat}) is {found}, not in the claimed {code}"))
    return out


def _foreign_key_problems(file: str, frame: pd.DataFrame, column: str, valid: set[str],
                          what: str) -> list[Problem]:
    return [Problem(file, _line(i), column, f"{value} is not a known {what}")
            for i, value in frame[column].items() if _present(value) and value not in valid]


def _indicator_problems(frame: pd.DataFrame) -> list[Problem]:
    file = TABLES["indicators"].file
    codes = _codes()
    known_areas = set(codes["province"]) | set(codes["city"]) | set(codes["county"]) | set(EXTRA_AREAS)
    out = _foreign_key_problems(file, frame, "area_code", known_areas, "area code")
    for i, row in frame.iterrows():
        spec = INDICATORS.get(row["indicator"])
        if spec and row["unit"] != spec.unit:
            out.append(Problem(file, _line(i), "unit", f"{row['indicator']} is in {spec.unit}, not {row['unit']}"))
        if row["indicator"] in POSITIVE_INDICATORS and not float(row["value"]) > 0:
            out.append(Problem(file, _line(i), "value", f"{row['indicator']} must be positive"))
    key = ["area_code", "year", "indicator", "edition", "source_title"]
    for i in frame.index[frame.duplicated(key, keep="first")]:
        out.append(Problem(file, _line(i), None,
                           "duplicate of an earlier row (same area, year, indicator, edition, source)"))
    return out + share_sum_problems(frame)


def share_sum_problems(frame: pd.DataFrame) -> list[Problem]:
    """Three-sector shares from one source for one area and year must add up to 100."""
    file = TABLES["indicators"].file
    shares = frame[frame["indicator"].isin(SHARE_TRIPLE)]
    out = []
    for (area, year, _edition, source), group in shares.groupby(
            ["area_code", "year", "edition", "source_title"], dropna=False):
        if set(group["indicator"]) == set(SHARE_TRIPLE) and len(group) == 3:
            total = group["value"].astype(float).sum()
            if abs(total - 100) > SHARE_TOLERANCE:
                out.append(Problem(file, _line(group.index[0]), "value",
                                   f"shares of {area} {year} ({source}) add up to {total:.1f}, not 100"))
    return out


def check_all() -> tuple[dict[str, pd.DataFrame], list[Problem]]:
    """Every table validated; returns the frames and all problems (empty when the data is sound)."""
    frames, problems = {}, []
    for table_id, _table in TABLES.items():
        frame, found = schema_problems(table_id, read_raw(table_id))
        frames[table_id], problems = frame, problems + found
    problems += _cross_table_problems(frames)
    return frames, problems


def _point_table_problems(f: dict[str, pd.DataFrame]) -> list[Problem]:
    """Every point table (``Table.points``): admin codes that exist and nest, points in their county."""
    codes = _codes()
    all_codes = set(codes["province"]) | set(codes["city"]) | set(codes["county"])
    out = []
    for table in (t for t in TABLES.values() if t.points):
        city_col, county_col = table.points
        out += _admin_problems(table.file, f[table.id], city_col, county_col, table.province)
        out += _point_problems(table.file, f[table.id], city_col, county_col)
        if table.origin:
            out += _foreign_key_problems(table.file, f[table.id], table.origin, all_codes, "admin code")
    return out


def _cross_table_problems(f: dict[str, pd.DataFrame]) -> list[Problem]:
    t = {k: v.file for k, v in TABLES.items()}
    out = _point_table_problems(f)
    # A 2+4 area can be a member too (Binhai is Tianjin's "1", Xiong'an Hebei's).
    policy_ids = set(boundaries.policy_areas()["id"])
    out += _foreign_key_problems(t["platform_memberships"], f["platform_memberships"], "platform_id",
                                 set(f["platforms"]["id"]) | policy_ids, "platform or policy-area id")
    codes = _codes()
    entities = {"platform": set(f["platforms"]["id"]), "park": set(f["parks"]["id"]),
                "policy_area": policy_ids}
    for i, row in f["figures"].iterrows():
        if row["entity_id"] not in entities.get(row["entity_kind"], set()):
            out.append(Problem(t["figures"], _line(i), "entity_id",
                               f"{row['entity_id']} is not a known {row['entity_kind']}"))
    out += _foreign_key_problems(t["stations"], f["stations"], "line_id",
                                 set(f["corridor_lines"]["line_id"]), "line id")
    for i, value in f["axes_belts"]["city_codes"].items():
        for code in (value if _present(value) else "").split(";"):
            if code and code not in codes["city"]:
                out.append(Problem(t["axes_belts"], _line(i), "city_codes", f"{code} is not a city code"))
    out += _indicator_problems(f["indicators"])
    out += one_value_problems(f["indicators"])
    out += alternate_problems(f["indicators"], f["indicator_alternates"])
    out += source_record_problems(f)
    return out


INDICATOR_KEY = ["area_code", "year", "indicator", "edition"]


def one_value_problems(frame: pd.DataFrame) -> list[Problem]:
    """One value per (area, year, indicator, edition): a second row for a key is a problem; the
    weaker source belongs in indicator_alternates.csv (scripts/resolve_indicator_conflicts.py)."""
    file = TABLES["indicators"].file
    keyed = frame.assign(year=frame["year"].astype(str))
    out = []
    for _, group in keyed[keyed.duplicated(INDICATOR_KEY, keep=False)].groupby(INDICATOR_KEY):
        first = group.index[0]
        for i in group.index[1:]:
            out.append(Problem(file, _line(i), "value", (
                f"second value for ({', '.join(str(group.loc[i, c]) for c in INDICATOR_KEY)}): "
                f"{group.loc[i, 'value']} here, {group.loc[first, 'value']} on line {_line(first)}; keep the "
                "better source and move the other to indicator_alternates.csv")))
    return out


def alternate_problems(indicators: pd.DataFrame, alternates: pd.DataFrame) -> list[Problem]:
    """Every alternate stands beside a kept value of the same key, from another source."""
    file = TABLES["indicator_alternates"].file
    kept = {tuple(str(v) for v in k): s for *k, s in
            indicators[INDICATOR_KEY + ["source_title"]].itertuples(index=False)}
    out = []
    for i, row in alternates.iterrows():
        key = tuple(str(row[c]) for c in INDICATOR_KEY)
        if key not in kept:
            out.append(Problem(file, _line(i), None, f"no kept value in indicators.csv for {key}"))
        elif kept[key] == row["source_title"]:
            out.append(Problem(file, _line(i), "source_title", "same source as the kept value"))
    return out


def source_record_problems(frames: dict[str, pd.DataFrame]) -> list[Problem]:
    """Every source a row cites has a record in data/sources.csv and is not on a blocked host."""
    known = sources.records()
    out = []
    for table_id, frame in frames.items():
        if "source_title" not in frame:
            continue
        urls = frame["source_url"] if "source_url" in frame else pd.Series(None, index=frame.index)
        for i, title, url in zip(frame.index, frame["source_title"], urls):
            for t, u in sources.missing(title, url, known):
                out.append(Problem(TABLES[table_id].file, _line(i), "source_url" if u else "source_title",
                                   f"no record in sources.csv for {u or t!r}; run scripts/build_sources.py"))
            for _t, u in sources.pairs(title, url):
                if reason := sources.blocked_reason(u):
                    out.append(Problem(TABLES[table_id].file, _line(i), "source_url",
                                       f"{u} is on a blocked host ({reason}): cite another source or drop the row"))
    return out


@lru_cache(maxsize=1)
def _checked() -> dict[str, pd.DataFrame]:
    frames, problems = check_all()
    if problems:
        raise DataError(problems)
    return frames


def load(table_id: str) -> pd.DataFrame:
    """A validated curated table (a copy); raises DataError if any table has a problem."""
    return _checked()[table_id].copy()


def locate(frame: pd.DataFrame, city_col: str = "city_code",
           county_col: str | None = "county_code") -> gpd.GeoDataFrame:
    """Points for rows: source coordinates where given, else a reference point of the county or city.

    The reference point is a point inside the unit (``representative_point``), so a placed point
    always falls in the unit it claims; ``precision`` says which kind of point it is.
    """
    county_points = boundaries.label_points("counties").set_index("code").geometry
    city_points = boundaries.label_points("cities").set_index("code").geometry
    geometry, precision = [], []
    for _, row in frame.iterrows():
        if _value(row, "lon") is not None and _value(row, "lat") is not None:
            geometry.append(shapely.Point(float(row["lon"]), float(row["lat"])))
            precision.append(row["precision"])
        elif _value(row, county_col):
            geometry.append(county_points[row[county_col]])
            precision.append("county_centroid")
        else:
            geometry.append(city_points[_value(row, city_col)])
            precision.append("city_centroid")
    out = gpd.GeoDataFrame(frame.copy(), geometry=geometry, crs=boundaries.CRS)
    out["precision"] = precision
    return out
