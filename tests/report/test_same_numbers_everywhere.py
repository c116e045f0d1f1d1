"""One number everywhere: the Overview tiles, the findings, the help texts, the Excel report and the PDF
summary show the same NPS, NPS change and churn/retention change on the demo data, for the same period."""

from __future__ import annotations

import io
import re

from openpyxl import load_workbook

from cxlib.i18n import format_number, t
from cxlib.report import excel_report, summary_lines
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
