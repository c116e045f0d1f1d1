"""python -m cxlib report / analyze, run in-process on a slice of the demo files, outputs read back."""

import io
import json
import re
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

from cxlib.cli import main

SAMPLES = Path("sample_data")


@pytest.fixture(scope="module")
def demo_slice(tmp_path_factory):
    """The first 400 demo customers and their survey answers as CSV (fast, same columns)."""
    if not (SAMPLES / "customers.xlsx").exists() or not (SAMPLES / "survey.xlsx").exists():
        pytest.skip("demo sample files not present")
    folder = tmp_path_factory.mktemp("demo")
    customers = pd.read_excel(SAMPLES / "customers.xlsx", sheet_name="Kunden").head(400)
    survey = pd.read_excel(SAMPLES / "survey.xlsx", sheet_name="Umfrage")
    survey = survey[survey["Kundennummer"].isin(customers["Kundennummer"])]
    customers.to_csv(folder / "kunden.csv", index=False)
    survey.to_csv(folder / "umfrage.csv", index=False)
    return folder


def test_report_writes_excel_and_pdf(demo_slice, tmp_path, capsys):
    out, pdf = tmp_path / "report.xlsx", tmp_path / "summary.pdf"
    inputs = ["--customers", str(demo_slice / "kunden.csv"), "--survey", str(demo_slice / "umfrage.csv")]
    code = main(["report", *inputs, "--out", str(out), "--pdf", str(pdf), "--lang", "de", "--k", "3"])
    assert code == 0, capsys.readouterr().err
    workbook = load_workbook(io.BytesIO(out.read_bytes()))
    assert workbook.sheetnames == ["Zusammenfassung", "Kennzahlen", "Personas", "Persona-Zuordnung",
                                   "Kundenreise", "Kundenstimmen", "Rückrufliste",
                                   "Aussortierte Zeilen"]  # fmt: skip
    kpis = dict(list(workbook["Kennzahlen"].iter_rows(values_only=True))[1:])
    assert kpis["Kunden"] == 400
    assert len(list(workbook["Personas"].iter_rows())) == 1 + 3
    assert len(list(workbook["Persona-Zuordnung"].iter_rows())) == 1 + 400
    summary = [row[0] for row in workbook["Zusammenfassung"].iter_rows(values_only=True)]
    findings = summary[summary.index("Erkenntnis") + 1 :]
    assert "Quelldateien: kunden.csv, umfrage.csv" in summary[:6]  # file names, never the temp folder
    assert any(
        "Lieferung ist der schwächste Touchpoint" in text for text in findings
    )  # the planted pain point
    content = pdf.read_bytes()
    pages = len(re.findall(rb"/Type\s*/Page\b(?!s)", content))
    assert content.startswith(b"%PDF-") and 2 <= pages <= 4  # figures, journey with its chart, personas
    assert content.count(b"/Subtype /Image") >= 2  # the journey curve and the personas' chart


def test_analyze_json_has_findings_in_german(demo_slice, capsys):
    code = main(["analyze", "--customers", str(demo_slice / "kunden.csv"), "--survey",
                 str(demo_slice / "umfrage.csv"), "--lang", "de", "--k", "3"])  # fmt: skip
    assert code == 0
    document = json.loads(capsys.readouterr().out)
    findings = document["findings"]
    assert 1 <= len(findings) <= 8
    assert all(set(finding) == {"text", "value", "source"} for finding in findings)
    weakest = next(f for f in findings if f["source"].startswith("journey.touchpoints["))
    assert weakest["source"] == "journey.touchpoints[Lieferung].mean"
    mean = next(tp["mean"] for tp in document["journey"]["touchpoints"] if tp["touchpoint"] == "Lieferung")
    assert weakest["value"] == mean
    assert f"({mean:.0f}/100" in weakest["text"]
    assert set(document["kpis"]["comparisons"]) == {"nps", "churn_rate"}


def test_report_errors_are_one_line_with_exit_code_2(tmp_path, capsys):
    code = main(["report", "--customers", str(tmp_path / "missing.xlsx"), "--out", str(tmp_path / "r.xlsx")])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and "missing.xlsx" in err
    assert not (tmp_path / "r.xlsx").exists()


def test_report_needs_an_output_file(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["report", "--customers", "x.csv"])
    assert exit_info.value.code == 2
    assert "--out" in capsys.readouterr().err


def test_unwritable_output_is_a_plain_error(demo_slice, tmp_path, capsys):
    target = tmp_path / "no_such_folder" / "r.xlsx"
    code = main(["report", "--customers", str(demo_slice / "kunden.csv"), "--out", str(target), "--k", "2"])
    assert code == 2
    assert "could not be written" in capsys.readouterr().err


@pytest.mark.parametrize(
    "document",
    [{"inputs": {"survey": {"file": "u.csv"}}, "kpis": {"nps": {"score": 17.9, "n": 313}},
      "journey": {"touchpoints": [{"touchpoint": "Lieferung", "phase": "loyalty", "mean": 44.0}]},
      "voices": {"comments": {"count": 12}}, "personas": None, "value": None},  # a survey alone
     {"inputs": {"customers": {"file": "k.xlsx"}}, "kpis": {"customers": 40, "churn_rate": {"value": 0.1}},
      "personas": {"personas": [{"name": "A", "share": 1.0, "size": 40}]}, "journey": None}],
    ids=["survey-only", "customers-only"],  # a survey alone, customers alone
)  # fmt: skip
def test_every_report_copes_with_missing_sections(document, tmp_path):
    from pptx import Presentation

    from cxlib.report import ReportData, write_reports

    data = ReportData(document, {}, None, None)
    paths = write_reports(data, excel=tmp_path / "r.xlsx", pdf=tmp_path / "r.pdf", pptx=tmp_path / "r.pptx",
                          lang="de")  # fmt: skip
    assert [path.name for path in paths] == ["r.xlsx", "r.pdf", "r.pptx"]
    assert load_workbook(paths[0]).sheetnames[:2] == ["Zusammenfassung", "Kennzahlen"]
    assert paths[1].read_bytes().startswith(b"%PDF-")
    assert len(Presentation(str(paths[2])).slides) >= 2
