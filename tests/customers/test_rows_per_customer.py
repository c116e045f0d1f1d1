"""Customer tables whose rows are not one per customer: a total row labelled in a middle column, ages
from a birth year on the data's own date, and contract or per-order lists where one customer has several
rows. Files are written to ``tmp_path``; every figure is checked against pandas."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest

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


# --- one row per contract, order or subscription ---------------------------------------------------


def contract_list(rng: np.random.Generator, customers: int = 150) -> pd.DataFrame:
    """An insurer's contract list: a customer's contracts on several rows, some ended, one copy."""
    rows = []
    for k in range(1, customers + 1):
        first = pd.Timestamp("2019-01-01") + pd.Timedelta(days=int(rng.integers(0, 1500)))
        person = {"Geschlecht": rng.choice(["m", "w"]), "Geburtsjahr": int(rng.integers(1950, 2000))}
        for c in range(int(rng.choice([1, 1, 2, 3]))):
            start = first + pd.Timedelta(days=200 * c)
            end = start + pd.Timedelta(days=int(rng.integers(100, 900))) if rng.random() < 0.35 else None
            rows.append(
                {
                    "Kundennummer": f"K{k:05d}",
                    "Vertragsnummer": f"V{700000 + len(rows)}",
                    "Tarif": rng.choice(["Basis", "Komfort", "Premium"]),
                    "Vertragsbeginn": start.strftime("%d.%m.%Y"),
                    "Vertragsende": "" if end is None else end.strftime("%d.%m.%Y"),
                    "Monatsbeitrag": round(float(rng.uniform(8, 120)), 2),
                    **person,
                }
            )
    frame = pd.DataFrame(rows)
    return pd.concat([frame, frame.iloc[[3]]], ignore_index=True)  # one contract exported twice


def expected_customers(frame: pd.DataFrame) -> pd.DataFrame:
    """Per customer with pandas: yearly premium of the running contracts (all when every one ended),
    the earliest start, churned when every contract ended, at the latest end."""
    rows = frame.drop_duplicates().copy()
    rows["start"] = pd.to_datetime(rows["Vertragsbeginn"], format="%d.%m.%Y")
    rows["end"] = pd.to_datetime(rows["Vertragsende"].replace("", None), format="%d.%m.%Y")
    rows["ended"] = rows["end"].notna()
    by = rows.groupby("Kundennummer")
    every = by["ended"].transform("all")
    counted = ~rows["ended"] | every
    return pd.DataFrame(
        {
            "revenue": (rows["Monatsbeitrag"] * 12).where(counted).groupby(rows["Kundennummer"]).sum(),
            "signup_date": by["start"].min(),
            "churned": by["ended"].all(),
            "churn_date": by["end"].max().where(by["ended"].all()),
            "Tarif": by["Tarif"].first(),
        }
    )


def test_a_contract_list_counts_customers_and_adds_up_their_contracts(tmp_path):
    frame = contract_list(np.random.default_rng(21))
    path = tmp_path / "vertraege.csv"
    frame.to_csv(path, sep=";", decimal=",", index=False)
    table = load_table(str(path), table="customers").validated
    expected = expected_customers(frame)
    got = table.data.set_index("customer_id").reindex(expected.index)
    # before: each customer's first contract only (duplicate_id set the others aside): revenue of one
    # contract, churned when that contract had ended though others ran on
    assert len(table.data) == frame["Kundennummer"].nunique()
    assert got["revenue"].tolist() == pytest.approx(expected["revenue"].tolist())
    assert table.data["revenue"].sum() == pytest.approx(expected["revenue"].sum())
    assert got["signup_date"].tolist() == expected["signup_date"].tolist()
    assert got["churned"].tolist() == expected["churned"].tolist()
    assert got["churn_date"].isna().tolist() == expected["churn_date"].isna().tolist()
    assert got["churn_date"].dropna().tolist() == expected["churn_date"].dropna().tolist()
    assert got["segment"].tolist() == expected["Tarif"].tolist()  # "Tarif": the first contract's
    report = table.report
    rules = {rule.rule: rule.rows for rule in report.rules}
    distinct = len(frame.drop_duplicates())
    assert rules == {"exact_duplicate": 1, "records_combined": distinct - len(expected)}
    assert report.rows_read == report.rows_used + report.rows_set_aside == len(frame)
    text = next(r for r in report.rules if r.rule == "records_combined").text("de")
    assert f"{distinct} Zeilen wurden nach „Kundennummer“ zu {len(expected)} Kunden" in text


def test_a_contract_list_with_many_contracts_per_customer_keeps_the_customer_number(tmp_path):
    rng = np.random.default_rng(22)
    customers = np.repeat(np.arange(1, 81), rng.integers(2, 5, 80))
    frame = pd.DataFrame(
        {
            "Kundennummer": [f"{k:05d}" for k in customers],
            "Vertragsnummer": [str(700000 + i) for i in range(len(customers))],
            "Beitrag": rng.uniform(8, 120, len(customers)).round(2),
        }
    )
    path = tmp_path / "vertraege.csv"
    frame.to_csv(path, sep=";", decimal=",", index=False)
    table = load_table(str(path), table="customers").validated
    # before: Kundennummer (under half of its values distinct) was no ID; each contract was a customer
    assert table.report.mapping["customer_id"] == "Kundennummer"
    assert len(table.data) == 80
    expected = frame.groupby("Kundennummer")["Beitrag"].sum()
    expected.index = expected.index.astype(int).astype(str)  # IDs are compared without leading zeros
    got = table.data.set_index("customer_id")["revenue"].reindex(expected.index)
    assert got.tolist() == pytest.approx(expected.tolist())


def test_olist_raw_customers_count_people_not_orders(tmp_path):
    rng = np.random.default_rng(23)
    rows = []
    for _ in range(400):
        person, place = rng.bytes(16).hex(), rng.choice(["SP", "RJ", "MG", "PR"])
        for _ in range(1 if rng.random() < 0.9 else int(rng.integers(2, 4))):
            rows.append({"customer_id": rng.bytes(16).hex(), "customer_unique_id": person,
                         "customer_zip_code_prefix": f"{rng.integers(1000, 99999):05d}",
                         "customer_city": "sao paulo", "customer_state": place})  # fmt: skip
    frame = pd.DataFrame(rows)
    path = tmp_path / "olist_customers_dataset.csv"
    frame.to_csv(path, index=False)
    table = load_table(str(path), table="customers").validated
    # before: customer_id (new with every order) was the customer: one customer per order
    assert table.report.mapping["customer_id"] == "customer_unique_id"
    assert len(table.data) == frame["customer_unique_id"].nunique() == 400
    states = frame.groupby("customer_unique_id")["customer_state"].first()
    got = table.data.set_index("customer_id")["region"].reindex(states.index)
    assert got.tolist() == states.tolist()
    evidence = table.columns["customer_id"].evidence
    assert any(e.code == "customer_rows_per_record" for e in evidence)


def test_a_subscriptions_export_counts_customers_not_subscriptions(tmp_path):
    rng = np.random.default_rng(24)
    customers = np.repeat(np.arange(50), rng.choice([1, 1, 2], 50))
    frame = pd.DataFrame(
        {
            "id": [f"sub_{rng.bytes(7).hex()}" for _ in customers],
            "Customer ID": [f"cus_{k:08d}" for k in customers],
            "Status": rng.choice(["active", "canceled"], len(customers)),
            "Amount": rng.choice([9.0, 29.0], len(customers)),
        }
    )
    path = tmp_path / "subscriptions.csv"
    frame.to_csv(path, index=False)
    table = load_table(str(path), table="customers").validated
    # before: the subscription id was the customer ID: 1 customer per subscription
    assert len(table.data) == 50
    ended = frame["Status"] == "canceled"
    expected = ended.groupby(frame["Customer ID"]).all()
    assert int(table.data["churned"].sum()) == int(expected.sum())


@pytest.mark.parametrize(
    "extra",
    [{}, {"lfd. Nr.": range(1, 33)}, {"Kunde seit": ["01.02.2020"] * 32}],
    ids=["no record number", "a row counter is none", "the same join date"],
)
def test_a_customer_entered_twice_stays_a_duplicate(tmp_path, extra):
    frame = pd.DataFrame(
        {
            **extra,
            "Kundennummer": [f"K{i}" for i in range(30)] + ["K1", "K2"],
            "Ort": ["Köln"] * 30 + ["Bonn", "Bonn"],
            "Umsatz": [100.0 + i for i in range(30)] + [101.0, 102.0],
        }
    )
    path = tmp_path / "kunden.csv"
    frame.to_csv(path, sep=";", index=False)
    table = load_table(str(path), table="customers").validated
    rules = {rule.rule: rule.rows for rule in table.report.rules}
    assert rules == {"duplicate_id": 2}  # an updated address is no second customer: the first is used
    assert table.data["revenue"].sum() == frame["Umsatz"].head(30).sum()


def test_a_contract_list_without_contract_numbers_tells_contracts_by_their_start(tmp_path):
    frame = contract_list(np.random.default_rng(25)).drop(columns="Vertragsnummer")
    path = tmp_path / "vertraege.csv"
    frame.to_csv(path, sep=";", decimal=",", index=False)
    table = load_table(str(path), table="customers").validated
    expected = expected_customers(frame)
    got = table.data.set_index("customer_id").reindex(expected.index)
    # before: each customer's first contract only (duplicate_id)
    assert len(table.data) == len(expected)
    assert got["revenue"].tolist() == pytest.approx(expected["revenue"].tolist())
    assert got["churned"].tolist() == expected["churned"].tolist()
    rules = {rule.rule: rule.rows for rule in table.report.rules}
    assert rules == {"exact_duplicate": 1, "records_combined": len(frame) - 1 - len(expected)}
