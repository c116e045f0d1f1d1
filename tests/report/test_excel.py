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
