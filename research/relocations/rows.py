"""Rows for research/relocations (facts only, notes in own words). See REPORT.md."""
SEED = "000_2373c43ac8973db4.txt"
W = "weak source: repost/aggregator"

PARKS = [
    dict(id="zhangbei_cloud_park", name_zh="张北云计算产业园", name_en="Zhangbei Cloud Computing Industrial Park",
         origin_name_zh="北京市人民政府", origin_code="110100", host_city_code="130700", host_county_code="130722",
         year="2014", year_kind="signed", industries="云计算;数据中心",
         source_title="[标题未见] 经济参考报 2014-08-22：京冀签署张北云联数据中心、云计算产业园、京北云谷合作协议",
         source_url="http://jjckb.xinhuanet.com/2014-08/22/content_518178.htm",
         notes="Beijing and Hebei signed a strategic framework agreement on 2014-08-21 to co-build three projects in Zhangbei: "
               "the Yunlian data centre, this cloud-computing park and the 京北云谷 big-data base. Park plan about 7500 亩 "
               "(phase 1 2000 亩), main investment 196.4亿元 (planned). Named a landmark transfer park as 张北经开区大数据产业园 in "
               "河北开发区与京津合作态势良好（国际在线河北 2017-08-24）, https://hebei.cri.cn/20170824/e04ace7a-9d7f-a566-345e-4549d620ef10.html. "
               "Headline of the row source is the collector's paraphrase (page shows no headline in the excerpt)."),
    dict(id="qingxian_furniture_base", name_zh="北京·青县家具产业转移示范基地（沿海产业转移示范园区）",
         name_en="Beijing-Qingxian Furniture Industry Transfer Demonstration Base",
         origin_name_zh="北京", origin_code="110100", host_city_code="130900", host_county_code="130922",
         year="2015", year_kind="signed", industries="家具制造",
         source_title="[标题乱码] 北京家具制造业呈规模化向河北…（新华社石家庄2015-10-16电，记者牟宇，转载）",
         source_url="http://www.yusrgfq.cn/c/2015-10-16/599150.shtml",
         notes="Xinhua: the Beijing-Qingxian cooperation project for a furniture transfer base was signed in Qingxian on 2015-10-16, "
               "after Beijing's 2015 catalogue banned new or expanded furniture making; Qingxian set aside 8500 亩 from 2014. "
               "Site at 觉道庄 and 2300+ Beijing furniture makers: 北京家具业南迁 能否救活河北“钢铁村”（新浪家居 2015-11-23）, "
               "https://jiaju.sina.com.cn/news/20151123/6074379887890989890.shtml. Phase 1 about 3500 亩 and 75亿 planned: 九正 2015-10-27, "
               "https://www.zgjct.com/news/463601.html; " + W + ". Row source: " + W + " (Xinhua text on yusrgfq.cn)."),
    dict(id="daxing_biomed_guan", name_zh="大兴生物医药产业基地固安分园", name_en="Daxing Biomedicine Base - Gu'an Branch Park",
         origin_name_zh="北京市大兴区人民政府", origin_code="110115", host_city_code="131000", host_county_code="131022",
         year="2015", year_kind="signed", industries="生物医药",
         source_title="[标题未见] 北京日报（记者孙奇茹）报道大兴生物医药基地与河北多地联动，中国日报网转载 2015-12-02",
         source_url="http://covid-19.chinadaily.com.cn/hqpl/zggc/2015-12-02/content_14371585.html",
         notes="Beijing Daily: at the 2015 京津冀产业转移会 in Shijiazhuang (about a week before the article) 大兴区 signed with the "
               "廊坊市 government to build a branch of the Daxing biomedicine base in 固安县. Title is the collector's short form."),
    dict(id="fucheng_laozihao_food", name_zh="北京·中华老字号食品产业园（阜城）", name_en="Beijing China Time-honoured Brands Food Industrial Park (Fucheng)",
         origin_name_zh="北京中华老字号食品企业", origin_code="110100", host_city_code="131100", host_county_code="131128",
         industries="食品加工",
         source_title="[标题未见] 长城网衡水频道 2021-06-02：阜城县北京·中华老字号食品产业园",
         source_url="http://hs.hebei.com.cn/system/2021/06/02/100683998.shtml",
         notes="Park planned by 阜城县 to take Beijing time-honoured food firms moving out: 3000 亩, 35亿元 planned. Firms: 王致和 "
               "tofu base (11.2亿) and 东来顺 base (10.5亿), see projects fucheng_wangzhihe, fucheng_donglaishun. Built by the host; "
               "no co-building body named. Year not stated."),
    dict(id="cangdong_daxing_garment", name_zh="沧东经济开发区—大兴区服装产业链对接（东塑明珠服饰文化产业创意园）",
         name_en="Cangdong Development Zone - Daxing Garment Chain Cooperation (Dongsu Mingzhu Garment Creative Park)",
         origin_name_zh="北京市大兴区青云店镇、旧宫镇、西红门镇、黄村镇", origin_code="110115", host_city_code="130900",
         year="2017", year_kind="signed", industries="服装加工;服装批发",
         source_title="北京两区与沧州服装产业链 签署对接协议（中国纺织经济信息网 2017-06-08）",
         source_url="http://www.ctei.cn/news/apparel/gnfz/201706/t20170608_3120850.htm",
         notes="At a 丰台-大兴-沧州 signing on 2017-05-26 the 沧东经济开发区 committee signed garment-chain agreements with four Daxing "
               "towns (青云店, 旧宫, 西红门, 黄村). Earlier (2016-09-20) the committee and 东塑集团 agreed a 万亩 garment creative park to "
               "take Beijing garment processing: 北京200商户转战沧州（北京晚报 2016-09-20）, https://m.takefoto.cn/viewnews-921704.html. "
               "沧东经济开发区 is a functional zone; county left empty. Industry outlet (China Textile info centre), not an aggregator."),
    dict(id="lutai_hangu_jinji", name_zh="芦台·汉沽协同发展示范区（津冀协同发展示范区，宁河区—唐山市）",
         name_en="Lutai-Hangu Coordinated Development Demonstration Zone (Tianjin Ninghe - Tangshan)",
         origin_name_zh="天津市宁河区人民政府", origin_code="120117", host_city_code="130200",
         source_title="河北：京津冀协同发展向协同创新、公共服务等领域拓展（中国新闻网，中国经济网 2019-12-19）",
         source_url="http://district.ce.cn/newarea/roll/201912/19/t20191219_33928459.shtml",
         notes="中新网 (Hebei NDRC director): for 2020 Hebei will push '曹妃甸、芦台·汉沽协同发展示范区等43个重点承接平台', so this zone is one of "
               "Hebei's 43 platforms. Tianjin side: Xinhua 2017-02-21 (http://m.nakedoat.com/xinwen/2017-02/21/content_5169812.htm, " + W + ") says "
               "宁河区 builds a 津冀协同发展示范区 on enclaves in its area; the Tianjin mayor (中新社 2017-02-09, https://bilezu.com/html/409029116.html, "
               + W + ") says 宁河区 and 唐山市 signed its framework agreement in 2014-2016 (year not given, so empty). 芦台经济开发区 and 汉沽管理区 are "
               "Tangshan-run zones, so host 唐山市, county empty; origin is the Tianjin partner (宁河区). Industries not stated; furniture firms from "
               "Beijing moved to both (see projects lutai_jingjin_home, hangu_bohai_furniture)."),
    dict(id="caofeidian_zgc_base", name_zh="曹妃甸中关村高新技术产业基地", name_en="Caofeidian Zhongguancun High-tech Industry Base",
         origin_name_zh="中关村", origin_code="110100", host_city_code="130200", host_county_code="130209",
         year="2013", year_kind="signed", industries="",
         source_title="[标题未见] 新华网石家庄7月18日电（记者张涛）：曹妃甸与首都经济圈融合（2013，转载）",
         source_url="http://m.fjcbsl.com/n/2013/0718/c70846-22243969.html",
         notes="Xinhua (2013-07-18): strategic agreements for a 曹妃甸中关村高新技术产业基地 had been signed (before mid-2013); same page: Beijing "
               "firm 中兴能源 was testing its first line of a data-centre cluster (phase 1 20亿). Industries not named. Row source: " + W + "."),
    dict(id="yutian_laozihao_park", name_zh="玉田县中华老字号产业园区", name_en="Yutian China Time-honoured Brands Industrial Park",
         origin_name_zh="北京中华老字号企业（同仁堂、王致和、红螺食品等）", origin_code="110100", host_city_code="130200", host_county_code="130229",
         industries="中药;食品加工",
         source_title="20个“中华老字号”项目搬新家 发展带来新机遇（2019-11-10，转载）",
         source_url="http://tech.jiangsulong.com/a/2019/1110/1573346499.html",
         notes="About 20 Beijing time-honoured-brand projects (同仁堂, 王致和, 红螺食品 and others) settled in the park in 玉田县 in recent years. "
               "Built by the host; no co-building body named; year not stated. Row source: " + W + "."),
    dict(id="tsinghua_tianjin_hei", name_zh="清华大学天津高端装备研究院", name_en="Tsinghua University Tianjin Research Institute for Advanced Equipment",
         origin_name_zh="清华大学", origin_code="110100", host_city_code="120100", host_county_code="120110",
         modes="industry_university", year="2014", year_kind="established", industries="高端装备;高端制造;科技成果转化",
         source_title="清华天津建研究院技术与产业“联姻”（新京报 2015-08-11 A12）",
         source_url="http://epaper.bjnews.com.cn/html/2015-08/11/content_592359.htm?div=-1",
         notes="新京报: founded 2014 by a Tsinghua mechanical-engineering team moving its results to Tianjin; Tsinghua and the Tianjin government agreed "
               "long-term cooperation incl. 产学研结合 (industry_university). Host 东丽区 and the 'Beijing original innovation - Tianjin R&D and "
               "transfer - Hebei application' design: 新华社 2021-01-21 via http://tech.china.com/article/20210121/20210121700716.html. Agreement "
               "of 东丽区 with Tsinghua dated 2014-07-16 only on a weak Q&A page (http://56tv.org/news/20220906/144064.html)."),
    dict(id="tsinghua_tianjin_ei", name_zh="清华大学天津电子信息研究院", name_en="Tsinghua University Tianjin Electronic Information Research Institute",
         origin_name_zh="清华大学", origin_code="110100", host_city_code="120100", host_county_code="120116",
         modes="industry_university", year="2015", year_kind="established", industries="电子信息;光电子芯片;科技成果转化",
         source_title="清华天津电子院校地协同育“创新雨林” 10载“津”耕 从0到1再到N（2025-10-03，转载）",
         source_url="http://cn.caiding5.cn/news/47529.html",
         notes="Set up in 2015 in the 中新天津生态城 (in 滨海新区) as a Tianjin-Tsinghua school-local carrier ('Beijing R&D, Tianjin transfer'); "
               "150+ firms incubated. Row source: " + W + "."),
    dict(id="pku_jingjin_baodi", name_zh="北京大学京津科技园（宝坻）", name_en="Peking University Beijing-Tianjin Science Park (Baodi)",
         origin_name_zh="北大科技园", origin_code="110100", host_city_code="120100", host_county_code="120115",
         modes="industry_university", year="2014", year_kind="signed", industries="电子商务;服务外包;移动互联网;科技成果转化",
         source_title="宝坻京津中关村科技城完成空间、产业规划编制（北京日报 孙奇茹，论坛转帖 2014-10-30）",
         source_url="http://bdi8.com/archiver/tid-5753.html",
         notes="Beijing Daily: in May 2014 北大科技园 and the 宝坻区 government signed a framework agreement to co-build the park, where results of "
               "PKU departments (e.g. 信息科学技术学院) would be commercialised (industry_university). Whether it was built is not in what was read. "
               "Row source: " + W + "."),
    dict(id="tsinghua_guan_base", name_zh="清华大学重大科技项目（固安）中试孵化基地（河北清华发展研究院固安分院）",
         name_en="Tsinghua Major S&T Projects (Gu'an) Pilot and Incubation Base",
         origin_name_zh="清华大学", origin_code="110100", host_city_code="131000", host_county_code="131022",
         modes="industry_university", industries="科技成果转化;中试孵化",
         source_title="我院领导赴河北清华发展研究院考察调研（北京交通大学唐山研究院网站）",
         source_url="http://tangshan.bjtu.edu.cn:80/yjydt/670.jhtml",
         notes="University news page: 河北清华发展研究院 has a 固安分院 and runs the 清华大学重大科技项目（固安）中试孵化基地; described as a "
               "school-local (校地合作) research institute with tech-transfer and incubation. No year stated. Title is the collector's reading "
               "of the page (headline not in the excerpt)."),
    dict(id="bjtu_tangshan_institute", name_zh="北京交通大学唐山研究院", name_en="Beijing Jiaotong University Tangshan Research Institute",
         origin_name_zh="北京交通大学", origin_code="110100", host_city_code="130200",
         modes="industry_university", industries="科技成果转化",
         source_title="我院领导赴河北清华发展研究院考察调研（北京交通大学唐山研究院网站）",
         source_url="http://tangshan.bjtu.edu.cn:80/yjydt/670.jhtml",
         notes="The institute's own site calls it a newly set up school-local (校地合作) research institute of BJTU in 唐山. Year and county not "
               "stated; industry given only as the page's tech-transfer topic."),
]

PROJECTS = [
    # ---- seed-000 projects ----
    dict(id="hyundai_cangzhou", name_zh="北京现代沧州工厂", name_en="Beijing Hyundai Cangzhou Plant",
         origin_name_zh="北京现代汽车有限公司", origin_code="110100", host_city_code="130900",
         year="2016", year_kind="opened", industries="汽车整车;发动机", investment="120", investment_unit="亿元",
         source_title=SEED, source_url="",
         notes="Seed 000: in 沧州开发区, the largest single coordination project since 2014; 6000+ direct jobs, 28 suppliers. Public source: "
               "助力京津冀 北京现代沧州工厂竣工投产（央广网，中国经济网转载 2016-10-18）, http://district.ce.cn/newarea/roll/201610/18/t20161018_16898085.shtml: "
               "opened 2016-10-18, construction from 2015-04, 120亿元 with supporting facilities (investment from this source), 300k cars and "
               "200k engines a year. County empty: 沧州经济开发区 is a functional zone."),
    dict(id="zhonghan_cangzhou_park", name_zh="中韩（沧州）产业园", name_en="China-Korea (Cangzhou) Industrial Park",
         host_city_code="130900", industries="汽车;高端制造",
         source_title=SEED, source_url="",
         notes="Seed 000: listed (揭牌) in 沧州开发区 in January of the article's year (article c. 2019; year not printed, so empty), to gather "
               "the Hyundai supply chain toward a 千亿 car cluster. Origin empty: a China-Korea park, not a Beijing or Tianjin origin; "
               "kept because seed 000 names it. No public source read."),
    dict(id="baic_huabei_microcar", name_zh="北汽集团（华北）微车产业基地", name_en="BAIC (North China) Mini-vehicle Industrial Base",
         origin_name_zh="北京汽车集团有限公司", origin_code="110100", host_city_code="130900", host_county_code="130983",
         year="2015", year_kind="signed", industries="微型车整车;汽车发动机",
         source_title=SEED, source_url="",
         notes="Seed 000: first vehicles off the line (整车下线). Public source: 沧州与北汽签约（上海汽车报 2015-03-22）, "
               "https://epaper.shautonews.com/content/2015-03/22/015544.html: 沧州市 and BAIC signed on 2015-03-18 for a 50万辆 mini-vehicle "
               "base in 黄骅市 (host county from this source), phase 1 to reach 15万辆 by 2016-12. Lies in the BAIC Huanghua base, see baic_huanghua_base."),
    dict(id="foton_xuanhua", name_zh="北汽福田张家口（宣化）产业转移项目（福田汽车产业城）", name_en="BAIC Foton Zhangjiakou (Xuanhua) Relocation Project",
         origin_name_zh="北汽福田汽车股份有限公司北京厂区", origin_code="110100", host_city_code="130700", host_county_code="130705",
         year="2015", year_kind="signed", industries="泵送机械;起重机;渣土车;消防车;动力和储能电池", investment="50", investment_unit="亿元",
         source_title=SEED, source_url="",
         notes="Seed 000: 张家口北汽福田 built and in production. Public source: 河北宣化承接北汽福田项目一期工程试生产（新华社 2016-01-12，中国日报网）, "
               "http://covid-19.chinadaily.com.cn/hqcj/xfly/2016-01-12/content_14478358.html: agreement with 张家口市 on 2015-07-24; Foton's Beijing "
               "pump, crane and muck-truck lines move to 宣化区 (county from this source); 50亿元 total, phase-1 pump line 15亿, trial run "
               "2016-01-12. A 2023 upgrade as 福田汽车（宣化）产业基地 (2023-05-30): http://edu.shenzhenrexian.net/edu/2023/0601/26838.html, " + W + "."),
    dict(id="zhangbei_yunlian_dc", name_zh="张北云联数据中心", name_en="Zhangbei Yunlian Data Centre",
         origin_name_zh="北京市人民政府;中关村管委会", origin_code="110100", host_city_code="130700", host_county_code="130722",
         year="2014", year_kind="signed", industries="数据中心;云计算", investment="46.4", investment_unit="亿元",
         source_title=SEED, source_url="",
         notes="Seed 000: a 京津冀大数据走廊 project in operation. Public source: 经济参考报 2014-08-22, http://jjckb.xinhuanet.com/2014-08/22/content_518178.htm: "
               "Beijing and Hebei signed the Yunlian data-centre framework agreement on 2014-08-21, 46.4亿元 planned (investment from this "
               "source), 450 亩, 200k servers; Alibaba Cloud intended to deploy there. A Japanese trade site gives 60亿元 and 200 亩 in 庙滩产业园 "
               "for the Alibaba Zhangbei DC (cloudgateway.asia 2016-03, http://www.cloudgateway.asia/2016/03/alibaba-zbdc-3/): conflict noted, "
               "official-media figure kept."),
    dict(id="chengde_bigdata_park", name_zh="承德大数据产业园区", name_en="Chengde Big Data Industrial Park",
         origin_name_zh="中关村", origin_code="110100", host_city_code="130800", industries="大数据;数据中心",
         source_title=SEED, source_url="",
         notes="Seed 000: a 京津冀大数据走廊 project in operation (no county, year or body named). Context: ZGC and Chengde signed a 协同创新发展战略合作协议 "
               "in Aug 2015 under the 'ZGC R&D - Zhangjiakou/Chengde storage - Tianjin equipment' corridor: http://yizongshi.cn/Enicn/ECONOMY_CITY/CITY/Local_Economy/2015/0818/22230.html, "
               + W + ". A 德鸣大数据产业园 in 承德县 is under construction in http://databanker.cn/point/86187.html (" + W + "); not proven to be the "
               "seed's park, so county left empty."),
    dict(id="shougang_jingtang_phase2", name_zh="首钢京唐钢铁厂二期", name_en="Shougang Jingtang Steel Plant Phase 2",
         origin_name_zh="首钢集团", origin_code="110100", host_city_code="130200", host_county_code="130209",
         industries="钢铁;宽厚板",
         source_title=SEED, source_url="",
         notes="Seed 000: phase 2 construction started (year not printed). Host county 曹妃甸区 from 首钢京唐二期年底建桩筑基总投资435亿 "
               "(2015-12-17), http://shijiazhuang.baogaosu.com/xinwen/%E9%A6%96%E9%92%A2%E4%BA%AC%E5%94%90%E4%BA%8C%E6%9C%9F%E5%B9%B4%E5%BA%95%E5%BB%BA%E6%A1%A9%E7%AD%91/41584391/ "
               "(" + W + "): 435亿元 planned, 10 km² reclaimed land, production planned 2018 (investment not put in the column: weak only)."),
    dict(id="caofeidian_refinery", name_zh="曹妃甸千万吨级炼油项目", name_en="Caofeidian 10-Mt Refinery Project",
         host_city_code="130200", host_county_code="130209", industries="石油炼化",
         source_title=SEED, source_url="",
         notes="Seed 000: approved (已核准); no owner, origin, year or amount given, so those are empty. County 曹妃甸区 is implied by the name "
               "'曹妃甸' (a district since 2012). One search found no public page (2026-12)."),
    # ---- public-source projects: autos, steel ----
    dict(id="baic_huanghua_base", name_zh="北汽集团华北（黄骅）汽车产业基地", name_en="BAIC North China (Huanghua) Automotive Industrial Base",
         origin_name_zh="北京汽车制造厂有限公司（北汽集团）", origin_code="110100", host_city_code="130900", host_county_code="130983",
         year="2013", year_kind="opened", industries="越野车;商用车;微型车;汽车零部件", investment="100", investment_unit="亿元",
         source_title="“北汽”部分产能移师河北 首辆“黄骅造”汽车下线（新华社，中国政府网 2013-12-26）",
         source_url="http://big5.www.gov.cn/gate/big5/www.gov.cn/jrzg/2013-12/26/content_2554948.htm",
         notes="Xinhua: phase 1 completed 2013-12-26 in 黄骅经济开发区; BAIC moves all capacity of its 北京汽车制造厂 subsidiary there; 3552 亩, "
               "100亿元 in two phases (phase 1 50亿, 200k vehicles a year). The whole relocation of that subsidiary to Huanghua in 2013 is also "
               "in 河北日报 via http://m.wedgeinnov.com/hebei/shichang/201505/28239519.html (" + W + ")."),
    dict(id="shougang_jingtang", name_zh="首钢搬迁曹妃甸（首钢京唐钢铁联合有限责任公司）", name_en="Shougang relocation to Caofeidian (Shougang Jingtang Iron & Steel)",
         origin_name_zh="首钢总公司（石景山厂区）", origin_code="110107", host_city_code="130200", host_county_code="130209",
         year="2007", year_kind="started", industries="钢铁;热轧;冷轧", investment="677", investment_unit="亿元",
         source_title="[标题未见] 新华网北京2005-12-29电（记者孙晓胜）：北京“十一五”与环渤海区域协作，中国政府网",
         source_url="http://big5.www.gov.cn/gate/big5/www.gov.cn//jrzg/2005-12/29/content_141618.htm",
         notes="Xinhua (gov.cn): in 2005 the State Council approved Shougang's restructuring; Shougang and 唐钢 formed 京唐钢铁联合有限公司 to build "
               "a 677亿元 steel complex in 曹妃甸 (investment from this source), target 9.5 Mt steel by 2010. Origin 石景山 and start 2007: "
               "海上首钢10年新生记 (2017), https://fx361.cc/page/2017/0329/12742102.shtml (" + W + "): ground broken 2007, Beijing steel lines "
               "stopped 2010-12-28. Phase 1 in operation 2010 (several weak pages). 8000 Beijing staff resettled: 人民日报 2015-01-30 via "
               "http://news.66wz.com/system/2015/01/30/104345566.shtml (" + W + ")."),
    dict(id="beijing_coking_jingtang", name_zh="北京焦化厂迁建京唐港", name_en="Beijing Coking Plant relocated to Jingtang Port",
         origin_name_zh="北京焦化厂", origin_code="110100", host_city_code="130200",
         year="2005", year_kind="opened", industries="焦化",
         source_title="[标题未见] 新华网北京2005-12-29电（记者孙晓胜）：北京“十一五”与环渤海区域协作，中国政府网",
         source_url="http://big5.www.gov.cn/gate/big5/www.gov.cn//jrzg/2005-12/29/content_141618.htm",
         notes="Xinhua: the first 1 Mt/year coke oven of the Beijing Coking Plant moved to 京唐港 was completed in Nov 2005. County not stated."),
    # ---- wholesale markets: 大红门 / 动批 ----
    dict(id="yongqing_garment_city", name_zh="永清国际服装城（大红门八大市场签约落户）", name_en="Yongqing International Garment City (eight Dahongmen markets)",
         origin_name_zh="北京大红门商圈八家市场（京温、大红门纺织、永外连发窗帘城、北方世贸轻纺城、世贸国际鞋城、正天兴皮毛、世纪丹陛华、盛购礼品中心）",
         origin_code="110100", host_city_code="131000", host_county_code="131023",
         year="2014", year_kind="signed", industries="服装批发;纺织;鞋帽;小商品", investment="800", investment_unit="亿元",
         source_title="北京大红门八大市场落户河北永清（经济日报，中国经济网 2014-05-19）",
         source_url="http://district.ce.cn/zg/201405/19/t20140519_2837433.shtml",
         notes="经济日报: eight Dahongmen markets signed on 2014-05-16 to move to 永清国际服装城 in 永清县 台湾工业新城 (9000+ shops, 35k jobs). "
               "800亿元 is the garment city's expected total investment (预计), 3万亩, started 2010-09. Origin code Beijing: the page does not "
               "name the district (大红门 lies in 丰台区)."),
    dict(id="yongqing_yunshang", name_zh="永清云裳小镇", name_en="Yongqing Yunshang Fashion Town",
         origin_name_zh="北京大红门等服装批发商户", origin_code="110100", host_city_code="131000", host_county_code="131023",
         year="2017", year_kind="opened", industries="服装研发设计;服装制造;服装批发",
         source_title="永清：在推进京津冀协同发展中展现新作为（廊坊日报 2024-02-24，廊坊市政府网）",
         source_url="https://www.lf.gov.cn/Item/122695.aspx?sourceid=137400&sourcenodeid=1004",
         notes="廊坊市政府网: a first-batch key project for taking functions out of Beijing; operating since 2017; 62万 m², 3800+ firms and "
               "traders, output over 100亿元 a year; a trader quoted moved from Dahongmen in 2019."),
    dict(id="cangzhou_mingzhu", name_zh="沧州明珠商贸城（承接北京服装批发）", name_en="Cangzhou Mingzhu Trade City (Beijing garment wholesale)",
         origin_name_zh="北京大红门、动物园等服装批发市场商户", origin_code="110100", host_city_code="130900",
         year="2015", year_kind="started", industries="服装批发;面辅料;鞋帽;小商品",
         source_title="大承接 新起点 北京两千商户抱团入驻沧州明珠商贸城（长城网 2018-03-28）",
         source_url="http://cz.hebei.com.cn/system/2018/03/28/018697622.shtml",
         notes="长城网: developed by 东塑集团; phase 1 (58万 m²) opened 2014-08; taking Beijing traders since 2015; 1万+ traders signed by 2018; "
               "2018-03-28 the C-block morning market opened with 2000 traders from the Dahongmen morning market. First 200 Beijing traders "
               "opened 2016-09-20: 北京晚报, https://m.takefoto.cn/viewnews-921704.html. 10000+ Beijing traders, in 沧州高新区: "
               "http://tech.jiangsulong.com/a/2019/0804/1564889396.html (" + W + "). County empty (functional zone)."),
    dict(id="cangzhou_mingzhu_textile", name_zh="沧州明珠国际轻纺城（北方世贸轻纺城整体外迁）", name_en="Cangzhou Mingzhu International Textile City (Beifang Shimao Textile City move)",
         origin_name_zh="北京北方世贸轻纺城", origin_code="110100", host_city_code="130900",
         year="2017", year_kind="started", industries="纺织面料;轻纺",
         source_title="600多家北京商户沧州开业（中国青年网 2017-09-01）",
         source_url="http://news.china.com/news100/11038989/20170901/31248952.html",
         notes="中国青年网: phase 1 (20万 m²) of 明珠国际轻纺城 started in Cangzhou in July 2017; Beijing's largest textile market, 北方世贸轻纺城, "
               "to move there whole. Co-building agreement of 东塑 with 北方世贸轻纺城 and 方仕集团 on 2017-05-26: "
               "http://www.ctei.cn/news/apparel/gnfz/201706/t20170608_3120850.htm. Row source is the 中华网 portal carrying the 中国青年网 report."),
    dict(id="baigou_dahongmen", name_zh="白沟大红门国际服装城", name_en="Baigou Dahongmen International Garment City",
         origin_name_zh="北京大红门服装批发市场商户", origin_code="110106", host_city_code="130600",
         industries="服装批发",
         source_title="重聚白沟 大红门市场疏解（北京晨报 2017-02-20，北京经济信息网）",
         source_url="http://www.beinet.net.cn/gnqy/redianxinwen/201702/t10845752.htm",
         notes="北京晨报: listed among Beijing's 2015-2016 market moves as fully opened; a Dahongmen trader moved with 260+ others to Baigou; the "
               "source calls Dahongmen a 丰台区 case (origin code 丰台区). Year of opening not stated. County empty: the source names only 白沟 "
               "(白沟新城, 保定市)."),
    dict(id="baigou_hedao", name_zh="白沟和道国际产业新城（和道国际动批服饰广场）", name_en="Baigou Hedao International Industrial New City",
         origin_name_zh="北京大红门、动物园批发市场商户", origin_code="110100", host_city_code="130600",
         industries="服装批发;箱包;小商品",
         source_title="[标题未见] 新京报快讯 2016-12-10：天津西青区温州国际商贸城B座开业",
         source_url="https://www.bjnews.com.cn/detail/155151224514062.html",
         notes="新京报: 白沟和道国际产业新城 is one of the signed receiving sites for the Dahongmen area. A 30万 m² 和道国际动批服饰广场 for "
               "动批 traders was near completion in an undated repost (no address kept). No year stated. County empty (白沟新城)."),
    dict(id="sjz_lecheng", name_zh="石家庄乐城国际贸易城（乐城北京服装早市）", name_en="Shijiazhuang Lecheng International Trade City",
         origin_name_zh="北京大红门、动物园服装批发市场商户", origin_code="110100", host_city_code="130100", host_county_code="130102",
         year="2018", year_kind="opened", industries="服装批发",
         source_title="乐城北京服装早市盛大启幕（长城网 2018-09-18）",
         source_url="http://report.hebei.com.cn/system/2018/09/18/019119556.shtml",
         notes="长城网: the Lecheng Beijing garment morning market opened 2018-09-16 in 长安区, a main site for taking Beijing functions. Earlier "
               "(2016-06-17) a Beijing garment fair there drew 800+ traders of Dahongmen and 动批; 2000+ Beijing traders signed by May 2016; "
               "phase 1 220万 m² (河北日报 via https://shijiazhuang.baogaosu.com/xinwen/%E5%8C%97%E4%BA%AC%E6%9C%8D%E8%A3%85%E5%B1%95%E8%B4%B8%E4%BC%9A%E5%9C%A8%E7%9F%B3%E5%AE%B6%E5%BA%84%E5%BC%80%E5%B9%95/47834401, " + W + ")."),
    dict(id="tianjin_zhuoer", name_zh="天津卓尔电商城（西青）", name_en="Tianjin Zhuoer E-commerce City (Xiqing)",
         origin_name_zh="北京动物园批发市场、大红门批发市场、百荣世贸城商户", origin_code="110100", host_city_code="120100", host_county_code="120111",
         year="2014", year_kind="signed", industries="服装批发;小商品;电子商务",
         source_title="[标题未见] 中新网北京2014-06-28电（记者周锐）：天津卓尔电商城商户入驻签约，中国台湾网转载",
         source_url="http://econ.taiwan.cn/jjtjhbh/201406/t20140630_6424342.htm",
         notes="中新网: 西青区 government and 天津卓尔电商城 held a signing on 2014-06-28; 100+ traders from 动批, Dahongmen and 百荣世贸城 signed "
               "(3000 in all); 西青 had consulted the 西城区 and 丰台区 commerce bureaus. Near 天津南站: http://www.snskss.com/news/show-1024.html (" + W + ")."),
    dict(id="tianjin_wenzhou_city", name_zh="天津温州国际商贸城（西青）", name_en="Tianjin Wenzhou International Trade City (Xiqing)",
         origin_name_zh="北京大红门地区批发市场商户", origin_code="110100", host_city_code="120100", host_county_code="120111",
         year="2016", year_kind="opened", industries="服装批发;百货;小商品",
         source_title="[标题未见] 新京报快讯 2016-12-10：天津西青区温州国际商贸城B座开业",
         source_url="https://www.bjnews.com.cn/detail/155151224514062.html",
         notes="新京报: block B opened 2016-12-10 with 300+ Beijing traders and ~2000 traders from Tianjin's 大胡同; 800+ Beijing traders signed; "
               "block A due May 2017. Same page lists the other Dahongmen receiving sites (沧州明珠, 永清, 石家庄乐城, 白沟和道)."),
    dict(id="tianjin_wanglanzhuang", name_zh="天津王兰庄国际商贸城（西青）", name_en="Tianjin Wanglanzhuang International Trade City (Xiqing)",
         origin_name_zh="北京动物园批发市场、大红门商贸城、雅宝路等市场商户", origin_code="110100", host_city_code="120100", host_county_code="120111",
         year="2015", year_kind="started", industries="服装批发",
         source_title="天津王兰庄国际商贸城打造北京非首都功能疏解重要承接地（天津海河传媒中心 2024-02-27，ZAKER转载）",
         source_url="http://app.myzaker.com/news/article.php?pk=65dd91128e9f0907a7358ade",
         notes="Tianjin radio report: project started 2015, has taken 2000+ traders of the former 动批 and Dahongmen; a trader from 雅宝路 moved "
               "in 2017. Row source: " + W + " (ZAKER)."),
    # ---- farm produce, hardware ----
    dict(id="xinfadi_gaobeidian", name_zh="高碑店新发地农副产品物流园（河北新发地）", name_en="Gaobeidian Xinfadi Agricultural Products Logistics Park",
         origin_name_zh="北京新发地农产品批发市场", origin_code="110100", host_city_code="130600", host_county_code="130684",
         year="2015", year_kind="opened", industries="农产品批发;冷链物流", investment="54", investment_unit="亿元",
         source_title="[标题未见] 新华网石家庄2015-10-29电（记者王昆）：高碑店新发地农产品物流园对外运营（转载）",
         source_url="https://www.3news.cn/news/guandian1/2015/1029/12306.html",
         notes="Xinhua: operating from 2015-10-29; 2081 亩, 54亿元 total, building from 2013-05-29; called the first Beijing non-capital "
               "function landed in Hebei after the 2015 outline. 6200 Beijing traders moved (河北新闻网 via 国际在线 2019-11-18, "
               "https://big5.cri.cn/gate/big5/hebei.cri.cn/20191118/3b46e3d7-fa5e-4e1a-32ae-5b7b8ebe44c6.html). Row source: " + W + " (Xinhua text on 3news.cn)."),
    dict(id="shouheng_coldchain", name_zh="首衡智慧冷链物流园（高碑店）", name_en="Shouheng Smart Cold-chain Logistics Park (Gaobeidian)",
         origin_name_zh="北京西南郊、京深海鲜等市场", origin_code="110100", host_city_code="130600", host_county_code="130684",
         year="2021", year_kind="opened", industries="冻品;水产;肉类;冷链物流",
         source_title="京津冀最大“菜篮子”！河北新发地构建千亿级商贸流通平台（冀云 2022-02-24）",
         source_url="https://jiyun.hebyun.com.cn/pages/2022/02/24/e9f55397ac4c40c4bfd8286efcbc1f81.html?shareAppId=d78cdde3a4b0442eb8e4298ca4bc6473",
         notes="冀云 (Hebei broadcaster app): opened Nov 2021 at 首衡河北新发地 in 高碑店市, taking frozen food, seafood and meat trades of the "
               "北京西南郊 and 京深海鲜 markets."),
    dict(id="jingkai_hardware_gaobeidian", name_zh="京开五金建材批发市场整体迁至高碑店", name_en="Jingkai Hardware & Building Materials Market moved to Gaobeidian",
         origin_name_zh="北京京开五金建材批发市场", origin_code="110100", host_city_code="130600", host_county_code="130684",
         industries="五金;建材;机电",
         source_title="[标题未见] 新华社石家庄11月11日电（记者赵鸿宇）：京开五金建材批发市场商户落户高碑店（转载）",
         source_url="https://m.zjtcn.com/news/4564400.html",
         notes="Xinhua: close to 1000 traders of the Beijing market (founded 2001, between the SW 3rd and 4th ring roads) moved whole to "
               "高碑店市 on 11 Nov; the year is not printed, so year empty. Row source: " + W + "."),
    dict(id="xinfadi_yanshan", name_zh="北京新发地盐山县农副产品批发市场暨冷链物流园", name_en="Beijing Xinfadi Yanshan Agricultural Wholesale Market & Cold-chain Park",
         origin_name_zh="北京新发地", origin_code="110100", host_city_code="130900", host_county_code="130925",
         industries="农产品批发;冷链物流", investment="15", investment_unit="亿元",
         source_title="北京新发地落户沧州盐山（2017-11-09，转载河北省商务厅信息）",
         source_url="http://shijiazhuang.baogaosu.com/xinwen/%E5%8C%97%E4%BA%AC%E6%96%B0%E5%8F%91%E5%9C%B0%E8%90%BD%E6%88%B7%E6%B2%A7%E5%B7%9E%E7%9B%90%E5%B1%B1/62410423/",
         notes="A project promotion meeting was held in 盐山县 on 2017-11-01 (not a signing, so year_kind empty and year empty); 700 亩, "
               "15亿元, built by 北京新发地 with 盐山恩际农产品物流有限公司; phase 1 due Oct 2018. Row source: " + W + "."),
    # ---- furniture ----
    dict(id="hangu_bohai_furniture", name_zh="环渤海家具园（唐山汉沽管理区）", name_en="Bohai Rim Furniture Park (Hangu, Tangshan)",
         origin_name_zh="北京家具企业", origin_code="110100", host_city_code="130200",
         year="2015", year_kind="signed", industries="家具制造",
         source_title="[标题乱码] 北京家具制造业呈规模化向河北…（新华社石家庄2015-10-16电，记者牟宇，转载）",
         source_url="http://www.yusrgfq.cn/c/2015-10-16/599150.shtml",
         notes="Xinhua: on 2015-09-24 the 环渤海家具园 in 唐山市汉沽管理区 signed entry agreements with 10+ Beijing furniture makers. Initial "
               "investment 50亿 and phase 1 about 2000 亩: https://www.zgjct.com/news/463601.html (" + W + "). 汉沽管理区 is a Tangshan functional "
               "area, county empty. Row source: " + W + "."),
    dict(id="lutai_jingjin_home", name_zh="京津家居创新产业城（芦台经济开发区）", name_en="Jing-Jin Home Furnishing Innovation Industrial City (Lutai)",
         origin_name_zh="北京家具企业（意风、爱依瑞斯、世纪京泰、美亚等）", origin_code="110100", host_city_code="130200",
         year="2016", year_kind="started", industries="家具制造;家居用品", investment="61.2", investment_unit="亿元",
         source_title="北京家居业转战河北，产业转移受何因素影响（2016-08-01，转载）",
         source_url="http://suisun.cn/article/index/?article_id=1028",
         notes="Six projects of Beijing furniture brands started together in the 芦台经济开发区 (a Tangshan zone), 61.2亿元 in total; five firms "
               "had signed on 2016-01-28. Names 芦台, 汉沽, 青县 and 滦南 as the main bases for Beijing furniture. County empty. Row source: " + W + "."),
    dict(id="tiantan_furniture_dachang", name_zh="天坛家具迁入大厂金隅现代工业园", name_en="Tiantan Furniture moved to Jinyu Modern Industrial Park, Dachang",
         origin_name_zh="北京天坛家具有限公司（西三旗生产厂区）", origin_code="110100", host_city_code="131000", host_county_code="131028",
         industries="家具制造", investment="10", investment_unit="亿元",
         source_title="天坛家具迁往廊坊 老厂区转型文化创意产业园（新华网 2015-11-09，转载）",
         source_url="http://www.smile2012.com/html/2015/baokanzhaiyao_1109/4922.html",
         notes="Xinhua: all Beijing production of the state-owned Tiantan brand moves to the 金隅现代工业园 in 大厂 (Langfang); 10亿元 base for 800k "
               "pieces a year under construction in 2015, total expected 25亿; new plant due end-2015 (planned, not confirmed, so year empty). "
               "Old 西三旗 site to become a home-culture creative park. Same facts: http://ibeijing.net/news/484617.htm. Row source: " + W + "."),
    dict(id="shenzhou_furniture", name_zh="北京（深州）家具产业园", name_en="Beijing (Shenzhou) Furniture Industrial Park",
         origin_name_zh="北京家具企业", origin_code="110100", host_city_code="131100", host_county_code="131182",
         year="2018", year_kind="signed", industries="家具制造",
         source_title="[标题未见] 2018京津冀产业转移系列对接活动启动仪式报道（2018-08-22，转载）",
         source_url="https://xwzx.qqzyw.com/show-199234.html",
         notes="Signed among ten projects (99.82亿 in all) on 2018-08-22 at the launch in 雄安 run by the Hebei industry department with MIIT and "
               "the Beijing and Tianjin departments. 深州 hosts about 60 furniture makers from the Beijing-Tianjin move (人民网日本語版 via "
               "https://nordot.app/1143916279194681897?c=414795408717890657). Row source: " + W + "."),
    dict(id="juran_jjj_home", name_zh="居然之家京津冀家居产业园（白沟）", name_en="Easyhome Beijing-Tianjin-Hebei Home Furnishing Industrial Park (Baigou)",
         origin_name_zh="居然之家投资控股集团", origin_code="110100", host_city_code="130600",
         industries="家居制造;家居商贸", investment="200", investment_unit="亿元",
         source_title="北京家具产业谨慎转移（九正建材网 2015-10-27）",
         source_url="https://www.zgjct.com/news/463601.html",
         notes="One of three bases for Beijing furniture (with 汉沽 and 青县); funded by 居然之家 and 隆基泰和; first-phase plan 200亿元 (planned), "
               "about 6500 亩. An undated repost (no address kept) says the agreement was signed on 17 Oct with 白沟新城 and 高碑店市. No year "
               "or county. Row source: " + W + "."),
    # ---- food ----
    dict(id="bazhou_food_park", name_zh="霸州经济开发区都市食品产业园", name_en="Bazhou Urban Food Industrial Park",
         origin_name_zh="北京食品企业（北京稻香村、牛氏运昌等）", origin_code="110100", host_city_code="131000", host_county_code="131081",
         industries="休闲食品;保健食品与功能饮品;航空食品;中央厨房", investment="120", investment_unit="亿元",
         source_title="[标题未见；同文镜像题为“舌尖”上百亿级产业集群悄然崛起] 霸州都市食品产业园报道（2019-04-19，转载）",
         source_url="http://www.qygsc.cn/news/guonei/2019/0419/70504.html",
         notes="35 food firms with 120亿元 total investment (cumulative, not a single project); first Beijing firm was 牛氏运昌; 北京稻香村 "
               "built its first base outside Beijing there. Row source: " + W + "."),
    dict(id="daoxiangcun_bazhou", name_zh="北京稻香村霸州食品加工基地", name_en="Beijing Daoxiangcun Bazhou Food Processing Base",
         origin_name_zh="北京稻香村食品有限责任公司", origin_code="110100", host_city_code="131000", host_county_code="131081",
         year="2016", year_kind="started", industries="糕点;休闲食品", investment="15", investment_unit="亿元",
         source_title="打造“舌尖上”的产业——霸州市加快食品产业发展纪实（2017-05-11，转载）",
         source_url="http://shijiazhuang.baogaosu.com/xinwen/%E6%89%93%E9%80%A0%E8%88%8C%E5%B0%96%E4%B8%8A%E7%9A%84%E4%BA%A7%E4%B8%9A/57224820/",
         notes="Construction began 2016, 15亿元 total, phase 1 30万 m² (on 霸州 西环路). The 2019 report calls it Daoxiangcun's first base outside "
               "Beijing (http://www.qygsc.cn/news/guonei/2019/0419/70504.html). Row source: " + W + "."),
    dict(id="fucheng_wangzhihe", name_zh="王致和腐乳生产基地（阜城）", name_en="Wangzhihe Fermented Tofu Production Base (Fucheng)",
         origin_name_zh="北京王致和（北京宝金龙（衡水）食品有限公司）", origin_code="110100", host_city_code="131100", host_county_code="131128",
         industries="调味品;腐乳", investment="11.2", investment_unit="亿元",
         source_title="[标题未见] 长城网衡水频道 2021-06-02：阜城县北京·中华老字号食品产业园",
         source_url="http://hs.hebei.com.cn/system/2021/06/02/100683998.shtml",
         notes="长城网: brought into the 阜城 Beijing time-honoured food park; 11.2亿元. 220 亩, 80M jars a year, phase 1 in production: "
               "衡水日报 via http://news.ppzw.com/Article_Print_240076.html (" + W + "). Year not stated."),
    dict(id="fucheng_donglaishun", name_zh="东来顺生产基地（阜城）", name_en="Donglaishun Production Base (Fucheng)",
         origin_name_zh="北京东来顺街坊铺餐饮公司", origin_code="110100", host_city_code="131100", host_county_code="131128",
         industries="餐饮食品加工", investment="10.5", investment_unit="亿元",
         source_title="[标题未见] 长城网衡水频道 2021-06-02：阜城县北京·中华老字号食品产业园",
         source_url="http://hs.hebei.com.cn/system/2021/06/02/100683998.shtml",
         notes="长城网: brought into the 阜城 Beijing time-honoured food park; 10.5亿元. Year not stated."),
    dict(id="qiuxian_beijing_food", name_zh="北京休闲食品企业落户邱县（哆呋、集味轩、马大姐等）", name_en="Beijing snack-food firms in Qiu County",
         origin_name_zh="北京哆呋、集味轩、马大姐、京味坊等食品企业", origin_code="110100", host_city_code="130400", host_county_code="130430",
         industries="休闲食品",
         source_title="北京三大休闲食品企业落户邱县（中国共产党新闻/71.cn 2015-08-10）",
         source_url="http://www.71.cn/2015/0810/828095.shtml",
         notes="邱县 (Handan) brought in a string of Beijing food processors (哆呋, 集味轩, 马大姐; 北京京味坊 also quoted). No year of each move "
               "or amount stated."),
    # ---- pharma / other manufacturing ----
    dict(id="norsland_guan", name_zh="诺思兰德固安生物医药产业化基地", name_en="Norsland Gu'an Biomedicine Industrialisation Base",
         origin_name_zh="北京诺思兰德生物技术股份有限公司", origin_code="110100", host_city_code="131000", host_county_code="131022",
         year="2016", year_kind="signed", industries="生物医药",
         source_title="[标题未见] 《人民日报》2016-03-29 第10版（记者史自强）：京津冀协同发展投资会议12个项目签约（转载）",
         source_url="https://ase-mz.com/www/cj/content/2016-03/29/content_2671376.htm",
         notes="人民日报: 12 projects of Beijing key firms, close to 122亿元 in all, signed with 廊坊 on 2016-03-28, including this base and a "
               "CASIC IP commercialisation base. Investment of this base not stated. Row source: " + W + " (People's Daily text on a mirror)."),
    dict(id="taiyangdadi_jizhou", name_zh="太阳大地数码耗材生产迁至冀州", name_en="Taiyang Dadi digital consumables production moved to Jizhou",
         origin_name_zh="北京太阳大地（大兴生物医药基地内）", origin_code="110115", host_city_code="131100", host_county_code="131103",
         year="2015", year_kind="opened", industries="数码耗材;纸制品",
         source_title="[标题未见] 北京日报（记者孙奇茹）报道大兴生物医药基地与河北多地联动，中国日报网转载 2015-12-02",
         source_url="http://covid-19.chinadaily.com.cn/hqpl/zggc/2015-12-02/content_14371585.html",
         notes="Beijing Daily: in June 2015 the maker moved its production out of 大兴 entirely and built China's largest digital consumables base in "
               "冀州 (then 冀州市, now 冀州区); year_kind 'opened' stands for that move (source: production moved out, base built, June 2015)."),
    dict(id="tongrentang_anguo", name_zh="同仁堂安国中药材前处理及饮片基地", name_en="Tongrentang Anguo herb pre-processing and decoction-pieces base",
         origin_name_zh="北京同仁堂", origin_code="110100", host_city_code="130600", host_county_code="130683",
         year="2013", year_kind="started", industries="中药材前处理;中药饮片;颗粒制剂",
         source_title="同仁堂京外基地落成促中药产业协同发展（010b.com 2025-09-09）",
         source_url="https://bj.010b.com/info/detail/159077.html",
         notes="Machine-style summary page: the first capacity move (herb pre-processing) went to the 安国 herb industrial park from 2013. "
               + W + " (unverified; confirm before use)."),
    dict(id="tongrentang_yutian", name_zh="北京同仁堂科技发展（唐山）中药提取和液体制剂项目（玉田）", name_en="Tongrentang Technologies (Tangshan) herbal extraction and liquid preparations project (Yutian)",
         origin_name_zh="北京同仁堂科技发展股份有限公司", origin_code="110100", host_city_code="130200", host_county_code="130229",
         year="2015", industries="中药提取;液体制剂;中成药", investment="10", investment_unit="亿元",
         source_title="20个“中华老字号”项目搬新家 发展带来新机遇（2019-11-10，转载）",
         source_url="http://tech.jiangsulong.com/a/2019/1110/1573346499.html",
         notes="Report: from 2014 Tongrentang built four projects in 玉田 (health products, natural medicine, herbal extraction); the 2015 extraction and "
               "liquid-preparation project of its Tangshan subsidiary, 10亿元, is its only full chain outside Beijing. Herb planting there since 2001. "
               "year_kind empty (the text says 投建 in 2015, not clearly a start or opening). A machine-style page says the 玉田 base was in operation "
               "in 2017 (https://bj.010b.com/info/detail/159077.html). Row source: " + W + "."),
    dict(id="jiaokong_wuqing", name_zh="交控科技落户武清京津产业新城", name_en="Traffic Control Technology at Wuqing Jing-Jin Industrial New City",
         origin_name_zh="交控科技股份有限公司", origin_code="110100", host_city_code="120100", host_county_code="120114",
         year="2020", year_kind="opened", industries="轨道交通信号系统",
         source_title="[标题未见] 武清京津产业新城报道（转载，2023-02）",
         source_url="http://m.igdzc.com/city/jiaodian/0223/2377220.html",
         notes="The Beijing-headquartered firm set up (落户) its production in 武清 in 2020 (year_kind 'opened' for that) (R&D stays in Beijing); output 5亿元 a year; 铁科院 also moved "
               "in. The new city's plan was approved by Tianjin on 2023-09-15: 天津日报 2023-12-29, "
               "http://epaper.tianjinwe.com/tjrb/html/2023-12/29/content_143090_185919.htm. Row source: " + W + "."),
    dict(id="xiongan_chinasatnet_hq", name_zh="中国星网雄安总部（疏解）", name_en="China SatNet headquarters moved to Xiong'an",
         origin_name_zh="中国卫星网络集团有限公司", origin_code="110100", host_city_code="130600",
         year="2024", year_kind="opened", industries="卫星互联网;空天信息",
         source_title="入驻雄安！首家疏解北京非首都功能央企总部竣工交付（人民日报消息，上游新闻 2024-09-26）",
         source_url="https://m.cqcb.com/gongsifengxiangbiao/2024-09-26/5664288_pc.html",
         notes="People's Daily via 上游新闻: the first SOE HQ moved out of Beijing; building in the 启动区 internet industrial park started 2022-06, "
               "passed acceptance 2024-09-23, handed over 2024-09-26, in use from October 2024. In office since Oct 2024 per 人民日报 2025-12-30 "
               "(http://sd.mingriaudio.com/BIG5/n1/2025/1230/c64387-40635246.html, mirror). Host city 保定市 because the boundaries file puts 雄安新区 "
               "under it; county empty (source names only 雄安新区)."),
    dict(id="xiongan_huaneng_hq", name_zh="中国华能总部疏解雄安", name_en="China Huaneng headquarters moved to Xiong'an",
         origin_name_zh="中国华能集团有限公司", origin_code="110100", host_city_code="130600",
         year="2025", year_kind="opened", industries="能源;电力",
         source_title="第二批疏解至雄安的4家央企总部已全部开工建设（人民日报 2025-12-30 第2版，人民网镜像）",
         source_url="http://sd.mingriaudio.com/BIG5/n1/2025/1230/c64387-40635246.html",
         notes="People's Daily (text on a mirror, weak source: repost/aggregator): moved into its Xiong'an HQ on 2025-10-09 (first batch). 1000+ HQ staff working there: 新华社石家庄10月9日电 (新华每日电讯 2025-10-10), https://m.bimoxiezuo.com/view?id=n5tw63s7mm2wgndc&type=2 (weak source: repost/aggregator). Host city 保定市 because the boundaries file puts 雄安新区 under it; county empty (source names only 雄安新区)."),
    dict(id="xiongan_sinochem_hq", name_zh="中国中化总部疏解雄安", name_en="Sinochem Holdings headquarters moved to Xiong'an",
         origin_name_zh="中国中化控股有限责任公司", origin_code="110100", host_city_code="130600",
         year="2025", year_kind="opened", industries="化工;材料",
         source_title="第二批疏解至雄安的4家央企总部已全部开工建设（人民日报 2025-12-30 第2版，人民网镜像）",
         source_url="http://sd.mingriaudio.com/BIG5/n1/2025/1230/c64387-40635246.html",
         notes="People's Daily: moved into its Xiong'an HQ on 2025-10-09 (first batch); close to 1000 staff per 新华每日电讯 2025-10-10 (mirror above). Row source: People's Daily text on a mirror, weak source: repost/aggregator. Host city 保定市 because the boundaries file puts 雄安新区 under it; county empty (source names only 雄安新区)."),
    dict(id="xiongan_minmetals_res_hq", name_zh="中国矿产资源集团总部（雄安）", name_en="China Mineral Resources Group headquarters (Xiong'an)",
         origin_name_zh="中国矿产资源集团有限公司", origin_code="110100", host_city_code="130600",
         year="", year_kind="", industries="矿产资源",
         source_title="第二批疏解至雄安的4家央企总部已全部开工建设（人民日报 2025-12-30 第2版，人民网镜像）",
         source_url="http://sd.mingriaudio.com/BIG5/n1/2025/1230/c64387-40635246.html",
         notes="People's Daily (2025-12-30): first-batch HQ; main structure topped out, fitting-out under way. No start or opening year stated. Row source: People's Daily text on a mirror, weak source: repost/aggregator. Host city 保定市 because the boundaries file puts 雄安新区 under it; county empty (source names only 雄安新区)."),
    dict(id="xiongan_cdt_hq", name_zh="中国大唐雄安总部项目", name_en="China Datang Xiong'an headquarters project",
         origin_name_zh="中国大唐集团有限公司", origin_code="110100", host_city_code="130600",
         year="2025", year_kind="started", industries="能源;电力",
         source_title="第二批疏解至雄安的4家央企总部已全部开工建设（人民日报 2025-12-30 第2版，人民网镜像）",
         source_url="http://sd.mingriaudio.com/BIG5/n1/2025/1230/c64387-40635246.html",
         notes="People's Daily: second-batch HQ; construction started in 2025 (大唐 earlier in the year; 华电, 诚通 and 农发 held start ceremonies on 2025-12-25..28). Host city 保定市 because the boundaries file puts 雄安新区 under it; county empty (source names only 雄安新区)."),
    dict(id="xiongan_huadian_hq", name_zh="中国华电雄安总部项目", name_en="China Huadian Xiong'an headquarters project",
         origin_name_zh="中国华电集团有限公司", origin_code="110100", host_city_code="130600",
         year="2025", year_kind="started", industries="能源;电力",
         source_title="第二批疏解至雄安的4家央企总部已全部开工建设（人民日报 2025-12-30 第2版，人民网镜像）",
         source_url="http://sd.mingriaudio.com/BIG5/n1/2025/1230/c64387-40635246.html",
         notes="People's Daily: second-batch HQ; construction started in 2025 (大唐 earlier in the year; 华电, 诚通 and 农发 held start ceremonies on 2025-12-25..28). Host city 保定市 because the boundaries file puts 雄安新区 under it; county empty (source names only 雄安新区)."),
    dict(id="xiongan_chengtong_hq", name_zh="中国诚通雄安总部项目", name_en="China Chengtong Xiong'an headquarters project",
         origin_name_zh="中国诚通控股集团有限公司", origin_code="110100", host_city_code="130600",
         year="2025", year_kind="started", industries="国有资本运营",
         source_title="第二批疏解至雄安的4家央企总部已全部开工建设（人民日报 2025-12-30 第2版，人民网镜像）",
         source_url="http://sd.mingriaudio.com/BIG5/n1/2025/1230/c64387-40635246.html",
         notes="People's Daily: second-batch HQ; construction started in 2025 (大唐 earlier in the year; 华电, 诚通 and 农发 held start ceremonies on 2025-12-25..28). Host city 保定市 because the boundaries file puts 雄安新区 under it; county empty (source names only 雄安新区)."),
    dict(id="xiongan_cadg_hq", name_zh="中国农业发展集团雄安总部项目", name_en="China Agricultural Development Group Xiong'an headquarters project",
         origin_name_zh="中国农业发展集团有限公司", origin_code="110100", host_city_code="130600",
         year="2025", year_kind="started", industries="农业;渔业",
         source_title="第二批疏解至雄安的4家央企总部已全部开工建设（人民日报 2025-12-30 第2版，人民网镜像）",
         source_url="http://sd.mingriaudio.com/BIG5/n1/2025/1230/c64387-40635246.html",
         notes="People's Daily: second-batch HQ; construction started in 2025 (大唐 earlier in the year; 华电, 诚通 and 农发 held start ceremonies on 2025-12-25..28). Host city 保定市 because the boundaries file puts 雄安新区 under it; county empty (source names only 雄安新区)."),
    dict(id="xiongan_bjtu_campus", name_zh="北京交通大学雄安校区", name_en="Beijing Jiaotong University Xiong'an Campus",
         origin_name_zh="北京交通大学", origin_code="110100", host_city_code="130600",
         year="2023", year_kind="started", industries="高等教育;科研",
         source_title="首批疏解4所高校 雄安校区全部开工建设（新华社石家庄11月28日电，郑州日报 2023 第3版）",
         source_url="https://dzb.zzrbnews.com/news/52094.html",
         notes="Xinhua: one of the first four ministry universities moved out of Beijing; all four Xiong'an campuses started on 2023-11-28, in the north of 起步区第五组团. Use planned around 2027 (网易号, https://www.163.com/dy/article/KLGEH7SM055615NL.html, weak source: repost/aggregator). Host city 保定市 because the boundaries file puts 雄安新区 under it; county empty (source names only 雄安新区)."),
    dict(id="xiongan_ustb_campus", name_zh="北京科技大学雄安校区", name_en="University of Science and Technology Beijing Xiong'an Campus",
         origin_name_zh="北京科技大学", origin_code="110100", host_city_code="130600",
         year="2023", year_kind="started", industries="高等教育;科研",
         source_title="首批疏解4所高校 雄安校区全部开工建设（新华社石家庄11月28日电，郑州日报 2023 第3版）",
         source_url="https://dzb.zzrbnews.com/news/52094.html",
         notes="Xinhua: one of the first four ministry universities moved out of Beijing; all four Xiong'an campuses started on 2023-11-28, in the north of 起步区第五组团. Use planned around 2027 (网易号, https://www.163.com/dy/article/KLGEH7SM055615NL.html, weak source: repost/aggregator). Host city 保定市 because the boundaries file puts 雄安新区 under it; county empty (source names only 雄安新区)."),
    dict(id="xiongan_bjfu_campus", name_zh="北京林业大学雄安校区", name_en="Beijing Forestry University Xiong'an Campus",
         origin_name_zh="北京林业大学", origin_code="110100", host_city_code="130600",
         year="2023", year_kind="started", industries="高等教育;科研",
         source_title="首批疏解4所高校 雄安校区全部开工建设（新华社石家庄11月28日电，郑州日报 2023 第3版）",
         source_url="https://dzb.zzrbnews.com/news/52094.html",
         notes="Xinhua: one of the first four ministry universities moved out of Beijing; all four Xiong'an campuses started on 2023-11-28, in the north of 起步区第五组团. Use planned around 2027 (网易号, https://www.163.com/dy/article/KLGEH7SM055615NL.html, weak source: repost/aggregator). Host city 保定市 because the boundaries file puts 雄安新区 under it; county empty (source names only 雄安新区)."),
    dict(id="xiongan_cugb_campus", name_zh="中国地质大学（北京）雄安校区", name_en="China University of Geosciences (Beijing) Xiong'an Campus",
         origin_name_zh="中国地质大学（北京）", origin_code="110100", host_city_code="130600",
         year="2023", year_kind="started", industries="高等教育;科研",
         source_title="首批疏解4所高校 雄安校区全部开工建设（新华社石家庄11月28日电，郑州日报 2023 第3版）",
         source_url="https://dzb.zzrbnews.com/news/52094.html",
         notes="Xinhua: one of the first four ministry universities moved out of Beijing; all four Xiong'an campuses started on 2023-11-28, in the north of 起步区第五组团. Use planned around 2027 (网易号, https://www.163.com/dy/article/KLGEH7SM055615NL.html, weak source: repost/aggregator). Host city 保定市 because the boundaries file puts 雄安新区 under it; county empty (source names only 雄安新区)."),
    dict(id="minmetals_zhuozhou", name_zh="中国五矿（涿州）科技产业园", name_en="China Minmetals (Zhuozhou) Science & Technology Industrial Park",
         origin_name_zh="中国五矿集团", origin_code="110100", host_city_code="130600", host_county_code="130681",
         industries="新材料;节能环保;新一代信息技术", investment="120", investment_unit="亿元",
         source_title="灯光指数折射环首都“卫星城”十年之变（转载）",
         source_url="https://m.gdzrlj.com/article/52932-73-0.html",
         notes="Under construction (autumn, year not printed); 120亿元 total, 5 bn yuan output a year planned. 涿州 also hosts 47 companies of central "
               "SOEs (五矿, 中国船舶, 中国钢研 etc.). Row source: " + W + "."),
    dict(id="heying_huailai_dc", name_zh="合盈数据（怀来）科技产业园", name_en="Heying Data (Huailai) Science & Technology Industrial Park",
         origin_name_zh="北京数据中心需求企业（美团等）", origin_code="110100", host_city_code="130700", host_county_code="130730",
         industries="数据中心;云计算",
         source_title="灯光指数折射环首都“卫星城”十年之变（转载）",
         source_url="https://m.gdzrlj.com/article/52932-73-0.html",
         notes="The park builds and runs a custom data centre for Meituan (10-year term); 怀来 hosts Tencent, Qinhuai and others, 630k servers; "
               "'Beijing HQ, Huailai computing'. No year stated. Row source: " + W + "."),
    dict(id="sugon_tianjin_base", name_zh="曙光计算机天津基地（滨海新区）", name_en="Sugon Computer Tianjin Base (Binhai)",
         origin_name_zh="曙光信息产业股份有限公司（研发中心在北京）", origin_code="110100", host_city_code="120100", host_county_code="120116",
         industries="服务器;高性能计算机;大数据一体机",
         source_title="中关村加速落子津冀（2016-02-26，转载）",
         source_url="http://calabash-boy.com/system/2016/02/26/016684991.shtml",
         notes="A 3万 m² base in 滨海新区 builds most of Sugon's servers; R&D stays in Beijing. Same page: ZGC firms 赛博乐 and 国电通 with the "
               "张北 government build a cloud and big-data centre. No year of the Tianjin base stated. Row source: " + W + "."),
    dict(id="guanghuan_sanhe_cloud", name_zh="光环新网三河云计算基地", name_en="Sinnet Sanhe Cloud Computing Base",
         origin_name_zh="北京光环新网科技股份有限公司", origin_code="110100", host_city_code="131000", host_county_code="131082",
         year="2019", year_kind="signed", industries="云计算;数据中心",
         source_title="北京与河北“北三县”签约52个项目 意向投资额超300亿元（中新网北京2月26日电，转载）",
         source_url="http://yanjintv.com/news/cj/37343.html",
         notes="中新网: signed at the Beijing-北三县 project fair on 2019-02-26 (52 projects, over 300亿元 intended); others include the move of "
               "北京天坛玛金莎座椅 and test bases of 中航试金石 in 大厂. Row source: " + W + "."),
    dict(id="daoxiangcun_fucheng", name_zh="稻香村食品生产加工基地（阜城）", name_en="Daoxiangcun Food Production Base (Fucheng)",
         origin_name_zh="北京稻香村", origin_code="110100", host_city_code="131100", host_county_code="131128",
         industries="糕点;休闲食品", investment="3.2", investment_unit="亿元",
         source_title="走访阜城县北京•中华老字号食品产业园（衡水日报，转载）",
         source_url="http://news.ppzw.com/Article_Print_240076.html",
         notes="衡水日报: built by 北京稻香村 with 河北双荣食品; the first project in the 阜城 time-honoured food park to reach output; 3.2亿元, 100 亩. "
               "No year stated. Row source: " + W + "."),
    dict(id="dongmao_yanjiao_garment", name_zh="燕郊东贸国际服装城（承接北京批发商户）", name_en="Yanjiao Dongmao International Garment City",
         origin_name_zh="北京动物园、大红门附近服装批发市场商户", origin_code="110100", host_city_code="131000", host_county_code="131082",
         year="2016", year_kind="opened", industries="服装批发",
         source_title="燕郊冷与热：北京来的批发市场（时代周报 2017-12，转载）",
         source_url="http://so.sh.cn/html/201712/12/120457277.htm",
         notes="时代周报: the market on the 燕郊-通州 border (三河市) began receiving Beijing traders at the end of 2016, most from garment markets near "
               "动物园 and 大红门. year_kind 'opened' = began receiving Beijing traders. Row source: " + W + "."),
    dict(id="sgcc_customer_service_tianjin", name_zh="国家电网客户服务中心（天津）", name_en="State Grid Customer Service Centre (Tianjin)",
         origin_name_zh="国家电网有限公司", origin_code="110100", host_city_code="120100",
         industries="客户服务;呼叫中心",
         source_title="园区是桥 联通你我（中国共产党新闻/71.cn 2016-02-26）",
         source_url="http://www.71.cn/2016/0226/866020_3.shtml",
         notes="Tianjin cooperation office: the State Grid customer service centre chose Tianjin; 2300+ staff in place, handling 95598 for Beijing, "
               "Tianjin and 11 other provinces. Same page: Tianjin had signed 1218 Beijing projects (2867.14亿元) by end-Oct 2015. Year and district "
               "not stated."),
    dict(id="babcock_caofeidian", name_zh="北京巴威高端装备制造项目（曹妃甸）", name_en="Beijing Bawei high-end equipment manufacturing project (Caofeidian)",
         origin_name_zh="北京巴威", origin_code="110100", host_city_code="130200", host_county_code="130209",
         year="2020", year_kind="started", industries="高端装备制造", investment="9.8", investment_unit="亿元",
         source_title="京冀曹妃甸协同发展示范区：下好共生共荣“一盘棋”（人民网河北频道 2021-11-08，镜像）",
         source_url="http://venelibros.com/n2/2021/1108/c383557-34995649.html",
         notes="人民网: a Beijing firm's project moving to Hebei, started 2020-10-27 in the 曹妃甸 equipment park, 9.8亿元, phase 1 due end-2021. "
               "The demonstration zone drew 230 Beijing projects of 1亿+ (2790.86亿) from 2015 to Aug 2021. Origin named as in the text (北京巴威); the local company quoted is 巴威装备制造（唐山）有限责任公司. Row source: people.cn text on a mirror, " + W + "." ),
    dict(id="tini_best_zhengding", name_zh="蒂尼·倍斯特家具工厂迁至正定新区", name_en="Tini Best furniture factory moved to Zhengding New Area",
         origin_name_zh="蒂尼·倍斯特（北京房山工厂）", origin_code="110111", host_city_code="130100", host_county_code="130123",
         industries="实木家具制造",
         source_title="[标题未见] 北京商报报道京城家居企业外迁（2016，转载）",
         source_url="http://sqcrh.com/xingyedongtai/2928.html",
         notes="北京商报: the solid-wood furniture maker closed its 房山 plant and built a new one in 南楼乡北楼村, 正定新区; 90% of its lines moved by "
               "early Oct 2016. Origin 房山区 (named in the source); host county 正定县 (source says 正定新区). Year of the move not stated as a "
               "single date. Row source: " + W + "."),
]
