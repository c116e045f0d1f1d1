"""Reports to take away: an Excel workbook with every table, a 2–4 page PDF, a PowerPoint deck, and
charts as PNG/SVG.

The reports are built from the analysis document (:mod:`cxlib.analysis`), so they show the numbers the
app and the CLI show; the figures and words they share come from :mod:`cxlib.report.facts`.

Modules: :mod:`~cxlib.report.images` (charts as pictures), :mod:`~cxlib.report.excel`,
:mod:`~cxlib.report.pdf`, :mod:`~cxlib.report.slides` (python-pptx) and :mod:`~cxlib.report.files`
(the CLI's reports from files).
"""

from cxlib.report.excel import excel_report
from cxlib.report.facts import DEFAULT_CURRENCY, currency_of, data_period
from cxlib.report.files import ReportData, report_from_files, write_reports
from cxlib.report.images import chart_png, chart_svg, journey_png, persona_png
from cxlib.report.pdf import DEJAVU_FONT, MAX_PDF_PAGES, PDF_TOUCHPOINTS, pdf_summary, summary_lines
from cxlib.report.slides import slide_deck

__all__ = [
    "DEFAULT_CURRENCY",
    "DEJAVU_FONT",
    "MAX_PDF_PAGES",
    "PDF_TOUCHPOINTS",
    "ReportData",
    "chart_png",
    "chart_svg",
    "currency_of",
    "data_period",
    "excel_report",
    "journey_png",
    "pdf_summary",
    "persona_png",
    "report_from_files",
    "slide_deck",
    "summary_lines",
    "write_reports",
]
