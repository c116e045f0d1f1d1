"""Hand-checked tables shared by the KPI tests."""

import pandas as pd
import pytest


@pytest.fixture
def customers() -> pd.DataFrame:
    """200 customers since 2020; 10 leave on 2025-03-15 (previous window), 30 on 2026-03-15 (current)."""
    churn = ["2025-03-15"] * 10 + ["2026-03-15"] * 30 + [None] * 160
    return pd.DataFrame(
        {
            "customer_id": [f"K{i:03d}" for i in range(200)],
            "signup_date": pd.to_datetime(["2020-01-01"] * 200),
            "churn_date": pd.to_datetime(churn),
            "margin": 100.0,
            "acquisition_cost": 50.0,
            "region": ["Nord", "Süd"] * 100,
        }
    )


@pytest.fixture
def survey() -> pd.DataFrame:
    """Jul–Sep 2026: 30 promoters, 20 passives, 50 detractors (NPS −20); Apr–Jun 2026: 50/40/10 (+40)."""
    current = [10.0] * 30 + [8.0] * 20 + [3.0] * 50
    previous = [9.0] * 50 + [7.0] * 40 + [0.0] * 10
    dates = ["2026-09-30"] * 100 + ["2026-05-15"] * 100
    return pd.DataFrame(
        {
            "response_id": [f"R{i}" for i in range(200)],
            "customer_id": [f"K{i:03d}" for i in range(200)],
            "response_date": pd.to_datetime(dates),
            "recommend": current + previous,
        }
    )
