"""A small, clearly fictional workspace for the filter tests: platforms, co-built parks and key projects.

Every row is test data ("测试平台 101 / Test platform 101"), placed by a real county's name (one by
that county's own reference point as coordinates). Each row also states what the filters must see:
its host city (the county's prefecture, a fact of the boundaries), industries, modes and year, so a
test can say which rows a filter keeps without asking the code under test.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

A, B, C = "测试产业甲", "测试产业乙", "测试产业丙"  # fictional industries; C is named by a key project only


@dataclass(frozen=True)
class Row:
    kind: str  # platform, park, project
    number: int
    county: str
    city: str  # the county's city code (what the place filters read)
    year: int | None
    industries: tuple[str, ...]
    modes: tuple[str, ...] = ()  # parks
    origin: str = ""  # parks and projects, as written
    origin_city: str | None = None  # the origin's city (None: a province, no single city)
    platform_type: str = ""
    investment: float | None = None  # projects, 亿元
    exact_point: bool = False  # written with the county's reference point as coordinates

    @property
    def name(self) -> str:
        zh, en = {"platform": ("测试平台", "Test platform"), "park": ("测试园区", "Test park"),
                  "project": ("测试项目", "Test project")}[self.kind]
        return f"{zh} {self.number} / {en} {self.number}"

    @property
    def layer(self) -> str:
        return {"platform": "platforms", "park": "parks", "project": "project"}[self.kind]


ROWS = (
    Row("platform", 101, "昌平区", "110100", 2016, (A,), platform_type="innovation"),
    Row("platform", 102, "武清区", "120100", 2019, (B,), platform_type="manufacturing"),
    Row("platform", 103, "正定县", "130100", None, (A, B), platform_type="services"),
    Row("platform", 104, "固安县", "131000", 2022, (), platform_type="agriculture", exact_point=True),
    Row("park", 201, "固安县", "131000", 2015, (A,), ("enclave", "tax_sharing"), "北京市", "110100"),
    Row("park", 202, "滦州市", "130200", 2020, (B,), ("zgc_model",), "天津市", "120100"),
    Row("park", 203, "宝坻区", "120100", None, (A,), ("offsite_supervision",), "海淀区", "110100"),
    Row("park", 204, "大兴区", "110100", 2018, (B,), ("full_chain", "industry_university"), "河北省", None),
    Row("project", 301, "正定县", "130100", 2017, (B,), origin="北京市", origin_city="110100", investment=12.5),
    Row("project", 302, "大兴区", "110100", 2021, (A,), origin="天津市", origin_city="120100"),
    Row("project", 303, "滦州市", "130200", None, (C,), origin="北京市", origin_city="110100", investment=3.0),
)
SOURCE = "测试来源 / test source"


def _point(county: str) -> tuple[float, float]:
    from geo import boundaries
    counties = boundaries.label_points("counties")
    point = counties[counties["name_zh"] == county].geometry.iloc[0]
    return round(point.x, 6), round(point.y, 6)


def upload_csv(kind: str) -> bytes:
    """The filled template (CSV) of one kind: platforms, parks or projects."""
    stored = {"platforms": "platform", "parks": "park", "projects": "project"}[kind]
    header = {"platform": ["name", "platform_type", "county", "longitude", "latitude", "precision", "year",
                           "industries", "source"],
              "park": ["name", "origin", "county", "modes", "year", "industries", "source"],
              "project": ["name", "origin", "county", "year", "investment", "industry", "source"]}[stored]
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    for row in (r for r in ROWS if r.kind == stored):
        lon, lat = _point(row.county) if row.exact_point else ("", "")
        values = {"name": row.name, "platform_type": row.platform_type, "county": row.county, "longitude": lon,
                  "latitude": lat, "precision": "exact" if row.exact_point else "", "year": row.year or "",
                  "industries": ";".join(row.industries), "industry": ";".join(row.industries),
                  "modes": ";".join(row.modes), "origin": row.origin,
                  "investment": "" if row.investment is None else row.investment, "source": SOURCE}
        writer.writerow([values[h] for h in header])
    return out.getvalue().encode("utf-8")


def kept(row: Row, provinces=(), cities=(), industries=(), modes=(), as_of=None, include_undated=True) -> bool:
    """Whether a row passes the filters, by their stated rules: place = the host city, industries =
    any named, modes = parks only, year = known and not after the as-of year, or unknown if included."""
    if provinces and row.city[:2] not in {p[:2] for p in provinces}:
        return False
    if cities and row.city not in cities:
        return False
    if industries and not set(row.industries) & set(industries):
        return False
    if modes and row.kind == "park" and not set(row.modes) & set(modes):
        return False
    if as_of is not None and (row.year > as_of if row.year is not None else not include_undated):
        return False
    return True


def expected(filters: dict) -> dict[str, set[str]]:
    """The workspace names each layer keeps under ``filters`` (flows: the kept parks with an origin city)."""
    rows = [r for r in ROWS if kept(r, **filters)]
    out = {layer: {r.name for r in rows if r.layer == layer} for layer in ("platforms", "parks", "project")}
    out["flows"] = {r.name for r in rows if r.kind == "park" and r.origin_city}
    return out
