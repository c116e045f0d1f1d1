"""A visitor's own files through the file chooser: tiles, mapping report, a mapping fix, a broken file."""

from playwright.sync_api import expect

from cxlib.i18n import t
from tests.e2e.browse import (
    ERROR,
    METRIC,
    assert_no_error,
    expect_tile,
    open_page,
    open_tab,
    upload,
    visible_panel,
    wait_until_idle,
)
from tests.e2e.files import customers_xlsx, nps_of, survey_csv

RECOMMEND = [10] * 12 + [8] * 4 + [3] * 4  # 12 promoters, 4 detractors of 20: NPS 40
CUSTOMERS = t("kpi.label.customers", "en")


def report_numbers(page) -> list[str]:
    """Rows read, used and set aside, as the Data page's validation report shows them."""
    values = visible_panel(page).locator(f"{METRIC} [data-testid='stMetricValue']")
    return [text.strip() for text in values.all_inner_texts()]


def upload_both(page) -> None:
    open_page(page, "data")
    upload(page, "customers", "kunden.xlsx", customers_xlsx(37, copies=2))
    upload(page, "survey", "umfrage.csv", survey_csv(RECOMMEND))


def test_upload_updates_tiles_and_shows_mapping_report(page, screenshots):
    upload_both(page)
    assert_no_error(page)
    panel = visible_panel(page)
    # The survey's mapping report names the German headers it understood and the touchpoints it found.
    expect(panel.get_by_text(t("ui.mapping.title", "en"))).to_be_visible()
    mapping = panel.locator('[data-testid="stDataFrame"]').first
    for header in ("Weiterempfehlung", "Datum", "Kunden-ID"):
        expect(mapping).to_contain_text(header)
    assert report_numbers(page) == ["20", "20", "0"]

    open_tab(page, "customers")
    # The two rows that repeat earlier ones cell for cell are set aside.
    assert report_numbers(page) == ["37", "35", "2"]
    page.screenshot(path=screenshots / "data-upload.png", full_page=True)

    open_page(page, "overview")
    assert_no_error(page)
    expect_tile(page, CUSTOMERS, "35")
    expect_tile(page, t("kpi.label.nps_all", "en"), str(nps_of(RECOMMEND)))
    sidebar = page.locator('[data-testid="stSidebar"]')
    expect(sidebar).to_contain_text("kunden.xlsx")
    expect(sidebar).to_contain_text("umfrage.csv")
    expect(sidebar).not_to_contain_text(t("ui.demo_note", "en"))


def test_correcting_the_mapping_changes_the_result(page):
    open_page(page, "data")
    upload(page, "customers", "kunden.xlsx", customers_xlsx(37, duplicate_names=2))
    open_page(page, "overview")
    expect_tile(page, CUSTOMERS, "35")  # "Kunde" is the id: two companies have two customer numbers each
    open_page(page, "data")
    open_tab(page, "customers")
    panel = visible_panel(page)
    panel.get_by_text(t("ui.mapping.edit", "en")).click()
    field = panel.locator('[data-testid="stSelectbox"]').filter(has_text=t("role.customer_id", "en")).first
    expect(field).to_be_visible()
    field.get_by_role("combobox").click()
    page.keyboard.type("Nr")
    option = page.get_by_role("option", name="Nr", exact=True)
    expect(option).to_be_visible()
    option.click()
    expect(field.get_by_role("combobox")).to_have_value("Nr")
    panel.get_by_role("button", name=t("ui.mapping.apply", "en")).click()
    expect(panel.locator('[data-testid="stDataFrame"]').first).to_contain_text(t("ui.method.manual", "en"))
    assert report_numbers(page) == ["37", "37", "0"]
    assert_no_error(page)

    open_page(page, "overview")
    expect_tile(page, CUSTOMERS, "37")


def test_download_the_set_aside_rows(page, output_dir):
    upload_both(page)
    open_tab(page, "customers")
    wait_until_idle(page)  # a click during a rerun would ask for the download of the run before
    button = visible_panel(page).get_by_role("button", name=t("ui.download_set_aside", "en"))
    with page.expect_download() as info:
        button.click()
    download = info.value
    assert download.suggested_filename == "customers_set_aside.csv"
    target = output_dir / "downloads" / download.suggested_filename
    download.save_as(target)
    text = target.read_text(encoding="utf-8-sig")
    # The two rows that repeat the first two, and nothing else.
    assert "K0001" in text and "K0002" in text
    assert "K0003" not in text


def test_broken_file_shows_its_message_and_keeps_the_data(page):
    open_page(page, "data")
    upload(page, "customers", "kunden.xlsx", customers_xlsx(37))
    upload(page, "customers", "kaputt.xlsx", b"PK\x03\x04 this is not a workbook", rejected=True)
    message = visible_panel(page).locator(ERROR)
    expect(message).to_contain_text("kaputt.xlsx")
    expect(message).to_contain_text("still in use")
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)
    assert report_numbers(page)[:2] == ["37", "37"]

    open_page(page, "overview")
    assert_no_error(page)
    expect_tile(page, CUSTOMERS, "37")
