"""The Summary page's take-away files and a chart image download in the real browser.

Streamlit builds deferred download data in a background thread; these files must come out whole.
"""

from playwright.sync_api import Page

from cxlib.i18n import t
from tests.e2e.browse import assert_no_error


def _download(page: Page, name: str, *, exact: bool = False) -> tuple[str, bytes]:
    with page.expect_download(timeout=60_000) as info:
        page.get_by_role("button", name=name, exact=exact).first.click()
    download = info.value
    with open(download.path(), "rb") as file:
        return download.suggested_filename, file.read()


def test_excel_pdf_and_chart_downloads(page: Page):
    name, workbook = _download(page, t("ui.summary.download_excel", "en"))
    assert name.endswith(".xlsx") and workbook.startswith(b"PK")
    name, pdf = _download(page, t("ui.summary.download_pdf", "en"))
    assert name.endswith(".pdf") and pdf.startswith(b"%PDF-")
    page.get_by_role(
        "button", name=t("ui.chart.download", "en"), exact=True
    ).first.click()  # the chart's popover
    name, png = _download(page, "PNG", exact=True)
    assert name.endswith(".png") and png.startswith(b"\x89PNG")
    assert_no_error(page)
