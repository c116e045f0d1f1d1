"""Reports to take away: an Excel workbook with every table, a one-page PDF summary, charts as PNG/SVG.

The reports are built from the analysis document (:mod:`cxlib.analysis`), so they show the numbers the
app and the CLI show. Every text cell of the workbook is neutralised against formula injection
(:func:`cxlib.export.neutralize_formulas`); sheet titles and headers are in the reader's language.
The PDF uses the DejaVu Sans TrueType font when the system has it (umlauts, "–", "→", "±"); without it,
it falls back to the core Helvetica font with the text transliterated to Latin-1.
"""

from __future__ import annotations

import io
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from cxlib.export import FORMULA_PREFIXES, neutralize_formulas
from cxlib.findings import findings_from_document
from cxlib.i18n import format_date, format_number, format_percent, t
from cxlib.tables import ValidatedTable

__all__ = [
    "DEJAVU_FONT",
    "ReportData",
    "chart_png",
    "chart_svg",
    "excel_report",
    "pdf_summary",
    "report_from_files",
    "summary_lines",
    "write_reports",
]

#: The Unicode font used for PDFs when present (Debian/Ubuntu package fonts-dejavu-core).
DEJAVU_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
#: Weakest touchpoints listed in the PDF.
PDF_TOUCHPOINTS = 3
#: Latin-1 stand-ins for the characters core PDF fonts cannot show.
_LATIN1 = str.maketrans(
    {"−": "-", "–": "-", "—": "-", "→": "->", "„": '"', "“": '"', "”": '"', "’": "'", "…": "...", "•": "·"}
)


def _check_lang(lang: str) -> None:
    """ValueError for a language the string table does not have."""
    if lang not in ("en", "de"):
        raise ValueError(f'lang must be "en" or "de", got {lang!r}')


# --- charts ------------------------------------------------------------------------------------------


def chart_png(chart, *, scale: float = 2) -> bytes:
    """An Altair chart as PNG bytes (rendered by vl-convert, no browser needed).

    Examples
    --------
    >>> import altair as alt
    >>> chart = alt.Chart(pd.DataFrame({"x": ["a", "b"], "y": [1, 2]})).mark_bar().encode(x="x", y="y")
    >>> chart_png(chart)[:8]
    b'\\x89PNG\\r\\n\\x1a\\n'
    """
    import vl_convert

    return vl_convert.vegalite_to_png(chart.to_dict(), scale=scale)


def chart_svg(chart) -> str:
    """An Altair chart as SVG text.

    Examples
    --------
    >>> import altair as alt
    >>> chart = alt.Chart(pd.DataFrame({"x": ["a", "b"], "y": [1, 2]})).mark_bar().encode(x="x", y="y")
    >>> chart_svg(chart).startswith("<svg")
    True
    """
    import vl_convert

    return vl_convert.vegalite_to_svg(chart.to_dict())


# --- Excel -------------------------------------------------------------------------------------------


def _findings(document: dict, lang: str) -> list[dict]:
    """The document's findings, or computed from it when it has none yet."""
    if document.get("findings") is not None:
        return list(document["findings"])
    return [finding.to_dict() for finding in findings_from_document(document, lang=lang)]


def _safe_text(value):
    """A single cell value that cannot start a formula."""
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA_PREFIXES) else value


def _cell(value):
    """A pandas value as something openpyxl writes (None for missing, plain Python numbers and dates)."""
    if value is None or (not isinstance(value, list | tuple) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def _write_frame(sheet: Worksheet, frame: pd.DataFrame, *, start_row: int = 1) -> int:
    """Write ``frame`` (neutralised) with a bold header at ``start_row``; returns the last row written."""
    safe = neutralize_formulas(frame)
    for column, name in enumerate(safe.columns, start=1):
        sheet.cell(start_row, column, _safe_text(str(name))).font = Font(bold=True)
    for row, values in enumerate(safe.itertuples(index=False), start=start_row + 1):
        for column, value in enumerate(values, start=1):
            sheet.cell(row, column, _cell(value))
    for column, name in enumerate(safe.columns, start=1):
        width = max([len(str(name)), *(len(str(v)) for v in safe.iloc[:200, column - 1])], default=8)
        sheet.column_dimensions[sheet.cell(start_row, column).column_letter].width = (
            min(max(width, 8), 60) + 2
        )
    return start_row + len(safe)


def _findings_frame(document: dict, lang: str) -> pd.DataFrame:
    rows = _findings(document, lang)
    return pd.DataFrame({
        t("export.col.finding", lang): [row["text"] for row in rows],
        t("export.col.value", lang): pd.array([row["value"] for row in rows], dtype="Float64"),
        t("export.col.source", lang): [row["source"] for row in rows],
    })  # fmt: skip


def _kpi_rows(document: dict, lang: str) -> list[tuple[str, float | None]]:
    """(label, value) pairs of the headline figures; shares as fractions, NPS in points."""
    kpis = document.get("kpis") or {}
    nps, churn, clv = kpis.get("nps") or {}, kpis.get("churn_rate") or {}, kpis.get("clv") or {}
    comparisons = kpis.get("comparisons") or {}
    rows: list[tuple[str, float | None]] = [(t("export.kpi.customers", lang), kpis.get("customers"))]
    rows += [(label, value) for label, value, _ in _period_nps_rows(comparisons.get("nps"), lang)]
    rows.append((t("export.kpi.nps", lang), nps.get("score")))
    if nps.get("ci95"):
        low, high = nps["ci95"]
        rows += [(t("export.kpi.nps_ci_low", lang), low), (t("export.kpi.nps_ci_high", lang), high)]
    rows += [
        (t("export.kpi.nps_answers", lang), nps.get("n")),
        (t("export.kpi.churn", lang), churn.get("value")),
        (t("export.kpi.retention", lang), kpis.get("retention")),
        (t("export.kpi.clv_mean", lang), clv.get("mean")),
        (t("export.kpi.clv_median", lang), clv.get("median")),
        (t("export.kpi.clv_total", lang), clv.get("total")),
    ]
    for key, label in (("nps", "export.kpi.nps_change"), ("churn_rate", "export.kpi.churn_change")):
        comparison = comparisons.get(key)
        if comparison and comparison.get("difference") is not None:
            scale = 1 if key == "nps" else 100
            rows.append((t(label, lang, months=comparison["months"]), comparison["difference"] * scale))
    return rows


def _period_nps_rows(comparison: dict | None, lang: str) -> list[tuple[str, float | None, bool]]:
    """The NPS of the tile's window (and the window before) as the tile shows it, labelled with its dates:
    (label, value, is_score) rows; ``is_score`` is False for the count of answers."""
    if not comparison or comparison.get("current") is None:
        return []
    months, (start, end) = comparison["months"], comparison["window"]
    rows = [
        (t("export.kpi.nps_period", lang, months=months, start=_day(start, lang), end=_day(end, lang)),
         comparison["current"], True),
        (t("export.kpi.nps_period_answers", lang, months=months), comparison.get("n"), False),
    ]  # fmt: skip
    if comparison.get("previous") is not None and comparison.get("previous_window"):
        before, until = comparison["previous_window"]
        dates = {"start": _day(before, lang), "end": _day(until, lang)}
        label = t("export.kpi.nps_previous", lang, months=months, **dates)
        rows.append((label, comparison["previous"], True))
    return rows


def _day(iso: str, lang: str) -> str:
    return format_date(date.fromisoformat(iso), lang)


def _personas_frame(document: dict, lang: str) -> pd.DataFrame:
    personas = (document.get("personas") or {}).get("personas") or []

    def numbers(key: str) -> pd.arrays.FloatingArray:
        return pd.array([p.get(key) for p in personas], dtype="Float64")

    return pd.DataFrame({
        t("export.col.persona", lang): [p.get("name") for p in personas],
        t("export.col.customers", lang): numbers("size"),
        t("export.col.share", lang): numbers("share"),
        t("export.col.nps", lang): numbers("nps"),
        t("export.col.churn", lang): numbers("churn_rate"),
        t("export.col.clv", lang): numbers("clv_mean"),
        t("export.col.description", lang): [p.get("description") for p in personas],
    })  # fmt: skip


def _journey_frame(document: dict, lang: str) -> pd.DataFrame:
    journey = document.get("journey") or {}
    rows = journey.get("touchpoints") or []
    importance = {d["touchpoint"]: d.get("importance") for d in journey.get("drivers") or []}
    return pd.DataFrame({
        t("journey.col.touchpoint", lang): [r["touchpoint"] for r in rows],
        t("journey.col.phase", lang): [t(f"phase.{r.get('phase')}", lang) for r in rows],
        t("journey.col.mean", lang): pd.array([r.get("mean") for r in rows], dtype="Float64"),
        t("journey.col.native_mean", lang): pd.array([r.get("native_mean") for r in rows], dtype="Float64"),
        t("journey.col.n", lang): pd.array([r.get("n") for r in rows], dtype="Float64"),
        t("journey.col.bottom_box", lang): pd.array([r.get("bottom_box") for r in rows], dtype="Float64"),
        t("export.col.importance", lang): pd.array([importance.get(r["touchpoint"]) for r in rows],
                                                   dtype="Float64"),
    })  # fmt: skip


def _set_aside_frame(tables: Mapping[str, ValidatedTable], lang: str) -> pd.DataFrame:
    """All set-aside rows in one table, the table's name first (reasons in ``lang``)."""
    from cxlib.validation import readable_set_aside

    parts = [
        readable_set_aside(table, lang=lang)
        .astype(object)
        .assign(**{t("export.col.table", lang): t(f"table.{name}", lang)})
        for name, table in tables.items()
        if table.set_aside is not None and len(table.set_aside)
    ]
    if not parts:
        return pd.DataFrame({t("export.col.reason", lang): [t("export.nothing_set_aside", lang)]})
    combined = pd.concat(parts, ignore_index=True)
    first = t("export.col.table", lang)
    return combined[[first, *[c for c in combined.columns if c != first]]]


def _readable(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Role-key headers (``customer_id``, ``persona`` …) as the words of ``lang``; other headers unchanged."""
    from cxlib.i18n import STRINGS

    def header(name) -> str:
        if name == "persona":
            return t("export.col.persona", lang)
        return t(f"role.{name}", lang) if f"role.{name}" in STRINGS["en"] else name

    return frame.rename(columns=header)


def _bar_chart(sheet: Worksheet, *, title: str, rows: int, value_column: int, anchor: str) -> None:
    """A native Excel bar chart of column ``value_column`` against the labels in column A."""
    chart = BarChart()
    chart.type, chart.title, chart.legend = "bar", title, None
    chart.height, chart.width = max(6.0, 0.6 * rows + 2), 16.0
    chart.add_data(Reference(sheet, min_col=value_column, min_row=1, max_row=rows + 1), titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=1, min_row=2, max_row=rows + 1))
    chart.y_axis.scaling.orientation = "minMax"
    chart.x_axis.scaling.orientation = "maxMin"  # first touchpoint / persona on top
    sheet.add_chart(chart, anchor)


def _percent_format(sheet: Worksheet, column: int, rows: int) -> None:
    for row in range(2, rows + 2):
        sheet.cell(row, column).number_format = "0.0%"


def excel_report(
    document: dict,
    *,
    tables: Mapping[str, ValidatedTable] | None = None,
    assignment: pd.DataFrame | None = None,
    lang: str = "en",
    follow_up: pd.DataFrame | None = None,
) -> bytes:
    """The whole analysis as one Excel workbook.

    Sheets: summary and findings, KPIs, personas (with a bar chart of their sizes), the customer-to-
    persona assignment, the journey table (with a bar chart of the touchpoint means), and all set-aside
    rows with their reasons. Sheets without data are left out (the set-aside sheet says "none").

    Parameters
    ----------
    document : dict
        The analysis document (``analyze_files`` or ``document_from_results``); its ``findings`` are used
        when present, else computed.
    tables : mapping of str to ValidatedTable, optional
        The validated tables, for their set-aside rows.
    assignment : DataFrame, optional
        :func:`cxlib.personas.assignment_table` (customer, persona, original columns).
    lang : {"en", "de"}
        Language of sheet titles and headers.
    follow_up : DataFrame, optional
        :func:`cxlib.voices.follow_up.follow_up_list`: the call-back list, as its own sheet.

    Returns
    -------
    bytes
        The .xlsx file.

    Examples
    --------
    >>> from openpyxl import load_workbook
    >>> document = {"kpis": {"customers": 12, "nps": {"score": 25.0, "n": 4}}, "findings": []}
    >>> workbook = load_workbook(io.BytesIO(excel_report(document, lang="de")))
    >>> workbook.sheetnames
    ['Zusammenfassung', 'Kennzahlen', 'Aussortierte Zeilen']
    >>> workbook["Kennzahlen"]["B2"].value, workbook["Kennzahlen"]["B3"].value
    (12, 25)
    """
    _check_lang(lang)
    if not isinstance(document, dict):
        raise ValueError(f"document must be the analysis dict, got {type(document).__name__}")
    workbook = Workbook()
    summary = workbook.active
    summary.title = t("export.sheet.summary", lang)[:31]
    summary["A1"] = _safe_text(t("export.title", lang))
    summary["A1"].font = Font(bold=True, size=14)
    _write_frame(summary, _findings_frame(document, lang), start_row=3)
    summary.column_dimensions["A"].width = 100

    kpis = workbook.create_sheet(t("export.sheet.kpis", lang)[:31])
    rows = _kpi_rows(document, lang)
    values = pd.array([r[1] for r in rows], dtype="Float64")  # numbers only: a negative change stays a number
    _write_frame(
        kpis,
        pd.DataFrame({t("export.col.kpi", lang): [r[0] for r in rows], t("export.col.value", lang): values}),
    )
    for row, (label, _) in enumerate(rows, start=2):
        if label in (t("export.kpi.churn", lang), t("export.kpi.retention", lang)):
            kpis.cell(row, 2).number_format = "0.0%"

    personas = _personas_frame(document, lang)
    if len(personas):
        sheet = workbook.create_sheet(t("export.sheet.personas", lang)[:31])
        _write_frame(sheet, personas)
        _percent_format(sheet, 3, len(personas))
        _percent_format(sheet, 5, len(personas))
        _bar_chart(
            sheet, title=t("export.chart.personas", lang), rows=len(personas), value_column=2, anchor="H2"
        )
    if assignment is not None and len(assignment):
        _write_frame(
            workbook.create_sheet(t("export.sheet.assignment", lang)[:31]), _readable(assignment, lang)
        )

    journey = _journey_frame(document, lang)
    if len(journey):
        sheet = workbook.create_sheet(t("export.sheet.journey", lang)[:31])
        _write_frame(sheet, journey)
        _percent_format(sheet, 6, len(journey))
        _bar_chart(
            sheet, title=t("export.chart.journey", lang), rows=len(journey), value_column=3, anchor="I2"
        )

    if follow_up is not None and len(follow_up):  # voices of the customer: who to call back
        from cxlib.voices.follow_up import readable_follow_up

        sheet = workbook.create_sheet(t("voices.sheet.follow_up", lang)[:31])
        _write_frame(sheet, readable_follow_up(follow_up, lang=lang))

    sheet = workbook.create_sheet(t("export.sheet.set_aside", lang)[:31])
    _write_frame(sheet, _set_aside_frame(tables or {}, lang))
    for worksheet in workbook.worksheets[1:]:
        worksheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# --- PDF ---------------------------------------------------------------------------------------------


def summary_lines(
    document: dict, *, lang: str = "en", made_on: date | None = None, filters: Sequence[str] = ()
) -> list[tuple[str, str]]:
    """The content of the PDF report as (kind, text) pairs.

    Kinds: "title", "heading", "text", "quote", "page" (start a new page) and "picture" (the journey
    chart goes here). Page 1: title, when it was made (with ``made_on``), data period, sources, filters,
    key figures and findings; page 2: the journey; page 3: the personas with their quotes.

    Examples
    --------
    >>> document = {"kpis": {"customers": 1234, "nps": {"score": 12.4, "n": 300}}, "findings": []}
    >>> summary_lines(document, lang="de")[:4]
    [('title', 'Bericht Kundenzentrierung'), ('heading', 'Kennzahlen'), ('text', 'Kunden: 1.234'), \
('text', 'NPS (alle Antworten): +12')]
    """
    _check_lang(lang)
    lines: list[tuple[str, str]] = [("title", t("export.title", lang))]
    if made_on is not None:
        lines += [("text", line) for line in _meta_lines(document, lang, made_on, filters)]
    lines += _kpi_lines(document, lang)
    findings = _findings(document, lang)
    if findings:
        lines.append(("heading", t("export.pdf.findings", lang)))
        lines += [("text", "• " + finding["text"]) for finding in findings]
    lines += _journey_lines(document, lang)
    lines += _persona_lines(document, lang)
    return lines


def _meta_lines(document: dict, lang: str, made_on: date, filters: Sequence[str]) -> list[str]:
    from cxlib.slides import data_period

    lines = [t("slides.made_on", lang, day=format_date(made_on, lang))]
    period = data_period(document, lang)
    if period:
        lines.append(t("slides.period", lang, period=period))
    sources = [item.get("file") for item in (document.get("inputs") or {}).values() if item.get("file")]
    if sources:
        lines.append(t("slides.sources", lang, files=", ".join(sources)))
    lines.append(t("slides.filters", lang, filters=" · ".join(filters) or t("slides.no_filter", lang)))
    return lines


def _kpi_lines(document: dict, lang: str) -> list[tuple[str, str]]:
    kpis = document.get("kpis") or {}
    nps, churn, clv = kpis.get("nps") or {}, kpis.get("churn_rate") or {}, kpis.get("clv") or {}

    def signed(value: float) -> str:
        return format_number(value, lang, signed=True)

    lines = [("heading", t("export.pdf.kpis", lang))]
    comparison = (kpis.get("comparisons") or {}).get("nps")
    lines.append(("text", f"{t('export.kpi.customers', lang)}: {format_number(kpis.get('customers'), lang)}"))
    for label, value, is_score in _period_nps_rows(comparison, lang):
        lines.append(("text", f"{label}: {signed(value) if is_score else format_number(value, lang)}"))
    if comparison and comparison.get("difference") is not None:
        change = format_number(comparison["difference"], lang, decimals=1, signed=True)
        lines.append(("text", f"{t('export.kpi.nps_change', lang, months=comparison['months'])}: {change}"))
    figures = [
        ("export.kpi.nps", nps.get("score"), signed),
        ("export.kpi.churn", churn.get("value"), lambda value: format_percent(value, lang)),
        ("export.kpi.retention", kpis.get("retention"), lambda value: format_percent(value, lang)),
        ("export.kpi.clv_mean", clv.get("mean"), lambda value: format_number(value, lang)),
    ]
    lines += [
        ("text", f"{t(key, lang)}: {shown(value)}") for key, value, shown in figures if value is not None
    ]
    return lines


def _journey_lines(document: dict, lang: str) -> list[tuple[str, str]]:
    touchpoints = [
        tp for tp in (document.get("journey") or {}).get("touchpoints") or [] if tp.get("mean") is not None
    ]
    if not touchpoints:
        return []
    lines = [("page", ""), ("heading", t("slides.journey", lang)), ("picture", "journey")]
    lines.append(("heading", t("export.pdf.touchpoints", lang)))
    lines += [
        ("text", t("export.pdf.touchpoint_line", lang, touchpoint=tp["touchpoint"],
                   phase=t(f"phase.{tp.get('phase')}", lang), mean=format_number(tp["mean"], lang)))
        for tp in sorted(touchpoints, key=lambda tp: tp["mean"])[:PDF_TOUCHPOINTS]
    ]  # fmt: skip
    return lines


def _persona_lines(document: dict, lang: str) -> list[tuple[str, str]]:
    personas = (document.get("personas") or {}).get("personas") or []
    if not personas:
        return []
    lines = [("page", ""), ("heading", t("export.pdf.personas", lang))]
    for p in personas:
        nps = format_number(p.get("nps"), lang, signed=p.get("nps") is not None)
        share = format_percent(p.get("share"), lang, decimals=0)
        lines.append(("text", t("export.pdf.persona_line", lang, name=p.get("name"), share=share, nps=nps)))
        if p.get("description"):
            lines.append(("text", str(p["description"])))
        if p.get("quote"):
            lines.append(("quote", f"“{p['quote']}”" if lang == "en" else f"„{p['quote']}“"))
    return lines


_SIZES = {"title": 16.0, "heading": 11.5, "text": 9.5, "quote": 9.5}
_BOTTOM = 287.0  # mm: A4 height minus the bottom margin
MAX_PDF_PAGES = 4


def pdf_summary(
    document: dict,
    *,
    lang: str = "en",
    journey_png: bytes | None = None,
    made_on: date | None = None,
    filters: Sequence[str] = (),
    font_path: str | None = DEJAVU_FONT,
    compress: bool = True,
) -> bytes:
    """The PDF report, 1–4 A4 pages: key figures and findings (with when it was made, the data period,
    the sources and the filters), the journey with its chart, and the personas with their quotes.

    Parameters
    ----------
    document : dict
        The analysis document.
    lang : {"en", "de"}
        Language of the headings and findings.
    journey_png : bytes, optional
        The journey chart as PNG (e.g. ``chart_png(journey_curve_chart(result))``), on the journey page.
    made_on : date, optional
        The date printed under the title (default: today).
    filters : sequence of str
        The filters in force, as the reader should see them.
    font_path : str or None
        A TrueType font with the characters of both languages; ``None`` or a missing file falls back to
        Helvetica with the text transliterated to Latin-1 ("−" -> "-", "→" -> "->").
    compress : bool
        Compress the page content (off only to inspect the PDF in tests).

    Returns
    -------
    bytes
        The PDF; what would run past the fourth page is left out (it is all in the Excel report).

    Examples
    --------
    >>> pdf = pdf_summary({"kpis": {"customers": 10}}, lang="de")
    >>> pdf[:5], pdf.count(b"/Type /Page\\n")
    (b'%PDF-', 1)
    """
    from fpdf import FPDF

    _check_lang(lang)
    pdf = FPDF(format="A4")
    pdf.set_compression(compress)
    pdf.set_auto_page_break(False)
    pdf.set_margins(15, 12, 15)
    unicode_font = font_path is not None and os.path.exists(font_path)
    if unicode_font:
        pdf.add_font("body", "", font_path)
        bold = font_path.replace(".ttf", "-Bold.ttf")
        pdf.add_font("body", "B", bold if os.path.exists(bold) else font_path)
        family = "body"
    else:
        family = "Helvetica"
    pdf.set_title(t("export.title", lang) if unicode_font else t("export.title", lang).translate(_LATIN1))
    pdf.add_page()
    for kind, text in summary_lines(document, lang=lang, made_on=made_on or date.today(), filters=filters):
        if kind == "page" or (kind == "picture" and journey_png is not None and not _fits(pdf, 80)):
            if pdf.page_no() >= MAX_PDF_PAGES:
                break
            pdf.add_page()
            continue
        if kind == "picture":
            if journey_png is not None:
                _place_picture(pdf, journey_png)
            continue
        if not unicode_font:
            text = text.translate(_LATIN1).encode("latin-1", "replace").decode("latin-1")
        size = _SIZES[kind]
        pdf.set_font(family, "B" if kind in ("title", "heading") else "", size)
        height = size * 0.5
        needed = len(pdf.multi_cell(0, height, text, dry_run=True, output="LINES")) * height
        if not _fits(pdf, needed + (2 if kind == "heading" else 0)):
            if pdf.page_no() >= MAX_PDF_PAGES:
                break  # at most four pages: the rest is in the Excel report
            pdf.add_page()
        if kind == "heading":
            pdf.ln(2)
        pdf.multi_cell(0, height, text, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def _fits(pdf, height: float) -> bool:
    return pdf.get_y() + height <= _BOTTOM


def _place_picture(pdf, png: bytes) -> bool:
    """The chart at text width, at most 80 mm high, if it fits on the page; True once handled."""
    pixels_wide, pixels_high = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    width = pdf.w - pdf.l_margin - pdf.r_margin
    height = width * pixels_high / max(pixels_wide, 1)
    if height > 80:
        width, height = width * 80 / height, 80.0
    if pdf.get_y() + height + 4 > _BOTTOM:
        return True
    pdf.ln(2)
    pdf.image(io.BytesIO(png), x=pdf.l_margin, y=pdf.get_y(), w=width, h=height)
    pdf.set_y(pdf.get_y() + height + 2)
    return True


# --- scheduled reports from files ------------------------------------------------------------------


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

    _check_lang(lang)
    loaded = load_files(files, sheets=sheets, lang=lang, choices=choices)
    analysis = analyze_loaded(loaded, settings=AnalysisSettings(n_personas=n_personas), lang=lang)
    customers = analysis.tables["customers"].data if "customers" in analysis.tables else None
    assignment = assignment_table(analysis.model, customers) if analysis.model is not None else None
    follow_up = None if analysis.voices is None else analysis.voices.follow_up
    return ReportData(analysis.document, analysis.tables, assignment, analysis.journey, follow_up)


def write_reports(
    data: ReportData,
    *,
    excel: str | os.PathLike,
    pdf: str | os.PathLike | None = None,
    pptx: str | os.PathLike | None = None,
    lang: str = "en",
) -> list[Path]:
    """Write the Excel report (and the PDF summary and PowerPoint deck, each with the journey chart) to
    disk; returns the paths."""
    from cxlib.slides import slide_deck

    written = [Path(excel)]
    written[0].write_bytes(
        excel_report(
            data.document, tables=data.tables, assignment=data.assignment, lang=lang, follow_up=data.follow_up
        )
    )
    picture = None
    if data.journey is not None and (pdf is not None or pptx is not None):
        from cxlib.charts.journey import journey_curve_chart

        picture = chart_png(journey_curve_chart(data.journey, lang=lang))
    if pdf is not None:
        Path(pdf).write_bytes(pdf_summary(data.document, lang=lang, journey_png=picture))
        written.append(Path(pdf))
    if pptx is not None:
        Path(pptx).write_bytes(slide_deck(data.document, lang=lang, journey_png=picture))
        written.append(Path(pptx))
    return written
