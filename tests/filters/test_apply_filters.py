from datetime import date

import pandas as pd
import pytest

from cxlib.filters import Filters, apply_filters


def _customers():
    return pd.DataFrame(
        {
            "customer_id": ["a", "b", "c", "d"],
            "region": ["Nord", "Süd", "Nord", None],
            "segment": ["Premium", "Basis", "Basis", "Premium"],
            "signup_date": pd.to_datetime(["2024-01-01", "2025-06-01", None, "2024-01-01"]),
            "churn_date": pd.to_datetime([None, None, "2025-02-28", "2025-12-31"]),
        }
    )


def _survey():
    return pd.DataFrame(
        {
            "response_id": ["r1", "r2", "r3", "r4", "r5", "r6"],
            "customer_id": ["a", "b", "c", None, "zz", "d"],
            "response_date": pd.to_datetime(
                ["2025-01-10", "2025-07-01", "2025-02-01", "2025-03-03", None, "2025-12-30"]
            ),
            "recommend": [9.0, 3.0, 8.0, 10.0, 6.0, 2.0],
        }
    )


def _ids(frame, column):
    return frame[column].tolist()


def test_no_filters_keep_everything():
    customers, survey = apply_filters(_customers(), _survey(), Filters())
    assert len(customers) == 4
    assert len(survey) == 6


def test_region_filter_drops_unlinked_answers():
    customers, survey = apply_filters(_customers(), _survey(), Filters(regions=("Nord",)))
    assert _ids(customers, "customer_id") == ["a", "c"]
    assert _ids(survey, "response_id") == ["r1", "r3"]  # r4 (no customer) and r5 (unknown id) drop out


def test_region_and_segment_combine():
    customers, survey = apply_filters(
        _customers(), _survey(), Filters(regions=("Nord",), segments=("Basis",))
    )
    assert _ids(customers, "customer_id") == ["c"]
    assert _ids(survey, "response_id") == ["r3"]


def test_persona_filter_uses_persona_per_customer_id():
    persona_of = pd.Series({"a": "Ulrike", "b": "Uwe", "c": "Uwe", "d": "Ulrike"})
    customers, survey = apply_filters(
        _customers(), _survey(), Filters(personas=("Uwe",)), persona_of=persona_of
    )
    assert _ids(customers, "customer_id") == ["b", "c"]
    assert _ids(survey, "response_id") == ["r2", "r3"]


def test_period_filters_answers_by_date_and_customers_by_activity():
    period = Filters(start=date(2025, 3, 1), end=date(2025, 7, 1))
    customers, survey = apply_filters(_customers(), _survey(), period)
    # c left on 2025-02-28, before the period; b signed up within it; d was still there
    assert _ids(customers, "customer_id") == ["a", "b", "d"]
    # answers of 2025-07-01 (end inclusive) and 2025-03-03 (no customer: fine without a customer filter)
    assert _ids(survey, "response_id") == ["r2", "r4"]


def test_open_ended_period():
    customers, survey = apply_filters(_customers(), _survey(), Filters(start=date(2025, 12, 1)))
    assert _ids(customers, "customer_id") == ["a", "b", "d"]
    assert _ids(survey, "response_id") == ["r6"]
    customers, _ = apply_filters(_customers(), _survey(), Filters(end=date(2025, 1, 1)))
    assert _ids(customers, "customer_id") == ["a", "c", "d"]  # b signed up later; c has no signup date


def test_answers_follow_their_customer_and_their_own_date():
    customers, survey = apply_filters(
        _customers(), _survey(), Filters(segments=("Basis",), start=date(2025, 1, 1), end=date(2025, 3, 31))
    )
    assert _ids(customers, "customer_id") == ["c"]  # b joined only in June
    assert _ids(survey, "response_id") == ["r3"]  # b's answer is from July, outside the period


def test_missing_tables_stay_missing():
    assert apply_filters(None, None, Filters(regions=("Nord",))) == (None, None)
    customers, survey = apply_filters(None, _survey(), Filters(regions=("Nord",)))
    assert customers is None
    assert survey.empty  # no customer table: no answer can be linked to a region
    customers, survey = apply_filters(_customers(), None, Filters())
    assert survey is None


def test_undated_survey_has_nothing_in_a_period():
    _, survey = apply_filters(None, pd.DataFrame({"recommend": [9.0]}), Filters(start=date(2025, 1, 1)))
    assert survey.empty


def test_programmer_errors():
    with pytest.raises(ValueError, match="persona_of"):
        apply_filters(_customers(), None, Filters(personas=("Uwe",)))
    with pytest.raises(ValueError, match="after"):
        apply_filters(_customers(), None, Filters(start=date(2025, 2, 1), end=date(2025, 1, 1)))
    with pytest.raises(ValueError, match="segment"):
        apply_filters(_customers().drop(columns="segment"), None, Filters(segments=("Basis",)))
