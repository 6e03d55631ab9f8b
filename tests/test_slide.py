"""Slides a presenter can use as is (geo.slide, geo.captions, geo.pdffont): words, one title, fonts."""

import io
import shutil
import subprocess

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from geo import captions, export_formats, filters, snapshot
from geo.vocab import PLATFORM_TYPES

HEBEI_INNOVATION_2020 = filters.ViewState(provinces=("130000",), types=("innovation",), as_of=2020)


def test_the_subtitle_states_the_active_filters_in_words():
    innovation = PLATFORM_TYPES["innovation"]  # the vocabulary's term, in each language
    assert captions.filter_words(HEBEI_INNOVATION_2020) == f"河北省 · {innovation('zh')} · 截至 2020 年"
    assert (captions.filter_words(HEBEI_INNOVATION_2020.with_(lang="en"))
            == f"Hebei · {innovation('en')} · as of 2020")
    assert captions.filter_words(filters.ViewState()) == "京津冀全域"
    words = captions.filter_words(filters.ViewState(cities=("130600",), industries=("新材料",), as_of=2018,
                                                    include_undated=False))
    assert words == "保定市 · 产业：新材料 · 截至 2018 年（不含年份不明者）"
    counts = filters.visible_layers(HEBEI_INNOVATION_2020).counts()
    subtitle = snapshot.default_subtitle(HEBEI_INNOVATION_2020, counts)
    assert subtitle.startswith("河北省 · 协同创新平台 · 截至 2020 年 · 承接平台 ")


def test_sources_pair_each_title_with_its_own_link():
    import pandas as pd
    frame = pd.DataFrame({"source_title": ["甲; 乙", "丙", "甲"], "source_url": ["http://a; http://b", None, "x"]})
    pairs = captions.source_pairs([frame], extra_titles=["边界"])
    assert pairs == [("边界", ""), ("甲", "http://a"), ("乙", "http://b"), ("丙", "")]
    assert captions.source_list_lines(pairs)[1] == "• 甲 — http://a"


@pytest.fixture(scope="module")
def files():
    return export_formats.export_all(HEBEI_INNOVATION_2020, ("png", "pdf", "pptx"))


def test_the_slide_has_one_title_as_text_and_a_picture_without_one(files):
    deck = Presentation(io.BytesIO(files["pptx"]))
    slide = deck.slides[0]
    texts = [s.text_frame.text for s in slide.shapes if s.has_text_frame]
    assert texts.count(snapshot.default_title(HEBEI_INNOVATION_2020)) == 1
    assert any(t.startswith("河北省 · 协同创新平台 · 截至 2020 年") for t in texts)
    assert len([s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]) == 1
    bare = snapshot.render(HEBEI_INNOVATION_2020, title="")
    assert snapshot.default_title(HEBEI_INNOVATION_2020) not in [t.get_text() for t in bare.figure.texts]
    lines = slide.notes_slide.notes_text_frame.text.splitlines()
    drawn = snapshot.render(HEBEI_INNOVATION_2020, title="t")
    linked = [(s, u) for s, u in zip(drawn.sources, drawn.source_urls) if u]
    assert linked and all(any(s in line and u in line for line in lines) for s, u in linked)  # link beside title


def test_without_an_approval_number_the_map_face_says_it_is_not_approved():
    snap = snapshot.render(filters.ViewState(), title="t")
    notes = [t.get_text() for t in snap.figure.axes[0].texts if t.get_gid() == "not-approved"]
    assert notes == ["未经审图 / 非审批地图"]
    approved = snapshot.render(filters.ViewState(lang="en"), title="t", approval_no="GS(2099)1号")
    assert not [t for t in approved.figure.axes[0].texts if t.get_gid() == "not-approved"]
    english = snapshot.render(filters.ViewState(lang="en"), title="t")
    assert any("Not an approved map" in t.get_text() for t in english.figure.axes[0].texts)


def test_the_source_line_is_readable_at_slide_size():
    snap = snapshot.render(filters.ViewState(), title="t")
    source = next(t for t in snap.figure.texts if t.get_text().startswith("资料来源"))
    assert source.get_fontsize() >= 9  # points on a 13.33 × 7.5 in slide


def test_the_region_fills_the_map_frame_at_16_9():
    snap = snapshot.render(filters.ViewState(), title="t")
    ax = snap.figure.axes[0]
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    rx0, ry0, rx1, ry1 = snapshot._region_box()
    assert (rx1 - rx0) * (ry1 - ry0) / ((x1 - x0) * (y1 - y0)) > 0.8


def _tool(name: str) -> str:
    path = shutil.which(name)
    assert path, f"{name} (poppler-utils) is needed: apt-get install poppler-utils (scripts/test.sh does)"
    return path


def test_the_pdf_embeds_truetype_fonts_and_poppler_renders_it_without_warnings(files, tmp_path):
    pdf = tmp_path / "map.pdf"
    pdf.write_bytes(files["pdf"])
    listing = subprocess.run([_tool("pdffonts"), str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = listing.splitlines()[2:]
    assert rows and all("TrueType" in row and "NotoSansSC" in row for row in rows), listing
    render = subprocess.run([_tool("pdftoppm"), "-r", "30", "-png", str(pdf), str(tmp_path / "page")],
                            capture_output=True, text=True)
    assert render.returncode == 0 and render.stderr == "", render.stderr
    assert (tmp_path / "page-1.png").stat().st_size > 1000


@pytest.mark.parametrize("typed", ["$\\foo$", "US$ 5 亿", "a \\$ b $c$"])
def test_text_placed_by_these_modules_prints_as_typed(typed):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from geo import textsafe

    fig = Figure()
    text = fig.text(0.1, 0.5, textsafe.figure_text(typed))
    with snapshot._style():
        FigureCanvasAgg(fig).draw()  # no mathtext parse error
    shown, is_math = text._preprocess_math(text.get_text())
    assert not is_math and shown == typed
