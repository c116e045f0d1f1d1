"""Every shared real file, uploaded in the browser as a manager would, and every page opened with it.

The files are the public exports in ``../shared/data`` (skipped cleanly when absent). A page passes when
it draws its title with no red error box and no exception; the server log must stay free of
tracebacks (checked by the ``server`` fixture). The codebook is a description of the SFO survey's codes,
not data a manager would analyse, so it is not uploaded.
"""

from __future__ import annotations

import pytest

from tests.e2e.browse import assert_no_error, open_page, upload, wait_until_idle
from tests.e2e.conftest import new_visitor

# Each visitor loads one survey, one customer table and (where there is one left) one purchase log, so
# every file is in use on every page, next to files it does not belong with, as happens when a manager
# tries her exports one after the other (files of different sources share no customer IDs: nothing links).
VISITORS = (
    {"survey": "sfo_customer_survey_2018.csv", "customers": "bank_churners.csv",
     "transactions": "retail_transactions.csv"},
    {"survey": "skytrax_lounge_reviews.csv", "customers": "mall_customers.csv",
     "transactions": "CDNOW_sample.txt"},
    {"survey": "airline_journey_survey.csv", "customers": "ecommerce_churn.xlsx",
     "transactions": "online_retail_ii_two_sheets.xlsx"},
    {"survey": "kunden_moebel_nps_de.xlsx", "customers": "kpmg_sprocket_raw.xlsx"},
    {"survey": "womens_clothing_reviews.csv", "customers": "cdnow_customers_summary.csv"},
)  # fmt: skip
# Real files are larger than the suite's made-up ones: reading a 8 MB review export and analysing its
# comments takes a few seconds on a quiet machine, much longer on a busy CI runner.
PATIENCE_MS = 180_000
PAGES = ("summary", "overview", "personas", "journey", "value", "voices")  # and Data, where they are loaded


def test_every_shared_file_is_loaded_by_a_visitor():
    names = [name for files in VISITORS for name in files.values()]
    assert len(names) == len(set(names)) == 13  # every data file of ../shared/data once (not the codebook)


@pytest.mark.parametrize("files", VISITORS, ids=[files["survey"].split(".")[0] for files in VISITORS])
def test_every_page_with_real_files(files, browser, server, shared_data, screenshots):
    present = {table: shared_data / name for table, name in files.items() if (shared_data / name).exists()}
    if not present:
        pytest.skip(f"{', '.join(files.values())}: not in ../shared/data")
    context, page = new_visitor(browser, server, path="data", settle=False)
    context.set_default_timeout(PATIENCE_MS)
    try:
        wait_until_idle(page)
        for table, path in present.items():
            upload(page, table, path.name, path.read_bytes(), timeout_ms=PATIENCE_MS)
            assert_no_error(page)
        for key in PAGES:
            open_page(page, key)
            assert_no_error(page)
        page.screenshot(path=screenshots / f"real-{present['survey'].stem}-voices.png", full_page=True)
    finally:
        context.close()
