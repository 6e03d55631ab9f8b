"""A shown row's sources: the curated ones as their records show them, and a workspace's as its team wrote it.

A shipped row cites ``source_title`` / ``source_url`` (looked up in data/sources.csv; a title without a
record is cleaned of the curators' asides by ``geo.sources.clean_title``). A workspace's own row
(``values_from`` = workspace) cites the team's source in the same columns, and a row merged with a
curated entity (``values_from`` = workspace+curated, ``geo.workspace.frames.merge_with_curated``)
keeps the curated source there and the workspace's in ``WORKSPACE_SOURCE_COLUMNS``. A workspace's
source is never cleaned or split: it is shown exactly as uploaded (escaped where it meets HTML),
labelled with the workspace's name, next to the curated ones. Cards, the pages' tables and the
data exports read it from here.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import pandas as pd

from geo import sources
from geo.vocab import ui

WORKSPACE_SOURCE_COLUMNS = ("workspace_source_title", "workspace_source_url")


@dataclass(frozen=True)
class RowSources:
    """The curated (title, url) of a row and the workspace's source as written, each possibly empty."""

    curated_title: str | None
    curated_url: str | None
    workspace_title: str | None
    workspace_url: str | None
    workspace_name: str | None

    @property
    def from_workspace(self) -> bool:
        return bool(self.workspace_title or self.workspace_url)


def _text(value) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def split(row) -> RowSources:
    """Where a row's sources come from (``row``: a dict or a Series with the entity columns)."""
    get = row.get
    came_from, name = get("values_from"), _text(get("workspace"))
    if came_from == "workspace":
        return RowSources(None, None, _text(get("source_title")), _text(get("source_url")), name)
    if came_from == "workspace+curated":
        return RowSources(_text(get("source_title")), _text(get("source_url")),
                          _text(get(WORKSPACE_SOURCE_COLUMNS[0])), _text(get(WORKSPACE_SOURCE_COLUMNS[1])), name)
    return RowSources(_text(get("source_title")), _text(get("source_url")), None, None, None)


def _workspace_label(parts: RowSources, lang: str) -> str:
    """"Workspace “X”'s source: <as written>" (the name and the text as uploaded, not escaped here)."""
    return ui("ws_source_as_written", lang).format(name=parts.workspace_name or "",
                                                  source=parts.workspace_title or parts.workspace_url or "")


def html_block(row, lang: str) -> str:
    """The card's source block: the curated sources ("outlet, date, title", link beside), then the
    workspace's as written and labelled, every text escaped."""
    parts = split(row)
    items = [_item_html(item["text"], item["url"]) for item in
             sources.render(sources.lookup(parts.curated_title, parts.curated_url), lang)]
    if parts.from_workspace:
        items.append(_item_html(_workspace_label(parts, lang), parts.workspace_url or ""))
    return (f"<i>{html.escape(ui('source', lang))}:</i>"
            f"<ul style='margin:2px 0 0 16px;padding:0'>{''.join(items)}</ul>")


def _item_html(text: str, url: str) -> str:
    link = ""
    if url and url.startswith(("http://", "https://")):
        link = (f' <a href="{html.escape(url)}" target="_blank" rel="noopener noreferrer">'
                f'{html.escape(sources.host(url) or url)}</a>')
    elif url:
        link = " " + html.escape(url)
    return f"<li>{html.escape(text)}{link}</li>"


def label(row, lang: str) -> str:
    """A row's sources as one line for the pages' tables: the curated labels, then the workspace's
    as written and labelled (plain text: the table shows it as text)."""
    parts = split(row)
    texts = [sources.label(s, lang) for s in sources.lookup(parts.curated_title, parts.curated_url)]
    if parts.from_workspace:
        texts.append(_workspace_label(parts, lang))
    return "; ".join(texts)


def labels(frame: pd.DataFrame, lang: str) -> list[str]:
    """``label`` of every row of ``frame``."""
    return [label(row, lang) for row in frame.to_dict("records")]


def link(row) -> str:
    """The address a table shows beside the sources: the curated row's, else the workspace's."""
    parts = split(row)
    return parts.curated_url or parts.workspace_url or ""


def records(frame: pd.DataFrame, lang: str) -> list[sources.Source]:
    """Every source the rows of ``frame`` cite, as records for a picture's or slide's source list: the
    curated ones looked up, each workspace source as uploaded under its label (never graded or cleaned)."""
    urls = frame["source_url"] if "source_url" in frame else [None] * len(frame)
    if "values_from" not in frame or not (frame["values_from"].astype(str).str.startswith("workspace")).any():
        return [r for t, u in zip(frame["source_title"], urls) for r in sources.lookup(t, u)]
    found = []
    for row in frame.drop(columns=frame.geometry.name if hasattr(frame, "geometry") else []).to_dict("records"):
        parts = split(row)
        found += sources.lookup(parts.curated_title, parts.curated_url)
        if parts.from_workspace:
            text, url = _workspace_label(parts, lang), parts.workspace_url or ""
            key = "ws_" + sources.key_of(text, url)
            found.append(sources.Source(key, text, "", "", url, grade=""))
    return found
