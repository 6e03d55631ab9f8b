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
    """Class of each value (-1 = no data), upper bounds, a colour per class, and per class the
    smallest and largest value it holds and how many (what the legend states)."""

    labels: np.ndarray
    upper_bounds: tuple[float, ...]
    lower_bound: float | None
    colours: tuple[str, ...]
    members: tuple[tuple[float, float, int], ...] = ()

    def colour_of(self, label: int) -> str:
        return NO_DATA_FILL if label < 0 else self.colours[label]

    def range_labels(self, unit: str = "", count: str = "({n})") -> list[str]:
        """'low – high unit (n)' per class from the values it holds; one value is written once;
        ``count`` says how many cities the class holds (e.g. ui('class_count'))."""
        suffix = f" {unit}" if unit else ""
        return [(f"{_fmt(lo)}{suffix}" if lo == hi else f"{_fmt(lo)} – {_fmt(hi)}{suffix}") + " " + count.format(n=n)
                for lo, hi, n in self.members]


def classify(values: pd.Series, scheme: str = "quantiles", k: int = 5) -> Classes:
    """Classes for the non-missing values; k shrinks to the number of distinct values."""
    if scheme not in SCHEMES:
        raise ValueError(f"unknown classification {scheme!r}; choose one of {sorted(SCHEMES)}")
    present = values.dropna().astype(float)
    labels = np.full(len(values), -1)
    distinct = present.nunique()
    if distinct == 0:
        return Classes(labels, (), None, ())
    k = max(1, min(k, distinct, len(PALETTE)))  # never more classes than distinct values
    if k == 1:
        labels[values.notna().to_numpy()] = 0
        members = ((float(present.min()), float(present.max()), len(present)),)
        return Classes(labels, (float(present.max()),), float(present.min()), (PALETTE[-1],), members)
    result = SCHEMES[scheme](present.to_numpy(), k=k)
    # Ties can leave a class empty (quantiles of few values): keep only classes that hold a value.
    used = sorted(set(int(c) for c in result.yb))
    renumber = {old: new for new, old in enumerate(used)}
    classes_of = np.array([renumber[int(c)] for c in result.yb])
    labels[values.notna().to_numpy()] = classes_of
    held = present.to_numpy()
    members = tuple((float(held[classes_of == c].min()), float(held[classes_of == c].max()),
                     int((classes_of == c).sum())) for c in range(len(used)))
    bins = tuple(float(result.bins[old]) for old in used)
    n = len(bins)
    colours = tuple(PALETTE[round(i * (len(PALETTE) - 1) / (n - 1))] for i in range(n)) if n > 1 else (PALETTE[-1],)
    return Classes(labels, bins, float(present.min()), colours, members)


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:,.2f}".rstrip("0").rstrip(".")


def legend_rows(classes: Classes, unit: str, no_data_label: str, count: str = "({n})") -> str:
    """HTML rows: one swatch per class with the values it holds (lowest – highest, unit, how many
    cities), then the 'no data' class."""
    rows = [_row(f"background:{colour}", text)
            for text, colour in zip(classes.range_labels(unit, count), classes.colours)]
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


def colour_cities(values: pd.DataFrame, scheme: str, label: str, unit: str, no_data_label: str,
                  count: str = "({n})") -> CityColouring:
    """Classify ``values`` (columns code, value) and colour each city; 'no data' cities get the grey class."""
    classes = classify(values["value"], scheme)
    fills, tips = {}, {}
    for class_label, (_, row) in zip(classes.labels, values.iterrows()):
        fills[row["code"]] = classes.colour_of(int(class_label))
        shown = no_data_label if pd.isna(row["value"]) else f"{_fmt(float(row['value']))} {unit}"
        tips[row["code"]] = f"{label}: {shown}"
    return CityColouring(fills, tips, legend_rows(classes, unit, no_data_label, count), classes)
