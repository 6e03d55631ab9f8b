"""What the curated data covers and what it is missing, as tables for the CLI and the Data page."""

from __future__ import annotations

import pandas as pd

from geo import boundaries, sources
from geo.schemas import TABLES
from geo.vocab import (  # noqa: F401  (CORE_INDICATORS is re-exported for the CLI)
    CORE_INDICATORS,
    COVERAGE_YEARS,
    EXPECTED_PLATFORM_COUNTS,
    EXPECTED_SYSTEM_MEMBERS,
    MATRIX_INDICATORS,
    PLATFORM_SYSTEMS,
)

PARKS_AND_PROJECTS_TARGET = 50  # issue #14: parks and key projects together

POINT_TABLES = {t.id: t.points for t in TABLES.values() if t.points}  # table id -> (city, county column)


def rows_per_table(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Rows and distinct sources per table."""
    return pd.DataFrame([
        {"table": tid, "file": TABLES[tid].file, "rows": len(frame),
         "sources": frame["source_title"].nunique() if len(frame) else 0}
        for tid, frame in frames.items()
    ])


def platform_type_coverage(memberships: pd.DataFrame) -> pd.DataFrame:
    """The 46 of the 2017 document: confirmed and inferred members per type against the expected."""
    jjj = memberships[memberships["system"] == "jjj_2_4_46"]
    rows = []
    for type_id, expected in EXPECTED_PLATFORM_COUNTS.items():
        of_type = jjj[jjj["platform_type"] == type_id]
        rows.append({"platform_type": type_id, "expected": expected,
                     "confirmed": int((of_type["confidence"] == "confirmed").sum()),
                     "inferred": int((of_type["confidence"] == "inferred").sum())})
    untyped = jjj[jjj["platform_type"].isna()]
    rows.append({"platform_type": "unknown", "expected": 0,
                 "confirmed": int((untyped["confidence"] == "confirmed").sum()),
                 "inferred": int((untyped["confidence"] == "inferred").sum())})
    return pd.DataFrame(rows)


def system_coverage(memberships: pd.DataFrame) -> pd.DataFrame:
    """Members found per platform system against the number its name announces."""
    return pd.DataFrame([
        {"system": system, "expected": EXPECTED_SYSTEM_MEMBERS[system],
         "confirmed": int(((memberships["system"] == system) & (memberships["confidence"] == "confirmed")).sum()),
         "inferred": int(((memberships["system"] == system) & (memberships["confidence"] == "inferred")).sum())}
        for system in PLATFORM_SYSTEMS
    ])


def indicator_matrix(indicators: pd.DataFrame, indicator: str | None = None) -> pd.DataFrame:
    """Area × year: how many core indicators have a value (or, for one indicator, 1/0)."""
    areas = list(boundaries.cities()["code"]) + ["130000", "jjj"]
    wanted = [indicator] if indicator else list(CORE_INDICATORS)
    have = indicators[indicators["indicator"].isin(wanted)]
    have = have.drop_duplicates(["area_code", "year", "indicator"])
    counts = have.groupby(["area_code", "year"]).size()
    matrix = pd.DataFrame(0, index=areas, columns=list(COVERAGE_YEARS))
    for (area, year), n in counts.items():
        if area in matrix.index and int(year) in matrix.columns:
            matrix.loc[area, int(year)] = int(n)
    matrix.index.name = "area_code"
    return matrix


def matrix_fill(indicators: pd.DataFrame) -> pd.DataFrame:
    """The 13 cities × COVERAGE_YEARS: how many of the MATRIX_INDICATORS have a value (any edition)."""
    cities = list(boundaries.cities()["code"])
    have = indicators[indicators["indicator"].isin(MATRIX_INDICATORS) & indicators["area_code"].isin(cities)]
    have = have.assign(year=have["year"].astype(int)).drop_duplicates(["area_code", "year", "indicator"])
    counts = have.groupby(["area_code", "year"]).size()
    matrix = pd.DataFrame(0, index=cities, columns=list(COVERAGE_YEARS))
    for (area, year), n in counts.items():
        if year in matrix.columns:
            matrix.loc[area, year] = int(n)
    matrix.index.name = "area_code"
    return matrix


def matrix_summary(matrix: pd.DataFrame) -> dict:
    """Cells of the matrix, cells with a value, and the share (0–1)."""
    cells = matrix.shape[0] * matrix.shape[1] * len(MATRIX_INDICATORS)
    filled = int(matrix.to_numpy().sum())
    return {"cells": cells, "filled": filled, "share": filled / cells if cells else 0.0,
            "indicators": len(MATRIX_INDICATORS), "years": matrix.shape[1], "cities": matrix.shape[0]}


def parks_and_projects(frames: dict[str, pd.DataFrame]) -> dict:
    """Rows of the co-built parks and (where the table exists) the key-projects layer, with the target."""
    counts = {tid: len(frames[tid]) for tid in ("parks", "projects") if tid in frames}
    projects_file = boundaries.DATA_DIR / "projects.csv"
    if "projects" not in counts and projects_file.exists():  # the layer may land before its schema does
        counts["projects"] = len(pd.read_csv(projects_file, dtype=str))
    return {**counts, "total": sum(counts.values()), "target": PARKS_AND_PROJECTS_TARGET}


def location_precision(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Per point table: rows with source coordinates, and rows placed at a county or city point."""
    rows = []
    for tid, (_city_col, county_col) in POINT_TABLES.items():
        frame = frames[tid]
        has_xy = frame["lon"].notna() if len(frame) else pd.Series(dtype=bool)
        has_county = frame[county_col].notna() if len(frame) else pd.Series(dtype=bool)
        rows.append({"table": tid, "rows": len(frame), "source_coordinates": int(has_xy.sum()),
                     "county_point": int((~has_xy & has_county).sum()),
                     "city_point": int((~has_xy & ~has_county).sum())})
    return pd.DataFrame(rows)


def report(frames: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """All coverage tables, by name."""
    return {
        "rows": rows_per_table(frames),
        "platform_types": platform_type_coverage(frames["platform_memberships"]),
        "systems": system_coverage(frames["platform_memberships"]),
        "indicators": indicator_matrix(frames["indicators"]),
        "locations": location_precision(frames),
        "matrix": matrix_fill(frames["indicators"]),
        "weak_sources": sources.grade_table(frames),
        "alternates": len(frames.get("indicator_alternates", ())),
        "parks_projects": parks_and_projects(frames),
    }



def with_workspace(table: pd.DataFrame, entities: pd.DataFrame, by: str) -> pd.DataFrame:
    """``table`` (``system_coverage`` or ``platform_type_coverage``) with a ``workspace`` column: the
    open workspace's platforms not already among the shipped ones (``values_from`` = workspace), per
    system, or per type of the 2017 document's 46 ("unknown": in it without a type)."""
    if "values_from" not in entities:
        return table
    mine = entities[(entities["kind"] == "platform") & (entities["values_from"] == "workspace")]
    systems = mine["systems"].fillna("").map(lambda s: set(str(s).split(";")))
    if by == "system":
        found = [int(systems.map(lambda s, k=k: k in s).sum()) for k in table["system"]]
    else:
        in_46 = mine.loc[systems.map(lambda s: "jjj_2_4_46" in s).astype(bool)]  # bool even when empty
        types = in_46["platform_type"].fillna("").map(lambda s: set(filter(None, str(s).split(";"))) or {"unknown"})
        found = [int(types.map(lambda t, k=k: k in t).sum()) for k in table["platform_type"]]
    return table.assign(workspace=found)
