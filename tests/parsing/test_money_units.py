"""Money columns whose header states thousands or millions, as controlling and SAP reports write them
("Umsatz p.a. (Tsd. €)", "TEUR", "Revenue (k$)", "Mio. €"): read in currency units, with a rule saying so.
Files are built in ``tmp_path``; figures are checked against pandas on the clean table."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from cxlib.intake import load_table
from cxlib.parsing import money_unit


def _revenue() -> pd.Series:
    return pd.Series(np.round(np.random.default_rng(5).gamma(2.0, 900.0, 30), 0))


def test_revenue_in_thousands_is_read_in_euros(tmp_path):
    revenue = _revenue()
    lines = ["Kundennummer;Alter;Umsatz p.a. (Tsd. €)"]
    lines += [f"K{i};{30 + i};{f'{x / 1000:.3f}'.replace('.', ',')}" for i, x in enumerate(revenue)]
    path = tmp_path / "kunden_tsd.csv"
    path.write_bytes("\r\n".join(lines).encode("cp1252"))

    loaded = load_table(path, table="customers")
    data = loaded.validated.data

    # before: 49.18 (thousands summed as euros); the true sum is 49,176
    assert data["revenue"].sum() == pytest.approx(revenue.sum()) == 49_176
    rules = {rule.rule: rule for rule in loaded.validated.report.rules}
    assert rules["money_unit_header"].rows == 30
    assert "in Tausend angegeben" in rules["money_unit_header"].text("de")
    evidence = [e.code for e in loaded.validated.columns["revenue"].evidence]
    assert "money_unit_header" in evidence


def test_plain_currency_header_is_left_as_it_is(tmp_path):
    revenue = _revenue()
    frame = pd.DataFrame({"Customer ID": range(30), "Revenue (€)": revenue, "Age": 40})
    path = tmp_path / "customers.csv"
    frame.to_csv(path, index=False)

    data = load_table(path, table="customers").validated.data

    assert data["revenue"].sum() == pytest.approx(revenue.sum())


@pytest.mark.parametrize(
    ("header", "factor"),
    [
        ("Umsatz (Tsd. €)", 1000),
        ("Umsatz TEUR", 1000),
        ("Umsatz in T€", 1000),
        ("Revenue (k$)", 1000),
        ("Annual Income (k$)", 1000),
        ("Sales $'000", 1000),
        ("Umsatz in 1.000 EUR", 1000),
        ("Umsatz in Mio. €", 1_000_000),
        ("Revenue ($m)", 1_000_000),
        ("Umsatz €", 1),
        ("Umsatz p.m.", 1),
        ("MonthlyCharges", 1),
        ("Total Spend", 1),
        ("Umsatz in 1.000,00 EUR", 1),
    ],
)
def test_money_unit_from_header(header, factor):
    assert money_unit(header) == factor
