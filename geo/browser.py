"""What the map's browser code is given: its own JavaScript files and data that is safe inside <script>.

The map's JavaScript lives in real files under ``static/js/`` (served at /app/static/js/ like the
vendored assets, and checked by ``node --check`` in the tests). The map inlines them into its script,
so they cost no request of their own before the map draws.
"""

from __future__ import annotations

import json
from functools import lru_cache

from geo import assets

JS_DIR = assets.STATIC_DIR / "js"


def script_json(data) -> str:
    """``data`` as compact JSON that cannot end or comment out the <script> element it is written into.

    "</" would let a value such as "</script>" close the element; "<!--" would start an HTML comment
    inside it. Both are escaped so that the JSON still parses to the same value (in JavaScript and
    ``json.loads``).
    """
    return script_safe(json.dumps(data, ensure_ascii=False, separators=(",", ":")))


def script_safe(text: str) -> str:
    """JSON text made safe to write into a <script> element (see ``script_json``)."""
    return text.replace("</", "<\\/").replace("<!--", "\\u003c!--")


@lru_cache(maxsize=8)
def map_script(name: str) -> str:
    """The text of one of the map's own JavaScript files (static/js/<name>), read once per process."""
    return (JS_DIR / name).read_text("utf-8")
