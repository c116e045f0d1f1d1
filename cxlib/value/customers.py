"""The customer table from the transaction log: the buyers when there is no customer table, and the
columns a customer table lacks (orders, revenue, signup date), filled from the purchases.

Filled values cover the whole purchase log (not a 12-month window); revenue, like every revenue of a
customer table, is a yearly figure: the customer's total in the log divided by the years from the first
purchase to the end of the log (at least one month), said so in its evidence. Customers without a purchase
in the log stay empty (the log may cover only some of them). Tenure is not filled as a column: it follows from
the signup date (filled by the first purchase when missing). The buyers table (no customer table) has a
tenure column (months since the first purchase), so that personas of buyers use it. The table's report
says which columns were filled, so every figure built on them says where it came from.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

import pandas as pd

from cxlib.assumptions import assumptions_of
from cxlib.clv import yearly_revenue
from cxlib.messages import Message
from cxlib.tables import ColumnMeaning, Evidence, ValidatedTable, ValidationReport
from cxlib.value.purchases import customer_days, summarize_purchases

__all__ = [
    "FILLABLE",
    "RECENCY_COLUMN",
    "RECENCY_FEATURE_KEY",
    "buyer_columns",
    "is_from_transactions",
    "needs_transaction_customers",
    "with_transaction_customers",
]

FILLABLE = ("orders", "revenue", "signup_date")
RECENCY_COLUMN = (
    "days_since_last"  # the buyers' recency trait (its words: string-table key role.days_since_last)
)
RECENCY_FEATURE_KEY = "value.col.days_since_last"  # the words for the recency trait, e.g. as a column header
DAYS_PER_MONTH = 365.25 / 12


def buyer_columns(transactions: pd.DataFrame, *, lang: str | None = None) -> pd.DataFrame:
    """One row per buyer: ``customer_id``, ``signup_date`` (first purchase), ``orders`` (purchases =
    customer-days), ``revenue``, ``tenure`` (months since the first purchase) and ``days_since_last``
    (days since the last purchase; :data:`RECENCY_COLUMN`). Language-neutral (``lang`` is ignored).

    Examples
    --------
    >>> log = pd.DataFrame({"customer_id": ["a", "a", "b"],
    ...                     "date": pd.to_datetime(["2024-01-01", "2024-03-01", "2024-03-01"]),
    ...                     "amount": [10.0, 20.0, 5.0]})
    >>> buyer_columns(log)[["customer_id", "orders", "revenue", "days_since_last"]].values.tolist()
    [['a', 2, 30.0, 0], ['b', 1, 5.0, 0]]
    """
    summary = summarize_purchases(customer_days(transactions)).customers
    return pd.DataFrame(
        {
            "customer_id": summary.index.astype(str),
            "signup_date": summary["first_purchase"].to_numpy(),
            "orders": summary["purchases"].to_numpy(),
            "revenue": summary["revenue"].to_numpy(),
            "tenure": (summary["T"].to_numpy() * 7 / DAYS_PER_MONTH).round(1),
            RECENCY_COLUMN: summary["days_since_last"].to_numpy(),
        }
    ).astype({"customer_id": "str"})


def _buyers_table(transactions: ValidatedTable) -> ValidatedTable:
    data = buyer_columns(transactions.data)
    report = ValidationReport(
        table="customers",
        file=transactions.report.file,
        sheet=transactions.report.sheet,
        rows_read=len(data),
        rows_used=len(data),
        rows_set_aside=0,
        notes=[Message("value.note.customers_from_transactions", n=len(data))],
    )
    columns = {
        column: ColumnMeaning(column, kind, role=role, evidence=[Evidence("from_transactions")])
        for column, kind, role in (
            ("customer_id", "identifier", "customer_id"),
            ("signup_date", "date", "signup_date"),
            ("orders", "count", "orders"),
            ("revenue", "money", "revenue"),
            ("tenure", "count", "tenure"),
        )
    }
    columns["revenue"].period = "lifetime"
    empty = pd.DataFrame(columns=[*data.columns, "reason"])
    return ValidatedTable("customers", data, empty, report, columns=columns)


def _missing(customers: ValidatedTable) -> list[str]:
    return [
        column
        for column in FILLABLE
        if column not in customers.data.columns or customers.data[column].isna().all()
    ]


def needs_transaction_customers(tables: Mapping[str, ValidatedTable]) -> bool:
    """True when :func:`with_transaction_customers` would change ``tables`` (cheap to ask)."""
    transactions = tables.get("transactions")
    if transactions is None or transactions.data.empty or "customer_id" not in transactions.data:
        return False
    if "date" not in transactions.data or transactions.data["date"].notna().sum() == 0:
        return False
    customers = tables.get("customers")
    return customers is None or ("customer_id" in customers.data.columns and bool(_missing(customers)))


def _filled(customers: ValidatedTable, transactions: ValidatedTable) -> ValidatedTable:
    missing = _missing(customers)
    if not missing or "customer_id" not in customers.data.columns:
        return customers
    buyers = buyer_columns(transactions.data).set_index("customer_id")
    data = customers.data.copy()
    ids = data["customer_id"].astype(str)
    for column in missing:
        data[column] = ids.map(buyers[column]).to_numpy()
    if (
        "revenue" in missing
    ):  # a yearly figure, as every revenue of a customer table: the log's total per year
        tenure = pd.Series(ids.map(buyers["tenure"]).to_numpy(dtype=float), index=data.index)
        data["revenue"] = yearly_revenue(
            data["revenue"].astype(float), period="lifetime", tenure_months=tenure
        )[0]
    if not any(data[column].notna().any() for column in missing):
        return customers
    labels = [Message(f"role.{column}") for column in missing]
    report = replace(
        customers.report,
        notes=[*customers.report.notes, Message("value.note.filled_from_transactions", columns=labels)],
    )
    columns = dict(customers.columns)
    for column in missing:
        columns[column] = ColumnMeaning(
            column, "count", role=column, evidence=[Evidence("from_transactions")]
        )
    if "revenue" in missing:
        evidence = Evidence("revenue_lifetime_per_tenure", {"period": "lifetime", "tenure": "first_purchase"})
        columns["revenue"] = ColumnMeaning(
            "revenue",
            "money",
            role="revenue",
            period="lifetime",
            evidence=[Evidence("from_transactions"), evidence],
        )
    data.attrs["assumptions"] = assumptions_of(columns)
    return replace(customers, data=data, report=report, columns=columns)


def with_transaction_customers(
    tables: Mapping[str, ValidatedTable], *, lang: str | None = None
) -> dict[str, ValidatedTable]:
    """``tables`` with a customer table built from (or completed by) the transactions, when there are any.

    Without a customer table the buyers become the customers; with one, its missing orders, revenue,
    and signup date are filled from the purchases. The report's notes say which (as language-neutral
    messages; ``lang`` is ignored).
    """
    result = dict(tables)
    if not needs_transaction_customers(tables):
        return result
    transactions = tables["transactions"]
    if "customers" not in tables:
        result["customers"] = _buyers_table(transactions)
    else:
        result["customers"] = _filled(tables["customers"], transactions)
    return result


def is_from_transactions(customers: ValidatedTable) -> bool:
    """True when the customer table is the buyers of the transaction log."""
    column = customers.columns.get("customer_id")
    return bool(column and any(e.code == "from_transactions" for e in column.evidence))
