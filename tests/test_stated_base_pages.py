"""The pages state the base of every figure (issue #14), checked on the shipped data under AppTest."""

import json
import re
from pathlib import Path

from streamlit.testing.v1 import AppTest

from geo import datasets, indicators, registry, sources

APP = str(Path(__file__).resolve().parents[1] / "app.py")
CITIES, CORRIDORS, DATA = "pages/cities.py", "pages/corridors.py", "pages/data.py"
SEED_FILE = re.compile(r"\d{3}_[0-9a-f]{16}\.txt")


def _page(page: str, lang: str = "en") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.session_state["lang"] = lang
    at.run()
    at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def _texts(at: AppTest) -> list[str]:
    return [e.value for kind in ("caption", "subheader", "markdown", "header") for e in getattr(at, kind)]


def test_cities_ranking_says_how_many_cities_have_data_and_the_median_its_base():
    at = _page(CITIES)
    indicator, year = at.selectbox(key="city_indicator").value, at.selectbox(key="city_year").value
    values = indicators.city_values(datasets.load("indicators"), indicator, year)
    have = int(values["value"].notna().sum())
    assert f"Ranking ({have} of the 13 cities have data)" in _texts(at)
    hebei = int(values.loc[values["province_code"] == "130000", "value"].notna().sum())
    median_label = [m.label for m in at.metric if m.label.startswith("Hebei cities, median")]
    assert median_label == [f"Hebei cities, median ({hebei} of 11 with data)"]
    withheld = any(t.startswith(f"Only {hebei} of Hebei's 11 cities have data") for t in _texts(at))
    assert withheld == (hebei < indicators.MIN_CITIES_FOR_MEDIAN)
    if withheld:
        assert all("Hebei median" not in (m.delta or "") for m in at.metric)


def test_cities_trend_prints_years_as_years_and_shows_no_seed_file_name():
    at = _page(CITIES)
    charts = [json.loads(c.proto.spec) for c in at.get("vega_lite_chart")]
    years_axes = [layer["encoding"]["x"].get("axis", {}).get("format") for spec in charts
                  for layer in spec.get("layer", []) if layer.get("encoding", {}).get("x", {}).get("field") == "year"]
    assert years_axes and set(years_axes) == {"d"}
    shown = " ".join(_texts(at)) + " ".join(str(df.value.to_dict()) for df in at.dataframe)
    assert not SEED_FILE.search(shown)


def test_corridors_speak_in_counties_not_kilometres():
    at = _page(CORRIDORS)
    text = " ".join(_texts(at)) + " ".join(m.label for m in at.metric)
    assert "no distances in kilometres" in text and "county reference point" in text
    assert not at.slider  # no distance threshold to pick: the locations cannot carry it
    counts = [re.match(r"(\d+) of (\d+) platforms and parks", m.value).groups() for m in at.metric]
    assert len(counts) == 3 and sum(int(n) for n, _ in counts) == int(counts[0][1]) == len(registry.entities())


def test_data_page_reports_the_matrix_weak_shares_and_alternates():
    at = _page(DATA)
    texts = _texts(at)
    matrix = [t for t in texts if t.startswith("Indicator matrix: 13 cities × 8 core indicators × 10 years = 1,040")]
    assert matrix
    alternates = len(datasets.load("indicator_alternates"))
    assert any(f"{alternates} further values are kept as “other sources”" in t for t in texts)
    assert "Rows with only weak sources, per table" in texts
    source_tables = [df.value for df in at.dataframe if "Source grade" in df.value.columns]
    assert source_tables and not any(SEED_FILE.search(str(v)) for df in source_tables for v in df["Source"])
    assert not any(SEED_FILE.search(df.value.to_csv()) for df in at.dataframe)  # no table shows a seed file name
    assert sources.records()  # the table the page reads exists
