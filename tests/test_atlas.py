"""Decks in one go (geo.atlas): a title slide, one map per item with editable text, a sources slide; PDF."""

import io
import subprocess
import sys
import warnings

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from geo import atlas, boundaries, filters
from tests.conftest import ROOT

SMALL = {"preset": "custom", "size": (960, 540)}


@pytest.fixture(scope="module")
def city_deck():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        deck = atlas.build(filters.ViewState(), "city", ("pptx", "pdf"), **SMALL)
    assert not [w for w in caught if "missing from font" in str(w.message)], "a glyph drawn as a box"
    return deck


def _named(slide, name):
    return [s.text_frame.text for s in slide.shapes if s.has_text_frame and s.name == name]


def test_a_city_atlas_has_a_title_slide_a_map_per_city_and_closing_sources(city_deck):
    deck = Presentation(io.BytesIO(city_deck.files["pptx"]))
    slides = list(deck.slides)
    assert city_deck.pages == 13
    assert _named(slides[0], "Title") == ["京津冀产业协同地图 · 分城市图集"]
    maps = slides[1:14]
    assert [_named(s, "Title")[0] for s in maps] == list(boundaries.cities()["name_zh"])
    for s in maps:
        assert len([p for p in s.shapes if p.shape_type == MSO_SHAPE_TYPE.PICTURE]) == 1
        (caption,) = _named(s, "Caption")
        assert caption.startswith("承接平台 ") and "共建园区 " in caption
        assert "资料来源" in s.notes_slide.notes_text_frame.text
    assert all(_named(s, "Title")[0].startswith("资料来源与链接") for s in slides[14:]) and slides[14:]
    assert any(" — http" in _named(s, "Sources")[0] for s in slides[14:])


def test_a_city_caption_gives_core_indicators_with_their_years(city_deck):
    deck = Presentation(io.BytesIO(city_deck.files["pptx"]))
    (caption,) = _named(deck.slides[1], "Caption")  # 北京市
    assert "地区生产总值 " in caption and "亿元（20" in caption and "年）" in caption


def test_the_city_counts_are_those_of_the_city_view():
    (item,) = [i for i in atlas.items(filters.ViewState(), "city") if i.key == "130600"]  # 保定市
    layers = atlas.item_layers(item)
    assert item.key == "130600" and set(layers.platforms["city_code"]) <= {"130600"}
    assert atlas.caption(item, layers, "zh").startswith(f"承接平台 {len(layers.platforms)} 个")


def test_a_system_page_draws_only_that_systems_platforms():
    item = [i for i in atlas.items(filters.ViewState(), "system") if i.key == "tianjin_1_16"][0]
    layers = atlas.item_layers(item)
    assert len(layers.platforms) and all("tianjin_1_16" in s for s in layers.platforms["systems"])
    assert len(layers.parks) == 0


def test_the_atlas_pdf_has_one_page_per_map_plus_title_and_sources(city_deck):
    data = city_deck.files["pdf"]
    assert data.startswith(b"%PDF-") and data.count(b"/Type /Page\n") + data.count(b"/Type /Page ") >= 15
    assert b"/CIDFontType2" in data and b"/Subtype /Type3" not in data


def test_unknown_each_is_refused():
    with pytest.raises(ValueError, match="choose one of city, type, system, industry"):
        atlas.items(filters.ViewState(), "county")


def test_the_command_line_writes_a_type_atlas(tmp_path):
    out = tmp_path / "types.pptx"
    done = subprocess.run([sys.executable, "-m", "geo.snapshot", "--each", "type", "--format", "pptx", "--size",
                           "640x360", "--lang", "en", "--out", str(out)], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    deck = Presentation(str(out))
    assert len(deck.slides) >= 1 + 5 + 1
    bad = subprocess.run([sys.executable, "-m", "geo.snapshot", "--each", "city", "--format", "png"], cwd=ROOT,
                         capture_output=True, text=True)
    assert bad.returncode == 2 and "--each writes pptx or pdf" in bad.stderr
