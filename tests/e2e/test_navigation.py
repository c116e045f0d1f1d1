"""Moving between pages and back keeps the visitor's own data."""

from playwright.sync_api import expect

from cxlib.i18n import t
from tests.e2e.browse import assert_no_error, expect_tile, nav_titles, open_page, upload, visible_panel
from tests.e2e.files import customers_xlsx

PAGES = ("summary", "overview", "personas", "journey", "value", "data")
CUSTOMERS = t("kpi.label.customers", "en")


def test_navigation_back_and_forth_keeps_the_data(page):
    open_page(page, "data")
    upload(page, "customers", "kunden-43.xlsx", customers_xlsx(43))
    titles = nav_titles(page)
    keys = [key for key in PAGES if t(f"nav.{key}", "en") in titles]
    for key in [*keys, *reversed(keys), "overview"]:
        open_page(page, key)
        assert_no_error(page)
    expect_tile(page, CUSTOMERS, "43")
    page.go_back()
    page.go_forward()
    open_page(page, "data")
    expect(visible_panel(page)).to_contain_text(f"{t('ui.file', 'en')}: kunden-43.xlsx")
    expect(page.locator('[data-testid="stSidebar"]')).to_contain_text("kunden-43.xlsx")
