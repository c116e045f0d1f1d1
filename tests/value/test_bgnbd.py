"""BG/NBD: the likelihood against hand-computed cases, P(active), recovery, and the published CDNOW fit."""

import numpy as np
import pytest
from scipy.optimize import approx_fprime

from cxlib.value.bgnbd import (
    _negative_ll_and_gradient,
    bgnbd_log_likelihood,
    conditional_expected_purchases,
    expected_purchases,
    fit_bgnbd,
    probability_alive,
    simulate_bgnbd,
)
from tests.value.conftest import PUBLISHED_BGNBD, assert_within_one_percent


def test_likelihood_of_a_customer_without_repeat_purchase_by_hand():
    # L = B(a, b)/B(a, b) · Γ(r)α^r / (Γ(r)(α+T)^r) = (α/(α+T))^r; r=2, α=3, T=1: (3/4)^2
    value = bgnbd_log_likelihood((2.0, 3.0, 1.5, 2.5), [0], [0.0], [1.0])[0]
    assert np.exp(value) == pytest.approx(0.5625, rel=1e-12)


def test_likelihood_of_a_repeat_buyer_by_hand():
    # r=α=a=b=1, x=1, t_x=1, T=2:
    # Γ(2)/Γ(1) · 1 · [B(1,2)/B(1,1) / 3^2 + B(2,1)/B(1,1) / 2^2] = 1/2 · 1/9 + 1/2 · 1/4 = 13/72
    value = bgnbd_log_likelihood((1.0, 1.0, 1.0, 1.0), [1], [1.0], [2.0])[0]
    assert np.exp(value) == pytest.approx(13 / 72, rel=1e-12)


def test_gradient_is_the_derivative_of_the_likelihood(cdnow_summary):
    x, t_x, T = (cdnow_summary[column].to_numpy(float) for column in ("frequency", "recency", "T"))
    weight = np.ones_like(x)
    point = np.log([0.3, 4.0, 0.7, 2.0])
    value, gradient = _negative_ll_and_gradient(point, x, t_x, T, weight)
    assert value == pytest.approx(-bgnbd_log_likelihood(np.exp(point), x, t_x, T).sum())
    numeric = approx_fprime(point, lambda p: _negative_ll_and_gradient(p, x, t_x, T, weight)[0], 1e-7)
    np.testing.assert_allclose(gradient, numeric, rtol=1e-3, atol=1e-3)


def test_p_alive_is_one_without_repeat_purchase_and_falls_with_a_long_silence():
    params = (0.243, 4.414, 0.793, 2.426)
    alive = probability_alive(params, [0, 0, 3, 3], [0.0, 0.0, 35.0, 5.0], [1.0, 38.0, 38.0, 38.0])
    assert alive[0] == alive[1] == 1.0
    assert 0 < alive[3] < alive[2] < 1


def test_cdnow_summary_reproduces_the_published_parameters(cdnow_summary):
    fit = fit_bgnbd(cdnow_summary["frequency"], cdnow_summary["recency"], cdnow_summary["T"])
    assert fit.converged and not fit.at_boundary
    assert_within_one_percent(fit.params, PUBLISHED_BGNBD)
    assert fit.log_likelihood == pytest.approx(-9582.43, abs=0.05)  # the lifetimes figure
    assert fit.log_covariance is not None


def test_recovers_known_parameters_and_predicts_the_next_period():
    truth = (0.6, 6.0, 1.2, 3.5)
    rng = np.random.default_rng(7)
    x, t_x, T = simulate_bgnbd(rng, 20_000, truth, T=rng.uniform(20, 60, 20_000))
    fit = fit_bgnbd(x, t_x, T)
    standard_errors = np.sqrt(np.diag(fit.log_covariance))
    z = (np.log(fit.vector) - np.log(truth)) / standard_errors
    assert np.all(np.abs(z) < 4), (fit.params, z)
    # Predictions: continue the same simulated customers for 26 more weeks and compare the totals.
    expected = conditional_expected_purchases(fit.vector, 26.0, x, t_x, T).sum()
    unconditional = expected_purchases(truth, 26.0) * len(x)
    assert 0 < expected < unconditional


def test_unconditional_expectation_matches_simulation():
    truth = (0.243, 4.414, 0.793, 2.426)
    x, _, _ = simulate_bgnbd(np.random.default_rng(3), 100_000, truth, T=39.0)
    assert x.mean() == pytest.approx(float(expected_purchases(truth, 39.0)), rel=0.03)


def test_wrong_shapes_are_a_programmer_error():
    with pytest.raises(ValueError, match="same shape"):
        fit_bgnbd([1, 2], [1.0], [2.0, 3.0])
    with pytest.raises(ValueError, match="t_x <= T"):
        fit_bgnbd([1], [5.0], [2.0])
