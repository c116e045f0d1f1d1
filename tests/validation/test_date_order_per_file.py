"""One file writes its dates one way: a date column whose values could all be read day-first or
month-first takes the order another date column of the same file proves, and says so."""

from __future__ import annotations

import pandas as pd

from cxlib.column_view import evidence_text
from cxlib.intake import load_table


def _customers(tmp_path, signup: list[str], churn: list[str]):
    lines = ["Customer ID,Signup Date,Cancellation Date,Revenue"]
    lines += [f"C{i},{s},{c},100.00" for i, (s, c) in enumerate(zip(signup, churn, strict=True))]
    path = tmp_path / "customers.csv"
    path.write_text("\n".join(lines))
    return load_table(path, table="customers")


def test_ambiguous_churn_dates_follow_the_signup_dates_of_the_same_file(tmp_path):
    signup = ["28/11/2021", "03/04/2022", "17/06/2021", "09/09/2022", "30/01/2022", "05/05/2021"]
    churn = ["06/02/2024", "", "11/03/2024", "", "01/12/2024", ""]
    loaded = _customers(tmp_path, signup, churn)
    data = loaded.validated.data

    # before: read month-first (the default of a comma file), "assumed": 2 June, 3 November, 12 January
    truth = pd.to_datetime([c for c in churn if c], format="%d/%m/%Y")
    assert data["churn_date"].dropna().tolist() == list(truth)
    assert "date_order_assumed" not in {rule.rule for rule in loaded.validated.report.rules}
    evidence = next(e for e in loaded.validated.columns["churn_date"].evidence if e.code == "date_order")
    assert evidence.params["evidence"] == "other_column"
    assert "another date column of the file" in evidence_text(evidence, "en")
