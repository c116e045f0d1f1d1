"""Customer tables as CRMs and ERPs export them: which column is revenue, when a customer left, what a
status word says (cxlib.customer_columns). Files are written to ``tmp_path``; every figure is checked
against one counted directly with pandas."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from cxlib.analysis import AnalysisSettings, analyze_tables
from cxlib.churn import churn_rate
from cxlib.customer_columns import company_revenue, latest_year_column, running_year, status_churn_words
from cxlib.intake import load_table

N = 120


def german(x: float) -> str:
    return f"{x:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")


def handbook_churn(since: pd.Series, end: pd.Series, as_of: pd.Timestamp) -> tuple[int, float]:
    """Churned in the 12 calendar months up to ``as_of`` / mean of the 12 month-end customer counts."""
    months = pd.period_range(as_of.to_period("M") - 11, as_of.to_period("M"), freq="M")
    ends = [min(month.end_time.normalize(), as_of) for month in months]
    average = float(np.mean([((since <= day) & ~(end <= day)).sum() for day in ends]))
    churned = int(((end >= months[0].start_time) & (end <= as_of)).sum())
    return churned, average


def customer_base() -> pd.DataFrame:
    rng = np.random.default_rng(3)
    since = pd.Series(pd.Timestamp("2019-01-01") + pd.to_timedelta(rng.integers(0, 2000, N), unit="D"))
    end = since + pd.to_timedelta(rng.integers(60, 1200, N), unit="D")
    end = end.where((np.arange(N) % 4 == 0) & (end <= pd.Timestamp("2024-12-31")))
    return pd.DataFrame({"since": since, "end": end, "sales_2023": rng.gamma(2, 900, N).round(2),
                         "sales_2024": rng.gamma(2, 1000, N).round(2)})  # fmt: skip


def load(path, **options):
    return load_table(str(path), table="customers", **options).validated


def test_german_erp_master_latest_year_churn_date_and_no_date_as_number(tmp_path):
    base = customer_base()
    erp = pd.DataFrame(
        {
            "Kundennummer": [f"K{10000 + i}" for i in range(N)],
            "PLZ": [f"{10000 + 7 * i:05d}" for i in range(N)],
            "Umsatz 2023": base["sales_2023"].map(german),
            "Umsatz 2024": base["sales_2024"].map(german),
            "Kunde seit": base["since"].dt.strftime("%d.%m.%Y"),
            "Gekündigt am": base["end"].dt.strftime("%d.%m.%Y").fillna(""),
            "Letzte Bestellung": base["since"].dt.strftime("%d.%m.%Y"),
        }
    )
    path = tmp_path / "kunden.csv"
    erp.to_csv(path, sep=";", index=False)
    table = load(path)
    assert table.report.mapping["revenue"] == "Umsatz 2024"  # before: "Umsatz 2023", the older year
    assert table.data["revenue"].round(2).tolist() == base["sales_2024"].tolist()
    assert table.report.mapping["churn_date"] == "Gekündigt am"  # before: no churn rate at all
    as_of = max(base["since"].max(), base["end"].max())
    churned, average = handbook_churn(base["since"], base["end"], as_of)
    result = churn_rate(table.data, as_of=as_of.date())
    assert (result.churned, result.average_customers) == (churned, pytest.approx(average))
    # before: "15.11.2024" became the number 15,112,024 and described personas
    assert not pd.api.types.is_numeric_dtype(table.data["Letzte Bestellung"])
    codes = {e.code for e in table.columns["revenue"].evidence} | {
        e.code for e in table.columns["churn_date"].evidence
    }
    assert {"revenue_latest_year", "churn_date_header"} <= codes
    assert table.columns["churned"].kind == "flag"  # derived from the dates (was listed as a trait)


def test_monthly_fee_as_text_euros_is_revenue_per_month(tmp_path):
    base = customer_base()
    fee = np.where(np.arange(N) % 3 == 0, 9.9, 49.0)
    frame = pd.DataFrame(
        {
            "Kunden-Nr.": [str(i) for i in range(N)],
            "Vertragsbeginn": base["since"].dt.strftime("%d.%m.%Y"),
            "Gekündigt zum": base["end"].dt.strftime("%d.%m.%Y").fillna(""),
            "Monatsbeitrag": [f"{german(x)} €" for x in fee],
        }
    )
    path = tmp_path / "abo.csv"
    frame.to_csv(path, sep=";", index=False)
    table = load(path)
    assert table.report.mapping["revenue"] == "Monatsbeitrag" and table.columns["revenue"].period == "month"
    assert table.data["revenue"].tolist() == pytest.approx((fee * 12).tolist())
    assert table.report.mapping["churn_date"] == "Gekündigt zum"


def test_crm_annual_revenue_beside_employees_is_the_company_not_spend(tmp_path):
    rng = np.random.default_rng(5)
    contacts = pd.DataFrame(
        {
            "Record ID": rng.permutation(np.arange(10**8, 10**8 + N)),
            "Create Date": "2024-01-01 10:00",
            "Annual Revenue": rng.choice([1e6, 5e6, 2.5e7, 1e8], N),
            "Number of Employees": rng.choice([10, 50, 250, 1000], N),
            "Age": rng.integers(20, 70, N),
        }
    )
    path = tmp_path / "hubspot-crm-exports-all-contacts.csv"
    contacts.to_csv(path, index=False)
    table = load(path)
    assert "revenue" not in table.report.mapping  # before: revenue, persona trait "high spend 100,000,000"
    assert [e.code for e in table.columns["Annual Revenue"].evidence] == ["company_revenue"]
    document = analyze_tables({"customers": table}, settings=AnalysisSettings(n_personas=2))
    labels = [trait["label"] for persona in document["personas"]["personas"] for trait in persona["traits"]]
    assert not any("spend" in label for label in labels)


@pytest.mark.parametrize(
    ("words", "churned"),
    [
        (["Active", "Trialing", "Cancelled", "Churned"], ["Cancelled", "Churned"]),
        (["aktiv", "gekündigt"], ["gekündigt"]),
        (["Existing Customer", "Attrited Customer"], ["Attrited Customer"]),
    ],
)
def test_a_status_column_gives_the_churn_share(tmp_path, words, churned):
    status = [words[i % len(words)] for i in range(N)]
    frame = pd.DataFrame({"Customer ID": [f"C{i}" for i in range(N)], "Status": status,
                          "Newsletter": [i % 2 for i in range(N)]})  # fmt: skip
    path = tmp_path / "status.csv"
    frame.to_csv(path, index=False)
    table = load(path)
    assert table.report.mapping["churned"] == "Status"  # the 0/1 newsletter flag is no churn
    expected = sum(word in churned for word in status)
    assert int(table.data["churned"].sum()) == expected
    assert churn_rate(table.data).value == pytest.approx(expected / N)


def test_dormant_is_not_churned_where_the_status_also_says_cancelled():
    assert status_churn_words(pd.Series(["aktiv", "inaktiv", "gekündigt"])) == {
        "aktiv": False,
        "inaktiv": False,
        "gekündigt": True,
    }
    assert status_churn_words(pd.Series(["Active", "Inactive"])) == {"Active": False, "Inactive": True}
    assert status_churn_words(pd.Series(["yes", "no"])) is None  # plain yes/no says nothing about churn


def test_a_dormant_status_reaches_the_churn_share(tmp_path):
    status = ["aktiv"] * 60 + ["inaktiv"] * 30 + ["gekündigt"] * 30
    frame = pd.DataFrame({"Kundennummer": [str(i) for i in range(N)], "Status": status})
    path = tmp_path / "status.csv"
    frame.to_csv(path, sep=";", index=False)
    table = load(path)
    assert churn_rate(table.data).value == pytest.approx(30 / N)  # the general reading gave 60 / 120


def test_helpers_on_headers():
    assert latest_year_column("Revenue FY23", ["Revenue FY23", "Revenue FY24", "Revenue FY22"]) == (
        "Revenue FY24",
        [2022, 2023, 2024],
    )
    assert latest_year_column("Umsatz 2024", ["Umsatz 2024", "Kosten 2025"]) is None
    assert not company_revenue("Umsatz", pd.Series([1234.5]), ["Kundennummer"])


def test_leaked_scores_and_address_parts_never_describe_personas():
    from cxlib.customer_columns import persona_exclusion

    values = pd.Series(np.linspace(0, 1, 50))
    for header in ("Kündigungswahrscheinlichkeit", "churn_score", "Abwanderungsrisiko", "Churn Risk"):
        assert persona_exclusion(header, values) == "model_score", header
    assert persona_exclusion("Hausnummer", pd.Series(range(1, 51))) == "personal_data"
    assert persona_exclusion("House Number", pd.Series(range(1, 51))) == "personal_data"
    assert persona_exclusion("Haushaltsgröße", pd.Series([1, 2, 3, 4] * 10)) is None


def test_revenue_of_a_whole_year_is_preferred_to_the_year_so_far(tmp_path):
    rng = np.random.default_rng(9)
    frame = pd.DataFrame(
        {
            "Kundennummer": [str(i) for i in range(N)],
            "Umsatz lfd. Jahr": rng.gamma(2, 300, N).round(2),
            "Umsatz Vorjahr": rng.gamma(2, 700, N).round(2),
        }
    )
    path = tmp_path / "umsatz.xlsx"
    frame.to_excel(path, index=False)
    table = load(path)
    assert table.report.mapping["revenue"] == "Umsatz Vorjahr"
    assert table.data["revenue"].tolist() == frame["Umsatz Vorjahr"].tolist()
    alone = frame.drop(columns="Umsatz Vorjahr")
    alone.to_excel(path, index=False)
    codes = [e.code for e in load(path).columns["revenue"].evidence]
    assert "period_year_to_date" in codes  # used, but said to be the year so far


def test_a_lifetime_total_is_divided_by_the_years_since_signup(tmp_path):
    frame = pd.DataFrame(
        {
            "Customer No.": ["1", "2", "3"],
            "Customer Since": ["2020-01-01", "2022-01-01", "2023-01-01"],
            "Cancellation Date": ["2022-01-01", "", ""],
            "Lifetime Revenue": ["2,000.00 USD", "3,000.00 USD", "600.00 USD"],
        }
    )
    path = tmp_path / "ltv.csv"
    frame.to_csv(path, index=False)
    table = load(path)
    # to the cancellation, else to the latest date in the table (2023-01-01); at least one month
    days = np.array([731, 365, 0])
    years = np.maximum(days / 365.25, 1 / 12)
    # before: the lifetime totals were used as yearly revenue (2,000, 3,000, 600)
    assert table.data["revenue"].tolist() == pytest.approx(
        (np.array([2000.0, 3000.0, 600.0]) / years).tolist()
    )
    codes = [e.code for e in table.columns["revenue"].evidence]
    assert codes[-2:] == ["tenure_from_signup", "revenue_lifetime_per_tenure"]


@pytest.mark.parametrize(
    ("column", "values", "prospects"),
    [
        ("Lifecycle Stage", ["subscriber", "lead", "marketingqualifiedlead", "customer", "evangelist"], 3),
        ("Type", ["Prospect", "Customer - Direct", "Customer - Channel", "Former Customer"], 1),
        ("Kundenstatus", ["Interessent", "Bestandskunde", "Bestandskunde", "Neukunde"], 1),
    ],
)
def test_leads_and_prospects_are_no_customers(tmp_path, column, values, prospects):
    # a CRM export holds every contact: before, all of them were counted as customers
    frame = pd.DataFrame(
        {"Record ID": [str(i) for i in range(N)], column: [values[i % len(values)] for i in range(N)]}
    )
    path = tmp_path / "crm.csv"
    frame.to_csv(path, index=False)
    table = load(path)
    expected = sum(i % len(values) < prospects for i in range(N))
    assert (table.report.rows_used, table.report.rows_set_aside) == (N - expected, expected)
    (rule,) = [r for r in table.report.rules if r.rule == "not_a_customer"]
    assert rule.rows == expected and column in rule.message


def test_a_plan_or_region_is_no_lifecycle():
    from cxlib.customer_columns import prospect_rows

    frame = pd.DataFrame({"Plan": ["Basic", "Pro"] * 10, "Region": ["Nord", "Süd"] * 10})
    assert prospect_rows(frame, frame.columns) is None


def test_a_latest_year_still_running_gives_way_to_the_last_full_year(tmp_path):
    """ "Umsatz 2025" in a mid-2025 export holds half a year: the full year 2024 is the yearly revenue."""
    base = customer_base()
    running = (base["sales_2024"] * 0.45).round(2)
    frame = pd.DataFrame(
        {
            "Kundennummer": [f"K{10000 + i}" for i in range(N)],
            "Umsatz 2023": base["sales_2023"].map(german),
            "Umsatz 2024": base["sales_2024"].map(german),
            "Umsatz 2025": running.map(german),
        }
    )
    path = tmp_path / "kunden.csv"
    frame.to_csv(path, sep=";", index=False)
    table = load(path)
    assert table.report.mapping["revenue"] == "Umsatz 2024"  # before: "Umsatz 2025", half a year
    assert table.data["revenue"].round(2).tolist() == base["sales_2024"].tolist()
    evidence = {e.code: e.params for e in table.columns["revenue"].evidence}
    assert evidence["revenue_last_full_year"]["running"] == "Umsatz 2025"


def test_running_year_helper():
    assert running_year({2024: 1000.0, 2025: 740.0}) == 2025
    assert running_year({2024: 1000.0, 2025: 760.0}) is None  # a bad year is still a full year
    assert running_year({2025: 10.0}) is None
