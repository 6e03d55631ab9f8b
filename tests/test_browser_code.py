"""The map's own JavaScript (static/js/) and the one helper that writes data into <script>."""

import json
import shutil
import subprocess
from html.parser import HTMLParser

import pytest

from geo import browser, mapview

TRICKY = {"a": "</script><script>alert(1)</script>", "b": "</SCRIPT >", "c": "<!-- comment", "d": "中文 & <b>",
          "e": ["\u2028", "x</"], "f": 1.5, "g": None}


class _Scripts(HTMLParser):
    """Collects the text of every <script> element as an HTML parser (a browser) splits the page."""

    def __init__(self):
        super().__init__()
        self.scripts, self._inside = [], False

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self._inside = True
            self.scripts.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._inside = False

    def handle_data(self, data):
        if self._inside:
            self.scripts[-1] += data


def test_script_json_round_trips_and_cannot_close_or_comment_out_its_script():
    text = browser.script_json(TRICKY)
    assert json.loads(text) == TRICKY
    assert "</" not in text and "<!--" not in text
    parser = _Scripts()
    parser.feed(f"<html><body><script>var data = {text};</script><p>after</p></body></html>")
    assert len(parser.scripts) == 1 and json.loads(parser.scripts[0][len("var data = "):-1]) == TRICKY


def test_the_map_code_is_a_file_the_page_inlines_with_its_data():
    code = browser.map_script("basemap.js")
    assert "jjj.initBase = function(map, cfg)" in code
    page = mapview.map_html(mapview.build_base_map("zh"))
    assert code in page and "jjj.initBase(" in page
    assert "{{" not in code and "{%" not in code  # no template left in the JavaScript


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed (syntax check only)")
def test_the_map_code_is_valid_javascript():
    for path in sorted(browser.JS_DIR.glob("*.js")):
        run = subprocess.run(["node", "--check", str(path)], capture_output=True, text=True, timeout=60)
        assert run.returncode == 0, run.stderr
