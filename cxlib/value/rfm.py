"""RFM scores (1–5 each) and the named segments managers know.

Each score says which fifth of the customers a customer belongs to: score = 1 + ⌊5 · share of
customers who are strictly worse⌋. Ties get the same score (customers with the same number of
purchases are never split at random), so with many one-time buyers the frequency scores are uneven
on purpose. Recency: fewer days since the last purchase is better. Frequency: more purchases.
Monetary: more revenue.

Segments come from the recency × frequency grid (the usual map, with "Lost" for R = F = 1):
R 5: F 1 new, F 2–3 potential loyalist, F 4–5 champions; R 4: F 1 promising, F 2–3 potential
loyalist, F 4–5 loyal; R 3: F 1–2 about to sleep, F 3 need attention, F 4–5 loyal; R 1–2: F 1–2
hibernating (lost at R = F = 1), F 3–4 at risk, F 5 can't lose them.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["SEGMENTS", "rfm_scores", "rfm_segment", "segment_table"]

SEGMENTS: tuple[str, ...] = (
    "champions",
    "loyal",
    "potential_loyalist",
    "new",
    "promising",
    "need_attention",
    "about_to_sleep",
    "at_risk",
    "cant_lose",
    "hibernating",
    "lost",
)


def _score(values: pd.Series, *, higher_is_better: bool) -> pd.Series:
    """1 + floor(5 · share of customers strictly worse), in 1..5."""
    ordered = values if higher_is_better else -values
    below = ordered.rank(method="min") - 1  # customers strictly worse
    return (1 + np.floor(5 * below / len(values))).clip(1, 5).astype(int)


def rfm_scores(summary: pd.DataFrame) -> pd.DataFrame:
    """R, F and M scores (1–5) and the segment key for each customer of a purchase summary.

    Uses ``days_since_last``, ``purchases`` and ``revenue`` (M is missing when the log has no amounts).

    Examples
    --------
    >>> summary = pd.DataFrame({"days_since_last": [1, 10, 100, 200, 300],
    ...                         "purchases": [9, 5, 3, 1, 1], "revenue": [900.0, 500, 300, 10, 20]})
    >>> scores = rfm_scores(summary)
    >>> scores["r"].tolist(), scores["f"].tolist(), scores["m"].tolist()
    ([5, 4, 3, 2, 1], [5, 4, 3, 1, 1], [5, 4, 3, 1, 2])
    >>> scores["segment"].tolist()
    ['champions', 'loyal', 'need_attention', 'hibernating', 'lost']
    """
    if summary.empty:
        return pd.DataFrame({"r": [], "f": [], "m": [], "segment": []}, index=summary.index)
    r = _score(summary["days_since_last"].astype(float), higher_is_better=False)
    f = _score(summary["purchases"].astype(float), higher_is_better=True)
    revenue = summary["revenue"].astype(float)
    m = (
        _score(revenue, higher_is_better=True).astype("Int64")
        if revenue.notna().all()
        else pd.Series(pd.NA, index=summary.index, dtype="Int64")
    )
    return pd.DataFrame({"r": r, "f": f, "m": m, "segment": rfm_segment(r, f)}, index=summary.index)


def rfm_segment(r, f) -> np.ndarray:
    """The segment key for recency and frequency scores (arrays of 1..5)."""
    r, f = np.asarray(r), np.asarray(f)
    conditions = [
        (r == 5) & (f >= 4),
        (r >= 3) & (f >= 4),
        (r >= 4) & (f >= 2),
        (r == 5) & (f == 1),
        (r == 4) & (f == 1),
        (r == 3) & (f == 3),
        (r == 3) & (f <= 2),
        (r <= 2) & (f == 5),
        (r <= 2) & (f >= 3),
        (r == 1) & (f == 1),
    ]
    choices = [
        "champions",
        "loyal",
        "potential_loyalist",
        "new",
        "promising",
        "need_attention",
        "about_to_sleep",
        "cant_lose",
        "at_risk",
        "lost",
    ]
    return np.select(conditions, choices, default="hibernating")


def segment_table(scores: pd.DataFrame, summary: pd.DataFrame, clv: pd.Series | None = None) -> pd.DataFrame:
    """Per segment (in :data:`SEGMENTS` order, only those present): customers, revenue, mean CLV."""
    frame = pd.DataFrame({"segment": scores["segment"], "revenue": summary["revenue"]})
    if clv is not None:
        frame["clv"] = clv.reindex(frame.index)
    grouped = frame.groupby("segment")
    table = pd.DataFrame({"customers": grouped.size(), "revenue": grouped["revenue"].sum(min_count=1)})
    if clv is not None:
        table["clv_mean"] = grouped["clv"].mean()
    order = [segment for segment in SEGMENTS if segment in table.index]
    return table.loc[order]
