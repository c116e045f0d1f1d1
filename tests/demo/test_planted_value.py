"""The demo's purchase history has something real for the Value page to find: a purchase model that
passes its check, and customers who cancelled look inactive."""

import pandas as pd
import pytest

from cxlib.demo import generate_demo
from cxlib.value.section import analyze_value


@pytest.fixture(scope="module")
def data():
    return generate_demo()


def test_purchase_model_finds_the_cancelled_customers(data):
    log = data.transactions.rename(
        columns={"Kundennummer": "customer_id", "Datum": "date", "Betrag": "amount"}
    )
    result = analyze_value(log)
    assert result.has_model and result.n_repeat_buyers >= 300
    assert abs(result.holdout.predicted / result.holdout.actual - 1) < 0.2
    customers = result.customers.join(data.customers.set_index("Kundennummer"))
    cancelled = customers["Kündigungsdatum"].notna()
    assert customers.loc[cancelled, "p_alive"].mean() < 0.75 < customers.loc[~cancelled, "p_alive"].mean()
    inactive = customers["inactive"]
    assert cancelled[inactive].mean() > 0.8  # the inactive ones are mostly customers who cancelled
    assert pd.notna(result.clv["mean"]) and result.clv["mean"] > 0
