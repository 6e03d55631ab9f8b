"""TrueType (Type 42) Chinese text in PDFs: print shops reject Type 3 fonts.

Noto Sans SC ships as CFF outlines (an .otf). Matplotlib's Type 42 embedding writes such a font as
TrueType, and poppler then warns "Mismatch between font type and embedded font file". So, for each
PDF, the characters its figures draw are cut from the font (fontTools' subsetter), their cubic
outlines turned quadratic (cu2qu, error ≤ 1 font unit of 1000) into a real ``glyf`` TrueType font,
and the figures are saved with that font as Type 42. A subset takes well under a second; the whole
font would take about 15 s. Subsets are kept per character set for the life of the process.
"""

from __future__ import annotations

import contextlib
import hashlib
import string
import tempfile
from functools import lru_cache
from pathlib import Path

import matplotlib
from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable
from matplotlib import font_manager
from matplotlib.text import Text

MAX_ERROR = 1.0  # font units (of 1000 per em): invisible at any print size
FAMILY = "Noto Sans SC TrueType"
ALWAYS = string.printable + "…·–—→×°（）、，：；。"


def used_characters(figures) -> str:
    """Every character the figures' texts draw, plus ASCII (the scale bar writes its label late)."""
    chars = set(ALWAYS)
    for fig in figures:
        for text in fig.findobj(Text):
            chars.update(text.get_text())
    return "".join(sorted(c for c in chars if c not in "\n\r"))


def _quadratic(font: TTFont) -> None:
    """Replace the CFF outlines of ``font`` by quadratic TrueType outlines (fontTools' otf2ttf recipe)."""
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, MAX_ERROR, reverse_direction=True))
        glyphs[name] = pen.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf = newTable("glyf")
    glyf.glyphOrder, glyf.glyphs = order, glyphs
    for table in ("CFF ", "VORG"):
        if table in font:
            del font[table]
    glyf.compile(font)
    hmtx = font["hmtx"]
    for name, glyph in glyphs.items():
        if hasattr(glyph, "xMin"):
            hmtx[name] = (hmtx[name][0], glyph.xMin)
    font["maxp"] = maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for field in ("maxZones",):
        setattr(maxp, field, 1)
    for field in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                  "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, field, 0)
    maxp.compile(font)
    post = font["post"]
    post.formatType, post.extraNames, post.mapping = 3.0, [], {}
    font.sfntVersion = "\x00\x01\x00\x00"


@lru_cache(maxsize=1)
def _folder() -> Path:
    """A folder for this process's font subsets, made on the first PDF (not on import)."""
    return Path(tempfile.mkdtemp(prefix="jjj-pdf-fonts-"))


@lru_cache(maxsize=32)
def truetype_subset(source: str, chars: str) -> tuple[str, str]:
    """(path, family) of a TrueType font with the glyphs of ``chars`` from the CFF font ``source``."""
    digest = hashlib.sha1(chars.encode("utf-8")).hexdigest()[:10]
    family = f"{FAMILY} {digest}"
    path = _folder() / f"noto-sans-sc-{digest}.ttf"
    font = TTFont(source)
    options = subset.Options()
    options.desubroutinize = True
    options.name_IDs = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[ord(c) for c in chars])
    subsetter.subset(font)
    _quadratic(font)
    for record in font["name"].names:
        if record.nameID in (1, 4, 16):  # family names; the PostScript name (6) stays NotoSansSC-Regular
            record.string = family
    font.save(path)
    font_manager.fontManager.addfont(str(path))
    return str(path), family


@contextlib.contextmanager
def type42(figures, source: Path):
    """Within: matplotlib embeds the CJK text of ``figures`` as TrueType (Type 42) when saving PDF."""
    with type42_for(used_characters(figures), source):
        yield


@contextlib.contextmanager
def type42_for(chars: str, source: Path):
    """As ``type42``, for a known set of characters (several figures saved into one PDF)."""
    _, family = truetype_subset(str(source), chars)
    sans = [family, *matplotlib.rcParams["font.sans-serif"]]
    with matplotlib.rc_context({"pdf.fonttype": 42, "font.sans-serif": sans}):
        yield
