"""Transactions to customers: customer-days, returns, missing dates, weeks."""

import numpy as np
import pandas as pd
import pytest

from cxlib.value.purchases import customer_days, summarize_purchases


def _log(rows):
    frame = pd.DataFrame(rows, columns=["customer_id", "date", "amount"])
    frame["date"] = pd.to_datetime(frame["date"])
    return frame


def test_one_purchase_per_customer_day_and_repeat_average():
    log = _log([
        ("a", "2024-01-01", 10.0), ("a", "2024-01-01", 5.0), ("a", "2024-01-15", 20.0),
        ("a", "2024-01-29", 40.0), ("b", "2024-01-29", 7.0),
    ])  # fmt: skip
    summary = summarize_purchases(customer_days(log)).customers
    a = summary.loc["a"]
    assert a["purchases"] == 3 and a["frequency"] == 2
    assert a["revenue"] == 75.0 and a["average_order_value"] == 25.0
    assert a["monetary_value"] == 30.0  # repeat purchases only: (20 + 40) / 2
    assert a["recency"] == a["T"] == 4.0
    b = summary.loc["b"]
    assert b["frequency"] == 0 and np.isnan(b["monetary_value"]) and b["T"] == 0.0


def test_rows_not_used_are_counted_by_reason():
    log = _log([("a", "2024-01-01", 10.0), ("a", None, 3.0), (None, "2024-01-02", 1.0),
                ("a", "2024-01-05", -10.0), ("a", "2024-01-09", 8.0)])  # fmt: skip
    days = customer_days(log)
    assert days.set_aside == {"no_date": 1, "no_customer": 1, "returns_only": 1}
    assert days.rows_used == 2 and len(days.day) == 2


def test_calibration_end_cuts_the_history():
    log = _log([("a", "2024-01-01", 10.0), ("a", "2024-03-01", 10.0), ("b", "2024-02-15", 5.0)])
    summary = summarize_purchases(customer_days(log), end=pd.Timestamp("2024-01-31")).customers
    assert list(summary.index) == ["a"]
    assert summary.loc["a", "frequency"] == 0
    assert summary.loc["a", "T"] == pytest.approx(30 / 7)


def test_zero_padded_and_numeric_ids_stay_text():
    log = _log([("007", "2024-01-01", 1.0), ("7", "2024-01-02", 1.0)])
    summary = summarize_purchases(customer_days(log)).customers
    assert sorted(summary.index) == ["007", "7"]


def test_cdnow_calibration_summary_matches_the_published_one(cdnow_transactions, cdnow_summary):
    summary = summarize_purchases(customer_days(cdnow_transactions), end=pd.Timestamp("1997-09-30")).customers
    assert len(summary) == len(cdnow_summary) == 2357
    published = cdnow_summary.set_index(cdnow_summary["ID"].map(lambda i: f"{i:04d}"))
    joined = summary.join(published.add_suffix("_published"))
    assert (joined["frequency"] == joined["frequency_published"]).all()
    np.testing.assert_allclose(joined["recency"], joined["recency_published"], atol=0.006)
    np.testing.assert_allclose(joined["T"], joined["T_published"], atol=0.006)
