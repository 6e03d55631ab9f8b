"""Hostile strings from an upload stay text in the browser: no script runs, no dialog opens."""

from tests.e2e.liveapp import app_server, fresh_page, map_frame

EVIL_NAME = "<img src=x onerror=alert(1)>"
EVIL_CITY = "</script><script>alert(2)</script>"


def test_uploaded_names_show_as_text_in_tables_tooltips_and_cards(pw, tmp_path):
    points = tmp_path / "points.csv"
    points.write_text(f"name,longitude,latitude,kind\n{EVIL_NAME},114.9,40.8,{EVIL_NAME}\n", encoding="utf-8")
    table = tmp_path / "indicators.csv"
    table.write_text(f"city,year,indicator,value\n{EVIL_CITY},2023,gdp,1\n", encoding="utf-8")
    with app_server() as base, fresh_page(pw, base + "/?lang=en") as (page, watch):
        dialogs = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.get_by_role("heading", name="Map", exact=True).wait_for()
        page.wait_for_selector('[data-test-script-state="notRunning"]')
        page.get_by_role("link", name="Data & sources").click()
        page.get_by_role("heading", name="Data & sources", exact=True).wait_for()
        inputs = page.locator('[data-testid="stFileUploaderDropzoneInput"]')
        inputs.nth(0).set_input_files(str(table))
        page.get_by_text("0 of 1 rows accepted").wait_for()
        inputs.nth(1).set_input_files(str(points))
        page.get_by_text("1 of 1 rows accepted").wait_for()
        page.wait_for_selector('[data-test-script-state="notRunning"]')

        page.get_by_role("link", name="Map", exact=True).click()
        frame, _ = map_frame(page, ".jjj-sym-user", 1)
        page.wait_for_selector('[data-test-script-state="notRunning"]')
        frame.locator(".jjj-sym-user").first.hover()
        tooltip = frame.locator(".leaflet-tooltip").filter(has_text="onerror")
        tooltip.wait_for()
        assert EVIL_NAME in tooltip.inner_text()
        frame.locator(".jjj-sym-user").first.click()
        popup = frame.locator(".leaflet-popup-content")
        popup.wait_for()
        assert EVIL_NAME in popup.inner_text()
        assert frame.locator("img[src='x']").count() == 0 and page.locator("img[src='x']").count() == 0
        page.wait_for_timeout(500)
    assert dialogs == []
    assert watch.errors == [] and watch.external == []
