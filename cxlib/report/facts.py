"""What every report says the same way: the headline figures, the data period, the sources, money with
its currency, findings with a readable source, and the value and voices summaries.

The Excel workbook, the PDF and the slide deck all take their figures and words from here, so a number
has one rounding and one period in all three (and the same as the app's tiles).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import PurePath, PureWindowsPath

from cxlib.findings import findings_from_document
from cxlib.i18n import format_date, format_number, format_percent, t

#: The currency when the analysis settings name none.
DEFAULT_CURRENCY = "EUR"
#: RFM segments, themes and other lists: how many a summary names.
SUMMARY_ITEMS = 3


def check_lang(lang: str) -> None:
    """ValueError for a language the string table does not have."""
    if lang not in ("en", "de"):
        raise ValueError(f'lang must be "en" or "de", got {lang!r}')


def currency_of(document: dict) -> str:
    """The currency code of the analysis (``document["currency"]``, else its settings', else EUR).

    Examples
    --------
    >>> currency_of({}), currency_of({"currency": "CHF"}), currency_of({"settings": {"currency": "USD"}})
    ('EUR', 'CHF', 'USD')
    """
    code = document.get("currency") or (document.get("settings") or {}).get("currency")
    return str(code) if code else DEFAULT_CURRENCY


def money(value: float | None, lang: str, currency: str, *, decimals: int = 0) -> str:
    """An amount with the reader's separators and the currency code.

    Examples
    --------
    >>> money(1234.6, "de", "EUR"), money(1234.5, "en", "EUR", decimals=2), money(None, "en", "EUR")
    ('1.235 EUR', '1,234.50 EUR', '–')
    """
    if value is None:
        return "–"
    return f"{format_number(value, lang, decimals=decimals)} {currency}"


def excel_money_format(currency: str) -> str:
    """The Excel number format for amounts in ``currency`` (two decimals, thousands grouped).

    Examples
    --------
    >>> excel_money_format("EUR")
    '#,##0.00 "EUR"'
    """
    return f'#,##0.00 "{currency.replace(chr(34), "")}"'


def day(iso: str, lang: str) -> str:
    """An ISO date as the reader writes it."""
    return format_date(date.fromisoformat(iso), lang)


def file_name(path: str | None) -> str | None:
    """Only the file's name, never the folder it was read from (a temporary upload path stays private).

    Examples
    --------
    >>> file_name("/tmp/tmpab12/kunden.xlsx"), file_name("C:\\\\Users\\\\x\\\\umfrage.csv"), file_name(None)
    ('kunden.xlsx', 'umfrage.csv', None)
    """
    if not path:
        return None
    return PureWindowsPath(PurePath(str(path)).name).name


def source_files(document: dict) -> list[str]:
    """The names of the files the analysis read, in table order."""
    inputs = document.get("inputs") or {}
    return [name for item in inputs.values() if (name := file_name((item or {}).get("file")))]


def data_period(document: dict, lang: str) -> str | None:
    """The widest window the document's comparisons cover, as dates."""
    comparisons = (document.get("kpis") or {}).get("comparisons") or {}
    days = [
        date.fromisoformat(iso)
        for item in comparisons.values()
        if item
        for key in ("window", "previous_window")
        for iso in (item.get(key) or [])
    ]
    if not days:
        return None
    return f"{format_date(min(days), lang)} – {format_date(max(days), lang)}"


def meta_lines(document: dict, lang: str, made_on: date, filters: Sequence[str]) -> list[str]:
    """When it was made, the data period, the source files and the filters in force."""
    lines = [t("slides.made_on", lang, day=format_date(made_on, lang))]
    period = data_period(document, lang)
    if period:
        lines.append(t("slides.period", lang, period=period))
    sources = source_files(document)
    if sources:
        lines.append(t("slides.sources", lang, files=", ".join(sources)))
    lines.append(t("slides.filters", lang, filters=" · ".join(filters) or t("slides.no_filter", lang)))
    return lines


# --- figures ---------------------------------------------------------------------------------------


def findings_of(document: dict, lang: str) -> list[dict]:
    """The document's findings, or computed from it when it has none yet."""
    if document.get("findings") is not None:
        return list(document["findings"])
    return [finding.to_dict() for finding in findings_from_document(document, lang=lang)]


_SOURCE_TABLES = (
    ("journey", "survey", "report.area.journey"),
    ("personas", "customers", "report.area.personas"),
    ("kpis.comparisons.nps", "survey", "report.area.nps"),
    ("kpis.nps", "survey", "report.area.nps"),
    ("kpis.comparisons.churn_rate", "customers", "report.area.churn"),
    ("kpis.churn_rate", "customers", "report.area.churn"),
    ("kpis.retention", "customers", "report.area.churn"),
    ("kpis.clv", "customers", "report.area.value"),
    ("value", "transactions", "report.area.value"),
    ("voices", "survey", "report.area.voices"),
    ("inputs", None, "report.area.data"),
    ("assumptions", None, "report.area.data"),
)


def finding_source(source: str, document: dict, lang: str) -> str:
    """Where a finding comes from, in words: the part of the analysis and the file it was read from.

    Examples
    --------
    >>> document = {"inputs": {"survey": {"file": "/tmp/upload/umfrage.csv"}}}
    >>> finding_source("journey.touchpoints[Lieferung].mean", document, "de")
    'Kundenreise: Lieferung (umfrage.csv)'
    >>> finding_source("kpis.clv", {}, "en")
    'Customer value'
    """
    for prefix, table, key in _SOURCE_TABLES:
        if source == prefix or source.startswith((prefix + ".", prefix + "[")):
            area = t(key, lang)
            item = re.search(r"\[([^\]]+)\]", source)
            if item and prefix in ("journey", "personas"):
                area = f"{area}: {item.group(1)}"
            inputs = document.get("inputs") or {}
            name = file_name((inputs.get(table) or {}).get("file")) if table else None
            return f"{area} ({name})" if name else area
    return t("report.area.other", lang)


@dataclass(frozen=True)
class Figure:
    """One headline figure: its label, the number, and how it is shown (``kind``: count, nps, signed,
    share, points, percent_points, money)."""

    label: str
    value: float | int | None
    kind: str

    def text(self, lang: str, currency: str) -> str:
        """The figure as the reader sees it (German separators in German)."""
        if self.value is None:
            return "–"
        if self.kind == "share":
            return format_percent(self.value, lang)
        if self.kind == "money":
            return money(self.value, lang, currency)
        if self.kind == "nps":
            return format_number(self.value, lang, signed=True)
        if self.kind == "mean":
            return format_number(self.value, lang, decimals=2)
        if self.kind == "change":
            return format_number(self.value, lang, decimals=1, signed=True)
        return format_number(self.value, lang)


def headline_figures(document: dict, lang: str) -> list[Figure]:
    """The figures of the KPI sheet, the PDF's tiles and the key-figure slide, in that order.

    NPS change in points; churn change in percentage points; shares as fractions; CLV in the currency.
    """
    kpis = document.get("kpis") or {}
    nps, churn, clv = kpis.get("nps") or {}, kpis.get("churn_rate") or {}, kpis.get("clv") or {}
    comparisons = kpis.get("comparisons") or {}
    figures = [Figure(t("export.kpi.customers", lang), kpis.get("customers"), "count")]
    figures += period_nps_figures(comparisons.get("nps"), lang)
    figures.append(Figure(t("export.kpi.nps", lang), nps.get("score"), "nps"))
    if nps.get("ci95"):
        low, high = nps["ci95"]
        figures += [Figure(t("export.kpi.nps_ci_low", lang), low, "nps"),
                    Figure(t("export.kpi.nps_ci_high", lang), high, "nps")]  # fmt: skip
    figures += [
        Figure(t("export.kpi.nps_answers", lang), nps.get("n"), "count"),
        *satisfaction_figures(kpis.get("satisfaction"), lang),
        Figure(t("export.kpi.churn", lang), churn.get("value"), "share"),
        Figure(t("export.kpi.retention", lang), kpis.get("retention"), "share"),
        Figure(t("export.kpi.clv_mean", lang), clv.get("mean"), "money"),
        Figure(t("export.kpi.clv_median", lang), clv.get("median"), "money"),
        Figure(t("export.kpi.clv_total", lang), clv.get("total"), "money"),
    ]
    for key, label in (("nps", "export.kpi.nps_change"), ("churn_rate", "export.kpi.churn_change")):
        comparison = comparisons.get(key)
        if comparison and comparison.get("difference") is not None:
            scale = 1 if key == "nps" else 100
            figures.append(Figure(t(label, lang, months=comparison["months"]),
                                  comparison["difference"] * scale, "change"))  # fmt: skip
    return figures


def satisfaction_figures(summary: dict | None, lang: str) -> list[Figure]:
    """The overall satisfaction (mean on its scale, or share satisfied) and its number of answers."""
    if not summary:
        return []
    low, high = summary["scale"]
    if summary["statistic"] == "share":
        value = Figure(t("kpi.label.satisfaction_share", lang), summary["value"], "share")
    else:
        value = Figure(t("kpi.label.satisfaction", lang, low=low, high=high), summary["value"], "mean")
    return [value, Figure(t("export.kpi.satisfaction_answers", lang), summary["n"], "count")]


def period_nps_figures(comparison: dict | None, lang: str) -> list[Figure]:
    """The NPS of the tile's window (and of the window before) as the tile shows it, labelled with its
    dates, and the number of answers in the window."""
    if not comparison or comparison.get("current") is None:
        return []
    months, (start, end) = comparison["months"], comparison["window"]
    figures = [
        Figure(t("export.kpi.nps_period", lang, months=months, start=day(start, lang), end=day(end, lang)),
               comparison["current"], "nps"),
        Figure(t("export.kpi.nps_period_answers", lang, months=months), comparison.get("n"), "count"),
    ]  # fmt: skip
    if comparison.get("previous") is not None and comparison.get("previous_window"):
        before, until = comparison["previous_window"]
        label = t(
            "export.kpi.nps_previous", lang, months=months, start=day(before, lang), end=day(until, lang)
        )
        figures.append(Figure(label, comparison["previous"], "nps"))
    return figures


def tiles(document: dict, lang: str) -> list[Figure]:
    """The few figures the app's Overview shows as tiles: customers, the NPS of the tile's window (all
    answers when there is no window; without an NPS the mean satisfaction), churn, retention and the
    average CLV; missing ones left out."""
    kpis = document.get("kpis") or {}
    comparison = (kpis.get("comparisons") or {}).get("nps") or {}
    nps: list[Figure] = period_nps_figures(comparison, lang)[:1]
    if not nps:
        nps = [Figure(t("export.kpi.nps", lang), (kpis.get("nps") or {}).get("score"), "nps")]
    if nps[0].value is None:  # a review export: its mean rating where the app shows it (see kpis.tiles_of)
        nps = satisfaction_figures(kpis.get("satisfaction"), lang)[:1]
    wanted = {t("export.kpi.customers", lang), t("export.kpi.churn", lang), t("export.kpi.retention", lang),
              t("export.kpi.clv_mean", lang)}  # fmt: skip
    others = [figure for figure in headline_figures(document, lang) if figure.label in wanted]
    return [figure for figure in (others[:1] + nps + others[1:]) if figure.value is not None]


# --- customer value and voices of the customer --------------------------------------------------------


def value_lines(document: dict, lang: str) -> list[str]:
    """The customer value section in a few lines (empty without transactions)."""
    value = document.get("value")
    if not value:
        return []
    currency = currency_of(document)
    lines = []
    if value.get("first_purchase") and value.get("last_purchase"):
        period = f"{day(value['first_purchase'], lang)} – {day(value['last_purchase'], lang)}"
        lines.append(t("report.value.purchases", lang, purchases=format_number(value.get("purchases"), lang),
                       customers=format_number(value.get("customers"), lang), period=period))  # fmt: skip
    if value.get("revenue") is not None:
        lines.append(t("report.value.revenue", lang, amount=money(value["revenue"], lang, currency)))
    clv = value.get("clv") or {}
    if clv.get("mean") is not None:
        lines.append(t("report.value.clv", lang, months=clv.get("horizon_months") or 12,
                       mean=money(clv["mean"], lang, currency),
                       total=money(clv.get("total"), lang, currency)))  # fmt: skip
    active = value.get("active") or {}
    if active.get("inactive_share") is not None:
        lines.append(t("report.value.inactive", lang, share=format_percent(active["inactive_share"], lang)))
    segments = sorted(
        ((name, item) for name, item in (value.get("rfm") or {}).items() if item and item.get("revenue")),
        key=lambda pair: -pair[1]["revenue"],
    )[:SUMMARY_ITEMS]
    if segments:
        named = ", ".join(
            f"{t(f'value.segment.{name}', lang)} ({money(item['revenue'], lang, currency)})"
            for name, item in segments
        )
        lines.append(t("report.value.segments", lang, segments=named))
    return lines


def voices_lines(document: dict, lang: str) -> list[str]:
    """The voices-of-the-customer section in a few lines (empty without comments)."""
    voices = document.get("voices")
    if not voices:
        return []
    lines = []
    comments = (voices.get("comments") or {}).get("count")
    if comments is not None:
        lines.append(t("report.voices.comments", lang, count=format_number(comments, lang)))
    themes = (voices.get("themes") or [])[:SUMMARY_ITEMS]
    if themes:
        named = ", ".join(f"{theme['label']} ({format_percent(theme.get('share'), lang, decimals=0)})"
                          for theme in themes)  # fmt: skip
        lines.append(t("report.voices.themes", lang, themes=named))
    marking = [item for item in voices.get("detractor_themes") or [] if item.get("significant")]
    if marking:
        lines.append(t("report.voices.detractors", lang, theme=marking[0]["label"],
                       detractors=format_percent(marking[0]["detractor_share"], lang, decimals=0),
                       promoters=format_percent(marking[0]["promoter_share"], lang, decimals=0)))  # fmt: skip
    follow_up = (voices.get("follow_up") or {}).get("count")
    if follow_up is not None:
        lines.append(t("report.voices.follow_up", lang, count=format_number(follow_up, lang)))
    return lines
