"""Charts of customer value: the RFM grid, the CLV distribution and the two model check plots.

Every builder aggregates first (25 grid cells, at most 40 bins, 8 frequency groups, one row per week),
so no chart carries per-customer rows. Colours: Okabe–Ito, as in the other chart modules.
"""

from __future__ import annotations

from itertools import pairwise

import altair as alt
import numpy as np
import pandas as pd

from cxlib.charts.formats import localized
from cxlib.i18n import CURRENCY_SYMBOLS, check_currency, format_date, format_money, format_number, t

__all__ = ["clv_histogram_chart", "cumulative_check_chart", "frequency_check_chart", "rfm_grid_chart"]

PREDICTED_COLOUR = "#0072B2"
ACTUAL_COLOUR = "#D55E00"
BAR_COLOUR = "#0072B2"
BINS = 40


def _check_lang(lang: str) -> None:
    if lang not in ("en", "de"):
        raise ValueError(f'lang must be "en" or "de", got {lang!r}')


def _money_title(key: str, lang: str, currency: str) -> str:
    symbol = CURRENCY_SYMBOLS.get(currency, currency)
    return t("charts.money_axis", lang, title=t(key, lang), symbol=symbol)


def rfm_grid_chart(
    customers: pd.DataFrame, *, value_column: str = "clv", lang: str = "en", currency: str = "EUR"
) -> alt.Chart:
    """Recency score × frequency score: one circle per cell, sized by customers, coloured by the mean of
    ``value_column`` (CLV, or revenue when there is no CLV); the tooltip names the segment.

    Examples
    --------
    >>> frame = pd.DataFrame({"r": [5, 5, 1], "f": [5, 5, 1], "segment": ["champions"] * 2 + ["lost"],
    ...                       "clv": [100.0, 50.0, 1.0]})
    >>> len(next(iter(rfm_grid_chart(frame).to_dict()["datasets"].values())))  # one row per cell
    2
    """
    _check_lang(lang)
    currency = check_currency(currency)
    for column in ("r", "f", "segment", value_column):
        if column not in customers.columns:
            raise ValueError(f"the table lacks the column {column!r}")
    grouped = customers.groupby(["r", "f"], as_index=False).agg(
        customers=("segment", "size"), segment=("segment", "first"), value=(value_column, "mean")
    )
    grouped["segment_name"] = [t(f"value.segment.{segment}", lang) for segment in grouped["segment"]]
    grouped["customers_text"] = [format_number(n, lang) for n in grouped["customers"]]
    grouped["value_text"] = [format_money(v, lang, currency=currency) for v in grouped["value"]]
    value_title = _money_title(
        "value.col.clv_mean" if value_column == "clv" else "value.col.revenue", lang, currency
    )
    chart = (
        alt.Chart(grouped[["r", "f", "customers", "value", "segment_name", "customers_text", "value_text"]])
        .mark_circle(opacity=0.85, stroke="#333333", strokeWidth=0.5)
        .encode(
            x=alt.X("r:O", title=t("value.col.r", lang), scale=alt.Scale(domain=[1, 2, 3, 4, 5])),
            y=alt.Y("f:O", title=t("value.col.f", lang), scale=alt.Scale(domain=[5, 4, 3, 2, 1])),
            size=alt.Size(
                "customers:Q", title=t("value.col.customers", lang), scale=alt.Scale(range=[40, 2400])
            ),
            color=alt.Color("value:Q", title=value_title, scale=alt.Scale(scheme="viridis")),
            tooltip=[
                alt.Tooltip("segment_name:N", title=t("value.col.segment", lang)),
                alt.Tooltip("customers_text:N", title=t("value.col.customers", lang)),
                alt.Tooltip("value_text:N", title=value_title),
            ],
        )
        .properties(title=t("value.chart.rfm_title", lang), width=560, height=380)
    )
    return localized(chart, lang)


def clv_histogram_chart(clv: pd.Series, *, lang: str = "en", currency: str = "EUR") -> alt.Chart:
    """Customers by expected CLV in at most 40 bins (the top 1 % share the last bin, so that a few very
    large values do not squeeze the rest into one bar).

    Examples
    --------
    >>> chart = clv_histogram_chart(pd.Series(np.arange(1000.0)))
    >>> chart.to_dict()["mark"]["type"]
    'bar'
    """
    _check_lang(lang)
    currency = check_currency(currency)
    values = pd.Series(clv, dtype=float).dropna().to_numpy()
    if values.size == 0:
        raise ValueError("no CLV values to draw")
    top = float(np.quantile(values, 0.99)) if values.size > 100 else float(values.max())
    low = float(min(values.min(), 0.0))
    edges = np.linspace(low, top if top > low else low + 1, BINS + 1)
    counts, _ = np.histogram(np.clip(values, low, edges[-1]), bins=edges)
    frame = pd.DataFrame({"start": edges[:-1], "end": edges[1:], "customers": counts})
    frame["range"] = [
        f"{format_money(a, lang, currency=currency)} – {format_money(b, lang, currency=currency)}"
        for a, b in pairwise(edges)
    ]
    frame["customers_text"] = [format_number(n, lang) for n in frame["customers"]]
    money_title = _money_title("value.col.clv", lang, currency)
    chart = (
        alt.Chart(frame)
        .mark_bar(color=BAR_COLOUR)
        .encode(
            x=alt.X("start:Q", bin="binned", title=money_title),
            x2=alt.X2("end:Q"),
            y=alt.Y("customers:Q", title=t("value.col.customers", lang)),
            tooltip=[
                alt.Tooltip("range:N", title=money_title),
                alt.Tooltip("customers_text:N", title=t("value.col.customers", lang)),
            ],
        )
        .properties(title=t("value.chart.clv_title", lang), width=640, height=320)
    )
    return localized(chart, lang)


def _series(frame: pd.DataFrame, x: str, lang: str) -> pd.DataFrame:
    long = frame.melt(id_vars=[x], value_vars=["predicted", "actual"], var_name="series", value_name="value")
    long["series_name"] = [t(f"value.col.{name}", lang) for name in long["series"]]
    long["value_text"] = [format_number(v, lang, decimals=2) for v in long["value"]]
    return long


def _colour(lang: str) -> alt.Color:
    names = [t("value.col.predicted", lang), t("value.col.actual", lang)]
    return alt.Color(
        "series_name:N",
        title=t("value.col.series", lang),
        scale=alt.Scale(domain=names, range=[PREDICTED_COLOUR, ACTUAL_COLOUR]),
    )


def frequency_check_chart(by_frequency: pd.DataFrame, *, lang: str = "en") -> alt.Chart:
    """Mean purchases after the split per number of repeat purchases before it (7 = 7 and more):
    predicted vs actual, the check of Fader, Hardie & Lee (2005, figure 4)."""
    _check_lang(lang)
    frame = by_frequency[["frequency", "predicted", "actual"]].copy()
    frame["group"] = [
        f"{int(f)}+" if f == frame["frequency"].max() and f >= 7 else str(int(f)) for f in frame["frequency"]
    ]
    long = _series(frame.drop(columns="frequency"), "group", lang)
    order = frame["group"].tolist()
    chart = (
        alt.Chart(long)
        .mark_line(point=True, strokeWidth=3)
        .encode(
            x=alt.X("group:O", sort=order, title=t("value.col.frequency_group", lang)),
            y=alt.Y("value:Q", title=t("value.col.purchases", lang)),
            color=_colour(lang),
            strokeDash=alt.StrokeDash("series_name:N", legend=None),
            tooltip=[
                alt.Tooltip("series_name:N", title=t("value.col.series", lang)),
                alt.Tooltip("value_text:N", title=t("value.col.purchases", lang)),
            ],
        )
        .properties(title=t("value.chart.by_frequency_title", lang), width=560, height=320)
    )
    return localized(chart, lang)


def cumulative_check_chart(
    cumulative: pd.DataFrame, calibration_end: pd.Timestamp, *, lang: str = "en"
) -> alt.Chart:
    """Cumulative repeat purchases of the calibration cohort, week by week, predicted vs actual, with a
    rule at the split (Fader, Hardie & Lee 2005, figure 2)."""
    _check_lang(lang)
    frame = cumulative[["date", "predicted", "actual"]].copy()
    long = _series(frame, "date", lang)
    long["date_text"] = [format_date(d.date(), lang) for d in long["date"]]
    lines = (
        alt.Chart(long)
        .mark_line(strokeWidth=3)
        .encode(
            x=alt.X("date:T", title=t("value.col.week", lang)),
            y=alt.Y("value:Q", title=t("value.chart.cumulative_title", lang)),
            color=_colour(lang),
            strokeDash=alt.StrokeDash("series_name:N", legend=None),
            tooltip=[
                alt.Tooltip("date_text:N", title=t("value.col.week", lang)),
                alt.Tooltip("series_name:N", title=t("value.col.series", lang)),
                alt.Tooltip("value_text:N", title=t("value.col.purchases", lang)),
            ],
        )
    )
    split = pd.DataFrame({"date": [pd.Timestamp(calibration_end)], "label": [t("value.chart.split", lang)]})
    rule = alt.Chart(split).mark_rule(color="#555555", strokeDash=[6, 4]).encode(x=alt.X("date:T"))
    text = (
        alt.Chart(split)
        .mark_text(align="left", dx=4, dy=-150, color="#555555")
        .encode(x=alt.X("date:T"), text=alt.Text("label:N"))
    )
    chart = alt.layer(  # at once: chained calls would rebuild (deep-copy) every layer each time
        lines, rule, text, title=t("value.chart.cumulative_title", lang), width=560, height=320
    )
    return localized(chart, lang)
