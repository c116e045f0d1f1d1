"""Period windows: the one place that says which days a tile, a finding or a report compares.

A window is a pair of dates ``(first, last)``, both included. The windows in use:

- **tile window**: the last ``months`` calendar months up to "now" (the month of "now" counted up to
  "now"), or the period the reader chose (:class:`Period`);
- **comparison window**: the window just before, of the same length (``"previous"``), or the same dates
  one year earlier (``"last_year"``);
- **last 12 months** and the date-range **presets** of the filter panel (:data:`PRESETS`).

:func:`nps_comparison` and :func:`churn_comparison` compute a KPI over a window and its comparison
window with the significance test; the Overview tiles (:mod:`cxlib.kpis`) and the findings
(:mod:`cxlib.findings`, via :func:`period_comparisons`) both read them, so they always say the same
number for the same period.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from cxlib.churn import ChurnResult, churn_rate, churn_reference_date, compare_churn, reference_date
from cxlib.long_format import one_row_per_response
from cxlib.nps import NpsResult, compare_nps, net_promoter_score

__all__ = [
    "COMPARISONS",
    "PRESETS",
    "Period",
    "PeriodComparison",
    "Window",
    "churn_comparison",
    "comparison_caption",
    "comparison_window",
    "current_window",
    "last_12_months",
    "nps_comparison",
    "nps_in_window",
    "period_comparisons",
    "preset_window",
    "previous_window",
    "same_window_last_year",
]

Window = tuple[date, date]

#: The date-range presets of the filter panel, in the order they are offered.
PRESETS: tuple[str, ...] = ("all", "last_quarter", "last_12_months", "year_to_date")
#: What the current window can be compared with.
COMPARISONS: tuple[str, ...] = ("previous", "last_year")


@dataclass(frozen=True)
class Period:
    """A window the reader chose (from the filter panel) and what to compare it with.

    ``window`` None means "the last months up to now" (the KPI settings' months).
    """

    window: Window | None = None
    comparison: str = "previous"

    def __post_init__(self) -> None:
        if self.comparison not in COMPARISONS:
            raise ValueError(f"comparison must be one of {COMPARISONS}, got {self.comparison!r}")
        if self.window is not None and self.window[0] > self.window[1]:
            raise ValueError(f"window starts after it ends: {self.window!r}")


def _check_months(months: int, name: str = "months") -> None:
    if isinstance(months, bool) or not isinstance(months, int) or months < 1:
        raise ValueError(f"{name} must be a positive whole number, got {months!r}")


def current_window(as_of: date, months: int) -> Window:
    """The ``months`` calendar months ending with the month of ``as_of`` (counted up to ``as_of``).

    Examples
    --------
    >>> current_window(date(2026, 6, 20), 3)
    (datetime.date(2026, 4, 1), datetime.date(2026, 6, 20))
    """
    _check_months(months)
    first = (pd.Timestamp(as_of).to_period("M") - (months - 1)).start_time.date()
    return first, as_of


def previous_window(window: Window, months: int | None = None) -> Window:
    """The window just before ``window``: ``months`` calendar months, or else as many days.

    Examples
    --------
    >>> previous_window((date(2026, 4, 1), date(2026, 6, 20)), 3)
    (datetime.date(2026, 1, 1), datetime.date(2026, 3, 31))
    >>> previous_window((date(2026, 3, 10), date(2026, 3, 19)))
    (datetime.date(2026, 2, 28), datetime.date(2026, 3, 9))
    """
    start = pd.Timestamp(window[0])
    end = start - pd.Timedelta(days=1)
    if months is not None:
        _check_months(months)
        return (start - pd.DateOffset(months=months)).date(), end.date()
    days = (pd.Timestamp(window[1]) - start).days
    return (end - pd.Timedelta(days=days)).date(), end.date()


def same_window_last_year(window: Window) -> Window:
    """The same dates one year earlier (29 February becomes 28 February).

    Examples
    --------
    >>> same_window_last_year((date(2026, 4, 1), date(2026, 6, 20)))
    (datetime.date(2025, 4, 1), datetime.date(2025, 6, 20))
    """
    return tuple((pd.Timestamp(day) - pd.DateOffset(years=1)).date() for day in window)  # type: ignore[return-value]


def comparison_window(window: Window, *, comparison: str = "previous", months: int | None = None) -> Window:
    """The window ``window`` is compared with: the one before (``"previous"``) or a year earlier.

    Examples
    --------
    >>> window = (date(2026, 4, 1), date(2026, 6, 20))
    >>> comparison_window(window, months=3)
    (datetime.date(2026, 1, 1), datetime.date(2026, 3, 31))
    >>> comparison_window(window, comparison="last_year")
    (datetime.date(2025, 4, 1), datetime.date(2025, 6, 20))
    """
    if comparison not in COMPARISONS:
        raise ValueError(f"comparison must be one of {COMPARISONS}, got {comparison!r}")
    if comparison == "last_year":
        return same_window_last_year(window)
    return previous_window(window, months)


def last_12_months(as_of: date) -> Window:
    """The 12 calendar months up to ``as_of`` (the churn rate's window).

    Examples
    --------
    >>> last_12_months(date(2026, 6, 20))
    (datetime.date(2025, 7, 1), datetime.date(2026, 6, 20))
    """
    return current_window(as_of, 12)


def preset_window(preset: str, *, first: date, last: date) -> Window | None:
    """The window of a date-range preset for data from ``first`` to ``last`` (None for ``"all"``).

    "last_quarter" is the last full calendar quarter before the quarter of ``last`` (the current
    quarter when ``last`` is its final day); "last_12_months" the 12 calendar months up to ``last``;
    "year_to_date" from 1 January of ``last``'s year. Windows are clipped to the data.

    Examples
    --------
    >>> preset_window("last_quarter", first=date(2024, 1, 1), last=date(2026, 5, 10))
    (datetime.date(2026, 1, 1), datetime.date(2026, 3, 31))
    >>> preset_window("year_to_date", first=date(2024, 1, 1), last=date(2026, 5, 10))
    (datetime.date(2026, 1, 1), datetime.date(2026, 5, 10))
    >>> preset_window("last_12_months", first=date(2026, 1, 1), last=date(2026, 5, 10))
    (datetime.date(2026, 1, 1), datetime.date(2026, 5, 10))
    >>> preset_window("all", first=date(2026, 1, 1), last=date(2026, 5, 10)) is None
    True
    """
    if preset not in PRESETS:
        raise ValueError(f"preset must be one of {PRESETS}, got {preset!r}")
    if first > last:
        raise ValueError(f"first {first} lies after last {last}")
    if preset == "all":
        return None
    if preset == "last_quarter":
        quarter = pd.Timestamp(last).to_period("Q")
        if pd.Timestamp(last) != quarter.end_time.normalize():
            quarter -= 1
        start, end = quarter.start_time.date(), quarter.end_time.date()
    elif preset == "last_12_months":
        start, end = last_12_months(last)
    else:
        start, end = date(last.year, 1, 1), last
    start, end = max(start, first), min(end, last)
    return (start, end) if start <= end else (first, last)


# --- KPIs over a window and its comparison window ---------------------------------------------------


@dataclass(frozen=True)
class PeriodComparison:
    """A KPI over a window and over its comparison window, with the test of the change.

    ``current`` / ``previous`` are :class:`~cxlib.nps.NpsResult` or :class:`~cxlib.churn.ChurnResult`;
    ``test`` their :class:`~cxlib.nps.NpsComparison` / :class:`~cxlib.churn.ChurnComparison`.
    """

    kind: str  # "nps" | "churn_rate"
    months: int
    comparison: str
    chosen: bool  # True when the window is one the reader chose (not the last ``months`` months)
    window: Window
    previous_window: Window | None
    current: NpsResult | ChurnResult
    previous: NpsResult | ChurnResult
    test: object

    def to_dict(self) -> dict:
        """The document's ``kpis.comparisons`` entry (keys as before; ``comparison`` added)."""
        score = "score" if self.kind == "nps" else "value"
        before = self.previous_window
        entry = {
            "months": self.months,
            "comparison": self.comparison,
            "chosen_window": self.chosen,
            "window": [day.isoformat() for day in self.window],
            "previous_window": [day.isoformat() for day in before] if before else None,
            "current": getattr(self.current, score),
            "previous": getattr(self.previous, score),
        }
        if self.kind == "nps":
            entry.update(n=self.current.n, previous_n=self.previous.n)
        entry.update(
            difference=self.test.difference,
            p_value=self.test.p_value,
            significant=self.test.significant,
            verdict=self.test.verdict,
        )
        return entry


def nps_in_window(survey: pd.DataFrame, window: Window) -> NpsResult:
    """The NPS of the answers given in ``window`` (one answer per response of a long survey).

    Examples
    --------
    >>> survey = pd.DataFrame({"response_date": pd.to_datetime(["2026-01-05", "2026-02-01"]),
    ...                        "recommend": [10.0, 3.0]})
    >>> nps_in_window(survey, (date(2026, 1, 1), date(2026, 1, 31))).score
    100.0
    """
    responses = one_row_per_response(survey)
    days = pd.to_datetime(responses["response_date"]).dt.normalize()
    inside = (days >= pd.Timestamp(window[0])) & (days <= pd.Timestamp(window[1]))
    return net_promoter_score(responses.loc[inside, "recommend"].to_numpy(dtype=float, na_value=float("nan")))


def nps_comparison(
    survey: pd.DataFrame | None,
    *,
    as_of: date | None,
    months: int = 3,
    period: Period = Period(),
) -> PeriodComparison | None:
    """NPS over the tile window against its comparison window (None without dated recommend answers).

    The window is ``period.window`` when the reader chose one, else the last ``months`` calendar
    months up to ``as_of``.
    """
    if survey is None or not {"recommend", "response_date"} <= set(survey.columns):
        return None
    if period.window is None and as_of is None:
        return None
    window = period.window or current_window(as_of, months)
    before = comparison_window(
        window, comparison=period.comparison, months=months if period.window is None else None
    )
    current, previous = nps_in_window(survey, window), nps_in_window(survey, before)
    return PeriodComparison(
        "nps",
        months,
        period.comparison,
        period.window is not None,
        window,
        before,
        current,
        previous,
        compare_nps(current, previous),
    )


def churn_comparison(
    customers: pd.DataFrame | None,
    *,
    as_of: date | None,
    months: int = 12,
    period: Period = Period(),
) -> PeriodComparison | None:
    """The churn rate over ``months`` months up to "now" (the end of a chosen window) against the
    ``months`` before, or the same months a year earlier (None when there is no rate)."""
    if customers is None or customers.empty:
        return None
    day = period.window[1] if period.window is not None else as_of
    current = churn_rate(customers, as_of=day, months=months)
    if current.window is None or current.value is None:
        return None
    before = comparison_window(current.window, comparison=period.comparison, months=months)
    previous = churn_rate(customers, as_of=before[1], months=months)
    return PeriodComparison(
        "churn_rate",
        months,
        period.comparison,
        period.window is not None,
        current.window,
        previous.window,
        current,
        previous,
        compare_churn(current, previous),
    )


def period_comparisons(
    customers: pd.DataFrame | None,
    survey: pd.DataFrame | None,
    *,
    as_of: date | None = None,
    nps_months: int = 3,
    churn_months: int = 12,
    period: Period = Period(),
) -> dict:
    """NPS and churn of the latest (or chosen) period against the comparison period, with their tests.

    The windows are the ones of the Overview tiles: ``nps_months`` calendar months up to "now" (the
    latest date in the data unless ``as_of`` is given) against the ``nps_months`` before; churn over
    ``churn_months`` against the ``churn_months`` before (up to the customer table's own latest date when
    the other data run on more than ``churn_months`` past it, :func:`~cxlib.churn.churn_reference_date`).
    A chosen ``period`` replaces the NPS window and ends the churn window; ``period.comparison`` chooses
    "previous" or "last_year".

    Returns
    -------
    dict
        ``{"nps": {...} or None, "churn_rate": {...} or None}``; each entry has ``months``,
        ``comparison``, ``window``, ``previous_window``, ``current``, ``previous``, ``difference`` (NPS
        points or churn share), ``p_value``, ``significant`` and ``verdict`` ("significant" /
        "within_noise" / "insufficient_data").

    Examples
    --------
    >>> days = pd.to_datetime(["2026-01-10", "2026-02-01", "2026-03-05", "2026-05-03", "2026-06-20"])
    >>> survey = pd.DataFrame({"response_date": days, "recommend": [3.0, 10.0, 9.0, 10.0, 8.0]})
    >>> nps = period_comparisons(None, survey)["nps"]
    >>> nps["window"], nps["current"], round(nps["difference"], 1), nps["verdict"]
    (['2026-04-01', '2026-06-20'], 50.0, 16.7, 'within_noise')
    """
    _check_months(nps_months, "nps_months")
    _check_months(churn_months, "churn_months")
    day = as_of or reference_date(customers, survey)
    nps = nps_comparison(survey, as_of=day, months=nps_months, period=period)
    churn_day = as_of or churn_reference_date(customers, survey, months=churn_months)
    churn = churn_comparison(customers, as_of=churn_day, months=churn_months, period=period)
    return {
        "nps": None if nps is None else nps.to_dict(),
        "churn_rate": None if churn is None else churn.to_dict(),
    }


def comparison_caption(entry: dict | None):
    """What the NPS tile and finding compare, as a message ("Tiles and findings: 2026-04-01 – 2026-06-30,
    compared with the same period last year (…)"), from a ``kpis.comparisons`` entry; None without one.

    Examples
    --------
    >>> entry = {"window": ["2026-04-01", "2026-06-30"], "previous_window": ["2025-04-01", "2025-06-30"],
    ...          "comparison": "last_year"}
    >>> comparison_caption(entry).text("de").split(", ")
    ['Kennzahlen und Erkenntnisse: 01.04.2026 – 30.06.2026',
     'verglichen mit dem Vorjahreszeitraum (01.04.2025 – 30.06.2025).']
    """
    from cxlib.messages import Message

    if not entry or not entry.get("window") or not entry.get("previous_window"):
        return None

    def span(days: list) -> Message:
        first, last = (date.fromisoformat(day) for day in days)
        return Message("kpi.period.window", start=first, end=last)

    against = Message(
        f"period.against.{entry.get('comparison', 'previous')}", period=span(entry["previous_window"])
    )
    return Message("period.caption", period=span(entry["window"]), against=against)
