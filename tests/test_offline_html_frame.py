"""The HTML export shows a visible title, a legend with its title and the sources line, in both
languages, with every text escaped (issue #15). The exported page is parsed, not searched."""

from html.parser import HTMLParser

import pytest

from geo import filters, offline_html, snapshot
from geo.vocab import INDICATORS, OVERLAYS, PLATFORM_SYMBOLS, ui

BOXES = ("jjj-export-head", "jjj-export-legend", "jjj-export-sources")
HOSTILE = '<script>alert("t")</script> & <img src=x onerror=alert(1)> 测试'
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Page(HTMLParser):
    """The text of each export box and of its headings; the tags found inside the boxes; the scripts."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str]] = []
        self.text = {box: "" for box in BOXES}
        self.headings: dict[str, str] = {}
        self.tags_in_boxes: list[str] = []
        self.scripts: list[str] = []
        self.styles: list[str] = []

    def _box(self) -> str | None:
        return next((c for _, cls in reversed(self.stack) for c in BOXES if c in cls.split()), None)

    def handle_starttag(self, tag, attrs):
        cls = dict(attrs).get("class") or ""
        if self._box():
            self.tags_in_boxes.append(tag)
        if tag not in VOID:
            self.stack.append((tag, cls))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        tag = self.stack[-1][0] if self.stack else ""
        if tag == "script":
            self.scripts.append(data)
        if tag == "style":
            self.styles.append(data)
        if box := self._box():
            self.text[box] += data
            if tag in ("h1", "h2"):
                self.headings[tag] = self.headings.get(tag, "") + data


def _parse(page: str) -> _Page:
    parsed = _Page()
    parsed.feed(page)
    return parsed


@pytest.fixture(scope="module", params=["zh", "en"])
def exported(request):
    lang = request.param
    state = filters.ViewState(indicator="gdp", year=2022, lang=lang, overlays=tuple(OVERLAYS))  # every layer
    return lang, state, _parse(snapshot.to_html(state, title=HOSTILE))


def test_the_export_has_a_title_a_legend_with_its_title_and_the_sources(exported):
    lang, state, page = exported
    assert page.headings["h1"] == HOSTILE  # the user's title as text
    assert page.headings["h2"] == ui("legend", lang)
    legend = page.text["jjj-export-legend"]
    assert INDICATORS["gdp"].term(lang) in legend  # the choropleth's own title
    assert PLATFORM_SYMBOLS["innovation"].term(lang) in legend and OVERLAYS["stations"](lang) in legend
    sources = page.text["jjj-export-sources"]
    assert sources.startswith(ui("snapshot_sources", lang))
    assert "cnmaps" in sources  # the boundary source first, then what is drawn
    layers = filters.visible_layers(state)
    labels, _, links = snapshot._sources(layers, snapshot._choropleth(state, None), lang)
    assert len(labels) > 3 and all(label in sources for label in labels)
    assert all(link in sources for link in links)


def test_the_other_language_does_not_leak_into_the_frame(exported):
    lang, _, page = exported
    other = "zh" if lang == "en" else "en"
    assert ui("legend", other) not in page.text["jjj-export-legend"]
    assert not page.text["jjj-export-sources"].startswith(ui("snapshot_sources", other))


def test_user_text_is_escaped_everywhere_in_the_frame(exported):
    _, _, page = exported
    assert "img" not in page.tags_in_boxes and "script" not in page.tags_in_boxes
    assert not [s for s in page.scripts if 'alert("t")' in s or "alert(1)" in s]


def test_the_subtitle_states_the_filters_and_counts():
    state = filters.ViewState(as_of=2015, lang="en")
    page = _parse(snapshot.to_html(state))
    assert "2015" in page.text["jjj-export-head"]
    assert page.headings["h1"] == snapshot.default_title(state)


def test_the_frame_is_made_once_per_page():
    page = snapshot.to_html(filters.ViewState())
    assert page.count('class="jjj-export-box jjj-export-head"') == 1
    assert page.count(offline_html._FRAME_CSS[:40]) == 1
