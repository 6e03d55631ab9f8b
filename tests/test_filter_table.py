"""The filter table: a filter declared once reaches the state, the URL, the widget, the CLI, the labels and
the filtering."""

import json
import subprocess
import sys
import textwrap
from dataclasses import fields
from pathlib import Path

from geo import filter_table, filters, snapshot
from geo.vocab import LANGUAGES, ui
from pages_support import filter_widgets

ROOT = Path(__file__).resolve().parents[1]

# Run in a fresh interpreter: the table is read when geo.filters builds ViewState at import.
ADD_A_FILTER = textwrap.dedent('''
    import json
    import geo.filter_table as ft
    from geo.vocab import PRECISIONS
    ft.FILTERS = (*ft.FILTERS, ft.Filter(
        "precisions", "prec", "location", "multi", (), "multiselect", ("--precisions",), "point precisions",
        options=lambda: tuple(PRECISIONS), format=lambda p, lang: PRECISIONS[p](lang),
        keep=lambda frame, chosen: frame["precision"].isin(chosen), acts_on=("parks",)))
    from dataclasses import fields
    from geo import filters, snapshot
    from geo.vocab import ui
    from pages_support import filter_widgets
    declared = ft.FILTERS[-1]
    state = filters.ViewState(precisions=("county_centroid",))
    back, ignored = filters.from_query({"prec": "county_centroid,nowhere"})
    args = snapshot._parser().parse_args(["--precisions", "county_centroid", "--format", "csv"])
    method, wargs, kwargs = filter_widgets.widget_call(declared, "en", {})
    every, chosen = filters.visible_layers(filters.ViewState()), filters.visible_layers(state)
    print(json.dumps({
        "field": "precisions" in [f.name for f in fields(filters.ViewState)],
        "url": filters.to_query(state), "url_back": filters.from_query(filters.to_query(state))[0] == state,
        "ignored": ignored, "cli": snapshot.state_from_args(args).precisions,
        "widget": [method, wargs[0], kwargs["key"], wargs[1]], "widget_state": filter_widgets.from_widget(
            declared, ["exact"]), "labels": [ui(declared.label, lang) for lang in ("zh", "en")],
        "parks": [len(every.parks), len(chosen.parks), sorted(set(chosen.parks["precision"]))],
        "platforms": [len(every.platforms), len(chosen.platforms)],
    }))
''')


def test_a_declared_filter_reaches_all_six_places():
    run = subprocess.run([sys.executable, "-c", ADD_A_FILTER], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    seen = json.loads(run.stdout.strip().splitlines()[-1])
    assert seen["field"]  # 1. the view state
    assert seen["url"] == {"prec": "county_centroid", "lang": "zh"} and seen["url_back"]  # 2. the URL
    assert seen["ignored"] == [["prec", "county_centroid,nowhere"]]
    assert seen["widget"][0] == "multiselect" and seen["widget"][2] == "m_precisions"  # 3. the widget
    assert "county_centroid" in seen["widget"][3] and seen["widget_state"] == ["exact"]
    assert seen["cli"] == ["county_centroid"]  # 4. the command line
    assert seen["labels"] == [ui("location", "zh"), ui("location", "en")] and all(seen["labels"])  # 5. labels
    every, kept, precisions = seen["parks"]  # 6. the filtering, on the layers it acts on only
    assert 0 < kept < every and precisions == ["county_centroid"]
    assert seen["platforms"][0] == seen["platforms"][1]


def test_the_shipped_filters_are_the_view_states_first_fields_with_labels_widgets_and_flags():
    names = [f.name for f in fields(filters.ViewState)]
    assert names[:len(filter_table.FILTERS)] == [f.field for f in filter_table.FILTERS]
    flags = [flag for f in filter_table.FILTERS for flag in f.cli]
    assert len(flags) == len(set(flags)) and len({f.param for f in filter_table.FILTERS}) == len(filter_table.FILTERS)
    help_text = snapshot._parser().format_help()
    for declared in filter_table.FILTERS:
        assert declared.kind in filter_table.KINDS and declared.widget in filter_table.WIDGETS
        assert all(ui(declared.label, lang) for lang in LANGUAGES)
        assert declared.cli[0] in help_text
        method, _, kwargs = filter_widgets.widget_call(declared, "en", {"m_as_of": None})
        assert method == declared.widget and kwargs["key"] == declared.key


def test_widget_values_round_trip_through_the_state():
    state = filters.ViewState(types=("innovation",), provinces=("130000",), as_of=2018, include_undated=False)
    values = filter_widgets.widget_values(state)
    assert values["m_types"] == ["innovation"] and values["m_undated"] is False
    assert filters.ViewState(**filter_widgets.state_values(values)) == state
    every_type = filter_widgets.widget_values(filters.ViewState())["m_types"]
    assert filter_widgets.state_values(filter_widgets.widget_values(filters.ViewState()))["types"] is None
    assert len(every_type) == len(filter_table.by_field()["types"].options())
