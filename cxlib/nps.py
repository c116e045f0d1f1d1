"""Net Promoter Score: the score with its adjusted-Wald interval, period comparisons, monthly trend.

NPS = % promoters (9–10) − % detractors (0–6) on −100…+100. The 95% interval follows the adjusted-Wald
method of Rocks (2016, *The American Statistician* 70(1)): add three responses (3/4 promoter, 3/4
detractor, 3/2 passive) and use the multinomial variance of the difference of two shares. A 1–10 scale
is read as is (the groups are the same); missing scores are ignored.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from statistics import NormalDist

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike

from cxlib.long_format import one_row_per_response

PROMOTER_MIN = 9
DETRACTOR_MAX = 6
GROUPS = ("detractor", "passive", "promoter")

__all__ = [
    "GROUPS",
    "NpsComparison",
    "NpsResult",
    "compare_nps",
    "net_promoter_score",
    "nps_by_month",
    "nps_distribution",
    "recommend_item",
    "survey_responses",
]


@dataclass(frozen=True)
class NpsResult:
    """The NPS of one set of answers.

    ``score`` and the interval bounds are in NPS points (−100…+100); the shares are 0…1. Everything but
    the counts is ``None`` when there are no answers.
    """

    score: float | None
    ci95: tuple[float, float] | None
    n: int
    promoters: int
    passives: int
    detractors: int
    promoter_share: float | None
    passive_share: float | None
    detractor_share: float | None

    def to_dict(self) -> dict:
        """The JSON shape of the CLI's ``kpis.nps`` section.

        Examples
        --------
        >>> net_promoter_score([10, 9, 7, 3]).to_dict()["score"]
        25.0
        """
        return {
            "score": self.score,
            "ci95": list(self.ci95) if self.ci95 is not None else None,
            "n": self.n,
            "promoters": self.promoters,
            "passives": self.passives,
            "detractors": self.detractors,
        }


@dataclass(frozen=True)
class NpsComparison:
    """The difference between two NPS values (current − previous, in points) and its z-test."""

    difference: float | None
    z: float | None
    p_value: float | None
    significant: bool
    verdict: str  # "significant" | "within_noise" | "insufficient_data"


def _check_scores(scores: ArrayLike) -> np.ndarray:
    """The non-missing scores as floats; ValueError for anything that is not a 1-D array of 0–10."""
    if np.ndim(scores) != 1:
        raise ValueError(f"scores must be one-dimensional, got shape {np.shape(scores)}")
    try:
        numbers = pd.to_numeric(pd.Series(scores, dtype=object), errors="raise")
    except (TypeError, ValueError) as error:
        raise ValueError(f"scores must be numbers: {error}") from None
    values = numbers.astype("Float64").to_numpy(dtype=float, na_value=np.nan)
    values = values[~np.isnan(values)]
    if values.size and (values.min() < 0 or values.max() > 10):
        raise ValueError(
            f"scores must lie in 0..10 (got {values.min():g}..{values.max():g}); "
            "out-of-range answers are set aside during validation"
        )
    return values


def _z_value(confidence: float) -> float:
    if not 0 < confidence < 1:
        raise ValueError(f"confidence must lie strictly between 0 and 1, got {confidence!r}")
    return NormalDist().inv_cdf(0.5 + confidence / 2)


def _adjusted_shares(promoters: int, detractors: int, n: int) -> tuple[float, float, float]:
    """Adjusted-Wald promoter and detractor shares and the variance of their difference."""
    n_adj = n + 3
    p_plus = (promoters + 0.75) / n_adj
    p_minus = (detractors + 0.75) / n_adj
    variance = (p_plus + p_minus - (p_plus - p_minus) ** 2) / n_adj
    return p_plus, p_minus, variance


def net_promoter_score(scores: ArrayLike, *, confidence: float = 0.95) -> NpsResult:
    """Net Promoter Score of 0–10 (or 1–10) recommend scores, with an adjusted-Wald interval.

    Parameters
    ----------
    scores : array-like of float
        Recommend answers; NaN is ignored.
    confidence : float, default 0.95
        Coverage of the interval (the field is called ``ci95`` whatever the level).

    Returns
    -------
    NpsResult
        Score in points, interval clipped to [−100, 100] and widened to contain the score, counts and
        shares of promoters (9–10), passives (7–8) and detractors (0–6).

    Examples
    --------
    >>> result = net_promoter_score([10, 9, 9, 8, 7, 6, 2, float("nan")])
    >>> result.score, result.n, result.promoters, result.passives, result.detractors
    (14.285714285714286, 7, 3, 2, 2)
    >>> [round(bound, 1) for bound in result.ci95]
    [-39.6, 59.6]
    >>> net_promoter_score([]).score is None
    True
    """
    values = _check_scores(scores)
    z = _z_value(confidence)
    n = int(values.size)
    promoters = int((values >= PROMOTER_MIN).sum())
    detractors = int((values <= DETRACTOR_MAX).sum())
    passives = n - promoters - detractors
    if n == 0:
        return NpsResult(None, None, 0, 0, 0, 0, None, None, None)
    score = 100 * (promoters - detractors) / n
    p_plus, p_minus, variance = _adjusted_shares(promoters, detractors, n)
    centre, half_width = 100 * (p_plus - p_minus), 100 * z * math.sqrt(variance)
    # The adjusted centre is pulled towards 0, so a small sample can leave the raw score just outside.
    low = min(max(centre - half_width, -100.0), score)
    high = max(min(centre + half_width, 100.0), score)
    return NpsResult(
        score=score,
        ci95=(low, high),
        n=n,
        promoters=promoters,
        passives=passives,
        detractors=detractors,
        promoter_share=promoters / n,
        passive_share=passives / n,
        detractor_share=detractors / n,
    )


def compare_nps(current: NpsResult, previous: NpsResult, *, alpha: float = 0.05) -> NpsComparison:
    """Is the change from ``previous`` to ``current`` more than sampling noise? (two-sided z-test)

    The variance of each NPS is the adjusted-Wald one, so a period where everybody is a promoter still
    has an honest, non-zero uncertainty.

    Parameters
    ----------
    current, previous : NpsResult
        The two periods or groups.
    alpha : float, default 0.05
        Significance level (0.05 = "significant at 95%").

    Returns
    -------
    NpsComparison
        ``verdict`` is "significant", "within_noise", or "insufficient_data" when either side has no
        answers.

    Examples
    --------
    >>> now = net_promoter_score([10] * 60 + [3] * 40)
    >>> before = net_promoter_score([10] * 40 + [3] * 60)
    >>> result = compare_nps(now, before)
    >>> result.difference, result.verdict
    (40.0, 'significant')
    >>> compare_nps(net_promoter_score([10, 3]), net_promoter_score([3, 10])).verdict
    'within_noise'
    """
    if not 0 < alpha < 1:
        raise ValueError(f"alpha must lie strictly between 0 and 1, got {alpha!r}")
    if current.n == 0 or previous.n == 0 or current.score is None or previous.score is None:
        return NpsComparison(None, None, None, False, "insufficient_data")
    difference = current.score - previous.score
    variance = (
        _adjusted_shares(current.promoters, current.detractors, current.n)[2]
        + _adjusted_shares(previous.promoters, previous.detractors, previous.n)[2]
    )
    z = (difference / 100) / math.sqrt(variance)
    p_value = 2 * (1 - NormalDist().cdf(abs(z)))
    significant = p_value < alpha
    return NpsComparison(
        difference, z, p_value, significant, "significant" if significant else "within_noise"
    )


def survey_responses(survey: pd.DataFrame) -> pd.DataFrame:
    """One row per response (see :func:`cxlib.long_format.one_row_per_response`, its one home).

    Examples
    --------
    >>> long = pd.DataFrame({"response_id": ["a", "a", "b"], "touchpoint": ["x", "y", "x"],
    ...                      "recommend": [9.0, 9.0, 3.0]})
    >>> survey_responses(long)["recommend"].tolist()
    [9.0, 3.0]
    """
    return one_row_per_response(survey)


def nps_by_month(survey: pd.DataFrame, *, date_column: str = "response_date") -> pd.DataFrame:
    """NPS per calendar month with its interval.

    Parameters
    ----------
    survey : DataFrame
        A validated survey table (``recommend`` and a date column).
    date_column : str, default "response_date"

    Returns
    -------
    DataFrame
        Columns ``month`` (first day of the month, datetime64), ``score``, ``low``, ``high``, ``n``; one
        row per month that has answers, in time order. Empty when the survey has no recommend scores or
        no dates.

    Examples
    --------
    >>> survey = pd.DataFrame({"response_date": pd.to_datetime(["2026-01-05", "2026-01-20", "2026-02-02"]),
    ...                        "recommend": [10.0, 5.0, 9.0]})
    >>> nps_by_month(survey)[["month", "score", "n"]]
           month  score  n
    0 2026-01-01    0.0  2
    1 2026-02-01  100.0  1
    """
    columns = ["month", "score", "low", "high", "n"]
    if "recommend" not in survey.columns or date_column not in survey.columns:
        return pd.DataFrame(columns=columns)
    responses = survey_responses(survey)
    dated = responses[responses[date_column].notna() & responses["recommend"].notna()]
    months = pd.to_datetime(dated[date_column]).dt.to_period("M").dt.to_timestamp()
    rows = []
    for month, scores in dated["recommend"].groupby(months, sort=True):
        result = net_promoter_score(scores.to_numpy())
        rows.append((month, result.score, result.ci95[0], result.ci95[1], result.n))
    frame = pd.DataFrame(rows, columns=columns)
    return frame.astype({"month": "datetime64[ns]", "score": float, "low": float, "high": float, "n": int})


def nps_group(recommend: pd.Series) -> pd.Series:
    """The NPS group per 0–10 score: "detractor" (0–6), "passive" (7–8), "promoter" (9–10) or missing.

    >>> nps_group(pd.Series([3, 7, 10, None])).tolist()
    ['detractor', 'passive', 'promoter', nan]
    """
    values = pd.to_numeric(recommend, errors="coerce")
    conditions = [values <= DETRACTOR_MAX, values < PROMOTER_MIN, values <= 10]
    group = np.select(conditions, ["detractor", "passive", "promoter"], "")
    return pd.Series(group, index=recommend.index, dtype=object).where(values.notna(), np.nan)


def nps_distribution(scores: ArrayLike) -> pd.DataFrame:
    """How many answers gave each score 0–10, with the NPS group of the score.

    Examples
    --------
    >>> table = nps_distribution([10, 10, 7, 0])
    >>> table.loc[table["count"] > 0].to_dict("records")  # doctest: +NORMALIZE_WHITESPACE
    [{'score': 0, 'count': 1, 'group': 'detractor'}, {'score': 7, 'count': 1, 'group': 'passive'},
     {'score': 10, 'count': 2, 'group': 'promoter'}]
    >>> len(table)
    11
    """
    values = _check_scores(scores)
    counts = np.bincount(np.rint(values).astype(int), minlength=11)
    score = np.arange(11)
    group = np.where(
        score >= PROMOTER_MIN, "promoter", np.where(score <= DETRACTOR_MAX, "detractor", "passive")
    )
    return pd.DataFrame({"score": score, "count": counts.astype(int), "group": group})


def _answers(values: pd.Series, kind: str) -> pd.Series:
    """The answers of a recommend item as numbers; a flag's yes/no words ("Yes", "Nein") as 1/0."""
    if kind == "recommend_flag" and not pd.api.types.is_numeric_dtype(values):
        from cxlib.parsing import parse_flags

        flags, _ = parse_flags(values)
        return flags.dropna().astype("float64")
    return pd.to_numeric(values, errors="coerce").dropna()


def recommend_item(survey: pd.DataFrame) -> dict | None:
    """A recommend question that is not an NPS source, summarised on its own scale.

    The survey's ``attrs["column_meanings"]`` (set by validation, in the JSON shape of
    :meth:`cxlib.tables.ColumnMeaning.to_dict`) name it: a 0/1 flag gives the share who
    would recommend, a rating on another scale (e.g. 1–5) its mean. None when there is no such item.

    Returns
    -------
    dict or None
        ``column``, ``kind`` ("recommend_flag" | "recommend_rating"), ``statistic`` ("share" | "mean"),
        ``value``, ``n``, ``scale`` ([low, high]).

    Examples
    --------
    >>> survey = pd.DataFrame({"recommended": [1.0, 0.0, 1.0, 1.0]})
    >>> survey.attrs["column_meanings"] = {"recommended": {"kind": "recommend_flag", "scale": [0, 1]}}
    >>> item = recommend_item(survey)
    >>> item["statistic"], item["value"], item["n"], item["scale"]
    ('share', 0.75, 4, [0, 1])
    >>> survey = pd.DataFrame({"Recommend us?": ["Yes", "No", "Yes", None]})
    >>> survey.attrs["column_meanings"] = {"Recommend us?": {"kind": "recommend_flag", "scale": [0, 1]}}
    >>> item = recommend_item(survey)
    >>> item["value"], item["n"]
    (0.6666666666666666, 3)
    """
    meanings = survey.attrs.get("column_meanings") or {}
    for column, meaning in meanings.items():
        if meaning.get("kind") not in ("recommend_flag", "recommend_rating") or column not in survey.columns:
            continue
        values = _answers(survey_responses(survey)[column], meaning["kind"])
        if values.empty:
            return None
        low, high = meaning.get("scale") or (float(values.min()), float(values.max()))
        return {
            "column": column,
            "kind": meaning["kind"],
            "statistic": "share" if meaning["kind"] == "recommend_flag" else "mean",
            "value": float(values.mean()),
            "n": int(values.size),
            "scale": [low, high],
        }
    return None
