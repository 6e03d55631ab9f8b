"""Streamlit's own interface text in the app's language.

Streamlit 1.67 has no translations. Widget parameters come first (``placeholder=``, a multiselect's
``select_all=False``: an empty choice already means all). What no parameter reaches is replaced in
Chinese by a style sheet on Streamlit's stable ``data-testid``/``aria-*`` attributes that hides
Streamlit's words and shows the vocabulary's (``::after``); the widgets work as before. English keeps
Streamlit's own words. Replaced: the file uploader's "Upload" button, its "5MB per file" line and its
error tooltips ("File must be 5.0MB or smaller.", "… files are not allowed."), a filtered drop-down's
"No results", a text or number input's "Press Enter to apply", a number input's out-of-range error,
the tooltips of the table and chart toolbars, the table's column menu ("Select all", "(index)") and the
"Skip to main content" link. What a style sheet cannot reach is listed in docs/architecture.md
("Streamlit's own words").
"""

from __future__ import annotations

import streamlit as st

from geo import limits
from geo.vocab import ui

_ZONE = '[data-testid="stFileUploaderDropzone"]'
_NOTE = '[data-testid="stFileUploaderDropzoneInstructions"]'
_ERROR_TARGET = '[data-testid="stTooltipErrorHoverTarget"]'
_ERROR_CHIP = '[data-testid="stFileChip"][aria-invalid="true"]'
_CHIP_NAME = '[data-testid="stFileChipName"]'
_EMPTY_LIST = (':is([data-testid="stSelectboxVirtualDropdown"],[data-testid="stMultiSelectDropdown"])'
               ' [role="listbox"][data-empty="true"] [role="option"] > span')
# Streamlit leaves the hint's box in place, empty, once the value is applied: only a box with words is replaced.
_INSTRUCTIONS = (':is([data-testid="stTextInput"],[data-testid="stNumberInput"])'
                 ' [data-testid="InputInstructions"]:has(> span)')
_COLUMN_MENU = '[data-testid="stDataFrameColumnVisibilityMenu"]'
# A toolbar button's aria-label (Streamlit's English) and the vocabulary key of its tooltip.
TOOLBAR_TIPS = {
    "Show/hide columns": "st_tip_columns",
    "Download as CSV": "st_tip_download_csv",
    "Search": "st_tip_search",
    "Fullscreen": "st_tip_fullscreen",
    "Close fullscreen": "st_tip_close_fullscreen",
    "Show data": "st_tip_show_data",
    "Show chart": "st_tip_show_chart",
    "Download as PNG": "st_tip_download_png",
    "Copy Vega-Lite spec": "st_tip_copy_spec",
}
# Streamlit's drop-down text size (theme fontSizes.sm); its "No results" is a bare text node, so the
# English is hidden with font-size 0 and the replacement needs the size back.
_SMALL_TEXT = "font-size:0.875rem;line-height:1.6"


def css_string(text: str) -> str:
    """``text`` as a CSS string literal (quotes, backslashes and line breaks escaped)."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\A ").replace("<", "\\3C ")
    return f'"{escaped}"'


def _replace_children(host: str, text: str, children: str = "> *") -> list[str]:
    """Hide ``host``'s children and show ``text`` after them, in the host's own style."""
    return [f"{host} {children}{{display:none}}", f"{host}::after{{content:{css_string(text)}}}"]


def _replace_text_node(element: str, text: str, style: str = "") -> list[str]:
    """Hide the bare text of ``element`` (font-size 0) and show ``text`` after it, sized by ``style``."""
    return [f"{element}{{font-size:0}}", f"{element}::after{{content:{css_string(text)};{style}}}"]


def _type_list(types: list[str], lang: str) -> str:
    return ui("list_sep", lang).join(t.upper() for t in types)


def _below_limit_sizes() -> str:
    """Streamlit's labels of sizes under the upload limit (``big.csv, 4.9MB``; bytes and KB end otherwise):
    a chip showing one of them failed for another reason (the network) and keeps Streamlit's message."""
    tenths = range(limits.MAX_UPLOAD_MB * 10)
    return ",".join(f'[aria-label$=", {t // 10}.{t % 10}MB"]' for t in tenths)


def _uploader_error_css(key: str, types: list[str], lang: str) -> list[str]:
    """The error tooltip (and its screen-reader copy) of uploader ``key`` in ``lang``.

    Streamlit's message is one text whatever the reason, so the reason is read from the chip: a file of
    an accepted type over the limit is too large (Streamlit's ``file-too-large``); a file of another
    type was refused for its type (``file-invalid-type``, tested before the size)."""
    accepted = ",".join(f'[title$=".{t}" i]' for t in types)
    over_limit = f':is([aria-label$="MB"],[aria-label$="GB"]):not({_below_limit_sizes()})'
    reasons = (  # (the chip's condition, its file name's condition, the message)
        (over_limit, f":is({accepted})", ui("st_file_too_large", lang).format(limit_mb=limits.MAX_UPLOAD_MB)),
        ("", f":not({accepted})", ui("st_file_wrong_type", lang).format(types=_type_list(types, lang))),
    )
    rules = []
    for chip, name, text in reasons:
        # The tooltip is drawn at the page's end, away from its chip: it is found through the hovered chip.
        hovered = f".st-key-{key} {_ERROR_TARGET}:hover {_ERROR_CHIP}{chip} {_CHIP_NAME}{name}"
        rules += _replace_text_node(f'body:has({hovered}) [data-testid="stTooltipErrorContent"]', text, _SMALL_TEXT)
        alert = f'.st-key-{key} {_ERROR_CHIP}{chip}:has({_CHIP_NAME}{name}) [role="alert"]'
        rules += _replace_text_node(alert, text, "font-size:1rem")  # read by screen readers, never seen
    return rules


def uploader_css(lang: str, types_by_key: dict[str, list[str]] | None = None) -> str:
    """The style sheet that puts the uploaders' text in ``lang`` ('' for English: Streamlit's own)."""
    if lang == "en":
        return ""
    drop = ui("st_upload_drop", lang).format(limit_mb=limits.MAX_UPLOAD_MB)
    rules = [
        f"{_ZONE} button [data-testid=\"stMarkdownContainer\"] p{{display:none}}",
        f"{_ZONE} button [data-testid=\"stMarkdownContainer\"]::after"
        f"{{content:{css_string(ui('st_upload_button', lang))}}}",
        f"{_NOTE} > div > *{{display:none}}",
        f"{_NOTE} > div::after{{content:{css_string(drop)}}}",
    ]
    for key, types in (types_by_key or {}).items():
        text = drop + "\n" + ui("st_upload_types", lang).format(types=_type_list(types, lang))
        rules.append(f".st-key-{key} {_NOTE} > div::after{{content:{css_string(text)};white-space:pre-wrap}}")
        rules += _uploader_error_css(key, types, lang)
    return "\n".join(rules)


def number_input_css(lang: str, ranges_by_key: dict[str, tuple[int, int]]) -> str:
    """The out-of-range error of each number input ``key`` (min and max both set) in ``lang``.

    Streamlit's message ("Number is outside the allowed range. Please enter a value between …") names
    the widget's own bounds, which the app passes here; its tooltip is found through the hovered input."""
    if lang == "en":
        return ""
    rules = []
    for key, (low, high) in ranges_by_key.items():
        text = ui("st_number_range", lang).format(low=low, high=high)
        hovered = f'.st-key-{key} [data-testid="stNumberInput"] {_ERROR_TARGET}:hover'
        rules += _replace_text_node(f'body:has({hovered}) [data-testid="stTooltipErrorContent"]', text, _SMALL_TEXT)
        rules += _replace_text_node(f'.st-key-{key} [data-testid="stNumberInput"] [role="alert"]', text,
                                    "font-size:1rem")
    return "\n".join(rules)


def localise_number_inputs(lang: str, ranges_by_key: dict[str, tuple[int, int]]) -> None:
    """Inject the number inputs' range messages (nothing in English)."""
    if css := number_input_css(lang, ranges_by_key):
        st.html(f"<style>{css}</style>")


def page_css(lang: str) -> str:
    """The style sheet for Streamlit's words on every page in ``lang`` ('' for English)."""
    if lang == "en":
        return ""
    rules = _replace_text_node(_EMPTY_LIST, ui("st_no_results", lang), _SMALL_TEXT)
    rules += _replace_children(_INSTRUCTIONS, ui("st_press_enter", lang))
    for label, key in TOOLBAR_TIPS.items():
        hovered = f'[data-testid="stTooltipHoverTarget"]:hover > button[aria-label={css_string(label)}]'
        tip = f'body:has({hovered}) [data-testid="stTooltipContent"] [data-testid="stMarkdownContainer"]'
        rules += _replace_children(tip, ui(key, lang))
    for label, key in (("Select all", "st_columns_all"), ("(index)", "st_columns_index")):
        item = f'{_COLUMN_MENU} label:has(> input[aria-label="{label}"]) > span:last-child'
        rules += _replace_text_node(item, ui(key, lang), _SMALL_TEXT)
    # Streamlit styles the link on focus (a class and :focus): the [href] outranks that.
    skip = 'a[data-testid="stSkipToContent"][href]'
    rules += _replace_text_node(skip, ui("st_skip_to_content", lang), _SMALL_TEXT)
    return "\n".join(rules)


def localise_page(lang: str) -> None:
    """Inject the every-page style sheet once per run (nothing in English); style-only HTML takes no space."""
    if css := page_css(lang):
        st.html(f"<style>{css}</style>")


def localise_uploaders(lang: str, types_by_key: dict[str, list[str]] | None = None) -> None:
    """Inject the uploaders' style sheet once per run (nothing in English)."""
    if css := uploader_css(lang, types_by_key):
        st.html(f"<style>{css}</style>")
