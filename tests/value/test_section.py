"""The value section end to end: a synthetic shop with known parameters, fallbacks, JSON shape."""

from datetime import date

import numpy as np
import pandas as pd
import pytest

from cxlib.value.section import ValueSettings, analyze_value, value_section
from cxlib.value.simulate import simulate_purchase_log

TRUE_BGNBD = (0.5, 4.0, 0.9, 3.0)
TRUE_GAMMA_GAMMA = (5.0, 3.5, 40.0)


@pytest.fixture(scope="module")
def shop_log() -> pd.DataFrame:
    return simulate_purchase_log(
        np.random.default_rng(5), 6000, bgnbd=TRUE_BGNBD, gamma_gamma=TRUE_GAMMA_GAMMA,
        start="2024-01-01", end="2025-06-29", acquisition_days=84,
    )  # fmt: skip


@pytest.fixture(scope="module")
def shop(shop_log):
    return analyze_value(shop_log, settings=ValueSettings(calibration_end=date(2024, 9, 29)))


def test_recovers_the_parameters_of_the_population(shop):
    assert shop.has_model
    for fit, truth in ((shop.bgnbd, TRUE_BGNBD), (shop.gamma_gamma, TRUE_GAMMA_GAMMA)):
        z = (np.log(fit.vector) - np.log(truth)) / np.sqrt(np.diag(fit.log_covariance))
        assert np.all(np.abs(z) < 4), (fit.params, z)


def test_holdout_predictions_match_what_the_customers_did(shop):
    check = shop.holdout
    assert check.actual > 1000
    assert check.predicted == pytest.approx(check.actual, rel=0.1)
    by_group = check.by_frequency.set_index("frequency")
    assert by_group["customers"].sum() == 6000
    assert by_group.loc[0, "predicted"] < by_group.loc[7, "predicted"]
    cumulative = check.cumulative
    assert cumulative["actual"].is_monotonic_increasing and cumulative["predicted"].is_monotonic_increasing
    assert cumulative["predicted"].iloc[-1] == pytest.approx(cumulative["actual"].iloc[-1], rel=0.1)


def test_per_customer_values(shop):
    customers = shop.customers
    no_repeat = customers["frequency"] == 0
    assert (customers.loc[no_repeat, "p_alive"] == 1.0).all()
    assert customers["p_alive"].between(0, 1).all()
    assert (customers["clv"] > 0).all()
    assert (customers["inactive"] == (customers["p_alive"] < 0.5)).all()
    low, high = shop.clv["interval"]
    assert low < shop.clv["total"] < high


def test_section_has_the_issue_keys(shop):
    section = value_section(shop, lang="de", churn_rate=0.2)
    assert {"customers", "rfm", "model", "clv", "notes"} <= set(section)
    assert section["customers"] == 6000
    model = section["model"]
    assert {"name", "params", "log_likelihood", "n_repeat_buyers", "calibration_end", "holdout"} <= set(model)
    assert set(model["holdout"]) >= {"predicted", "actual"}
    assert model["calibration_end"] == "2024-09-29" and not model["calibration_end_chosen"]
    assert {"mean", "total", "interval", "horizon_months", "discount_rate"} <= set(section["clv"])
    assert section["clv"]["interval_method"] == "observed_information_delta_method"
    assert sum(row["count"] for row in section["rfm"].values()) == 6000
    assert section["active"]["customer_table_churn_rate"] == 0.2


def test_longer_horizon_gives_more_value_and_discounting_less(shop_log):
    def mean_clv(**options):
        settings = ValueSettings(calibration_end=date(2024, 9, 29), **options)
        return analyze_value(shop_log, settings=settings).clv["mean"]

    base = mean_clv()
    assert mean_clv(horizon_months=24) > base
    assert mean_clv(discount_rate=0.0) > base


def test_too_few_repeat_buyers_gives_a_note_and_no_model_figures(shop_log):
    few = shop_log[shop_log["customer_id"].isin(shop_log["customer_id"].unique()[:300])]
    result = analyze_value(few, settings=ValueSettings(calibration_end=date(2024, 9, 29)))
    section = value_section(result)
    assert section["model"] is None and section["active"] is None
    assert any("at least 300" in note for note in section["notes"])
    # under two years of log: no simple CLV either, and it says so
    assert section["clv"] is None
    assert any("two years" in note for note in section["notes"])


def test_calibration_end_is_chosen_and_reported(shop_log):
    result = analyze_value(shop_log)
    section = value_section(result)
    assert section["model"]["calibration_end_chosen"]
    assert any(section["model"]["calibration_end"] in note for note in section["notes"])


def test_a_log_without_amounts_has_rfm_but_no_clv(shop_log):
    result = analyze_value(
        shop_log.drop(columns="amount"), settings=ValueSettings(calibration_end=date(2024, 9, 29))
    )
    section = value_section(result)
    assert section["clv"] is None and section["model"] is None
    assert sum(row["count"] for row in section["rfm"].values()) == 6000


def test_settings_are_checked():
    with pytest.raises(ValueError, match="horizon_months"):
        ValueSettings(horizon_months=0).check()
    with pytest.raises(ValueError, match="inactive_threshold"):
        ValueSettings(inactive_threshold=1.0).check()


def _three_year_log(*, repeat: bool) -> pd.DataFrame:
    """60 customers over three years (2022-2024), without amounts; each buys 3 times or once."""
    rng = np.random.default_rng(12)
    rows = [
        {"customer_id": f"k{customer}", "date": pd.Timestamp("2022-01-03") + pd.Timedelta(days=int(day))}
        for customer in range(60)
        for day in rng.integers(0, 1090, 3 if repeat else 1)
    ]
    return pd.DataFrame(rows)


def test_a_long_log_without_amounts_names_the_missing_amounts_not_its_length():
    # before: "The simple CLV needs two years of purchases" on three years of purchases; the cause is
    # that the log has no amounts, and the note says that (once)
    section = value_section(analyze_value(_three_year_log(repeat=True)))
    assert section["clv"] is None and section["revenue"] is None
    assert not any("two years" in note for note in section["notes"])
    assert sum("has no amounts" in note for note in section["notes"]) == 1


def test_no_customer_bought_twice_says_the_ids_may_name_orders():
    # a customer id issued per order (Olist's customer_id): 60 customers, 0 repeat buyers; before the
    # only note was "Only 0 customers bought again", with no hint at the cause
    section = value_section(analyze_value(_three_year_log(repeat=False)), lang="de")
    assert section["customers"] == 60 and section["repeat_buyers"] == 0
    assert any(note.startswith("Keiner der 60 Kunden hat zweimal gekauft") for note in section["notes"])
    several = value_section(analyze_value(_three_year_log(repeat=True)))
    assert not any("bought twice" in note for note in several["notes"])
