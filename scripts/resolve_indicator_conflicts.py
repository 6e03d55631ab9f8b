"""Keep one value per (area, year, indicator, edition) in data/indicators.csv; move the rest to
data/indicator_alternates.csv with their sources.

    python scripts/resolve_indicator_conflicts.py [--dry-run]

For a key with several rows the kept one is, in order: the value a curated decision below names;
else the row whose best source has the best grade (official, mainstream, weak; data/sources.csv,
so run scripts/build_sources.py first); else the row listed first. Each moved row gets a note
saying which value was kept and why. Run ``python -m geo.validate`` afterwards.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from geo import sources  # noqa: E402

INDICATORS = sources.DATA_DIR / "indicators.csv"
ALTERNATES = sources.DATA_DIR / "indicator_alternates.csv"
KEY = ["area_code", "year", "indicator", "edition"]

# (area, year, indicator, edition) -> (value to keep, why). Only where the grade rule is not enough.
DECISIONS = {
    **{("jjj", "2014", ind, "as_published_in_source"): (value, (
        "seed 001 (中国发展观察 2023) kept: its 2014 and 2022 structures are one comparison in one text; "
        "seed 004 (2022) prints 5.2/41.3/53.5 for the same year without saying which edition"))
       for ind, value in (("share_primary", 5.7), ("share_secondary", 41.1), ("share_tertiary", 53.2))},
    ("130000", "2022", "rd_intensity", "first_release"): (2.00, (
        "2.00 is the figure of the report on Hebei's 2022 科技经费投入统计公报; 2.04 matches no official figure")),
    ("110100", "2016", "gdp_per_capita", "as_published_in_source"): (115000, (
        "115,000 from the statistics bureau's 2012–2016 review kept; 118,000 is a later restatement, "
        "probably after a revision (not confirmed)")),
    ("130100", "2019", "population", "first_release"): (1039.42, (
        "1,039.42 given by two sources incl. 石家庄市档案馆 kept; 1,103.12 probably counts 辛集市 (scope not stated)")),
}


def _grade_rank(title, url) -> int:
    ranks = [sources.GRADES.index(s.grade) for s in sources.lookup(title, url)]
    return min(ranks) if ranks else len(sources.GRADES)


def resolve(indicators: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, list[str]]:
    """(kept rows, moved rows, one log line per moved row)."""
    moved, log = [], []
    for key, group in indicators[indicators.duplicated(KEY, keep=False)].groupby(KEY, sort=False):
        decision = DECISIONS.get(tuple(key))
        keep = None
        candidates = group
        if decision:
            matching = group[group["value"].astype(float).round(6) == round(decision[0], 6)]
            candidates = matching if len(matching) else group
        reason = decision[1] if decision and candidates is not group else \
            "better-graded source kept (ties: the row listed first)"
        # Among the rows with the decided value (or all), the best-graded source; ties: listed first.
        keep = min((_grade_rank(r["source_title"], r["source_url"]), i) for i, r in candidates.iterrows())[1]
        for i in group.index.drop(keep):
            note = f"alternate to {group.loc[keep, 'value']} ({group.loc[keep, 'source_title']}): {reason}"
            row = indicators.loc[i].copy()
            row["notes"] = "; ".join(p for p in (row["notes"], note) if p)
            moved.append(row)
            log.append(f"{', '.join(key)}: kept {group.loc[keep, 'value']}, moved {row['value']} ({reason})")
    moved_index = [r.name for r in moved]
    return indicators.drop(index=moved_index), pd.DataFrame(moved, columns=indicators.columns), log


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args(argv)
    read = dict(dtype=str, keep_default_na=False, encoding="utf-8-sig")
    indicators = pd.read_csv(INDICATORS, **read)
    alternates = pd.read_csv(ALTERNATES, **read) if ALTERNATES.exists() else indicators.iloc[0:0]
    kept, moved, log = resolve(indicators)
    print("\n".join(log) or "no key has two values")
    if not args.dry_run and len(moved):
        kept.to_csv(INDICATORS, index=False)
        pd.concat([alternates, moved], ignore_index=True).to_csv(ALTERNATES, index=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
