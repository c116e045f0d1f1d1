"""The analysis as one Excel workbook: findings, key figures, personas, the persona assignment, the
journey, customer value, voices of the customer, the follow-up list and every set-aside row.

Every figure carries a number format (NPS ``0.0``, shares ``0.0%``, money ``#,##0.00 "EUR"`` in the
analysis currency, dates as dates), headers are in the reader's language, sources name files only (never
the folder an upload was kept in), and every text cell is neutralised against formula injection
(:func:`cxlib.export.neutralize_formulas`).
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from datetime import date, datetime

import pandas as pd
from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from cxlib.export import FORMULA_PREFIXES, neutralize_formulas
from cxlib.i18n import t
from cxlib.report.facts import (
    check_lang,
    currency_of,
    excel_money_format,
    finding_source,
    findings_of,
    headline_figures,
    meta_lines,
)
from cxlib.tables import ValidatedTable

__all__ = ["excel_report"]

#: Number formats by kind of figure (money is built from the currency).
FORMATS = {
    "count": "#,##0",
    "nps": "0.0",
    "share": "0.0%",
    "change": "+0.0;-0.0;0.0",
    "mean": "0.0",
    "decimal": "#,##0.00",
    "correlation": "0.00",
}
_DATE_FORMATS = {"en": "yyyy-mm-dd", "de": "dd.mm.yyyy"}
_MIN_WIDTH, _MAX_WIDTH = 8, 60


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


def _column_format(values: pd.Series, lang: str) -> str | None:
    """The number format of a column unless the caller names one: dates as dates, whole numbers grouped
    without decimals, other numbers with two decimals; text and yes/no none."""
    if pd.api.types.is_bool_dtype(values):
        return None
    if pd.api.types.is_datetime64_any_dtype(values):
        return _DATE_FORMATS[lang]
    present = values.dropna()
    if pd.api.types.is_numeric_dtype(values):
        whole = present.empty or bool((present.astype(float) % 1 == 0).all())
        return FORMATS["count"] if whole else FORMATS["decimal"]
    if len(present) and all(isinstance(value, datetime | date) for value in present.iloc[:200]):
        return _DATE_FORMATS[lang]
    return None


def _shown_width(value) -> int:
    """About how many characters a cell shows (numbers as formatted, not as long decimals)."""
    if isinstance(value, float):
        return len(f"{value:,.2f}")
    if isinstance(value, datetime | date):
        return 10
    return len(str(value))


def _write_frame(
    sheet: Worksheet,
    frame: pd.DataFrame,
    *,
    lang: str,
    start_row: int = 1,
    formats: Mapping[str, str] | None = None,
) -> int:
    """Write ``frame`` (neutralised) with a bold header at ``start_row``; returns the last row written.

    ``formats`` maps a column name to its number format; other numbers and dates get a default format.
    """
    safe = neutralize_formulas(frame)
    named = {str(name): code for name, code in (formats or {}).items()}
    codes = [named.get(str(name)) or _column_format(frame[name], lang) for name in frame.columns]
    widths = []
    for column, name in enumerate(safe.columns, start=1):
        sheet.cell(start_row, column, _safe_text(str(name))).font = Font(bold=True)
        widths.append(len(str(name)))
    for row, values in enumerate(safe.itertuples(index=False), start=start_row + 1):
        for column, value in enumerate(values, start=1):
            value = _cell(value)
            cell = sheet.cell(row, column, value)
            code = codes[column - 1]
            if code and value is not None and not isinstance(value, str | bool):
                cell.number_format = code
            if row - start_row <= 200 and value is not None:
                widths[column - 1] = max(widths[column - 1], _shown_width(value))
    for column, width in enumerate(widths, start=1):
        letter = sheet.cell(start_row, column).column_letter
        current = sheet.column_dimensions[letter].width or 0
        wanted = min(max(width, _MIN_WIDTH), _MAX_WIDTH) + 2
        sheet.column_dimensions[letter].width = max(current, wanted)
    return start_row + len(safe)


# --- the sheets' tables ----------------------------------------------------------------------------


def _findings_frame(document: dict, lang: str) -> pd.DataFrame:
    rows = findings_of(document, lang)
    return pd.DataFrame({
        t("export.col.finding", lang): [row["text"] for row in rows],
        t("export.col.value", lang): pd.array([row["value"] for row in rows], dtype="Float64"),
        t("export.col.source", lang): [finding_source(row.get("source") or "", document, lang)
                                       for row in rows],
    })  # fmt: skip


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
        t("report.col.clv_in", lang, currency=currency_of(document)): numbers("clv_mean"),
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
    """All set-aside rows in one table, the table's name first, the reason in the reader's words."""
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
    combined = pd.concat(parts, ignore_index=True).rename(columns={"reason": t("export.col.reason", lang)})
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


def _write_figures(sheet: Worksheet, rows: Sequence[tuple[str, object, str]], lang: str, money: str) -> int:
    """(label, value, kind) rows as a two-column table, each value with the format of its kind; a value
    is written as the number (or date) it is, so a negative change stays a number."""
    headers = (t("export.col.kpi", lang), t("export.col.value", lang))
    for column, name in enumerate(headers, start=1):
        sheet.cell(1, column, name).font = Font(bold=True)
    for row, (label, value, kind) in enumerate(rows, start=2):
        sheet.cell(row, 1, _safe_text(label))
        cell = sheet.cell(row, 2, _cell(value))
        code = money if kind == "money" else _DATE_FORMATS[lang] if kind == "date" else FORMATS.get(kind)
        if code and cell.value is not None:
            cell.number_format = code
    widths = [max([len(headers[0]), *(len(label) for label, _, _ in rows)]), 18]
    for letter, width in zip("AB", widths, strict=True):
        sheet.column_dimensions[letter].width = min(max(width, _MIN_WIDTH), _MAX_WIDTH) + 2
    return 1 + len(rows)


def _value_sheet(workbook: Workbook, document: dict, lang: str) -> None:
    """Customer value: the purchase and CLV figures, and the RFM segments with their revenue."""
    value = document.get("value")
    if not value:
        return
    currency = currency_of(document)
    money = excel_money_format(currency)
    clv = value.get("clv") or {}
    months = clv.get("horizon_months") or 12
    active = value.get("active") or {}

    def when(iso):
        return date.fromisoformat(iso) if iso else None

    rows = [
        (t("report.value.customers", lang), value.get("customers"), "count"),
        (t("report.value.repeat", lang), value.get("repeat_buyers"), "count"),
        (t("report.value.purchase_count", lang), value.get("purchases"), "count"),
        (t("report.value.first", lang), when(value.get("first_purchase")), "date"),
        (t("report.value.last", lang), when(value.get("last_purchase")), "date"),
        (t("report.value.revenue_total", lang), value.get("revenue"), "money"),
        (t("report.value.clv_mean", lang, months=months), clv.get("mean"), "money"),
        (t("report.value.clv_total", lang, months=months), clv.get("total"), "money"),
        (t("report.value.inactive_share", lang), active.get("inactive_share"), "share"),
    ]
    sheet = workbook.create_sheet(t("report.sheet.value", lang)[:31])
    last = _write_figures(sheet, [row for row in rows if row[1] is not None], lang, money)
    segments = [(name, item) for name, item in (value.get("rfm") or {}).items() if item]
    if segments:
        revenue, clv_mean = (
            t("report.col.revenue_in", lang, currency=currency),
            t("report.col.clv_in", lang, currency=currency),
        )
        frame = pd.DataFrame({
            t("report.col.segment", lang): [t(f"value.segment.{name}", lang) for name, _ in segments],
            t("value.col.customers", lang): pd.array([item.get("count") for _, item in segments],
                                                     dtype="Int64"),
            revenue: pd.array([item.get("revenue") for _, item in segments], dtype="Float64"),
            clv_mean: pd.array([item.get("clv_mean") for _, item in segments], dtype="Float64"),
        })  # fmt: skip
        _write_frame(sheet, frame, lang=lang, start_row=last + 3, formats={revenue: money, clv_mean: money})


def _voices_sheet(workbook: Workbook, document: dict, lang: str) -> None:
    """Voices of the customer: comment count, follow-up count and mean tone; the themes with their share."""
    voices = document.get("voices")
    if not voices:
        return
    rows = [
        (t("report.voices.comment_count", lang), (voices.get("comments") or {}).get("count"), "count"),
        (t("report.voices.follow_up_count", lang), (voices.get("follow_up") or {}).get("count"), "count"),
        (t("report.voices.mean_tone", lang), (voices.get("sentiment") or {}).get("mean"), "correlation"),
    ]
    sheet = workbook.create_sheet(t("report.sheet.voices", lang)[:31])
    last = _write_figures(sheet, [row for row in rows if row[1] is not None], lang, FORMATS["decimal"])
    themes = voices.get("themes") or []
    if themes:
        share, recommend, tone = (t("report.col.share", lang), t("report.col.recommend", lang),
                                  t("report.col.sentiment", lang))  # fmt: skip
        frame = pd.DataFrame({
            t("report.col.theme", lang): [theme.get("label") for theme in themes],
            t("report.col.comments", lang): pd.array([theme.get("n") for theme in themes], dtype="Int64"),
            share: pd.array([theme.get("share") for theme in themes], dtype="Float64"),
            recommend: pd.array([theme.get("mean_recommend") for theme in themes], dtype="Float64"),
            tone: pd.array([theme.get("sentiment") for theme in themes], dtype="Float64"),
        })  # fmt: skip
        formats = {share: FORMATS["share"], recommend: FORMATS["mean"], tone: FORMATS["correlation"]}
        _write_frame(sheet, frame, lang=lang, start_row=last + 3, formats=formats)


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


def excel_report(
    document: dict,
    *,
    tables: Mapping[str, ValidatedTable] | None = None,
    assignment: pd.DataFrame | None = None,
    lang: str = "en",
    follow_up: pd.DataFrame | None = None,
    made_on: date | None = None,
    filters: Sequence[str] = (),
) -> bytes:
    """The whole analysis as one Excel workbook.

    Sheets: summary (when made, data period, source files, filters, findings), KPIs, personas (with a bar
    chart of their sizes), the customer-to-persona assignment, the journey table (with a bar chart of the
    touchpoint means), customer value, voices of the customer, the follow-up list and all set-aside rows
    with their reasons. Sheets without data are left out (the set-aside sheet says "none").

    Parameters
    ----------
    document : dict
        The analysis document (``analyze_files`` or ``document_from_results``); its ``findings`` are used
        when present, else computed. Money is shown in ``document["currency"]`` (default EUR).
    tables : mapping of str to ValidatedTable, optional
        The validated tables, for their set-aside rows.
    assignment : DataFrame, optional
        :func:`cxlib.personas.assignment_table` (customer, persona, original columns).
    lang : {"en", "de"}
        Language of sheet titles and headers.
    follow_up : DataFrame, optional
        :func:`cxlib.voices.follow_up.follow_up_list`: the call-back list, as its own sheet.
    made_on : date, optional
        The date printed under the title (default: today).
    filters : sequence of str
        The filters in force, as the reader should see them.

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
    >>> sheet = workbook["Kennzahlen"]
    >>> sheet["B2"].value, sheet["B3"].value, sheet["B3"].number_format
    (12, 25, '0.0')
    """
    check_lang(lang)
    if not isinstance(document, dict):
        raise ValueError(f"document must be the analysis dict, got {type(document).__name__}")
    currency = currency_of(document)
    money = excel_money_format(currency)
    workbook = Workbook()
    summary = workbook.active
    summary.title = t("export.sheet.summary", lang)[:31]
    summary["A1"] = _safe_text(t("export.title", lang))
    summary["A1"].font = Font(bold=True, size=14)
    meta = meta_lines(document, lang, made_on or date.today(), filters)
    for row, line in enumerate(meta, start=2):
        summary.cell(row, 1, _safe_text(line))
    findings_row = len(meta) + 3
    _write_frame(summary, _findings_frame(document, lang), lang=lang, start_row=findings_row,
                 formats={t("export.col.value", lang): FORMATS["mean"]})  # fmt: skip
    summary.column_dimensions["A"].width = 100

    kpis = workbook.create_sheet(t("export.sheet.kpis", lang)[:31])
    figures = headline_figures(document, lang)
    _write_figures(kpis, [(f.label, f.value, f.kind) for f in figures], lang, money)

    personas = _personas_frame(document, lang)
    if len(personas):
        sheet = workbook.create_sheet(t("export.sheet.personas", lang)[:31])
        names = list(personas.columns)
        _write_frame(sheet, personas, lang=lang, formats={
            names[1]: FORMATS["count"], names[2]: FORMATS["share"], names[3]: FORMATS["nps"],
            names[4]: FORMATS["share"], names[5]: money,
        })  # fmt: skip
        _bar_chart(
            sheet, title=t("export.chart.personas", lang), rows=len(personas), value_column=2, anchor="H2"
        )
    if assignment is not None and len(assignment):
        _write_frame(
            workbook.create_sheet(t("export.sheet.assignment", lang)[:31]), _readable(assignment, lang),
            lang=lang,
        )  # fmt: skip

    journey = _journey_frame(document, lang)
    if len(journey):
        sheet = workbook.create_sheet(t("export.sheet.journey", lang)[:31])
        names = list(journey.columns)
        _write_frame(sheet, journey, lang=lang, formats={
            names[2]: FORMATS["mean"], names[3]: FORMATS["decimal"], names[4]: FORMATS["count"],
            names[5]: FORMATS["share"], names[6]: FORMATS["correlation"],
        })  # fmt: skip
        _bar_chart(
            sheet, title=t("export.chart.journey", lang), rows=len(journey), value_column=3, anchor="I2"
        )

    _value_sheet(workbook, document, lang)
    _voices_sheet(workbook, document, lang)
    if follow_up is not None and len(follow_up):  # voices of the customer: who to call back
        from cxlib.voices.follow_up import readable_follow_up

        sheet = workbook.create_sheet(t("voices.sheet.follow_up", lang)[:31])
        _write_frame(sheet, readable_follow_up(follow_up, lang=lang), lang=lang, formats={
            t("voices.col.clv", lang): money, t("voices.col.sentiment", lang): FORMATS["correlation"],
            t("voices.col.recommend", lang): FORMATS["count"],
        })  # fmt: skip

    sheet = workbook.create_sheet(t("export.sheet.set_aside", lang)[:31])
    _write_frame(sheet, _set_aside_frame(tables or {}, lang), lang=lang)
    for worksheet in workbook.worksheets[1:]:
        worksheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
