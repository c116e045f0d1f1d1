from datetime import date, timedelta

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from cxlib.churn import churn_rate

day = st.dates(min_value=date(2020, 1, 1), max_value=date(2026, 12, 31))
row = st.tuples(st.one_of(st.none(), day), st.one_of(st.none(), day))


@settings(max_examples=150, deadline=None, derandomize=True)
@given(st.lists(row, max_size=40), st.one_of(st.none(), day))
def test_churn_is_a_share_or_none(rows, as_of):
    customers = pd.DataFrame(
        {
            "signup_date": pd.to_datetime([signup for signup, _ in rows], errors="coerce"),
            "churn_date": pd.to_datetime([churn for _, churn in rows], errors="coerce"),
        }
    )
    result = churn_rate(customers, as_of=as_of)
    if result.value is None:
        assert result.note is not None
    else:
        assert 0 <= result.value <= 1
        assert result.retention == 1 - result.value
        assert result.window[1] - result.window[0] < timedelta(days=366)
