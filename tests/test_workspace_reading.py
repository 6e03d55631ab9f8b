"""Reading workspace templates: placing rows, row messages, bounds, the hostile corpus, formulas,
templates that round-trip, and the page-facing frames (entities, merge with the shipped data)."""

from __future__ import annotations

import csv
import io
import zipfile

import openpyxl
import pytest

from geo import boundaries, registry
from geo.registry import COLUMNS
from geo.vocab import EXPECTED_PLATFORM_COUNTS, INDICATORS, PLATFORM_SYSTEMS, PLATFORM_TYPES
from geo.workspace import archive, entities, merge_with_curated, places, provenance, reading
from geo.workspace.kinds import KINDS, safe_text, template_csv, template_xlsx
from geo.workspace.store import Store
from tests import hostile_workspace_corpus as hostile_corpus


@pytest.fixture
def store(tmp_path):
    s = Store(f"sqlite:///{tmp_path / 'ws.sqlite'}")
    yield s
    s.dispose()


def _read(kind, text, **kwargs):
    return reading.read(kind, "t.csv", text.encode("utf-8"), **kwargs)


# ---------------------------------------------------------------- placing


@pytest.mark.parametrize("county, code", [
    ("蓟县", "120119"), ("蓟州区", "120119"), ("蓟州", "120119"), ("宁河县", "120117"), ("藁城市", "130109"),
    ("徐水县", "130609"), ("徐水", "130609"), ("130609", "130609"), ("Xushui District", "130609")])
def test_county_by_name_suffix_former_name_or_code(county, code):
    assert places.county_code(county) == code


def test_every_former_name_has_a_source_and_a_current_unit():
    table = places.former_names()
    assert table["source_title"].notna().all() and table["source_url"].str.startswith("http").all()
    counties = boundaries.counties()
    for row in table.itertuples():
        assert ((counties["name_zh"] == row.current_name_zh) & (counties["city_code"] == row.city_code)).any()


def test_ambiguous_county_name_needs_the_city():
    result = _read("platforms", "name,county\n测试平台 001,桥西区\n")
    assert [p.code for p in result.problems] == ["ambiguous_county"]
    with pytest.raises(places.PlaceError):
        places.county_code("Jizhou District")  # 蓟州区 (Tianjin) and 冀州区 (Hengshui) share it
    assert places.county_code("Jizhou District", "131100") == "131103"
    result = _read("platforms", "name,city,county\n测试平台 001,张家口,桥西区\n")
    assert result.rows[0]["county_code"].startswith("1307")


def test_point_in_another_county_names_where_it_falls():
    result = _read("platforms", "name,county,longitude,latitude\n测试平台 001,徐水县,116.3975,39.9087\n")
    (problem,) = result.problems
    assert problem.code == "point_elsewhere" and problem.row == 2
    assert "东城区 110101" in problem.describe("zh") and "Dongcheng" in problem.describe("en")
    assert "徐水区 130609" in problem.describe("en")


def test_precision_as_for_curated_rows():
    county = boundaries.label_points("counties").set_index("code").geometry["120119"]
    result = _read("platforms", "name,county,city,longitude,latitude\n"
                   f"A,蓟县,,{county.x},{county.y}\nB,蓟县,,,\nC,,保定,,\n")
    assert [r["precision"] for r in result.rows] == ["exact", "county_centroid", "city_centroid"]


# ---------------------------------------------------------------- row messages and bounds


def test_messages_name_row_and_problem_in_both_languages():
    result = _read("parks", "name,city,modes,year\nP1,Atlantis,,2019\nP2,天津,teleport,20x9\n")
    described = [p.describe("en") for p in result.problems]
    assert described == ["Row 2, column city: unknown city “Atlantis”",
                         "Row 3, column year: invalid year “20x9” (expected a whole number in 1949–2100)",
                         "Row 3, column modes: unknown cooperation mode “teleport”"]
    assert result.problems[0].describe("zh") == "第 2 行，列 city：未知城市“Atlantis”"


def test_messages_are_summarised_beyond_the_first_n_per_column_and_problem():
    body = "name,city\n" + "".join(f"P{i},Atlantis\n" for i in range(500))
    result = _read("platforms", body, limits=reading.Limits(max_messages=20))
    assert len(result.problems) == 21 and result.total_rows == 500
    assert result.problems[-1].code == "more_problems" and result.problems[-1].params["n"] == 480
    assert result.problems[-1].describe("en") == "Column city: 480 more rows have the same problem (unknown city “…”)"


def test_row_cap_refuses_the_whole_file():
    body = "name,city\n" + "".join(f"P{i},天津\n" for i in range(1000))
    result = _read("platforms", body, limits=reading.Limits(max_rows=100))
    assert result.rejected and result.rows == [] and result.problems[0].code == "too_many_rows"


def test_row_cap_stops_reading_a_huge_xlsx_early():
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(["name", "city"])
    for i in range(5000):
        sheet.append([f"P{i}", "天津"])
    out = io.BytesIO()
    book.save(out)
    result = reading.read("platforms", "t.xlsx", out.getvalue(), limits=reading.Limits(max_rows=50))
    assert result.problems[0].code == "too_many_rows"


def test_parse_time_cap():
    body = "name,city\n" + "".join(f"P{i},天津\n" for i in range(2000))
    result = _read("platforms", body, limits=reading.Limits(max_seconds=0))
    assert result.rejected and result.problems[0].code == "too_slow"
    assert "0 s" in result.problems[0].describe("en")


@pytest.mark.parametrize("case", hostile_corpus.cases(), ids=lambda c: c.id)
def test_hostile_file_gets_a_message_not_a_traceback(case):
    result = reading.read(case.kind, case.filename, case.data)
    assert result.rejected and result.rows == []
    assert [p.code for p in result.problems] == [case.code]
    for lang in ("zh", "en"):
        text = result.problems[0].describe(lang)
        assert "{" not in text and "Traceback" not in text


def test_hostile_file_changes_nothing_in_the_store(store):
    workspace_id, key = store.create("ws")
    for case in hostile_corpus.cases():
        _, version = store.upload(workspace_id, key, case.kind, case.filename, case.data)
        assert version is None
    assert store.versions(workspace_id) == []


def test_formula_after_a_control_character_is_guarded_as_written(store):
    assert safe_text("\u0001=HYPERLINK(\"x\")") == "'=HYPERLINK(\"x\")"
    assert safe_text("＝1+1") == "'＝1+1" and safe_text("plain") == "plain" and safe_text(3) == 3
    workspace_id, key = store.create("ws")
    result, version = store.upload(workspace_id, key, "platforms", "f.geojson", hostile_corpus.formula_geojson())
    assert version is not None, [p.describe("en") for p in result.problems]
    with zipfile.ZipFile(io.BytesIO(archive.export_zip(store, workspace_id))) as z:
        rows = list(csv.DictReader(io.StringIO(z.read("platform.csv").decode("utf-8"))))
    assert rows[0]["name_zh"].startswith("'=HYPERLINK")
    assert not any(cell.startswith(("=", "+", "-", "@", "\x01")) for row in rows for cell in row.values() if cell)


# ---------------------------------------------------------------- templates


@pytest.mark.parametrize("kind_id", list(KINDS))
def test_templates_have_help_lists_and_dropdowns(kind_id):
    book = openpyxl.load_workbook(io.BytesIO(template_xlsx(kind_id, "en")))
    assert [s.title for s in book.worksheets] == ["Help", "Data", "Lists"]
    data = book["Data"]
    header = [c.value for c in data[2 if kind_id == "indicators_wide" else 1]]
    assert header[0] in ("name", "city")
    lists = {row[0]: set() for row in book["Lists"].iter_rows(min_row=2, values_only=True)}
    for field, value, _ in book["Lists"].iter_rows(min_row=2, values_only=True):
        lists[field].add(value)
    assert lists["system"] == set(PLATFORM_SYSTEMS) and lists["platform_type"] == set(PLATFORM_TYPES)
    assert lists["indicator"] == set(INDICATORS) and len(lists["county"]) == len(boundaries.counties())
    assert data.data_validations.dataValidation, "no drop-downs"
    csv_header = template_csv(kind_id).decode("utf-8-sig").splitlines()
    assert csv_header[-1].split(",")[0] in ("name", "city")


def _fill_platform_template() -> bytes:
    """46 clearly fictional platforms, 15/20/8/3 by type, placed at real counties by name."""
    book = openpyxl.load_workbook(io.BytesIO(template_xlsx("platforms")))
    data = book["数据"]
    header = [c.value for c in data[1]]
    counties = list(boundaries.counties()["name_zh"].drop_duplicates(keep=False))
    types = [t for t, n in EXPECTED_PLATFORM_COUNTS.items() for _ in range(n)]
    for i, platform_type in enumerate(types, start=1):
        row = {"name": f"测试平台 {i:03d}", "name_en": f"Test platform {i:03d}", "system": "jjj_2_4_46",
               "platform_type": platform_type, "county": counties[i * 3 % len(counties)], "year": 2018,
               "source": "测试数据（虚构） / test fixture (fictional)"}
        data.append([row.get(h) for h in header])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_filled_template_round_trips_to_the_type_counts(store):
    workspace_id, key = store.create("测试工作区 / test workspace")
    result, version = store.upload(workspace_id, key, "platforms", "filled.xlsx", _fill_platform_template())
    assert result.problems == [] and version is not None
    table = entities(store, workspace_id)
    assert list(table.columns[:len(COLUMNS)]) == COLUMNS
    assert table["platform_type"].value_counts().to_dict() == EXPECTED_PLATFORM_COUNTS
    assert set(table["kind"]) == {"platform"} and set(table["systems"]) == {"jjj_2_4_46"}
    for point, county in zip(table.geometry, table["county_code"]):
        assert places.county_of_point(point.x, point.y) == county


def test_wide_and_long_indicator_tables_agree():
    wide = "indicator,gdp\ncity,2019,2020年\n北京,100,200\n保定市,3,4\n"
    long = "city,year,indicator,value\n北京,2019,gdp,100\n北京,2020,gdp,200\n保定市,2019,gdp,3\n保定,2020,gdp,4\n"
    key = ("area_code", "year", "indicator", "value")
    pick = [tuple(r[k] for k in key) for r in _read("indicators_wide", wide).rows]
    assert pick == [tuple(r[k] for k in key) for r in _read("indicators", long).rows]
    across = "year,2021\ncity,gdp,population\n天津,16311,1364\n"
    assert [(r["indicator"], r["year"]) for r in _read("indicators_wide", across).rows] == \
        [("gdp", 2021), ("population", 2021)]


# ---------------------------------------------------------------- frames for the pages


def test_merge_with_curated_joins_by_name_or_alias_and_prefers_the_workspace(store):
    curated = registry.entities()
    workspace_id, key = store.create("团队")
    body = ("name,aliases,platform_type,city,county,year,source\n"
            "蓟州经济开发区,,manufacturing,,蓟州区,2016,团队名单（虚构测试） / team list (test)\n"
            "测试平台 001,保定·中关村创新中心,innovation,保定,,,\n"
            "测试平台 002,,services,天津,,,\n")
    result, _ = store.upload(workspace_id, key, "platforms", "m.csv", body.encode())
    assert result.problems == []
    mine = entities(store, workspace_id)
    both = merge_with_curated(curated, mine, "both")
    assert len(both) == len(curated) + 1
    jizhou = both[both["id"] == "jizhou_economic_dev_zone"].iloc[0]
    assert jizhou["values_from"] == "workspace+curated" and jizhou["year"] == 2016
    # both sources, side by side and never joined: the curated one as shipped, the workspace's as uploaded
    assert jizhou["source_title"] == "002_3241da7b9d8b96a4.txt"
    assert jizhou["workspace_source_title"] == "团队名单（虚构测试） / team list (test)"
    assert both[both["id"] == "baoding_zgc_innovation_center"].iloc[0]["values_from"] == "workspace+curated"
    assert len(merge_with_curated(curated, mine, "curated")) == len(curated)
    assert len(merge_with_curated(curated, mine, "mine")) == 3
    with pytest.raises(ValueError):
        merge_with_curated(curated, mine, "everything")


def test_provenance_line_for_cards(store):
    workspace_id, key = store.create("团队名单")
    store.upload(workspace_id, key, "platforms", "m.csv", "name,city\n测试平台 001,天津\n".encode())
    row = entities(store, workspace_id).iloc[0]
    today = row["uploaded"].date().isoformat()
    assert provenance(row, "zh") == f"数值来自工作区“团队名单”（{today} 上传）"
    assert provenance(registry.entities().iloc[0].to_dict() | {"values_from": "curated"}, "en") is None


@pytest.mark.parametrize("kind_id", list(KINDS))
def test_template_dropdowns_cover_every_row_the_reader_accepts(kind_id):
    """Each list column has one validation from the first data row to the row cap (not the first 2,000)."""
    book = openpyxl.load_workbook(io.BytesIO(template_xlsx(kind_id, "en")))
    data = book["Data"]
    header_row = 2 if kind_id == "indicators_wide" else 1
    header = [c.value for c in data[header_row]]
    lists = {row[0] for row in book["Lists"].iter_rows(min_row=2, values_only=True)}
    last = header_row + reading.Limits().max_rows
    listed = [i for i, field in enumerate(header, start=1) if field in lists]
    assert listed, "no column with a drop-down"
    rules = data.data_validations.dataValidation
    for index in listed:
        letter = openpyxl.utils.get_column_letter(index)
        covering = [rule for rule in rules if f"{letter}{last}" in rule.sqref]
        assert len(covering) == 1 and covering[0].type == "list", (header[index - 1], last)
        assert f"{letter}{header_row + 1}" in covering[0].sqref and f"{letter}{last + 1}" not in covering[0].sqref
        assert f"{letter}{header_row}" not in covering[0].sqref  # the header itself stays free
    assert len(rules) == len(listed) + (kind_id == "indicators_wide")  # one per column, not one per cell


# ---------------------------------------------------------------- the hostile corpus, kind by kind


@pytest.mark.parametrize("case", hostile_corpus.kind_cases(), ids=lambda c: c.id)
def test_hostile_file_of_every_kind_is_refused_with_its_message(case):
    result = reading.read(case.kind, case.filename, case.data)
    assert result.rejected and result.rows == []
    assert [p.code for p in result.problems] == [case.code]
    for lang in ("zh", "en"):
        text = result.problems[0].describe(lang)
        assert text and "{" not in text and "Traceback" not in text


@pytest.mark.parametrize("case", hostile_corpus.row_cases(), ids=lambda c: c.id)
def test_bad_rows_of_every_kind_are_named_by_row_and_column(case):
    result = reading.read(case.kind, case.filename, case.data)
    assert not result.rejected and result.rows == []
    assert sorted((p.row, p.column, p.code) for p in result.problems) == sorted(case.problems)
    for problem in result.problems:
        assert problem.describe("en").startswith(f"Row {problem.row}, column {problem.column}: ")
        assert problem.describe("zh").startswith(f"第 {problem.row} 行")
        assert "{" not in problem.describe("en") + problem.describe("zh")


def test_wide_table_cells_count_against_the_row_cap():
    """200 cities × 150 years is 30,000 rows once unpivoted: refused by the cap, not unpivoted whole."""
    result = reading.read("indicators_wide", "w.csv", hostile_corpus._wide_csv(150, 200),
                          limits=reading.Limits(max_seconds=600))
    assert result.rejected and [p.code for p in result.problems] == ["too_many_rows"]
    assert len(_read("indicators_wide", "indicator,gdp\ncity,2019,2020\n北京,1,2\n天津,3,4\n").rows) == 4


def test_a_data_row_past_the_cap_refuses_the_file():
    header = "title of the table\nname,city\n"
    at_cap = header + "测试平台 001,天津\n" * 100
    assert len(_read("platforms", at_cap, limits=reading.Limits(max_rows=100)).rows) == 100
    over = _read("platforms", at_cap + "测试平台 001,天津\n", limits=reading.Limits(max_rows=100))
    assert over.rejected and [p.code for p in over.problems] == ["too_many_rows"]
