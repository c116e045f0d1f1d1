"""Orders keyed by a customer table's record numbers: Olist's orders name the per-order ``customer_id``,
its customers file combines those into people by ``customer_unique_id``; each order links to its person.
Files are written to ``tmp_path``; the figures are checked against pandas."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from cxlib.analysis import analyze_files


def test_orders_keyed_by_the_per_order_customer_id_link_to_the_person(tmp_path):
    rng = np.random.default_rng(26)
    rows = []
    for _ in range(300):
        person = rng.bytes(16).hex()
        for _ in range(1 if rng.random() < 0.8 else 2):
            order = rng.bytes(16).hex()
            rows.append({"customer_id": order, "customer_unique_id": person, "customer_state": "SP"})
    customers = pd.DataFrame(rows)
    days = pd.Timestamp("2017-01-01") + pd.to_timedelta(rng.integers(0, 600, len(customers)), unit="D")
    orders = pd.DataFrame(
        {
            "order_id": [rng.bytes(16).hex() for _ in range(len(customers))],
            "customer_id": customers["customer_id"],
            "order_status": "delivered",
            "order_purchase_timestamp": days.strftime("%Y-%m-%d 10:00:00"),
            "payment_value": rng.gamma(2, 70, len(customers)).round(2),
        }
    )
    customers.to_csv(tmp_path / "olist_customers_dataset.csv", index=False)
    orders.to_csv(tmp_path / "olist_orders.csv", index=False)
    files = {"customers": "olist_customers_dataset.csv", "transactions": "olist_orders.csv"}
    document = analyze_files({name: str(tmp_path / file) for name, file in files.items()})
    bought = orders.merge(customers, on="customer_id")
    people = bought.groupby("customer_unique_id")["order_purchase_timestamp"].nunique()  # purchase days
    # before: every order its own customer (300 people counted as their orders), nobody bought again
    assert document["value"]["customers"] == len(people) == 300
    assert document["value"]["repeat_buyers"] == int((people > 1).sum())
    assert document["value"]["revenue"] == pytest.approx(orders["payment_value"].sum())
