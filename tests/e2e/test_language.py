"""The language switch in the sidebar turns the whole app German and back; a German browser starts German."""

from playwright.sync_api import expect

from cxlib.i18n import t
from tests.e2e.browse import METRIC, assert_no_error, nav_titles, open_page, wait_until_idle
from tests.e2e.conftest import new_visitor


def switch_language(page, name: str) -> None:
    page.locator('[data-testid="stSidebar"] [data-testid="stRadio"]').get_by_text(name, exact=True).click()
    wait_until_idle(page)


def test_language_switch(page):
    open_page(page, "overview")
    switch_language(page, "Deutsch")
    assert_no_error(page)
    expect(page.locator("h1").first).to_have_text(t("nav.overview", "de"))
    assert t("nav.data", "de") in nav_titles(page)
    expect(page.locator(METRIC).filter(has_text=t("kpi.label.customers", "de")).first).to_be_visible()
    expect(page.locator('[data-testid="stSidebar"]')).to_contain_text(t("ui.language", "de"))

    switch_language(page, "English")
    expect(page.locator("h1").first).to_have_text(t("nav.overview", "en"))
    assert t("nav.data", "en") in nav_titles(page)


def test_german_browser_opens_in_german(browser, server):
    context, page = new_visitor(browser, server, locale="de-DE")
    try:
        assert t("nav.overview", "de") in nav_titles(page)
        open_page(page, "overview", lang="de")
        assert_no_error(page)
    finally:
        context.close()
