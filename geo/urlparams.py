"""Which URL query parameters a page cannot use, each named for a warning (every page, one function).

A shared link may carry anything: unknown keys, a language the app does not have, a value a filter
does not know. None of it is used, and the visitor is told which parameter was dropped and why,
with the text escaped (the value is the sender's, not the app's).
"""

from __future__ import annotations

from dataclasses import dataclass

from geo import filters, textsafe
from geo.vocab import LANGUAGES, ui

MAX_SHOWN = 20  # warnings per page visit; a link with hundreds of parameters gets the first ones
_SHOWN_LENGTH = 80
MAP_PAGE = "map"
WORKSPACE_PARAMS = ("ws", "key")  # the open workspace: its id (view link) and edit key (edit link)


@dataclass(frozen=True)
class UrlProblem:
    """One parameter of a link that was ignored: its key, its value and whether the key is unknown."""

    key: str
    value: str
    unknown_key: bool

    def describe(self, lang: str) -> str:
        """The warning line in ``lang``, safe to pass to Markdown."""
        template = ui("url_unknown_key" if self.unknown_key else "url_bad_value", lang)
        return template.format(key=textsafe.markdown_text(_cut(self.key)),
                               value=textsafe.markdown_text(_cut(self.value)))


def _cut(text: str) -> str:
    return text if len(text) <= _SHOWN_LENGTH else text[:_SHOWN_LENGTH] + "…"


def known_keys(page: str) -> frozenset[str]:
    """The parameters ``page`` reads: the Map page its whole view, every page the language."""
    every_page = {"lang", *WORKSPACE_PARAMS}  # the workspace stays open across pages
    return frozenset(filters.query_keys()) | every_page if page == MAP_PAGE else frozenset(every_page)


def problems(page: str, params: dict[str, str]) -> list[UrlProblem]:
    """Every parameter of ``params`` that ``page`` ignores, in the link's order (at most ``MAX_SHOWN``)."""
    known = known_keys(page)
    bad_values = dict(filters.from_query(params)[1]) if page == MAP_PAGE else {}
    if "lang" in params and str(params["lang"]) not in LANGUAGES:
        bad_values["lang"] = str(params["lang"])
    found = []
    for key, value in params.items():
        if key not in known:
            found.append(UrlProblem(str(key), str(value), True))
        elif key in bad_values:
            found.append(UrlProblem(str(key), str(value), False))
    return found[:MAX_SHOWN]
