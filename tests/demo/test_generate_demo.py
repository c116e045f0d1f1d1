"""generate_demo: deterministic, consistent tables with German headers and dates up to the reference date."""

from datetime import date, datetime

import numpy as np
import pandas as pd
import pytest

from cxlib.demo import (
    COMMENT_CLOSINGS,
    COMMENT_THEME_WEIGHTS,
    COMMENT_THEMES,
    MAX_TRANSACTIONS,
    PERSONA_NAMES,
    REFERENCE_DATE,
    TOUCHPOINTS,
    generate_demo,
    planted_comment_theme,
)

CUSTOMER_COLUMNS = [
    "Kundennummer", "Anmeldedatum", "Kündigungsdatum", "Alter", "Geschlecht", "Region", "Einkommen",
    "Bestellungen", "Umsatz", "Marge", "Akquisitionskosten", "Kanal", "Newsletter",
]  # fmt: skip
SURVEY_COLUMNS = [
    "Antwort-ID", "Kundennummer", "Datum", "Weiterempfehlung", "Gesamtzufriedenheit",
    *TOUCHPOINTS, "Kommentar",
]  # fmt: skip


@pytest.fixture(scope="module")
def data():
    return generate_demo()


def test_the_same_call_gives_identical_tables(data):
    again = generate_demo()
    pd.testing.assert_frame_equal(again.customers, data.customers)
    pd.testing.assert_frame_equal(again.survey, data.survey)
    pd.testing.assert_frame_equal(again.transactions, data.transactions)
    pd.testing.assert_series_equal(again.persona_truth, data.persona_truth)


def test_another_seed_gives_other_data(data):
    other = generate_demo(seed=7)
    assert not other.customers["Alter"].equals(data.customers["Alter"])
    assert not other.survey["Weiterempfehlung"].equals(data.survey["Weiterempfehlung"])


def test_sizes_headers_and_ids(data):
    customers, survey = data.customers, data.survey
    assert list(customers.columns) == CUSTOMER_COLUMNS
    assert list(survey.columns) == SURVEY_COLUMNS
    assert list(data.transactions.columns) == ["Kundennummer", "Datum", "Betrag"]
    assert len(customers) == 4000 and len(survey) == 4800
    assert customers["Kundennummer"].is_unique and survey["Antwort-ID"].is_unique
    assert customers["Kundennummer"].iloc[[0, -1]].tolist() == ["K-000001", "K-004000"]
    assert survey["Antwort-ID"].iloc[0] == "A-000001"
    assert customers["Anmeldedatum"].is_monotonic_increasing  # numbered in order of signup
    assert data.persona_truth.index.equals(pd.Index(customers["Kundennummer"]))


def test_planted_persona_sizes_are_unequal_and_exact(data):
    assert data.persona_truth.value_counts().sort_index().tolist() == [1400, 1000, 880, 720]
    assert len(PERSONA_NAMES) == 4


def test_values_lie_in_their_ranges(data):
    customers, survey = data.customers, data.survey
    assert customers["Alter"].between(18, 90).all()
    assert set(customers["Geschlecht"]) == {"weiblich", "männlich", "divers"}
    assert 0.01 <= (customers["Geschlecht"] == "divers").mean() <= 0.03
    assert set(customers["Region"]) == {"Nord", "Süd", "Ost", "West"}
    assert set(customers["Kanal"]) == {"Online", "Filiale"} and set(customers["Newsletter"]) == {"ja", "nein"}
    assert (customers["Bestellungen"] >= 1).all() and (customers["Umsatz"] > 0).all()
    ratio = customers["Marge"].sum() / customers["Umsatz"].sum()
    assert 0.25 <= ratio <= 0.40
    assert survey["Weiterempfehlung"].between(0, 10).all()
    assert survey["Gesamtzufriedenheit"].between(1, 5).all()
    ratings = survey[list(TOUCHPOINTS)]
    given = ratings.to_numpy()[ratings.notna().to_numpy()]
    assert set(np.unique(given)) == {1.0, 2.0, 3.0, 4.0, 5.0}
    assert ratings.isna().mean().between(0.04, 0.16).all()  # not every customer used every touchpoint


def test_margin_rate_depends_on_the_persona(data):
    persona = data.persona_truth.to_numpy()
    sums = data.customers.groupby(persona)[["Marge", "Umsatz"]].sum()
    rates = sums["Marge"] / sums["Umsatz"]
    assert rates.between(0.24, 0.40).all() and rates.max() - rates.min() > 0.08


def test_all_dates_lie_before_the_reference_date_and_the_newest_signup_is_on_it(data):
    reference = pd.Timestamp(REFERENCE_DATE)
    customers = data.customers
    for dates in (customers["Anmeldedatum"], customers["Kündigungsdatum"], data.survey["Datum"],
                  data.transactions["Datum"]):  # fmt: skip
        assert dates.max() <= reference
    assert customers["Anmeldedatum"].max() == reference
    assert customers["Anmeldedatum"].min() >= reference - pd.DateOffset(years=4)


def test_churn_dates_follow_signup_and_lie_in_the_last_two_years(data):
    customers = data.customers
    churned = customers[customers["Kündigungsdatum"].notna()]
    assert (churned["Kündigungsdatum"] > churned["Anmeldedatum"]).all()
    assert churned["Kündigungsdatum"].min() >= pd.Timestamp("2024-10-01")
    assert 0.12 <= len(churned) / len(customers) <= 0.25


def test_survey_answers_come_from_customers_active_that_day(data):
    answers = data.survey.merge(data.customers, on="Kundennummer", how="left", validate="many_to_one")
    assert answers["Anmeldedatum"].notna().all()
    assert (answers["Anmeldedatum"] <= answers["Datum"]).all()
    assert (answers["Kündigungsdatum"].isna() | (answers["Datum"] < answers["Kündigungsdatum"])).all()
    assert answers["Datum"].min() >= pd.Timestamp("2024-10-01")
    assert data.survey["Datum"].is_monotonic_increasing


def test_comments_carry_one_planted_theme_in_the_persona_and_tone_mix(data):
    comments = data.survey["Kommentar"]
    assert 0.35 <= comments.notna().mean() <= 0.45
    written = comments.dropna()
    theme = written.map(planted_comment_theme)
    assert theme.notna().all()
    # One planted sentence, then at most one theme-free closing sentence of the same tone.
    closings = {sentence for group in COMMENT_CLOSINGS for sentence in group}
    bank = {sentence for groups in COMMENT_THEMES.values() for group in groups for sentence in group}
    first = written.map(lambda text: next(s for s in bank if text.startswith(s)))
    rest = pd.Series(
        [text[len(s) :].strip() for text, s in zip(written, first, strict=True)], index=written.index
    )
    assert rest[rest != ""].isin(closings).all()
    # Varied wording: every theme in several sentences, and most of the bank is used.
    assert all(len(negative) + len(positive) >= 7 for negative, positive in COMMENT_THEMES.values())
    assert first.nunique() >= 0.9 * len(bank)
    # Detractors write negative sentences, promoters positive ones; weights follow the persona.
    recommend = data.survey.loc[written.index, "Weiterempfehlung"]
    positive = {s for negative_positive in COMMENT_THEMES.values() for s in negative_positive[1]}
    assert not first[recommend <= 6].isin(positive).any()
    assert first[recommend >= 9].isin(positive).all()
    author = data.survey.loc[written.index, "Kundennummer"].map(data.persona_truth)
    names = list(COMMENT_THEMES)
    for persona, (negative_weights, _) in enumerate(COMMENT_THEME_WEIGHTS):
        mine = theme[(author == persona) & (recommend <= 6)]
        assert mine.value_counts().index[0] == names[int(np.argmax(negative_weights))]


def test_transactions_are_the_orders_and_add_up_to_the_revenue(data):
    """The last 12 months of each relationship hold exactly the customer table's orders and revenue;
    before them, purchases since signup at the same rate (the Value page's purchase history)."""
    customers = data.customers.set_index("Kundennummer")
    transactions = data.transactions
    assert 40_000 <= len(transactions) <= MAX_TRANSACTIONS
    ids = transactions["Kundennummer"].unique()
    assert list(ids) == list(customers.index[: len(ids)])  # the first customers, each complete
    merged = transactions.join(customers, on="Kundennummer")
    last = merged["Kündigungsdatum"].fillna(pd.Timestamp(REFERENCE_DATE) + pd.Timedelta(days=1))
    assert (merged["Datum"] < last).all() and (merged["Datum"] >= merged["Anmeldedatum"]).all()
    window = merged["Datum"] >= last - pd.Timedelta(days=365)  # the last 12 months of the relationship
    recent = transactions[window.to_numpy()]
    counts = recent.groupby("Kundennummer").size()
    assert (counts == customers.loc[counts.index, "Bestellungen"]).all()
    sums = recent.groupby("Kundennummer")["Betrag"].sum().round(2)
    np.testing.assert_allclose(sums, customers.loc[sums.index, "Umsatz"], atol=0.005)
    assert (transactions["Betrag"] >= 0).all()
    assert (~window).sum() > 10_000  # a real purchase history before the last 12 months


def test_without_transactions_the_table_is_empty_with_its_columns():
    data = generate_demo(n_customers=100, with_transactions=False)
    assert data.transactions.empty and list(data.transactions.columns) == ["Kundennummer", "Datum", "Betrag"]


def test_another_reference_date_and_sizes():
    data = generate_demo(n_customers=500, n_responses=123, reference_date=date(2025, 3, 31), seed=3)
    assert len(data.customers) == 500 and len(data.survey) == 123
    assert data.customers["Anmeldedatum"].max() == pd.Timestamp("2025-03-31")
    assert data.survey["Datum"].max() <= pd.Timestamp("2025-03-31")
    assert data.customers["Kündigungsdatum"].max() <= pd.Timestamp("2025-03-31")


def test_customer_numbers_are_zero_padded_to_six_digits():
    customers = generate_demo(n_customers=10, with_transactions=False).customers
    assert customers["Kundennummer"].tolist() == [f"K-{number:06d}" for number in range(1, 11)]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"n_customers": 0}, "n_customers must lie in 1..1048575"),
        ({"n_customers": 1_048_576}, "n_customers must lie in 1..1048575"),
        ({"n_customers": 10.0}, "n_customers must be a whole number"),
        ({"n_customers": True}, "n_customers must be a whole number"),
        ({"n_responses": 0}, "n_responses must lie in 1..1048575"),
        ({"seed": -1}, "seed must be a non-negative whole number"),
        ({"reference_date": datetime(2026, 9, 30)}, "reference_date must be a datetime.date"),
        ({"reference_date": "2026-09-30"}, "reference_date must be a datetime.date"),
    ],
)
def test_impossible_options_raise_a_precise_value_error(options, message):
    with pytest.raises(ValueError, match=message.replace(".", r"\.")):
        generate_demo(**options)
