"""Presentation mode on a projector: every step on one 1280×720 screen, projector type, nothing cut.

In English and in German, a visitor opens presentation mode from the sidebar and steps through the
story with "Next". Each step is screenshotted (under pytest's tmp_path) and must show no error element,
fit the screen without scrolling, use body type of at least 24 px and show its tile labels and deltas
whole (wrapped, not cut with "…").
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from cxlib.i18n import t
from tests.e2e.browse import CHART, ERROR, EXCEPTION, IDLE, wait_until_idle
from tests.e2e.conftest import publish_screenshot

VIEWPORT = {"width": 1280, "height": 720}
#: A first visit computes the demo analysis; on a busy machine that takes longer than a click.
FIRST_LOAD_MS = 240_000
STEP_MS = 120_000
BODY_PX = 24
#: The story steps of the demo data (it has a transaction table, so the value step is included).
STEP_TITLES = ("ui.summary.title", "nav.personas", "nav.journey", "value.page.title")
#: Body text on a slide: paragraphs, list items, captions, tile labels and deltas.
BODY_TEXT = (
    '.stMainBlockContainer [data-testid="stMarkdownContainer"] p, '
    '.stMainBlockContainer [data-testid="stMarkdownContainer"] li, '
    '.stMainBlockContainer [data-testid="stCaptionContainer"], '
    '[data-testid="stMetricLabel"] p, [data-testid="stMetricDelta"]'
)

_MEASURE = """({selector, minimum}) => {
  const main = document.querySelector('[data-testid="stMain"]');
  const block = document.querySelector('.stMainBlockContainer');
  const visible = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const texts = [...document.querySelectorAll(selector)].filter(visible).filter((el) => el.innerText.trim());
  // Text wider than its box is cut (ellipsis, hidden overflow) or spills over a tile's border.
  const cut = [...document.querySelectorAll(
      '[data-testid="stMetric"] p, [data-testid="stMetric"] div, .stMainBlockContainer button p, ' +
      '.stMainBlockContainer h1')]
    .filter(visible)
    .filter((el) => el.innerText.trim())
    .filter((el) => el.scrollWidth > el.clientWidth + 1)
    .map((el) => el.innerText.trim().slice(0, 60));
  return {
    scroll: Math.max(main.scrollHeight, document.documentElement.scrollHeight,
                     Math.ceil(block.getBoundingClientRect().bottom + main.scrollTop)),
    viewport: window.innerHeight,
    bottom: Math.ceil(block.getBoundingClientRect().bottom + main.scrollTop),
    small: texts
      .map((el) => [el.innerText.trim().slice(0, 60), parseFloat(getComputedStyle(el).fontSize)])
      .filter(([, size]) => size < minimum),
    texts: texts.length,
    cut: cut,
  };
}"""


def _open_presentation(browser, server: str, locale: str) -> tuple:
    context = browser.new_context(viewport=VIEWPORT, locale=locale)
    context.set_default_timeout(STEP_MS)
    page = context.new_page()
    page.goto(server)
    page.wait_for_selector(IDLE, timeout=FIRST_LOAD_MS)
    wait_until_idle(page)
    return context, page


def _check_step(page: Page, lang: str, number: int, tmp_path) -> dict:
    expect(page.locator("h1").first).to_be_visible()
    page.locator(CHART).first.wait_for(state="visible") if page.locator(CHART).count() else None
    page.wait_for_timeout(500)  # charts draw after the script run
    shot = tmp_path / f"projector_{lang}_step{number}.png"
    page.screenshot(path=str(shot))
    if (lang, number) == ("en", 1):
        publish_screenshot(shot, "presentation-mode.png")  # the README's picture, only when asked
    expect(page.locator(EXCEPTION)).to_have_count(0)
    expect(page.locator(ERROR)).to_have_count(0)
    return page.evaluate(_MEASURE, {"selector": BODY_TEXT, "minimum": BODY_PX})


@pytest.mark.parametrize(("lang", "locale"), [("en", "en-US"), ("de", "de-DE")])
def test_every_step_fits_a_projector_screen(browser, server, tmp_path, lang, locale):
    context, page = _open_presentation(browser, server, locale)
    try:
        sidebar = page.locator('[data-testid="stSidebar"]')
        sidebar.get_by_role("button", name=t("ui.presentation", lang)).click()
        wait_until_idle(page)
        expect(sidebar).to_be_hidden()
        problems = []
        for number, title in enumerate(STEP_TITLES, start=1):
            expect(page.locator("h1").first).to_have_text(t(title, lang))
            measured = _check_step(page, lang, number, tmp_path)
            print(
                f"{lang} step {number}: content ends at {measured['bottom']} px, scroll height "
                f"{measured['scroll']} px, viewport {measured['viewport']} px"
            )
            if measured["scroll"] > measured["viewport"]:
                problems.append(f"step {number}: {measured['scroll']} px > {measured['viewport']} px")
            if measured["small"]:
                problems.append(f"step {number}: text below {BODY_PX} px: {measured['small'][:5]}")
            if measured["texts"] == 0:
                problems.append(f"step {number}: no body text found")
            if measured["cut"]:
                problems.append(f"step {number}: cut text: {measured['cut'][:5]}")
            next_button = page.get_by_role("button", name=t("ui.present.next", lang))
            if number < len(STEP_TITLES):
                next_button.click()
                wait_until_idle(page)
            else:
                expect(next_button).to_be_disabled()
        assert not problems, "\n".join(problems)
        page.get_by_role("button", name=t("ui.present.exit", lang)).click()
        wait_until_idle(page)
        expect(page.locator('[data-testid="stSidebar"]')).to_be_visible()
    finally:
        context.close()
