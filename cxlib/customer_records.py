"""Customer tables with one row per contract, policy, order or subscription rather than per customer.

An insurer's contract list (``Kundennummer`` beside ``Vertragsnummer``, ``Vertragsbeginn``,
``Monatsbeitrag``), Olist's raw customers file (``customer_id`` per order beside ``customer_unique_id``,
the person) and a Stripe subscriptions export (``id`` beside ``Customer ID``) list a customer once per
record. This module

* finds which column is the customer and which numbers the records (:func:`customer_behind_records`,
  for the column mapping): a column that names the customer and repeats, beside one that is unique on
  every row;
* finds the record column of a typed table (:func:`record_column`): an identifier different on every
  row and among each customer's rows, so that repeated customers are records, not duplicates; without
  one, a signup date whose header names a contract ("Vertragsbeginn") and that differs among each
  customer's rows (:func:`record_starts`);
* combines each customer's records into one customer (:func:`combine_records`): money of the running
  records added up (each already a yearly figure of the same column), the earliest signup, churned only
  when every record ended (the latest end), other traits from the customer's first row that has them.

Rows that repeat a customer *and* its record number (or contract start) stay duplicates (set aside by
validation), and so do repeated customers with neither: a customer entered twice is no second contract.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from cxlib.customer_columns import MIN_ROWS_TO_JUDGE, NEAR_UNIQUE, distinct_share, id_header
from cxlib.tables import ColumnMatch, Evidence

__all__ = ["SUMMED", "combine_records", "customer_behind_records", "record_column", "record_starts"]

#: A customer column holds at least this many customers per row: more records per customer on average
#: than five is no customer number but a group, an agent or a branch.
MIN_CUSTOMER_SHARE = 0.2
#: Columns whose records add up to the customer's: yearly money of one column, counts of orders.
SUMMED = ("revenue", "margin", "orders")


def customer_behind_records(frame: pd.DataFrame, mapping, used: set) -> list[tuple[str, Evidence]]:
    """The customer of a table listing records: a column that names the customer and repeats, beside
    one unique on every row that numbers the records. When the ID chosen is that record number
    (Olist's per-order ``customer_id`` beside ``customer_unique_id``, a subscription ``id`` beside
    ``Customer ID``), the customer column takes its place; when the ID chosen is the repeating customer
    number (``Kundennummer`` beside ``Vertragsnummer``), it stays, though it is not unique. Changes
    ``mapping`` in place; returns the evidence (none when the table is no such list).

    Examples
    --------
    >>> from cxlib.mapping import ColumnMapping
    >>> sheet = pd.DataFrame({"Vertragsnummer": range(100, 130), "Kundennummer": [i // 3 for i in range(30)]})
    >>> match = ColumnMatch("customer_id", "Vertragsnummer", 0.8, "values")
    >>> mapping = ColumnMapping("customers", {"customer_id": match})
    >>> notes = customer_behind_records(sheet, mapping, {"Vertragsnummer"})
    >>> mapping.matches["customer_id"].column, notes[0][1].params["record"]
    ('Kundennummer', 'Vertragsnummer')
    """
    match = mapping.matches.get("customer_id")
    if match is None or isinstance(match.column, list):
        return []
    chosen = match.column
    if _unique_on_rows(frame[chosen]) and frame[chosen].is_unique:
        record = chosen  # Olist: 96,096 persons on 99,441 rows repeat though nearly unique
        customer = next(
            (c for c in frame.columns if c not in used and _customer_column(frame, c, upper=1.0)), None
        )
    elif _customer_column(frame, chosen):
        customer = chosen
        record = next((c for c in frame.columns if c != chosen and _record_like(frame, c)), None)
    else:
        return []
    if customer is None or record is None:
        return []
    if customer != chosen:
        used.discard(chosen)
        used.add(customer)
        mapping.matches["customer_id"] = ColumnMatch("customer_id", customer, match.confidence, "values")
    params = {
        "header": str(customer),
        "record": str(record),
        "customers": int(frame[customer].nunique()),
        "rows": int(frame[customer].notna().sum()),
    }
    return [(str(customer), Evidence("customer_rows_per_record", params))]


def _customer_column(frame: pd.DataFrame, column: object, *, upper: float = NEAR_UNIQUE) -> bool:
    from cxlib.transaction_columns import customer_id_header

    named = customer_id_header(column) and id_header(column)  # "Kundennummer", not "Customer Contact Date"
    return named and _repeats_per_customer(frame[column], upper)


def _unique_on_rows(values: pd.Series) -> bool:
    return (
        values.notna().sum() >= MIN_ROWS_TO_JUDGE
        and values.notna().mean() >= NEAR_UNIQUE
        and distinct_share(values) >= NEAR_UNIQUE
    )


def _numbers_records(values: pd.Series) -> bool:
    """Filled and different on (nearly) every row, and no row counter (1, 2, 3 … down the rows: a
    "lfd. Nr." numbers the lines of the export, whatever they hold; contract numbers 700001, 700002 …
    of a list sorted by them are records)."""
    if values.notna().mean() < NEAR_UNIQUE or distinct_share(values) < NEAR_UNIQUE:
        return False
    numbers = pd.to_numeric(values, errors="coerce")
    counter = numbers.notna().all() and numbers.iloc[0] in (0, 1) and (numbers.diff().iloc[1:] == 1).all()
    return not counter


def _record_like(frame: pd.DataFrame, column: object) -> bool:
    return id_header(column) and _unique_on_rows(frame[column]) and _numbers_records(frame[column])


def _repeats_per_customer(values: pd.Series, upper: float) -> bool:
    """Filled on (nearly) every row, repeating (fewer distinct values than ``upper`` of the rows), and
    with at least one customer per five rows."""
    filled = values.notna()
    if filled.sum() < MIN_ROWS_TO_JUDGE or filled.mean() < NEAR_UNIQUE:
        return False
    share = distinct_share(values)
    return MIN_CUSTOMER_SHARE <= share < upper and bool(values[filled].duplicated().any())


def record_column(data: pd.DataFrame, candidates: Iterable[str]) -> str | None:
    """The column of a typed customer table that numbers its records (a contract, policy, order or
    subscription number): an identifier header, filled and different on (nearly) every row, and
    different among the rows of (nearly) every customer listed more than once. None when customers do
    not repeat or no column numbers the rows (then repeated customers are duplicates).

    Examples
    --------
    >>> data = pd.DataFrame({"customer_id": ["1", "1", "2", "3", "3"], "Vertragsnummer": list("abcde"),
    ...                      "Tarif": list("xyxyx")})
    >>> record_column(data, ["Vertragsnummer", "Tarif"])
    'Vertragsnummer'
    >>> record_column(data.assign(customer_id=list("12345")), ["Vertragsnummer"]) is None
    True
    """
    ids = data["customer_id"]
    repeated = (ids.notna() & ids.duplicated(keep=False)).to_numpy()
    if not repeated.any():
        return None
    sizes = ids[repeated].value_counts()
    for column in candidates:
        if column not in data.columns or not id_header(column) or not _numbers_records(data[column]):
            continue
        distinct = data.loc[repeated, column].groupby(ids[repeated]).nunique()
        if (distinct == sizes.reindex(distinct.index)).mean() >= NEAR_UNIQUE:
            return column
    return None


#: Header words of a date that starts one record, not the customer: "Vertragsbeginn", "Policy start",
#: "Abo-Beginn", "Bestelldatum", "Order Date".
_RECORD_PREFIXES = ("vertrag", "contract", "police", "polic", "abo", "subscription", "order", "bestell",
                    "auftrag", "booking", "buchung", "tarif")  # fmt: skip


def record_starts(data: pd.DataFrame, header: object) -> bool:
    """True when the signup dates are the starts of records: the header names a contract, policy,
    subscription or order ("Vertragsbeginn", "Policy start date") and the dates differ among the rows of
    (nearly) every customer listed more than once. A customer entered twice keeps the day they joined.

    Examples
    --------
    >>> starts = pd.to_datetime(["2020-01-01", "2021-03-01", "2019-05-01", "2022-01-01"])
    >>> data = pd.DataFrame({"customer_id": ["1", "1", "2", "2"], "signup_date": starts})
    >>> record_starts(data, "Vertragsbeginn"), record_starts(data, "Kunde seit")
    (True, False)
    """
    from cxlib.mapping import normalize_header

    words = normalize_header(header).split()
    if "signup_date" not in data.columns or not any(w.startswith(_RECORD_PREFIXES) for w in words):
        return False
    ids = data["customer_id"]
    repeated = (ids.notna() & ids.duplicated(keep=False)).to_numpy()
    if not repeated.any():
        return False
    sizes = ids[repeated].value_counts()
    distinct = data.loc[repeated, "signup_date"].groupby(ids[repeated]).nunique()
    return bool((distinct == sizes.reindex(distinct.index)).mean() >= NEAR_UNIQUE)


def combine_records(data: pd.DataFrame) -> pd.DataFrame:
    """One row per customer from rows that are each one of its records.

    Money and order counts (:data:`SUMMED`) are added up over the customer's running records (over all
    of them when every record ended: what the customer paid while a customer); the signup date is the
    earliest, the churn date the latest and ``churned`` true only when every record ended; tenure is the
    longest; every other column takes the customer's first filled value, in file order.

    Examples
    --------
    >>> data = pd.DataFrame({
    ...     "customer_id": ["1", "1", "1", "2"], "revenue": [120.0, 60.0, 30.0, 50.0],
    ...     "signup_date": pd.to_datetime(["2021-01-01", "2020-05-01", "2022-01-01", "2020-01-01"]),
    ...     "churn_date": pd.to_datetime(["2022-01-01", None, None, "2023-01-01"]),
    ...     "churned": [True, False, False, True], "Tarif": ["Basis", "Premium", "Basis", "Komfort"]})
    >>> combined = combine_records(data)
    >>> combined["revenue"].tolist(), combined["churned"].tolist(), combined["Tarif"].tolist()
    ([90.0, 50.0], [False, True], ['Basis', 'Komfort'])
    >>> combined["signup_date"].dt.year.tolist(), combined["churn_date"].isna().tolist()
    ([2020, 2020], [True, False])
    """
    ids = data["customer_id"]
    grouped = data.groupby(ids, sort=False)
    combined = grouped.first()
    ended = _ended(data)
    every_ended = ended.groupby(ids, sort=False).transform("all")
    counted = ~ended | every_ended  # a customer's running records, or all when none runs
    for column in SUMMED:
        if column in data.columns:
            combined[column] = data[column].where(counted).groupby(ids, sort=False).sum(min_count=1)
    if "signup_date" in data.columns:
        combined["signup_date"] = grouped["signup_date"].min()
    if "tenure" in data.columns:
        combined["tenure"] = grouped["tenure"].max()
    if "churned" in data.columns or "churn_date" in data.columns:
        churned = ended.groupby(ids, sort=False).all()
        if "churned" in data.columns:
            combined["churned"] = churned.astype(data["churned"].dtype)
        if "churn_date" in data.columns:
            combined["churn_date"] = grouped["churn_date"].max().where(churned)
    combined = combined.reset_index(drop="customer_id" in combined.columns)
    return combined[list(data.columns)]


def _ended(data: pd.DataFrame) -> pd.Series:
    """Records that ended: a churned flag or a churn date."""
    ended = pd.Series(False, index=data.index)
    if "churned" in data.columns:
        ended |= data["churned"].fillna(False).astype(bool)
    if "churn_date" in data.columns:
        ended |= data["churn_date"].notna()
    return ended
