"""One number everywhere: the Overview tiles, the findings, the help texts, the Excel report, the PDF
summary and the slide deck show the same NPS, NPS change and churn/retention change on the demo data, for
the same period; and the same NPS on a shared real file."""

from __future__ import annotations

import io
import re

import pytest
from openpyxl import load_workbook

from cxlib.i18n import format_number, format_percent, t
from cxlib.report import excel_report, report_from_files, slide_deck, summary_lines, write_reports
from tests.conftest import open_page


def _kpi_sheet(document: dict) -> dict[str, float]:
    book = load_workbook(io.BytesIO(excel_report(document, lang="en")))
    sheet = book[t("export.sheet.kpis", "en")]
    return {row[0]: row[1] for row in sheet.iter_rows(min_row=2, values_only=True) if row[0]}


def test_tiles_findings_excel_and_pdf_agree_on_the_demo(app, demo_document):
    page = open_page(app, "overview")
    tiles = {metric.label: metric for metric in page.metric}
    nps_tile = tiles[t("kpi.label.nps", "en", months=3)]
    comparison = demo_document["kpis"]["comparisons"]["nps"]

    # the tile's NPS is the report's NPS of the same window, with the same rounding
    assert nps_tile.value == format_number(comparison["current"], "en")
    rows = _kpi_sheet(demo_document)
    period_rows = {label: value for label, value in rows.items() if label.startswith("NPS (last 3 months")}
    assert len(period_rows) == 1 and round(next(iter(period_rows.values()))) == round(comparison["current"])
    pdf_text = "\n".join(text for _, text in summary_lines(demo_document, lang="en"))
    assert f"NPS (last 3 months, {comparison['window'][0]}" in pdf_text
    assert format_number(comparison["current"], "en", signed=True) in pdf_text

    # the change: tile delta, finding and report all say the same one-decimal number
    change = format_number(abs(comparison["difference"]), "en", decimals=1)
    assert change in nps_tile.delta
    nps_findings = [f["text"] for f in demo_document["findings"] if f["source"] == "kpis.comparisons.nps"]
    assert nps_findings and change in nps_findings[0]
    assert change in pdf_text

    # retention's help states retention's own change (the churn change with its sign turned)
    churn_tile = tiles[t("kpi.label.churn", "en", months=12)]
    retention_tile = tiles[t("kpi.label.retention", "en")]
    churn_change = re.search(r"Change ([+−-][\d.]+) percentage points", churn_tile.help).group(1)
    retention_change = re.search(r"Change ([+−-][\d.]+) percentage points", retention_tile.help).group(1)
    assert churn_change[1:] == retention_change[1:] and churn_change[0] != retention_change[0]
    assert retention_tile.delta.startswith(retention_change[0].replace("−", "-"))


def _deck_text(content: bytes) -> str:
    from pptx import Presentation

    deck = Presentation(io.BytesIO(content))
    return "\n".join(
        shape.text_frame.text for slide in deck.slides for shape in slide.shapes if shape.has_text_frame
    )


def test_the_deck_shows_the_tile_s_numbers(demo_document):
    comparison = demo_document["kpis"]["comparisons"]["nps"]
    text = _deck_text(slide_deck(demo_document, lang="en"))
    assert f"NPS, last 3 months ({comparison['window'][0]} – {comparison['window'][1]}): " in text
    assert format_number(comparison["current"], "en", signed=True) in text
    assert format_number(comparison["difference"], "en", decimals=1, signed=True) in text
    churn = demo_document["kpis"]["churn_rate"]["value"]
    pdf_text = "\n".join(text for _, text in summary_lines(demo_document, lang="en"))
    for shown in (format_percent(churn, "en"), format_number(demo_document["kpis"]["customers"], "en")):
        assert shown in text and shown in pdf_text
    assert _kpi_sheet(demo_document)["Churn rate"] == pytest.approx(churn, rel=1e-12)


def test_a_shared_real_file_shows_one_nps_everywhere(shared_data, tmp_path):
    """The German furniture survey (NPS 17.89 from the group words, no dates): the all-answers NPS is the
    headline figure in the Excel sheet, the PDF's tile and the deck, rounded the same way."""
    data = report_from_files({"survey": str(shared_data / "kunden_moebel_nps_de.xlsx")}, lang="de")
    document = data.document
    score = document["kpis"]["nps"]["score"]
    assert score == pytest.approx(17.89, abs=0.005)
    workbook, pdf, deck = tmp_path / "b.xlsx", tmp_path / "b.pdf", tmp_path / "f.pptx"
    write_reports(data, excel=workbook, pdf=pdf, pptx=deck, lang="de")

    book = load_workbook(workbook)
    kpis = {row[0]: row[1] for row in book["Kennzahlen"].iter_rows(min_row=2, values_only=True)}
    assert kpis["NPS (alle Antworten)"] == pytest.approx(score)
    summary = [row[0] for row in book["Zusammenfassung"].iter_rows(max_row=6, values_only=True)]
    assert "Quelldateien: kunden_moebel_nps_de.xlsx" in summary  # the file's name, not the folder
    shown = format_number(score, "de", signed=True)  # "+18"
    lines = summary_lines(document, lang="de")
    assert ("tile", f"NPS (alle Antworten): {shown}") in lines
    assert f"NPS (alle Antworten): {shown}" in _deck_text(deck.read_bytes())
    assert pdf.read_bytes().startswith(b"%PDF-")
