"""Charts that state their base: trends drawn only where years have values, with years printed as years.

Built with Altair (Streamlit draws it with ``st.altair_chart``); plain Python, testable through
``chart.to_dict()``.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from geo import indicators
from geo.vocab import EDITIONS, ui

YEAR_FORMAT = "d"  # 2015, never 2,015


def trend_chart(series: pd.DataFrame, unit: str, lang: str, height: int = 300) -> alt.LayerChart:
    """Points for every year with a value; lines only between consecutive years (``segment`` of
    ``indicators.trend``), so a missing year is a gap. Colour tells the area, shape the edition."""
    data = series.assign(
        area=[indicators.area_name(a, lang) for a in series["area_code"]],
        edition_label=[EDITIONS[e](lang) if e in EDITIONS else e for e in series["edition"]],
        line_id=series["area_code"].astype(str) + "-" + series["segment"].astype(str),
    )
    years = data["year"].astype(int)
    x = alt.X("year:Q", title=ui("year", lang),
              scale=alt.Scale(domain=[int(years.min()), int(years.max())], nice=False),
              axis=alt.Axis(format=YEAR_FORMAT, tickMinStep=1))
    y = alt.Y("value:Q", title=unit, scale=alt.Scale(zero=False))
    colour = alt.Color("area:N", title=ui("series", lang))
    tooltip = [alt.Tooltip("area:N", title=ui("name", lang)),
               alt.Tooltip("year:Q", format=YEAR_FORMAT, title=ui("year", lang)),
               alt.Tooltip("value:Q", format=",.2f", title=f"{ui('value', lang)} ({unit})"),
               alt.Tooltip("edition_label:N", title=ui("edition", lang))]
    base = alt.Chart(data)
    lines = base.mark_line().encode(x=x, y=y, color=colour, detail="line_id:N")
    points = base.mark_point(filled=True, size=60).encode(
        x=x, y=y, color=colour, shape=alt.Shape("edition_label:N", title=ui("edition", lang)), tooltip=tooltip)
    return alt.layer(lines, points).properties(height=height)


def joins_note(series: pd.DataFrame, lang: str) -> str:
    """A sentence per area whose line joins editions ('' when none does)."""
    notes = []
    for area, editions in indicators.edition_joins(series).items():
        parts = "；".join if lang != "en" else "; ".join
        text = parts(f"{EDITIONS[e](lang) if e in EDITIONS else e} {', '.join(map(str, years))}"
                     for e, years in editions.items())
        notes.append(ui("trend_joins", lang).format(area=indicators.area_name(area, lang), parts=text))
    return " ".join(notes)


def year_counts_chart(counts: pd.DataFrame, lang: str, height: int = 260) -> alt.Chart:
    """Stacked bars of counts per year (index: year; one column per group), the year axis as years."""
    long = counts.rename_axis("year").reset_index().melt("year", var_name="group", value_name="n")
    long = long[long["n"] > 0].assign(year=lambda f: f["year"].astype(int))
    x = alt.X("year:Q", title=ui("year", lang), axis=alt.Axis(format=YEAR_FORMAT, tickMinStep=1),
              scale=alt.Scale(nice=False, padding=12))
    return alt.Chart(long).mark_bar(size=10).encode(
        x=x, y=alt.Y("n:Q", title=ui("entities", lang), axis=alt.Axis(tickMinStep=1)),
        color=alt.Color("group:N", title=ui("kind", lang)),
        tooltip=[alt.Tooltip("year:Q", format=YEAR_FORMAT, title=ui("year", lang)), "group:N", "n:Q"],
    ).properties(height=height)
