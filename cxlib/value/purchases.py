"""From a transaction log to one row per customer: purchases, revenue, recency and the model inputs.

A **purchase** is one customer-day (all lines of a customer on one day are one purchase), as in the
BG/NBD literature. A day whose lines are all negative (returns only) is no purchase; its lines are
counted and reported. Times for the models are in **weeks** (days / 7), as published.

Per customer (index ``customer_id``):

- ``first_purchase``, ``last_purchase`` (dates), ``purchases`` (customer-days), ``revenue`` (net sum
  of the amounts), ``average_order_value`` (revenue / purchases), ``days_since_last`` (to the end of
  observation);
- the model inputs ``frequency`` (repeat purchases = purchases − 1), ``recency`` (weeks from the first
  to the last purchase), ``T`` (weeks from the first purchase to the end of observation) and
  ``monetary_value`` (average value of the *repeat* purchases, NaN without any: the definition the
  Gamma-Gamma model needs, because the first purchase often differs).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

__all__ = ["CustomerDays", "PurchaseSummary", "customer_days", "summarize_purchases"]

DAYS_PER_WEEK = 7.0


@dataclass(frozen=True)
class CustomerDays:
    """The purchases: one row per customer and day (``customer``: integer code into ``ids``,
    ``day``: datetime64[D], ``amount``: net value of the day, NaN when the log has no amounts).

    ``set_aside`` counts transaction rows not used, by reason key (``no_date``, ``no_customer``,
    ``returns_only``).
    """

    ids: np.ndarray
    customer: np.ndarray
    day: np.ndarray
    amount: np.ndarray
    rows_read: int
    set_aside: dict[str, int] = field(default_factory=dict)
    has_amounts: bool = True

    @property
    def rows_used(self) -> int:
        return self.rows_read - sum(self.set_aside.values())

    @property
    def last_day(self) -> np.datetime64 | None:
        return self.day.max() if self.day.size else None

    @property
    def first_day(self) -> np.datetime64 | None:
        return self.day.min() if self.day.size else None


def customer_days(transactions: pd.DataFrame) -> CustomerDays:
    """Aggregate transaction lines (``customer_id``, ``date``, optional ``amount``) into purchases.

    Examples
    --------
    >>> log = pd.DataFrame({"customer_id": ["a", "a", "a", "b"],
    ...                     "date": pd.to_datetime(["2024-01-01", "2024-01-01", "2024-01-08", None]),
    ...                     "amount": [10.0, 5.0, 20.0, 3.0]})
    >>> days = customer_days(log)
    >>> days.amount.tolist(), days.set_aside
    ([15.0, 20.0], {'no_date': 1})
    """
    for column in ("customer_id", "date"):
        if column not in transactions.columns:
            raise ValueError(f"transactions need a {column!r} column")
    rows_read = len(transactions)
    has_amounts = "amount" in transactions.columns and transactions["amount"].notna().any()
    ids_column = transactions["customer_id"]
    dates = pd.to_datetime(transactions["date"], errors="coerce")
    no_customer = ids_column.isna().to_numpy() | (ids_column.astype("string").str.strip() == "").fillna(True)
    no_date = dates.isna().to_numpy() & ~no_customer
    keep = ~(no_customer | no_date)
    codes, ids = pd.factorize(ids_column[keep].astype(str), sort=True)
    day = dates[keep].to_numpy().astype("datetime64[D]")
    if has_amounts:
        amount = transactions.loc[keep, "amount"].to_numpy(dtype=float, na_value=np.nan)
    else:
        amount = np.full(len(codes), np.nan)
    day_number = day.astype(np.int64)
    key = codes.astype(np.int64) * (day_number.max() - day_number.min() + 1 if len(day) else 1) + (
        day_number - (day_number.min() if len(day) else 0)
    )
    unique_key, inverse = np.unique(key, return_inverse=True)
    inverse = inverse.ravel()
    known = np.isfinite(amount)
    net = np.bincount(inverse, np.where(known, amount, 0.0), minlength=len(unique_key))
    any_known = np.bincount(inverse, known, minlength=len(unique_key)) > 0
    any_not_return = np.bincount(inverse, ~known | (amount >= 0), minlength=len(unique_key)) > 0
    first_row = np.full(len(unique_key), -1)
    first_row[inverse[::-1]] = np.arange(len(inverse))[::-1]
    lines = np.bincount(inverse, minlength=len(unique_key))
    set_aside = {}
    if no_date.sum():
        set_aside["no_date"] = int(no_date.sum())
    if no_customer.sum():
        set_aside["no_customer"] = int(no_customer.sum())
    if (~any_not_return).any():
        set_aside["returns_only"] = int(lines[~any_not_return].sum())
    purchase = any_not_return
    return CustomerDays(
        ids=np.asarray(ids, dtype=object),
        customer=codes[first_row[purchase]],
        day=day[first_row[purchase]],
        amount=np.where(any_known, net, np.nan)[purchase],
        rows_read=rows_read,
        set_aside=set_aside,
        has_amounts=bool(has_amounts),
    )


def _restrict(days: CustomerDays, end: np.datetime64) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    inside = days.day <= end
    return days.customer[inside], days.day[inside], days.amount[inside]


@dataclass(frozen=True)
class PurchaseSummary:
    """One row per customer who bought up to ``end`` (see the module docstring for the columns)."""

    customers: pd.DataFrame
    end: pd.Timestamp

    @property
    def repeat_buyers(self) -> int:
        return int((self.customers["frequency"] > 0).sum())


def summarize_purchases(
    days: CustomerDays, *, end: np.datetime64 | pd.Timestamp | None = None
) -> PurchaseSummary:
    """Per-customer summary of the purchases up to ``end`` (default: the last purchase day in the log).

    Examples
    --------
    >>> log = pd.DataFrame({"customer_id": ["a", "a", "a", "b"],
    ...                     "date": pd.to_datetime(["2024-01-01", "2024-01-15", "2024-01-29", "2024-01-29"]),
    ...                     "amount": [10.0, 20.0, 40.0, 5.0]})
    >>> summary = summarize_purchases(customer_days(log)).customers
    >>> summary[["frequency", "recency", "T", "monetary_value", "revenue"]].to_dict("index")["a"]
    {'frequency': 2, 'recency': 4.0, 'T': 4.0, 'monetary_value': 30.0, 'revenue': 70.0}
    """
    last = days.last_day
    end_day = last if end is None else np.datetime64(pd.Timestamp(end).date(), "D")
    if end_day is None:
        return PurchaseSummary(_empty_summary(), pd.NaT)
    customer, day, amount = _restrict(days, end_day)
    n = len(days.ids)
    day_number = day.astype(np.int64)
    purchases = np.bincount(customer, minlength=n)
    bought = purchases > 0
    first = np.full(n, np.iinfo(np.int64).max)
    np.minimum.at(first, customer, day_number)
    last_day = np.full(n, np.iinfo(np.int64).min)
    np.maximum.at(last_day, customer, day_number)
    known = np.isfinite(amount)
    revenue = np.bincount(customer, np.where(known, amount, 0.0), minlength=n)
    known_count = np.bincount(customer, known, minlength=n)
    is_first = day_number == first[customer]
    repeat_known = known & ~is_first
    repeat_sum = np.bincount(customer, np.where(repeat_known, amount, 0.0), minlength=n)
    repeat_count = np.bincount(customer, repeat_known, minlength=n)
    end_number = end_day.astype(np.int64)
    first, last_day, purchases = first[bought], last_day[bought], purchases[bought]
    revenue, known_count = revenue[bought], known_count[bought]
    repeat_sum, repeat_count = repeat_sum[bought], repeat_count[bought]
    with np.errstate(invalid="ignore", divide="ignore"):
        frame = pd.DataFrame(
            {
                "first_purchase": first.astype("datetime64[D]"),
                "last_purchase": last_day.astype("datetime64[D]"),
                "purchases": purchases,
                "revenue": np.where(known_count > 0, revenue, np.nan),
                "average_order_value": np.where(
                    known_count > 0, revenue / np.maximum(known_count, 1), np.nan
                ),
                "days_since_last": end_number - last_day,
                "frequency": purchases - 1,
                "recency": (last_day - first) / DAYS_PER_WEEK,
                "T": (end_number - first) / DAYS_PER_WEEK,
                "monetary_value": np.where(
                    repeat_count > 0, repeat_sum / np.maximum(repeat_count, 1), np.nan
                ),
            },
            index=pd.Index(days.ids[bought], name="customer_id", dtype="str"),
        )
    frame["first_purchase"] = frame["first_purchase"].astype("datetime64[ns]")
    frame["last_purchase"] = frame["last_purchase"].astype("datetime64[ns]")
    return PurchaseSummary(frame, pd.Timestamp(end_day))


def _empty_summary() -> pd.DataFrame:
    columns = [
        "first_purchase",
        "last_purchase",
        "purchases",
        "revenue",
        "average_order_value",
        "days_since_last",
        "frequency",
        "recency",
        "T",
        "monetary_value",
    ]
    return pd.DataFrame(columns=columns, index=pd.Index([], name="customer_id", dtype="str"))


def holdout_purchases(days: CustomerDays, *, start: np.datetime64, end: np.datetime64) -> pd.Series:
    """Purchases per customer id in (start, end] (the holdout period), for every id in the log."""
    inside = (days.day > start) & (days.day <= end)
    counts = np.bincount(days.customer[inside], minlength=len(days.ids))
    return pd.Series(counts, index=pd.Index(days.ids, name="customer_id", dtype="str"), name="holdout")
