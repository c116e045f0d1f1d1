"""cxlib.report is a package of small modules; every name importable before the split still is."""

import importlib

import pytest

import cxlib.report
from cxlib.report import excel, facts, files, images, pdf, slides


@pytest.mark.parametrize(
    ("name", "module"),
    [("chart_png", images), ("chart_svg", images), ("excel_report", excel), ("pdf_summary", pdf),
     ("summary_lines", pdf), ("DEJAVU_FONT", pdf), ("MAX_PDF_PAGES", pdf), ("ReportData", files),
     ("report_from_files", files), ("write_reports", files), ("slide_deck", slides),
     ("data_period", facts)],
)  # fmt: skip
def test_public_names_are_re_exported(name, module):
    assert getattr(cxlib.report, name) is getattr(module, name)
    assert name in cxlib.report.__all__


def test_the_old_slides_module_still_imports():
    old = importlib.import_module("cxlib.slides")
    assert old.slide_deck is slides.slide_deck and old.data_period is facts.data_period
