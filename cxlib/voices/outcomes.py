"""Themes against outcomes: detractors vs promoters, the weakest touchpoints, and personas.

- **Detractor themes**: per theme, its share among detractors' comments (recommend 0–6) minus its share
  among promoters' (9–10), with Fisher's exact test on the 2 × 2 table; p-values are Holm-adjusted over
  the themes, and a theme counts as a detractor theme when the difference is positive and the adjusted
  p-value is below 0.05.
- **Themes × weakest touchpoints**: for each of the three touchpoints with the lowest mean rating among
  commenters, the theme whose commenters rate it lowest (at least ``MIN_GROUP`` ratings).
- **Themes per persona**: for each persona, its most frequent theme and the theme it mentions most
  above the average (lift = share in the persona / share overall, at least ``MIN_GROUP`` comments).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.stats import fisher_exact

from cxlib.nps import nps_group
from cxlib.voices.core import VoicesResult

ALPHA = 0.05
MIN_GROUP = 5
WEAKEST = 3


def holm(p_values: list[float]) -> list[float]:
    """Holm-adjusted p-values (same order as given).

    >>> holm([0.01, 0.04, 0.03])
    [0.03, 0.06, 0.06]
    """
    order = np.argsort(p_values)
    adjusted = np.empty(len(p_values))
    running = 0.0
    for rank, index in enumerate(order):
        running = max(running, min(1.0, (len(p_values) - rank) * p_values[index]))
        adjusted[index] = running
    return [round(float(value), 6) for value in adjusted]


def detractor_themes(result: VoicesResult) -> list[dict] | None:
    """Per theme: share among detractors vs promoters, difference, Fisher p (Holm-adjusted).

    None when the survey has no recommend score or fewer than ``MIN_GROUP`` detractors or promoters
    commented. Sorted by difference, largest first.
    """
    comments = result.comments
    if "recommend" not in comments or not result.themes:
        return None
    group = nps_group(comments["recommend"])
    detractors, promoters = comments[group == "detractor"], comments[group == "promoter"]
    if len(detractors) < MIN_GROUP or len(promoters) < MIN_GROUP:
        return None
    rows, p_values = [], []
    for theme in result.themes:
        in_d = int((detractors["theme"] == theme.index).sum())
        in_p = int((promoters["theme"] == theme.index).sum())
        _, p_value = fisher_exact([[in_d, len(detractors) - in_d], [in_p, len(promoters) - in_p]])
        p_values.append(float(p_value))
        rows.append(
            {
                "label": theme.label,
                "detractor_share": round(in_d / len(detractors), 4),
                "promoter_share": round(in_p / len(promoters), 4),
                "difference": round(in_d / len(detractors) - in_p / len(promoters), 4),
                "detractors": len(detractors),
                "promoters": len(promoters),
            }
        )
    for row, adjusted in zip(rows, holm(p_values), strict=True):
        row["p_value"] = adjusted
        row["significant"] = bool(adjusted < ALPHA and row["difference"] > 0)
    return sorted(rows, key=lambda row: -row["difference"])


def themes_at_weakest_touchpoints(result: VoicesResult) -> list[dict]:
    """For each of the three lowest-rated touchpoints, the theme whose commenters rate it lowest."""
    comments, out = result.comments, []
    if not result.themes or not result.touchpoints:
        return out
    ratings = comments[result.touchpoints].apply(pd.to_numeric, errors="coerce")
    means = ratings.mean().dropna().sort_values()
    for touchpoint in means.index[:WEAKEST]:
        best = None
        for theme in result.themes:
            values = ratings.loc[comments["theme"] == theme.index, touchpoint].dropna()
            if len(values) >= MIN_GROUP and (best is None or values.mean() < best[1]):
                best = (theme.label, float(values.mean()), len(values))
        if best is not None:
            out.append(
                {
                    "touchpoint": str(touchpoint),
                    "mean": round(float(means[touchpoint]), 2),
                    "theme": best[0],
                    "theme_mean": round(best[1], 2),
                    "n": best[2],
                }
            )
    return out


def themes_per_persona(result: VoicesResult, persona_of: pd.Series | None) -> list[dict]:
    """Per persona: comments, the most frequent theme and the theme most above the average (lift)."""
    comments = result.comments
    if persona_of is None or "customer_id" not in comments or not result.themes:
        return []
    persona = comments["customer_id"].astype("str").map(persona_of.set_axis(persona_of.index.astype("str")))
    overall = comments["theme"].value_counts(normalize=True)
    labels = {theme.index: theme.label for theme in result.themes}
    out = []
    for name, members in comments.groupby(persona, sort=True):
        counts = members.loc[members["theme"] >= 0, "theme"].value_counts()
        if counts.empty:
            continue
        share = counts / len(members)
        lift = (share / overall.reindex(share.index)).where(counts >= MIN_GROUP).dropna()
        out.append(
            {
                "persona": str(name),
                "comments": len(members),
                "top_theme": labels[int(counts.index[0])],
                "top_share": round(float(share.iloc[0]), 4),
                "marking_theme": labels[int(lift.idxmax())] if len(lift) else None,
                "lift": round(float(lift.max()), 2) if len(lift) else None,
            }
        )
    return out
