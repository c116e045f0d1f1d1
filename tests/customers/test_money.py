"""Money roles fit their values, and revenue carries its period into the CLV (defect class 6)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from cxlib.analysis import AnalysisSettings, analyze_tables
from cxlib.clv import ClvSettings
from cxlib.kpis import KpiSettings
from cxlib.mapping import suggest_mapping
from cxlib.validation import validate_table

N = 400


def _telecom(total: bool = False) -> pd.DataFrame:
    """A telecom-style export: monthly charges, tenure in months, a churn flag (26.5 % churned)."""
    rng = np.random.default_rng(7)
    tenure = rng.integers(1, 73, N)
    monthly = np.round(rng.uniform(20, 110, N), 2)
    frame = pd.DataFrame(
        {
            "customerID": [f"{i:04d}-ABCDE" for i in range(N)],
            "tenure": tenure,
            "MonthlyCharges": monthly,
            "Churn": np.where(np.arange(N) < int(N * 0.265), "Yes", "No"),
        }
    )
    if total:
        frame["TotalCharges"] = np.round(monthly * tenure, 2)
        frame = frame.drop(columns="MonthlyCharges")
    return frame


def _clv(frame: pd.DataFrame, overrides=None) -> tuple[dict, object]:
    table = validate_table(frame, suggest_mapping(frame, "customers"), overrides=overrides)
    settings = AnalysisSettings(n_personas=2, kpi=KpiSettings(clv=ClvSettings(margin_rate=1.0)))
    document = analyze_tables({"customers": table}, settings=settings)
    return document, table


def test_monthly_charges_are_revenue_per_month_and_clv_uses_twelve_months():
    frame = _telecom()
    document, table = _clv(frame)
    assert table.report.mapping["revenue"] == "MonthlyCharges"
    assert table.columns["revenue"].period == "month"
    assert table.data["revenue"].mean() == pytest.approx(frame["MonthlyCharges"].mean() * 12)
    clv = document["kpis"]["clv"]["mean"]
    # Taken as yearly (the old reading) the CLV was 12 times smaller, about 130 on telecom data.
    as_year, _ = _clv(frame, overrides={"revenue": {"period": "year"}})
    assert clv == pytest.approx(12 * as_year["kpis"]["clv"]["mean"])
    assert 1_000 < clv < 10_000 and as_year["kpis"]["clv"]["mean"] < 200
    assert {
        "table": "customers",
        "column": "revenue",
        "code": "revenue_month_x12",
        "params": {"period": "month"},
    } in (document["assumptions"])


def test_lifetime_total_is_divided_by_tenure():
    monthly = _telecom()
    document, table = _clv(_telecom(total=True))
    assert table.columns["revenue"].period == "lifetime"
    assert table.data["revenue"].to_numpy() == pytest.approx(monthly["MonthlyCharges"].to_numpy() * 12)
    codes = [entry["code"] for entry in document["assumptions"]]
    assert "revenue_lifetime_per_tenure" in codes


def test_lifetime_total_without_tenure_is_said():
    frame = _telecom(total=True).drop(columns="tenure")
    document, _ = _clv(frame)
    assert "revenue_lifetime_as_year" in [entry["code"] for entry in document["assumptions"]]


@pytest.mark.parametrize(
    "header",
    ["Credit_Limit", "Total_Revolving_Bal", "Balance", "Avg_Open_To_Buy", "LoanAmount", "Kontostand"],
)
def test_balances_limits_and_loans_are_never_revenue(header):
    rng = np.random.default_rng(1)
    frame = pd.DataFrame({"ID": [str(i) for i in range(50)], header: rng.uniform(0, 9000, 50)})
    table = validate_table(frame, suggest_mapping(frame, "customers"))
    assert "revenue" not in table.report.mapping


def test_constant_or_negative_amounts_are_not_revenue():
    frame = pd.DataFrame({"ID": [str(i) for i in range(50)], "Umsatz": [100.0] * 50})
    assert "revenue" not in suggest_mapping(frame, "customers").matches
    frame["Umsatz"] = np.linspace(-500, 100, 50)
    mapping = suggest_mapping(frame, "customers")
    assert "revenue" not in mapping.matches
    assert ("Umsatz", "negative_money") in [(column, e.code) for column, e in mapping.customer_evidence]


def test_bank_style_twelve_month_spend_is_found_beside_credit_columns():
    rng = np.random.default_rng(3)
    frame = pd.DataFrame(
        {
            "CLIENTNUM": rng.choice(10**9, 60, replace=False),
            "Months_Inactive_12_mon": rng.integers(0, 6, 60),
            "Credit_Limit": rng.uniform(1000, 30000, 60),
            "Total_Revolving_Bal": rng.uniform(0, 2500, 60),
            "Total_Trans_Amt": rng.uniform(500, 15000, 60),
        }
    )
    table = validate_table(frame, suggest_mapping(frame, "customers"))
    assert table.report.mapping["customer_id"] == "CLIENTNUM"
    assert table.report.mapping["revenue"] == "Total_Trans_Amt"
    assert table.columns["revenue"].period == "year"


def test_user_chosen_period_wins_and_is_recorded():
    frame = pd.DataFrame({"ID": [str(i) for i in range(20)], "Umsatz": np.arange(20) * 10.0 + 5})
    table = validate_table(
        frame, suggest_mapping(frame, "customers"), overrides={"revenue": {"period": "month"}}
    )
    assert table.columns["revenue"].period == "month"
    assert "period_chosen" in [e.code for e in table.columns["revenue"].evidence]
    assert table.data["revenue"].iloc[0] == 60.0


def test_clv_tile_help_names_the_money_period_assumption():
    from cxlib.kpis import kpi_tiles

    frame = _telecom()
    table = validate_table(frame, suggest_mapping(frame, "customers"))
    tiles = kpi_tiles(table.data, None, settings=KpiSettings(clv=ClvSettings(margin_rate=1.0)))
    clv = next(tile for tile in tiles if tile.key == "clv")
    assert "Assumptions:" in clv.help and "monthly amount × 12" in clv.help
    german = kpi_tiles(table.data, None, settings=KpiSettings(clv=ClvSettings(margin_rate=1.0)), lang="de")
    assert "Monatsbetrag × 12" in german[-1].help
