"""The model check of the literature: fit up to a calibration end, predict the purchases after it.

Two views (Fader, Hardie & Lee 2005, figures 2 and 4): the mean repeat purchases in the holdout per
number of repeat purchases in the calibration period (0, 1, …, 7+), predicted vs actual; and the
cumulative repeat purchases of the calibration cohort week by week over the whole log, predicted vs
actual.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from cxlib.value.bgnbd import conditional_expected_purchases, expected_purchases
from cxlib.value.purchases import DAYS_PER_WEEK, CustomerDays, PurchaseSummary, holdout_purchases

__all__ = ["HoldoutCheck", "default_calibration_end", "holdout_check"]

MAX_GROUP = 7  # calibration frequencies 7 and more form one group, as in the published figure


@dataclass(frozen=True)
class HoldoutCheck:
    """Predicted vs actual purchases after ``calibration_end`` (``weeks`` long)."""

    calibration_end: pd.Timestamp
    observation_end: pd.Timestamp
    weeks: float
    predicted: float
    actual: int
    by_frequency: pd.DataFrame  # frequency (0..7, 7 = 7+), customers, predicted, actual (means)
    cumulative: pd.DataFrame  # week, date, actual, predicted (cumulative repeat purchases)

    def to_dict(self) -> dict:
        return {
            "predicted": round(self.predicted, 2),
            "actual": self.actual,
            "weeks": round(self.weeks, 2),
            "by_frequency": [
                {key: (round(value, 4) if isinstance(value, float) else value) for key, value in row.items()}
                for row in self.by_frequency.to_dict("records")
            ],
        }


def default_calibration_end(first_day: np.datetime64, last_day: np.datetime64) -> pd.Timestamp | None:
    """Half the log, at most its last year, as holdout; the split moved back to a month end.

    None when the log is too short for a check (under 16 weeks).

    Examples
    --------
    >>> default_calibration_end(np.datetime64("1997-01-01"), np.datetime64("1998-06-30")).date()
    datetime.date(1997, 9, 30)
    """
    span = int((last_day - first_day).astype(np.int64))
    if span < 16 * 7:
        return None
    split = pd.Timestamp(last_day) - pd.Timedelta(days=min(span // 2, 365))
    month_end = split + pd.offsets.MonthEnd(0)
    end = month_end if month_end == split else split - pd.offsets.MonthEnd(1)
    return end if end > pd.Timestamp(first_day) else None


def holdout_check(
    days: CustomerDays, calibration: PurchaseSummary, bg_params, *, observation_end: pd.Timestamp
) -> HoldoutCheck:
    """Compare the model's predictions for the holdout period with what the customers bought."""
    start = np.datetime64(calibration.end.date(), "D")
    end = np.datetime64(observation_end.date(), "D")
    weeks = float((end - start).astype(np.int64)) / DAYS_PER_WEEK
    cohort = calibration.customers
    actual = holdout_purchases(days, start=start, end=end).reindex(cohort.index).to_numpy()
    predicted = conditional_expected_purchases(
        bg_params,
        weeks,
        cohort["frequency"].to_numpy(float),
        cohort["recency"].to_numpy(float),
        cohort["T"].to_numpy(float),
    )
    group = np.minimum(cohort["frequency"].to_numpy(), MAX_GROUP)
    by_frequency = (
        pd.DataFrame({"frequency": group, "predicted": predicted, "actual": actual})
        .groupby("frequency")
        .agg(customers=("actual", "size"), predicted=("predicted", "mean"), actual=("actual", "mean"))
        .reset_index()
    )
    return HoldoutCheck(
        calibration_end=calibration.end,
        observation_end=observation_end,
        weeks=weeks,
        predicted=float(predicted.sum()),
        actual=int(actual.sum()),
        by_frequency=by_frequency,
        cumulative=_cumulative(days, cohort, bg_params, end),
    )


def _cumulative(days: CustomerDays, cohort: pd.DataFrame, bg_params, end: np.datetime64) -> pd.DataFrame:
    """Cumulative repeat purchases of the cohort at the end of each week, actual and predicted."""
    first = cohort["first_purchase"].to_numpy().astype("datetime64[D]")
    start = first.min()
    n_weeks = int(np.ceil((end - start).astype(np.int64) / DAYS_PER_WEEK))
    week_ends = start + np.arange(1, n_weeks + 1) * 7
    week_ends[-1] = min(week_ends[-1], end)
    codes = pd.Index(days.ids).get_indexer(cohort.index)
    first_of = np.full(len(days.ids), np.datetime64("NaT"), dtype="datetime64[D]")
    first_of[codes] = first
    in_cohort = ~np.isnat(first_of)
    repeat = in_cohort[days.customer] & (days.day > first_of[days.customer]) & (days.day <= end)
    actual = np.searchsorted(np.sort(days.day[repeat]), week_ends, side="right")
    first_days, counts = np.unique(first, return_counts=True)
    elapsed = (week_ends[:, None] - first_days[None, :]).astype(np.int64) / DAYS_PER_WEEK
    expected = (expected_purchases(bg_params, np.clip(elapsed, 0, None)) * counts).sum(axis=1)
    return pd.DataFrame(
        {
            "week": np.arange(1, n_weeks + 1),
            "date": week_ends.astype("datetime64[ns]"),
            "actual": actual,
            "predicted": expected,
        }
    )
