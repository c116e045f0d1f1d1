"""The Value page in the real browser: on the demo data, and after uploading a purchase log alone."""

import numpy as np
from playwright.sync_api import expect

from cxlib.i18n import t
from cxlib.value.simulate import simulate_purchase_log
from tests.e2e.browse import (
    CHART,
    assert_no_error,
    expect_tile,
    open_page,
    open_tab,
    visible_panel,
    wait_until_idle,
)

BUYERS = t("value.tile.buyers", "en")


def _purchase_log_csv(customers: int) -> bytes:
    log = simulate_purchase_log(
        np.random.default_rng(2), customers, bgnbd=(0.8, 6.0, 0.8, 3.0), gamma_gamma=(5.0, 4.0, 100.0),
        start="2024-01-01", end="2025-12-31", acquisition_days=180,
    )  # fmt: skip
    return log.assign(date=log["date"].dt.strftime("%Y-%m-%d")).to_csv(index=False).encode()


def test_value_page_on_demo_data_and_after_a_transactions_upload(page, screenshots):
    open_page(page, "value")
    assert_no_error(page)
    expect_tile(page, BUYERS, "4,000")
    expect(page.locator(CHART).locator("visible=true")).to_have_count(4)
    expect(page.get_by_text(t("value.page.check_title", "en"), exact=True)).to_be_visible()
    page.screenshot(path=screenshots / "value.png", full_page=True)

    open_page(page, "data")
    # The first own file replaces the demo data and the Data page starts again on its first tab, so the
    # file is given directly and the transactions tab opened again to see it in use.
    open_tab(page, "transactions")
    visible_panel(page).locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
        {"name": "kaeufe-57.csv", "mimeType": "text/csv", "buffer": _purchase_log_csv(57)}
    )
    wait_until_idle(page)
    open_tab(page, "transactions")
    expect(visible_panel(page).get_by_text(f"{t('ui.file', 'en')}: kaeufe-57.csv")).to_be_visible()
    open_page(page, "value")
    assert_no_error(page)
    expect_tile(page, BUYERS, "57")
    open_page(page, "overview")
    assert_no_error(page)
    expect_tile(page, t("kpi.label.customers", "en"), "57")
