"""The bounded worker (geo/worker.py): a read or an export past its time cap, inside one library call, is
killed and reported; a dead worker is reported and replaced; the server's other threads keep running and
its memory does not grow while a worker parses. The caps are made small here, so no test depends on this
machine's speed; bench/bench_hostile.py measures the real times (docs/limits.md)."""

from __future__ import annotations

import os
import threading
import time

import psutil
import pytest
from streamlit.testing.v1 import AppTest

from geo import export_formats, limits, snapshot_cli, uploads, worker
from geo.filters import ViewState
from geo.workspace import reading
from tests import hostile_corpus, worker_tasks
from tests.test_export_view import PANEL_SCRIPT, ROOT

MB = 2**20


def _worker_rss() -> float:
    """The resident memory of this process's worker processes (the forkserver's children)."""
    total = 0.0
    for child in psutil.Process().children(recursive=True):
        try:
            total += child.memory_info().rss / MB
        except psutil.Error:
            pass
    return total


@pytest.fixture
def fresh_pool(monkeypatch):
    """Workers started for this test alone (a cap patched here reaches a worker when it starts)."""
    pool = worker._Pool()
    monkeypatch.setattr(worker, "_pool", pool)
    yield pool
    while True:
        try:
            pool._idle.get_nowait().kill()
        except Exception:  # noqa: BLE001 - the queue is empty
            break


def test_calls_run_in_another_process_and_return_pickled_results():
    pid = worker.run(os.getpid, seconds=30)
    assert pid != os.getpid()
    result = uploads.read_points("p.csv", f"{hostile_corpus.POINT_HEADER}测试平台 1,{hostile_corpus.LON},"
                                 f"{hostile_corpus.LAT},,,,,\n".encode())
    assert not result.rejected and len(result.rows) == 1 and result.rows.crs.to_epsg() == 4326


def test_a_call_past_the_cap_inside_one_c_call_is_killed_and_the_next_call_works():
    before = worker.replaced()
    with pytest.raises(worker.WorkerFailed) as failed:
        worker.run(worker_tasks.sleep_in_c, 60, seconds=0.5)
    assert failed.value.reason == "time" and failed.value.limit == 0.5
    assert worker.replaced() == before + 1
    assert worker.run(worker_tasks.sleep_in_c, 0, seconds=30) == "woke"


def test_a_parse_stuck_in_one_library_call_is_stopped_and_named(monkeypatch):
    """openpyxl's sizing pass over a sheet without <dimension> (500,000 rows) is one call: the parse clock
    cannot look in during it; the worker is killed at the cap and the file refused with its name."""
    data = hostile_corpus.xlsx_rows(500_000)
    monkeypatch.setattr(limits, "MAX_PARSE_SECONDS", 0.3)
    monkeypatch.setattr(limits, "WORKER_GRACE_SECONDS", 0.2)
    before = worker.replaced()
    result = uploads.read_indicators("五十万行.xlsx", data)
    assert worker.replaced() == before + 1  # killed, not refused by the parse clock after the call
    assert result.rejected and len(result.rows) == 0 and result.total_rows == 0
    assert [p.describe("en") for p in result.problems] == [
        "Reading “五十万行.xlsx” took longer than the 0.3 s limit and was stopped: nothing was kept and the data "
        "already loaded is unchanged"]
    assert result.problems[0].describe("zh").startswith("读取“五十万行.xlsx”超过 0.3 秒的时限，已停止")
    assert not uploads.read_indicators("ok.csv", b"city,year,indicator,value\n\xe5\x8c\x97\xe4\xba\xac,2020,gdp,1\n"
                                       ).rejected  # the next read works (the cap is still 0.3 s)


def test_a_workspace_file_stuck_in_one_library_call_is_stopped_and_named(monkeypatch):
    """The workspace reader streams a sheet row by row, but the shared-string table is one openpyxl call."""
    monkeypatch.setattr(limits, "WORKER_GRACE_SECONDS", 0.2)
    before = worker.replaced()
    result = reading.read("indicators", "共享字符串.xlsx", hostile_corpus.shared_strings_xlsx(300_000),
                          limits=reading.Limits(max_seconds=0.3))
    assert worker.replaced() == before + 1
    assert result.rejected and not result.rows and [p.code for p in result.problems] == ["too_slow"]
    assert result.problems[0].describe("en").startswith("Reading “共享字符串.xlsx” took longer than the 0.3 s limit")


def test_a_worker_that_dies_is_reported_and_replaced():
    before = worker.replaced()
    with pytest.raises(worker.WorkerFailed) as failed:
        worker.run(os._exit, 1, seconds=30)
    assert failed.value.reason == "died" and worker.replaced() == before + 1
    assert worker.run(worker_tasks.sleep_in_c, 0, seconds=30) == "woke"
    message = uploads.stopped("点位.csv", failed.value, 60).describe("en")
    assert message.startswith("The process reading “点位.csv” ended unexpectedly: nothing was kept")


def test_the_memory_cap_stops_a_call_and_the_next_one_works(monkeypatch, fresh_pool):
    monkeypatch.setattr(limits, "MAX_WORKER_MEMORY_MB", 200)
    with pytest.raises(worker.WorkerFailed) as failed:
        worker.run(worker_tasks.allocate, 400, seconds=60)
    assert failed.value.reason == "memory" and failed.value.limit == 200
    assert worker.run(worker_tasks.allocate, 50, seconds=60) == 50 * MB


def test_a_read_past_the_memory_cap_is_refused_with_its_name(monkeypatch, fresh_pool):
    """The 5 MB file of 5 million blank lines takes about 90 MB to read; a 20 MB cap stops it."""
    monkeypatch.setattr(limits, "MAX_WORKER_MEMORY_MB", 20)
    data = dict((name, data) for _, name, _, data, _ in hostile_corpus.cases())["blank_lines_5mb.csv"]
    result = uploads.read_points("空行.csv", data)
    assert result.rejected and len(result.rows) == 0
    assert [p.describe("en") for p in result.problems] == [
        "Reading “空行.csv” needed more than the 20 MB memory limit and was stopped: nothing was kept and the data "
        "already loaded is unchanged"]
    assert "20 MB 的上限" in result.problems[0].describe("zh")


def test_a_render_past_the_render_cap_is_stopped_and_named(monkeypatch):
    monkeypatch.setattr(limits, "MAX_RENDER_SECONDS", 0.2)
    before = worker.replaced()
    with pytest.raises(worker.WorkerFailed) as failed:
        worker.render(export_formats.export, ViewState(), "png", preset="3840x2160")
    assert failed.value.reason == "time" and worker.replaced() == before + 1
    assert worker.render_message(failed.value, "PNG", "en") == (
        "Making the PNG export took longer than the 0.2 s limit and was stopped: no file was made and the map and "
        "data are unchanged")
    assert worker.render_message(failed.value, "PNG", "zh").startswith("生成 PNG 超过 0.2 秒的时限，已停止")


def test_the_command_line_stops_a_render_past_the_cap_with_one_line(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(limits, "MAX_RENDER_SECONDS", 0.2)
    out = tmp_path / "map.png"
    assert snapshot_cli.main(["--format", "png", "--preset", "3840x2160", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.splitlines() == ["python -m geo.snapshot: error: Making the png export took longer than the 0.2 s "
                                "limit and was stopped: no file was made and the map and data are unchanged"]
    assert not out.exists()


def test_the_export_panel_reports_a_stopped_render_and_keeps_its_files(monkeypatch):
    at = AppTest.from_string(PANEL_SCRIPT.format(root=str(ROOT)), default_timeout=120).run()
    at.button(key="x_generate").click().run()
    assert len(at.get("download_button")) == 8 and not at.error
    monkeypatch.setattr(limits, "MAX_RENDER_SECONDS", 0.2)
    at.text_input(key="x_title").input("另一个标题").run()  # new settings: the files above are stale
    at.button(key="x_generate").click().run()
    assert not at.exception, at.exception
    assert [e.value for e in at.error] == [
        "Making the PNG, SVG, PDF, PPTX, HTML, CSV, XLSX, GeoJSON export took longer than the 0.2 s limit and "
        "was stopped: no file was made and the map and data are unchanged"]
    assert not at.get("download_button")  # the earlier files stand for another title: not offered as these
    assert any(c.value.startswith("The view or the settings changed") for c in at.caption)


def test_another_thread_keeps_running_while_a_heavy_parse_runs():
    """Another session's work (a thread doing small steps) goes on while 50,000 bad rows are read: the
    longest stretch it waited is a small part of the read, and it made progress all along."""
    data = dict((name, data) for _, name, _, data, _ in hostile_corpus.cases())["messages_at_row_limit.csv"]
    uploads.read_points("warm.csv", data[:2000])
    done, steps = threading.Event(), []
    reader = threading.Thread(target=lambda: (uploads.read_points("big.csv", data), done.set()))
    start = time.perf_counter()
    reader.start()
    while not done.is_set():
        sum(range(2_000))  # a small piece of another session's work
        steps.append(time.perf_counter())
        time.sleep(0.002)
    reader.join()
    took = time.perf_counter() - start
    gaps = [b - a for a, b in zip([start, *steps], steps)]
    assert len(steps) > 10, f"the other thread made {len(steps)} steps in {took:.1f} s"
    assert max(gaps) < max(took / 3, 0.5), f"it waited {max(gaps):.2f} s at once during a {took:.1f} s read"


def test_the_servers_memory_does_not_grow_with_a_heavy_parse():
    """The 5 MB file of 5 million blank lines takes about 90 MB to read, in the worker, not here."""
    data = dict((name, data) for _, name, _, data, _ in hostile_corpus.cases())["blank_lines_5mb.csv"]
    uploads.read_points("warm.csv", data[:2000])
    here, workers = psutil.Process(), _worker_rss()
    before, peak, worker_peak, done = here.memory_info().rss / MB, [0.0], [0.0], threading.Event()

    def watch():
        while not done.is_set():
            peak[0] = max(peak[0], here.memory_info().rss / MB)
            worker_peak[0] = max(worker_peak[0], _worker_rss())
            time.sleep(0.01)

    watcher = threading.Thread(target=watch)
    watcher.start()
    result = uploads.read_points("blank.csv", data)
    done.set()
    watcher.join()
    assert len(result.rows) == 1
    grew, worker_grew = peak[0] - before, worker_peak[0] - workers
    assert grew < 30, f"this process grew by {grew:.0f} MB (the worker by {worker_grew:.0f} MB)"
    assert worker_grew > grew + 30, f"the worker grew by {worker_grew:.0f} MB, this process by {grew:.0f} MB"


def test_in_process_is_explicit_and_gives_the_same_result():
    data = f"{hostile_corpus.POINT_HEADER}测试平台 1,{hostile_corpus.LON},{hostile_corpus.LAT},,,,,\n".encode()
    with worker.in_process():
        assert worker.run(os.getpid, seconds=1) == os.getpid()
        here = uploads.read_points("p.csv", data)
    there = uploads.read_points("p.csv", data)
    assert here.rows.to_wkt().equals(there.rows.to_wkt()) and here.digest == there.digest
