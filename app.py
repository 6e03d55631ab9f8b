"""JJJ Atlas entry point: navigation and the shared sidebar (language), nothing else."""

import streamlit as st

from geo import urlparams
from geo.vocab import LANGUAGE_NAMES, LANGUAGES, normalise_language, ui
from pages_support import navigation, streamlit_text, workspace_context

st.set_page_config(page_title="京津冀产业协同地图 · JJJ Atlas", layout="wide")
ss = st.session_state
# The link as opened, before the language is written into it: its parameters are checked once.
opened_with = st.query_params.to_dict() if "url_checked" not in ss else None

if "lang" not in ss:
    ss["lang"] = normalise_language(st.query_params.get("lang"))

lang = ss["lang"]
st.query_params["lang"] = lang
# "lang" is plain session state, never a widget's. The switch is a new widget (a new key, its default
# the current language) after every run that did not draw it: the Map page's first run stops before
# the switch, and the browser then reported the old switch as set to Chinese on the next interaction
# (an English visit turned Chinese: tests/e2e/test_hostile_urls.py).
if not ss.get("lang_drawn", True):
    ss["lang_generation"] = ss.get("lang_generation", 0) + 1
ss["lang_drawn"] = False
LANG_KEY = f"lang_choice_{ss.get('lang_generation', 0)}"


def _choose_language(key: str) -> None:
    """Switch the language. A page whose options are labelled in the language restores its widgets'
    values itself (Streamlit holds a selectbox's value as the label: pages/map.py)."""
    ss["lang"] = ss[key]
    ss["lang_generation"] = ss.get("lang_generation", 0) + 1


def _url_warnings(page_path: str) -> None:
    """Every parameter of the opened link that this page cannot use, until the visitor dismisses it."""
    if opened_with is not None:
        ss["url_checked"] = True
        ss["url_problems"] = urlparams.problems(page_path or urlparams.MAP_PAGE, opened_with)
    found = ss.get("url_problems")
    if found:
        st.warning(ui("url_problems", lang) + "\n\n" + "\n".join(f"- {p.describe(lang)}" for p in found))
        st.button(ui("url_dismiss", lang), key="url_dismiss", on_click=ss.pop, args=("url_problems", None))


# The language switch keeps its place at the top of the sidebar but is drawn after the page: the
# Map page's first run stops after its map (pages/map.py), so the switch's widget code is fetched
# with the other controls, not before the map (bench/bench_map.py: about 0.1 s sooner).
language_slot = st.sidebar.container()
workspace_slot = st.sidebar.container()  # the open workspace and its close button, also drawn after the page

st.sidebar.caption(ui("app_title", lang))
streamlit_text.localise_page(lang)  # Streamlit's own words in Chinese (a style sheet, no space taken)
page = navigation.navigate(lang)
_url_warnings(page.url_path)
# Runs in a row of one page: 1 on the first run of a visit (the Map page sends its map first then).
ss["page_run"] = ss.get("page_run", 0) + 1 if ss.get("page") == page.url_path else 1
ss["page"] = page.url_path
workspace_context.open_for_run()  # the link's workspace joins the shipped data on every page
navigation.run(page)
workspace_context.sidebar(lang, workspace_slot)
ss["lang_drawn"] = True
language_slot.radio("语言 / Language", LANGUAGES, index=LANGUAGES.index(lang), key=LANG_KEY,
                    format_func=LANGUAGE_NAMES.get, horizontal=True, on_change=_choose_language, args=(LANG_KEY,))
