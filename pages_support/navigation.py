"""The app's pages, declared once, and the guard that keeps every page inside app.py's navigation.

Streamlit 1.67 runs a process in its legacy multipage mode (every file in ``pages/`` a page of its
own) until some session has called ``st.navigation``. A direct link such as ``/data?lang=en`` on a
freshly started server would then run the Data page alone: no shared sidebar, no language switch.
``keep_in_app()`` at the top of each page notices that and hands control back to ``app.py``.
"""

from __future__ import annotations

import runpy
import threading
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from geo.vocab import ui


@dataclass(frozen=True)
class PageSpec:
    """One page of the app: its script, the vocabulary key of its title and its URL path."""

    script: str
    title_key: str
    url_path: str
    default: bool = False


PAGES = (
    # The default page is served at "/" (Streamlit gives it the URL path ""); "/map" is an alias below.
    PageSpec("pages/map.py", "page_map", "index", default=True),
    PageSpec("pages/cities.py", "page_cities", "cities"),
    PageSpec("pages/platforms.py", "page_platforms", "platforms"),
    PageSpec("pages/corridors.py", "page_corridors", "corridors"),
    PageSpec("pages/data.py", "page_data", "data"),
)
MAP_ALIAS = "map"  # old links and the obvious guess: /map opens the Map page at "/"

APP_SCRIPT = Path(__file__).resolve().parents[1] / "app.py"
_run = threading.local()  # set while app.py's navigation runs a page (a script run is one thread)


def _to_default_page() -> None:
    """The hidden /map page: switch to the default page, keeping the view's URL parameters."""
    default = next(p for p in PAGES if p.default)
    st.switch_page(default.script, query_params=st.query_params.to_dict())


def page_objects(lang: str) -> list:
    """The st.Page objects of the app in ``lang``, plus the hidden /map alias."""
    pages = [st.Page(p.script, title=ui(p.title_key, lang), url_path=p.url_path, default=p.default) for p in PAGES]
    pages.append(st.Page(_to_default_page, title=ui("page_map", lang), url_path=MAP_ALIAS, visibility="hidden"))
    return pages


def navigate(lang: str):
    """Register the pages with Streamlit and return the one this request asks for."""
    return st.navigation(page_objects(lang))


def run(page) -> None:
    """Run ``page`` (from ``navigate``) as app.py's navigation does, so its guard lets it through."""
    _run.inside_app = True
    try:
        page.run()
    finally:
        _run.inside_app = False


def keep_in_app() -> None:
    """Called at the top of each page: a page started alone runs app.py in its place, in the same run.

    In legacy multipage mode (a fresh server, and every AppTest run) Streamlit runs a page's file
    alone. Running app.py here calls ``st.navigation``, which switches the process out of that mode,
    draws the shared sidebar and runs this page again under the navigation; then the lone run stops.
    Doing it in the same run (not with ``st.rerun``) keeps what the visitor just did: a rerun would
    drop the click that started this run.
    """
    if getattr(_run, "inside_app", False):
        return
    runpy.run_path(str(APP_SCRIPT), run_name="__main__")
    st.stop()
