"""City indicators: one value per area for an indicator and year, rankings, trends, gaps.

A figure can exist in several editions (first release, revised after a census) and from several
sources. ``pick`` keeps one per area by a stated preference and reports how many alternatives it
set aside; trends keep editions apart so a revision is never drawn as part of the old series.
"""

from __future__ import annotations

import pandas as pd

from geo import boundaries
from geo.vocab import EDITIONS, EXTRA_AREAS

# A user's own upload first (they brought it to see it), then later revisions: they replace the
# figures they revise.
EDITION_PREFERENCE = ("user_upload", "revised_2020_census", "revised_2018_census", "revised", "first_release",
                      "as_published_in_source")
BEIJING, TIANJIN = "110100", "120100"


def _edition_rank(editions: pd.Series) -> pd.Series:
    return editions.map({e: i for i, e in enumerate(EDITION_PREFERENCE)}).fillna(len(EDITIONS))


def with_values(indicators: pd.DataFrame, names, areas) -> list[str]:
    """Those of ``names`` that have at least one value for ``areas``, in the order given (one pass)."""
    present = set(indicators.loc[indicators["area_code"].isin(list(areas)), "indicator"])
    return [name for name in names if name in present]


def available_years(indicators: pd.DataFrame, indicator: str, areas=None) -> list[int]:
    """Years with at least one value of ``indicator`` (for ``areas`` if given), newest first."""
    rows = indicators[indicators["indicator"] == indicator]
    if areas is not None:
        rows = rows[rows["area_code"].isin(list(areas))]
    return sorted({int(y) for y in rows["year"]}, reverse=True)


def pick(indicators: pd.DataFrame, indicator: str, year: int) -> pd.DataFrame:
    """One row per area: the preferred edition, then the first source listed.

    Columns: area_code, value, unit, edition, source_title, source_url, alternatives.
    """
    rows = indicators[(indicators["indicator"] == indicator) & (indicators["year"].astype(int) == int(year))]
    if rows.empty:
        return pd.DataFrame(columns=["area_code", "value", "unit", "edition", "source_title",
                                     "source_url", "alternatives"])
    rows = rows.assign(_rank=_edition_rank(rows["edition"]), _order=range(len(rows)))
    rows = rows.sort_values(["area_code", "_rank", "_order"])
    counts = rows.groupby("area_code").size() - 1
    chosen = rows.drop_duplicates("area_code").set_index("area_code")
    chosen["alternatives"] = counts
    chosen["value"] = chosen["value"].astype(float)
    return chosen.reset_index()[["area_code", "value", "unit", "edition", "source_title",
                                 "source_url", "alternatives"]]


def city_values(indicators: pd.DataFrame, indicator: str, year: int) -> pd.DataFrame:
    """All 13 cities with the picked value; cities without one have value NaN ('no data')."""
    cities = boundaries.cities()[["code", "name_zh", "name_en", "province_code"]]
    picked = pick(indicators, indicator, year)
    out = cities.merge(picked, how="left", left_on="code", right_on="area_code").drop(columns="area_code")
    return out


def ranking(values: pd.DataFrame) -> pd.DataFrame:
    """Cities with a value, highest first, with rank 1..n (ties share the better rank)."""
    ranked = values.dropna(subset=["value"]).sort_values("value", ascending=False).copy()
    ranked["rank"] = ranked["value"].rank(ascending=False, method="min").astype(int)
    return ranked.reset_index(drop=True)


def trend(indicators: pd.DataFrame, indicator: str, areas) -> pd.DataFrame:
    """Year series per area and edition: columns area_code, year, value, edition, series.

    ``series`` is "<area> · <edition>": a revised figure starts its own line instead of joining
    the first-release one. Within one area, year and edition the first source listed is kept.
    """
    rows = indicators[(indicators["indicator"] == indicator) & indicators["area_code"].isin(list(areas))]
    rows = rows.drop_duplicates(["area_code", "year", "edition"]).copy()
    rows["year"] = rows["year"].astype(int)
    rows["value"] = rows["value"].astype(float)
    rows["series"] = rows["area_code"] + " · " + rows["edition"]
    return rows.sort_values(["area_code", "edition", "year"])[["area_code", "year", "value", "edition",
                                                               "series", "source_title"]]


def gap(values: pd.DataFrame) -> dict:
    """Beijing and Tianjin against the Hebei cities for one indicator and year.

    Returns beijing, tianjin, hebei_median, hebei_count, and the two ratios to the Hebei median
    (None where a value is missing).
    """
    by_code = values.set_index("code")["value"]
    hebei = values[values["province_code"] == "130000"]["value"].dropna()
    median = float(hebei.median()) if len(hebei) else None

    def ratio(code):
        v = by_code.get(code)
        return None if median in (None, 0) or pd.isna(v) else float(v) / median

    return {
        "beijing": None if pd.isna(by_code.get(BEIJING)) else float(by_code[BEIJING]),
        "tianjin": None if pd.isna(by_code.get(TIANJIN)) else float(by_code[TIANJIN]),
        "hebei_median": median,
        "hebei_count": int(len(hebei)),
        "beijing_to_hebei": ratio(BEIJING),
        "tianjin_to_hebei": ratio(TIANJIN),
    }


def area_name(code: str, lang: str) -> str:
    """Display name of any statistical area code (city, province, county or extra area)."""
    column = "name_en" if lang == "en" else "name_zh"
    for level in ("cities", "provinces", "counties"):
        table = boundaries.load_level(level).set_index("code")[column]
        if code in table.index:
            return table[code]
    return EXTRA_AREAS[code](lang) if code in EXTRA_AREAS else code


def source_table(indicators: pd.DataFrame, source_title: str, year: int, indicators_wanted) -> pd.DataFrame:
    """Area × indicator for one source and year (e.g. seed 004's Table 1 of 2019 R&D)."""
    rows = indicators[(indicators["source_title"] == source_title) & (indicators["year"].astype(int) == year)
                      & indicators["indicator"].isin(list(indicators_wanted))]
    table = rows.pivot_table(index="area_code", columns="indicator", values="value",
                             aggfunc="first").astype(float)
    return table.reindex(columns=[i for i in indicators_wanted if i in table.columns])


def sector_structure(indicators: pd.DataFrame, area: str) -> pd.DataFrame:
    """Three-sector shares of one area by year, edition and source (one row each)."""
    shares = indicators[(indicators["area_code"] == area)
                        & indicators["indicator"].isin(["share_primary", "share_secondary", "share_tertiary"])]
    table = shares.pivot_table(index=["year", "edition", "source_title"], columns="indicator",
                               values="value", aggfunc="first").astype(float).reset_index()
    table["year"] = table["year"].astype(int)
    return table.sort_values(["year", "edition"]).reset_index(drop=True)


def city_profile(indicators: pd.DataFrame, code: str, wanted) -> pd.DataFrame:
    """One row per indicator in ``wanted`` for a city: latest value, its year, unit and edition;
    the change since the earliest year of the same edition; the rank among the cities that have a
    value that year (of how many). Indicators without any value for the city stay, as NaN.
    """
    rows = []
    for indicator in wanted:
        years = available_years(indicators, indicator, [code])
        if not years:
            rows.append({"indicator": indicator})
            continue
        latest = pick(indicators, indicator, years[0]).set_index("area_code").loc[code]
        same_edition = indicators[(indicators["indicator"] == indicator) & (indicators["area_code"] == code)
                                  & (indicators["edition"] == latest["edition"])]
        first = same_edition.assign(year=same_edition["year"].astype(int)).sort_values("year").iloc[0]
        ranked = ranking(city_values(indicators, indicator, years[0])).set_index("code")
        rows.append({
            "indicator": indicator, "year": years[0], "value": float(latest["value"]), "unit": latest["unit"],
            "edition": latest["edition"], "source_title": latest["source_title"],
            "first_year": int(first["year"]) if int(first["year"]) < years[0] else None,
            "change": float(latest["value"]) - float(first["value"]) if int(first["year"]) < years[0] else None,
            "rank": int(ranked.loc[code, "rank"]), "ranked_of": len(ranked),
        })
    return pd.DataFrame(rows, columns=["indicator", "year", "value", "unit", "edition", "source_title",
                                       "first_year", "change", "rank", "ranked_of"])
