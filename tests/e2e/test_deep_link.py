"""A link straight to a page on a freshly started server opens that page, routed through app.py.

Streamlit runs such a first visit in its legacy ``pages/``-folder mode, which skips the entry file;
pages/_state.require_router sends it through app.py, which then opens the page asked for.
"""

from playwright.sync_api import expect

from cxlib.i18n import t
from tests.e2e.browse import assert_no_error, nav_link, wait_until_idle
from tests.e2e.conftest import _require_browser, new_visitor, running_server


def test_deep_links_on_a_fresh_server_open_the_page_asked_for(browser, output_dir):
    _require_browser()
    with running_server(output_dir / "server-deep-link.log") as fresh:
        for key, path in (("journey", "journey"), ("data", "data")):
            context, page = new_visitor(browser, fresh, path=path)
            try:
                wait_until_idle(page)
                expect(page.locator("h1").first).to_have_text(t(f"nav.{key}", "en"))
                expect(nav_link(page, key)).to_have_attribute("aria-current", "page")
                expect(page.locator('[data-testid="stSidebar"]')).to_contain_text(t("ui.language", "en"))
                assert_no_error(page)
            finally:
                context.close()
