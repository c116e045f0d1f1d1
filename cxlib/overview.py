"""The Overview page's charts for a selection of customers and survey answers.

Brings the metrics and the KPI chart builders together so the page only renders: NPS distribution,
NPS trend by month, churn trend by month and the CLV distribution. A chart the data cannot support is
left out of the result (its reason is in the KPI tiles' help texts).
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from cxlib.charts.kpis import (
    churn_trend_chart,
    clv_distribution_chart,
    nps_distribution_chart,
    nps_trend_chart,
)
from cxlib.churn import churn_rate, churn_reference_date, monthly_churn
from cxlib.clv import customer_lifetime_value
from cxlib.kpis import KpiSettings
from cxlib.nps import nps_by_month, nps_distribution, survey_responses
from cxlib.tables import without_attrs


def overview_charts(
    customers: pd.DataFrame | None,
    survey: pd.DataFrame | None,
    *,
    settings: KpiSettings | None = None,
    lang: str = "en",
) -> dict[str, alt.TopLevelMixin]:
    """Charts keyed ``nps_distribution``, ``nps_trend``, ``churn_trend``, ``clv_distribution`` (if possible).

    Examples
    --------
    >>> survey = pd.DataFrame({"recommend": [10.0, 9.0, 3.0],
    ...                        "response_date": pd.to_datetime(["2026-01-05", "2026-02-03", "2026-02-20"])})
    >>> sorted(overview_charts(None, survey))
    ['nps_distribution', 'nps_trend']
    """
    settings = settings or KpiSettings()
    customers, survey = without_attrs(customers), without_attrs(survey)  # not read here; costly to copy
    charts: dict[str, alt.TopLevelMixin] = {}
    if survey is not None and "recommend" in survey and survey["recommend"].notna().any():
        responses = survey_responses(survey)
        charts["nps_distribution"] = nps_distribution_chart(
            nps_distribution(responses["recommend"]), lang=lang
        )
        by_month = nps_by_month(responses)
        if len(by_month) >= 2:
            charts["nps_trend"] = nps_trend_chart(by_month, lang=lang)
    if customers is None or customers.empty:
        return charts
    as_of = settings.as_of or churn_reference_date(customers, survey, months=settings.churn_period_months)
    monthly = monthly_churn(customers, as_of=as_of)
    if not monthly.empty and monthly["rate"].notna().any():
        charts["churn_trend"] = churn_trend_chart(monthly, lang=lang)
    churn = churn_rate(customers, as_of=as_of, months=settings.churn_period_months)
    if churn.retention is not None:
        clv = customer_lifetime_value(customers, retention=churn.retention, settings=settings.clv)
        if clv.mean is not None:
            charts["clv_distribution"] = clv_distribution_chart(clv, lang=lang, currency=settings.currency)
    return charts
