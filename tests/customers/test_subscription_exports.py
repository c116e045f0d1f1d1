"""Customer tables of subscription and marketing businesses as billing systems, CRMs and the well-known
practice sets write them (telco churn tables, a marketing-campaign table, SaaS and insurance exports):
which column is revenue and for what period, what describes personas and what only restates the answer
(cxlib.customer_columns, cxlib.personas.features). Files are written to ``tmp_path`` with synthetic
values; every figure is checked against one computed directly with pandas."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from cxlib.analysis import AnalysisSettings, analyze_tables
from cxlib.churn import churn_rate
from cxlib.clv import ClvSettings
from cxlib.intake import load_table
from cxlib.kpis import KpiSettings, kpi_section, tiles_of
from cxlib.messages import Message
from cxlib.personas.features import default_features

N = 300


def load(path, **options):
    return load_table(str(path), table="customers", **options).validated


def days_after(day: str, days: np.ndarray) -> pd.DatetimeIndex:
    return pd.Timestamp(day) + pd.to_timedelta(days, "D")


def telco(rng: np.random.Generator) -> pd.DataFrame:
    """A telco churn table: Yes/No service columns, monthly and total charges, a Yes/No churn flag."""
    tenure = rng.integers(1, 73, N)
    internet = rng.choice(["DSL", "Fiber optic", "No"], N)
    phone = rng.choice(["Yes", "No"], N, p=[0.9, 0.1])
    monthly = np.round(rng.uniform(18, 118, N), 2)
    return pd.DataFrame(
        {
            "customerID": [f"{1000 + i}-{chr(65 + i % 26)}QXZB" for i in range(N)],
            "gender": rng.choice(["Female", "Male"], N),
            "tenure": tenure,
            "PhoneService": phone,
            "MultipleLines": np.where(phone == "No", "No phone service", rng.choice(["Yes", "No"], N)),
            "InternetService": internet,
            "OnlineSecurity": np.where(internet == "No", "No internet service", rng.choice(["Yes", "No"], N)),
            "Contract": rng.choice(["Month-to-month", "One year", "Two year"], N),
            "MonthlyCharges": monthly,
            "TotalCharges": np.round(monthly * tenure, 2),
            "Churn": rng.choice(["Yes", "No"], N, p=[0.27, 0.73]),
        }
    )


def test_telco_yes_no_phone_service_is_a_service_not_a_phone_number(tmp_path):
    frame = telco(np.random.default_rng(1))
    frame["Phone"] = [f"+49 30 {5550000 + i}" for i in range(N)]
    path = tmp_path / "WA_Fn-UseC_-Telco-Customer-Churn.csv"
    frame.to_csv(path, index=False)
    table = load(path)
    # before: "PhoneService" (Yes/No) was left out of the personas as a phone number
    assert table.columns["PhoneService"].kind == "feature"
    assert table.columns["MultipleLines"].kind == "feature"
    assert table.columns["Phone"].kind == "phone_number"  # numbers to dial stay out
    assert table.data["churned"].mean() == pytest.approx((frame["Churn"] == "Yes").mean())
    assert table.data["revenue"].mean() == pytest.approx(frame["MonthlyCharges"].mean() * 12)
    result = churn_rate(table.data)
    # no dates: the share is said to be a share, not a 12-month rate
    assert result.definition == "share_churned" and result.window is None


def test_telco_workbook_churn_value_reason_score_and_cltv_never_describe_personas(tmp_path):
    rng = np.random.default_rng(2)
    base = telco(rng)
    churn_value = (base["Churn"] == "Yes").astype(int)
    workbook = base.rename(columns={"customerID": "CustomerID", "Churn": "Churn Label"}).assign(
        Count=1,
        **{
            "Zip Code": rng.integers(90001, 96162, N),
            "Latitude": rng.uniform(32.5, 42.0, N).round(6),
            "Churn Value": churn_value,
            "Churn Score": np.where(churn_value == 1, rng.integers(65, 101, N), rng.integers(5, 81, N)),
            "CLTV": rng.integers(2003, 6501, N),
            "Churn Reason": np.where(churn_value == 1, rng.choice(["Moved", "Price too high"], N), None),
        },
    )
    path = tmp_path / "Telco_customer_churn.xlsx"
    workbook.to_excel(path, index=False)
    table = load(path)
    left_out = ("Churn Value", "Churn Reason", "CLTV", "Churn Score")
    kinds = {column: table.columns[column].kind for column in left_out}
    # before: all but "Churn Score" were traits, and CLTV a default persona feature
    assert kinds == {
        "Churn Value": "churn_outcome",
        "Churn Reason": "churn_outcome",
        "CLTV": "precomputed_value",
        "Churn Score": "model_score",
    }
    assert default_features(table.data) == ["revenue", "tenure", "TotalCharges"]  # before: + "CLTV"
    assert table.data["churned"].sum() == churn_value.sum()
    document = analyze_tables({"customers": table}, settings=AnalysisSettings(n_personas=3))
    excluded = {item["column"]: item["code"] for item in document["personas"]["excluded"]}
    assert excluded["CLTV"] == "precomputed_value" and excluded["Churn Reason"] == "churn_outcome"
    assert document["kpis"]["customers"] == N == workbook["Count"].sum()


def test_a_contract_type_that_only_leans_to_churn_stays_a_trait(tmp_path):
    rng = np.random.default_rng(3)
    frame = telco(rng)
    month_to_month = frame["Contract"] == "Month-to-month"
    frame["Churn"] = np.where(rng.random(N) < np.where(month_to_month, 0.45, 0.05), "Yes", "No")
    path = tmp_path / "telco.csv"
    frame.to_csv(path, index=False)
    assert load(path).columns["Contract"].kind == "feature"


def test_marketing_campaign_year_birth_gives_the_age_not_a_trait(tmp_path):
    rng = np.random.default_rng(4)
    year = rng.integers(1940, 1997, N)
    year[:3] = [1893, 1899, 1900]
    frame = pd.DataFrame(
        {
            "ID": rng.permutation(11200)[:N],
            "Year_Birth": year,
            "Education": rng.choice(["Graduation", "PhD", "Master", "2n Cycle", "Basic"], N),
            "Marital_Status": rng.choice(["Married", "Together", "Single", "YOLO", "Absurd"], N),
            "Income": rng.normal(52000, 20000, N).clip(2000).round(),
            "Kidhome": rng.integers(0, 3, N),
            "Teenhome": rng.integers(0, 3, N),
            "Dt_Customer": days_after("2012-07-30", rng.integers(0, 700, N)).strftime("%d-%m-%Y"),
            "Recency": rng.integers(0, 100, N),
            "MntWines": rng.gamma(1.0, 300, N).round(),
            "Z_CostContact": 3,
            "Z_Revenue": 11,
            "Response": rng.choice([0, 1], N, p=[0.85, 0.15]),
        }
    )
    path = tmp_path / "marketing_campaign.csv"
    frame.to_csv(path, sep="\t", index=False)
    table = load_table(str(path), table="customers").validated
    # ages on the data's date (the latest Dt_Customer, where churn is measured), not today's year
    year = pd.to_datetime(frame["Dt_Customer"], dayfirst=True).max().year
    expected = (year - frame["Year_Birth"]).astype(float).where(lambda age: age <= 110)
    # before: no age; the raw birth year described personas ("high year birth")
    assert table.data["age"].tolist() == pytest.approx(expected.tolist(), nan_ok=True)
    assert table.data["age"].isna().sum() == (year - frame["Year_Birth"] > 110).sum() == 3
    assert table.columns["Year_Birth"].kind == "birth_year"
    features = default_features(table.data)
    assert "Year_Birth" not in features and features[:2] == ["age", "income"]
    assert {table.columns[c].kind for c in ("Z_CostContact", "Z_Revenue")} == {"near_constant"}


def test_insurance_annual_premium_is_revenue_not_the_sales_channel_code(tmp_path):
    rng = np.random.default_rng(5)
    premium = rng.normal(31000, 9000, N).clip(2630).round()
    frame = pd.DataFrame(
        {
            "id": np.arange(1, N + 1),
            "Gender": rng.choice(["Male", "Female"], N),
            "Age": rng.integers(20, 85, N),
            "Region_Code": rng.integers(0, 53, N).astype(float),
            "Previously_Insured": rng.choice([0, 1], N),
            "Vehicle_Damage": rng.choice(["Yes", "No"], N),
            "Annual_Premium": np.where(rng.random(N) < 0.17, 2630.0, premium),
            "Policy_Sales_Channel": rng.choice([26.0, 124.0, 152.0, 160.0], N),
            "Vintage": rng.integers(10, 300, N),
            "Response": rng.choice([0, 1], N, p=[0.88, 0.12]),
        }
    )
    path = tmp_path / "train.csv"
    frame.to_csv(path, index=False)
    table = load(path)
    # before: revenue was "Policy_Sales_Channel" (mean 115.7 "per year"), a channel code
    assert table.report.mapping["revenue"] == "Annual_Premium"
    assert table.columns["revenue"].period == "year"
    assert table.data["revenue"].mean() == pytest.approx(frame["Annual_Premium"].mean())
    assert table.columns["Policy_Sales_Channel"].kind == "numeric_code"
    assert "Policy_Sales_Channel" not in default_features(table.data)


def test_saas_mrr_beside_arr_and_a_health_score_do_not_describe_personas(tmp_path):
    rng = np.random.default_rng(6)
    start = pd.Timestamp("2022-01-01") + pd.to_timedelta(rng.integers(0, 1000, N), "D")
    status = rng.choice(["Active", "Cancelled", "Trial"], N, p=[0.65, 0.25, 0.1])
    cancel = pd.Series(start + pd.to_timedelta(rng.integers(30, 700, N), "D")).where(status == "Cancelled")
    cancel = cancel.where(cancel <= pd.Timestamp("2025-03-31"))
    status = np.where((status == "Cancelled") & cancel.isna(), "Active", status)
    seats = rng.integers(1, 60, N)
    mrr = np.where(status == "Trial", 0, seats * rng.choice([15, 39, 79], N)).astype(float)
    frame = pd.DataFrame(
        {
            "account_id": [f"acc_{i:05d}" for i in range(N)],
            "plan": rng.choice(["Starter", "Growth", "Enterprise"], N),
            "seats": seats,
            "mrr": mrr,
            "arr": mrr * 12,
            "status": status,
            "start_date": start.strftime("%Y-%m-%d"),
            "canceled_at": cancel.dt.strftime("%Y-%m-%d").fillna(""),
            "health_score": rng.integers(0, 101, N),
        }
    )
    path = tmp_path / "accounts.csv"
    frame.to_csv(path, index=False)
    table = load(path)
    assert table.report.mapping["revenue"] == "arr" and table.columns["revenue"].period == "year"
    assert table.data["revenue"].mean() == pytest.approx(frame["arr"].mean())
    # before: personas used revenue, seats, mrr (spend twice) and health_score (a churn prediction)
    assert default_features(table.data) == ["revenue", "seats"]
    assert table.columns["mrr"].kind == "revenue_duplicate"
    assert table.columns["health_score"].kind == "model_score"
    assert table.columns["status (original)"].kind == "churn_outcome"
    signup = pd.to_datetime(frame["start_date"])
    as_of = max(signup.max(), cancel.max())
    months = pd.period_range(as_of.to_period("M") - 11, as_of.to_period("M"), freq="M")
    ends = [min(m.end_time.normalize(), as_of) for m in months]
    average = np.mean([((signup <= day) & ~(cancel <= day)).sum() for day in ends])
    churned = ((cancel >= months[0].start_time) & (cancel <= as_of)).sum()
    result = churn_rate(table.data)
    assert (result.churned, result.average_customers) == (churned, pytest.approx(average))


def test_german_crm_status_beside_the_cancellation_date_is_the_outcome(tmp_path):
    rng = np.random.default_rng(7)
    beginn = pd.Series(pd.Timestamp("2019-01-01") + pd.to_timedelta(rng.integers(0, 2200, N), "D"))
    ende = (beginn + pd.to_timedelta(rng.integers(60, 900, N), "D")).where(rng.random(N) < 0.3)
    ende = ende.where(ende <= pd.Timestamp("2025-06-30"))
    beitrag = rng.choice([9.99, 19.99, 29.99, 49.9], N)
    frame = pd.DataFrame(
        {
            "Kundennummer": rng.permutation(np.arange(100000, 999999))[:N],
            "Geburtsdatum": days_after("1950-01-01", rng.integers(0, 20000, N)).strftime("%d.%m.%Y"),
            "PLZ": [f"{z:05d}" for z in rng.integers(1067, 99998, N)],
            "Tarif": rng.choice(["Basis", "Plus", "Premium"], N),
            "Vertragsbeginn": beginn.dt.strftime("%d.%m.%Y"),
            "Kündigungsdatum": ende.dt.strftime("%d.%m.%Y").fillna(""),
            "Monatsbeitrag": [f"{b:.2f}".replace(".", ",") for b in beitrag],
            "Status": np.where(ende.notna(), "gekündigt", "aktiv"),
        }
    )
    path = tmp_path / "kunden.csv"
    frame.to_csv(path, sep=";", index=False, encoding="cp1252")
    table = load(path)
    assert table.columns["Status"].kind == "churn_outcome"  # before: a trait ("aktiv"/"gekündigt")
    assert table.data["revenue"].mean() == pytest.approx(beitrag.mean() * 12)
    assert table.data["churned"].sum() == ende.notna().sum()


@pytest.mark.parametrize(
    ("label", "suffix"), [("Total", ".csv"), ("Summe:", ".xlsx"), ("Gesamtergebnis", ".xlsx")]
)
def test_a_totals_row_below_the_customers_is_set_aside(tmp_path, label, suffix):
    frame = telco(np.random.default_rng(8)).astype(str)
    totals = {column: "" for column in frame.columns}
    totals |= {"customerID": label, "MonthlyCharges": f"{frame['MonthlyCharges'].astype(float).sum():.2f}"}
    path = tmp_path / f"export{suffix}"
    exported = pd.concat([frame, pd.DataFrame([totals])], ignore_index=True)
    exported.to_csv(path, index=False) if suffix == ".csv" else exported.to_excel(path, index=False)
    loaded = load_table(str(path), table="customers")
    table = loaded.validated
    # before: 301 customers, and the sum row's charges doubled the mean revenue
    assert len(table.data) == N and table.report.rows_set_aside == 1
    assert [rule.rule for rule in table.report.rules if rule.set_aside] == ["total_row"]
    assert table.data["revenue"].mean() == pytest.approx(frame["MonthlyCharges"].astype(float).mean() * 12)


def test_telco_clv_from_a_churned_share_says_the_share_is_used_as_a_year(tmp_path):
    frame = telco(np.random.default_rng(9))
    path = tmp_path / "telco.csv"
    frame.to_csv(path, index=False)
    table = load(path)
    settings = KpiSettings(clv=ClvSettings(margin_rate=0.3))
    section = kpi_section(table.data, None, settings=settings)
    retention = 1 - (frame["Churn"] == "Yes").mean()
    margin = frame["MonthlyCharges"] * 12 * 0.3
    expected = (margin * retention / (1.1 - retention)).mean()
    assert section["clv"]["mean"] == pytest.approx(expected)
    # before: the share (of an unknown period) became the yearly retention without a word
    assert section["clv"]["assumptions"]["retention_definition"] == "share_churned"
    (tile,) = [tile for tile in tiles_of(table.data, None, settings=settings) if tile.key == "clv"]
    assert Message("kpi.help.clv_retention_share") in tile.help
    assert "as if it were one year's retention" in tile.render("en").help
    assert "wie die Kundenbindung eines Jahres" in tile.render("de").help


def test_an_amount_per_payment_beside_the_payment_frequency_becomes_a_year(tmp_path):
    rng = np.random.default_rng(10)
    frequency = rng.choice(["monatlich", "vierteljährlich", "halbjährlich", "jährlich", "k.A."], N)
    payments = {"monatlich": 12, "vierteljährlich": 4, "halbjährlich": 2, "jährlich": 1}
    per_year = pd.Series(frequency).map(payments)
    beitrag = rng.uniform(10, 400, N).round(2)
    frame = pd.DataFrame(
        {
            "Versicherungsnehmer-Nr.": [f"VN{700000 + i}" for i in range(N)],
            "Tarif": rng.choice(["Kompakt", "Komfort", "Premium"], N),
            "Beitrag": [f"{b:.2f}".replace(".", ",") for b in beitrag],
            "Zahlweise": frequency,
            "Vertragsbeginn": days_after("2015-01-01", rng.integers(0, 3000, N)).strftime("%d.%m.%Y"),
        }
    )
    path = tmp_path / "bestand.csv"
    frame.to_csv(path, sep=";", index=False)
    table = load(path)
    assert table.report.mapping["revenue"] == "Beitrag"
    expected = beitrag * per_year  # "k.A." (no answer): unknown, left empty
    # before: every "Beitrag" was taken as per year (monthly payers at 1/12 of their revenue)
    assert table.data["revenue"].tolist() == pytest.approx(expected.tolist(), nan_ok=True)
    codes = [e.code for e in table.columns["revenue"].evidence]
    assert "period_payment_frequency" in codes and "revenue_per_payment_x_frequency" in codes
    assumption = [a for a in table.data.attrs["assumptions"] if a["column"] == "revenue"][-1]
    assert assumption["code"] == "revenue_per_payment_x_frequency"
    # no frequency ("k.A."): the amount's period is unknown, so it is left empty and counted
    unknown = assumption["params"]["unknown"]
    assert unknown == (frequency == "k.A.").sum() == table.data["revenue"].isna().sum()


def test_a_monthly_fee_beside_a_billing_period_keeps_its_header_period(tmp_path):
    rng = np.random.default_rng(11)
    fee = rng.uniform(5, 90, N).round(2)
    frame = pd.DataFrame(
        {"customer_id": [f"c{i}" for i in range(N)], "monthly_fee": fee,
         "billing_period": rng.choice(["monthly", "annual"], N)}
    )  # fmt: skip
    path = tmp_path / "subscriptions.csv"
    frame.to_csv(path, index=False)
    table = load(path)
    assert table.columns["revenue"].period == "month"
    assert table.data["revenue"].tolist() == pytest.approx((fee * 12).tolist())


@pytest.mark.parametrize(
    ("header", "months_per_unit"), [("Tenure (weeks)", 12 / 52), ("Kundendauer in Jahren", 12.0)]
)
def test_a_lifetime_total_is_divided_by_the_tenure_in_its_own_unit(tmp_path, header, months_per_unit):
    rng = np.random.default_rng(12)
    tenure = rng.integers(1, 40, N)
    total = rng.uniform(100, 5000, N).round(2)
    frame = pd.DataFrame({"customer_id": [f"c{i}" for i in range(N)], "total_spend": total, header: tenure})
    path = tmp_path / "members.csv"
    frame.to_csv(path, index=False)
    table = load(path)
    assert table.report.mapping["tenure"] == header and table.columns["revenue"].period == "lifetime"
    years = np.maximum(tenure * months_per_unit, 1) / 12
    # before: both were read as months (revenue per year 4.3x too low / 12x too high)
    assert table.data["revenue"].tolist() == pytest.approx((total / years).tolist())


def test_stripe_subscriptions_customer_id_and_amount_per_interval(tmp_path):
    rng = np.random.default_rng(13)
    created = days_after("2022-06-01", rng.integers(0, 900, N))
    interval = rng.choice(["month", "year"], N, p=[0.7, 0.3])
    amount = np.where(interval == "year", 10, 1) * rng.choice([19.0, 49.0, 99.0], N)
    status = rng.choice(["active", "canceled", "trialing"], N, p=[0.7, 0.2, 0.1])
    canceled = pd.Series(created + pd.to_timedelta(rng.integers(20, 500, N), "D")).where(status == "canceled")
    frame = pd.DataFrame(
        {
            "id": [f"sub_{i:014d}" for i in rng.permutation(N)],
            "Customer ID": [f"cus_{i:014d}" for i in rng.permutation(N)],
            "Customer Email": [f"user{i}@example.com" for i in range(N)],
            "Quantity": rng.integers(1, 6, N),
            "Interval Count": 1,
            "Interval": interval,
            "Amount": amount,
            "Status": status,
            "Start Date (UTC)": created.strftime("%Y-%m-%d %H:%M"),
            "Canceled At (UTC)": canceled.dt.strftime("%Y-%m-%d %H:%M").fillna(""),
        }
    )
    path = tmp_path / "subscriptions.csv"
    frame.to_csv(path, index=False)
    table = load(path)
    # before: the subscription "id" was the customer ID, and each plan amount a year's revenue (mean 215)
    assert table.report.mapping["customer_id"] == "Customer ID"
    assert table.data["customer_id"].tolist() == frame["Customer ID"].tolist()
    yearly = amount * np.where(interval == "month", 12, 1)
    assert table.data["revenue"].tolist() == pytest.approx(yearly.tolist())
    assert table.data["churned"].sum() == canceled.notna().sum()


@pytest.mark.parametrize(
    ("header", "written"),
    [("Dt_Customer", "%d-%m-%Y"), ("Aktivierungsdatum", "%d.%m.%Y"), ("Enrollment Date", "%m/%d/%Y")],
)
def test_the_day_a_customer_joined_is_found_by_header_words(tmp_path, header, written):
    rng = np.random.default_rng(14)
    joined = days_after("2012-07-30", rng.integers(0, 700, N))
    frame = pd.DataFrame(
        {
            "ID": rng.permutation(11200)[:N],
            header: joined.strftime(written),
            "Last Customer Contact Date": days_after("2014-07-01", rng.integers(0, 90, N)).strftime(written),
            "Recency": rng.integers(0, 100, N),
        }
    )
    path = tmp_path / "customers.csv"
    frame.to_csv(path, index=False)
    table = load(path)
    # before: no signup date (the column was text; no tenure, no data period)
    assert table.report.mapping["signup_date"] == header
    assert table.data["signup_date"].tolist() == list(joined)
    assert "churn_date" not in table.report.mapping  # the last contact is no start and no end


def test_trial_accounts_are_counted_as_customers_and_said_so(tmp_path):
    rng = np.random.default_rng(15)
    status = rng.choice(["Active", "Trial", "Cancelled", "Past due"], N, p=[0.6, 0.15, 0.2, 0.05])
    frame = pd.DataFrame(
        {
            "account_id": [f"acc_{i:05d}" for i in range(N)],
            "plan": rng.choice(["Starter", "Growth"], N),
            "mrr": np.where(status == "Trial", 0.0, rng.choice([15.0, 39.0, 79.0], N)),
            "status": status,
        }
    )
    path = tmp_path / "accounts.csv"
    frame.to_csv(path, index=False)
    table = load(path)
    (rule,) = [rule for rule in table.report.rules if rule.rule == "trial_customers"]
    # before: the 0-MRR trials were customers without a word
    assert rule.rows == (status == "Trial").sum() and not rule.set_aside
    assert len(table.data) == N
    assert table.data["churned"].sum() == (status == "Cancelled").sum()


def test_a_usage_frequency_is_a_trait_not_orders(tmp_path):
    rng = np.random.default_rng(16)
    tenure = rng.integers(1, 61, N)
    frame = pd.DataFrame(
        {
            "CustomerID": np.arange(2, N + 2).astype(float),
            "Age": rng.integers(18, 66, N),
            "Tenure": tenure,
            "Usage Frequency": rng.integers(1, 31, N),
            "Support Calls": rng.integers(0, 11, N),
            "Subscription Type": rng.choice(["Basic", "Standard", "Premium"], N),
            "Total Spend": rng.uniform(100, 1000, N).round(),
            "Churn": rng.choice([0.0, 1.0], N),
        }
    )
    path = tmp_path / "customer_churn_dataset-testing-master.csv"
    frame.to_csv(path, index=False)
    table = load(path)
    assert "orders" not in table.report.mapping  # before: "Usage Frequency" was the number of orders
    assert table.columns["Usage Frequency"].kind == "feature"
    assert table.data["revenue"].tolist() == pytest.approx((frame["Total Spend"] / (tenure / 12)).tolist())
    assert table.data["churned"].mean() == pytest.approx(frame["Churn"].mean())


def test_german_insurers_numeric_zahlweise_is_payments_per_year(tmp_path):
    rng = np.random.default_rng(17)
    zahlweise = rng.choice([1, 2, 4, 12], N)
    beitrag = rng.uniform(10, 300, N).round(2)
    frame = pd.DataFrame(
        {
            "VSNR": [f"{4711000 + i}" for i in range(N)],
            "Zahlbeitrag": [f"{b:.2f}".replace(".", ",") for b in beitrag],
            "Zahlweise": zahlweise,
            "Sparte": rng.choice(["KFZ", "Hausrat", "Haftpflicht"], N),
        }
    )
    path = tmp_path / "bestand.csv"
    frame.to_csv(path, sep=";", index=False)
    table = load(path)
    assert table.report.mapping["revenue"] == "Zahlbeitrag"
    # before: each payment was taken as a year's premium (mean 152.27 instead of 653.36)
    assert table.data["revenue"].tolist() == pytest.approx((beitrag * zahlweise).tolist())
