"""Per-customer purchase figures computed directly with pandas, and the app's, for the transaction tests
(tests/validation/test_order_logs.py, tests/value/test_public_transaction_logs.py): a purchase is a
customer-day, frequency is purchases - 1, recency and T are in weeks."""

from __future__ import annotations

import pandas as pd

from cxlib.intake import load_table
from cxlib.value.purchases import customer_days, summarize_purchases

COLUMNS = ["purchases", "revenue", "frequency", "recency", "T"]


def pandas_purchase_summary(customers: pd.Series, dates: pd.Series, amounts: pd.Series) -> pd.DataFrame:
    """Purchases (customer-days), revenue, frequency, recency and T (weeks) per customer, directly."""
    days = (
        pd.DataFrame({"c": customers.astype(str), "d": dates.dt.normalize(), "a": amounts.astype(float)})
        .groupby(["c", "d"], as_index=False)["a"]
        .sum()
    )
    per = days.groupby("c")
    first, last = per["d"].min(), per["d"].max()
    summary = pd.DataFrame({"purchases": per.size(), "revenue": per["a"].sum()})
    summary["frequency"] = summary["purchases"] - 1
    summary["recency"] = (last - first).dt.days / 7
    summary["T"] = (days["d"].max() - first).dt.days / 7
    return summary.rename_axis("customer_id")


def app_summary(path) -> tuple[pd.DataFrame, object]:
    """The app's per-customer figures of the log at ``path`` and its validated table."""
    table = load_table(str(path), table="transactions").validated
    summary = summarize_purchases(customer_days(table.data)).customers
    return summary[COLUMNS].sort_index(), table
