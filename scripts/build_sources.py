"""Build data/sources.csv: one record for every (title, address) that a row of data/*.csv cites.

    python scripts/build_sources.py [--check]

Each pair is graded by the domain rules of ``geo.sources`` (governments and statistics bureaus
official; the listed national and provincial outlets mainstream; anything else weak), the seeds by
what their own text says, then ``data/source_overrides.csv`` corrects outlet, date or grade where a
rule is wrong. Re-run it after appending rows; ``--check`` only reports what would change (exit 1).
A pair on a blocked host (content farm, gambling site) is reported and still written, so the data
check (``python -m geo.validate``) can name the row that cites it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from geo import sources  # noqa: E402

OVERRIDES_PATH = sources.DATA_DIR / "source_overrides.csv"
SKIP = {sources.SOURCES_PATH.name, OVERRIDES_PATH.name}


def overrides() -> dict[str, dict]:
    """Curated corrections keyed by address (or title): only the non-empty cells override."""
    if not OVERRIDES_PATH.exists():
        return {}
    table = pd.read_csv(OVERRIDES_PATH, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    return {r["key"]: {c: r[c] for c in ("outlet", "date", "grade", "notes") if r[c]} for _, r in table.iterrows()}


def cited_pairs(data_dir: Path = sources.DATA_DIR) -> list[tuple[str, str]]:
    """Every (title, url) pair cited by any CSV under data/, in file and row order, without repeats."""
    seen: dict[str, tuple[str, str]] = {}
    for path in sorted(data_dir.glob("*.csv")):
        if path.name in SKIP:
            continue
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
        if "source_title" not in frame:
            continue
        urls = frame["source_url"] if "source_url" in frame else [""] * len(frame)
        for title, url in zip(frame["source_title"], urls):
            for pair in sources.pairs(title, url):
                seen.setdefault(sources.key_of(*pair), pair)
    return list(seen.values())


def build(data_dir: Path = sources.DATA_DIR) -> pd.DataFrame:
    """The source table for everything cited under ``data_dir``, sorted by id."""
    fixes = overrides()
    rows = [sources.record_for(t, u, fixes).__dict__ for t, u in cited_pairs(data_dir)]
    unknown = set(fixes) - {u or t for t, u in cited_pairs(data_dir)}
    for key in sorted(unknown):
        print(f"note: override for {key!r} matches no cited source", file=sys.stderr)
    return pd.DataFrame(rows, columns=sources.COLUMNS).sort_values("id").reset_index(drop=True)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report differences, write nothing")
    args = parser.parse_args(argv)
    table = build()
    for _, row in table.iterrows():
        if reason := sources.blocked_reason(row["url"]):
            print(f"BLOCKED {row['url']} ({reason}): replace or drop the rows citing it", file=sys.stderr)
    current = sources.read_table()
    same = current.reset_index(drop=True).equals(table.astype(str))
    counts = table["grade"].value_counts().to_dict()
    print(f"{len(table)} sources ({', '.join(f'{g} {counts.get(g, 0)}' for g in sources.GRADES)})"
          + ("" if same else " — differs from data/sources.csv"))
    if args.check:
        return 0 if same else 1
    table.to_csv(sources.SOURCES_PATH, index=False, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
