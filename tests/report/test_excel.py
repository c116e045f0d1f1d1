"""excel_report: the workbook's sheets, a KPI value, a finding, native charts, formulas neutralised."""

import io

import pandas as pd
import pytest
from openpyxl import load_workbook

from cxlib.report import excel_report
from cxlib.tables import ValidatedTable, ValidationReport


def _document():
    return {
        "kpis": {
            "customers": 1234,
            "nps": {"score": 12.5, "ci95": [4.0, 21.0], "n": 300},
            "churn_rate": {"value": 0.18},
            "retention": 0.82,
            "clv": {"mean": 600.0, "median": 300.0, "total": 740_400.0},
            "comparisons": {"nps": {"months": 3, "difference": -7.0}, "churn_rate": None},
        },
        "personas": {"personas": [
            {"name": "=Uwe Hoffmann", "size": 272, "share": 0.22, "nps": -18.0, "churn_rate": 0.3,
             "clv_mean": 100.0, "description": "older, low income"},
            {"name": "Ulrike Meier", "size": 962, "share": 0.78, "nps": 20.0, "churn_rate": 0.1,
             "clv_mean": 700.0, "description": "younger"},
        ]},
        "journey": {"touchpoints": [
            {"touchpoint": "Website", "phase": "information", "mean": 74.0, "n": 280},
            {"touchpoint": "Lieferung", "phase": "loyalty", "mean": 54.0, "n": 260},
        ], "drivers": [{"touchpoint": "Lieferung", "importance": 0.5}]},
        "findings": [{"text": "Lieferung is the weakest touchpoint (54/100).", "value": 54.0,
                      "source": "journey.touchpoints[Lieferung].mean"}],
    }  # fmt: skip


def _survey_with_set_aside_rows():
    set_aside = pd.DataFrame({"Kommentar": ['=HYPERLINK("http://x")'], "Weiterempfehlung": ["11"],
                              "reason": ["recommend out of range"]})  # fmt: skip
    report = ValidationReport("survey", "s.csv", None, 2, 1, 1)
    return ValidatedTable("survey", pd.DataFrame({"recommend": [9.0]}), set_aside, report)


@pytest.fixture(scope="module")
def workbook():
    assignment = pd.DataFrame({"customer_id": ["K1", "K2"], "persona": ["=Uwe Hoffmann", "Ulrike Meier"],
                               "age": [61.0, 30.0]})  # fmt: skip
    content = excel_report(
        _document(), tables={"survey": _survey_with_set_aside_rows()}, assignment=assignment, lang="en"
    )
    return load_workbook(io.BytesIO(content))


def _rows(sheet):
    return list(sheet.iter_rows(values_only=True))


def _findings(sheet):
    """The Summary sheet's findings table: its header row and the rows below it."""
    rows = _rows(sheet)
    start = next(index for index, row in enumerate(rows) if row[0] in ("Finding", "Erkenntnis"))
    return rows[start:]


def test_sheet_names_in_english(workbook):
    assert workbook.sheetnames == [
        "Summary", "KPIs", "Personas", "Persona assignment", "Journey", "Set-aside rows",
    ]  # fmt: skip


def test_kpi_values_are_numbers(workbook):
    kpis = dict(_rows(workbook["KPIs"])[1:])
    assert kpis["Customers"] == 1234
    assert kpis["NPS (all answers)"] == 12.5
    assert kpis["NPS 95% interval, lower bound"] == 4.0
    assert kpis["Churn rate"] == pytest.approx(0.18)
    # a negative change stays a number, it is not turned into text
    assert kpis["NPS change vs. previous 3 months (points)"] == -7.0


def test_finding_text_on_the_summary(workbook):
    rows = _rows(workbook["Summary"])
    assert rows[0][0] == "Customer centricity report"
    findings = _findings(workbook["Summary"])
    assert findings[0] == ("Finding", "Value", "Source")
    assert findings[1] == (
        "Lieferung is the weakest touchpoint (54/100).",
        54.0,
        "Customer journey: Lieferung",  # in words, never the document's internal path
    )


def test_formula_like_text_is_neutralised_everywhere(workbook):
    assert _rows(workbook["Personas"])[1][0] == "'=Uwe Hoffmann"
    assert _rows(workbook["Persona assignment"])[1][:2] == ("K1", "'=Uwe Hoffmann")
    set_aside = _rows(workbook["Set-aside rows"])
    assert set_aside[0] == ("Table", "Kommentar", "Weiterempfehlung", "Reason")
    assert set_aside[1] == ("survey", '\'=HYPERLINK("http://x")', "11", "recommend out of range")
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            assert all(cell.data_type != "f" for cell in row), sheet.title


def test_assignment_headers_are_words(workbook):
    assert _rows(workbook["Persona assignment"])[0] == ("Customer ID", "Persona", "Age")


def test_native_bar_charts(workbook):
    assert len(workbook["Personas"]._charts) == 1
    assert len(workbook["Journey"]._charts) == 1
    assert [row[:3] for row in _rows(workbook["Journey"])[1:]] == [
        ("Website", "Information", 74), ("Lieferung", "Loyalty", 54),
    ]  # fmt: skip


def test_german_titles_and_no_set_aside_rows():
    workbook = load_workbook(io.BytesIO(excel_report({"kpis": {"customers": 3}}, lang="de")))
    assert workbook.sheetnames == ["Zusammenfassung", "Kennzahlen", "Aussortierte Zeilen"]
    assert _rows(workbook["Aussortierte Zeilen"]) == [("Grund",), ("Es wurden keine Zeilen aussortiert.",)]


def test_findings_computed_when_the_document_has_none():
    document = {
        "journey": {"touchpoints": [{"touchpoint": "A", "mean": 80.0}, {"touchpoint": "B", "mean": 50.0}]}
    }
    workbook = load_workbook(io.BytesIO(excel_report(document, lang="en")))
    assert (
        _findings(workbook["Summary"])[1][0]
        == "B is the weakest touchpoint (50/100; average of all touchpoints 65/100)."
    )


def test_bad_language_raises():
    with pytest.raises(ValueError, match="lang"):
        excel_report({}, lang="fr")


def _formats(sheet) -> dict:
    """Label in column A → (value, number format) of column B."""
    return {row[0].value: (row[1].value, row[1].number_format) for row in sheet.iter_rows(min_row=2)}


def test_every_key_figure_has_its_number_format(workbook):
    formats = _formats(workbook["KPIs"])
    assert formats["Customers"] == (1234, "#,##0")
    assert formats["NPS (all answers)"] == (12.5, "0.0")
    assert formats["Churn rate"] == (pytest.approx(0.18), "0.0%")
    assert formats["Average CLV"] == (600, '#,##0.00 "EUR"')
    assert formats["NPS change vs. previous 3 months (points)"][1] == "+0.0;-0.0;0.0"
    for sheet in workbook.worksheets:  # no number anywhere without a format (long raw decimals)
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, float):
                    assert cell.number_format != "General", (sheet.title, cell.coordinate)


def test_persona_and_journey_columns_formatted(workbook):
    personas = workbook["Personas"]
    assert [cell.value for cell in personas[1]][:6] == [
        "Persona", "Customers", "Share of customers", "NPS", "Churn", "Average CLV (EUR)",
    ]  # fmt: skip
    assert [cell.number_format for cell in personas[2]][1:6] == [
        "#,##0", "0.0%", "0.0", "0.0%", '#,##0.00 "EUR"',
    ]  # fmt: skip
    assert workbook["Journey"]["C2"].number_format == "0.0"


def test_currency_from_the_analysis_settings():
    document = {**_document(), "currency": "CHF"}
    book = load_workbook(io.BytesIO(excel_report(document, lang="de")))
    assert _formats(book["Kennzahlen"])["Durchschnittlicher Kundenertragswert"][1] == '#,##0.00 "CHF"'
    assert "Ø Kundenertragswert (CHF)" in [cell.value for cell in book["Personas"][1]]


def test_sources_name_files_never_temporary_paths():
    document = {**_document(), "inputs": {"survey": {"file": "/tmp/tmpq8w/upload/umfrage.csv"},
                                          "customers": {"file": "C:\\Temp\\kunden.xlsx"}}}  # fmt: skip
    book = load_workbook(io.BytesIO(excel_report(document, lang="de")))
    findings = _findings(book["Zusammenfassung"])
    assert findings[0] == ("Erkenntnis", "Wert", "Quelle")
    assert findings[1][2] == "Kundenreise: Lieferung (umfrage.csv)"
    assert "Quelldateien: umfrage.csv, kunden.xlsx" in [row[0] for row in _rows(book["Zusammenfassung"])]
    for sheet in book.worksheets:
        for row in sheet.iter_rows(values_only=True):
            assert not any(isinstance(v, str) and ("/tmp" in v or "\\Temp" in v) for v in row), sheet.title


def test_dates_are_dates_in_the_reader_s_format():
    assignment = pd.DataFrame({"customer_id": ["K1"], "persona": ["A"],
                               "signup_date": [pd.Timestamp("2025-03-04")], "age": [61.0],
                               "income": [1234.5]})  # fmt: skip
    for lang, code in (("de", "dd.mm.yyyy"), ("en", "yyyy-mm-dd")):
        book = load_workbook(io.BytesIO(excel_report(_document(), assignment=assignment, lang=lang)))
        sheet = book[book.sheetnames[3]]
        assert sheet["C2"].is_date and sheet["C2"].number_format == code
        assert sheet["D2"].number_format == "#,##0"  # whole numbers without decimals
        assert sheet["E2"].number_format == "#,##0.00"


def test_columns_are_wide_enough_to_read(workbook):
    sheet = workbook["KPIs"]
    longest = max(len(str(row[0])) for row in _rows(sheet))
    assert sheet.column_dimensions["A"].width >= longest
    assert 8 <= workbook["Personas"].column_dimensions["B"].width <= 62


def test_value_and_voices_sheets_when_those_sections_exist():
    document = {
        **_document(),
        "value": {"customers": 40, "repeat_buyers": 30, "purchases": 120, "revenue": 12345.6,
                  "first_purchase": "2025-01-02", "last_purchase": "2025-12-30",
                  "clv": {"mean": 80.5, "total": 3220.0, "horizon_months": 12},
                  "active": {"inactive_share": 0.125},
                  "rfm": {"champions": {"count": 9, "revenue": 900.0, "clv_mean": 100.0}}},
        "voices": {"comments": {"count": 1844}, "follow_up": {"count": 735}, "sentiment": {"mean": 0.3},
                   "themes": [{"label": "Lieferung · Woche", "n": 197, "share": 0.107, "mean_recommend": 6.39,
                               "sentiment": -0.27}]},
    }  # fmt: skip
    book = load_workbook(io.BytesIO(excel_report(document, lang="de")))
    assert book.sheetnames[-3:] == ["Kundenwert", "Kundenstimmen", "Aussortierte Zeilen"]
    value = _formats(book["Kundenwert"])
    assert value["Umsatz"] == (12345.6, '#,##0.00 "EUR"')
    assert value["Erster Kauf"][1] == "dd.mm.yyyy" and value["Anteil vermutlich inaktiv"] == (0.125, "0.0%")
    segments = [row for row in _rows(book["Kundenwert"]) if row[0] == "Champions"]
    assert segments == [("Champions", 9, 900, 100)]
    voices = _rows(book["Kundenstimmen"])
    assert [row[:2] for row in voices[1:4]] == [
        ("Kommentare", 1844),
        ("Rückzurufende Kunden", 735),
        ("Mittlere Tonlage (−1 bis +1)", 0.3),
    ]
    assert ("Lieferung · Woche", 197, 0.107, 6.39, -0.27) in voices
    assert (
        load_workbook(io.BytesIO(excel_report(_document(), lang="de"))).sheetnames[-1]
        == "Aussortierte Zeilen"
    )


def test_german_headers_everywhere(workbook):
    book = load_workbook(io.BytesIO(excel_report(_document(), lang="de")))
    headers = {cell.value for sheet in book.worksheets[1:] for cell in sheet[1] if cell.value}
    english = {"Customers", "Share of customers", "Churn", "Value", "Key figure", "Touchpoint mean", "Reason"}
    assert not headers & english
    assert {"Kennzahl", "Wert", "Anteil der Kunden", "Abwanderung"} <= headers
