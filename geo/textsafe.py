"""User and URL text made inert for each place it is written: Markdown, matplotlib, SVG/XML, spreadsheets.

Every function takes the text as the user typed it and returns what to hand to that renderer so that
it prints exactly as typed: nothing becomes a link, an image, bold text, a formula or LaTeX, and no
character makes the output file invalid. HTML has ``html.escape``; these cover the rest.
"""

from __future__ import annotations

import re
import string

# Characters XML 1.0 forbids (C0 controls but tab, newline and return; surrogates; U+FFFE/U+FFFF),
# plus DEL: an SVG holding one is not well-formed and browsers and Inkscape refuse the whole file.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
# Every ASCII punctuation character may be backslash-escaped in CommonMark; escaped, none of them
# starts a link, an image, emphasis, a heading, a list, a table, HTML or Streamlit's $math$.
_MARKDOWN_SPECIAL = re.compile("([" + re.escape(string.punctuation) + "])")
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029]+")
# Streamlit turns ":name:" into an emoji or icon even when the colons are escaped; a word joiner
# (invisible, zero width) after each colon keeps the two colons from pairing up.
_WORD_JOINER = "\u2060"
# What a spreadsheet runs as a formula when a cell starts with it (OWASP's list: = + - @ tab return).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
_LEADING_BLANKS = " \u00a0\u3000"


def xml_text(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot hold (they are dropped, the rest is kept)."""
    return _XML_ILLEGAL.sub("", text)


def markdown_text(text: object) -> str:
    """``text`` for ``st.markdown``/``st.warning``/``st.caption``: shown literally, on one line."""
    flat = _LINE_BREAKS.sub(" ", xml_text(str(text)))
    return _MARKDOWN_SPECIAL.sub(r"\\\1", flat).replace(":", ":" + _WORD_JOINER)


def mathtext_text(text: str) -> str:
    """``text`` for a matplotlib Text: every ``$`` is escaped, so no pair of them starts mathtext.

    Matplotlib parses a string with an even number of unescaped dollar signs as mathtext (and raises
    on bad mathtext such as ``$\\foo$``); otherwise it only turns ``\\$`` into ``$``. With each ``$``
    escaped there is never an unescaped one, and the text prints as typed (``\\$`` included).
    """
    return text.replace("$", r"\$")


def figure_text(text: str) -> str:
    """User text for a figure that is also saved as SVG: XML-safe, then mathtext-safe."""
    return mathtext_text(xml_text(text))


def spreadsheet_value(value):
    """A cell for XLSX or CSV: XML-illegal characters dropped, then the formula guard on the result.

    The guard looks at the text as finally written: a control character before ``=`` would hide the
    formula from a guard applied first and vanish when the cell is written (openpyxl strips it).
    Non-text values pass unchanged.
    """
    if not isinstance(value, str):
        return value
    cleaned = xml_text(value)
    if cleaned.lstrip(_LEADING_BLANKS).startswith(FORMULA_PREFIXES) or cleaned.startswith(FORMULA_PREFIXES):
        return "'" + cleaned
    return cleaned
