"""The parse-time cap (geo/limits.py MAX_PARSE_SECONDS): a read past it stops with a message naming the
file and the limit, and changes nothing. The cap is made tiny here, so no test depends on this
machine's speed; bench/bench_hostile.py measures how long real reads take (docs/limits.md)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import openpyxl
import pytest
from streamlit.testing.v1 import AppTest

from geo import limits, uploads
from geo.vocab import ui
from geo.workspace import reading
from tests import hostile_corpus

ROOT = Path(__file__).resolve().parents[1]
ROWS = 3 * limits.PARSE_CHECK_EVERY  # enough rows for the clock to be looked at


def _points_csv(n: int = ROWS) -> bytes:
    row = f"测试平台 {{i:04d}},{hostile_corpus.LON},{hostile_corpus.LAT},,,,,\n"
    return (hostile_corpus.POINT_HEADER + "".join(row.format(i=i) for i in range(n))).encode()


def _points_geojson(n: int = ROWS) -> bytes:
    features = [hostile_corpus.point_feature(f"测试平台 {i:04d}") for i in range(n)]
    return json.dumps({"type": "FeatureCollection", "features": features}).encode()


def _indicators_xlsx(n: int = ROWS) -> bytes:
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(["city", "year", "indicator", "value"])
    for i in range(n):
        sheet.append(["北京", 1950 + i % 70, "gdp", i + 1])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _indicators_csv(n: int = ROWS) -> bytes:
    return ("city,year,indicator,value\n" + "".join(f"北京,{1950 + i % 70},gdp,{i + 1}\n" for i in range(n))).encode()


CASES = [  # (reader, file name, bytes)
    (uploads.read_points, "慢的点位 slow points.csv", _points_csv()),
    (uploads.read_points, "slow.geojson", _points_geojson()),
    (uploads.read_indicators, "慢的指标.xlsx", _indicators_xlsx()),
    (uploads.read_indicators, "slow indicators.csv", _indicators_csv()),
]


@pytest.fixture
def no_time(monkeypatch):
    """A parse-time cap of 0 s: the first look at the clock stops the read."""
    monkeypatch.setattr(limits, "MAX_PARSE_SECONDS", 0.0)


@pytest.mark.parametrize(("read", "name", "data"), CASES, ids=[c[1] for c in CASES])
def test_the_same_files_are_read_within_the_default_cap(read, name, data):
    result = read(name, data)
    assert not result.rejected and "too_slow" not in [p.code for p in result.problems]
    assert len(result.rows) > 0


@pytest.mark.parametrize(("read", "name", "data"), CASES, ids=[c[1] for c in CASES])
def test_a_read_past_the_cap_names_the_file_and_the_limit_and_keeps_nothing(no_time, read, name, data):
    result = read(name, data)
    assert result.rejected and len(result.rows) == 0 and result.total_rows == 0
    assert [p.code for p in result.problems] == ["too_slow"]
    problem = result.problems[0]
    assert problem.describe("en") == (f"Reading “{name}” took longer than the 0 s limit and was stopped: "
                                      "nothing was kept and the data already loaded is unchanged")
    assert problem.describe("zh") == f"读取“{name}”超过 0 秒的时限，已停止：未采用任何一行，已有数据不变"


def test_a_slow_read_stops_before_its_end(monkeypatch):
    """The cap stops the work itself, not only the answer: rows after the first look are never checked."""
    checked = []
    original = uploads._point_values
    monkeypatch.setattr(uploads, "_point_values", lambda row, filename: checked.append(row.number)
                        or original(row, filename))
    table = uploads._open_table("s.csv", _points_csv(10_000), uploads.POINT_LAYOUT, (".csv",), limits.ParseClock(60))
    with pytest.raises(limits.ParseTooSlow):
        uploads._check_points(table, "s.csv", limits.ParseClock(0))
    assert 0 < len(checked) < limits.PARSE_CHECK_EVERY + 1 < len(table.records)


def test_a_refused_file_leaves_the_rows_already_uploaded(no_time):
    state: dict = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(limits, "MAX_PARSE_SECONDS", 60.0)
        good = uploads.read_points("good.csv", _points_csv(3))
    uploads.remember_upload(state, "points", "file-1", good)
    slow = uploads.read_points("slow.csv", _points_csv())
    uploads.remember_upload(state, "points", "file-2", slow)
    assert state["user_points"] is good.rows and len(good.rows) == 3
    assert uploads.last_result(state, "points") is slow and not uploads.is_new_upload(state, "points", "file-2")


def test_every_whole_file_refusal_changes_nothing():
    state: dict = {}
    good = uploads.read_indicators("good.csv", _indicators_csv(3))
    uploads.remember_upload(state, "indicators", "file-1", good)
    for name, data in (("big.csv", b"x" * (limits.MAX_UPLOAD_BYTES + 1)), ("bad.txt", b"a"), ("empty.csv", b" ")):
        refused = uploads.read_indicators(name, data)
        assert refused.rejected
        uploads.remember_upload(state, "indicators", name, refused)
        assert state["user_indicators"] is good.rows


def test_row_problems_are_not_a_refusal():
    result = uploads.read_indicators("rows.csv", b"city,year,indicator,value\nShanghai,2020,gdp,1\n")
    assert not result.rejected and result.problems[0].code == "unknown_city"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_data_page_shows_the_message_and_the_earlier_rows(no_time, lang):
    state: dict = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(limits, "MAX_PARSE_SECONDS", 60.0)
        uploads.remember_upload(state, "points", "file-1", uploads.read_points("good.csv", _points_csv(3)))
    uploads.remember_upload(state, "points", "file-2", uploads.read_points("慢 slow.csv", _points_csv()))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.session_state["lang"] = lang
    for key, value in state.items():
        at.session_state[key] = value
    at.run()
    at.switch_page("pages/data.py").run()
    assert not at.exception, at.exception
    messages = [m for frame in at.dataframe for m in frame.value.get(ui("upload_message", lang), [])]
    assert uploads.too_slow("慢 slow.csv", 0).message(lang) in messages
    assert ui("upload_stored", lang).format(indicators=0, points=3) in [c.value for c in at.caption]


def test_workspace_reader_uses_the_same_clock_and_message():
    body = "name,city\n" + "".join(f"P{i},天津\n" for i in range(2000))
    result = reading.read("platforms", "平台.csv", body.encode(), limits=reading.Limits(max_seconds=0))
    assert result.rejected
    assert result.problems[0].describe("en").startswith("Reading “平台.csv” took longer than the 0 s limit")
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(["name", "city"])
    for i in range(2000):
        sheet.append([f"P{i}", "天津"])
    out = io.BytesIO()
    book.save(out)
    result = reading.read("platforms", "平台.xlsx", out.getvalue(), limits=reading.Limits(max_seconds=0))
    assert [p.code for p in result.problems] == ["too_slow"]  # not swallowed as a malformed workbook
