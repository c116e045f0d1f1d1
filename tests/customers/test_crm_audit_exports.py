"""Customer tables exported from CRM, e-mail-marketing, shop and German ERP systems (HubSpot contacts,
Salesforce accounts, a Mailchimp audience, Shopify customers, a German ERP customer list), written to
``tmp_path`` as the tools write them. Customer counts, churn and the columns personas may use are checked
against pandas and against what each column means."""

from __future__ import annotations

import string

import numpy as np
import pandas as pd
import pytest

from cxlib.analysis import AnalysisSettings, analyze_files, analyze_tables
from cxlib.churn import churn_rate
from cxlib.customer_answers import answer_columns
from cxlib.intake import load_table
from cxlib.personas.features import default_features

N = 200


def load(path, **options):
    return load_table(str(path), table="customers", **options).validated


def salesforce_accounts(rng: np.random.Generator) -> pd.DataFrame:
    """A Salesforce accounts report: 18-character IDs, the account Type, Rating Hot/Warm/Cold, an owner."""
    types = ["Prospect", "Customer - Direct", "Customer - Channel", "Former Customer", "Other",
             "Channel Partner / Reseller"]  # fmt: skip
    letters = list(string.ascii_letters + string.digits)
    return pd.DataFrame(
        {
            "Account ID": ["001" + "".join(rng.choice(letters, 15)) for _ in range(N)],
            "Account Name": [f"Firma {i} GmbH" for i in range(N)],
            "Type": rng.choice(types, N, p=[0.2, 0.4, 0.15, 0.15, 0.05, 0.05]),
            "Industry": rng.choice(["Retail", "Energy", "Technology"], N),
            "Annual Revenue": rng.choice([1e6, 5e6, 2.5e7, 1e8], N),
            "Employees": rng.choice([10, 50, 200, 1000, 5000], N),
            "Customer Since": (
                pd.Timestamp("2016-01-01") + pd.to_timedelta(rng.integers(0, 3000, N), "D")
            ).strftime("%m/%d/%Y"),
            "Rating": rng.choice(["Hot", "Warm", "Cold"], N),
            "Account Owner": rng.choice(["Jane Doe", "John Smith", "Max Mustermann"], N),
            "Number of Locations": rng.integers(1, 9, N),
        }
    )


def test_salesforce_former_customers_are_churned_and_prospects_partners_no_customers(tmp_path):
    """Before: all 200 accounts but the prospects were customers (partners and "Other" too) and there was
    no churn figure; "Former Customer" was a customer like any other. Now the customers are the accounts
    whose Type names a customer, and the churn share is the former customers among them (pandas)."""
    frame = salesforce_accounts(np.random.default_rng(11))
    path = tmp_path / "report1700000000000.csv"
    frame.to_csv(path, index=False)
    table = load(path)
    customers = frame[frame["Type"].str.contains("Customer")]
    former = int((customers["Type"] == "Former Customer").sum())
    assert table.report.rows_used == len(customers)
    rules = {rule.rule: rule.rows for rule in table.report.rules if rule.set_aside}
    assert rules["not_a_customer"] == int((frame["Type"] == "Prospect").sum())
    assert rules["other_contact"] == int(frame["Type"].isin(["Other", "Channel Partner / Reseller"]).sum())
    assert "invalid_flag" not in {rule.rule for rule in table.report.rules}  # prospects are no bad flags
    assert table.report.mapping["churned"] == "Type"
    assert churn_rate(table.data).value == pytest.approx(former / len(customers))


def test_hubspot_other_contacts_are_no_customers(tmp_path):
    """HubSpot's lifecycle stage "other" (partners, suppliers, staff): before counted as customers."""
    stages = ["subscriber", "lead", "marketingqualifiedlead", "salesqualifiedlead", "opportunity", "customer",
              "evangelist", "other"]  # fmt: skip
    rng = np.random.default_rng(12)
    frame = pd.DataFrame({"Record ID": rng.permutation(np.arange(51, 51 + N)) * 97,
                          "Lifecycle Stage": rng.choice(stages, N)})  # fmt: skip
    path = tmp_path / "hubspot-crm-exports-all-contacts-2025-06-30.csv"
    frame.to_csv(path, index=False)
    table = load(path)
    assert table.report.rows_used == int(frame["Lifecycle Stage"].isin(["customer", "evangelist"]).sum())
    (rule,) = [r for r in table.report.rules if r.rule == "other_contact"]
    assert rule.rows == int((frame["Lifecycle Stage"] == "other").sum())
    assert rule.text("de").startswith(f"{rule.rows} Zeilen sind in „Lifecycle Stage“ weder Kunden")


def test_scores_of_tools_owners_and_time_offsets_never_describe_personas(tmp_path):
    """HubSpot Score (a lead score 0–100), Mailchimp's MEMBER_RATING (engagement stars), Salesforce's
    Rating (Hot/Warm/Cold), the account owner or "Vertreter", and GMTOFF/DSTOFF: before, traits of the
    personas ("high hub spot score", "low member rating"); now left out with a reason. None of them is a
    satisfaction answer."""
    rng = np.random.default_rng(13)
    frame = pd.DataFrame(
        {
            "Kundennummer": [f"K{i}" for i in range(N)],
            "Umsatz": rng.gamma(2, 500, N).round(2),
            "HubSpot Score": rng.integers(0, 101, N),
            "MEMBER_RATING": rng.integers(1, 6, N),
            "Lead Score": rng.integers(0, 101, N),
            "Likelihood to close": rng.uniform(0, 100, N).round(2),
            "Rating": rng.choice(["Hot", "Warm", "Cold"], N),
            "Account Owner": rng.choice(["Jane Doe", "John Smith"], N),
            "Vertreter": rng.choice(["Müller", "Huber", "Schmidt"], N),
            "GMTOFF": rng.choice([-8, -5, 0, 1, 2, 5.5], N),
            "DSTOFF": rng.choice([-7, -4, 1, 2, 5.5], N),
            "Anzahl Mitarbeiter": rng.integers(1, 500, N),
        }
    )
    path = tmp_path / "kunden.csv"
    frame.to_csv(path, index=False)
    table = load(path)
    expected = {"HubSpot Score": "tool_score", "MEMBER_RATING": "tool_score", "Lead Score": "model_score",
                "Likelihood to close": "tool_score", "Rating": "tool_score",
                "Account Owner": "internal_owner", "Vertreter": "internal_owner",
                "GMTOFF": "time_offset", "DSTOFF": "time_offset"}  # fmt: skip
    assert {column: table.columns[column].kind for column in expected} == expected
    assert all(table.columns[column].excluded_from == ("personas",) for column in expected)
    assert default_features(table.data) == ["revenue", "Anzahl Mitarbeiter"]
    assert answer_columns(frame, list(expected)) == []  # never a satisfaction or NPS answer
    document = analyze_tables({"customers": table}, settings=AnalysisSettings(n_personas=2))
    features = {t["feature"] for persona in document["personas"]["personas"] for t in persona["traits"]}
    assert not features & set(expected)
    assert document["kpis"]["nps"] is None


def test_revenue_of_the_year_so_far_beside_the_full_year_is_no_trait(tmp_path):
    """A German ERP list: "Umsatz Vorjahr" is the revenue (a full year), "Umsatz lfd. Jahr" the same spend
    for the year so far. Before, both described the personas ("high spend, high umsatz lfd. jahr")."""
    rng = np.random.default_rng(14)
    previous = rng.gamma(2, 8000, N).round(2)
    frame = pd.DataFrame(
        {
            "Kundennummer": [str(10000 + i) for i in range(N)],
            "Umsatz lfd. Jahr": (previous * rng.uniform(0.2, 0.7, N)).round(2),
            "Umsatz Vorjahr": previous,
            "Kreditlimit": rng.choice([5000.0, 10000.0, 25000.0], N),
            "Zahlungsziel": rng.choice([14, 30, 60], N),
        }
    )
    path = tmp_path / "kundenliste.csv"
    frame.to_csv(path, sep=";", decimal=",", index=False)
    table = load(path)
    assert table.report.mapping["revenue"] == "Umsatz Vorjahr"
    assert table.data["revenue"].sum() == pytest.approx(previous.sum())
    assert table.columns["Umsatz lfd. Jahr"].kind == "revenue_other_period"
    assert "Umsatz lfd. Jahr" not in default_features(table.data)
    assert "tenure" not in table.data.columns  # Zahlungsziel (days to pay) is no tenure


def test_a_note_about_the_customer_is_free_text(tmp_path):
    """Shopify's "Note" holds a few short typed notes: before a category trait, now free text."""
    rng = np.random.default_rng(15)
    frame = pd.DataFrame(
        {
            "Customer ID": 6_000_000_000_000 + rng.permutation(N) * 7919,
            "Total Spent": rng.gamma(2, 120, N).round(2),
            "Total Orders": rng.integers(0, 12, N),
            "Note": rng.choice(["", "Stammkunde, bevorzugt Abholung", "Retoure offen", "VIP"], N),
        }
    )
    path = tmp_path / "customers_export.csv"
    frame.to_csv(path, index=False)
    table = load(path)
    assert table.columns["Note"].kind == "free_text"


def test_a_mailchimp_audience_says_its_rows_are_subscribers(tmp_path):
    """A Mailchimp audience export: before, 200 "customers" without a word; now the same count, said to
    be subscribers. Coordinates, offsets, engagement stars and Mailchimp's IDs describe no persona."""
    rng = np.random.default_rng(16)
    optin = pd.Timestamp("2019-01-01") + pd.to_timedelta(rng.integers(0, 2000 * 86400, N), "s")
    frame = pd.DataFrame(
        {
            "Email Address": [f"kunde{i}@example.com" for i in range(N)],
            "First Name": rng.choice(["Anna", "Ben", "Clara"], N),
            "MEMBER_RATING": rng.choice([1, 2, 3, 4, 5], N),
            "OPTIN_TIME": optin.strftime("%Y-%m-%d %H:%M:%S"),
            "CONFIRM_TIME": (optin + pd.Timedelta(minutes=3)).strftime("%Y-%m-%d %H:%M:%S"),
            "LATITUDE": rng.uniform(47, 55, N).round(7),
            "LONGITUDE": rng.uniform(6, 15, N).round(7),
            "GMTOFF": rng.choice([-5, 0, 1, 2, 5.5], N),
            "DSTOFF": rng.choice([-4, 1, 2, 5.5], N),
            "TIMEZONE": rng.choice(["Europe/Berlin", "Europe/Vienna"], N),
            "CC": rng.choice(["DE", "AT", "CH"], N),
            "LEID": 10_000_000 + rng.permutation(N) * 89,
            "EUID": ["".join(rng.choice(list("0123456789abcdef"), 10)) for _ in range(N)],
        }
    )
    path = tmp_path / "subscribed_members_export_1a2b3c.csv"
    frame.to_csv(path, index=False)
    table = load(path)
    (rule,) = [r for r in table.report.rules if r.rule == "mailing_list_rows"]
    assert rule.rows == table.report.rows_used == N and not rule.set_aside
    assert "Abonnenten" in rule.text("de")
    assert default_features(table.data) == []  # nothing in it is a trait of a customer
    assert "revenue" not in table.report.mapping


def test_shopify_customers_without_an_order_are_said(tmp_path):
    """Shopify lists every account and newsletter sign-up: "Total Orders" 0 and "Total Spent" 0.00 never
    bought. Before, they were customers without a word; now counted (pandas) and said."""
    rng = np.random.default_rng(17)
    spent = rng.gamma(2, 120, N).round(2)
    spent[rng.random(N) < 0.25] = 0.0
    frame = pd.DataFrame(
        {
            "Customer ID": 6_000_000_000_000 + rng.permutation(N) * 7919,
            "Email": [f"k{i}@example.com" for i in range(N)],
            "Accepts Email Marketing": rng.choice(["yes", "no"], N),
            "Total Spent": spent,
            "Total Orders": np.where(spent > 0, rng.integers(1, 12, N), 0),
            "Tax Exempt": rng.choice(["no", "yes"], N),
        }
    )
    path = tmp_path / "customers_export.csv"
    frame.to_csv(path, index=False)
    table = load(path)
    (rule,) = [r for r in table.report.rules if r.rule == "no_purchase"]
    assert rule.rows == int(((frame["Total Orders"] == 0) & (frame["Total Spent"] == 0)).sum())
    assert table.report.rows_used == N and not rule.set_aside
    assert table.data["revenue"].sum() == pytest.approx(spent.sum())


def test_hubspot_contacts_exported_in_german(tmp_path):
    """HubSpot's German labels: "Abonnent" and "Verkaufschance" are no customers, "Gesamtumsatz" (lifetime)
    is the revenue, not "Betrag des letzten Deals" (one deal), and "Datum, an dem der Kontakt zum Kunden
    wurde" is the day the customer joined. Before: 175 customers of 125, revenue = the last deal's amount
    taken as a year. The yearly revenue equals pandas: lifetime / years since becoming a customer."""
    stages = ["Abonnent", "Lead", "Marketingqualifizierter Lead", "Vertriebsqualifizierter Lead",
              "Verkaufschance", "Kunde", "Evangelist", "Andere"]  # fmt: skip
    rng = np.random.default_rng(18)
    stage = rng.choice(stages, N)
    customer = np.isin(stage, ["Kunde", "Evangelist"])
    became = pd.Series(pd.Timestamp("2021-01-01") + pd.to_timedelta(rng.integers(0, 1300, N), "D"))
    became = became.where(customer)
    total = np.where(customer, rng.integers(500, 50_000, N), np.nan)
    frame = pd.DataFrame(
        {
            "Datensatz-ID": 51 + rng.permutation(N) * 97,
            "Lifecycle-Phase": stage,
            "Betrag des letzten Deals": np.where(customer, (total * 0.3).round(2), np.nan),
            "Gesamtumsatz": total,
            "Anzahl der Mitarbeiter": rng.choice([5, 50, 250], N),
            "HubSpot-Score": rng.integers(0, 101, N),
            "Datum, an dem der Kontakt zum Kunden wurde": became.dt.strftime("%Y-%m-%d %H:%M"),
            "Kontakt-Owner": rng.choice(["Jana Doe", "Max Muster"], N),
        }
    )
    path = tmp_path / "hubspot-crm-exports-alle-kontakte.csv"
    frame.to_csv(path, index=False)
    table = load(path)
    assert table.report.rows_used == int(customer.sum())
    assert table.report.mapping["revenue"] == "Gesamtumsatz"
    assert table.report.mapping["signup_date"] == "Datum, an dem der Kontakt zum Kunden wurde"
    kept = frame[customer]
    days = (became[customer].max() - became[customer]).dt.days
    years = (days / (365.25 / 12)).clip(lower=1) / 12
    assert table.data["revenue"].sum() == pytest.approx((kept["Gesamtumsatz"] / years).sum())
    assert table.columns["Kontakt-Owner"].kind == "internal_owner"
    assert table.columns["HubSpot-Score"].kind == "tool_score"


def test_salesforce_accounts_exported_in_german(tmp_path):
    """Salesforce in German: "Ehemaliger Kunde" churned, "Interessent" no customer, "Installationspartner"
    and "Sonstiges" other contacts (before: kept as customers, counted as invalid churn flags),
    "Accountinhaber" the owner, "Bewertung" Heiß/Warm/Kalt the rep's rating."""
    english = salesforce_accounts(np.random.default_rng(19))
    words = {"Prospect": "Interessent", "Customer - Direct": "Kunde – direkt", "Customer - Channel":
             "Kunde – Channel", "Former Customer": "Ehemaliger Kunde", "Other": "Sonstiges",
             "Channel Partner / Reseller": "Installationspartner"}  # fmt: skip
    frame = pd.DataFrame(
        {
            "Account-ID": english["Account ID"],
            "Typ": english["Type"].map(words),
            "Jährlicher Umsatz": english["Annual Revenue"],
            "Mitarbeiter": english["Employees"],
            "Bewertung": english["Rating"].map({"Hot": "Heiß", "Warm": "Warm", "Cold": "Kalt"}),
            "Accountinhaber": english["Account Owner"],
        }
    )
    path = tmp_path / "accounts.csv"
    frame.to_csv(path, sep=";", index=False)
    table = load(path)
    customers = frame[frame["Typ"].str.startswith(("Kunde", "Ehemaliger"))]
    assert table.report.rows_used == len(customers)
    assert "invalid_flag" not in {rule.rule for rule in table.report.rules}
    former = (customers["Typ"] == "Ehemaliger Kunde").mean()
    assert churn_rate(table.data).value == pytest.approx(former)
    assert table.columns["Accountinhaber"].kind == "internal_owner"
    assert table.columns["Bewertung"].kind == "tool_score"
    assert "revenue" not in table.report.mapping  # the company's turnover, not spend


@pytest.mark.parametrize("header", ["Home Owner", "Business Owner", "Hausbesitzer"])
def test_a_customer_who_owns_something_is_no_record_owner(header):
    from cxlib.customer_columns import persona_exclusion

    assert persona_exclusion(header, pd.Series(["Yes", "No"] * 15)) is None


def test_dates_written_as_text_are_no_trait_and_open_items_no_revenue(tmp_path):
    """An ERP list: "Letzte Rechnung" written as dd.mm.yyyy with a handful of month ends (before: a
    category trait), "Offener Betrag" the open items (before: the revenue, as the only amount)."""
    rng = np.random.default_rng(20)
    frame = pd.DataFrame(
        {
            "Kundennummer": [str(20000 + i) for i in range(N)],
            "Letzte Rechnung": rng.choice(["31.01.2025", "28.02.2025", "31.03.2025", "30.04.2025"], N),
            "Offener Betrag": rng.gamma(1, 1500, N).round(2),
            "Kundengruppe": rng.choice(["Handel", "Industrie"], N),
        }
    )
    path = tmp_path / "debitoren.csv"
    frame.to_csv(path, sep=";", decimal=",", index=False)
    table = load(path)
    assert table.columns["Letzte Rechnung"].kind == "date_text"
    assert table.columns["Letzte Rechnung"].excluded_from == ("personas",)
    assert "revenue" not in table.report.mapping


def test_answers_of_leads_in_a_crm_export_are_no_customers_nps(tmp_path):
    """A HubSpot export with an "NPS Score" property: the survey made from it counted the answers of leads
    and other contacts too (n = all rows with an answer). Now only the customers' answers (pandas NPS of
    the customer rows), and the left-out answers are said."""
    stages = ["subscriber", "lead", "opportunity", "customer", "evangelist", "other"]
    rng = np.random.default_rng(21)
    frame = pd.DataFrame(
        {
            "Record ID": 51 + rng.permutation(N) * 97,
            "Lifecycle Stage": rng.choice(stages, N),
            "NPS Score": rng.integers(0, 11, N).astype(float),
        }
    )
    frame.loc[rng.random(N) < 0.3, "NPS Score"] = np.nan
    path = tmp_path / "hubspot-crm-exports-all-contacts.csv"
    frame.to_csv(path, index=False)
    document = analyze_files({"customers": str(path)})
    scores = frame.loc[frame["Lifecycle Stage"].isin(["customer", "evangelist"]), "NPS Score"].dropna()
    expected = 100 * ((scores >= 9).mean() - (scores <= 6).mean())
    nps = document["kpis"]["nps"]
    assert nps["n"] == len(scores)
    assert nps["score"] == pytest.approx(expected)
    left_out = int(frame["NPS Score"].notna().sum()) - len(scores)
    assert any(f"{left_out} answers stand in rows" in note for note in document["inputs"]["survey"]["notes"])


def test_a_lifetime_total_without_a_start_date_is_said(tmp_path):
    """HubSpot customers imported without "Became a Customer Date": their "Total Revenue" (lifetime) has
    no tenure to become a yearly revenue. Before, their revenue was silently empty; now counted (pandas)."""
    rng = np.random.default_rng(22)
    became = pd.Series(pd.Timestamp("2021-01-01") + pd.to_timedelta(rng.integers(0, 1300, N), "D"))
    became = became.where(rng.random(N) > 0.2)
    frame = pd.DataFrame(
        {
            "Record ID": 51 + rng.permutation(N) * 97,
            "Total Revenue": rng.integers(500, 50_000, N).astype(float),
            "Became a Customer Date": became.dt.strftime("%Y-%m-%d %H:%M"),
        }
    )
    path = tmp_path / "hubspot-crm-exports-customers.csv"
    frame.to_csv(path, index=False)
    table = load(path)
    (rule,) = [r for r in table.report.rules if r.rule == "revenue_without_tenure"]
    assert rule.rows == int(became.isna().sum()) and not rule.set_aside
    assert int(table.data["revenue"].notna().sum()) == int(became.notna().sum())


def test_a_years_revenue_is_preferred_to_the_lifetime_total(tmp_path):
    """An ERP list with "Umsatz gesamt" (lifetime), "Umsatz 2023" and "Umsatz 2024" (full years) and
    "Kunde seit" as a year. Before: revenue = "Umsatz gesamt" / years since 1 January of the start year,
    an average over up to 20 years; now the last full year, "Umsatz 2024" (pandas sum), said so."""
    rng = np.random.default_rng(23)
    revenue_2023 = rng.gamma(2, 6000, N).round(2)
    revenue_2024 = (revenue_2023 * rng.uniform(0.6, 1.4, N)).round(2)
    frame = pd.DataFrame(
        {
            "Kd-Nr.": [f"D{i:05d}" for i in range(N)],
            "Kunde seit": rng.integers(2005, 2024, N),
            "Umsatz gesamt": ((revenue_2023 + revenue_2024) * rng.uniform(2, 6, N)).round(2),
            "Umsatz 2023": revenue_2023,
            "Umsatz 2024": revenue_2024,
        }
    )
    path = tmp_path / "kunden_erp.csv"
    frame.to_csv(path, sep=";", decimal=",", index=False)
    table = load(path)
    assert table.report.mapping["revenue"] == "Umsatz 2024"
    assert table.data["revenue"].sum() == pytest.approx(revenue_2024.sum())
    codes = [e.code for e in table.columns["revenue"].evidence]
    assert "revenue_year_over_lifetime" in codes
    assert "revenue_year_over_lifetime" in {a["code"] for a in table.data.attrs["assumptions"]}


def test_a_crm_annual_revenue_never_replaces_the_lifetime_total(tmp_path):
    """HubSpot contacts without a company-size column: "Annual Revenue" (the company's turnover) must not
    take the revenue from "Total Revenue" (lifetime spend with us)."""
    rng = np.random.default_rng(24)
    frame = pd.DataFrame(
        {
            "Record ID": 51 + rng.permutation(N) * 97,
            "Total Revenue": rng.integers(500, 50_000, N).astype(float),
            "Annual Revenue": rng.choice([1e6, 5e6, 2.5e7], N),
        }
    )
    path = tmp_path / "contacts.csv"
    frame.to_csv(path, index=False)
    assert load(path).report.mapping["revenue"] == "Total Revenue"


@pytest.mark.parametrize("header", ["Annual Revenue", "Jahresumsatz"])
def test_a_crm_annual_revenue_is_the_company_even_without_its_size(tmp_path, header):
    """A HubSpot contacts export with "Annual Revenue" but no "Number of Employees": before, the company's
    turnover (1,000,000 …) was the customers' revenue; now no revenue, said why. The lifetime deals
    ("Total Revenue", round amounts) stay the revenue where they exist."""
    rng = np.random.default_rng(25)
    frame = pd.DataFrame(
        {
            "Record ID": 51 + rng.permutation(N) * 97,
            "Lifecycle Stage": rng.choice(["lead", "customer", "subscriber"], N),
            header: rng.choice([1e6, 5e6, 2.5e7], N),
        }
    )
    path = tmp_path / "contacts.csv"
    frame.to_csv(path, index=False)
    table = load(path)
    assert "revenue" not in table.report.mapping
    assert [e.code for e in table.columns[header].evidence] == ["company_revenue_crm"]
    frame["Total Revenue"] = rng.choice([5000.0, 10000.0, 20000.0], N)
    frame.to_csv(path, index=False)
    assert load(path).report.mapping["revenue"] == "Total Revenue"
