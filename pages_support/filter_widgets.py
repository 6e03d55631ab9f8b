"""The Map page's filter widgets, derived from the filter table (geo/filter_table.py).

Each ``Filter`` declares its widget, label, options and session-state key; this module turns a
``ViewState`` into widget values and back, and draws the widgets, so the page lists no filter by hand.
"""

from __future__ import annotations

from geo import filter_scope
from geo.filter_table import FILTERS, Filter, by_field
from geo.vocab import ui


def to_widget(declared: Filter, value):
    """The widget value of a state value (lists for multi filters; every option for "all")."""
    if declared.all_is_none and value is None:
        return list(declared.options())
    return list(value) if isinstance(value, tuple) else value


def from_widget(declared: Filter, value):
    """The state value of a widget value."""
    if declared.kind != "multi":
        return value
    chosen = tuple(value or ())
    if declared.all_is_none:  # every option chosen is the same view as no filter: keep it out of the URL
        every = tuple(declared.options())
        chosen = tuple(c for c in every if c in chosen)
        return None if len(chosen) == len(every) else chosen
    return chosen


def widget_values(state) -> dict:
    """Session-state key → widget value for every filter of ``state``."""
    return {f.key: to_widget(f, getattr(state, f.field)) for f in FILTERS}


def state_values(session) -> dict:
    """ViewState field → value read from the filters' widgets in ``session``."""
    return {f.field: from_widget(f, session[f.key]) for f in FILTERS}


def widget_call(declared: Filter, lang: str, session) -> tuple[str, tuple, dict]:
    """(widget method, positional arguments, keyword arguments) that draw ``declared``."""
    label = ui(declared.label, lang)
    kwargs = {"key": declared.key}
    if scope := filter_scope.scope_text(declared.field, lang):
        kwargs["help"] = scope
    if declared.format is not None:
        kwargs["format_func"] = lambda value: declared.format(value, lang)
    if declared.widget == "checkbox":
        enabler = by_field().get(declared.enabled_by)
        return "checkbox", (label,), kwargs | {"disabled": enabler is not None and session[enabler.key] is None}
    options = list(declared.options())
    if declared.widget == "pills":
        return "pills", (label, options), kwargs | {"selection_mode": "multi"}
    if declared.widget == "radio":
        return "radio", (label, options), kwargs | {"horizontal": True}
    if declared.widget == "multiselect":
        # "Select all" is Streamlit's English and says nothing here: an empty choice means all
        return "multiselect", (label, options), kwargs | {"placeholder": ui("all", lang), "select_all": False}
    return declared.widget, (label, options), kwargs


def draw(container, group: str, lang: str, session) -> None:
    """Draw the widgets of one group of filters ("layers" or "filters") into ``container``."""
    for declared in (f for f in FILTERS if f.group == group and (f.shown is None or f.shown())):
        method, args, kwargs = widget_call(declared, lang, session)
        getattr(container, method)(*args, **kwargs)
        if declared.isolate:
            draw_isolation(container, declared, lang, session)


def only_key(declared: Filter) -> str:
    return f"{declared.key}_only"


def hide_key(declared: Filter) -> str:
    return f"{declared.key}_hide_others"


def _before_key(declared: Filter) -> str:
    return f"{declared.key}_layers_before"


def isolate(declared: Filter, session, value=None) -> None:
    """Keep only ``value`` (default: the one picked in the "only" pills) and, if asked, hide the point
    layers the filter does not act on; the layers shown before are kept for the reset."""
    value = session.get(only_key(declared)) if value is None else value
    session[only_key(declared)] = None  # the pills act as buttons: the next click isolates again
    if value is None:
        return
    session[declared.key] = [value]
    if session.get(hide_key(declared), True):
        layers_key = by_field()["overlays"].key
        shown = list(session.get(layers_key) or [])
        session.setdefault(_before_key(declared), shown)
        session[layers_key] = filter_scope.without_other_points(shown, declared.field)


def reset(declared: Filter, session) -> None:
    """Every option again, and the layers hidden by ``isolate`` back."""
    session[declared.key] = to_widget(declared, declared.default if declared.all_is_none else ())
    before = session.pop(_before_key(declared)) if _before_key(declared) in session else None
    if before is not None:
        session[by_field()["overlays"].key] = before


def draw_isolation(container, declared: Filter, lang: str, session) -> None:
    """The "only this" pills (one click keeps one option), the hide-others choice and the reset."""
    label = (lambda value: declared.format(value, lang)) if declared.format is not None else str
    container.pills(ui("only_this", lang), list(declared.options()), selection_mode="single",
                    key=only_key(declared), format_func=label, help=ui("only_this_help", lang),
                    on_change=isolate, args=(declared, session))
    container.checkbox(ui("hide_other_points", lang), value=True, key=hide_key(declared),
                       help=ui("hide_other_points_help", lang))
    container.button(ui("reset_filter", lang), key=f"{declared.key}_reset", on_click=reset,
                     args=(declared, session))
