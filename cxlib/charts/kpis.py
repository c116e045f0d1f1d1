"""Charts of the KPIs: NPS distribution and trend, monthly churn, CLV distribution.

Every builder takes an aggregate (a few rows per score, month or value range), so a chart never carries
more than :data:`MAX_ROWS` rows. Colours follow the Okabe–Ito palette (readable with the common colour
vision deficiencies) in strong tones that survive a projector; numbers in tooltips are preformatted for
the reader's language.
"""

from __future__ import annotations

from itertools import pairwise

import altair as alt
import numpy as np
import pandas as pd

from cxlib.clv import ClvResult
from cxlib.i18n import CURRENCY_SYMBOLS, check_currency, format_money, format_number, format_percent, t
from cxlib.nps import GROUPS

__all__ = [
    "GROUP_COLOURS",
    "MAX_ROWS",
    "churn_trend_chart",
    "clv_distribution_chart",
    "nps_distribution_chart",
    "nps_trend_chart",
]

MAX_ROWS = 5000
#: Detractor vermillion, passive grey, promoter bluish green (Okabe–Ito).
GROUP_COLOURS = {"detractor": "#D55E00", "passive": "#8C8C8C", "promoter": "#009E73"}
LINE_COLOUR = "#0B4F8A"
BAND_COLOUR = "#56B4E9"
BAR_COLOUR = "#0072B2"


def _check_input(data: pd.DataFrame | pd.Series, columns: tuple[str, ...], lang: str) -> None:
    """ValueError for an unknown language, an incomplete or non-aggregated table, or non-numeric values.

    A DataFrame is an aggregate drawn row by row, so it may have at most :data:`MAX_ROWS` rows; a Series
    holds raw values that are binned before drawing.
    """
    if lang not in ("en", "de"):
        raise ValueError(f'lang must be "en" or "de", got {lang!r}')
    if isinstance(data, pd.Series):
        if not pd.api.types.is_numeric_dtype(data):
            raise ValueError(f"expected numeric values, got dtype {data.dtype}")
        return
    if not isinstance(data, pd.DataFrame):
        raise ValueError(f"expected a DataFrame, got {type(data).__name__}")
    missing = [column for column in columns if column not in data.columns]
    if missing:
        raise ValueError(f"the table lacks the columns {missing}")
    if len(data) > MAX_ROWS:
        raise ValueError(
            f"{len(data)} rows is too many marks for a chart (at most {MAX_ROWS}); aggregate first"
        )


def _title(key: str, lang: str, subtitle: str) -> alt.TitleParams:
    return alt.TitleParams(text=t(key, lang), subtitle=subtitle, anchor="start")


def _number_axis(title: str | None, lang: str, *, percent: bool = False) -> alt.Axis:
    """An axis whose labels use the reader's separators (German "1.234" and "2,5 %")."""
    number_format = ".1~%" if percent else ",.0f"
    if lang != "de":
        return alt.Axis(title=title, format=number_format)
    german = (
        "replace(replace(format(datum.value, '.1~%'), '.', ','), '%', ' %')"
        if percent
        else "replace(format(datum.value, ',.0f'), ',', '.')"
    )
    return alt.Axis(title=title, format=number_format, labelExpr=german)


def _month_axis(title: str, lang: str) -> alt.Axis:
    return alt.Axis(title=title, format="%m.%Y" if lang == "de" else "%b %Y", labelAngle=0)


def _month_text(months: pd.Series, lang: str) -> list[str]:
    return [value.strftime("%m.%Y") if lang == "de" else value.strftime("%Y-%m") for value in months]


def nps_distribution_chart(distribution: pd.DataFrame, *, lang: str = "en") -> alt.Chart:
    """Bars of the answers per score 0–10, coloured by group (detractor, passive, promoter).

    Parameters
    ----------
    distribution : DataFrame
        :func:`cxlib.nps.nps_distribution` (``score``, ``count``, ``group``).
    lang : {"en", "de"}

    Examples
    --------
    >>> from cxlib.nps import nps_distribution
    >>> spec = nps_distribution_chart(nps_distribution([10, 9, 8, 3]), lang="en").to_dict()
    >>> spec["mark"]["type"], len(spec["datasets"][spec["data"]["name"]])
    ('bar', 11)
    """
    _check_input(distribution, ("score", "count", "group"), lang)
    labels = {group: t(f"kpi.group.{group}", lang) for group in GROUPS}
    data = pd.DataFrame(
        {
            "score": distribution["score"].astype(int),
            "count": distribution["count"].astype(int),
            "group": distribution["group"].map(labels),
            "count_text": [format_number(value, lang) for value in distribution["count"]],
        }
    )
    total = int(data["count"].sum())
    subtitle = t("kpi.chart.nps_distribution.subtitle", lang, n=format_number(total, lang))
    colour_scale = alt.Scale(domain=[labels[g] for g in GROUPS], range=[GROUP_COLOURS[g] for g in GROUPS])
    return (
        alt.Chart(data, title=_title("kpi.chart.nps_distribution.title", lang, subtitle))
        .mark_bar()
        .encode(
            x=alt.X("score:O", title=t("kpi.axis.score", lang), axis=alt.Axis(labelAngle=0)),
            y=alt.Y("count:Q", axis=_number_axis(t("kpi.axis.answers", lang), lang)),
            color=alt.Color(
                "group:N",
                scale=colour_scale,
                legend=alt.Legend(title=t("kpi.axis.group", lang), orient="bottom"),
            ),
            tooltip=[
                alt.Tooltip("score:O", title=t("kpi.axis.score", lang)),
                alt.Tooltip("count_text:N", title=t("kpi.axis.answers", lang)),
                alt.Tooltip("group:N", title=t("kpi.axis.group", lang)),
            ],
        )
    )


def nps_trend_chart(by_month: pd.DataFrame, *, lang: str = "en") -> alt.LayerChart:
    """NPS per month as a line over its 95% interval band, on an axis zoomed to the data.

    The axis spans the intervals shown (:func:`nps_domain`), not −100…100, so a drop of ten points is
    visible; a dashed line marks the NPS of all months shown and a solid one zero when it is in range.

    Parameters
    ----------
    by_month : DataFrame
        :func:`cxlib.nps.nps_by_month` (``month``, ``score``, ``low``, ``high``, ``n``).
    lang : {"en", "de"}

    Examples
    --------
    >>> from cxlib.nps import nps_by_month
    >>> survey = pd.DataFrame({"response_date": pd.to_datetime(["2026-01-05", "2026-02-02"]),
    ...                        "recommend": [10.0, 3.0]})
    >>> spec = nps_trend_chart(nps_by_month(survey), lang="de").to_dict()
    >>> [layer["mark"]["type"] for layer in spec["layer"]]
    ['area', 'line', 'rule', 'rule', 'text']
    """
    _check_input(by_month, ("month", "score", "low", "high", "n"), lang)
    data = pd.DataFrame(
        {
            "month": pd.to_datetime(by_month["month"]),
            "score": by_month["score"].astype(float),
            "low": by_month["low"].astype(float),
            "high": by_month["high"].astype(float),
            "month_text": _month_text(pd.to_datetime(by_month["month"]), lang),
            "score_text": [format_number(value, lang, decimals=1) for value in by_month["score"]],
            "interval_text": [
                f"{format_number(low, lang, decimals=1)} … {format_number(high, lang, decimals=1)}"
                for low, high in zip(by_month["low"], by_month["high"], strict=True)
            ],
            "n_text": [format_number(value, lang) for value in by_month["n"]],
        }
    )
    subtitle = t("kpi.chart.nps_trend.subtitle", lang) if len(data) else t("kpi.chart.no_data", lang)
    tooltip = [
        alt.Tooltip("month_text:N", title=t("kpi.axis.month", lang)),
        alt.Tooltip("score_text:N", title=t("kpi.axis.nps", lang)),
        alt.Tooltip("interval_text:N", title=t("kpi.axis.interval", lang)),
        alt.Tooltip("n_text:N", title=t("kpi.axis.answers", lang)),
    ]
    x = alt.X("month:T", axis=_month_axis(t("kpi.axis.month", lang), lang))
    y_scale = alt.Scale(domain=nps_domain(data["low"], data["high"]), zero=False, nice=False)
    base = alt.Chart(data)
    band = base.mark_area(color=BAND_COLOUR, opacity=0.35).encode(
        x=x,
        y=alt.Y("low:Q", title=t("kpi.axis.nps", lang), scale=y_scale, axis=_number_axis(None, lang)),
        y2=alt.Y2("high:Q"),
        tooltip=tooltip,
    )
    line = base.mark_line(
        color=LINE_COLOUR, strokeWidth=3, point=alt.OverlayMarkDef(color=LINE_COLOUR, size=60)
    )
    line = line.encode(x=x, y=alt.Y("score:Q", title=t("kpi.axis.nps", lang), scale=y_scale), tooltip=tooltip)
    layers = [band, line, *_nps_references(data, by_month["n"], y_scale, lang)]
    return alt.layer(*layers, title=_title("kpi.chart.nps_trend.title", lang, subtitle))


def nps_domain(low: pd.Series, high: pd.Series) -> list[float]:
    """The NPS axis zoomed to the intervals shown (a margin of a tenth, at least 5 points), within ±100.

    Examples
    --------
    >>> nps_domain(pd.Series([10.0, 20.0]), pd.Series([30.0, 40.0]))
    [5.0, 45.0]
    >>> nps_domain(pd.Series([-99.0]), pd.Series([100.0]))
    [-100.0, 100.0]
    >>> nps_domain(pd.Series([], dtype=float), pd.Series([], dtype=float))
    [-100.0, 100.0]
    """
    values = pd.concat([low, high]).astype(float)
    values = values[np.isfinite(values)]
    if values.empty:
        return [-100.0, 100.0]
    lo, hi = float(values.min()), float(values.max())
    margin = max(5.0, (hi - lo) / 10)
    return [round(max(-100.0, lo - margin), 1), round(min(100.0, hi + margin), 1)]


def _nps_references(data: pd.DataFrame, n: pd.Series, scale: alt.Scale, lang: str) -> list[alt.Chart]:
    """The reference lines of the NPS trend: the NPS of all months shown (dashed, labelled) and, when
    the zoomed axis includes it, the zero line (as many promoters as detractors)."""
    if data.empty:
        return []
    weights = n.astype(float).to_numpy()
    overall = float(np.average(data["score"].to_numpy(), weights=weights)) if weights.sum() > 0 else np.nan
    references = []
    domain = scale.to_dict()["domain"]
    if domain[0] <= 0 <= domain[1]:
        zero = pd.DataFrame({"value": [0.0]})
        rule = alt.Chart(zero).mark_rule(color="#444444", strokeWidth=1.5)
        references.append(rule.encode(y=alt.Y("value:Q", scale=scale)))
    if np.isfinite(overall):
        text = t("charts.nps.overall", lang, value=format_number(overall, lang, signed=True))
        mean = pd.DataFrame({"value": [overall], "text": [text]})
        rule = alt.Chart(mean).mark_rule(color=LINE_COLOUR, strokeDash=[6, 4], opacity=0.7)
        label = alt.Chart(mean).mark_text(align="left", dx=4, dy=-8, color=LINE_COLOUR, x=0)
        references += [
            rule.encode(y=alt.Y("value:Q", scale=scale)),
            label.encode(y=alt.Y("value:Q", scale=scale), text=alt.Text("text:N")),
        ]
    return references


def churn_trend_chart(monthly: pd.DataFrame, *, lang: str = "en") -> alt.Chart:
    """Monthly churn rate (customers who left / customers at the start of the month) as a line.

    Parameters
    ----------
    monthly : DataFrame
        :func:`cxlib.churn.monthly_churn` (``month``, ``churned``, ``customers_at_month_start``, ``rate``).
    lang : {"en", "de"}

    Examples
    --------
    >>> from cxlib.churn import monthly_churn
    >>> customers = pd.DataFrame({"signup_date": pd.to_datetime(["2025-01-01", "2025-01-01"]),
    ...                           "churn_date": pd.to_datetime(["2025-06-10", None])})
    >>> spec = churn_trend_chart(monthly_churn(customers, months=6), lang="en").to_dict()
    >>> spec["mark"]["type"], spec["encoding"]["y"]["field"]
    ('line', 'rate')
    """
    _check_input(monthly, ("month", "churned", "customers_at_month_start", "rate"), lang)
    data = pd.DataFrame(
        {
            "month": pd.to_datetime(monthly["month"]),
            "rate": monthly["rate"].astype(float),
            "month_text": _month_text(pd.to_datetime(monthly["month"]), lang),
            "rate_text": [format_percent(value, lang) for value in monthly["rate"].astype(float)],
            "churned_text": [format_number(value, lang) for value in monthly["churned"]],
            "start_text": [format_number(value, lang) for value in monthly["customers_at_month_start"]],
        }
    )
    subtitle = t("kpi.chart.churn_trend.subtitle", lang) if len(data) else t("kpi.chart.no_data", lang)
    return (
        alt.Chart(data, title=_title("kpi.chart.churn_trend.title", lang, subtitle))
        .mark_line(color=LINE_COLOUR, strokeWidth=3, point=alt.OverlayMarkDef(color=LINE_COLOUR, size=60))
        .encode(
            x=alt.X("month:T", axis=_month_axis(t("kpi.axis.month", lang), lang)),
            y=alt.Y(
                "rate:Q",
                axis=_number_axis(t("kpi.axis.monthly_churn", lang), lang, percent=True),
                scale=alt.Scale(zero=True),
            ),
            tooltip=[
                alt.Tooltip("month_text:N", title=t("kpi.axis.month", lang)),
                alt.Tooltip("rate_text:N", title=t("kpi.axis.monthly_churn", lang)),
                alt.Tooltip("churned_text:N", title=t("kpi.axis.churned", lang)),
                alt.Tooltip("start_text:N", title=t("kpi.axis.customers_start", lang)),
            ],
        )
    )


def clv_distribution_chart(
    clv: ClvResult | pd.Series, *, lang: str = "en", bins: int = 30, currency: str = "EUR"
) -> alt.Chart:
    """Histogram of CLV per customer, binned in pandas so the chart has at most ``bins`` bars.

    Parameters
    ----------
    clv : ClvResult or Series
        :func:`cxlib.clv.customer_lifetime_value` or its ``per_customer`` values (NaN ignored).
    lang : {"en", "de"}
    bins : int, default 30
        Number of equal-width value ranges (1–200).
    currency : str, default "EUR"
        ISO code written on the axis and in the tooltips (the values are not converted).

    Examples
    --------
    >>> values = pd.Series([100.0, 120.0, 250.0, 900.0])
    >>> spec = clv_distribution_chart(values, lang="en", bins=4).to_dict()
    >>> spec["mark"]["type"], [row["count"] for row in spec["datasets"][spec["data"]["name"]]]
    ('bar', [3, 0, 0, 1])
    """
    values = clv.per_customer if isinstance(clv, ClvResult) else clv
    if not isinstance(values, pd.Series):
        raise ValueError(f"expected a ClvResult or a Series, got {type(clv).__name__}")
    if isinstance(bins, bool) or not isinstance(bins, int) or not 1 <= bins <= 200:
        raise ValueError(f"bins must be a whole number from 1 to 200, got {bins!r}")
    _check_input(values, (), lang)
    currency = check_currency(currency)
    finite = values.astype(float)
    finite = finite[np.isfinite(finite)]
    counts, edges = np.histogram(finite, bins=bins) if len(finite) else (np.zeros(0, int), np.zeros(1))
    data = pd.DataFrame(
        {
            "start": edges[:-1],
            "end": edges[1:],
            "count": counts.astype(int),
            "range_text": [
                " … ".join(format_money(edge, lang, currency=currency) for edge in pair)
                for pair in pairwise(edges)
            ],
            "count_text": [format_number(value, lang) for value in counts],
        }
    )
    subtitle = (
        t("kpi.chart.clv_distribution.subtitle", lang, n=format_number(len(finite), lang), bins=len(data))
        if len(finite)
        else t("kpi.chart.no_data", lang)
    )
    symbol = CURRENCY_SYMBOLS.get(currency, currency)
    money_title = t("charts.money_axis", lang, title=t("kpi.axis.clv", lang), symbol=symbol)
    return (
        alt.Chart(data, title=_title("kpi.chart.clv_distribution.title", lang, subtitle))
        .mark_bar(color=BAR_COLOUR, binSpacing=1)
        .encode(
            x=alt.X("start:Q", bin="binned", axis=_number_axis(money_title, lang)),
            x2=alt.X2("end:Q"),
            y=alt.Y("count:Q", axis=_number_axis(t("kpi.axis.customers", lang), lang)),
            tooltip=[
                alt.Tooltip("range_text:N", title=money_title),
                alt.Tooltip("count_text:N", title=t("kpi.axis.customers", lang)),
            ],
        )
    )
