"""Per-customer value from the fitted models: P(active), expected purchases and spend, CLV.

CLV over a horizon of H months (revenue, or margin when a margin rate is set):

    CLV = Σ_{i=1..H} (E[Y(i·w)] − E[Y((i−1)·w)]) · E[M] / (1 + d_m)^i

with E[Y(t)] the BG/NBD expected purchases in the next t weeks, w = 365.25/12/7 weeks per month,
E[M] the Gamma-Gamma expected spend and d_m = (1 + d)^(1/12) − 1 the monthly rate of the yearly
discount rate d. All customers with the same (x, t_x, T) share one BG/NBD computation.

Intervals for the totals come from the **observed information**: the inverse Hessian of each
log-likelihood at its maximum gives the covariance of the log-parameters; the delta method carries it
to log(total) (numerical gradient), and the 95 % interval is exp(log total ± 1.96 · se). It covers the
uncertainty of the parameters, not the chance variation of individual purchases. With more than
:data:`GRADIENT_SAMPLE` distinct histories the gradient of log(total) is computed on a fixed random
sample of them (weighted by their customers' share of the total), which changes the interval's width by
far less than its own uncertainty.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from cxlib.value.bgnbd import BgnbdFit, conditional_expected_purchases, probability_alive
from cxlib.value.gamma_gamma import GammaGammaFit

__all__ = ["INTERVAL_METHOD", "WEEKS_PER_MONTH", "CustomerValue", "customer_value"]

WEEKS_PER_MONTH = 365.25 / 12 / 7
INTERVAL_METHOD = "observed_information_delta_method"
Z95 = 1.959963984540054
GRADIENT_SAMPLE = 2000


@dataclass(frozen=True)
class CustomerValue:
    """Per-customer predictions (``p_alive``, ``expected_purchases_12m``, ``expected_spend``,
    ``expected_revenue_12m``, ``clv``) and the totals with their 95 % intervals."""

    per_customer: pd.DataFrame
    clv_total: float
    clv_interval: tuple[float, float] | None
    revenue_12m_total: float
    revenue_12m_interval: tuple[float, float] | None


def _groups(summary: pd.DataFrame):
    history = summary[["frequency", "recency", "T"]].to_numpy(dtype=float)
    unique, inverse = np.unique(history, axis=0, return_inverse=True)
    return unique, inverse.ravel()


def _cumulative_purchases(bg_params, unique: np.ndarray, months: int) -> np.ndarray:
    """E[Y(i·w)] for i = 0..months (rows) and every distinct history (columns)."""
    x, t_x, T = unique.T
    steps = np.arange(1, months + 1)[:, None] * WEEKS_PER_MONTH
    grid = conditional_expected_purchases(bg_params, steps, x[None, :], t_x[None, :], T[None, :])
    return np.vstack([np.zeros((1, len(x))), grid])


def _spend(gg_params, x: np.ndarray, m: np.ndarray) -> np.ndarray:
    p, q, v = gg_params
    known = (x > 0) & np.isfinite(m)
    return np.where(known, p * (v + x * np.where(known, m, 0.0)) / (p * x + q - 1), p * v / (q - 1))


def _discounted(cumulative: np.ndarray, months: int, monthly_rate: float) -> np.ndarray:
    """Σ_i (E[Y(i·w)] − E[Y((i−1)·w)]) / (1 + d_m)^i per distinct history (no BLAS: see _wsum)."""
    discount = (1 + monthly_rate) ** -np.arange(1, months + 1)
    return (discount[:, None] * np.diff(cumulative[: months + 1], axis=0)).sum(axis=0)


def _group_totals(bg_params, gg_params, unique, months, monthly_rate, count, x_sum_m, x) -> np.ndarray:
    """(CLV, expected 12-month revenue) summed over the customers, from per-history sums."""
    p, q, v = gg_params
    cumulative = _cumulative_purchases(bg_params, unique, max(months, 12))
    # Σ over a history's customers of the expected spend p(γ + x·m)/(px + q − 1) (population mean at x=0)
    spend_sum = np.where(x > 0, p * (v * count + x_sum_m) / (p * x + q - 1), count * p * v / (q - 1))
    return np.array(
        [
            (_discounted(cumulative, months, monthly_rate) * spend_sum).sum(),
            (cumulative[12] * spend_sum).sum(),
        ]
    )


def _interval(total: float, gradient: np.ndarray, covariance: np.ndarray) -> tuple[float, float] | None:
    if total <= 0 or not np.all(np.isfinite(gradient)):
        return None
    se = float(np.sqrt(max(gradient @ covariance @ gradient, 0.0)))
    return total * float(np.exp(-Z95 * se)), total * float(np.exp(Z95 * se))


def customer_value(
    summary: pd.DataFrame,
    bgnbd: BgnbdFit,
    gamma_gamma: GammaGammaFit,
    *,
    horizon_months: int = 12,
    discount_rate: float = 0.10,
    margin_rate: float | None = None,
) -> CustomerValue:
    """Predictions per customer of a purchase summary (frequency, recency, T, monetary_value).

    Examples
    --------
    >>> summary = pd.DataFrame({"frequency": [0, 2], "recency": [0.0, 30.43], "T": [38.86, 38.86],
    ...                         "monetary_value": [np.nan, 30.0]})
    >>> bg = BgnbdFit(0.243, 4.414, 0.793, 2.426, 0.0, None, 2, True)
    >>> gg = GammaGammaFit(6.25, 3.74, 15.45, 0.0, None, 2, True)
    >>> value = customer_value(summary, bg, gg, horizon_months=12, discount_rate=0.0)
    >>> value.per_customer["p_alive"].round(3).tolist()
    [1.0, 0.727]
    >>> bool(np.allclose(value.per_customer["clv"], value.per_customer["expected_revenue_12m"]))
    True
    """
    if isinstance(horizon_months, bool) or not isinstance(horizon_months, int) or horizon_months < 1:
        raise ValueError(f"horizon_months must be a positive whole number, got {horizon_months!r}")
    if not 0 <= discount_rate < 1:
        raise ValueError(f"discount_rate must lie in [0, 1), got {discount_rate!r}")
    factor = 1.0 if margin_rate is None else float(margin_rate)
    monthly_rate = (1 + discount_rate) ** (1 / 12) - 1
    unique, inverse = _groups(summary)
    x = summary["frequency"].to_numpy(dtype=float)
    m = summary["monetary_value"].to_numpy(dtype=float)
    bg, gg = bgnbd.vector, gamma_gamma.vector
    cumulative = _cumulative_purchases(bg, unique, max(horizon_months, 12))
    discounted_purchases = _discounted(cumulative, horizon_months, monthly_rate)[inverse]
    spend = _spend(gg, x, m)
    purchases_12m = cumulative[12][inverse]
    p_alive = probability_alive(bg, *unique.T)[inverse]
    per_customer = pd.DataFrame(
        {
            "p_alive": p_alive,
            "expected_purchases_12m": purchases_12m,
            "expected_spend": spend,
            "expected_revenue_12m": purchases_12m * spend * factor,
            "clv": discounted_purchases * spend * factor,
        },
        index=summary.index,
    )
    clv_total = float(per_customer["clv"].sum())
    revenue_total = float(per_customer["expected_revenue_12m"].sum())
    clv_interval = revenue_interval = None
    if bgnbd.log_covariance is not None and gamma_gamma.log_covariance is not None and clv_total > 0:
        gradient = _log_total_gradient(bg, gg, unique, inverse, x, m, horizon_months, monthly_rate)
        covariance = np.zeros((7, 7))
        covariance[:4, :4], covariance[4:, 4:] = bgnbd.log_covariance, gamma_gamma.log_covariance
        clv_interval = _interval(clv_total, gradient[:, 0], covariance)
        revenue_interval = _interval(revenue_total, gradient[:, 1], covariance)
    return CustomerValue(per_customer, clv_total, clv_interval, revenue_total, revenue_interval)


def _log_total_gradient(bg, gg, unique, inverse, x, m, months, monthly_rate) -> np.ndarray:
    """d log(total) / d log(parameter) for the 7 parameters (rows) and both totals (columns), by
    forward differences, on at most GRADIENT_SAMPLE distinct histories (a fixed random sample)."""
    count = np.bincount(inverse, minlength=len(unique)).astype(float)
    known = (x > 0) & np.isfinite(m)
    x_sum_m = np.bincount(inverse, np.where(known, x * np.where(known, m, 0.0), 0.0), minlength=len(unique))
    keep = np.arange(len(unique))
    if len(unique) > GRADIENT_SAMPLE:
        keep = np.sort(np.random.default_rng(0).choice(len(unique), GRADIENT_SAMPLE, replace=False))
    args = (unique[keep], months, monthly_rate, count[keep], x_sum_m[keep], unique[keep, 0])
    point = np.log(np.concatenate([bg, gg]))
    step = 1e-5
    base = np.log(_group_totals(bg, gg, *args))
    rows = []
    for i in range(7):
        shifted = np.exp(point + np.eye(7)[i] * step)
        rows.append((np.log(_group_totals(shifted[:4], shifted[4:], *args)) - base) / step)
    return np.array(rows)
