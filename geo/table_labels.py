"""Tables as users read them: headings and value codes through the vocabulary (issue #15).

A page shows a table through ``readable(frame, lang)``: every column heading becomes its label in
``geo.vocab.COLUMNS``, coded values (precision, status, edition, system …) their labels, and in English
the industry terms and units their English. Downloads keep the ids; only the display changes.
"""

from __future__ import annotations

import pandas as pd

from geo.vocab import (
    AXIS_KINDS,
    COLUMNS,
    CONFIDENCE,
    CORRIDOR_STATUSES,
    EDITIONS,
    FIGURE_BASES,
    HUB_KINDS,
    INDICATORS,
    LAYERS,
    LINE_KINDS,
    MODES,
    PLATFORM_SYSTEMS,
    PLATFORM_TYPES,
    POLICY_AREA_ROLES,
    PRECISIONS,
    UI,
    YEAR_KINDS,
    Term,
    industries_label,
    ui,
    unit_label,
)

_KINDS: dict[str, Term] = {**LINE_KINDS, **HUB_KINDS, **AXIS_KINDS, "platform": UI["kind_platform"],
                           "park": UI["kind_park"], "policy_area": UI["policy_areas"]}
_ROLES: dict[str, Term] = {r: LAYERS[r].term for r in POLICY_AREA_ROLES}
# Columns whose values are codes, and the labels of their codes (";" separates several codes).
CODED: dict[str, dict[str, Term]] = {
    "precision": PRECISIONS,
    "status": CORRIDOR_STATUSES,
    "edition": EDITIONS,
    "system": PLATFORM_SYSTEMS,
    "systems": PLATFORM_SYSTEMS,
    "platform_type": {**PLATFORM_TYPES, **_ROLES},
    "role": _ROLES,
    "confidence": CONFIDENCE,
    "year_kind": YEAR_KINDS,
    "modes": MODES,
    "kind": _KINDS,
    "entity_kind": _KINDS,
    "indicator": {k: i.term for k, i in INDICATORS.items()},
}
UNIT_COLUMNS = ("unit", "investment_unit")


def code_label(column: str, value: object, lang: str) -> object:
    """A coded cell as its label(s); a value that is not a known code stays as it is."""
    codes = CODED[column]
    if not isinstance(value, str) or not value:
        return value
    parts = [p.strip() for p in value.split(";")]
    if not all(p in codes for p in parts):
        return value
    return "; ".join(codes[p](lang) for p in parts)


def basis_label(value: object, lang: str) -> object:
    """A figure's basis ("signed, cumulative") word by word; an unknown word leaves it as it is."""
    if not isinstance(value, str) or not value:
        return value
    words = [w.strip() for w in value.split(",")]
    if not all(w in FIGURE_BASES for w in words):
        return value
    return ui("list_sep", lang).join(FIGURE_BASES[w](lang) for w in words)


def heading(column: object, lang: str) -> object:
    """The vocabulary label of a column id (a label or a year stays as it is)."""
    return COLUMNS[column](lang) if isinstance(column, str) and column in COLUMNS else column


def readable(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """``frame`` with labelled headings (and index name) and coded values as labels."""
    out = frame.copy()
    for column in out.columns:
        if column in CODED:
            out[column] = out[column].map(lambda v, c=column: code_label(c, v, lang))
        elif column == "basis":
            out[column] = out[column].map(lambda v: basis_label(v, lang))
        elif column == "industries":
            out[column] = out[column].map(lambda v: industries_label(v, lang) if isinstance(v, str) else v)
        elif column in UNIT_COLUMNS:
            out[column] = out[column].map(lambda v: unit_label(v, lang) if isinstance(v, str) else v)
    out = out.rename(columns=lambda c: heading(c, lang))
    if out.index.name is not None:
        out.index.name = heading(out.index.name, lang)
    return out
