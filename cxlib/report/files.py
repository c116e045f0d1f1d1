"""Reports from files, as the CLI's ``report`` writes them: load, run the one analysis pipeline, write
the Excel workbook (and the PDF and the slide deck, each with the journey chart)."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd

from cxlib.report.excel import excel_report
from cxlib.report.facts import check_lang
from cxlib.report.images import journey_png, persona_png
from cxlib.report.pdf import pdf_summary
from cxlib.tables import ValidatedTable

__all__ = ["ReportData", "report_from_files", "write_reports"]


@dataclass
class ReportData:
    """What the reports need, computed once from the files: the document and the results behind it."""

    document: dict
    tables: dict[str, ValidatedTable]
    assignment: pd.DataFrame | None
    journey: object | None  # cxlib.journey.JourneyResult
    follow_up: pd.DataFrame | None = None  # cxlib.voices.follow_up.follow_up_list


def report_from_files(
    files: Mapping[str, str | None],
    *,
    sheets: Mapping[str, str | None] | None = None,
    lang: str = "en",
    n_personas: int | None = None,
    choices: Mapping[str, Mapping] | None = None,
) -> ReportData:
    """Load the files and run the analysis pipeline (the same as ``analyze``) for the reports.

    ``choices`` per table: the mapping profile's and ``--role`` choices (see :func:`load_files`).
    Raises only :class:`cxlib.errors.CxError` for problems with the files.
    """
    from cxlib.analysis import AnalysisSettings, analyze_loaded, load_files
    from cxlib.personas import assignment_table

    check_lang(lang)
    loaded = load_files(files, sheets=sheets, lang=lang, choices=choices)
    analysis = analyze_loaded(loaded, settings=AnalysisSettings(n_personas=n_personas), lang=lang)
    customers = analysis.tables["customers"].data if "customers" in analysis.tables else None
    assignment = (
        assignment_table(analysis.model, customers, lang=lang) if analysis.model is not None else None
    )
    follow_up = None if analysis.voices is None else analysis.voices.follow_up
    return ReportData(analysis.document, analysis.tables, assignment, analysis.journey, follow_up)


def write_reports(
    data: ReportData,
    *,
    excel: str | os.PathLike,
    pdf: str | os.PathLike | None = None,
    pptx: str | os.PathLike | None = None,
    lang: str = "en",
    made_on: date | None = None,
    filters: Sequence[str] = (),
) -> list[Path]:
    """Write the Excel report (and the PDF summary and PowerPoint deck, each with the journey chart) to
    disk; returns the paths."""
    from cxlib.report.slides import slide_deck

    made_on = made_on or date.today()
    written = [Path(excel)]
    workbook = excel_report(data.document, tables=data.tables, assignment=data.assignment, lang=lang,
                            follow_up=data.follow_up, made_on=made_on, filters=filters)  # fmt: skip
    written[0].write_bytes(workbook)
    picture = None
    if data.journey is not None and (pdf is not None or pptx is not None):
        picture = journey_png(data.journey, lang=lang)
    shared = {"lang": lang, "journey_png": picture, "made_on": made_on, "filters": filters}
    if pdf is not None:
        personas = persona_png(data.document, lang=lang)
        Path(pdf).write_bytes(pdf_summary(data.document, persona_png=personas, **shared))
        written.append(Path(pdf))
    if pptx is not None:
        Path(pptx).write_bytes(slide_deck(data.document, **shared))
        written.append(Path(pptx))
    return written
