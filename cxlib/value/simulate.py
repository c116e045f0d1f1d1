"""Purchase logs drawn from BG/NBD + Gamma-Gamma with known parameters (demo data, tests, benchmark).

Each customer's first purchase falls on a day of the acquisition window; then, while alive, purchases
follow a Poisson process with rate λ ~ Gamma(r, α) per week, and after each repeat purchase the customer
drops out with probability p ~ Beta(a, b). Every purchase is worth Gamma(p_s, ν) with ν ~ Gamma(q, γ)
per customer. Vectorised over customers, one round per purchase number.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["simulate_purchase_log"]


def simulate_purchase_log(
    rng: np.random.Generator,
    n_customers: int,
    *,
    bgnbd: tuple[float, float, float, float],
    gamma_gamma: tuple[float, float, float],
    start: str | np.datetime64,
    end: str | np.datetime64,
    acquisition_days: int,
    id_prefix: str = "C",
    customer_ids: np.ndarray | None = None,
    first_days: np.ndarray | None = None,
) -> pd.DataFrame:
    """A purchase log (``customer_id``, ``date``, ``amount``), one row per purchase, sorted by customer
    and date; first purchases in ``[start, start + acquisition_days)`` (or ``first_days``), none after
    ``end``.

    Examples
    --------
    >>> log = simulate_purchase_log(np.random.default_rng(0), 100, bgnbd=(0.5, 5.0, 0.8, 3.0),
    ...                             gamma_gamma=(6.0, 4.0, 20.0), start="2024-01-01", end="2024-12-31",
    ...                             acquisition_days=90)
    >>> log["customer_id"].nunique(), bool(log["date"].max() <= pd.Timestamp("2024-12-31"))
    (100, True)
    """
    r, alpha, a, b = bgnbd
    p, q, v = gamma_gamma
    start_day, end_day = np.datetime64(start, "D"), np.datetime64(end, "D")
    n = int(n_customers)
    if first_days is None:
        first_days = start_day + rng.integers(0, acquisition_days, n)
    first_days = np.asarray(first_days, dtype="datetime64[D]")
    horizon = (end_day - first_days).astype(np.int64) / 7.0  # weeks each customer can be observed
    rate = rng.gamma(r, 1 / alpha, n)
    dropout = rng.beta(a, b, n)
    nu = rng.gamma(q, 1 / v, n)
    owners = [np.arange(n)]
    weeks = [np.zeros(n)]
    clock = np.zeros(n)
    active = np.flatnonzero(horizon >= 0)
    while active.size:
        clock[active] += rng.exponential(1 / np.maximum(rate[active], 1e-12))
        bought = active[clock[active] <= horizon[active]]
        owners.append(bought)
        weeks.append(clock[bought].copy())
        active = bought[rng.random(bought.size) >= dropout[bought]]
    owner = np.concatenate(owners)
    offset_days = np.floor(np.concatenate(weeks) * 7).astype(np.int64)
    day = first_days[owner] + offset_days
    amount = np.round(rng.gamma(p, 1 / nu[owner]), 2)
    ids = (
        customer_ids if customer_ids is not None else np.char.add(id_prefix, np.arange(1, n + 1).astype(str))
    )
    order = np.lexsort((day, owner))
    return pd.DataFrame(
        {
            "customer_id": np.asarray(ids)[owner[order]],
            "date": day[order].astype("datetime64[ns]"),
            "amount": amount[order],
        }
    )
