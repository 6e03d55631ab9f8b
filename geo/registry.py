"""Platforms and co-built parks as one located registry, and what they have in common.

``entities()`` joins platforms (with the systems they belong to) and parks into one GeoDataFrame
with a shared set of columns; the counts, timeline and industry-overlap tables work on it.
"""

from __future__ import annotations

from functools import lru_cache

import geopandas as gpd
import pandas as pd

from geo import boundaries, datasets

COLUMNS = ["id", "kind", "name_zh", "name_en", "province_code", "city_code", "county_code",
           "systems", "platform_type", "year", "industries", "modes", "origin_code",
           "precision", "source_title", "source_url", "geometry"]


def _membership_summary(memberships: pd.DataFrame) -> pd.DataFrame:
    grouped = memberships.groupby("platform_id")
    return pd.DataFrame({
        "systems": grouped["system"].agg(lambda s: ";".join(sorted(s))),
        "platform_type": grouped["platform_type"].agg(lambda s: ";".join(sorted(s.dropna()))),
    })


def build_entities(platforms: pd.DataFrame, memberships: pd.DataFrame, parks: pd.DataFrame) -> gpd.GeoDataFrame:
    """Platforms and parks in one table with a point each (see ``datasets.locate``)."""
    located_platforms = datasets.locate(platforms, "city_code", "county_code")
    located_platforms = located_platforms.join(_membership_summary(memberships), on="id")
    located_platforms = located_platforms.assign(
        kind="platform", year=located_platforms["year_established"], modes=None, origin_code=None)
    located_parks = datasets.locate(parks, "host_city_code", "host_county_code").rename(
        columns={"host_city_code": "city_code", "host_county_code": "county_code"})
    city_province = boundaries.cities().set_index("code")["province_code"]
    located_parks = located_parks.assign(
        kind="park", province_code=located_parks["city_code"].map(city_province),
        systems=None, platform_type=None)
    both = pd.concat([located_platforms[COLUMNS], located_parks[COLUMNS]], ignore_index=True)
    return gpd.GeoDataFrame(both, geometry="geometry", crs=boundaries.CRS)


@lru_cache(maxsize=1)
def _entities() -> gpd.GeoDataFrame:
    return build_entities(datasets.load("platforms"), datasets.load("platform_memberships"),
                          datasets.load("parks"))


def entities(mode: str | None = None) -> gpd.GeoDataFrame:
    """The platforms and parks to show, located (a copy): the shipped ones (built once per process),
    joined to the active workspace's (``geo.workspace.active``) in ``mode`` (default: the run's)."""
    from geo.workspace import active  # geo.workspace.frames imports this module
    return active.entities(_entities(), mode).copy()


def search(table: pd.DataFrame, query: str) -> pd.DataFrame:
    """Rows whose Chinese or English name contains ``query`` (case-insensitive); all if empty."""
    query = (query or "").strip().lower()
    if not query:
        return table
    hit = table["name_zh"].str.lower().str.contains(query, regex=False) | \
        table["name_en"].str.lower().str.contains(query, regex=False)
    return table[hit]


def counts_by_type_and_province(memberships: pd.DataFrame, platforms: pd.DataFrame) -> pd.DataFrame:
    """System × type/tier rows against the province of each member (policy areas included)."""
    areas = boundaries.policy_areas()
    province_of_area = {row["id"]: _province_of_codes(row["members"]) for _, row in areas.iterrows()}
    province = platforms.set_index("id")["province_code"].to_dict() | province_of_area
    table = memberships.assign(
        province_code=memberships["platform_id"].map(province),
        category=memberships["platform_type"].fillna(memberships["tier_zh"]).fillna("—"))
    return table.pivot_table(index=["system", "category"], columns="province_code", values="platform_id",
                             aggfunc="count", fill_value=0)


def _province_of_codes(codes) -> str:
    provinces = {code[:2] + "0000" for code in codes}
    return provinces.pop() if len(provinces) == 1 else "mixed"


def timeline(table: pd.DataFrame) -> pd.DataFrame:
    """Entities per year (of establishment or signing) and kind; entities without a year are left out."""
    dated = table.dropna(subset=["year"]).assign(year=lambda t: t["year"].astype(float).astype(int))
    return dated.pivot_table(index="year", columns="kind", values="id", aggfunc="count", fill_value=0)


def industry_rows(table: pd.DataFrame) -> pd.DataFrame:
    """One row per (entity, industry) from the ';'-separated industries as the sources state them."""
    rows = table[["id", "kind", "name_zh", "name_en", "city_code", "industries"]].dropna(subset=["industries"])
    rows = rows.assign(industry=rows["industries"].str.split(";")).explode("industry")
    rows["industry"] = rows["industry"].str.strip()
    return rows[rows["industry"] != ""].drop(columns="industries").reset_index(drop=True)


def industry_overlap(table: pd.DataFrame) -> pd.DataFrame:
    """Industries named by more than one entity: how many, and in how many cities (同质化)."""
    rows = industry_rows(table)
    summary = rows.groupby("industry").agg(entities=("id", "nunique"), cities=("city_code", "nunique"))
    return summary[summary["entities"] > 1].sort_values(["entities", "cities"], ascending=False)


def industry_city_matrix(table: pd.DataFrame) -> pd.DataFrame:
    """Industry × city: number of entities naming that industry."""
    rows = industry_rows(table)
    return rows.pivot_table(index="industry", columns="city_code", values="id", aggfunc="nunique",
                            fill_value=0)
