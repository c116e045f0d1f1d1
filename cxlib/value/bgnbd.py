"""The BG/NBD purchase model (Fader, Hardie & Lee 2005, "Counting your customers the easy way").

While alive, a customer buys at a personal Poisson rate λ ~ Gamma(r, α); after every purchase the customer
drops out with a personal probability p ~ Beta(a, b). Per customer the data are ``x`` (repeat purchases,
i.e. purchases after the first), ``t_x`` (time of the last purchase since the first) and ``T`` (time
since the first purchase up to the end of observation), all in the same unit (weeks here).

The log-likelihood of one customer (FHL 2005, eq. 6), written in log space:

    log L = lnΓ(r+x) − lnΓ(r) + r·ln α
            + logsumexp( lnB(a, b+x) − lnB(a, b) − (r+x)·ln(α+T),
                         [x>0] · (lnB(a+1, b+x−1) − lnB(a, b) − (r+x)·ln(α+t_x)) )

Parameters are estimated by maximum likelihood over their logarithms (so they stay positive), with
identical customers ``(x, t_x, T)`` counted once and weighted. Everything is vectorised over customers.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import optimize
from scipy.special import betaln, digamma, gammaln, hyp2f1, logsumexp

__all__ = [
    "BgnbdFit",
    "bgnbd_log_likelihood",
    "conditional_expected_purchases",
    "expected_purchases",
    "fit_bgnbd",
    "probability_alive",
]

PARAM_NAMES = ("r", "alpha", "a", "b")
SERIES_TERMS = 5000
BOUNDARY = 11.5  # |log parameter| beyond this: the estimate sits at the edge (e.g. no dropout at all)


@dataclass(frozen=True)
class BgnbdFit:
    """A fitted BG/NBD model: parameters, total log-likelihood, the covariance of the log-parameters
    (inverse observed information; ``None`` when not positive definite or at the boundary) and the
    customer count. ``at_boundary``: a parameter ran to the edge of the search space (the data show a
    limit case, e.g. a → 0: nobody drops out); predictions stay defined, intervals do not."""

    r: float
    alpha: float
    a: float
    b: float
    log_likelihood: float
    log_covariance: np.ndarray | None
    n_customers: int
    converged: bool
    at_boundary: bool = False

    @property
    def params(self) -> dict[str, float]:
        return {"r": self.r, "alpha": self.alpha, "a": self.a, "b": self.b}

    @property
    def vector(self) -> np.ndarray:
        return np.array([self.r, self.alpha, self.a, self.b])


def _check_data(x, t_x, T) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    x, t_x, T = (np.asarray(v, dtype=float) for v in (x, t_x, T))
    if not (x.shape == t_x.shape == T.shape):
        raise ValueError(f"x, t_x and T must have the same shape, got {x.shape}, {t_x.shape}, {T.shape}")
    if x.size and (np.isnan(x).any() or np.isnan(t_x).any() or np.isnan(T).any()):
        raise ValueError("x, t_x and T must not contain NaN")
    if x.size and ((x < 0).any() or (t_x < 0).any() or (t_x > T + 1e-9).any()):
        raise ValueError("need x >= 0 and 0 <= t_x <= T for every customer")
    return x, t_x, T


def bgnbd_log_likelihood(params, x, t_x, T) -> np.ndarray:
    """Log-likelihood of each customer under BG/NBD with ``params`` = (r, alpha, a, b).

    Examples
    --------
    A customer with no repeat purchase observed for T = 1 with r = α = a = b = 1:
    L = B(1, 1)/B(1, 1) · 1/(1+1) = 0.5.

    >>> float(np.exp(bgnbd_log_likelihood((1, 1, 1, 1), [0], [0], [1])[0]))
    0.5
    """
    r, alpha, a, b = (float(v) for v in params)
    x, t_x, T = np.asarray(x, float), np.asarray(t_x, float), np.asarray(T, float)
    common = gammaln(r + x) - gammaln(r) + r * np.log(alpha)
    beta_ab = betaln(a, b)
    survived = betaln(a, b + x) - beta_ab - (r + x) * np.log(alpha + T)
    repeat = x > 0
    dropped = np.full_like(x, -np.inf)
    dropped[repeat] = (
        betaln(a + 1, b + x[repeat] - 1) - beta_ab - (r + x[repeat]) * np.log(alpha + t_x[repeat])
    )
    return common + logsumexp(np.stack([survived, dropped]), axis=0)


def _compress(*columns: np.ndarray) -> tuple[tuple[np.ndarray, ...], np.ndarray]:
    """Unique rows of the given columns and how often each occurs (identical customers counted once)."""
    order = np.lexsort(columns[::-1])
    ordered = [column[order] for column in columns]
    new = np.ones(len(order), dtype=bool)
    new[1:] = np.any([column[1:] != column[:-1] for column in ordered], axis=0)
    starts = np.flatnonzero(new)
    counts = np.diff(np.append(starts, len(order))).astype(float)
    return tuple(column[starts] for column in ordered), counts


def numeric_hessian(objective, point: np.ndarray, step: float = 1e-5) -> np.ndarray:
    """Hessian at ``point`` by central differences of the exact gradient (``objective`` returns
    (value, gradient)), symmetrised."""
    n = len(point)
    columns = []
    for i in range(n):
        shift = np.eye(n)[i] * step
        columns.append((objective(point + shift)[1] - objective(point - shift)[1]) / (2 * step))
    hessian = np.array(columns)
    return (hessian + hessian.T) / 2


def minimize_log_params(objective, start) -> optimize.OptimizeResult:
    """Maximum likelihood on log-parameters: L-BFGS-B with the exact gradient (``objective`` returns
    the negative log-likelihood and its gradient), polished by Nelder-Mead when it does not converge."""
    start_point = np.log(np.asarray(start, dtype=float))
    bounds = [(-12, 12)] * len(start_point)
    result = optimize.minimize(objective, start_point, jac=True, method="L-BFGS-B", bounds=bounds)
    if not result.success:
        polished = optimize.minimize(
            lambda log_params: objective(log_params)[0],
            result.x,
            method="Nelder-Mead",
            options={"maxiter": 4000, "xatol": 1e-8, "fatol": 1e-10},
        )
        if polished.fun <= result.fun:
            result = polished
    return result


def inverse_information(objective, log_point: np.ndarray) -> np.ndarray | None:
    """Covariance of the log-parameters: inverse of the observed information (the Hessian of −log L),
    or None if it is not positive definite."""
    hessian = numeric_hessian(objective, log_point)
    if not np.all(np.isfinite(hessian)):
        return None
    try:
        covariance = np.linalg.inv(hessian)
    except np.linalg.LinAlgError:
        return None
    if not np.all(np.linalg.eigvalsh((covariance + covariance.T) / 2) > 0):
        return None
    return covariance


def _wsum(weight: np.ndarray, values: np.ndarray) -> float:
    """Σ weight·values without BLAS (whose threads stall on a busy machine for vectors this size)."""
    return float(np.einsum("i,i->", weight, values))


def _negative_ll_and_gradient(
    log_params: np.ndarray, x, t_x, T, weight, distinct=None
) -> tuple[float, np.ndarray]:
    """Weighted −log L and its gradient in the log-parameters (x-only terms computed per distinct x;
    ``distinct`` = ``np.unique(x, return_inverse=True)`` when precomputed)."""
    r, alpha, a, b = np.exp(log_params)
    values, at = distinct if distinct is not None else np.unique(x, return_inverse=True)
    at = np.ravel(at)
    repeat = x > 0
    shifted = np.maximum(values + b - 1, 1e-300)  # b + x − 1, only used where x > 0
    lg_rx, lg_bx, lg_bx1, lg_abx = (gammaln(v) for v in (r + values, b + values, shifted, a + b + values))
    dg_rx, dg_bx, dg_bx1, dg_abx = (digamma(v) for v in (r + values, b + values, shifted, a + b + values))
    beta_ab = betaln(a, b)
    log_alpha_T, log_alpha_tx = np.log(alpha + T), np.log(alpha + t_x)
    survived = gammaln(a) + lg_bx[at] - lg_abx[at] - beta_ab - (r + x) * log_alpha_T
    dropped = np.where(
        repeat, gammaln(a + 1) + lg_bx1[at] - lg_abx[at] - beta_ab - (r + x) * log_alpha_tx, -np.inf
    )
    top = np.maximum(survived, dropped)
    total = top + np.log(np.exp(survived - top) + np.exp(dropped - top))
    ll = lg_rx[at] - gammaln(r) + r * np.log(alpha) + total
    w_s = np.exp(survived - total)
    w_d = 1.0 - w_s
    d_beta_a, d_beta_b = digamma(a) - digamma(a + b), digamma(b) - digamma(a + b)
    grad_r = dg_rx[at] - digamma(r) + np.log(alpha) - w_s * log_alpha_T - w_d * log_alpha_tx
    grad_alpha = r / alpha - (r + x) * (w_s / (alpha + T) + w_d / (alpha + t_x))
    grad_a = w_s * (digamma(a) - dg_abx[at]) + w_d * (digamma(a + 1) - dg_abx[at]) - d_beta_a
    grad_b = (
        w_s * (dg_bx[at] - dg_abx[at]) + np.where(repeat, w_d * (dg_bx1[at] - dg_abx[at]), 0.0) - d_beta_b
    )
    gradient = np.array([_wsum(weight, g) for g in (grad_r, grad_alpha, grad_a, grad_b)]) * np.array(
        [r, alpha, a, b]
    )
    value = -_wsum(weight, ll)
    if not np.isfinite(value) or not np.all(np.isfinite(gradient)):
        return np.inf, np.zeros(4)
    return value, -gradient


def fit_bgnbd(x, t_x, T, *, start=(1.0, 1.0, 1.0, 1.0)) -> BgnbdFit:
    """Maximum-likelihood BG/NBD fit on (x, t_x, T) (L-BFGS-B with the exact gradient).

    Returns
    -------
    BgnbdFit
        ``converged`` is False when the optimiser did not report success or a parameter ran off to
        an extreme (the caller then must not use the model).

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> fit = fit_bgnbd(*simulate_bgnbd(rng, 5000, (0.5, 5.0, 0.8, 3.0), T=52.0))
    >>> fit.converged, round(fit.r, 1)
    (True, 0.5)
    """
    x, t_x, T = _check_data(x, t_x, T)
    if x.size == 0:
        raise ValueError("need at least one customer")
    (ux, ut, uT), weight = _compress(x, t_x, T)
    distinct = np.unique(ux, return_inverse=True)

    def objective(log_params: np.ndarray) -> tuple[float, np.ndarray]:
        with np.errstate(all="ignore"):
            return _negative_ll_and_gradient(log_params, ux, ut, uT, weight, distinct)

    result = minimize_log_params(objective, start)
    log_params = result.x
    converged = bool(np.isfinite(result.fun))
    at_boundary = bool(np.any(np.abs(log_params) > BOUNDARY))
    covariance = inverse_information(objective, log_params) if converged and not at_boundary else None
    r, alpha, a, b = np.exp(log_params)
    return BgnbdFit(
        float(r),
        float(alpha),
        float(a),
        float(b),
        float(-result.fun),
        covariance,
        int(x.size),
        converged,
        at_boundary,
    )


def probability_alive(params, x, t_x, T) -> np.ndarray:
    """P(the customer is still active at T) given (x, t_x, T); exactly 1 when x = 0 (the model lets a
    customer drop out only right after a repeat purchase).

    Examples
    --------
    >>> probability_alive((0.243, 4.414, 0.793, 2.426), [0, 2], [0.0, 30.43], [38.86, 38.86]).round(3)
    array([1.   , 0.727])
    """
    r, alpha, a, b = (float(v) for v in params)
    x, t_x, T = np.asarray(x, float), np.asarray(t_x, float), np.asarray(T, float)
    repeat = x > 0
    log_odds = np.full_like(x, -np.inf)
    xr = x[repeat]
    log_odds[repeat] = (
        np.log(a) - np.log(b + xr - 1) + (r + xr) * (np.log(alpha + T[repeat]) - np.log(alpha + t_x[repeat]))
    )
    return 1.0 / (1.0 + np.exp(log_odds))


def _hyp2f1(a, b, c, z) -> np.ndarray:
    """Gauss's hypergeometric function: scipy's, and where that gives no finite value (very large
    parameters) the power series summed directly (|z| < 1; NaN where it does not converge)."""
    a, b, c, z = np.broadcast_arrays(*(np.asarray(v, dtype=float) for v in (a, b, c, z)))
    value = np.asarray(hyp2f1(a, b, c, z), dtype=float).copy()
    bad = ~np.isfinite(value) & (np.abs(z) < 1)
    if bad.any():
        aa, bb, cc, zz = a[bad], b[bad], c[bad], z[bad]
        term = np.ones_like(zz)
        total = np.ones_like(zz)
        for k in range(SERIES_TERMS):
            term = term * (aa + k) * (bb + k) / ((cc + k) * (k + 1)) * zz
            total += term
            if np.all(np.abs(term) <= 1e-15 * np.abs(total)):
                break
        else:
            total[np.abs(term) > 1e-10 * np.abs(total)] = np.nan
        value[bad] = total
    return value


def conditional_expected_purchases(params, t, x, t_x, T) -> np.ndarray:
    """Expected purchases in (T, T + t] for a customer with history (x, t_x, T) (FHL 2005, eq. 10).

    Examples
    --------
    >>> float(conditional_expected_purchases((0.243, 4.414, 0.793, 2.426), 39, [2], [30.43], [38.86])[0])
    ... # doctest: +ELLIPSIS
    1.22...
    """
    r, alpha, a, b = (float(v) for v in params)
    x, t_x, T = np.asarray(x, float), np.asarray(t_x, float), np.asarray(T, float)
    t = np.asarray(t, float)
    hyper = _survival_hyper(r, a, b, x, alpha + T, t)
    numerator = (a + b + x - 1) / (a - 1) * (1 - hyper)
    return numerator * probability_alive(params, x, t_x, T)


def _survival_hyper(r, a, b, x, base, t) -> np.ndarray:
    """((base)/(base+t))^(r+x) · 2F1(r+x, b+x; a+b+x−1; t/(base+t)), base = α + T.

    Pfaff's transformation turns it into 2F1(r+x, a−1; a+b+x−1; −t/base), accurate when r and α are
    large (nearly equal purchase rates across customers); where scipy gives no finite value for that form
    (e.g. −t/base < −1 with a large b) the original form is used, in log space.
    """
    x, base, t = np.broadcast_arrays(*(np.asarray(v, dtype=float) for v in (x, base, t)))
    value = _hyp2f1(r + x, a - 1, a + b + x - 1, -t / base)
    bad = ~np.isfinite(value)
    if bad.any():
        xb, baseb, tb = x[bad], base[bad], t[bad]
        with np.errstate(all="ignore"):
            log_ratio = (r + xb) * (np.log(baseb) - np.log(baseb + tb))
            original = hyp2f1(r + xb, b + xb, a + b + xb - 1, tb / (baseb + tb))
            value[bad] = np.exp(log_ratio + np.log(original))
    return value


def expected_purchases(params, t) -> np.ndarray:
    """Expected repeat purchases of a new customer in (0, t] after the first purchase (FHL 2005, eq. 9).

    Examples
    --------
    >>> round(float(expected_purchases((0.243, 4.414, 0.793, 2.426), 39.0)), 2)
    1.2
    """
    r, alpha, a, b = (float(v) for v in params)
    t = np.asarray(t, float)
    hyper = _survival_hyper(r, a, b, np.zeros_like(t), np.full_like(t, alpha), t)
    return (a + b - 1) / (a - 1) * (1 - hyper)


def simulate_bgnbd(rng: np.random.Generator, n: int, params, *, T) -> tuple[np.ndarray, ...]:
    """Draw (x, t_x, T) for ``n`` customers from BG/NBD with ``params`` (for tests and the benchmark).

    ``T`` is one observation length or one per customer. Vectorised: purchases are drawn in rounds.
    """
    r, alpha, a, b = (float(v) for v in params)
    T = np.broadcast_to(np.asarray(T, float), (n,)).copy()
    rate = rng.gamma(r, 1 / alpha, n)
    dropout = rng.beta(a, b, n)
    x = np.zeros(n)
    t_x = np.zeros(n)
    clock = np.zeros(n)
    active = np.ones(n, dtype=bool)
    while active.any():
        index = np.flatnonzero(active)
        clock[index] += rng.exponential(1 / np.maximum(rate[index], 1e-300))
        bought = clock[index] <= T[index]
        buyers = index[bought]
        x[buyers] += 1
        t_x[buyers] = clock[buyers]
        active[index[~bought]] = False
        active[buyers[rng.random(len(buyers)) < dropout[buyers]]] = False
    return x, t_x, T
