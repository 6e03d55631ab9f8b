"""streamlit-folium's ``st_folium`` for the Map page, with what does not change built once.

``st_folium`` renders the whole folium map on every script run (folium compiles each element's output
as a Jinja template, the base map's inlined scripts included) and then the feature group, although
the Map page's base map is the same for every view of one language and basemap. ``st_folium`` here
sends the component exactly the arguments streamlit-folium 0.27.4 would (tests/test_map_component.py
compares them): the base map's part (script, header, html, id, key, bounds, links) is built once per
base map key and kept; the feature group's script is written from its children's own scripts, as
streamlit-folium does, without the render pass whose output it discards. A group this module does not
know how to write (nested elements, elements with their own JS/CSS files) goes through the original.
"""

from __future__ import annotations

import copy
import textwrap
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable

import branca
import folium
import folium.elements
import streamlit as st
import streamlit_folium
from jinja2 import UndefinedError

BASE_CACHE_SIZE = 8  # base maps kept: languages × basemaps
_base: OrderedDict[tuple, dict] = OrderedDict()
_base_lock = threading.Lock()
_MAP_NAME = "map_div"  # the name streamlit-folium gives the map in the browser


def st_folium(build_map: Callable[[], folium.Map], map_key: tuple, *, key: str, height: int,
              use_container_width: bool = False, width: int | None = 500,
              feature_group_to_add: folium.FeatureGroup | None = None, center=None, zoom=None,
              returned_objects: Iterable[str] | None = None):
    """``streamlit_folium.st_folium(build_map(), ...)``; ``map_key`` names the base map (it is built
    once per key), which must not depend on anything else."""
    returned = None if returned_objects is None else list(returned_objects)
    group_string = None if feature_group_to_add is None else feature_group_string(feature_group_to_add)
    if feature_group_to_add is not None and group_string is None:  # not ours to write: the original
        return streamlit_folium.st_folium(
            build_map(), key=key, height=height, width=width, use_container_width=use_container_width,
            feature_group_to_add=feature_group_to_add, center=center, zoom=zoom, returned_objects=returned)
    base = base_payload(build_map, map_key, key, returned)
    if use_container_width:
        width = None
    hash_key = base["hash_key"]

    def _on_change():
        st.session_state[key] = st.session_state.get(hash_key, {})

    return streamlit_folium._component_func(
        script=base["script"], header=base["header"], html=base["html"], id=base["id"], key=hash_key,
        height=height, width=width, returned_objects=returned, default=copy.deepcopy(base["default"]),
        zoom=zoom, center=center, feature_group=group_string, return_on_hover=False, layer_control=None,
        pixelated=False, css_links=list(base["css_links"]), js_links=list(base["js_links"]),
        on_change=_on_change, wrap_longitude=False)


def base_payload(build_map: Callable[[], folium.Map], map_key: tuple, key: str,
                 returned_objects: list[str] | None) -> dict:
    """The base map's component arguments, as ``st_folium`` computes them, once per key."""
    cache_key = (map_key, key, None if returned_objects is None else tuple(returned_objects))
    with _base_lock:
        if cache_key in _base:
            _base.move_to_end(cache_key)
            return _base[cache_key]
    payload = _base_of(build_map(), key, returned_objects)
    with _base_lock:
        _base[cache_key] = payload
        while len(_base) > BASE_CACHE_SIZE:
            _base.popitem(last=False)
    return payload


def _base_of(fmap: folium.Map, key: str, returned_objects: list[str] | None) -> dict:
    # The steps of streamlit_folium.st_folium (0.27.4) for a folium.Map, in its order.
    fmap.get_root().render()
    fmap.render()
    html = streamlit_folium._get_html(fmap)
    header = streamlit_folium._get_header(fmap)
    leaflet = streamlit_folium._get_map_string(fmap)
    m_id = streamlit_folium.get_full_id(fmap)
    try:
        bounds = fmap.get_bounds()
    except AttributeError:
        bounds = [[None, None], [None, None]]
    southwest, northeast = bounds
    defaults = {
        "last_clicked": None, "last_object_clicked": None, "last_object_clicked_count": None,
        "last_object_clicked_tooltip": None, "last_object_clicked_popup": None, "all_drawings": None,
        "last_active_drawing": None,
        "bounds": {"_southWest": {"lat": southwest[0], "lng": southwest[1]},
                   "_northEast": {"lat": northeast[0], "lng": northeast[1]}},
        "zoom": fmap.options.get("zoom") if hasattr(fmap, "options") else {},
        "last_circle_radius": None, "last_circle_polygon": None, "selected_layers": None, "selected_tags": None,
        "last_geocoder_result": None,
    }
    css_links, js_links = _links(fmap)
    return {"script": leaflet, "header": header, "html": html, "id": m_id,
            "hash_key": streamlit_folium.generate_js_hash(leaflet, key, False),
            "default": {k: v for k, v in defaults.items() if returned_objects is None or k in returned_objects},
            "css_links": tuple(css_links), "js_links": tuple(js_links)}


def _links(fmap: folium.Map) -> tuple[list[str], list[str]]:
    css, js = [], []
    for element in _walk(fmap):
        if isinstance(element, branca.colormap.ColorMap):
            js[:0] = ["https://d3js.org/d3.v4.min.js", "https://cdnjs.cloudflare.com/ajax/libs/d3/3.5.5/d3.min.js"]
        css.extend(href for _, href in getattr(element, "default_css", []))
        js.extend(src for _, src in getattr(element, "default_js", []))
    return list(dict.fromkeys(css)), list(dict.fromkeys(js))


def _walk(element):
    if isinstance(element, branca.colormap.ColorMap | folium.elements.JSCSSMixin):
        yield element
    for child in getattr(element, "_children", {}).values():
        yield from _walk(child)


def feature_group_string(group: folium.FeatureGroup, idx: int = 0) -> str | None:
    """The feature group's script as ``streamlit_folium._get_feature_group_string`` writes it for the
    map ``map_div``; None for a group whose children are not plain script elements."""
    children = list(group._children.values())
    if type(group) is not folium.FeatureGroup or any(
            child._children or next(_walk(child), None) is not None for child in children):
        return None
    original_ids = [child._id for child in children]
    base_id = f"feature_group_{idx}"
    group._id = base_id
    parts = [group._template.module.script(group)]
    for i, child in enumerate(children):
        child._id = f"{base_id}_{i}"  # as streamlit-folium renames them before writing their scripts
        try:
            parts.append(_script_of(child))
        except (UndefinedError, AttributeError):
            continue  # streamlit-folium leaves such a child out
    if group.show:  # folium's Layer.render adds this child last
        add = folium.elements.ElementAddToElement(element_name=group.get_name(), element_parent_name=_MAP_NAME)
        parts.append(_script_of(add))
    leaflet = "\n".join(parts)
    if any(original in leaflet for original in original_ids):
        return None  # a child names another by its folium id: streamlit-folium's renaming is needed
    leaflet = streamlit_folium._resolve_element_refs(leaflet)
    return textwrap.dedent(leaflet) + textwrap.dedent(
        f"""
        {_MAP_NAME}.addLayer(feature_group_{base_id});
        window.feature_group = window.feature_group || [];
        window.feature_group.push(feature_group_{base_id});
        """
    )


def _script_of(element) -> str:
    try:
        return element._template.module.script(element)
    except UndefinedError:
        return element._template.render(this=element, kwargs={})
