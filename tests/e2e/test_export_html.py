"""The HTML export opens from disk in headless Chromium with every network request blocked."""

import pytest

from geo import boundaries, filters, snapshot
from geo.layers import LAYERS
from tests.e2e.liveapp import Watch, launch, map_frame

N_COUNTIES = len(boundaries.counties())


class FileWatch(Watch):
    """Watch, letting through only the exported file itself: any other request, even to another
    local file, is aborted and recorded."""

    def __init__(self, context, page_url: str):
        self.page_url = page_url
        super().__init__(context)

    def _route(self, route):
        if route.request.url == self.page_url:
            route.continue_()
        else:
            super()._route(route)


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    state = filters.ViewState(indicator="gdp")
    path = tmp_path_factory.mktemp("export") / "map.html"
    path.write_text(snapshot.to_html(state, title="导出测试"), "utf-8")
    return path, filters.visible_layers(state)


def test_html_export_draws_boundaries_and_symbols_offline(pw, exported):
    path, layers = exported
    browser = launch(pw)
    try:
        context = browser.new_context(viewport={"width": 1400, "height": 900}, offline=True)
        watch = FileWatch(context, path.as_uri())
        page = watch.attach(context.new_page())
        page.goto(path.as_uri())
        frame, _ = map_frame(page, "path.jjj-county", N_COUNTIES)
        symbols = sum(len(layers[layer.id]) for layer in LAYERS if layer.spread)  # every symbol layer
        map_frame(page, ".jjj-sym", symbols)
        page.wait_for_timeout(300)
        assert frame.locator("path.jjj-county").count() == N_COUNTIES
        assert frame.locator(".jjj-sym").count() == symbols
        # the page's own open legend with its title replaces the map's collapsible one (geo.offline_html)
        assert frame.locator(".jjj-export-legend h2").is_visible() and not frame.locator(".jjj-legend").is_visible()
        assert frame.locator(".jjj-export-head h1").inner_text() == "导出测试"
        assert frame.locator(".jjj-export-sources").is_visible()
        assert page.title() == "导出测试"
        assert watch.errors == []
        assert watch.external == []
    finally:
        browser.close()
