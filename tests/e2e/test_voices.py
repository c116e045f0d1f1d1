"""The Voices page in the browser: themes chart, quotes, search, the follow-up list and its download."""

from playwright.sync_api import expect

from cxlib.i18n import t
from tests.e2e.browse import CHART, assert_no_error, open_page, wait_until_idle


def test_voices_page_shows_themes_search_and_follow_up(page, screenshots):
    open_page(page, "voices")
    assert_no_error(page)
    expect(page.locator("h1").first).to_have_text(t("nav.voices", "en"))
    expect(page.locator(CHART).locator("visible=true").first).to_be_visible()
    expect(page.get_by_text(t("voices.detail.examples", "en"))).to_be_visible()

    search = page.get_by_label(t("voices.search.label", "en"))
    search.fill("<b>versandkosten</b>")
    search.press("Enter")
    wait_until_idle(page)
    nothing = t("voices.search.found", "en", count="0", query="<b>versandkosten</b>")
    expect(page.get_by_text(nothing)).to_be_visible()  # markup in the query is shown, not rendered
    search.fill("VERSANDKOSTEN")
    search.press("Enter")
    wait_until_idle(page)
    expect(page.get_by_text("comments contain “VERSANDKOSTEN”")).to_be_visible()
    assert_no_error(page)

    button = page.get_by_role("button", name=t("voices.follow_up.download", "en"))
    button.scroll_into_view_if_needed()
    with page.expect_download() as download:
        button.click()
    assert download.value.suggested_filename == "follow_up.xlsx"
    page.screenshot(path=screenshots / "voices.png", full_page=True)
