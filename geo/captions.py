"""Words for a map: the active filters as a subtitle, counts, and every source with its link.

``filter_words(state)`` says what the view is filtered to ("河北省 · 协同创新平台 · 截至 2020 年"),
``source_pairs(frames)`` lists each distinct source title with the link its row gives beside it, and
``source_list_lines`` writes them for slide notes and a closing sources slide (an atlas writes the
labels ``geo.sources`` renders, each with its address).
"""

from __future__ import annotations

import pandas as pd

from geo import boundaries, filters
from geo.vocab import (
    CORRIDOR_STATUSES,
    LAYERS,
    MODES,
    OVERLAYS,
    PLATFORM_SYMBOLS,
    PLATFORM_TYPES,
    industry_label,
    ui,
)

SEPARATOR = " · "


def _names(level: str, codes, lang: str) -> list[str]:
    table = boundaries.load_level(level).set_index("code")
    key = "name_en" if lang == "en" else "name_zh"
    return [table.at[c, key] for c in codes if c in table.index]


def _type_name(value: str, lang: str) -> str:
    if value in PLATFORM_TYPES:
        return PLATFORM_TYPES[value](lang)
    if value in LAYERS:
        return LAYERS[value].term(lang)
    return PLATFORM_SYMBOLS[value].term(lang) if value in PLATFORM_SYMBOLS else value


def filter_words(state: filters.ViewState) -> str:
    """The active filters in words, most telling first; the whole region when nothing is filtered."""
    lang, sep = state.lang, ui("list_sep", state.lang)
    parts = []
    places = _names("cities", state.cities, lang) or _names("provinces", state.provinces, lang)
    parts.append(sep.join(places) if places else ui("whole_region", lang))
    if state.types is not None:
        parts.append(sep.join(_type_name(t, lang) for t in state.types) if state.types else ui("no_types", lang))
    if state.industries:
        names = sep.join(industry_label(i, lang) for i in state.industries)
        parts.append(ui("industry_words", lang).format(names=names))
    if state.modes:
        parts.append(sep.join(MODES[m](lang) for m in state.modes if m in MODES))
    if state.statuses:
        parts.append(sep.join(CORRIDOR_STATUSES[s](lang) for s in state.statuses if s in CORRIDOR_STATUSES))
    if state.as_of is not None:
        year = ui("as_of_year", lang).format(year=state.as_of)
        parts.append(year if state.include_undated else f"{year}（{ui('undated_excluded', lang)}）"
                     if lang != "en" else f"{year} ({ui('undated_excluded', lang)})")
    return SEPARATOR.join(parts)


def count_words(state: filters.ViewState, counts: dict[str, int],
                layers=("platforms", "parks", "policy_areas", "lines")) -> str:
    """'承接平台 8 个 · 共建园区 20 个' for the shown layers that have something drawn."""
    return SEPARATOR.join(ui("count_words", state.lang).format(name=OVERLAYS[o](state.lang), n=counts[o])
                          for o in layers if o in state.overlays and counts.get(o))


def subtitle(state: filters.ViewState, counts: dict[str, int]) -> str:
    """The filters in words, then the platforms, parks and policy areas drawn, with their counts."""
    return SEPARATOR.join(p for p in (filter_words(state), count_words(state, counts)) if p)


def _split(value) -> list[str]:
    return [v.strip() for v in value.split(";") if v.strip()] if isinstance(value, str) else []


def source_pairs(frames, extra_titles=()) -> list[tuple[str, str]]:
    """Every distinct (source title, link) of the rows of ``frames``; a link is '' when none is given.

    A row's titles and links are paired in order ("a; b" with "u; v" gives a–u and b–v); a link
    that is not http(s) is left out. ``extra_titles`` (the boundaries, an indicator's sources) come first.
    """
    pairs: dict[str, str] = {t: "" for t in extra_titles}
    for frame in frames:
        if not isinstance(frame, pd.DataFrame) or "source_title" not in frame or not len(frame):
            continue
        urls = frame["source_url"] if "source_url" in frame else pd.Series(None, index=frame.index)
        for titles, links in zip(frame["source_title"], urls):
            links = [u for u in _split(links) if u.startswith(("http://", "https://"))]
            for i, title in enumerate(_split(titles)):
                link = links[i] if i < len(links) else ""
                if not pairs.get(title):
                    pairs[title] = link
    return list(pairs.items())


def source_list_lines(pairs: list[tuple[str, str]]) -> list[str]:
    """'• title — link' per source (the link beside its title), for notes and the sources slide."""
    return [f"• {title} — {link}" if link else f"• {title}" for title, link in pairs]

