"""What a person does and sees in the app, in Playwright terms (Streamlit's DOM test ids in one place).

Labels come from the app's own string table (``cxlib.i18n.t``), so the tests follow wording changes.
"""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from cxlib.i18n import t

IDLE = '[data-testid="stApp"][data-test-connection-state="CONNECTED"][data-test-script-state="notRunning"]'
METRIC = '[data-testid="stMetric"]'
ERROR = '[data-testid="stAlertContentError"]'
EXCEPTION = '[data-testid="stException"]'
CHART = '[data-testid="stVegaLiteChart"], .vega-embed'
NAV_LINK = '[data-testid="stSidebarNav"] a'


def wait_until_idle(page: Page) -> None:
    """Wait until the script has finished its run (a rerun may start a moment after a click: look twice)."""
    for _ in range(2):
        page.wait_for_selector(IDLE)
        page.wait_for_timeout(250)
    page.wait_for_selector(IDLE)


def assert_no_error(page: Page) -> None:
    """No red error box and no exception anywhere on the page."""
    expect(page.locator(EXCEPTION)).to_have_count(0)
    expect(page.locator(ERROR)).to_have_count(0)


def open_page(page: Page, key: str, *, lang: str = "en") -> None:
    """Click the sidebar link of the page ``nav.<key>`` and wait for it to be drawn."""
    click_nav(page, key, lang=lang)
    wait_until_idle(page)
    expect(nav_link(page, key, lang=lang)).to_have_attribute("aria-current", "page")
    expect(page.locator("h1").first).to_be_visible()


def nav_link(page: Page, key: str, *, lang: str = "en"):
    """The sidebar link of the page ``nav.<key>``."""
    return page.locator(f'{NAV_LINK}:has(span[label="{t(f"nav.{key}", lang)}"])').first


def click_nav(page: Page, key: str, *, lang: str = "en") -> None:
    """Click the sidebar link of the page ``nav.<key>`` without waiting for the page."""
    nav_link(page, key, lang=lang).click()


def nav_titles(page: Page) -> list[str]:
    """The page titles in the sidebar navigation, top to bottom."""
    return [text.strip() for text in page.locator(f"{NAV_LINK} span[label]").all_inner_texts()]


def tile(page: Page, label: str):
    """The value element of the metric tile whose label starts with ``label``."""
    box = page.locator(METRIC).filter(
        has=page.locator('[data-testid="stMetricLabel"]', has_text=re.compile(rf"^\s*{re.escape(label)}"))
    )
    return box.first.locator('[data-testid="stMetricValue"]')


def expect_tile(page: Page, label: str, value: str) -> None:
    expect(tile(page, label)).to_have_text(value)


def open_tab(page: Page, table: str, *, lang: str = "en") -> None:
    """Show the Data page's tab for ``table`` and wait for the run it may start (the tabs are keyed, so
    the chosen tab is widget state: a click before that run ends may hit an element about to be redrawn)."""
    page.get_by_role("tab", name=t(f"ui.tab.{table}", lang)).click()
    wait_until_idle(page)


def upload(
    page: Page,
    table: str,
    name: str,
    content: bytes,
    *,
    lang: str = "en",
    rejected: bool = False,
    timeout_ms: float | None = None,
) -> None:
    """Give the Data page's file chooser for ``table`` one file, as a person picking it would.

    Waits until the page shows the file in use (or, with ``rejected``, the red box saying why it is not).
    """
    open_tab(page, table, lang=lang)
    panel = visible_panel(page)
    uploader = panel.locator('[data-testid="stFileUploader"]')
    uploader.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
        {"name": name, "mimeType": "application/octet-stream", "buffer": content}
    )
    if rejected:
        expect(panel.locator(ERROR)).to_contain_text(name, timeout=timeout_ms)
    else:
        expect(panel.get_by_text(f"{t('ui.file', lang)}: {name}")).to_be_visible(timeout=timeout_ms)
    wait_until_idle(page)


def visible_panel(page: Page):
    """The Data page's tab panel on show."""
    return page.locator('[role="tabpanel"]:visible').first
