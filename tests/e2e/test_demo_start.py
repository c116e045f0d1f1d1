"""A first visitor: the app opens on the demo data and the Overview shows its KPI tiles."""

from playwright.sync_api import expect

from cxlib.i18n import t
from tests.e2e.browse import CHART, METRIC, assert_no_error, expect_tile, open_page
from tests.e2e.conftest import publish_screenshot


def test_opens_on_demo_data_with_kpi_tiles(page, screenshots):
    assert_no_error(page)
    sidebar = page.locator('[data-testid="stSidebar"]')
    expect(sidebar).to_contain_text(t("ui.demo_note", "en"))

    open_page(page, "overview")
    assert_no_error(page)
    expect(page.locator(METRIC)).to_have_count(5)
    # The demo note promises 4,000 customers; the customer tile must say the same.
    expect_tile(page, t("kpi.label.customers", "en"), "4,000")
    for label in (t("kpi.label.nps_all", "en"), t("kpi.label.retention", "en"), t("kpi.label.clv", "en")):
        expect(page.locator(METRIC).filter(has_text=label).first).not_to_contain_text("–")
    expect(page.locator(CHART).locator("visible=true").first).to_be_visible()

    shot = screenshots / "overview-demo.png"
    page.screenshot(path=shot)
    publish_screenshot(shot, "screenshot.png")
