"""Long-format surveys: one row per touchpoint rating (``touchpoint`` and ``score`` columns).

Survey tools export ratings either wide (one column per touchpoint) or long (one row per rating, the
response's other answers repeated on each of its rows). This module is the one place that knows the
long shape: every step that needs one row per response, or one column per touchpoint, asks here.

- :func:`is_long` says whether a survey is long;
- :func:`long_to_wide` turns it into one row per response with one column per touchpoint;
- :func:`one_row_per_response` keeps the first row of each response (for per-response answers such
  as ``recommend``), leaving a wide survey unchanged.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

__all__ = ["LONG_COLUMNS", "is_long", "long_to_wide", "one_row_per_response"]

#: The columns that make a survey long.
LONG_COLUMNS = ("touchpoint", "score")


def is_long(survey: pd.DataFrame, touchpoints: Sequence[str] | None = None) -> bool:
    """Long shape: ``touchpoint`` and ``score`` columns, and the given touchpoints are not columns.

    Examples
    --------
    >>> is_long(pd.DataFrame({"touchpoint": ["Web"], "score": [4.0]}))
    True
    >>> is_long(pd.DataFrame({"Web": [4.0]}))
    False
    >>> is_long(pd.DataFrame({"touchpoint": ["Web"], "score": [4.0], "Web": [3.0]}), ["Web"])
    False
    """
    if not isinstance(survey, pd.DataFrame):
        raise ValueError(f"survey must be a pandas DataFrame, got {type(survey).__name__}")
    if not set(LONG_COLUMNS) <= set(survey.columns):
        return False
    return touchpoints is None or not all(tp in survey.columns for tp in touchpoints)


def long_to_wide(survey: pd.DataFrame, *, id_column: str = "response_id") -> tuple[pd.DataFrame, list[str]]:
    """Turn touchpoint/score rows into one row per response with one column per touchpoint.

    Repeated ratings of one touchpoint in one response are averaged. The other columns (recommend,
    satisfaction, customer_id, …) take each response's first non-empty value. Without an id column every
    row counts as its own response. Rows without a touchpoint name add no rating but keep their
    response (no response is silently dropped).

    Parameters
    ----------
    survey : DataFrame
        Long survey with ``touchpoint`` and ``score`` columns.
    id_column : str
        The column that says which rows belong to one response.

    Returns
    -------
    wide : DataFrame
        One row per response, in order of first appearance.
    touchpoints : list of str
        The touchpoints in order of first appearance.

    Examples
    --------
    >>> long = pd.DataFrame({"response_id": ["a", "a", "b"], "touchpoint": ["Web", "Shop", "Web"],
    ...                      "score": [4.0, 2.0, 5.0], "recommend": [9.0, 9.0, 3.0]})
    >>> wide, touchpoints = long_to_wide(long)
    >>> touchpoints
    ['Web', 'Shop']
    >>> wide[["response_id", "recommend", "Web", "Shop"]].to_dict("list")
    {'response_id': ['a', 'b'], 'recommend': [9.0, 3.0], 'Web': [4.0, 5.0], 'Shop': [2.0, nan]}
    """
    if not isinstance(survey, pd.DataFrame) or not set(LONG_COLUMNS) <= set(survey.columns):
        raise ValueError("long_to_wide needs a DataFrame with 'touchpoint' and 'score' columns")
    if id_column not in survey.columns:
        survey = survey.assign(**{id_column: np.arange(len(survey)).astype(str)})
    ids = survey[id_column]
    labels = survey["touchpoint"].astype("str").where(survey["touchpoint"].notna())
    order = [str(label) for label in pd.unique(labels.dropna())]
    clash = set(order) & (set(survey.columns) - set(LONG_COLUMNS))
    if clash:
        raise ValueError(f"touchpoint names {sorted(clash)!r} clash with other survey columns")
    ratings = (
        pd.DataFrame(
            {"id": ids, "touchpoint": labels, "score": pd.to_numeric(survey["score"], errors="coerce")}
        )
        .dropna(subset=["touchpoint"])
        .groupby(["id", "touchpoint"], sort=False)["score"]
        .mean()
        .unstack("touchpoint")
    )
    others = survey.drop(columns=list(LONG_COLUMNS)).groupby(id_column, sort=False).first()
    wide = others.join(ratings.reindex(columns=order)).reset_index()
    wide.columns.name = None
    return wide, order


def one_row_per_response(survey: pd.DataFrame) -> pd.DataFrame:
    """One row per response: a long survey deduplicated on ``response_id`` (rows without an id each
    count as a response); a wide survey, or one without ids, is returned unchanged.

    Examples
    --------
    >>> long = pd.DataFrame({"response_id": ["a", "a", "b"], "touchpoint": ["x", "y", "x"],
    ...                      "recommend": [9.0, 9.0, 3.0]})
    >>> one_row_per_response(long)["recommend"].tolist()
    [9.0, 3.0]
    """
    if "touchpoint" not in survey.columns or "response_id" not in survey.columns:
        return survey
    has_id = survey["response_id"].notna()
    first = ~survey["response_id"].duplicated() | ~has_id
    return survey[first]
