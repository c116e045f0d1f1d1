"""Customer tables whose rows are not one per customer: a total row labelled in a middle column, ages
from a birth year on the data's own date, and contract or per-order lists where one customer has several
rows. Files are written to ``tmp_path``; every figure is checked against pandas."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from cxlib.churn import reference_date
from cxlib.intake import load_table
from cxlib.validation import readable_set_aside


def test_a_total_row_labelled_under_name_is_set_aside_as_a_total(tmp_path):
    rng = np.random.default_rng(3)
    n = 20
    frame = pd.DataFrame(
        {
            "Kunden-ID": [str(i) for i in range(1, n + 1)],
            "Name": [f"Kunde {i}" for i in range(1, n + 1)],
            "Umsatz": rng.uniform(100, 1000, n).round(2),
            "Bestellungen": rng.integers(1, 9, n),
            "Rabatt": rng.uniform(0, 50, n).round(2),
        }
    )
    total = {"Kunden-ID": None, "Name": "Summe", **frame[["Umsatz", "Bestellungen", "Rabatt"]].sum()}
    path = tmp_path / "kunden.xlsx"
    pd.concat([frame, pd.DataFrame([total])]).to_excel(path, index=False)
    table = load_table(str(path), table="customers").validated
    rules = {rule.rule: rule.rows for rule in table.report.rules if rule.set_aside}
    # before: {"missing_required": 1} ("no value in the required field Customer ID")
    assert rules == {"total_row": 1}
    assert len(table.data) == n
    assert table.data["revenue"].sum() == frame["Umsatz"].sum()
    assert "“Summe”" in readable_set_aside(table, lang="de")["reason"].iloc[0]


def test_a_customer_without_id_is_still_a_missing_id(tmp_path):
    frame = pd.DataFrame(
        {
            "Kunden-ID": ["1", "2", None, "4"] * 5,
            "Name": ["Ina", "Summe Meier", "Gesamtheit", "Tom"] * 5,
            "Umsatz": [10.0, 20.0, 30.0, 40.0] * 5,
        }
    )
    frame["Kunden-ID"] = [f"{i}" if pd.notna(v) else None for i, v in enumerate(frame["Kunden-ID"])]
    path = tmp_path / "kunden.csv"
    frame.to_csv(path, sep=";", index=False)
    table = load_table(str(path), table="customers").validated
    rules = {rule.rule: rule.rows for rule in table.report.rules if rule.set_aside}
    assert rules == {"missing_required": int(frame["Kunden-ID"].isna().sum())}


def test_age_from_birth_year_is_taken_on_the_data_date_not_today(tmp_path):
    rng = np.random.default_rng(4)
    n = 40
    frame = pd.DataFrame(
        {
            "Kundennummer": range(1, n + 1),
            "Geburtsjahr": rng.integers(1950, 2000, n),
            "Kunde seit": pd.date_range("2019-01-01", periods=n, freq="25D").strftime("%d.%m.%Y"),
            "Umsatz": rng.uniform(100, 1000, n).round(2),
        }
    )
    path = tmp_path / "kunden.csv"
    frame.to_csv(path, sep=";", decimal=",", index=False)
    table = load_table(str(path), table="customers").validated
    latest = pd.to_datetime(frame["Kunde seit"], dayfirst=True).max()
    assert reference_date(table.data) == latest.date()  # the day churn is measured at
    # before: this year − birth year (2026 − …), three or more years older than at the data's date
    assert table.data["age"].tolist() == (latest.year - frame["Geburtsjahr"]).astype(float).tolist()
    evidence = table.columns["age"].evidence[0]
    assert evidence.code == "age_from_birth_year_at"
    assert evidence.params["reference"] == latest.date().isoformat()


def test_age_from_date_of_birth_on_the_latest_churn_or_signup_date(tmp_path):
    frame = pd.DataFrame(
        {
            "Kundennummer": [f"K{i}" for i in range(12)],
            "Geburtsdatum": ["15.06.1980", "01.01.1990", "31.12.1970"] * 4,
            "Eintrittsdatum": ["01.02.2020"] * 12,
            "Kündigungsdatum": [""] * 11 + ["30.06.2022"],
        }
    )
    path = tmp_path / "kunden.csv"
    frame.to_csv(path, sep=";", index=False)
    table = load_table(str(path), table="customers").validated
    day = pd.Timestamp("2022-06-30")
    births = pd.to_datetime(frame["Geburtsdatum"], dayfirst=True)
    expected = [float(day.year - b.year - ((day.month, day.day) < (b.month, b.day))) for b in births]
    assert table.data["age"].tolist() == expected
    assert table.columns["age"].evidence[0].code == "age_from_birth_date_at"
    assert date.today() > day.date()  # ages on today would be four or more years higher
