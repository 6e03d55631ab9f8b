"""Sources as records: every cited source has one, is graded, and reads as outlet, date, title."""

import io
import json
import re
import subprocess
import sys

import pandas as pd
import pytest

from geo import datasets, sources
from geo.schemas import TABLES
from tests.conftest import ROOT

SEED_FILE = re.compile(r"\d{3}_[0-9a-f]{16}\.txt")


def test_every_row_of_every_table_has_a_source_record():
    frames, _ = datasets.check_all()
    assert datasets.source_record_problems(frames) == []
    assert sum(len(sources.pairs(t, u)) for f in frames.values()
               for t, u in zip(f["source_title"], f["source_url"])) > 0


def test_a_source_without_a_record_is_a_problem_naming_the_row():
    frame = pd.DataFrame({"source_title": ["新闻标题"], "source_url": ["https://example.org/never-cited.html"]})
    problems = datasets.source_record_problems({"hubs": frame})
    assert len(problems) == 1 and problems[0].line == 2 and "scripts/build_sources.py" in problems[0].message


def test_a_blocked_host_is_a_problem_and_none_is_cited():
    frame = pd.DataFrame({"source_title": ["x"], "source_url": ["https://winyourdream24.com/a.html"]})
    assert any("blocked host" in p.message for p in datasets.source_record_problems({"hubs": frame}))
    cited = sources.read_table()["url"]
    assert not [u for u in cited if sources.blocked_reason(u)]
    for host in ("mt5.net.cn", "biaoken.com", "bkwk.cn", "drbdp.com", "fengdujob.net"):
        assert sources.blocked_reason(f"http://www.{host}/page.html")


def test_the_shipped_table_is_what_the_build_script_makes():
    result = subprocess.run([sys.executable, "scripts/build_sources.py", "--check"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(("url", "grade"), [
    ("http://tjj.hebei.gov.cn/hbstjj/sj/tjgb/101.html", "official"),
    ("https://www.stats.gov.cn/sj/zxfb/x.html", "official"),
    ("http://m.xinhuanet.com/2019-12/28/c_1125399145.htm", "mainstream"),
    ("http://news.hebei.com.cn/system/2017/12/20/018574221.shtml", "mainstream"),
    ("http://www.bm463.com/2022-04/26/c_1211640951.htm", "weak"),
])
def test_domain_rules_grade_sources(url, grade):
    assert sources.grade_of(url)[0] == grade


def test_seeds_are_shown_by_their_real_title_and_date_never_by_file_name():
    seed = sources.lookup("001_0a25c41612d885cd.txt", None)[0]
    assert (seed.outlet, seed.date) == ("《中国发展观察》", "2023-07-21")
    text = sources.label(seed, "zh")
    assert "京津冀产业协同发展的进展、问题与提升路径" in text and not SEED_FILE.search(text)
    frames, _ = datasets.check_all()
    for table_id, frame in frames.items():
        for t, u in zip(frame["source_title"], frame["source_url"]):
            assert not SEED_FILE.search(sources.row_labels(t, u, "zh")), table_id


def test_a_weak_source_is_marked_in_both_languages_and_its_link_sits_beside_it():
    weak = sources.record_for("某页面 (repost)", "http://www.bm463.com/2022-04/26/c_1211640951.htm")
    assert weak.grade == "weak" and weak.date == "2022-04-26" and weak.title == "某页面"
    assert sources.label(weak, "zh").endswith("〔弱来源〕") and sources.label(weak, "en").endswith("[weak source]")
    html = sources.render_html([weak], "zh")
    assert html.index("某页面") < html.index('href="http://www.bm463.com/') < html.index("bm463.com</a>")


def test_curators_english_asides_are_not_shown_in_chinese():
    title = "劳动午报: 2022年北京市经济运行情况"
    assert sources.clean_title(f"[page title not shown] {title}") == title
    shown = sources.clean_title("2019年河北各市常住人口排行榜 (人口网 renkou.org.cn, 2020-09-01)")
    assert shown == "2019年河北各市常住人口排行榜 （人口网, 2020-09-01）"


def test_user_text_in_a_source_is_escaped():
    html = sources.render_html([sources.record_for("<script>x</script>", "")], "en")
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_weak_share_per_table_counts_rows_with_only_weak_sources():
    frame = pd.DataFrame({"source_title": ["a", "b"], "source_url": [
        "http://www.bm463.com/2022-04/26/c_1.htm", "http://m.xinhuanet.com/2019-12/28/c_1.htm"]})
    row = sources.grade_table({"hubs": frame}).iloc[0]
    assert row["weak_only"] == 1 and row["weak_share"] == 0.5


def test_one_value_per_area_year_indicator_edition():
    frame = pd.DataFrame({"area_code": ["130000", "130000"], "year": ["2022", "2022"],
                          "indicator": ["rd_intensity"] * 2, "value": ["2.00", "2.04"], "unit": ["%"] * 2,
                          "edition": ["first_release"] * 2, "source_title": ["A", "B"], "source_url": [None, None]})
    problems = datasets.one_value_problems(frame)
    assert len(problems) == 1 and problems[0].line == 3 and "indicator_alternates.csv" in problems[0].message
    assert datasets.one_value_problems(frame.iloc[:1]) == []
    frames, _ = datasets.check_all()
    assert datasets.one_value_problems(frames["indicators"]) == []  # the shipped data obeys the rule


def test_known_conflicts_keep_the_better_value_and_the_other_is_an_alternate():
    kept = datasets.load("indicators").assign(year=lambda f: f["year"].astype(int))
    other = datasets.load("indicator_alternates").assign(year=lambda f: f["year"].astype(int))

    def values(frame, area, year, indicator):
        rows = frame[(frame["area_code"] == area) & (frame["year"] == year) & (frame["indicator"] == indicator)
                     & (frame["edition"] != "revised")]  # Hebei's 2022 R&D also has a revised 2.02
        return sorted(rows["value"].astype(float))

    assert values(kept, "130000", 2022, "rd_intensity") == [2.00]
    assert 2.04 in values(other, "130000", 2022, "rd_intensity")
    assert values(kept, "jjj", 2014, "share_primary") == [5.7] and 5.2 in values(other, "jjj", 2014, "share_primary")
    assert values(kept, "110100", 2016, "gdp_per_capita") == [115000]
    assert values(kept, "130100", 2019, "population") == [1039.42]
    assert 1103.12 in values(other, "130100", 2019, "population")


def test_an_alternate_must_stand_beside_a_kept_value():
    indicators = datasets.load("indicators").iloc[:1]
    lone = indicators.assign(year=1999, source_title="other")
    assert datasets.alternate_problems(indicators, lone)[0].message.startswith("no kept value")
    assert "same source" in datasets.alternate_problems(indicators, indicators)[0].message
    assert TABLES["indicator_alternates"].file == "indicator_alternates.csv"


def test_the_data_page_table_shows_labels_and_keeps_english_notes_out_of_chinese():
    frame = datasets.load("figures")
    zh, en = sources.display_table(frame, "zh"), sources.display_table(frame, "en")
    assert "notes" not in zh.columns and "notes" in en.columns
    assert not any(SEED_FILE.search(v) for v in zh["来源"]) and len(zh) == len(frame)
    assert "source_title" in frame.columns  # the data itself is unchanged


def test_an_unknown_seed_is_never_shown_by_its_file_name():
    record = sources.record_for("123_0123456789abcdef.txt", "")
    assert record.title == "种子文档 123" and not SEED_FILE.search(sources.label(record, "zh"))


def test_data_exports_name_sources_by_title_and_grade_never_by_seed_file():
    from geo import exports, filters
    from geo.filters import ViewState
    from geo.layers import LAYER_IDS

    layers = filters.visible_layers(ViewState(overlays=LAYER_IDS))  # every layer, not only the first view's
    table = pd.read_csv(io.StringIO(exports.to_csv(layers).decode("utf-8-sig")), dtype=str)
    features = json.loads(exports.to_geojson(layers))["features"]
    shown_titles = list(table["source_title"].dropna()) + [f["properties"].get("source_title") or "" for f in features]
    assert not [t for t in shown_titles if re.search(r"\d{3}_[0-9a-f]{16}\.txt", t)]  # curator notes keep theirs
    assert set(table["source_grade"].dropna().str.split("; ").explode()) <= {"official", "mainstream", "weak"}
    seeded = datasets.load("projects").query("source_title.str.startswith('000_')", engine="python")
    assert len(seeded)  # a project cited to seed 000 shows the seed's own title in the export
    shown = table.set_index("id").loc[seeded["id"].iloc[0], "source_title"]
    assert shown == sources.lookup(seeded["source_title"].iloc[0], "")[0].title
