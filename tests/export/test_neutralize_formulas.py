"""Exports never hand a spreadsheet a formula to run (OWASP CSV injection), and numbers stay numbers."""

import io

import pandas as pd
import pytest

from cxlib.export import neutralize_formulas, to_csv_bytes, to_excel_bytes

RISKY = ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tTAB", "\rCR", "\nLF"]


@pytest.mark.parametrize("text", RISKY)
def test_risky_text_gets_an_apostrophe(text):
    safe = neutralize_formulas(pd.DataFrame({"comment": [text]}))
    assert safe["comment"].iloc[0] == "'" + text


def test_numbers_and_harmless_text_unchanged():
    frame = pd.DataFrame({"n": [-5.0, 3.0], "text": ["Lieferung zu spät", None]})
    safe = neutralize_formulas(frame)
    assert safe["n"].tolist() == [-5.0, 3.0]
    assert safe["text"].iloc[0] == "Lieferung zu spät" and pd.isna(safe["text"].iloc[1])


def test_risky_header_is_neutralised():
    assert list(neutralize_formulas(pd.DataFrame({"=evil": [1]})).columns) == ["'=evil"]


def test_german_csv_reads_back_with_semicolons_and_decimal_commas():
    frame = pd.DataFrame({"Kommentar": ["=HYPERLINK(1)", "gut"], "Umsatz": [-1234.5, 10.25]})
    data = to_csv_bytes(frame, lang="de")
    assert data.startswith(b"\xef\xbb\xbf")
    back = pd.read_csv(io.BytesIO(data), sep=";", decimal=",", encoding="utf-8-sig")
    assert back["Kommentar"].tolist() == ["'=HYPERLINK(1)", "gut"]
    assert back["Umsatz"].tolist() == [-1234.5, 10.25]


def test_excel_export_reads_back_without_formulas():
    from openpyxl import load_workbook

    data = to_excel_bytes({"Kunden": pd.DataFrame({"c": ["=2*3", "ok"], "v": [-1.0, 2.0]})})
    sheet = load_workbook(io.BytesIO(data))["Kunden"]
    assert sheet["A2"].value == "'=2*3" and sheet["A2"].data_type == "s"
    assert sheet["B2"].value == -1.0
