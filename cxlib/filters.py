"""The page filters (period, region, segment, persona) applied to the customer table and the survey.

Customer filters (region, segment, persona) select customers; survey rows follow their customer, and a
survey row whose customer is unknown drops out only while such a filter is active. The period keeps
survey answers given in it and customers who were on the books during it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

import pandas as pd

from cxlib.id_lookup import member_of

__all__ = ["Filters", "active_in_period", "apply_filters", "filter_options"]


@dataclass(frozen=True)
class Filters:
    """What the user selected; empty tuples and ``None`` dates mean "no restriction".

    ``preset`` names the date-range preset the period came from (:data:`cxlib.periods.PRESETS`; None for
    a period chosen by hand), so a shared link keeps "last quarter" rather than fixed dates;
    ``comparison`` is what the tiles and findings compare the period with ("previous" or "last_year").
    """

    start: date | None = None
    end: date | None = None
    regions: tuple[str, ...] = ()
    segments: tuple[str, ...] = ()
    personas: tuple[str, ...] = ()
    preset: str | None = None
    comparison: str = "previous"

    @property
    def selects_customers(self) -> bool:
        """Whether a region, segment or persona filter is active."""
        return bool(self.regions or self.segments or self.personas)

    @property
    def has_period(self) -> bool:
        """Whether a date range is chosen."""
        return self.start is not None or self.end is not None

    @property
    def restricts(self) -> bool:
        """Whether any row is kept out (a period, region, segment or persona); the comparison is not one."""
        return self.has_period or self.selects_customers

    def without_period(self) -> Filters:
        """The same selection over all dates (the tiles compare the period with the time before it)."""
        return replace(self, start=None, end=None, preset=None)

    def resolved(self, date_range: tuple[date, date] | None) -> Filters:
        """The filters with a preset's dates filled in for data spanning ``date_range``.

        Examples
        --------
        >>> span = (date(2024, 3, 1), date(2026, 5, 10))
        >>> Filters(preset="year_to_date").resolved(span).start
        datetime.date(2026, 1, 1)
        >>> everything = Filters(preset="all", start=date(2025, 1, 1)).resolved(span)
        >>> everything.start, everything.preset
        (None, None)
        """
        from cxlib.periods import preset_window

        if self.preset is None or date_range is None:
            return self
        window = preset_window(self.preset, first=date_range[0], last=date_range[1])
        if window is None:
            return replace(self, start=None, end=None, preset=None)
        return replace(self, start=window[0], end=window[1])


def _check_filters(filters: Filters, customers: pd.DataFrame | None, persona_of: pd.Series | None) -> None:
    """ValueError for reversed periods, a persona filter without personas, or columns that do not exist."""
    from cxlib.periods import COMPARISONS, PRESETS

    if not isinstance(filters, Filters):
        raise ValueError(f"filters must be Filters, got {type(filters).__name__}")
    if filters.preset is not None and filters.preset not in PRESETS:
        raise ValueError(f"preset must be one of {PRESETS} or None, got {filters.preset!r}")
    if filters.comparison not in COMPARISONS:
        raise ValueError(f"comparison must be one of {COMPARISONS}, got {filters.comparison!r}")
    if filters.start is not None and filters.end is not None and filters.start > filters.end:
        raise ValueError(f"start {filters.start} lies after end {filters.end}")
    if filters.personas and persona_of is None:
        raise ValueError("a persona filter needs persona_of (persona per customer_id)")
    for column, chosen in (("region", filters.regions), ("segment", filters.segments)):
        if chosen and customers is not None and column not in customers.columns:
            raise ValueError(f"cannot filter by {column}: the customer table has no {column!r} column")


def active_in_period(customers: pd.DataFrame, start: date | None, end: date | None) -> pd.Series:
    """Customers on the books at some time in [start, end]: joined by its end, not gone before its start.

    Examples
    --------
    >>> customers = pd.DataFrame({"signup_date": pd.to_datetime(["2026-01-01", "2026-05-01"])})
    >>> active_in_period(customers, None, date(2026, 3, 31)).tolist()
    [True, False]
    """
    keep = pd.Series(True, index=customers.index)
    if end is not None and "signup_date" in customers.columns:
        keep &= ~(customers["signup_date"].dt.normalize() > pd.Timestamp(end))
    if start is not None and "churn_date" in customers.columns:
        keep &= ~(customers["churn_date"].dt.normalize() < pd.Timestamp(start))
    return keep


def _in_period(days: pd.Series, start: date | None, end: date | None) -> pd.Series:
    """Dates in [start, end]; a missing date is outside any period."""
    days = days.dt.normalize()
    keep = days.notna()
    if start is not None:
        keep &= days >= pd.Timestamp(start)
    if end is not None:
        keep &= days <= pd.Timestamp(end)
    return keep


def _chosen_customers(customers: pd.DataFrame, filters: Filters, persona_of: pd.Series | None) -> pd.Series:
    """Mask of the customers in the selected regions, segments and personas (the period aside)."""
    keep = pd.Series(True, index=customers.index)
    if filters.regions:
        keep &= customers["region"].isin(filters.regions)
    if filters.segments:
        keep &= customers["segment"].isin(filters.segments)
    if filters.personas:
        keep &= customers["customer_id"].map(persona_of).isin(filters.personas)
    return keep.fillna(False).astype(bool)


def apply_filters(
    customers: pd.DataFrame | None,
    survey: pd.DataFrame | None,
    filters: Filters,
    *,
    persona_of: pd.Series | None = None,
) -> tuple[pd.DataFrame | None, pd.DataFrame | None]:
    """The customer table and survey restricted to ``filters`` (``None`` stays ``None``).

    Parameters
    ----------
    customers, survey : DataFrame or None
        Validated tables.
    filters : Filters
        The selection.
    persona_of : Series, optional
        Persona label per customer, indexed by ``customer_id``; needed for a persona filter.

    Returns
    -------
    (customers, survey)
        Customers of the selected regions/segments/personas who were on the books during the period;
        survey answers from the period whose customer is selected (answers without a known customer are
        kept unless a region, segment or persona filter is active).

    Examples
    --------
    >>> customers = pd.DataFrame({"customer_id": ["a", "b"], "region": ["Nord", "Süd"]})
    >>> survey = pd.DataFrame({"customer_id": ["a", "b", None],
    ...                        "response_date": pd.to_datetime(["2026-01-05", "2026-02-01", "2026-01-09"]),
    ...                        "recommend": [9.0, 3.0, 10.0]})
    >>> kept_customers, kept_survey = apply_filters(customers, survey, Filters(regions=("Nord",)))
    >>> kept_customers["customer_id"].tolist(), kept_survey["recommend"].tolist()
    (['a'], [9.0])
    >>> apply_filters(customers, survey, Filters(end=date(2026, 1, 31)))[1]["recommend"].tolist()
    [9.0, 10.0]
    """
    _check_filters(filters, customers, persona_of)
    has_period = filters.start is not None or filters.end is not None
    chosen = None if customers is None else customers[_chosen_customers(customers, filters, persona_of)]
    kept_customers = chosen
    if chosen is not None and has_period:
        kept_customers = chosen[active_in_period(chosen, filters.start, filters.end)]
    if survey is None:
        return kept_customers, None
    keep = pd.Series(True, index=survey.index)
    if has_period:
        # undated answers cannot be placed in any period
        dated = "response_date" in survey.columns
        keep &= _in_period(survey["response_date"], filters.start, filters.end) if dated else False
    if filters.selects_customers:
        # an answer follows its customer's region/segment/persona; its own date decides the period
        ids = chosen["customer_id"] if chosen is not None else pd.Series([], dtype="object")
        if "customer_id" in survey.columns:
            keep &= member_of(survey["customer_id"], ids)
        else:
            keep &= False
    return kept_customers, survey[keep]


def filter_options(customers: pd.DataFrame | None, survey: pd.DataFrame | None) -> dict:
    """What the filters can offer: the regions and segments present, and the span of dates in the data.

    Returns
    -------
    dict
        ``regions`` and ``segments`` (sorted lists, empty when the column is missing) and ``date_range``
        (``(first, last)`` dates over signup, churn and response dates, or ``None``).

    Examples
    --------
    >>> customers = pd.DataFrame({"region": ["Süd", "Nord", None, "Süd"],
    ...                           "signup_date": pd.to_datetime(["2024-03-01", None, "2025-01-01", None])})
    >>> options = filter_options(customers, None)
    >>> options["regions"], options["segments"], options["date_range"]
    (['Nord', 'Süd'], [], (datetime.date(2024, 3, 1), datetime.date(2025, 1, 1)))
    """

    def values(column: str) -> list[str]:
        if customers is None or column not in customers.columns:
            return []
        return sorted(str(value) for value in customers[column].dropna().unique())

    dates = [
        table[column].dropna()
        for table, column in (
            (customers, "signup_date"),
            (customers, "churn_date"),
            (survey, "response_date"),
        )
        if table is not None and column in table.columns
    ]
    dates = [series for series in dates if not series.empty]
    date_range = None
    if dates:
        everything = pd.concat(dates)
        date_range = (everything.min().date(), everything.max().date())
    return {"regions": values("region"), "segments": values("segment"), "date_range": date_range}
