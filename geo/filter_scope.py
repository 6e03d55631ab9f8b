"""Which layers each filter acts on, read from the declarations (geo.layers, geo.filter_table).

The Map page states it beside every filter and uses it for "only this": isolating one value of a
filter can hide the point layers that filter does not act on (they would stay unfiltered around it).
"""

from __future__ import annotations

from geo import filter_table, layers
from geo.vocab import OVERLAYS, ui


def layers_acted_on(field: str) -> tuple[str, ...]:
    """Layer ids a filter acts on: those naming the field in ``Layer.filters`` and its ``acts_on``."""
    declared = filter_table.by_field().get(field)
    extra = declared.acts_on if declared is not None else ()
    return tuple(layer.id for layer in layers.LAYERS if field in layer.filters or layer.id in extra)


def scope_text(field: str, lang: str) -> str:
    """"Acts on: platforms, parks …" for the widget of ``field`` (nothing for the layer switches)."""
    acted = layers_acted_on(field)
    if field == "overlays" or not acted:
        return ""
    return ui("acts_on", lang).format(layers=ui("list_sep", lang).join(OVERLAYS[i](lang) for i in acted))


def scope_summary(lang: str) -> str:
    """One line per filter shown under the Filters heading: its label and the layers it acts on."""
    lines = [f"{ui(f.label, lang)}: {scope_text(f.field, lang)}" for f in filter_table.FILTERS
             if f.group == "filters" and scope_text(f.field, lang)]
    return "\n\n".join(lines + [ui("empty_means_all", lang)])


def without_other_points(overlays: tuple[str, ...] | list[str], field: str) -> list[str]:
    """``overlays`` less the point layers ``field`` does not act on (lines and areas stay)."""
    acted = set(layers_acted_on(field))
    return [o for o in overlays if o not in layers.BY_ID or layers.BY_ID[o].geometry != "point" or o in acted]
