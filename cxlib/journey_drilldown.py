"""Drill-down from a touchpoint to the respondents behind its number: who rated it lowest, and what they
wrote.

The journey map says *that* a touchpoint is weak; the drill-down shows *who* rated it low, with their
comments, so a team can read the reasons and follow up. It reads the same (filtered) survey and the same
rules as :func:`cxlib.journey.build_journey`: "not applicable" codes and answers outside the scale are
no ratings, and the 0–100 score is the journey's axis.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from cxlib.journey import JourneySpec

__all__ = ["DRILL_COLUMNS", "lowest_ratings"]

#: The columns of the drill-down table, in order (those the survey lacks are left out).
DRILL_COLUMNS = ("response_id", "customer_id", "response_date", "rating", "score", "comment")


def _source_column(spec: JourneySpec, touchpoint: str) -> str:
    for column in spec.touchpoints:
        if touchpoint in (column, spec.display_name(column)):
            return column
    raise ValueError(f"touchpoint {touchpoint!r} is not in the journey spec {list(spec.touchpoints)!r}")


def lowest_ratings(
    survey: pd.DataFrame,
    spec: JourneySpec,
    touchpoint: str,
    *,
    scale: tuple[float, float],
    limit: int = 25,
) -> tuple[pd.DataFrame, int]:
    """The respondents who rated ``touchpoint`` lowest, lowest first, with their comments.

    Parameters
    ----------
    survey : DataFrame
        The (filtered) survey in wide shape, as the journey reads it.
    spec : JourneySpec
        The journey spec in use (source columns, display names, "not applicable" codes).
    touchpoint : str
        The touchpoint's display name (or its column).
    scale : (min, max)
        The scale the journey read this touchpoint on (``JourneyResult.touchpoints`` ``scale_min/max``).
    limit : int
        At most this many rows.

    Returns
    -------
    table : DataFrame
        :data:`DRILL_COLUMNS` that the survey has: ``rating`` on the touchpoint's own scale, ``score`` on
        0–100; ties keep the survey's order.
    total : int
        How many ratings the touchpoint has in ``survey`` (the table shows the lowest ``limit``).

    Examples
    --------
    >>> survey = pd.DataFrame({"response_id": ["a", "b", "c", "d"], "Lieferung": [4.0, 1.0, 0.0, 2.0],
    ...                        "comment": ["ok", "zu spät", None, "kaputt"]})
    >>> spec = JourneySpec(("Lieferung",), {"Lieferung": "loyalty"}, na_codes={"Lieferung": (0.0,)})
    >>> table, total = lowest_ratings(survey, spec, "Lieferung", scale=(1, 5), limit=2)
    >>> total, table.to_dict("list")
    (3, {'response_id': ['b', 'd'], 'rating': [1.0, 2.0], 'score': [0.0, 25.0],
         'comment': ['zu spät', 'kaputt']})
    """
    if not isinstance(survey, pd.DataFrame):
        raise ValueError(f"survey must be a pandas DataFrame, got {type(survey).__name__}")
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        raise ValueError(f"limit must be a positive whole number, got {limit!r}")
    low, high = float(scale[0]), float(scale[1])
    if not low < high:
        raise ValueError(f"scale must have min < max, got {scale!r}")
    column = _source_column(spec, touchpoint)
    if column not in survey.columns:
        raise ValueError(f"touchpoint column {column!r} is not in the survey")
    values = pd.to_numeric(survey[column], errors="coerce")
    codes = spec.setting(spec.na_codes, column) or ()
    rated = values.notna() & ~values.isin(np.asarray(codes, dtype=float)) & values.between(low, high)
    rows = survey.loc[rated]
    table = pd.DataFrame(index=rows.index)
    for name in ("response_id", "customer_id", "response_date"):
        if name in rows.columns:
            table[name] = rows[name]
    table["rating"] = values[rated]
    table["score"] = (values[rated] - low) / (high - low) * 100
    if "comment" in rows.columns:
        table["comment"] = rows["comment"]
    table = table.sort_values("rating", kind="stable").head(limit).reset_index(drop=True)
    return table, int(rated.sum())


def weakest_touchpoint(touchpoints: pd.DataFrame) -> str | None:
    """The touchpoint with the lowest mean (the drill-down opens on it); None when none is rated.

    Examples
    --------
    >>> weakest_touchpoint(pd.DataFrame({"touchpoint": ["Web", "Lieferung"], "mean": [70.0, 41.2]}))
    'Lieferung'
    >>> weakest_touchpoint(pd.DataFrame({"touchpoint": ["Web"], "mean": [float("nan")]})) is None
    True
    """
    rated = touchpoints.dropna(subset=["mean"])
    return None if rated.empty else str(rated.loc[rated["mean"].idxmin(), "touchpoint"])
