from pathlib import Path

import pandas as pd
import pytest

from cxlib.churn import churn_rate, monthly_churn

DATA = Path("../shared/data/ecommerce_churn.xlsx")


@pytest.mark.skipif(not DATA.exists(), reason="shared real data not available")
def test_flag_only_export_gives_the_share_of_churned_customers():
    raw = pd.read_excel(DATA, sheet_name="E Comm")
    customers = pd.DataFrame(
        {"customer_id": raw["CustomerID"].astype(str), "churned": raw["Churn"].astype(bool)}
    )
    result = churn_rate(customers)
    # the published figure of this Kaggle set: 948 of 5,630 customers churned
    assert (result.churned, result.average_customers) == (948, 5630.0)
    assert result.value == pytest.approx(948 / 5630)
    assert result.definition == "share_churned"
    assert monthly_churn(customers).empty
