"""Build parks.csv and projects.csv from the row lists below (run: python3 build.py)."""
import csv, os, sys
HERE = os.path.dirname(os.path.abspath(__file__))
PARK_COLS = "id,name_zh,name_en,origin_name_zh,origin_code,host_city_code,host_county_code,lon,lat,precision,modes,year,year_kind,industries,source_title,source_url,notes".split(",")
PROJ_COLS = "id,name_zh,name_en,origin_name_zh,origin_code,host_city_code,host_county_code,lon,lat,precision,year,year_kind,industries,investment,investment_unit,source_title,source_url,notes".split(",")
SEED = "000_2373c43ac8973db4.txt"
W = "weak source: repost/aggregator"

from rows import PARKS, PROJECTS  # noqa: E402

def write(path, cols, rows):
    ids = set()
    for r in rows:
        extra = set(r) - set(cols)
        assert not extra, (r.get("id"), extra)
        assert r["id"] not in ids, r["id"]
        ids.add(r["id"])
        for k in ("lon", "lat", "precision"):
            assert not r.get(k), (r["id"], k)
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=cols)
        w.writeheader()
        for r in rows:
            w.writerow({c: r.get(c, "") for c in cols})
    print(path, len(rows))

if __name__ == "__main__":
    write(os.path.join(HERE, "parks.csv"), PARK_COLS, PARKS)
    write(os.path.join(HERE, "projects.csv"), PROJ_COLS, PROJECTS)
