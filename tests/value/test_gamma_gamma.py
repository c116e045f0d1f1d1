"""Gamma-Gamma: the likelihood by hand, recovery, and the published CDNOW fit from the raw transactions."""

import numpy as np
import pandas as pd
import pytest

from cxlib.value.gamma_gamma import conditional_expected_spend, fit_gamma_gamma, gamma_gamma_log_likelihood
from cxlib.value.purchases import customer_days, summarize_purchases
from tests.value.conftest import CDNOW_CALIBRATION_END, PUBLISHED_GAMMA_GAMMA, assert_within_one_percent


def test_likelihood_by_hand():
    # p=2, q=3, γ=4, x=2, m=5: Γ(7)/(Γ(4)Γ(3)) · 4^3 · 2^4 · 5^3 / (4+10)^7
    expected = 720 / (6 * 2) * 64 * 16 * 125 / 14**7
    value = gamma_gamma_log_likelihood((2.0, 3.0, 4.0), [2], [5.0])[0]
    assert np.exp(value) == pytest.approx(expected, rel=1e-12)


def test_repeat_purchase_average_reproduces_the_published_parameters(cdnow_transactions):
    summary = summarize_purchases(customer_days(cdnow_transactions), end=pd.Timestamp(CDNOW_CALIBRATION_END))
    repeat = summary.customers[summary.customers["frequency"] > 0]
    assert len(repeat) == 946
    fit = fit_gamma_gamma(repeat["frequency"], repeat["monetary_value"])
    assert fit.converged and fit.log_covariance is not None
    assert_within_one_percent(fit.params, PUBLISHED_GAMMA_GAMMA)


def test_average_over_all_purchases_does_not_reproduce_them(cdnow_transactions):
    """The published fit uses the repeat purchases only; averaging the first purchase in gives p ≈ 14."""
    summary = summarize_purchases(customer_days(cdnow_transactions), end=pd.Timestamp(CDNOW_CALIBRATION_END))
    repeat = summary.customers[summary.customers["frequency"] > 0]
    fit = fit_gamma_gamma(repeat["frequency"], repeat["average_order_value"])
    assert fit.p > 10


def test_recovers_known_parameters():
    rng = np.random.default_rng(11)
    n = 20_000
    x = rng.integers(1, 8, n).astype(float)
    nu = rng.gamma(3.0, 1 / 30.0, n)  # q = 3, γ = 30
    m = rng.gamma(5.0 * x, 1 / nu) / x  # p = 5
    fit = fit_gamma_gamma(x, m)
    z = (np.log(fit.vector) - np.log([5.0, 3.0, 30.0])) / np.sqrt(np.diag(fit.log_covariance))
    assert np.all(np.abs(z) < 4), (fit.params, z)


def test_expected_spend_shrinks_towards_the_population_mean():
    params = (6.25, 3.74, 15.45)
    population = 6.25 * 15.45 / 2.74
    spend = conditional_expected_spend(params, [0, 1, 20], [np.nan, 100.0, 100.0])
    assert spend[0] == pytest.approx(population)
    assert population < spend[1] < spend[2] < 100


def test_needs_positive_spend():
    with pytest.raises(ValueError, match="m > 0"):
        fit_gamma_gamma([1.0, 2.0], [10.0, 0.0])
