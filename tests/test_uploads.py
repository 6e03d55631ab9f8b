"""User uploads: the bad-file corpus, good files in every encoding, messages, and no side effects."""

from __future__ import annotations

import csv
import hashlib
import importlib.util
import io
import random
import re
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from geo import boundaries, uploads
from geo.vocab import INDICATORS, UPLOAD_MESSAGES

ROOT = Path(__file__).resolve().parents[1]
BAD = ROOT / "tests" / "data" / "bad_uploads"
GOOD = ROOT / "tests" / "data" / "good_uploads"
DATA = ROOT / "data"
READERS = {"indicators": uploads.read_indicators, "points": uploads.read_points}
CORPUS_FILES = sorted(p for folder in (BAD, GOOD) for p in folder.iterdir()
                      if p.name not in ("expected.csv", "make_corpus.py"))


def _expected(folder: Path) -> list[dict]:
    with open(folder / "expected.csv", encoding="utf-8", newline="") as lines:
        return list(csv.DictReader(lines))


EXPECTED = _expected(BAD) + _expected(GOOD)


def _read(name: str, reader: str, folder: Path = GOOD) -> uploads.UploadResult:
    return READERS[reader](name, (folder / name).read_bytes())


def _all_results():
    for path in CORPUS_FILES:
        for reader in READERS.values():
            yield reader(path.name, path.read_bytes())


# ---------------------------------------------------------------- the corpus


def test_corpus_is_large_enough_and_fully_listed():
    bad_files = {p.name for p in BAD.iterdir()} - {"expected.csv", "make_corpus.py"}
    assert len(bad_files) >= 32
    assert bad_files == {line["file"] for line in _expected(BAD)}
    assert {p.name for p in GOOD.iterdir()} - {"expected.csv"} == {line["file"] for line in _expected(GOOD)}


@pytest.mark.parametrize("case", EXPECTED, ids=lambda c: f"{c['file']}-{c['code'] or 'ok'}-{c['row']}")
def test_expected_problem_at_expected_row(case):
    folder = BAD if (BAD / case["file"]).exists() else GOOD
    result = _read(case["file"], case["reader"], folder)
    found = [(p.code, p.row) for p in result.problems]
    if case["code"]:
        assert (case["code"], int(case["row"]) if case["row"] else None) in found, found
    else:
        assert found == []
    assert len(result.rows) == int(case["valid_rows"])
    assert result.total_rows >= len(result.rows)


@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.name)
@pytest.mark.parametrize("reader", READERS)
def test_never_raises_even_with_the_wrong_reader(path, reader):
    result = READERS[reader](path.name, path.read_bytes())
    assert isinstance(result.problems, list) and isinstance(result.rows, pd.DataFrame)


@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.name)
def test_never_raises_on_truncated_files(path):
    data = path.read_bytes()
    for cut in sorted({1, 7, len(data) // 3, len(data) // 2, len(data) - 1}):
        for reader in READERS.values():
            reader(path.name, data[:cut])


def test_never_raises_on_random_bytes():
    rng = random.Random(20240101)
    for _ in range(200):
        data = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 400)))
        for name in ("x.csv", "x.xlsx", "x.geojson", "x.json"):
            for reader in READERS.values():
                reader(name, data)


def test_every_problem_is_worded_in_both_languages_and_names_its_row():
    for result in _all_results():
        for problem in result.problems:
            assert problem.code in UPLOAD_MESSAGES
            for lang in ("zh", "en"):
                text = problem.describe(lang)
                assert not re.search(r"\{\w+\}", text), text  # every template value was supplied
                if problem.row is not None:
                    assert str(problem.row) in text
                if problem.column:
                    assert problem.column in text


def test_shipped_data_is_untouched_by_reading_the_corpus():
    def digest() -> dict[str, str]:
        return {str(p.relative_to(DATA)): hashlib.sha256(p.read_bytes()).hexdigest()
                for p in sorted(DATA.rglob("*")) if p.is_file()}

    before = digest()
    for _ in _all_results():
        pass
    assert digest() == before


# ---------------------------------------------------------------- file-level limits


@pytest.mark.parametrize("name", ["big.csv", "big.xlsx", "big.geojson"])
def test_oversized_file_is_refused_unread(name):
    line = "北京,2020,gdp,36102.6,亿元,\n".encode()
    data = b"city,year,indicator,value\n" + line * (uploads.MAX_UPLOAD_BYTES // len(line) + 1)
    assert len(data) > uploads.MAX_UPLOAD_BYTES
    reader = uploads.read_points if name.endswith("geojson") else uploads.read_indicators
    result = reader(name, data)
    assert [p.code for p in result.problems] == ["too_large"]
    assert result.rows.empty and result.total_rows == 0
    assert "5 MB" in result.problems[0].message("en")


def test_a_file_exactly_at_the_limit_is_read():
    data = (GOOD / "indicators_utf8.csv").read_bytes()
    data += b"\n" * (uploads.MAX_UPLOAD_BYTES - len(data))  # blank lines are skipped
    result = uploads.read_indicators("x.csv", data)
    assert result.problems == [] and len(result.rows) == 8


def test_unknown_extension_is_named():
    problem = uploads.read_indicators("table.ods", b"city,year\n").problems[0]
    assert problem.code == "unsupported_type" and ".ods" in problem.message("en")


def test_bad_file_names_the_exception_class():
    problem = _read("text_named.xlsx", "indicators", BAD).problems[0]
    assert problem.params["error"] == "BadZipFile"


def test_missing_columns_are_named():
    problem = _read("missing_column.csv", "indicators", BAD).problems[0]
    assert "indicator" in problem.message("en") and "city" not in problem.params["columns"]


# ---------------------------------------------------------------- good files


def test_indicator_rows_have_exactly_the_shipped_columns():
    rows = _read("indicators_utf8.csv", "indicators").rows
    shipped = pd.read_csv(DATA / "indicators.csv", nrows=1)
    assert list(rows.columns) == list(shipped.columns)
    assert rows["year"].dtype == "int64" and rows["value"].dtype == "float64"
    assert set(rows["edition"]) == {uploads.USER_EDITION}
    assert set(rows["notes"]) == {"user upload"} and set(rows["source_url"]) == {""}
    assert list(rows["unit"]) == [INDICATORS[i].unit for i in rows["indicator"]]
    assert rows["source_title"].iloc[0] == "北京统计年鉴（测试数据）"
    assert rows["source_title"].iloc[2] == "用户上传：indicators_utf8.csv"


def test_city_spellings_resolve_to_city_codes():
    rows = _read("indicators_utf8.csv", "indicators").rows
    assert list(rows["area_code"]) == ["110100"] * 5 + ["120100", "130100", "130100"]
    assert list(rows["indicator"][5:]) == ["population", "gdp", "share_tertiary"]


@pytest.mark.parametrize("text, code", [
    ("北京", "110100"), ("北京市", "110100"), ("Beijing", "110100"), (" BEIJING ", "110100"),
    ("110100", "110100"), ("110000", "110100"), ("天津", "120100"), ("120000", "120100"),
    ("石家庄", "130100"), ("石家庄市", "130100"), ("Shi jiazhuang", "130100"), ("衡水", "131100"),
])
def test_city_names(text, code):
    data = f'city,year,indicator,value\n"{text}",2020,gdp,1\n'.encode()
    assert list(uploads.read_indicators("x.csv", data).rows["area_code"]) == [code]


@pytest.mark.parametrize("name", ["indicators_bom.csv", "indicators_gbk.csv", "indicators_crlf.csv",
                                  "indicators_semicolon.csv", "indicators_tab.csv",
                                  "indicators_chinese_headers.csv"])
def test_encodings_and_delimiters_give_the_same_rows_as_utf8(name):
    expected = uploads.read_indicators("x.csv", (GOOD / "indicators_utf8.csv").read_bytes()).rows
    pd.testing.assert_frame_equal(uploads.read_indicators("x.csv", (GOOD / name).read_bytes()).rows, expected)


def test_gb18030_reads_like_its_utf8_text():
    data = (GOOD / "indicators_gb18030.csv").read_bytes()
    rows = uploads.read_indicators("x.csv", data).rows
    pd.testing.assert_frame_equal(rows, uploads.read_indicators("x.csv", data.decode("gb18030").encode()).rows)
    assert rows["source_title"].iloc[0] == "北京统计年鉴（测试数据䶮）"


def test_xlsx_header_below_merged_title_rows_is_found():
    rows = _read("indicators_title_rows.xlsx", "indicators").rows
    assert list(rows["area_code"]) == ["110100", "120100"]
    assert list(rows["year"]) == [2023, 2023] and list(rows["value"]) == [43760.7, 1364.0]


def test_xlsx_rows_are_numbered_as_in_the_sheet():
    assert [(p.code, p.row) for p in _read("xlsx_bad_value.xlsx", "indicators", BAD).problems] == [("not_a_number", 6)]


def test_points_csv_and_geojson():
    points = _read("points.csv", "points").rows
    assert list(points.columns) == list(uploads.POINT_COLUMNS)
    assert points.crs.to_epsg() == 4326
    assert list(points["id"]) == ["user-1", "user-2", "user-3"]
    assert list(points["city_code"][:2]) == ["110100", "120100"] and pd.isna(points["city_code"].iloc[2])
    assert points["year"].tolist() == [2020, pd.NA, 2018]
    pd.testing.assert_frame_equal(_read("points_gbk.csv", "points").rows.drop(columns="source_title"),
                                  points.drop(columns="source_title"))
    geojson = _read("points.geojson", "points").rows
    assert list(geojson["name"]) == ["天安门测试点", "天津测试点"]
    assert geojson["industries"].iloc[0] == "新一代信息技术;医药健康" and geojson["kind"].iloc[1] == "platform"


def test_injection_strings_are_kept_as_plain_text():
    names = _read("injection_points.csv", "points", BAD).rows["name"].tolist()
    assert names == ["<img src=x onerror=alert(1)>", "=cmd|' /C calc'!A0", "</script><script>alert(1)</script>"]
    sources = _read("injection_indicators.csv", "indicators", BAD).rows["source_title"].tolist()
    assert sources == names


def test_templates_are_accepted_without_problems():
    for kind, reader in READERS.items():
        result = reader(f"template_{kind}.csv", uploads.template_csv(kind))
        assert result.problems == [] and len(result.rows) == result.total_rows >= 1


# ---------------------------------------------------------------- messages


def test_message_names_row_and_column_in_both_languages():
    zh = uploads.UploadProblem(5, "city", "unknown_city", {"value": "上海"})
    en = uploads.UploadProblem(5, "city", "unknown_city", {"value": "Shanghai"})
    assert zh.describe("zh") == "第 5 行，列 city：未知城市“上海”"
    assert en.describe("en") == "Row 5, column city: unknown city “Shanghai”"
    assert en.message("en") == "Unknown city “Shanghai”"


def test_duplicate_names_the_earlier_row():
    problem = _read("duplicate_key.csv", "indicators", BAD).problems[0]
    assert problem.params["earlier_row"] == 2
    assert problem.describe("en") == "Row 4: duplicates row 2 (same city, year and indicator)"


def test_coordinate_messages():
    swapped = _read("swapped.csv", "points", BAD).problems[0]
    assert "latitude and longitude look swapped" in swapped.message("en") and swapped.column == "lon/lat"
    outside = _read("shanghai.csv", "points", BAD).problems[0]
    assert "outside Beijing–Tianjin–Hebei" in outside.message("en") and outside.column == "经度/纬度"
    mismatch = _read("city_mismatch.csv", "points", BAD).problems[0]
    assert "天津市" in mismatch.message("zh") and "Tianjin" in mismatch.message("en")


def test_every_message_template_exists_in_both_languages():
    for code, term in UPLOAD_MESSAGES.items():
        assert term.zh.strip() and term.en.strip() and term.zh != term.en, code


def test_long_values_are_cut_in_messages():
    data = ("city,year,indicator,value\n" + "x" * 500 + ",2020,gdp,1\n").encode()
    problem = uploads.read_indicators("x.csv", data).problems[0]
    assert problem.code == "unknown_city" and len(problem.message("en")) < 100


def test_problems_table():
    table = uploads.problems_table(_read("nan_inf.csv", "indicators", BAD), "en")
    assert list(table.columns) == ["Row", "Column", "Problem"]
    assert table["Row"].tolist() == [2, 3, 4, 5] and set(table["Column"]) == {"value"}


# ---------------------------------------------------------------- merging and the session


def test_merge_keeps_shipped_rows_untouched_and_first():
    shipped = pd.read_csv(DATA / "indicators.csv")
    copy = shipped.copy()
    uploaded = _read("indicators_utf8.csv", "indicators").rows
    merged = uploads.merge_indicators(shipped, uploaded)
    pd.testing.assert_frame_equal(shipped, copy)
    assert len(merged) == len(shipped) + len(uploaded) and merged is not shipped
    assert merged.iloc[-len(uploaded):]["notes"].eq("user upload").all()
    assert uploads.merge_indicators(shipped, uploaded.iloc[:0]) is not shipped


def test_session_helpers_store_once_per_file_and_clear():
    state: dict = {}
    result = _read("indicators_utf8.csv", "indicators")
    assert uploads.is_new_upload(state, "indicators", "file-1")
    uploads.remember_upload(state, "indicators", "file-1", result)
    assert state["user_indicators"] is result.rows and uploads.last_result(state, "indicators") is result
    assert not uploads.is_new_upload(state, "indicators", "file-1")
    assert uploads.is_new_upload(state, "indicators", "file-2")
    uploads.forget_uploads(state)
    assert "user_indicators" not in state and uploads.last_result(state, "indicators") is None
    assert not uploads.is_new_upload(state, "indicators", "file-1")  # still in the uploader: not re-read


def test_odd_containers_are_file_problems():
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("hello.txt", "not a workbook")
    assert [p.code for p in uploads.read_indicators("a.xlsx", archive.getvalue()).problems] == ["bad_file"]
    book = io.BytesIO()
    openpyxl.Workbook().save(book)
    assert [p.code for p in uploads.read_indicators("a.xlsx", book.getvalue()).problems] == ["empty"]
    huge_cell = b'city,year,indicator,value\n"' + b"x" * 200_000 + b'",2020,gdp,1\n'
    assert [p.code for p in uploads.read_indicators("a.csv", huge_cell).problems] == ["cell_too_large"]
    assert uploads.read_points("a.geojson", b"[" * 100_000).problems[0].code == "too_deep"


def test_geojson_point_without_two_coordinates_is_missing_its_position():
    data = (b'{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"name": "A"},'
            b' "geometry": {"type": "Point", "coordinates": [116.4]}}]}')
    assert [(p.code, p.row, p.column) for p in uploads.read_points("a.geojson", data).problems] == [
        ("missing_value", 1, "geometry"), ("missing_value", 1, "geometry")]


def test_committed_corpus_matches_its_script():
    spec = importlib.util.spec_from_file_location("make_corpus", BAD / "make_corpus.py")
    corpus = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(corpus)
    for name, _, _, _, data in corpus.BAD_CASES:
        assert (BAD / name).read_bytes() == data, name
    for name, _, _, data in corpus.GOOD_CASES:
        assert (GOOD / name).read_bytes() == data, name


def test_every_point_is_located_and_checked_as_the_per_point_lookup_does():
    """The places of a file are checked in one pass over arrays: the same cities, problems and order as
    boundaries.find_unit and one check per row."""
    counties = boundaries.counties()
    cities = dict(zip(boundaries.cities()["code"], boundaries.cities()["name_zh"]))
    lines = ["name,longitude,latitude,city"]
    expected = []
    for i, county in enumerate(counties.itertuples()):
        p = county.geometry.representative_point()
        given = cities[county.city_code] if i % 3 else ""  # a third name no city: located only
        lines.append(f"测试点 {i:03d} / Test point {i:03d},{p.x:.5f},{p.y:.5f},{given}")
        expected.append(boundaries.find_unit(p.x, p.y, "cities")["code"])
    lines[5] = "测试点 bad / Test point bad,39.9,116.4,"  # swapped
    lines[9] = "测试点 far / Test point far,100.0,30.0,北京"  # outside the region
    lines[12] = "测试点 wrong / Test point wrong,117.2,39.1,北京"  # in Tianjin, says Beijing
    result = uploads.read_points("places.csv", ("\n".join(lines) + "\n").encode("utf-8"))
    assert [(p.row, p.code) for p in result.problems] == [
        (6, "swapped_coordinates"), (10, "outside_region"), (13, "city_mismatch")]
    assert result.problems[2].params["found_en"] == "Tianjin"
    kept = [e for i, e in enumerate(expected) if i not in (4, 8, 11)]
    assert list(result.rows["located_city_code"]) == kept
    assert len(result.rows) == len(counties) - 3 and result.rows.geometry.geom_type.eq("Point").all()
