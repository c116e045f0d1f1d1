"""Five visitors at once on one server, each with its own file: each sees only its own numbers.

(Five, not eight as before: the in-suite load test, tests/e2e/test_load.py, already puts four visitors on
the demo data and two uploaders on the server; five uploading at once keep the isolation check and save
a minute of CI.)"""

import threading
import time

from playwright.sync_api import expect

from cxlib.i18n import t
from tests.e2e.browse import (
    assert_no_error,
    click_nav,
    expect_tile,
    open_tab,
    visible_panel,
    wait_until_idle,
)
from tests.e2e.conftest import health, new_visitor
from tests.e2e.files import customers_xlsx

VISITORS = 5
CUSTOMERS = t("kpi.label.customers", "en")


class HealthWatch(threading.Thread):
    """Asks /_stcore/health every 0.2 s until stopped; remembers every answer that was not "ok".

    A probe waits up to 30 s: the server answers from its event loop, which shares two cores and the GIL
    with five script runs (one probe in 227 took over 10 s in a CI run); a slow answer is still an
    answer, no answer or an error is a failure.
    """

    def __init__(self, base_url: str) -> None:
        super().__init__(daemon=True)
        self.base_url = base_url
        self.stopped = threading.Event()
        self.failures: list[str] = []
        self.checks = 0
        self.slowest = 0.0

    def run(self) -> None:
        while not self.stopped.wait(0.2):
            started = time.monotonic()
            answer = health(self.base_url, timeout=30)
            self.checks += 1
            self.slowest = max(self.slowest, time.monotonic() - started)
            if answer != "ok":
                self.failures.append(f"{answer or 'no answer'} after {time.monotonic() - started:.1f} s")


def test_visitors_at_once_see_only_their_own_data(browser, server):
    watch = HealthWatch(server)
    watch.start()
    visitors = []
    try:
        for index in range(VISITORS):
            visitors.append((*new_visitor(browser, server, settle=False), 21 + index))
        for _, page, _count in visitors:
            wait_until_idle(page)
            click_nav(page, "data")
        for _, page, _count in visitors:
            wait_until_idle(page)
            open_tab(page, "customers")
        # Start all uploads before looking at any result, so the server handles them together.
        for _, page, count in visitors:
            visible_panel(page).locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
                {
                    "name": f"kunden-{count}.xlsx",
                    "mimeType": "application/octet-stream",
                    "buffer": customers_xlsx(count),
                }
            )
        for _, page, count in visitors:
            expect(visible_panel(page)).to_contain_text(f"{t('ui.file', 'en')}: kunden-{count}.xlsx")
            wait_until_idle(page)
        for _, page, _count in visitors:
            click_nav(page, "overview")
        for _, page, count in visitors:
            wait_until_idle(page)
            expect(page.locator("h1").first).to_have_text(t("nav.overview", "en"))
            assert_no_error(page)
            expect_tile(page, CUSTOMERS, str(count))
            sidebar = page.locator('[data-testid="stSidebar"]')
            expect(sidebar).to_contain_text(f"kunden-{count}.xlsx")
            for other in range(21, 21 + VISITORS):
                if other != count:
                    expect(sidebar).not_to_contain_text(f"kunden-{other}.xlsx")
    finally:
        watch.stopped.set()
        watch.join()
        for context, _, _ in visitors:
            context.close()
    assert watch.checks > 0
    assert watch.failures == [], (
        f"/_stcore/health failed {len(watch.failures)} of {watch.checks} times: {watch.failures}"
    )
    assert health(server) == "ok"
