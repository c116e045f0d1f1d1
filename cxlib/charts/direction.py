"""Which way is good for a metric: colour scales of comparisons must show high churn as bad, not as "more".

A comparison chart colours a difference to a reference (a persona against all customers). For most
metrics more is better (NPS, CLV, revenue, satisfaction); for the metrics in :data:`HIGHER_IS_WORSE`
more is worse, so their difference is turned round before it picks a colour (:func:`oriented`).
"""

from __future__ import annotations

import math

__all__ = ["HIGHER_IS_WORSE", "is_higher_worse", "oriented"]

#: Metric keys (``persona_comparison``'s ``metric`` column, KPI keys) where a higher value is worse.
HIGHER_IS_WORSE = frozenset(
    {
        "churn_rate",
        "churn",
        "churned",
        "churn_probability",
        "acquisition_cost",
        "recency",
        "recency_days",
        "days_since_last_purchase",
        "complaints",
        "returns",
        "return_rate",
        "cost_to_serve",
        "detractor_share",
    }
)


def is_higher_worse(metric: str) -> bool:
    """Whether a higher value of ``metric`` is bad news (churn, costs, complaints).

    Examples
    --------
    >>> is_higher_worse("churn_rate"), is_higher_worse("nps")
    (True, False)
    """
    if not isinstance(metric, str):
        raise ValueError(f"metric must be a metric key (str), got {type(metric).__name__}")
    return metric in HIGHER_IS_WORSE


def oriented(metric: str, difference: float) -> float:
    """The difference turned so that positive always means better (for a good/bad colour scale).

    Examples
    --------
    >>> oriented("churn_rate", 0.05), oriented("nps", 12.0)
    (-0.05, 12.0)
    """
    if difference is None or (isinstance(difference, float) and math.isnan(difference)):
        return difference
    return -difference if is_higher_worse(metric) else difference
