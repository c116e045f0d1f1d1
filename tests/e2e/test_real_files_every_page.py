"""Each shared real file, uploaded in the browser as a manager would, and every page opened with it.

The files are the public exports in ``../shared/data`` (skipped cleanly when absent). A page passes when
it draws its title with no red error box and no exception; the server log must stay free of
tracebacks (checked by the ``server`` fixture). The codebook is a description of the SFO survey's codes,
not data a manager would analyse, so it is not uploaded.
"""

from __future__ import annotations

import pytest

from tests.e2e.browse import assert_no_error, open_page, upload, wait_until_idle
from tests.e2e.conftest import new_visitor

# file → the table a manager would upload it as
REAL_FILES = {
    "sfo_customer_survey_2018.csv": "survey",
    "skytrax_lounge_reviews.csv": "survey",
    "airline_journey_survey.csv": "survey",
    "kunden_moebel_nps_de.xlsx": "survey",
    "womens_clothing_reviews.csv": "survey",
    "bank_churners.csv": "customers",
    "mall_customers.csv": "customers",
    "ecommerce_churn.xlsx": "customers",
    "kpmg_sprocket_raw.xlsx": "customers",
    "cdnow_customers_summary.csv": "customers",
    "retail_transactions.csv": "transactions",
    "CDNOW_sample.txt": "transactions",
    "online_retail_ii_two_sheets.xlsx": "transactions",
}
# Real files are larger than the suite's made-up ones: reading a 8 MB review export and analysing its
# comments takes a few seconds on a quiet machine, much longer on a busy CI runner.
PATIENCE_MS = 180_000
PAGES = ("summary", "overview", "personas", "journey", "value", "voices", "data")


@pytest.mark.parametrize("name", list(REAL_FILES))
def test_every_page_with_a_real_file(name, browser, server, shared_data, screenshots):
    path = shared_data / name
    if not path.exists():
        pytest.skip(f"{name} is not in ../shared/data")
    context, page = new_visitor(browser, server, path="data", settle=False)
    context.set_default_timeout(PATIENCE_MS)
    try:
        wait_until_idle(page)
        upload(page, REAL_FILES[name], name, path.read_bytes(), timeout_ms=PATIENCE_MS)
        assert_no_error(page)
        for key in PAGES:
            open_page(page, key)
            assert_no_error(page)
        page.screenshot(path=screenshots / f"real-{path.stem}-data.png", full_page=True)
    finally:
        context.close()
