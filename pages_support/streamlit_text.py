"""Streamlit's own interface text in the app's language.

Streamlit 1.67 has no translations. Widget parameters come first (``placeholder=``, a multiselect's
``select_all=False``: an empty choice already means all). What no parameter reaches, the file
uploader's built-in "Upload" button text and "5MB per file • CSV" line, is replaced in Chinese by a
style sheet that hides Streamlit's words and shows the vocabulary's (``::after``); the button and the
drop zone work as before. English keeps Streamlit's own words.
"""

from __future__ import annotations

import streamlit as st

from geo import limits
from geo.vocab import ui

_ZONE = '[data-testid="stFileUploaderDropzone"]'
_NOTE = '[data-testid="stFileUploaderDropzoneInstructions"]'


def css_string(text: str) -> str:
    """``text`` as a CSS string literal (quotes, backslashes and line breaks escaped)."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\A ").replace("<", "\\3C ")
    return f'"{escaped}"'


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
        text = drop + "\n" + ui("st_upload_types", lang).format(types=ui("list_sep", lang).join(
            t.upper() for t in types))
        rules.append(f".st-key-{key} {_NOTE} > div::after{{content:{css_string(text)};white-space:pre-wrap}}")
    return "\n".join(rules)


def localise_uploaders(lang: str, types_by_key: dict[str, list[str]] | None = None) -> None:
    """Inject the uploaders' style sheet once per run (nothing in English)."""
    if css := uploader_css(lang, types_by_key):
        st.html(f"<style>{css}</style>")
