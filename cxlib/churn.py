"""Churn rate (Abwanderungsquote) and retention (Kundenbindungsrate), as the users' handbook defines them.

Churn rate = customers who churned in the last 12 months / average number of customers during those
months, the average taken over the 12 month-end counts. A customer counts at a month end when
``signup_date <= month end`` and (no ``churn_date`` or ``churn_date > month end``); a missing signup date
means "a customer since before the data starts". "Now" is the latest date in the data unless given, so
a result never depends on the day it is computed. The months are calendar months: the last one is the
month of ``as_of``, counted up to ``as_of``.

When the data begin inside the window (the first signup lies after its first month), the months before
anyone signed up are outside the data: the rate counts only the months the data cover (``months``) and
says so (``kpi.note.churn_short_history``), rather than averaging in months without customers.

End dates at month ends that run on past the latest signup date are contracts that end later (a
"Vertragsende" or "Kündigung zum" set in advance): :func:`ends_after_now` finds the data's own "now"
for them, and validation leaves those dates empty with a rule, so an export of 2019 is measured at 2019.

Without churn dates but with a ``churned`` flag, the rate is the share of churned customers, labelled
``definition="share_churned"``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime
from statistics import NormalDist

import numpy as np
import pandas as pd

DATE_COLUMNS = ("signup_date", "churn_date", "response_date", "date")

__all__ = [
    "ChurnComparison",
    "ChurnResult",
    "churn_rate",
    "churn_reference_date",
    "compare_churn",
    "ends_after_now",
    "monthly_churn",
    "reference_date",
]


@dataclass(frozen=True)
class ChurnResult:
    """A churn rate with its numerator and denominator.

    ``value`` and ``retention`` are shares (0…1). When ``value`` is ``None``, ``note`` is the
    string-table key that says why; it can also explain a value (e.g. ``kpi.note.churn_capped``).
    """

    value: float | None
    churned: int
    average_customers: float | None
    window: tuple[date, date] | None
    definition: str | None  # "rolling_12_months" | "share_churned"
    retention: float | None
    note: str | None = None
    months: int | None = None  # calendar months counted (fewer than asked when the data begin later)
    without_signup: int = 0  # customers without a signup date, counted as customers since before the window

    def to_dict(self) -> dict:
        """The JSON shape of the CLI's ``kpis.churn_rate`` section.

        Examples
        --------
        >>> result = ChurnResult(0.25, 3, 12.0, (date(2025, 10, 1), date(2026, 9, 30)),
        ...                      "rolling_12_months", 0.75)
        >>> result.to_dict()["window"]
        ['2025-10-01', '2026-09-30']
        """
        return {
            "value": self.value,
            "churned": self.churned,
            "average_customers": self.average_customers,
            "window": [day.isoformat() for day in self.window] if self.window is not None else None,
            "definition": self.definition,
            "months": self.months,
        }


@dataclass(frozen=True)
class ChurnComparison:
    """The change of the churn rate (current − previous, as a share) and its two-proportion z-test."""

    difference: float | None
    z: float | None
    p_value: float | None
    significant: bool
    verdict: str  # "significant" | "within_noise" | "insufficient_data"


def _check_customers(customers: pd.DataFrame | None, months: int) -> None:
    """ValueError for a non-table, a non-positive period, or date columns that are not dates."""
    if customers is not None and not isinstance(customers, pd.DataFrame):
        raise ValueError(f"customers must be a DataFrame or None, got {type(customers).__name__}")
    if isinstance(months, bool) or not isinstance(months, int) or months < 1:
        raise ValueError(f"months must be a positive whole number, got {months!r}")
    for column in ("signup_date", "churn_date"):
        if (
            customers is not None
            and column in customers
            and not pd.api.types.is_datetime64_any_dtype(customers[column])
        ):
            raise ValueError(f"customers[{column!r}] must be datetime64, got {customers[column].dtype}")


def reference_date(*tables: pd.DataFrame | None) -> date | None:
    """ "Now" for the data: the latest signup, churn, response or transaction date in any of ``tables``.

    Examples
    --------
    >>> customers = pd.DataFrame({"signup_date": pd.to_datetime(["2025-01-03", None]),
    ...                           "churn_date": pd.to_datetime([None, "2026-02-01"])})
    >>> survey = pd.DataFrame({"response_date": pd.to_datetime(["2026-03-15"])})
    >>> reference_date(customers, survey, None)
    datetime.date(2026, 3, 15)
    >>> reference_date(pd.DataFrame({"x": [1]})) is None
    True
    """
    latest = [
        table[column].max()
        for table in tables
        if table is not None
        for column in DATE_COLUMNS
        if column in table.columns and pd.api.types.is_datetime64_any_dtype(table[column])
    ]
    latest = [value for value in latest if pd.notna(value)]
    return max(latest).date() if latest else None


def churn_reference_date(customers: pd.DataFrame | None, *others: pd.DataFrame | None, months: int = 12):
    """ "Now" for the churn rate: the latest date of all tables, as for every figure, unless the customer
    table's own data end more than ``months`` months before it. Its window would then hold none of the
    customer table's dates (a churn rate of 0 from an export of 2021 beside a survey of 2024), and the
    customer table's own latest date is taken.

    Examples
    --------
    >>> customers = pd.DataFrame({"signup_date": pd.to_datetime(["2020-01-01", "2021-03-28"])})
    >>> survey = pd.DataFrame({"response_date": pd.to_datetime(["2024-11-17"])})
    >>> churn_reference_date(customers, survey)
    datetime.date(2021, 3, 28)
    >>> churn_reference_date(customers, survey.assign(response_date=pd.Timestamp("2021-09-30")))
    datetime.date(2021, 9, 30)
    """
    shared, own = reference_date(customers, *others), reference_date(customers)
    if (
        own is not None
        and shared is not None
        and pd.Timestamp(shared) > pd.Timestamp(own) + pd.DateOffset(months=months)
    ):
        return own
    return shared


def _as_timestamp(day: date | datetime | pd.Timestamp) -> pd.Timestamp:
    return pd.Timestamp(day).normalize()


def _customer_dates(customers: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Sorted signup dates (a missing one counts as the earliest possible) and sorted valid churn dates.

    A churn date before the signup date is ignored, as validation does (``rule.churn_before_signup``).
    """
    missing = pd.Series(pd.NaT, index=customers.index, dtype="datetime64[ns]")
    signup = pd.to_datetime(customers.get("signup_date", missing)).dt.normalize().astype("datetime64[ns]")
    churn = pd.to_datetime(customers.get("churn_date", missing)).dt.normalize().astype("datetime64[ns]")
    valid_churn = churn[churn.notna() & ~(signup > churn)]
    signup_values = signup.fillna(pd.Timestamp.min).to_numpy()
    return np.sort(signup_values), np.sort(valid_churn.to_numpy())


def _count(sorted_dates: np.ndarray, day: pd.Timestamp, *, strictly_before: bool = False) -> int:
    side = "left" if strictly_before else "right"
    return int(np.searchsorted(sorted_dates, np.datetime64(day, "ns"), side=side))


def _months(as_of: pd.Timestamp, months: int) -> list[tuple[pd.Timestamp, pd.Timestamp]]:
    """(first day, last counted day) of the ``months`` calendar months ending with the month of ``as_of``."""
    last = as_of.to_period("M")
    spans = []
    for period in pd.period_range(last - (months - 1), last, freq="M"):
        end = min(period.end_time.normalize(), as_of)
        spans.append((period.start_time, end))
    return spans


def _months_with_data(
    spans: list[tuple[pd.Timestamp, pd.Timestamp]], signups: np.ndarray
) -> list[tuple[pd.Timestamp, pd.Timestamp]]:
    """``spans`` without the leading months that end before anyone signed up (outside the data); all
    of them when no month has a signup."""
    covered = [span for span in spans if _count(signups, span[1]) > 0]
    return spans[len(spans) - len(covered) :] if covered else spans


#: End dates reaching more than this past the latest signup date may be contracts that end later.
SCHEDULED_END_GAP = pd.Timedelta(days=31)
#: Share of those end dates on a month's edge or the signup's day of the month (a term's anniversary)
#: that marks them as set in advance, and how many make a pattern (one late end date proves nothing:
#: a random day is such a day about 1 in 8).
SCHEDULED_END_SHARE = 0.8
SCHEDULED_END_MIN = 5


def ends_after_now(signup: pd.Series, churn: pd.Series) -> pd.Timestamp | None:
    """The data's own "now" when its end dates run on past it, else None.

    A customer table exported on one day lists new customers up to that day. End dates more than a
    month after its latest signup date that fall on month ends (or firsts) or on the anniversary of the
    signup's day (a term of months or years, ending on that day or the day before), as contract ends set
    in advance do ("Vertragsende 31.12.", "Kündigung zum Monatsende"), are contracts that end later, not
    customers already lost: "now" is then the latest signup date. Days of leaving that lie anywhere in
    the month are what happened (a book closed to new customers), and a cohort followed on after its
    last signup reaches further past it than its signups span: both keep their dates.

    Examples
    --------
    >>> signup = pd.to_datetime(pd.Series(["2016-01-04", "2018-03-01", "2019-05-23"]))
    >>> ends = pd.Series(pd.to_datetime(["2018-12-31", None]).append(pd.date_range("2019-07-31", periods=5,
    ...                                                                            freq="QE")))
    >>> ends_after_now(signup, ends)
    Timestamp('2019-05-23 00:00:00')
    >>> ends_after_now(signup, ends + pd.Timedelta(days=9)) is None  # days anywhere in a month: left
    True
    """
    signups, ends = signup.dropna(), churn.dropna()
    if signups.empty or ends.empty:
        return None
    latest = signups.max().normalize()
    later = ends[ends.dt.normalize() > latest]
    reach = ends.max().normalize() - latest
    if (
        len(later) < SCHEDULED_END_MIN
        or reach <= SCHEDULED_END_GAP
        or reach >= latest - signups.min().normalize()
    ):
        return None
    started = signup.reindex(later.index).dt.day
    anniversary = (later.dt.day == started) | ((later + pd.Timedelta(days=1)).dt.day == started)
    set_in_advance = (later.dt.is_month_end | later.dt.is_month_start | anniversary).mean()
    return latest if set_in_advance >= SCHEDULED_END_SHARE else None


def _has_dates(customers: pd.DataFrame) -> bool:
    """Whether churn can be counted from dates: a churn-date column that is used, or not contradicted."""
    if "churn_date" not in customers.columns:
        return False
    if customers["churn_date"].notna().any():
        return True
    flag = customers.get("churned")
    return flag is None or not bool(flag.fillna(False).astype(bool).any())


def _share_churned(customers: pd.DataFrame) -> ChurnResult:
    known = customers["churned"].dropna().astype(bool)
    if known.empty:
        return ChurnResult(None, 0, None, None, None, None, "kpi.note.no_churn_data")
    churned = int(known.sum())
    value = churned / len(known)
    return ChurnResult(
        value, churned, float(len(known)), None, "share_churned", 1 - value, "kpi.note.churn_share"
    )


def churn_rate(customers: pd.DataFrame | None, *, as_of: date | None = None, months: int = 12) -> ChurnResult:
    """Churn rate over the ``months`` calendar months up to ``as_of`` (the handbook definition).

    Parameters
    ----------
    customers : DataFrame or None
        A validated customer table (``signup_date``, ``churn_date`` and/or ``churned``); any subset works.
    as_of : date, optional
        "Now"; defaults to the latest signup or churn date in ``customers``. Pass
        :func:`reference_date` of all tables to line several figures up.
    months : int, default 12
        Length of the window in calendar months.

    Returns
    -------
    ChurnResult
        ``value`` is ``None`` with a ``note`` key when the data cannot support a rate. A value above 1
        (more customers left than were on the books on average, i.e. very high turnover) is shown as 1
        with the note ``kpi.note.churn_capped``.

    Examples
    --------
    Four customers at the start of the year, one leaves in March, one new one joins in July:

    >>> customers = pd.DataFrame({
    ...     "customer_id": ["a", "b", "c", "d", "e"],
    ...     "signup_date": pd.to_datetime(["2024-05-01", "2024-06-01", "2024-07-01", "2024-08-01",
    ...                                    "2026-07-10"]),
    ...     "churn_date": pd.to_datetime([None, None, None, "2026-03-15", None])})
    >>> result = churn_rate(customers, as_of=date(2026, 12, 31))
    >>> result.churned, round(result.average_customers, 4), round(result.value, 4), result.definition
    (1, 3.6667, 0.2727, 'rolling_12_months')
    >>> churn_rate(pd.DataFrame({"churned": [True, False, False, False]})).value
    0.25
    """
    _check_customers(customers, months)
    if customers is None or customers.empty:
        return ChurnResult(None, 0, None, None, None, None, "kpi.note.no_customers")
    has_flag = "churned" in customers.columns and customers["churned"].notna().any()
    day = as_of if as_of is not None else reference_date(customers)
    if not _has_dates(customers) or day is None:
        return (
            _share_churned(customers)
            if has_flag
            else ChurnResult(None, 0, None, None, None, None, "kpi.note.no_churn_data")
        )
    as_of_ts = _as_timestamp(day)
    signups, churns = _customer_dates(customers)
    spans = _months_with_data(_months(as_of_ts, months), signups)
    window_start = spans[0][0]
    churned = _count(churns, as_of_ts) - _count(churns, window_start, strictly_before=True)
    counts = [_count(signups, end) - _count(churns, end) for _, end in spans]
    average = float(np.mean(counts))
    window = (window_start.date(), as_of_ts.date())
    if average == 0:
        return ChurnResult(
            None, churned, 0.0, window, "rolling_12_months", None, "kpi.note.no_customers_in_window"
        )
    value = churned / average
    note = "kpi.note.churn_short_history" if len(spans) < months else None
    if value > 1:
        value, note = 1.0, "kpi.note.churn_capped"
    missing = int(customers["signup_date"].isna().sum()) if "signup_date" in customers else len(customers)
    return ChurnResult(
        value, churned, average, window, "rolling_12_months", 1 - value, note, len(spans), missing
    )


def compare_churn(current: ChurnResult, previous: ChurnResult, *, alpha: float = 0.05) -> ChurnComparison:
    """Is the change of the churn rate more than noise? (two-proportion z-test, pooled variance)

    The average customer counts serve as the sample sizes: an approximation that treats each customer
    on the books as one chance to churn in the window.

    Examples
    --------
    >>> now = ChurnResult(0.20, 200, 1000.0, None, "rolling_12_months", 0.80)
    >>> before = ChurnResult(0.10, 100, 1000.0, None, "rolling_12_months", 0.90)
    >>> result = compare_churn(now, before)
    >>> round(result.difference, 2), result.verdict
    (0.1, 'significant')
    """
    if not 0 < alpha < 1:
        raise ValueError(f"alpha must lie strictly between 0 and 1, got {alpha!r}")
    if (
        current.value is None
        or previous.value is None
        or not current.average_customers
        or not previous.average_customers
        or current.definition != previous.definition
        or current.months != previous.months  # a rate over fewer months (the data begin later) is no match
    ):
        return ChurnComparison(None, None, None, False, "insufficient_data")
    difference = current.value - previous.value
    n_now, n_before = current.average_customers, previous.average_customers
    pooled = min((current.value * n_now + previous.value * n_before) / (n_now + n_before), 1.0)
    standard_error = math.sqrt(pooled * (1 - pooled) * (1 / n_now + 1 / n_before))
    if standard_error == 0:
        z, p_value = 0.0, 1.0
    else:
        z = difference / standard_error
        p_value = 2 * (1 - NormalDist().cdf(abs(z)))
    significant = p_value < alpha
    return ChurnComparison(
        difference, z, p_value, significant, "significant" if significant else "within_noise"
    )


def monthly_churn(
    customers: pd.DataFrame | None, *, as_of: date | None = None, months: int = 24
) -> pd.DataFrame:
    """Churn per calendar month: churned customers / customers on the books at the start of the month.

    Returns
    -------
    DataFrame
        ``month`` (first day, datetime64), ``churned``, ``customers_at_month_start``,
        ``customers_at_month_end``, ``rate`` (NaN when nobody was on the books); empty without churn dates.

    Examples
    --------
    >>> customers = pd.DataFrame({
    ...     "signup_date": pd.to_datetime(["2025-01-01", "2025-01-01", "2025-02-10"]),
    ...     "churn_date": pd.to_datetime([None, "2025-03-05", None])})
    >>> table = monthly_churn(customers, as_of=date(2025, 3, 31), months=2)
    >>> table[["month", "churned", "customers_at_month_start", "customers_at_month_end"]]
           month  churned  customers_at_month_start  customers_at_month_end
    0 2025-02-01        0                         2                       3
    1 2025-03-01        1                         3                       2
    >>> table["rate"].round(4).tolist()
    [0.0, 0.3333]
    """
    _check_customers(customers, months)
    columns = ["month", "churned", "customers_at_month_start", "customers_at_month_end", "rate"]
    day = as_of if as_of is not None or customers is None else reference_date(customers)
    if customers is None or customers.empty or not _has_dates(customers) or day is None:
        return pd.DataFrame(columns=columns)
    signups, churns = _customer_dates(customers)
    rows = []
    for start, end in _months(_as_timestamp(day), months):
        day_before = start - pd.Timedelta(days=1)
        at_start = _count(signups, day_before) - _count(churns, day_before)
        at_end = _count(signups, end) - _count(churns, end)
        churned = _count(churns, end) - _count(churns, start, strictly_before=True)
        rows.append((start, churned, at_start, at_end, churned / at_start if at_start else math.nan))
    frame = pd.DataFrame(rows, columns=columns)
    return frame.astype({"month": "datetime64[ns]", "rate": float})
