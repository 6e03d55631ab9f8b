"""How long workspace uploads take, and how long they stall the rest of the process.

    python -m bench.bench_workspace [--rows 1000]

Streamlit runs every session as a thread of one process, so an upload that holds the GIL stalls
everyone. A heartbeat thread wakes every 10 ms while an upload runs in another thread; the longest
gap between two wake-ups, less the 10 ms, is the stall another session would see. Cases: a valid
platform CSV of ``--rows`` fictional rows (read and saved to a fresh SQLite store), the same rows as
a filled XLSX template, a 5 MB CSV of bad rows (message amplification), and a 1,048,576-row XLSX
(the row cap stops it). Then ``entities()`` on the saved workspace. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import io
import tempfile
import threading
import time

import openpyxl

from geo import boundaries
from geo.workspace import Store, entities, reading
from tests import hostile_workspace_corpus as hostile_corpus

TICK = 0.010


class Heartbeat(threading.Thread):
    """Wakes every ``TICK`` seconds and records the longest lateness."""

    def __init__(self):
        super().__init__(daemon=True)
        self.stop, self.worst = threading.Event(), 0.0

    def run(self):
        last = time.perf_counter()
        while not self.stop.is_set():
            time.sleep(TICK)
            now = time.perf_counter()
            self.worst = max(self.worst, now - last - TICK)
            last = now


def _timed(work):
    beat = Heartbeat()
    beat.start()
    time.sleep(0.05)
    start = time.perf_counter()
    result = work()
    seconds = time.perf_counter() - start
    beat.stop.set()
    beat.join()
    return seconds, beat.worst, result


def _platform_csv(rows: int) -> bytes:
    counties = list(boundaries.counties()["name_zh"].drop_duplicates(keep=False))
    types = ("innovation", "manufacturing", "services", "agriculture")
    lines = ["name,system,platform_type,county,year,source"]
    lines += [f"测试平台 {i:04d} / Test platform {i:04d},jjj_2_4_46,{types[i % 4]},{counties[i % len(counties)]},2018,"
              "测试数据（虚构）" for i in range(rows)]
    return ("\n".join(lines) + "\n").encode("utf-8")


def _xlsx_from_csv(data: bytes) -> bytes:
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet()
    for line in data.decode("utf-8").splitlines():
        sheet.append(line.split(","))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1000)
    parser.add_argument("--database-url", help="a PostgreSQL URL to bench the PostGIS backend (default: SQLite)")
    args = parser.parse_args()
    reading.read("platforms", "warm.csv", _platform_csv(5))  # boundaries and lookups loaded once
    valid = _platform_csv(args.rows)
    bad_within_cap = ("name,county\n" + "测试平台,Atlantis\n" * 19_999).encode("utf-8")
    bad = ("name,county\n" + "测试平台,Atlantis\n" * (5 * 2**20 // 22)).encode("utf-8")[: 5 * 2**20 - 100]
    cases = [(f"{args.rows}-row platform CSV ({len(valid) / 1024:.0f} kB), read + save", "csv", valid),
             (f"{args.rows}-row platform XLSX, read + save", "xlsx", _xlsx_from_csv(valid)),
             (f"5 MB CSV of bad rows ({len(bad) / 2**20:.1f} MB)", "csv", bad),
             ("19,999 rows, every one with an unknown county", "csv", bad_within_cap)]
    big = hostile_corpus.rows_xlsx(1_048_576)
    cases.append((f"1,048,576-row XLSX ({len(big) / 1024:.0f} kB)", "xlsx", big))
    wide = hostile_corpus._wide_csv(199, 12_000)  # 2.4 million cells once unpivoted
    cases.append((f"wide table, 199 years × 12,000 rows ({len(wide) / 2**20:.1f} MB)", "csv", wide, "indicators_wide"))
    print("| case | seconds | longest stall of another thread (ms) | rows kept | messages | outcome |")
    print("|---|---:|---:|---:|---:|---|")
    with tempfile.TemporaryDirectory() as folder:
        store = Store(args.database_url or f"sqlite:///{folder}/bench.sqlite",
                      schema="bench_workspace" if args.database_url else None)
        workspace_id, key = store.create("bench")
        for label, suffix, data, *kind in cases:
            kind = kind[0] if kind else "platforms"
            seconds, stall, (result, version) = _timed(
                lambda suffix=suffix, data=data, kind=kind: store.upload(workspace_id, key, kind, f"f.{suffix}", data))
            outcome = f"version {version}" if version else result.problems[0].code
            print(f"| {label} | {seconds:.2f} | {stall * 1000:.0f} | {len(result.rows)} | {len(result.problems)} "
                  f"| {outcome} |")
        seconds, stall, table = _timed(lambda: entities(store, workspace_id))
        print(f"| entities() of {len(table)} rows | {seconds:.2f} | {stall * 1000:.0f} | {len(table)} | | |")
        if args.database_url:
            with store.engine.begin() as conn:
                conn.exec_driver_sql("DROP SCHEMA bench_workspace CASCADE")
        store.dispose()


if __name__ == "__main__":
    main()
