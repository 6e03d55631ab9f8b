"""Both languages whole (issue #15): no raw column name or value code in the tables of the Platforms
page and the Map page's city panel; every heading is a vocabulary label of the chosen language."""

import re
from dataclasses import fields as _fields
from dataclasses import is_dataclass
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from geo import boundaries, datasets, registry, table_labels, vocab
from geo.schemas import TABLES
from geo.vocab import EDITIONS, UI, ui

APP = str(Path(__file__).resolve().parents[1] / "app.py")
RAW = re.compile(r"^[a-z][a-z0-9_]*$")  # how a column name or a code looks


def _raw_names() -> set[str]:
    names = set(registry.entities().columns) | set(datasets.load("indicators").columns) | set(EDITIONS)
    return names | {"url", "type", "county"}


def _labels(lang: str) -> set[str]:
    return {term(lang) for term in UI.values()} | {"Δ"}


def _check(frames, lang: str) -> None:
    raw, labels = _raw_names(), _labels(lang)
    assert frames
    for frame in frames:
        for heading in frame.columns:
            assert heading not in raw and not RAW.match(str(heading)), heading
            assert heading in labels, heading
        for column in frame.columns:
            values = {str(v) for v in frame[column].dropna()}
            assert not values & set(EDITIONS), (column, values & set(EDITIONS))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_platforms_table_speaks_the_chosen_language(lang):
    at = AppTest.from_file(APP, default_timeout=90)
    at.switch_page("pages/platforms.py")
    at.query_params["lang"] = lang
    at.run()
    assert not at.exception, at.exception
    _check([at.dataframe[0].value], lang)


@pytest.mark.parametrize("city", ["130600", "131000"])  # Langfang's sources state only the tertiary share
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_city_panel_tables_speak_the_chosen_language(lang, city):
    at = AppTest.from_file(APP, default_timeout=90)
    at.query_params["lang"] = lang
    at.query_params["city"] = city  # indicators, sector shares and places
    at.run()
    at.run()
    assert not at.exception, at.exception
    assert len(at.dataframe) >= 3
    _check([d.value for d in at.dataframe], lang)


# --- every page, both languages (issue #15: "no raw column names or codes in any table of any page") ---

UPLOAD = "city,year,indicator,value\n北京,2023,gdp,43760.7\nAtlantis,2023,gdp,1\n".encode("utf-8")
WORKSPACE_PLATFORMS = ("name,platform_type,county\n测试平台 001 / Test platform 001,innovation,蓟县\n"
                       "测试平台 002 / Test platform 002,services,Atlantis\n").encode("utf-8")


def _vocabulary(lang: str) -> set[str]:
    """Every label of the vocabulary in ``lang`` (every Term reachable from its upper-case names)."""
    found: set[str] = set()

    def walk(obj) -> None:
        if isinstance(obj, vocab.Term):
            found.add(obj(lang))
        elif isinstance(obj, dict):
            for value in obj.values():
                walk(value)
        elif isinstance(obj, tuple | list):
            for value in obj:
                walk(value)
        elif is_dataclass(obj) and not isinstance(obj, type):
            for f in _fields(obj):
                walk(getattr(obj, f.name))

    for name in dir(vocab):
        if name.isupper():
            walk(getattr(vocab, name))
    return found | set(vocab.LANGUAGE_NAMES.values()) | {"Δ", "—"}


def _place_names(lang: str) -> set[str]:
    column = "name_en" if lang == "en" else "name_zh"
    return {n for level in boundaries.LEVELS for n in boundaries.load_level(level)[column]}


def _allowed_heading(heading, labels: set[str], units: set[str]) -> bool:
    """A vocabulary label, a place name (a matrix of cities), a year, or "label (unit)"."""
    if isinstance(heading, int) or (isinstance(heading, str) and heading.isdigit() and len(heading) == 4):
        return True
    text = str(heading)
    if text in labels:
        return True
    match = re.fullmatch(r"(.+) \((.+)\)", text)
    return bool(match) and match.group(1) in labels and match.group(2) in units


def _codes(lang: str) -> set[str]:
    """Value codes that differ from their label (English "signed" is both a code and its label)."""
    return {code for codes in table_labels.CODED.values() for code, term in codes.items() if term(lang) != code}


def _check_every(frames, lang: str) -> None:
    labels = _vocabulary(lang) | _place_names(lang)
    units = {vocab.unit_label(u, lang) for u in vocab.UNITS} | {"%"}
    raw = _raw_names() | set(table_labels.CODED) | {c for t in TABLES for c in datasets.load(t).columns}
    codes = _codes(lang)
    # the city column was headed with the Cities page's Chinese name (English "Cities" also counts cities)
    page_titles = {ui("page_cities", lang)} if lang == "zh" else set()
    coded_headings = {table_labels.heading(c, lang) for c in table_labels.CODED} | {ui("location", lang)}
    chinese_only = set(vocab.INDUSTRIES) | {u for u in vocab.UNITS}
    assert frames
    for frame in frames:
        headings = list(frame.columns) + [n for n in frame.index.names if n is not None]
        for heading in headings:
            assert heading not in raw, heading
            assert not (isinstance(heading, str) and RAW.match(heading)), heading
            assert _allowed_heading(heading, labels, units), heading
            assert heading not in page_titles, heading  # the city column was headed "城市指标"
        for column in frame.columns:
            values = {str(v) for v in frame[column].dropna()}
            if column in coded_headings:  # a column of codes shows their labels
                assert not values & codes, (column, values & codes)
            if lang == "en":
                assert not values & chinese_only, (column, values & chinese_only)
                pieces = {p.strip() for v in values for p in v.split(";")}
                assert not pieces & set(vocab.INDUSTRIES), (column, pieces & set(vocab.INDUSTRIES))


def _run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, at.exception
    return at


def _open(page: str | None, lang: str, **params) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=180)
    at.session_state["lang"] = lang
    at.query_params["lang"] = lang
    for name, value in params.items():
        at.query_params[name] = value
    if page:
        at.switch_page(page)
    _run(at)
    return _run(at)


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("JJJ_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("JJJ_DATABASE_URL", raising=False)
    return tmp_path


@pytest.mark.parametrize("page", ["pages/cities.py", "pages/platforms.py", "pages/corridors.py"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_table_of_the_analysis_pages_speaks_the_chosen_language(lang, page):
    at = _open(page, lang)
    _check_every([d.value for d in at.dataframe] + [t.value for t in at.table], lang)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_table_of_the_map_page_speaks_the_chosen_language(lang):
    at = _open(None, lang, city="130600", indicator="gdp")
    assert len(at.dataframe) >= 3
    _check_every([d.value for d in at.dataframe] + [t.value for t in at.table], lang)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_table_of_the_data_page_with_an_upload_and_a_workspace_speaks_the_chosen_language(lang, data_dir):
    at = _open("pages/data.py", lang)
    at.file_uploader(key="upload_indicators").set_value(("mine.csv", UPLOAD, "text/csv"))
    _run(at)
    at.text_input(key="ws_new_name").input("测试工作区 / test")
    _run(at)
    at.button(key="ws_create").click()
    _run(at)
    at.file_uploader(key="ws_file").set_value(("p.csv", WORKSPACE_PLATFORMS, "text/csv"))
    _run(at)
    at.button(key="ws_upload_button").click()
    _run(at)
    frames = [d.value for d in at.dataframe] + [t.value for t in at.table]
    problems = [f for f in frames if ui("upload_message", lang) in f.columns]
    assert len(problems) >= 2, "the upload's and the workspace's problem tables are shown"
    assert len(frames) > 25  # the coverage report, every curated table, the uploads, the history
    _check_every(frames, lang)


def test_the_check_sees_a_raw_heading_and_a_raw_code():
    with pytest.raises(AssertionError):
        _check_every([datasets.load("hubs").head(3)], "zh")
    with pytest.raises(AssertionError):
        _check_every([pd.DataFrame({ui("location", "zh"): ["exact"]})], "zh")
    _check_every([table_labels.readable(datasets.load("hubs").head(3), "zh")], "zh")  # the labelled table passes
    with pytest.raises(AssertionError):  # a Chinese industry term in the English table
        _check_every([pd.DataFrame({ui("industries", "en"): ["汽车零部件"]})], "en")


def test_units_and_industries_read_in_english_where_the_vocabulary_knows_them():
    assert vocab.unit_label("亿元", "en") == "100 million yuan" and vocab.unit_label("亿元", "zh") == "亿元"
    assert vocab.unit_label("%", "en") == "%" and vocab.unit_label("自定单位", "en") == "自定单位"  # a user's own
    assert vocab.industries_label("汽车零部件;新材料", "en") == "Auto parts; New materials"
    assert vocab.industries_label("汽车零部件;测试产业", "en") == "Auto parts; 测试产业"  # unknown: as written
    used = set()
    for table in ("platforms", "parks", "projects"):
        for value in datasets.load(table)["industries"].dropna():
            used |= {t.strip() for t in value.split(";") if t.strip()}
    assert used <= set(vocab.INDUSTRIES)  # every term the curated tables use has its English
    units = set()
    for table in ("indicators", "indicator_alternates", "figures"):
        units |= set(datasets.load(table)["unit"].dropna())
    assert {u for u in units if re.search(r"[\u4e00-\u9fff]", u)} <= set(vocab.UNITS)


def test_a_card_and_the_filter_caption_use_the_english_industry_terms():
    from geo import captions, filters, overlays

    row = registry.entities().dropna(subset=["industries"]).iloc[0].to_dict()
    card = overlays.entity_card(row, "en")
    first = row["industries"].split(";")[0]
    assert vocab.industry_label(first, "en") in card and first not in card
    state = filters.ViewState(industries=(first,), lang="en")
    assert vocab.industry_label(first, "en") in captions.filter_words(state)
