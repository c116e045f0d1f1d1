"""The Overview's charts in one tab each: the page arrives with the NPS distribution drawn, and opening
another tab draws its chart then (a chart in a hidden tab waits for its width)."""

from playwright.sync_api import expect

from cxlib.i18n import t
from tests.e2e.browse import CHART, assert_no_error, open_page

DRAWN = f":is({CHART}) canvas, :is({CHART}) svg.marks"


def test_each_tab_draws_its_own_charts(page):
    open_page(page, "overview")
    expect(page.locator(CHART).locator("visible=true")).to_have_count(1)  # the NPS distribution
    expect(page.locator(DRAWN).locator("visible=true")).to_have_count(1)
    page.wait_for_timeout(500)
    assert page.locator(DRAWN).count() == 1, "a chart in a hidden tab was drawn on arrival"
    for tab in ("ui.overview.tab.nps_trend", "ui.overview.tab.churn", "ui.overview.tab.value"):
        page.get_by_role("tab", name=t(tab, "en")).click()
        expect(page.locator(CHART).locator("visible=true")).to_have_count(1)
        expect(page.locator(DRAWN).locator("visible=true")).to_have_count(1)
    assert_no_error(page)
