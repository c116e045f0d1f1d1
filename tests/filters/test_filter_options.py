from datetime import date

import pandas as pd

from cxlib.filters import filter_options


def test_sorted_values_and_date_span_over_both_tables():
    customers = pd.DataFrame(
        {
            "region": ["Süd", "Nord", "Süd", None],
            "segment": ["Premium", "Basis", "Basis", "Basis"],
            "signup_date": pd.to_datetime(["2023-05-01", "2024-01-01", None, None]),
            "churn_date": pd.to_datetime([None, "2025-06-30", None, None]),
        }
    )
    survey = pd.DataFrame({"response_date": pd.to_datetime(["2025-09-01", None])})
    assert filter_options(customers, survey) == {
        "regions": ["Nord", "Süd"],
        "segments": ["Basis", "Premium"],
        "date_range": (date(2023, 5, 1), date(2025, 9, 1)),
    }


def test_nothing_to_offer():
    assert filter_options(None, None) == {"regions": [], "segments": [], "date_range": None}
    options = filter_options(pd.DataFrame({"customer_id": ["a"]}), pd.DataFrame({"recommend": [9.0]}))
    assert options["date_range"] is None
