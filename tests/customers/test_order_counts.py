"""The ``orders`` role holds counts. A card issuer's "PURCHASES" is the money spent (1,234.56): counted as
orders, personas read spend as how often people buy. Before, such a column was taken as orders; now it is
left unmapped with evidence, and whole-number order counts stay orders (cxlib.customer_columns)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from cxlib.analysis import analyze_tables
from cxlib.column_view import evidence_text
from cxlib.intake import load_table

N = 200


def _load(frame: pd.DataFrame):
    return load_table(frame.to_csv(index=False).encode("utf-8"), table="customers", filename="kunden.csv")


def test_purchase_amounts_are_not_taken_as_order_counts():
    rng = np.random.default_rng(5)
    frame = pd.DataFrame(
        {
            "CUST_ID": [f"C{10001 + i}" for i in range(N)],
            "BALANCE": rng.gamma(1, 1500, N).round(6),
            "PURCHASES": rng.gamma(0.7, 1400, N).round(2),
            "PURCHASES_TRX": rng.integers(0, 60, N),
            "TENURE": rng.choice([6, 12], N),
        }
    )

    loaded = _load(frame)

    mapping = loaded.validated.report.mapping
    assert "orders" not in mapping
    meaning = loaded.validated.columns["PURCHASES"]
    evidence = next(e for e in meaning.evidence if e.code == "orders_not_counts")
    share = float((frame["PURCHASES"] != frame["PURCHASES"].round()).mean())
    assert evidence.params["share"] == round(share, 3)
    assert "not the number of orders" in evidence_text(evidence, "en")
    assert "nicht die Zahl der Bestellungen" in evidence_text(evidence, "de")
    assert analyze_tables({"customers": loaded.validated})["kpis"]["customers"] == N


def test_whole_order_counts_stay_orders_with_a_few_blanks():
    rng = np.random.default_rng(6)
    orders = pd.Series(rng.integers(1, 30, N), dtype="Int64").mask(np.arange(N) % 17 == 0)
    frame = pd.DataFrame({"CustomerID": range(50001, 50001 + N), "Purchases": orders})

    loaded = _load(frame)

    assert loaded.validated.report.mapping["orders"] == "Purchases"
    assert loaded.validated.data["orders"].sum() == orders.sum()
