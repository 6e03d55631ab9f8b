"""Slides a presenter can use as they are: editable text boxes, one title, the map filling its frame.

``Deck`` builds a 16:9 PPTX with python-pptx: a title slide, map slides (the title, subtitle and
caption as real text boxes, the map picture drawn without a title of its own, every source with
its link in the notes) and a closing sources slide. Also the map-face helpers ``geo.snapshot``
calls: the frame aspect of a view and the "not an approved map" note.
"""

from __future__ import annotations

import io

from PIL import Image
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.util import Inches, Pt

from geo import textsafe
from geo.vocab import INK, ui

SLIDE_W_IN, SLIDE_H_IN = 13.333, 7.5
BLANK_LAYOUT = 6
FIT_PAD = 0.03  # geo.snapshot._fit's margin around the view
SOURCES_PER_SLIDE = 14


def view_aspect(box) -> float:
    """Width ÷ height of the map frame that shows ``box`` (projected x0, y0, x1, y1) with its margin."""
    x0, y0, x1, y1 = box
    return (x1 - x0) / (y1 - y0)


def draw_unapproved_note(ax, lang: str, pen) -> None:
    """A visible '未经审图 / not an approved map' line on the map face (no 审图号 was given)."""
    ax.text(0.995, 0.006, ui("not_approved", lang), transform=ax.transAxes, ha="right", va="bottom",
            fontsize=pen.pt(12), color=INK["warning"], zorder=12, gid="not-approved",
            bbox={"boxstyle": "square,pad=0.25", "facecolor": INK["halo"], "edgecolor": "none", "alpha": 0.85})


# --- PPTX ---------------------------------------------------------------------------------------

def _box(slide, left, top, width, height, text: str, size: float, colour: str = "222222", wrap=True):
    shape = slide.shapes.add_textbox(Inches(left), Inches(top), Inches(width), Inches(height))
    frame = shape.text_frame
    frame.word_wrap = wrap
    lines = textsafe.xml_text(text).split("\n")  # python-pptx refuses what XML cannot hold
    for i, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        paragraph.text = line
        paragraph.font.size = Pt(size)
        paragraph.font.color.rgb = RGBColor.from_string(colour)
    return shape


class Deck:
    """A 16:9 presentation built slide by slide; ``bytes()`` gives the PPTX."""

    def __init__(self, lang: str = "zh"):
        self.lang = lang
        self.prs = Presentation()
        self.prs.slide_width, self.prs.slide_height = Inches(SLIDE_W_IN), Inches(SLIDE_H_IN)

    def _slide(self):
        return self.prs.slides.add_slide(self.prs.slide_layouts[BLANK_LAYOUT])

    def title_slide(self, title: str, subtitle: str = "", note: str = ""):
        slide = self._slide()
        _box(slide, 0.8, 2.4, 11.7, 1.3, title, 36).name = "Title"
        if subtitle:
            _box(slide, 0.8, 3.8, 11.7, 1.0, subtitle, 20, "444444").name = "Subtitle"
        if note:
            _box(slide, 0.8, 6.4, 11.7, 0.6, note, 12, "8A1C00").name = "Note"
        return slide

    def map_slide(self, png: bytes, title: str, subtitle: str = "", caption: str = "", notes: list[str] = (),
                  crop_top: float = 0.0):
        """Title (and subtitle) as text boxes above the picture, an optional caption below it.

        ``crop_top`` (a share of the picture's height) hides the picture's own title band.
        """
        slide = self._slide()
        _box(slide, 0.35, 0.12, 12.6, 0.6, title, 24).name = "Title"
        top = 0.72
        if subtitle:
            _box(slide, 0.35, 0.66, 12.6, 0.4, subtitle, 13, "444444").name = "Subtitle"
            top = 1.08
        bottom = SLIDE_H_IN - (0.55 if caption else 0.08)
        with Image.open(io.BytesIO(png)) as image:
            aspect = image.width / (image.height * (1 - crop_top))
        height = bottom - top
        width = min(SLIDE_W_IN - 0.3, height * aspect)
        height = width / aspect
        left = (SLIDE_W_IN - width) / 2
        picture = slide.shapes.add_picture(io.BytesIO(png), Inches(left), Inches(top), Inches(width), Inches(height))
        picture.crop_top = crop_top
        if caption:
            _box(slide, 0.35, top + height + 0.03, 12.6, 0.5, caption, 13).name = "Caption"
        if notes:
            slide.notes_slide.notes_text_frame.text = textsafe.xml_text("\n".join(notes))
        return slide

    def sources_slides(self, lines: list[str]):
        """The closing slide(s): every source with its link beside its title."""
        heading = ui("atlas_sources", self.lang)
        chunks = [lines[i:i + SOURCES_PER_SLIDE] for i in range(0, len(lines), SOURCES_PER_SLIDE)] or [[]]
        for n, chunk in enumerate(chunks, 1):
            slide = self._slide()
            _box(slide, 0.5, 0.3, 12.3, 0.7, heading + (f" ({n}/{len(chunks)})" if len(chunks) > 1 else ""),
                 26).name = "Title"
            _box(slide, 0.5, 1.1, 12.3, 6.1, "\n".join(chunk), 11).name = "Sources"

    def bytes(self) -> bytes:
        out = io.BytesIO()
        self.prs.save(out)
        return out.getvalue()


def single_slide(png: bytes, title: str, subtitle: str, notes: list[str], lang: str) -> bytes:
    """One map slide (the picture carries no title: the slide's text box is the only one)."""
    deck = Deck(lang)
    deck.map_slide(png, title, subtitle, notes=notes)
    return deck.bytes()

