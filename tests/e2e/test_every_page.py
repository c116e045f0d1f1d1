"""Every page in the navigation renders on the demo data: its title, no error box, no exception."""

from playwright.sync_api import expect

from cxlib.i18n import t
from tests.e2e.browse import CHART, assert_no_error, nav_titles, open_page

PAGES = ("summary", "overview", "personas", "journey", "value", "voices", "data")
PAGES_WITH_CHARTS = {"overview", "personas", "journey", "value", "voices"}


def test_every_page_renders(page, screenshots):
    titles = nav_titles(page)
    known = {t(f"nav.{key}", "en"): key for key in PAGES}
    assert set(titles) <= set(known), f"pages without a test: {set(titles) - set(known)}"
    assert {"overview", "data"} <= {known[title] for title in titles}, titles
    for title in titles:
        key = known[title]
        open_page(page, key)
        assert_no_error(page)
        if key in PAGES_WITH_CHARTS:
            expect(page.locator(CHART).locator("visible=true").first).to_be_visible()
        page.screenshot(path=screenshots / f"{key}.png", full_page=True)
