from datetime import date

import pandas as pd

from cxlib.churn import churn_rate, monthly_churn


def test_monthly_counts_by_hand():
    customers = pd.DataFrame(
        {
            "signup_date": pd.to_datetime(["2025-01-01", "2025-01-01", "2025-01-01", "2025-02-10"]),
            "churn_date": pd.to_datetime(["2025-02-28", "2025-03-05", None, None]),
        }
    )
    table = monthly_churn(customers, as_of=date(2025, 3, 31), months=3)
    assert table["month"].tolist() == [pd.Timestamp(f"2025-0{m}-01") for m in (1, 2, 3)]
    assert table["churned"].tolist() == [0, 1, 1]
    assert table["customers_at_month_start"].tolist() == [0, 3, 3]
    assert table["customers_at_month_end"].tolist() == [3, 3, 2]
    assert pd.isna(table["rate"].iloc[0])
    assert table["rate"].iloc[1:].tolist() == [1 / 3, 1 / 3]


def test_twelve_months_add_up_to_the_rolling_numerator():
    signups = pd.to_datetime(["2023-05-01"] * 6 + ["2024-09-09", "2025-02-02"])
    churns = pd.to_datetime(["2024-01-15", "2024-07-31", "2024-12-01", "2025-04-30", None, None, None, None])
    customers = pd.DataFrame({"signup_date": signups, "churn_date": churns})
    table = monthly_churn(customers, as_of=date(2025, 5, 20), months=12)
    assert len(table) == 12
    assert table["churned"].sum() == churn_rate(customers, as_of=date(2025, 5, 20)).churned == 3
    assert (
        table["customers_at_month_end"].mean()
        == churn_rate(customers, as_of=date(2025, 5, 20)).average_customers
    )


def test_without_dates_the_trend_is_empty():
    assert monthly_churn(pd.DataFrame({"churned": [True, False]})).empty
    assert monthly_churn(None).empty
