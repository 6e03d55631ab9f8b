"""Check every curated table and print a coverage report.

    python -m geo.validate

Exit status 0 when every row passes; 1 with one line per problem (file, line, column, what).
"""

from __future__ import annotations

import sys

import pandas as pd

from geo import coverage, datasets


def main() -> int:
    frames, problems = datasets.check_all()
    for problem in problems:
        print(f"PROBLEM {problem}")
    pd.set_option("display.width", 160)
    pd.set_option("display.max_columns", 20)
    sections = coverage.report(frames)
    titles = {
        "rows": "Rows per table",
        "systems": "Platform systems: members found vs announced",
        "platform_types": "The 46 platforms of the Dec 2017 document, by type",
        "indicators": "Core indicators with a value (of %d), area x year" % len(coverage.CORE_INDICATORS),
        "locations": "Point locations: source coordinates vs reference points",
    }
    for key, title in titles.items():
        print(f"\n== {title} ==")
        print(sections[key].to_string(index=key != "rows"))
    matrix = sections["matrix"]
    summary = coverage.matrix_summary(matrix)
    print(f"\n== Indicator matrix: {summary['cities']} cities x {summary['indicators']} core indicators "
          f"({', '.join(coverage.MATRIX_INDICATORS)}) x {summary['years']} years ==")
    print(matrix.assign(total=matrix.sum(axis=1)).to_string())
    print(f"{summary['filled']} of {summary['cells']} cells have a value ({summary['share']:.1%})")
    print("\n== Rows whose sources are all weak (repost/aggregator), per table ==")
    print(sections["weak_sources"].to_string(index=False))
    print(f"\n{sections['alternates']} alternate value(s) in indicator_alternates.csv (other sources, same key)")
    pp = sections["parks_projects"]
    parts = ", ".join(f"{k} {v}" for k, v in pp.items() if k not in ("total", "target"))
    print(f"Parks and key projects: {pp['total']} ({parts}); target {pp['target']}")
    print(f"\n{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
