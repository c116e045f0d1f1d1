"""The customer table completed from the purchase log (cxlib.value.customers): filled revenue is yearly."""

from __future__ import annotations

import pandas as pd
import pytest

from cxlib.analysis import AnalysisSettings, analyze_loaded, load_files
from cxlib.clv import ClvSettings
from cxlib.kpis import KpiSettings


def test_revenue_filled_from_a_two_year_log_is_per_year(tmp_path):
    # customer 1 buys 100 every quarter for two years, customer 2 once, 18 months before the log ends
    days = pd.date_range("2023-01-01", periods=8, freq="91D")
    log = pd.DataFrame(
        {
            "Kundennummer": ["1"] * 8 + ["2"],
            "Datum": [*days.strftime("%d.%m.%Y"), (days[-1] - pd.Timedelta(days=548)).strftime("%d.%m.%Y")],
            "Betrag": ["100,00"] * 8 + ["300,00"],
        }
    )
    customers = pd.DataFrame({"Kundennummer": ["1", "2"], "Status": ["aktiv", "gekündigt"]})
    log.to_csv(tmp_path / "log.csv", sep=";", index=False)
    customers.to_csv(tmp_path / "kunden.csv", sep=";", index=False)
    loaded = load_files(
        {"customers": str(tmp_path / "kunden.csv"), "transactions": str(tmp_path / "log.csv")}
    )
    settings = AnalysisSettings(n_personas=2, kpi=KpiSettings(clv=ClvSettings(margin_rate=1.0)))
    analysis = analyze_loaded(loaded, settings=settings)
    table = analysis.tables["customers"]
    # before: the log's totals (800 and 300) were taken as yearly revenue and CLV's yearly margin
    years = [(days[-1] - days[0]).days / 365.25, 548 / 365.25]
    months = [round(y * 12, 1) for y in years]  # tenure is kept to a tenth of a month
    assert table.data["revenue"].tolist() == pytest.approx([800 / (months[0] / 12), 300 / (months[1] / 12)])
    codes = [e.code for e in table.columns["revenue"].evidence]
    assert codes == ["from_transactions", "revenue_lifetime_per_tenure"]
    assert {"table": "customers", "column": "revenue", "code": "revenue_lifetime_per_tenure"} in [
        {key: entry[key] for key in ("table", "column", "code")} for entry in analysis.document["assumptions"]
    ]
