"""Search that forgives: any word order, partial names, pinyin and its initials, cities too, and one
result per real place (a place that is both a platform and a park is listed once).

A query is cut at spaces; a piece matches a name when it is contained in the name's searchable text
(Chinese, English, pinyin, initials), or, for a Chinese piece, when it can be cut into parts of at
least two characters that each are ("亦庄永清" → 亦庄 + 永清 in 北京亦庄·永清高新技术产业开发区).
"""

from __future__ import annotations

import re

import geopandas as gpd
import pandas as pd

from geo import boundaries, filters, registry

CITY_PREFIX = "city:"  # ids of city results: "city:130600"
_CJK = re.compile(r"[\u4e00-\u9fff]")


def _pieces(query: str) -> list[str]:
    return [p for p in re.split(r"\s+", (query or "").strip().lower()) if p]


def _covered(piece: str, text: str) -> bool:
    """``piece`` is in ``text``, or (Chinese) cut into parts of two or more characters that all are."""
    if piece in text:
        return True
    if len(piece) < 4 or not _CJK.search(piece):
        return False
    for cut in range(len(piece) - 2, 1, -1):  # the longest head first
        if piece[:cut] in text and _covered(piece[cut:], text):
            return True
    return False


def matches(query: str, text: str) -> bool:
    """Every piece of ``query`` is found in ``text`` (lower-case searchable text), in any order."""
    pieces = _pieces(query)
    return bool(pieces) and all(_covered(p, text) for p in pieces)


def _hits(query: str, names_zh, names_en) -> list[bool]:
    return [matches(query, filters._searchable(zh, en)) for zh, en in zip(names_zh, names_en)]


def one_per_place(found: pd.DataFrame) -> pd.DataFrame:
    """The first row of each real place: the same Chinese name at the same point (platform before park)."""
    key = found["name_zh"].astype(str) + "@" + found.geometry.map(lambda g: g.wkt if g is not None else "")
    return found[~key.duplicated()]


def find_places(query: str) -> gpd.GeoDataFrame:
    """Platforms, parks (one per place), then cities matching ``query``; a city's id is ``city:<code>``
    and its point the city's inner point."""
    entities = registry.entities()
    if not _pieces(query):
        return entities.iloc[0:0]
    index = filters._search_index(filters._workspace_key()).set_index("id")["text"]
    hit = entities["id"].map(lambda i: matches(query, index.get(i, "")))
    found = one_per_place(entities[hit.astype(bool)])
    cities = boundaries.cities()
    chosen = cities[_hits(query, cities["name_zh"], cities["name_en"])]
    city_rows = gpd.GeoDataFrame({
        "id": CITY_PREFIX + chosen["code"], "kind": "city", "name_zh": chosen["name_zh"],
        "name_en": chosen["name_en"], "city_code": chosen["code"]},
        geometry=chosen.geometry.representative_point().values, crs=entities.crs)
    return pd.concat([found, city_rows], ignore_index=True) if len(city_rows) else found


def search_table(table: pd.DataFrame, query: str) -> pd.DataFrame:
    """Rows of ``table`` (name_zh, name_en) matching ``query`` as ``matches`` says; all if empty."""
    if not _pieces(query):
        return table
    return table[_hits(query, table["name_zh"], table["name_en"])]
