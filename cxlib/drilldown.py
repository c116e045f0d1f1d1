"""The people behind a figure: the respondents of an NPS, the customers of a churn rate.

A manager who sees "NPS −1" or "churn 17 %" asks "who are they?". These functions return the rows a
tile counted, with the columns that identify and explain them, in the order she would call them back
(detractors first, most recent churn first). They return role keys as column names and group codes as
values; the page or report names them in the reader's language.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from cxlib.nps import nps_group, survey_responses

Window = tuple[date, date]

_RESPONDENT_COLUMNS = ("response_id", "customer_id", "response_date", "recommend", "group", "comment")
_CUSTOMER_COLUMNS = ("customer_id", "name", "region", "signup_date", "churn_date", "revenue", "clv")


#: The tiles that can list the people they counted: NPS (its respondents), churn (the lost customers).
KINDS = ("nps", "churn_rate")


def can_list(kind: str, customers: pd.DataFrame | None, survey: pd.DataFrame | None) -> bool:
    """Whether the tables hold the figure the ``kind`` tile counts: a recommendation score for
    ``"nps"`` (:func:`nps_respondents`), churn columns for ``"churn_rate"`` (:func:`churned_customers`).

    Examples
    --------
    >>> survey = pd.DataFrame({"recommend": [9.0]})
    >>> can_list("nps", None, survey), can_list("churn_rate", None, survey)
    (True, False)
    """
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}, got {kind!r}")
    if kind == "nps":
        return survey is not None and "recommend" in survey.columns
    return customers is not None and bool({"churn_date", "churned"} & set(customers.columns))


def _inside(dates: pd.Series, window: Window | None) -> pd.Series:
    if window is None:
        return pd.Series(True, index=dates.index)
    days = pd.to_datetime(dates, errors="coerce")
    return (days >= pd.Timestamp(window[0])) & (days <= pd.Timestamp(window[1]))


def nps_respondents(survey: pd.DataFrame, *, window: Window | None = None) -> pd.DataFrame:
    """The answers an NPS counted: one row per response with a recommendation score in ``window``.

    Parameters
    ----------
    survey : DataFrame
        A validated survey table with ``recommend`` on 0–10 (wide or long format).
    window : (date, date), optional
        First and last day (inclusive) of the tile's period on ``response_date``; all answers when None.

    Returns
    -------
    DataFrame
        The columns of ``response_id``, ``customer_id``, ``response_date``, ``recommend``, ``group`` and
        ``comment`` that exist, detractors first (lowest score, then newest answer).

    Examples
    --------
    >>> survey = pd.DataFrame({"response_id": ["a", "b", "c"], "recommend": [10, 2, 7],
    ...                        "comment": ["Top", "Late delivery", None]})
    >>> nps_respondents(survey)[["response_id", "group"]].values.tolist()
    [['b', 'detractor'], ['c', 'passive'], ['a', 'promoter']]
    """
    if "recommend" not in survey.columns:
        raise ValueError("survey needs a 'recommend' column")
    answers = survey_responses(survey)
    answers = answers[answers["recommend"].notna()]
    if window is not None and "response_date" in answers.columns:
        answers = answers[_inside(answers["response_date"], window)]
    table = answers.assign(group=nps_group(answers["recommend"]))
    columns = [column for column in _RESPONDENT_COLUMNS if column in table.columns]
    order = ["recommend"] + (["response_date"] if "response_date" in table.columns else [])
    ascending = [True] + [False] * (len(order) - 1)
    return table.sort_values(order, ascending=ascending, kind="stable")[columns].reset_index(drop=True)


def churned_customers(customers: pd.DataFrame, *, window: Window | None = None) -> pd.DataFrame:
    """The customers a churn rate counted as lost: churn date in ``window`` (or flagged as churned when the
    table has no churn dates), newest first.

    Examples
    --------
    >>> customers = pd.DataFrame({"customer_id": ["a", "b", "c"],
    ...     "churn_date": pd.to_datetime(["2026-03-01", None, "2025-01-05"])})
    >>> churned_customers(customers, window=(date(2026, 1, 1), date(2026, 12, 31)))["customer_id"].tolist()
    ['a']
    """
    if "churn_date" in customers.columns and customers["churn_date"].notna().any():
        lost = customers[customers["churn_date"].notna() & _inside(customers["churn_date"], window)]
        lost = lost.sort_values("churn_date", ascending=False, kind="stable")
    elif "churned" in customers.columns:
        lost = customers[customers["churned"].fillna(False).astype(bool)]
    else:
        raise ValueError("customers need a 'churn_date' or 'churned' column")
    columns = [column for column in _CUSTOMER_COLUMNS if column in lost.columns]
    return lost[columns].reset_index(drop=True)
