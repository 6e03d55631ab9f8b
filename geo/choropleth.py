"""Classify a value per city (mapclassify) and colour it, with a distinct 'no data' class."""

from __future__ import annotations

import html
from dataclasses import dataclass

import mapclassify
import numpy as np
import pandas as pd

from geo.vocab import CHOROPLETH_PALETTE, INK, NO_DATA_FILL

SCHEMES = {
    "quantiles": mapclassify.Quantiles,
    "natural_breaks": mapclassify.FisherJenks,
    "equal_interval": mapclassify.EqualInterval,
}
# Sequential, colour-blind safe (ColorBrewer YlGnBu, 5 classes).
PALETTE = CHOROPLETH_PALETTE


@dataclass(frozen=True)
class Classes:
    """Class of each value (-1 = no data), upper bounds, and a colour per class."""

    labels: np.ndarray
    upper_bounds: tuple[float, ...]
    lower_bound: float | None
    colours: tuple[str, ...]

    def colour_of(self, label: int) -> str:
        return NO_DATA_FILL if label < 0 else self.colours[label]


def classify(values: pd.Series, scheme: str = "quantiles", k: int = 5) -> Classes:
    """Classes for the non-missing values; k shrinks to the number of distinct values."""
    if scheme not in SCHEMES:
        raise ValueError(f"unknown classification {scheme!r}; choose one of {sorted(SCHEMES)}")
    present = values.dropna().astype(float)
    labels = np.full(len(values), -1)
    distinct = present.nunique()
    if distinct == 0:
        return Classes(labels, (), None, ())
    k = max(1, min(k, distinct, len(PALETTE)))
    if k == 1:
        labels[values.notna().to_numpy()] = 0
        return Classes(labels, (float(present.max()),), float(present.min()), (PALETTE[-1],))
    result = SCHEMES[scheme](present.to_numpy(), k=k)
    labels[values.notna().to_numpy()] = result.yb
    bins = tuple(float(b) for b in result.bins)
    colours = tuple(PALETTE[round(i * (len(PALETTE) - 1) / (len(bins) - 1))] for i in range(len(bins)))
    return Classes(labels, bins, float(present.min()), colours)


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:,.2f}".rstrip("0").rstrip(".")


def legend_rows(classes: Classes, unit: str, no_data_label: str) -> str:
    """HTML rows: one swatch per class with its range and unit, then the 'no data' class."""
    rows, lower = [], classes.lower_bound
    for upper, colour in zip(classes.upper_bounds, classes.colours):
        text = f"{_fmt(lower)} – {_fmt(upper)} {unit}" if lower is not None else f"≤ {_fmt(upper)} {unit}"
        rows.append(_row(f"background:{colour}", text))
        lower = upper
    rows.append(_row(f"background:{NO_DATA_FILL}", no_data_label))
    return "".join(rows)


def _row(swatch_css: str, label: str) -> str:
    return (f'<div style="display:flex;align-items:center;gap:6px">'
            f'<span style="display:inline-block;width:22px;height:12px;border:1px solid {INK["frame"]};'
            f'{swatch_css}"></span>'
            f"<span>{html.escape(label)}</span></div>")


@dataclass(frozen=True)
class CityColouring:
    """Fill per city code, a plain-text tooltip line per city, and the legend rows (HTML)."""

    fills: dict[str, str]
    tips: dict[str, str]
    legend_html: str
    classes: Classes


def colour_cities(values: pd.DataFrame, scheme: str, label: str, unit: str, no_data_label: str) -> CityColouring:
    """Classify ``values`` (columns code, value) and colour each city; 'no data' cities get the grey class."""
    classes = classify(values["value"], scheme)
    fills, tips = {}, {}
    for class_label, (_, row) in zip(classes.labels, values.iterrows()):
        fills[row["code"]] = classes.colour_of(int(class_label))
        shown = no_data_label if pd.isna(row["value"]) else f"{_fmt(float(row['value']))} {unit}"
        tips[row["code"]] = f"{label}: {shown}"
    return CityColouring(fills, tips, legend_rows(classes, unit, no_data_label), classes)
