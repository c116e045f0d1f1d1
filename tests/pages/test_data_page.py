"""Data page under AppTest: demo data report, an upload, a mapping correction and a rejected file."""

import io

import pandas as pd

from tests.conftest import open_page, texts


def _upload(page, name: str, content: bytes) -> None:
    page.file_uploader(key="upload_customers").set_value((name, content, "application/octet-stream"))
    page.run()


def _customers_xlsx(n: int) -> bytes:
    frame = pd.DataFrame(
        {
            "Kunden-ID": [f"{i:04d}" for i in range(1, n + 1)],
            "Alter": [20 + i % 50 for i in range(n)],
            "Wohnort": ["Berlin", "Hamburg"] * (n // 2) + ["Berlin"] * (n % 2),
            "Umsatz": [100.0 + i for i in range(n)],
        }
    )
    buffer = io.BytesIO()
    frame.to_excel(buffer, index=False, sheet_name="Kunden")
    return buffer.getvalue()


def test_demo_data_report(app):
    page = open_page(app, "data")
    shown = texts(page)
    assert "Rows read" in shown and "Rows used" in shown
    assert page.metric[0].value != "0"


def test_upload_replaces_demo_data_and_shows_mapping(app):
    page = open_page(app, "data")
    _upload(page, "kunden.xlsx", _customers_xlsx(37))
    assert not page.exception, page.exception
    assert not page.error, [e.value for e in page.error]
    mapping = page.dataframe[0].value
    assert "Kunden-ID" in mapping.iloc[:, 1].tolist()
    assert [m.value for m in page.metric[:3]] == ["37", "37", "0"]
    page.switch_page("pages/overview.py").run()
    assert page.metric[0].value == "37"


def test_broken_upload_keeps_the_data_in_use(app):
    page = open_page(app, "data")
    _upload(page, "kunden.xlsx", _customers_xlsx(21))
    _upload(page, "kaputt.xlsx", b"PK\x03\x04 kaputt")
    assert not page.exception
    assert any("kaputt.xlsx" in e.value and "still in use" in e.value for e in page.error)
    page.switch_page("pages/overview.py").run()
    assert page.metric[0].value == "21"


def test_mapping_correction_changes_the_table(app):
    page = open_page(app, "data")
    _upload(page, "kunden.xlsx", _customers_xlsx(10))
    page.selectbox(key="map_customers_region").set_value("Wohnort")
    form_button = next(b for b in page.button if b.label == "Apply mapping")
    form_button.click().run()
    assert not page.exception, page.exception
    assert "Wohnort" in page.dataframe[0].value.iloc[:, 1].tolist()
    preview = page.dataframe[-1].value
    assert "region" in preview.columns
