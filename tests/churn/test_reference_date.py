from datetime import date

import pandas as pd

from cxlib.churn import reference_date


def test_latest_date_over_all_tables_and_date_columns():
    customers = pd.DataFrame(
        {
            "signup_date": pd.to_datetime(["2025-01-01", None]),
            "churn_date": pd.to_datetime([None, "2025-09-30"]),
        }
    )
    survey = pd.DataFrame({"response_date": pd.to_datetime(["2025-07-01"])})
    transactions = pd.DataFrame({"date": pd.to_datetime(["2025-10-02 14:30"])})
    assert reference_date(customers, survey) == date(2025, 9, 30)
    assert reference_date(customers, survey, transactions) == date(2025, 10, 2)


def test_no_dates_gives_none():
    assert reference_date() is None
    assert reference_date(None, pd.DataFrame({"response_date": pd.to_datetime([None])})) is None
    assert reference_date(pd.DataFrame({"date": ["2025-01-01"]})) is None  # text, not a date column
