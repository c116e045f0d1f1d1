"""The planted changes, computed by hand: churn rose in the last 12 months, NPS fell in the last quarter."""

import math

import pandas as pd
import pytest

from cxlib.demo import generate_demo


@pytest.fixture(scope="module")
def data():
    return generate_demo()


def churn_in(customers: pd.DataFrame, first_month_end: str) -> tuple[float, int, float]:
    """Churn rate over 12 months: churned in the window / average of the 12 month-end customer counts."""
    month_ends = pd.date_range(first_month_end, periods=12, freq="ME")
    start = month_ends[0].replace(day=1)
    signup, churn = customers["Anmeldedatum"], customers["Kündigungsdatum"]
    counts = [int(((signup <= end) & (churn.isna() | (churn > end))).sum()) for end in month_ends]
    churned = int(churn.between(start, month_ends[-1]).sum())
    average = sum(counts) / 12
    return churned / average, churned, average


def nps_in(survey: pd.DataFrame, first: str, last: str) -> tuple[float, float, float, int]:
    """NPS (points), promoter and detractor shares and the number of answers between two days."""
    scores = survey.loc[survey["Datum"].between(first, last), "Weiterempfehlung"]
    promoters, detractors = (scores >= 9).mean(), (scores <= 6).mean()
    return 100 * (promoters - detractors), promoters, detractors, len(scores)


def test_churn_is_clearly_higher_in_the_last_12_months(data):
    current, churned_now, average_now = churn_in(data.customers, "2025-10-31")
    previous, churned_before, average_before = churn_in(data.customers, "2024-10-31")
    assert 0.15 <= current <= 0.20
    assert 0.08 <= previous <= 0.13
    assert current - previous >= 0.05
    # Two-proportion z-test with the average customer counts as sample sizes (as the KPI tile does).
    pooled = (churned_now + churned_before) / (average_now + average_before)
    z = (current - previous) / math.sqrt(pooled * (1 - pooled) * (1 / average_now + 1 / average_before))
    assert z > 1.96


def test_nps_is_clearly_lower_in_the_last_quarter(data):
    now, promoters_now, detractors_now, n_now = nps_in(data.survey, "2026-07-01", "2026-09-30")
    before, promoters_before, detractors_before, n_before = nps_in(data.survey, "2026-04-01", "2026-06-30")
    assert n_now >= 500 and n_before >= 500
    assert before - now >= 10
    # Two-sample z-test on NPS: var(NPS share) = (p + d - (p - d)^2) / n per quarter.
    variance = sum(
        (p + d - (p - d) ** 2) / n
        for p, d, n in (
            (promoters_now, detractors_now, n_now),
            (promoters_before, detractors_before, n_before),
        )
    )
    z = (now - before) / 100 / math.sqrt(variance)
    assert z < -1.96


def test_delivery_got_worse_in_the_last_quarter(data):
    survey = data.survey
    last_quarter = survey["Datum"] >= "2026-07-01"
    quarter_before = survey["Datum"].between("2026-04-01", "2026-06-30")
    assert (
        survey.loc[quarter_before, "Lieferung"].mean() - survey.loc[last_quarter, "Lieferung"].mean() >= 0.25
    )
    assert (
        abs(survey.loc[quarter_before, "Website"].mean() - survey.loc[last_quarter, "Website"].mean()) < 0.15
    )


def test_responses_spread_over_two_years_at_about_one_per_customer(data):
    survey = data.survey
    quarters = survey["Datum"].dt.to_period("Q").value_counts().sort_index()
    assert quarters.index.equals(pd.period_range("2024Q4", "2026Q3", freq="Q"))
    assert (quarters >= 300).all()
    assert 1.0 <= len(survey) / len(data.customers) <= 1.3
