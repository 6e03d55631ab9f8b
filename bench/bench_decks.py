"""Atlas and film export times (geo.atlas, geo.film) at 1920×1080.

    python -m bench.bench_decks [--runs 3]

Times (median of ``--runs``, after one warm-up; through ``geo.export_formats``) the 13-slide city
atlas as PPTX and as PDF, and the 2013–2025 timeline film as GIF and as MP4, each from nothing to
bytes. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import statistics
import time

from geo import export_formats, filters

TARGETS = {"city atlas PPTX (13 maps)": 15.0, "timeline film GIF (13 years)": 20.0,
           "timeline film MP4 (13 years)": 20.0}


def _seconds(job) -> tuple[float, int]:
    start = time.perf_counter()
    size = len(job())
    return time.perf_counter() - start, size


def run(runs: int = 3) -> list[tuple[str, list[float], int]]:
    state = filters.ViewState()
    jobs = {
        "city atlas PPTX (13 maps)": lambda: export_formats.export_atlas(state, "city", "pptx"),
        "city atlas PDF (13 maps)": lambda: export_formats.export_atlas(state, "city", "pdf"),
        "timeline film GIF (13 years)": lambda: export_formats.export_film(state, "gif"),
        "timeline film MP4 (13 years)": lambda: export_formats.export_film(state, "mp4"),
    }
    for fmt in export_formats.ATLAS_FORMATS:  # warm-up: data, boundaries, fonts, the PDF font subset
        export_formats.export_atlas(state, "type", fmt)
    out = []
    for name, job in jobs.items():
        results = [_seconds(job) for _ in range(runs)]
        out.append((name, [t for t, _ in results], results[-1][1]))
    return out


def table(results, runs: int) -> str:
    rows = [f"| export, 1920×1080 (median of {runs}) | time | size | target |", "|---|---|---|---|"]
    for name, times, size in results:
        median = statistics.median(times)
        target = TARGETS.get(name)
        verdict = f"≤ {target:.0f} s: {'yes' if median <= target else '**no**'}" if target else ""
        rows.append(f"| {name} | {median:.1f} s ({', '.join(f'{t:.1f}' for t in times)}) | {size / 1e6:.1f} MB "
                    f"| {verdict} |")
    return "\n".join(rows)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(table(run(args.runs), args.runs))
