"""The Map page as a workbench (issue #15): one type in one click, filters that say what they act on."""

from pathlib import Path

from streamlit.testing.v1 import AppTest

from geo import filter_scope, filters, layers
from geo.filters import ViewState
from geo.vocab import OVERLAYS, TYPE_FILTER_VALUES
from pages_support import filter_widgets

APP = str(Path(__file__).resolve().parents[1] / "app.py")


def _run(lang="en", **params) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90)
    at.query_params["lang"] = lang
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    at.run()  # the map's first report brings the controls
    assert not at.exception, at.exception
    return at


def _count(at, label: str) -> int:
    shown = next(c.value for c in at.caption if c.value.startswith(("Shown:", "当前显示")))
    part = next(p for p in shown.split(": ", 1)[1].split(" · ") if p.startswith(label))
    return int(part.rsplit(" ", 1)[1])


def test_the_scope_of_each_filter_comes_from_the_layer_declarations():
    for field in ("types", "systems", "industries", "modes", "as_of", "provinces"):
        acted = filter_scope.layers_acted_on(field)
        assert acted, field
        for layer in layers.LAYERS:
            declared = field in layer.filters or layer.id in filters_acts_on(field)
            assert (layer.id in acted) == declared, (field, layer.id)
    assert filter_scope.layers_acted_on("systems") == ("platforms",)  # from Filter.acts_on alone
    assert "parks" not in filter_scope.layers_acted_on("types") and "stations" not in filter_scope.layers_acted_on(
        "types")
    text = filter_scope.scope_text("modes", "en")
    assert OVERLAYS["parks"]("en") in text and OVERLAYS["platforms"]("en") not in text


def filters_acts_on(field: str) -> tuple[str, ...]:
    from geo import filter_table
    return filter_table.by_field()[field].acts_on


def test_hiding_other_points_keeps_lines_and_areas():
    kept = filter_scope.without_other_points(["platforms", "parks", "stations", "lines", "policy_areas"], "types")
    assert kept == ["platforms", "lines", "policy_areas"]


def test_one_click_isolates_a_type_hides_unfiltered_points_and_reset_brings_all_back():
    at = _run(layers=",".join(layers.LAYER_IDS))  # a link with every layer (stations are off at first view)
    before = list(at.session_state["m_overlays"])
    assert "stations" in before and "parks" in before
    at.button_group(key=filter_widgets.only_key(filter_widgets.by_field()["types"])).set_value("innovation").run()
    assert not at.exception, at.exception
    assert at.session_state["m_types"] == ["innovation"]
    assert at.query_params["type"] == "innovation"
    alone = filters.visible_layers(ViewState(types=("innovation",))).counts()
    assert _count(at, OVERLAYS["platforms"]("en")) == alone["platforms"] > 0
    shown = at.session_state["m_overlays"]
    assert "stations" not in shown and "parks" not in shown and "platforms" in shown and "lines" in shown
    # the "only" pills act as buttons: nothing stays picked, so the next click isolates again
    assert at.session_state[filter_widgets.only_key(filter_widgets.by_field()["types"])] is None
    at.button(key="m_types_reset").click().run()
    assert not at.exception, at.exception
    assert at.session_state["m_types"] == list(TYPE_FILTER_VALUES)
    assert list(at.session_state["m_overlays"]) == before
    assert "type" not in at.query_params


def test_isolating_can_leave_the_other_point_layers_on():
    at = _run("zh", layers=",".join(layers.LAYER_IDS))
    at.checkbox(key="m_types_hide_others").uncheck().run()
    at.button_group(key="m_types_only").set_value("manufacturing").run()
    assert not at.exception, at.exception
    assert at.session_state["m_types"] == ["manufacturing"]
    assert "stations" in at.session_state["m_overlays"]


def test_every_filter_widget_says_which_layers_it_acts_on():
    at = _run()
    assert at.sidebar.subheader[-1].value == "Filters"  # no longer "act on every layer"
    for key in ("m_provinces", "m_industries", "m_modes"):
        field = key[2:]
        assert at.multiselect(key=key).help == filter_scope.scope_text(field, "en")


def test_the_policy_areas_of_the_chosen_city_are_offered_as_cards_beside_its_panel():
    at = _run()
    at.selectbox(key="m_city").set_value("130800").run()  # Chengde: in 张承
    assert not at.exception, at.exception
    labels = [e.label for e in at.expander]
    assert "In the policy area: Zhangjiakou–Chengde Ecological Function Zone" in labels
    at.selectbox(key="m_city").set_value("131000").run()  # Langfang: Guangyang district, Daxing airport zone
    labels = [e.label for e in at.expander]
    assert "In the policy area: Beijing Daxing International Airport Economic Zone" in labels
    assert not any("Ecological" in label for label in labels)
    at.selectbox(key="m_city").set_value("130900").run()  # Cangzhou: in none
    assert not any(label.startswith("In the policy area") for label in (e.label for e in at.expander))


def test_a_view_set_with_the_widgets_survives_a_visit_to_another_page():
    # Streamlit forgets a value its widget set while another page runs, but still answers with the value
    # code set before: the type picked with the "only" pills came back as all types.
    at = _run()
    at.button_group(key="m_types_only").set_value("innovation").run()
    at.multiselect(key="m_provinces").set_value(["120000"]).run()
    shown = _count(at, OVERLAYS["platforms"]("en"))
    at.switch_page("pages/platforms.py").run()
    at.switch_page("pages/map.py").run()
    at.run()  # the controls follow the map's first report
    assert at.session_state["m_types"] == ["innovation"] and at.session_state["m_provinces"] == ["120000"]
    assert at.query_params["type"] == "innovation" and at.query_params["prov"] == "120000"
    assert _count(at, OVERLAYS["platforms"]("en")) == shown
