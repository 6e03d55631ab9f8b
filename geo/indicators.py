"""City indicators: one value per area for an indicator and year, rankings, trends, gaps.

A figure can exist in several editions (first release, revised after a census) and from several
sources. ``pick`` keeps one per area by a stated preference and reports how many alternatives it
set aside; trends keep editions apart so a revision is never drawn as part of the old series.
"""

from __future__ import annotations

import pandas as pd

from geo import boundaries, sources
from geo.vocab import EDITIONS, EXTRA_AREAS, ui

# A user's own upload first (they brought it to see it), then later revisions: they replace the
# figures they revise.
EDITION_PREFERENCE = ("user_upload", "revised_2020_census", "revised_2018_census", "revised", "first_release",
                      "as_published_in_source")
BEIJING, TIANJIN = "110100", "120100"
# A median (and a ratio to it) over fewer Hebei cities than this is withheld: with 3 of 11 it says
# more about which cities report than about Hebei. One place for the rule; the pages read it here.
MIN_CITIES_FOR_MEDIAN = 6
HEBEI_CITIES = 11


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


def trend(indicators: pd.DataFrame, indicator: str, areas, edition: str | None = None) -> pd.DataFrame:
    """One line per area over the years that have a value: columns area_code, year, value, edition,
    series, segment, source_title.

    Each area keeps one edition across its years (the edition with the most years; ties by
    ``EDITION_PREFERENCE``), so a first release is not set beside a revised figure where both
    exist. A year that only has another edition takes it, and ``edition`` says so for that point
    (``edition_joins`` lists them for the chart's note). ``segment`` numbers runs of consecutive
    years: a chart draws lines within a segment only, so a missing year stays a gap. With
    ``edition`` only that edition is drawn (e.g. first releases alone).
    """
    rows = indicators[(indicators["indicator"] == indicator) & indicators["area_code"].isin(list(areas))]
    if edition is not None:
        rows = rows[rows["edition"] == edition]
    columns = ["area_code", "year", "value", "edition", "series", "segment", "source_title"]
    if rows.empty:
        return pd.DataFrame(columns=columns)
    rows = rows.assign(year=rows["year"].astype(int), value=rows["value"].astype(float),
                       _order=range(len(rows)), _rank=_edition_rank(rows["edition"]))
    years_per_edition = rows.drop_duplicates(["area_code", "year", "edition"]).groupby(
        ["area_code", "edition"]).size().rename("_years")
    rows = rows.join(years_per_edition, on=["area_code", "edition"])
    rows = rows.sort_values(["area_code", "_years", "_rank", "_order"], ascending=[True, False, True, True])
    main = rows.drop_duplicates("area_code").set_index("area_code")["edition"]
    rows = rows.assign(_main=(rows["edition"] == rows["area_code"].map(main)).astype(int))
    rows = rows.sort_values(["area_code", "year", "_main", "_rank", "_order"],
                            ascending=[True, True, False, True, True])
    chosen = rows.drop_duplicates(["area_code", "year"]).copy()
    chosen["series"] = chosen["area_code"]
    chosen["segment"] = chosen.groupby("area_code")["year"].transform(lambda y: (y.diff() != 1).cumsum())
    return chosen[columns].reset_index(drop=True)


def edition_joins(series: pd.DataFrame) -> dict[str, dict[str, list[int]]]:
    """Areas whose line joins editions: area -> edition -> its years (only areas with two or more)."""
    out = {}
    for area, group in series.groupby("area_code"):
        editions = group.groupby("edition")["year"].apply(lambda y: sorted(int(v) for v in y)).to_dict()
        if len(editions) > 1:
            out[area] = editions
    return out


def gap(values: pd.DataFrame, minimum: int = MIN_CITIES_FOR_MEDIAN) -> dict:
    """Beijing and Tianjin against the Hebei cities for one indicator and year.

    Returns beijing, tianjin, hebei_median, hebei_count, withheld, and the two ratios to the Hebei
    median. The median and the ratios are None when fewer than ``minimum`` Hebei cities have a
    value (``withheld`` is then True), or when a value is missing.
    """
    by_code = values.set_index("code")["value"]
    hebei = values[values["province_code"] == "130000"]["value"].dropna()
    withheld = len(hebei) < minimum
    median = None if withheld else float(hebei.median())

    def ratio(code):
        v = by_code.get(code)
        return None if median in (None, 0) or pd.isna(v) else float(v) / median

    return {
        "beijing": None if pd.isna(by_code.get(BEIJING)) else float(by_code[BEIJING]),
        "tianjin": None if pd.isna(by_code.get(TIANJIN)) else float(by_code[TIANJIN]),
        "hebei_median": median,
        "hebei_count": int(len(hebei)),
        "withheld": withheld,
        "minimum": minimum,
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
    shares = shares.assign(source_url=shares["source_url"].fillna("") if "source_url" in shares else "")
    table = shares.pivot_table(index=["year", "edition", "source_title", "source_url"], columns="indicator",
                               values="value", aggfunc="first").astype(float).reset_index()
    table["year"] = table["year"].astype(int)
    return table.sort_values(["year", "edition"]).reset_index(drop=True)


def city_profile(indicators: pd.DataFrame, code: str, wanted, year: int | None = None) -> pd.DataFrame:
    """One row per indicator in ``wanted`` for a city: its value, the year of that value, unit and
    edition; the change since the earliest year of the same edition; the rank among the cities that
    have a value that year (of how many). Without ``year`` each indicator shows its latest year;
    with ``year`` every indicator shows that year (a common year, NaN where there is none).
    Indicators without a value stay, as NaN.
    """
    rows = []
    for indicator in wanted:
        years = available_years(indicators, indicator, [code])
        shown_year = (year if year in years else None) if year is not None else (years[0] if years else None)
        if shown_year is None:
            rows.append({"indicator": indicator})
            continue
        latest = pick(indicators, indicator, shown_year).set_index("area_code").loc[code]
        same_edition = indicators[(indicators["indicator"] == indicator) & (indicators["area_code"] == code)
                                  & (indicators["edition"] == latest["edition"])]
        first = same_edition.assign(year=same_edition["year"].astype(int)).sort_values("year").iloc[0]
        earlier = int(first["year"]) < shown_year
        ranked = ranking(city_values(indicators, indicator, shown_year)).set_index("code")
        rows.append({
            "indicator": indicator, "year": shown_year, "value": float(latest["value"]), "unit": latest["unit"],
            "edition": latest["edition"], "source_title": latest["source_title"],
            "first_year": int(first["year"]) if earlier else None,
            "change": float(latest["value"]) - float(first["value"]) if earlier else None,
            "rank": int(ranked.loc[code, "rank"]), "ranked_of": len(ranked),
        })
    return pd.DataFrame(rows, columns=["indicator", "year", "value", "unit", "edition", "source_title",
                                       "first_year", "change", "rank", "ranked_of"])


def common_years(indicators: pd.DataFrame, code: str, wanted) -> list[int]:
    """Years with a value of any of ``wanted`` for a city, the years covering the most indicators
    first (newest first among equals): the first is a sensible common year."""
    rows = indicators[(indicators["area_code"] == code) & indicators["indicator"].isin(list(wanted))]
    counts = rows.assign(year=rows["year"].astype(int)).drop_duplicates(["year", "indicator"]).groupby("year").size()
    return [int(y) for y, _ in sorted(counts.items(), key=lambda kv: (-kv[1], -kv[0]))]


def other_sources(alternates: pd.DataFrame | None, area: str, indicator: str, year: int,
                  edition: str | None = None) -> pd.DataFrame:
    """Values that other sources give for one cell (the same edition when given): value, unit, source."""
    if alternates is None or alternates.empty:
        return pd.DataFrame(columns=["value", "unit", "edition", "source_title", "source_url"])
    rows = alternates[(alternates["area_code"] == area) & (alternates["indicator"] == indicator)
                      & (alternates["year"].astype(int) == int(year))]
    if edition is not None:
        rows = rows[rows["edition"] == edition]
    return rows[["value", "unit", "edition", "source_title", "source_url"]].assign(value=rows["value"].astype(float))


def other_sources_text(alternates: pd.DataFrame | None, area: str, indicator: str, year: int,
                       edition, lang: str) -> str:
    """'Other sources say 5.2 (outlet, date, title); …' for one cell, '' when no other source."""
    if not isinstance(edition, str):
        return ""
    rows = other_sources(alternates, area, indicator, year, edition)
    if rows.empty:
        return ""
    left, right, sep = ("（", "）", "；") if lang != "en" else (" (", ")", "; ")
    said = [f"{v:,.2f}".rstrip("0").rstrip(".") + f"{left}{sources.row_labels(t, u, lang)}{right}"
            for v, t, u in zip(rows["value"], rows["source_title"], rows["source_url"])]
    return f"{ui('other_sources', lang)} " + sep.join(said)


def plain_number(value: float, signed: bool = False) -> str:
    """A value as its source writes it: thousands separated, at most two decimals, no trailing zeros
    ("32,810 元", not "32,810.00 元"; "41,610.9", "+3.5")."""
    text = f"{value:+,.2f}" if signed else f"{value:,.2f}"
    return text.rstrip("0").rstrip(".")
