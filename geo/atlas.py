"""Decks in one go: an atlas of one map per city, platform type, platform system or industry.

``build(state, each)`` gives one PPTX (a title slide, one map slide per item with its title,
subtitle and caption as editable text boxes and its sources with links in the notes, and closing
sources slides) and the same as one multi-page PDF (matplotlib ``PdfPages``, TrueType text). Each
item's map is drawn once: the PDF page is the figure, the slide's picture is that figure's PNG
without its title band (the slide's own text box is the only title).

    python -m geo.snapshot --each city --format pptx --out atlas.pptx
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

import pandas as pd
from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure

from geo import (
    boundaries,
    captions,
    datasets,
    filters,
    indicators,
    pdffont,
    slide,
    snapshot,
    sources,
    textsafe,
    vocab,
)
from geo.vocab import (
    INDICATORS,
    INK,
    OVERLAYS,
    PLATFORM_SYMBOLS,
    PLATFORM_SYSTEMS,
    PLATFORM_TYPES,
    TYPE_FILTER_VALUES,
    ui,
)

EACH = ("city", "type", "system", "industry")
CITY_INDICATORS = ("gdp", "population", "gdp_per_capita")
CITY_MARGIN = 0.08  # share of a city's size shown around it


@dataclass(frozen=True)
class Item:
    """One atlas page: its title, the view it shows and, for a system, its own platform filter."""

    key: str
    title: str
    state: filters.ViewState
    bounds: tuple[float, float, float, float] | None = None
    system: str | None = None
    city: str | None = None


def _city_bounds(code: str) -> tuple[float, float, float, float]:
    city = boundaries.cities().set_index("code").loc[code]
    west, south, east, north = city.geometry.bounds
    dx, dy = (east - west) * CITY_MARGIN, (north - south) * CITY_MARGIN
    return west - dx, south - dy, east + dx, north + dy


def items(state: filters.ViewState, each: str) -> list[Item]:
    """The pages of an atlas ``each`` city, type, system or industry, each a variation of ``state``."""
    lang = state.lang
    key = "name_en" if lang == "en" else "name_zh"
    if each == "city":
        return [Item(code, name, state.with_(cities=(code,), city=code), _city_bounds(code), city=code)
                for code, name in zip(boundaries.cities()["code"], boundaries.cities()[key])]
    if each == "type":
        types = [t for t in TYPE_FILTER_VALUES if t in PLATFORM_TYPES or t == "untyped"]
        return [Item(t, PLATFORM_TYPES[t](lang) if t in PLATFORM_TYPES else PLATFORM_SYMBOLS[t].term(lang),
                     state.with_(types=(t,))) for t in types]
    if each == "system":
        return [Item(s, term(lang), state, system=s) for s, term in PLATFORM_SYSTEMS.items()]
    if each == "industry":
        return [Item(name, name, state.with_(industries=(name,))) for name in filters.industries()]
    raise ValueError(f"--each {each!r}: choose one of {', '.join(EACH)}")


def item_layers(item: Item) -> filters.Layers:
    """What an item's page draws: its view's layers; for a system, only that system's platforms."""
    layers = filters.visible_layers(item.state)
    if item.system is None:
        return layers
    systems = layers.platforms["systems"].fillna("").astype(str).str.split(";")
    member = systems.map(lambda s: item.system in s)
    # Parks, their flows and the relocation projects belong to no platform system: not on its page.
    return layers.replace(platforms=layers.platforms[member], parks=layers.parks.iloc[0:0],
                          flows=layers.flows.iloc[0:0], project=layers.project.iloc[0:0])


def _number(value: float) -> str:
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:,.1f}"


def city_indicator_words(code: str, lang: str, data: pd.DataFrame | None = None) -> str:
    """'地区生产总值 3,880 亿元（2023 年） · …' from the shipped indicators, each with its own year."""
    data = _shown_indicators() if data is None else data
    profile = indicators.city_profile(data, code, CITY_INDICATORS)
    words = [ui("indicator_words", lang).format(name=INDICATORS[row.indicator].term(lang), value=_number(row.value),
                                                unit=row.unit, year=int(row.year))
             for row in profile.itertuples() if pd.notna(row.value)]
    return captions.SEPARATOR.join(words) or ui("no_indicators", lang)


def caption(item: Item, layers: filters.Layers, lang: str) -> str:
    """'承接平台 3 个 · 共建园区 2 个', and for a city its core indicators with their years."""
    counts = layers.counts()
    words = [ui("count_words", lang).format(name=OVERLAYS[o](lang), n=counts[o]) for o in ("platforms", "parks")
             if o in item.state.overlays and not (item.system and o == "parks")]
    if item.city:
        words.append(city_indicator_words(item.city, lang))
    return captions.SEPARATOR.join(words)


# --- building -----------------------------------------------------------------------------------

@dataclass
class Atlas:
    """The files of an atlas: PPTX and PDF bytes (only those asked for), and its page count."""

    files: dict[str, bytes]
    pages: int


def _characters(item_list, lang: str) -> str:
    """Every character an atlas can draw, so that one TrueType subset serves all its PDF pages."""
    texts = [pdffont.ALWAYS, *_vocabulary_texts()]
    for level in ("provinces", "cities", "counties"):
        frame = boundaries.load_level(level)
        texts += list(frame["name_zh"]) + list(frame["name_en"])
    texts += [sources.label(record, lang) for record in sources.records().values()]  # the source lines
    for table in ("platforms", "parks", "projects", "lines", "stations", "hubs", "axes", "indicators"):
        try:
            frame = datasets.load(table)
        except (KeyError, ValueError, FileNotFoundError):
            continue
        for column in frame.columns:
            if frame[column].dtype == object:
                texts += [str(v) for v in frame[column].dropna().unique()]
    texts += [i.title for i in item_list]
    return "".join(sorted(set("".join(texts)) - {"\n", "\r"}))


def _vocabulary_texts() -> list[str]:
    """Every string of geo.vocab, both languages (terms, symbols, styles, indicators)."""
    out = []

    def walk(value):
        if isinstance(value, str):
            out.append(value)
        elif isinstance(value, dict):
            for k, v in value.items():
                walk(k)
                walk(v)
        elif isinstance(value, list | tuple):
            for v in value:
                walk(v)
        elif hasattr(value, "__dataclass_fields__"):
            for name in value.__dataclass_fields__:
                walk(getattr(value, name))

    for name in dir(vocab):
        if name.isupper():
            walk(getattr(vocab, name))
    return out


def _title_band(fig: Figure) -> float:
    """The share of the figure's height above its highest axes (title and subtitle), cropped on a slide."""
    return max(0.0, 1 - max(ax.get_position().y1 for ax in fig.axes) - 0.02)


def _sources_figure(lines: list[str], title: str, size: tuple[int, int], dpi: float) -> list[Figure]:
    per_page = 34
    figures = []
    for start in range(0, max(len(lines), 1), per_page):
        fig = Figure(figsize=(size[0] / dpi, size[1] / dpi), dpi=dpi)
        fig.text(0.03, 0.95, title, fontsize=20, va="top")
        page = lines[start:start + per_page]
        body = "\n".join(textsafe.figure_text(snapshot._wrap(line, 150, 1)) for line in page)
        fig.text(0.03, 0.88, body, fontsize=8.5, va="top", linespacing=1.35)
        figures.append(fig)
    return figures


def _title_figure(title: str, subtitle: str, note: str, size, dpi) -> Figure:
    fig = Figure(figsize=(size[0] / dpi, size[1] / dpi), dpi=dpi)
    fig.text(0.06, 0.6, textsafe.figure_text(title), fontsize=30, va="bottom")
    fig.text(0.06, 0.54, textsafe.figure_text(subtitle), fontsize=16, color=INK["note"], va="top")
    if note:
        fig.text(0.06, 0.08, textsafe.figure_text(note), fontsize=11, color=INK["warning"])
    return fig


def build(state: filters.ViewState, each: str, formats=("pptx", "pdf"), *, title: str | None = None,
          preset: str = "1920x1080", size=None, approval_no: str = "", today: dt.date | None = None) -> Atlas:
    """An atlas of ``state`` ``each`` city/type/system/industry as PPTX and/or PDF bytes."""
    unknown = [f for f in formats if f not in ("pptx", "pdf")]
    if unknown:
        raise ValueError(f"an atlas is written as pptx or pdf, not {unknown[0]!r}")
    lang = state.lang
    pages = items(state, each)
    title = title or f"{snapshot.default_title(state)} · {ui(f'atlas_each_{each}', lang)}"
    today = today or dt.date.today()
    intro = captions.SEPARATOR.join([captions.filter_words(state), ui("atlas_slides", lang).format(n=len(pages)),
                                     today.isoformat()])
    note = "" if approval_no.strip() else ui("not_approved", lang)
    deck = slide.Deck(lang) if "pptx" in formats else None
    if deck:
        deck.title_slide(title, intro, note)
    pdf_buffer = io.BytesIO() if "pdf" in formats else None
    all_sources: dict[str, str] = {}  # label (geo.sources) -> its address
    chars = _characters(pages, lang) if pdf_buffer else ""
    pdf = PdfPages(pdf_buffer, metadata={"Title": title}) if pdf_buffer else None
    size_px = snapshot.pixel_size(snapshot.CUSTOM if size else preset, size)
    try:
        with snapshot._style():
            if pdf:
                _save_page(pdf, _title_figure(title, intro, note, size_px, 144), chars)
            for item in pages:
                layers = item_layers(item)
                words = caption(item, layers, lang)
                subtitle = captions.filter_words(item.state)
                snap = snapshot.render(item.state, title=item.title, subtitle=f"{subtitle} · {words}", preset=preset,
                                       size=size, bounds=item.bounds, approval_no=approval_no, today=today,
                                       layers=layers)
                pairs = list(zip(snap.sources, snap.source_urls or [""] * len(snap.sources)))
                all_sources.update({t: u for t, u in pairs if not all_sources.get(t)})
                if deck:
                    png = io.BytesIO()
                    snap.figure.savefig(png, format="png", dpi=snap.dpi)
                    deck.map_slide(png.getvalue(), item.title, subtitle, words, crop_top=_title_band(snap.figure),
                                   notes=[f"{ui('snapshot_sources', lang)}:", *captions.source_list_lines(pairs)])
                if pdf:
                    _save_page(pdf, snap.figure, chars)
                snap.figure.clear()
            lines = captions.source_list_lines(list(all_sources.items()))
            if deck:
                deck.sources_slides(lines)
            if pdf:
                for fig in _sources_figure(lines, ui("atlas_sources", lang), size_px, 144):
                    _save_page(pdf, fig, chars)
                with pdffont.type42_for(chars, snapshot.font_path()):
                    pdf.close()  # the fonts are written now: within the TrueType settings too
                pdf = None
    finally:
        if pdf:
            pdf.close()
    files = {}
    if deck:
        files["pptx"] = deck.bytes()
    if pdf_buffer:
        files["pdf"] = pdf_buffer.getvalue()
    return Atlas({f: files[f] for f in formats}, len(pages))


def _save_page(pdf: PdfPages, fig: Figure, chars: str) -> None:
    """One PDF page in TrueType; a page drawing a character outside the atlas's subset gets its own."""
    if set(pdffont.used_characters([fig])) - set(chars):
        with pdffont.type42([fig], snapshot.font_path()):
            pdf.savefig(fig)
        return
    with pdffont.type42_for(chars, snapshot.font_path()):
        pdf.savefig(fig)


def _shown_indicators():
    """The indicators of the run: shipped, or with the open workspace's in its curated / mine / both mode."""
    from geo.workspace import active  # geo.workspace imports geo.registry, as this module does
    return active.shown_indicators(datasets.load("indicators"))
