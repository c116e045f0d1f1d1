"""The Gamma-Gamma spend model (Fader, Hardie & Lee 2005, "RFM and CLV: using iso-value curves").

The value of each purchase of a customer is Gamma(p, ν) with a personal scale ν ~ Gamma(q, γ); so the
average ``m`` of a customer's ``x`` repeat purchases has the likelihood, in log space,

    log L = lnΓ(px+q) − lnΓ(px) − lnΓ(q) + q·ln γ + px·ln x + (px−1)·ln m − (px+q)·ln(γ + x·m)

Fitted by maximum likelihood over log-parameters on customers with at least one repeat purchase and a
positive average. ``v`` is the published name of γ (the lifetimes library's ``v``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.special import digamma, gammaln

from cxlib.value.bgnbd import BOUNDARY, inverse_information, minimize_log_params

__all__ = ["GammaGammaFit", "conditional_expected_spend", "fit_gamma_gamma", "gamma_gamma_log_likelihood"]


@dataclass(frozen=True)
class GammaGammaFit:
    """A fitted Gamma-Gamma model; ``log_covariance`` is the inverse observed information of the
    log-parameters (None when singular)."""

    p: float
    q: float
    v: float
    log_likelihood: float
    log_covariance: np.ndarray | None
    n_customers: int
    converged: bool
    at_boundary: bool = False

    @property
    def params(self) -> dict[str, float]:
        return {"p": self.p, "q": self.q, "v": self.v}

    @property
    def vector(self) -> np.ndarray:
        return np.array([self.p, self.q, self.v])


def gamma_gamma_log_likelihood(params, x, m) -> np.ndarray:
    """Log-likelihood of each customer's average spend ``m`` over ``x`` > 0 repeat purchases.

    Examples
    --------
    One purchase (x = 1) of 2 with p = q = γ = 1: L = Γ(2)/(Γ(1)Γ(1)) · 1 · 2⁰ / (1+2)² = 1/9.

    >>> round(float(np.exp(gamma_gamma_log_likelihood((1, 1, 1), [1], [2.0])[0])), 6)
    0.111111
    """
    p, q, v = (float(value) for value in params)
    x, m = np.asarray(x, float), np.asarray(m, float)
    px = p * x
    return (
        gammaln(px + q)
        - gammaln(px)
        - gammaln(q)
        + q * np.log(v)
        + px * np.log(x)
        + (px - 1) * np.log(m)
        - (px + q) * np.log(v + x * m)
    )


def fit_gamma_gamma(x, m, *, start=(1.0, 1.0, 1.0)) -> GammaGammaFit:
    """Maximum-likelihood Gamma-Gamma fit on repeat buyers (x > 0, m > 0).

    Examples
    --------
    >>> rng = np.random.default_rng(1)
    >>> x = rng.integers(1, 10, 4000).astype(float)
    >>> scale = rng.gamma(4.0, 1 / 20.0, 4000)  # nu ~ Gamma(q=4, gamma=20)
    >>> m = rng.gamma(6.0 * x, 1 / scale) / x      # mean of x purchases ~ Gamma(p=6, nu)
    >>> fit = fit_gamma_gamma(x, m)
    >>> fit.converged, abs(fit.p / 6 - 1) < 0.2, abs(fit.q / 4 - 1) < 0.2
    (True, True, True)
    """
    x, m = np.asarray(x, float), np.asarray(m, float)
    if x.shape != m.shape:
        raise ValueError(f"x and m must have the same shape, got {x.shape} and {m.shape}")
    if x.size == 0:
        raise ValueError("need at least one repeat buyer")
    if (x <= 0).any() or not np.all(m > 0):
        raise ValueError("need x > 0 and m > 0 for every customer (repeat buyers with positive spend)")
    scale = float(np.mean(m))  # work in units of the average spend: the optimiser starts near the answer

    m_scaled = m / scale
    log_m = np.log(m_scaled)

    values, at = np.unique(x, return_inverse=True)
    at = np.ravel(at)
    count = np.bincount(at).astype(float)  # customers per distinct x
    sum_log_m = np.bincount(at, log_m)  # Σ ln m per distinct x
    x_log_x = values * np.log(values)

    def objective(log_params: np.ndarray) -> tuple[float, np.ndarray]:
        p, q, v = np.exp(log_params)
        pv = p * values  # p·x per distinct x: the Gamma functions are computed once per x
        log_vxm = np.log(v + x * m_scaled)
        with np.errstate(all="ignore"):
            per_x = gammaln(pv + q) - gammaln(pv) - gammaln(q) + q * np.log(v) + pv * np.log(values)
            ll = np.sum(count * per_x) + np.sum((pv - 1) * sum_log_m) - np.einsum("i,i->", p * x + q, log_vxm)
            dg = digamma(pv + q)
            sum_log_vxm = np.bincount(at, log_vxm, minlength=len(values))
            grad = np.array([
                (np.sum(count * (values * (dg - digamma(pv))) + x_log_x * count)
                 + np.sum(values * sum_log_m) - np.einsum("i,i->", x, log_vxm)) * p,
                (np.sum(count * (dg - digamma(q) + np.log(v))) - np.sum(sum_log_vxm)) * q,
                (np.sum(count) * q / v - np.einsum("i,i->", p * x + q, 1 / (v + x * m_scaled))) * v,
            ])  # fmt: skip
        value = -float(ll)
        if not np.isfinite(value) or not np.all(np.isfinite(grad)):
            return np.inf, np.zeros(3)
        return value, -grad

    result = minimize_log_params(objective, start)
    converged = bool(np.isfinite(result.fun))
    at_boundary = bool(np.any(np.abs(result.x) > BOUNDARY))
    covariance = inverse_information(objective, result.x) if converged and not at_boundary else None
    p, q, v = np.exp(result.x)
    # Rescaling m by s multiplies γ by s and adds n·ln s (from the Jacobian of m) to the log-likelihood.
    log_likelihood = -result.fun - x.size * np.log(scale)
    return GammaGammaFit(
        float(p),
        float(q),
        float(v * scale),
        float(log_likelihood),
        covariance,
        int(x.size),
        converged,
        at_boundary,
    )


def conditional_expected_spend(params, x, m, *, population_mean: bool = True) -> np.ndarray:
    """Expected average purchase value of each customer: (p·(γ + x·m)) / (p·x + q − 1).

    For customers without repeat purchases (x = 0 or m missing) it is the population mean p·γ/(q − 1)
    when ``population_mean`` is true, else NaN. Needs q > 1 (otherwise the mean spend is infinite).

    Examples
    --------
    >>> conditional_expected_spend((6.25, 3.74, 15.45), [0, 2], [np.nan, 30.0]).round(2)
    array([35.24, 30.94])
    """
    p, q, v = (float(value) for value in params)
    if q <= 1:
        raise ValueError(f"the expected spend needs q > 1, got q = {q!r}")
    x, m = np.asarray(x, float), np.asarray(m, float)
    known = (x > 0) & np.isfinite(m)
    spend = np.where(known, p * (v + x * np.where(known, m, 0)) / (p * x + q - 1), np.nan)
    if population_mean:
        spend = np.where(known, spend, p * v / (q - 1))
    return spend
