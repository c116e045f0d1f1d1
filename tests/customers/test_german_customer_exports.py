"""Customer master data as German SMEs export it (DATEV, Lexware, sevDesk, SAP Business One): ``;``,
decimal comma, Windows-1252, dd.mm.yyyy, "1.234,56 €". Files are written to ``tmp_path``; every figure is
checked against one counted directly with pandas."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from cxlib.analysis import analyze_tables
from cxlib.intake import load_table

N = 160


def german(x: float) -> str:
    return f"{x:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")


def write(frame: pd.DataFrame, path) -> str:
    frame.to_csv(path, sep=";", index=False, encoding="cp1252")
    return str(path)


def master_data(rng: np.random.Generator) -> pd.DataFrame:
    salutations = ["Herr", "Frau", "Divers", "Firma", "Familie", "Herr Dr.", "Frau Prof. Dr.", "Eheleute"]
    anrede = rng.choice(salutations, N, p=[0.35, 0.33, 0.03, 0.12, 0.05, 0.05, 0.04, 0.03])
    birth = pd.Series(pd.Timestamp("1950-01-01") + pd.to_timedelta(rng.integers(0, 20000, N), unit="D"))
    return pd.DataFrame(
        {
            "Debitorennummer": np.arange(10001, 10001 + N),
            "Anrede": anrede,
            "Nachname": rng.choice(["Meier", "Müller", "Weiß"], N),
            "PLZ": rng.choice(["01067", "04109", "80331"], N),
            "Geburtsdatum": birth.dt.strftime("%d.%m.%Y"),
            "Umsatz Vorjahr": [german(x) + " €" for x in rng.gamma(2, 1500, N)],
        }
    )


def test_anrede_firma_familie_is_no_gender_and_titles_keep_theirs(tmp_path):
    frame = master_data(np.random.default_rng(8))
    table = load_table(write(frame, tmp_path / "debitoren.csv"), table="customers").validated
    first = frame["Anrede"].str.split().str[0]
    expected = first.map({"Herr": "male", "Frau": "female", "Divers": "diverse"})
    counts = table.data["gender"].astype(object).fillna("none").value_counts()
    # before: "Firma" (20), "Familie" (9), "Eheleute" (4) were genders of their own, "Herr Dr." another
    assert counts.to_dict() == expected.fillna("none").value_counts().to_dict()
    assert set(table.data["gender"].dropna()) == {"male", "female", "diverse"}
    rule = next(r for r in table.report.rules if r.rule == "salutation_no_gender")
    assert rule.rows == expected.isna().sum() and "Firma" in rule.text("en")
    assert not any(r.rule == "marked_missing" for r in table.report.rules)  # counted once, with its reason


def _with_margin(header: str, per_year: np.ndarray, years: np.ndarray) -> pd.DataFrame:
    as_of = pd.Timestamp("2026-06-30")
    since = as_of - pd.to_timedelta(np.round(years * 365.25), unit="D")
    frame = pd.DataFrame(
        {
            "Kundennummer": np.arange(20001, 20001 + N),
            "Kunde seit": since.strftime("%d.%m.%Y"),
            "Kündigungsdatum": "",
            "Umsatz Vorjahr": [german(x) + " €" for x in per_year * 3.2],
        }
    )
    frame.loc[N - 1, "Kündigungsdatum"] = as_of.strftime("%d.%m.%Y")  # the table's latest date
    months = np.asarray((as_of - since).days) / (365.25 / 12)
    amounts = per_year * months / 12 if "kumuliert" in header else per_year
    frame[header] = [german(x) + " €" for x in amounts]
    return frame


def test_deckungsbeitrag_kumuliert_is_a_lifetime_margin_turned_into_a_yearly_one_for_the_clv(tmp_path):
    rng = np.random.default_rng(9)
    per_year = rng.gamma(2.0, 500.0, N).round(2)
    years = rng.uniform(1.0, 12.0, N)
    documents = {}
    for header in ("Deckungsbeitrag", "Deckungsbeitrag kumuliert"):
        path = write(_with_margin(header, per_year, years), tmp_path / f"{header}.csv")
        table = load_table(path, table="customers").validated
        documents[header] = analyze_tables({"customers": table})
        if header.endswith("kumuliert"):
            assert table.columns["margin"].period == "lifetime"
            assert abs(table.data["margin"].mean() - per_year.mean()) < 0.01 * per_year.mean()
    plain, lifetime = (documents[h]["kpis"]["clv"] for h in ("Deckungsbeitrag", "Deckungsbeitrag kumuliert"))
    retention = plain["assumptions"]["retention"]
    expected = (per_year * retention / (1.1 - retention)).mean()  # m·r/(1+d−r), d = 10 %
    assert plain["mean"] == pytest.approx(expected, rel=1e-6)
    # before: the lifetime margin was taken as yearly, CLV mean 53,596 instead of 8,752
    assert lifetime["mean"] == pytest.approx(expected, rel=0.01)
    codes = [a["code"] for a in documents["Deckungsbeitrag kumuliert"]["assumptions"]]
    assert "margin_lifetime_per_tenure" in codes


def test_angelegt_am_is_the_signup_date_that_turns_a_lifetime_revenue_into_a_yearly_one(tmp_path):
    rng = np.random.default_rng(10)
    per_year = rng.gamma(2.0, 1200.0, N).round(2)
    as_of = pd.Timestamp("2026-06-30")
    since = as_of - pd.to_timedelta(rng.integers(400, 4000, N), unit="D")
    months = np.asarray((as_of - since).days) / (365.25 / 12)
    frame = pd.DataFrame(
        {
            "Kundennummer": np.arange(30001, 30001 + N),
            "Angelegt am": since.strftime("%d.%m.%Y"),
            "Kunde bis": [as_of.strftime("%d.%m.%Y")] + [""] * (N - 1),  # the table's latest date
            "Umsatz gesamt": [german(x) + " €" for x in per_year * months / 12],
        }
    )
    table = load_table(write(frame, tmp_path / "sap_b1_kunden.csv"), table="customers").validated
    assert table.report.mapping["signup_date"] == "Angelegt am"  # before: not recognised
    # before: no tenure, the lifetime total was used as if per year: mean 13,109 instead of 2,229
    assert table.data["revenue"].mean() == pytest.approx(per_year.mean(), rel=1e-3)


def test_status_gekuendigt_zum_date_is_churn_and_inaktiv_is_not(tmp_path):
    rng = np.random.default_rng(12)
    status = rng.choice(
        ["Aktiv", "Inaktiv", "Gekündigt zum 31.12.", "Liefersperre"], N, p=[0.6, 0.2, 0.15, 0.05]
    )
    frame = master_data(rng).assign(Status=status)
    table = load_table(write(frame, tmp_path / "lexware_kunden.csv"), table="customers").validated

    churn = analyze_tables({"customers": table})["kpis"]["churn_rate"]
    cancelled, blocked = (status == "Gekündigt zum 31.12.").sum(), (status == "Liefersperre").sum()
    # before: the cancellations were unreadable, so no churn rate here (and on a 400-row probe
    # "Inaktiv" became the churn word: 69 / 326 = 21.2 % instead of 53 / 379 = 14.0 %)
    assert churn["churned"] == cancelled
    assert churn["value"] == pytest.approx(cancelled / (N - blocked))
    invalid = next(r for r in table.report.rules if r.rule == "invalid_flag")
    assert invalid.rows == blocked and "Liefersperre" in invalid.text("en")  # counted, not silently dropped


def test_firma_the_company_name_never_describes_a_persona(tmp_path):
    rng = np.random.default_rng(13)
    frame = master_data(rng).assign(Firma=rng.choice(["", "Meier GmbH", "Schulz & Söhne KG", "Weiß AG"], N))
    table = load_table(write(frame, tmp_path / "datev_debitoren.csv"), table="customers").validated
    assert table.columns["Firma"].kind == "personal_data"  # before: "feature"
    excluded = analyze_tables({"customers": table})["personas"]["excluded"]
    assert {"column": "Firma", "code": "personal_data"} in excluded


def test_plz_keeps_its_leading_zero(tmp_path):
    frame = master_data(np.random.default_rng(14))
    table = load_table(write(frame, tmp_path / "kunden.csv"), table="customers").validated
    # before: read as numbers, 01067 (Dresden) became 1067.0
    assert table.data["PLZ"].tolist() == frame["PLZ"].tolist()
    assert table.columns["PLZ"].kind == "postal_code"


def test_age_from_geburtsdatum_with_placeholders_counted(tmp_path):
    frame = master_data(np.random.default_rng(15))
    frame.loc[:5, "Geburtsdatum"] = "00.00.0000"  # an ERP's empty date
    frame.loc[6:8, "Geburtsdatum"] = "01.01.1900"  # its default date: 126 years old
    table = load_table(write(frame, tmp_path / "kunden.csv"), table="customers").validated
    born = pd.to_datetime(frame["Geburtsdatum"], format="%d.%m.%Y", errors="coerce")
    today = pd.Timestamp.today().normalize()
    expected = (today.year - born.dt.year) - ((born.dt.month > today.month) | (
        (born.dt.month == today.month) & (born.dt.day > today.day)))  # fmt: skip
    expected = expected.where(expected <= 110)
    assert table.data["age"].notna().sum() == expected.notna().sum() == N - 9
    assert (table.data["age"] - expected).abs().max() <= 1  # whole years; 365.2425-day years at birthdays
    rules = {r.rule: r.rows for r in table.report.rules}
    assert rules["unparseable_date"] == 6 and rules["implausible_value"] == 3  # before: the 6 went uncounted


def test_kundenklasse_a_b_c_is_the_segment(tmp_path):
    rng = np.random.default_rng(16)
    frame = master_data(rng).assign(Kundenklasse=rng.choice(["A", "B", "C"], N, p=[0.2, 0.3, 0.5]))
    table = load_table(write(frame, tmp_path / "kunden.csv"), table="customers").validated
    assert table.report.mapping["segment"] == "Kundenklasse"  # before: an unnamed extra column
    assert table.data["segment"].value_counts().to_dict() == frame["Kundenklasse"].value_counts().to_dict()


def test_deckungsbeitrag_in_percent_is_a_rate_of_revenue_not_money(tmp_path):
    rng = np.random.default_rng(17)
    frame = master_data(rng)
    amounts = frame["Umsatz Vorjahr"].str.replace(" €", "").str.replace(".", "")
    revenue = amounts.str.replace(",", ".").astype(float)
    share = rng.uniform(15, 45, N).round(1)
    frame["Deckungsbeitrag in %"] = [f"{x:.1f}".replace(".", ",") for x in share]
    table = load_table(write(frame, tmp_path / "kunden.csv"), table="customers").validated
    # before: the per cent figures were the margin in euros (CLV mean 163 instead of 4,830 on a probe)
    assert table.data["margin"].to_numpy() == pytest.approx((revenue * share / 100).to_numpy())
    assert "margin_from_rate" in [e.code for e in table.columns["margin"].evidence]
    without_revenue = frame.drop(columns=["Umsatz Vorjahr"])
    table = load_table(write(without_revenue, tmp_path / "ohne_umsatz.csv"), table="customers").validated
    assert table.data["margin"].isna().all()  # no margin in money: no CLV rather than a wrong one
    assert "margin_rate_no_revenue" in [e.code for e in table.columns["margin"].evidence]


@pytest.mark.parametrize("header", ["DB Vorjahr", "DB I", "DB1", "DB"])
def test_the_abbreviated_contribution_margin_is_the_margin_of_the_clv(tmp_path, header):
    """German ERPs write the contribution margin as "DB I", "DB1" or "DB Vorjahr". Before: none of them was
    the margin, so the CLV asked for a margin rate; now it equals m·r/(1+d−r) with m from the column."""
    rng = np.random.default_rng(10)
    per_year = rng.gamma(2.0, 500.0, N).round(2)
    path = write(_with_margin(header, per_year, rng.uniform(1.0, 12.0, N)), tmp_path / "db.csv")

    table = load_table(path, table="customers").validated
    clv = analyze_tables({"customers": table})["kpis"]["clv"]

    assert table.report.mapping["margin"] == header
    retention = clv["assumptions"]["retention"]
    assert clv["mean"] == pytest.approx((per_year * retention / (1.1 - retention)).mean(), rel=1e-6)


def test_a_database_id_is_no_margin(tmp_path):
    frame = master_data(np.random.default_rng(11)).assign(**{"DB-ID": np.arange(5000, 5000 + N)})
    table = load_table(write(frame, tmp_path / "ids.csv"), table="customers").validated
    assert "margin" not in table.report.mapping
