"""Both languages whole (issue #15): no raw column name or value code in the tables of the Platforms
page and the Map page's city panel; every heading is a vocabulary label of the chosen language."""

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from geo import datasets, registry
from geo.vocab import EDITIONS, UI

APP = str(Path(__file__).resolve().parents[1] / "app.py")
RAW = re.compile(r"^[a-z][a-z0-9_]*$")  # how a column name or a code looks


def _raw_names() -> set[str]:
    names = set(registry.entities().columns) | set(datasets.load("indicators").columns) | set(EDITIONS)
    return names | {"url", "type", "county"}


def _labels(lang: str) -> set[str]:
    return {term(lang) for term in UI.values()} | {"Δ"}


def _check(frames, lang: str) -> None:
    raw, labels = _raw_names(), _labels(lang)
    assert frames
    for frame in frames:
        for heading in frame.columns:
            assert heading not in raw and not RAW.match(str(heading)), heading
            assert heading in labels, heading
        for column in frame.columns:
            values = {str(v) for v in frame[column].dropna()}
            assert not values & set(EDITIONS), (column, values & set(EDITIONS))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_platforms_table_speaks_the_chosen_language(lang):
    at = AppTest.from_file(APP, default_timeout=90)
    at.switch_page("pages/platforms.py")
    at.query_params["lang"] = lang
    at.run()
    assert not at.exception, at.exception
    _check([at.dataframe[0].value], lang)


@pytest.mark.parametrize("city", ["130600", "131000"])  # Langfang's sources state only the tertiary share
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_city_panel_tables_speak_the_chosen_language(lang, city):
    at = AppTest.from_file(APP, default_timeout=90)
    at.query_params["lang"] = lang
    at.query_params["city"] = city  # indicators, sector shares and places
    at.run()
    at.run()
    assert not at.exception, at.exception
    assert len(at.dataframe) >= 3
    _check([d.value for d in at.dataframe], lang)
