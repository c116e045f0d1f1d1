"""Customer lifetime value (Kundenertragswert): discounted yearly margin minus acquisition cost.

Per customer, with an infinite horizon (Gupta & Lehmann 2003, *Journal of Interactive Marketing*):

    CLV = m · r / (1 + d − r) − AC

m = yearly margin (the ``margin`` column, or ``revenue`` × a margin rate the user sets), r = yearly
retention (1 − churn rate, or one value per customer, e.g. per persona), d = discount rate, AC =
acquisition cost (the ``acquisition_cost`` column, or a figure the user sets, or 0). With a horizon of
H years the finite sum Σ_{t=1..H} m · r^t / (1 + d)^t − AC is given as well. The assumptions travel
with the figures.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

FORMULA = "m·r/(1+d−r) − AC"
HORIZON_FORMULA = "Σ_{t=1..H} m·r^t/(1+d)^t − AC"

__all__ = [
    "FORMULA",
    "HORIZON_FORMULA",
    "ClvResult",
    "ClvSettings",
    "customer_lifetime_value",
    "yearly_revenue",
]

MONTHS_PER_YEAR = 12


def yearly_revenue(
    revenue: pd.Series, *, period: str, tenure_months: pd.Series | None = None
) -> tuple[pd.Series, str]:
    """Revenue per year from revenue recorded per month, per year or as a lifetime total.

    Monthly amounts are multiplied by 12; a lifetime total is divided by the customer's tenure in
    years (tenure below one month counts as one month). Without a tenure a lifetime total cannot be
    turned into a yearly figure: it is returned as it is, and the code says so (the CLV then rests on
    that assumption and shows it).

    Returns the yearly values and a code: ``"month_x12"``, ``"year"``, ``"lifetime_per_tenure"`` or
    ``"lifetime_as_year"``.

    Examples
    --------
    >>> monthly = pd.Series([65.0, 20.0])
    >>> yearly_revenue(monthly, period="month")[0].tolist()
    [780.0, 240.0]
    >>> total = pd.Series([1560.0, 100.0])
    >>> yearly, code = yearly_revenue(total, period="lifetime", tenure_months=pd.Series([24.0, 0.0]))
    >>> yearly.tolist(), code
    ([780.0, 1200.0], 'lifetime_per_tenure')
    """
    if period not in ("month", "year", "lifetime"):
        raise ValueError(f'period must be "month", "year" or "lifetime", got {period!r}')
    values = revenue.astype(float)
    if period == "month":
        return values * MONTHS_PER_YEAR, "month_x12"
    if period == "year":
        return values, "year"
    if tenure_months is None or tenure_months.notna().sum() == 0:
        return values, "lifetime_as_year"
    years = tenure_months.astype(float).clip(lower=1) / MONTHS_PER_YEAR
    return values / years, "lifetime_per_tenure"


@dataclass(frozen=True)
class ClvSettings:
    """What the user sets for CLV: discount rate, margin rate (used when there is no ``margin`` column),
    acquisition cost per customer (used where the data has none), horizon in years (optional)."""

    discount_rate: float = 0.10
    margin_rate: float | None = None
    acquisition_cost: float | None = None
    horizon_years: int | None = None


@dataclass(frozen=True)
class ClvResult:
    """CLV per customer (indexed like the customer table) with mean, median, total and assumptions.

    The summary figures are ``None`` when no customer has a value; ``note`` is then the string-table
    key that says why. ``note`` can also flag an assumption (``kpi.note.clv_no_acquisition_cost``).
    """

    per_customer: pd.Series = field(compare=False, repr=False)
    mean: float | None
    median: float | None
    total: float | None
    horizon_value: float | None
    assumptions: dict
    note: str | None = None

    def to_dict(self) -> dict:
        """The JSON shape of the CLI's ``kpis.clv`` section.

        Examples
        --------
        >>> customers = pd.DataFrame({"margin": [100.0, 200.0]})
        >>> round(customer_lifetime_value(customers, retention=0.5).to_dict()["mean"], 2)
        125.0
        """
        return {
            "mean": self.mean,
            "median": self.median,
            "total": self.total,
            "assumptions": self.assumptions,
        }


def _check_inputs(customers: pd.DataFrame, retention: float | pd.Series, settings: ClvSettings) -> pd.Series:
    """The retention as a Series aligned with ``customers``; ValueError for impossible inputs."""
    if not isinstance(customers, pd.DataFrame):
        raise ValueError(f"customers must be a DataFrame, got {type(customers).__name__}")
    if not isinstance(settings, ClvSettings):
        raise ValueError(f"settings must be ClvSettings, got {type(settings).__name__}")
    rate = settings.discount_rate
    if not 0 <= rate < 1:
        raise ValueError(f"discount_rate must lie in [0, 1), got {rate!r}")
    if settings.margin_rate is not None and not 0 <= settings.margin_rate <= 1:
        raise ValueError(f"margin_rate must lie in [0, 1], got {settings.margin_rate!r}")
    if settings.acquisition_cost is not None and settings.acquisition_cost < 0:
        raise ValueError(f"acquisition_cost must not be negative, got {settings.acquisition_cost!r}")
    if settings.horizon_years is not None and (
        isinstance(settings.horizon_years, bool)
        or not isinstance(settings.horizon_years, int)
        or settings.horizon_years < 1
    ):
        raise ValueError(f"horizon_years must be a positive whole number, got {settings.horizon_years!r}")
    if isinstance(retention, pd.Series):
        missing = customers.index.difference(retention.index)
        if len(missing):
            raise ValueError(f"retention has no value for {len(missing)} customer rows (index labels)")
        aligned = retention.reindex(customers.index).astype(float)
    else:
        aligned = pd.Series(float(retention), index=customers.index)
    known = aligned.dropna()
    if ((known < 0) | (known > 1)).any():
        raise ValueError("retention must lie in [0, 1]")
    if rate == 0 and (known == 1).any():
        raise ValueError("retention 1 with discount rate 0 gives an infinite lifetime value")
    return aligned


def _margin(customers: pd.DataFrame, settings: ClvSettings) -> tuple[pd.Series | None, str | None]:
    """Yearly margin per customer and where it comes from (``None`` when the data has none)."""
    if "margin" in customers.columns and customers["margin"].notna().any():
        return customers["margin"].astype(float), "margin"
    if (
        settings.margin_rate is not None
        and "revenue" in customers.columns
        and customers["revenue"].notna().any()
    ):
        return customers["revenue"].astype(float) * settings.margin_rate, "revenue_x_margin_rate"
    return None, None


def _acquisition_cost(customers: pd.DataFrame, settings: ClvSettings) -> tuple[pd.Series, str]:
    """Acquisition cost per customer and its source: the column (gaps filled by the set figure or 0),
    the set figure, or 0."""
    fallback = settings.acquisition_cost if settings.acquisition_cost is not None else 0.0
    if "acquisition_cost" in customers.columns and customers["acquisition_cost"].notna().any():
        return customers["acquisition_cost"].astype(float).fillna(fallback), "acquisition_cost"
    source = "setting" if settings.acquisition_cost is not None else "zero"
    return pd.Series(float(fallback), index=customers.index), source


def _summary(values: pd.Series) -> tuple[float | None, float | None, float | None]:
    known = values.dropna()
    if known.empty:
        return None, None, None
    return float(known.mean()), float(known.median()), float(known.sum())


def customer_lifetime_value(
    customers: pd.DataFrame,
    *,
    retention: float | pd.Series,
    settings: ClvSettings = ClvSettings(),
) -> ClvResult:
    """Customer lifetime value per customer, with mean, median, total and the assumptions used.

    Parameters
    ----------
    customers : DataFrame
        A validated customer table (or any subset) with ``margin`` or ``revenue``, and optionally
        ``acquisition_cost``.
    retention : float or Series
        Yearly retention r in [0, 1]: one figure (1 − churn rate) or a Series indexed like
        ``customers`` (e.g. each customer's persona retention). NaN gives that customer no value.
    settings : ClvSettings
        Discount rate, margin rate, acquisition cost figure, horizon.

    Returns
    -------
    ClvResult
        ``per_customer`` (float Series named "clv"), ``mean``, ``median``, ``total``, ``horizon_value``
        (mean of the finite-horizon sum, when a horizon is set) and ``assumptions``.

    Examples
    --------
    Margin 100 a year, retention 0.8, discount 10%, acquisition cost 50: 100·0.8/0.3 − 50 = 216.67.

    >>> customers = pd.DataFrame({"margin": [100.0], "acquisition_cost": [50.0]})
    >>> result = customer_lifetime_value(customers, retention=0.8,
    ...                                  settings=ClvSettings(horizon_years=2))
    >>> round(result.mean, 2), round(result.horizon_value, 2)
    (216.67, 75.62)
    >>> result.assumptions["margin_source"], result.assumptions["acquisition_cost_source"]
    ('margin', 'acquisition_cost')
    >>> customer_lifetime_value(pd.DataFrame({"revenue": [10.0]}), retention=0.8).note
    'kpi.note.clv_no_margin'
    >>> customer_lifetime_value(pd.DataFrame({"age": [40]}), retention=0.8).note
    'kpi.note.clv_no_money'
    """
    rates = _check_inputs(customers, retention, settings)
    d = settings.discount_rate
    margin, margin_source = _margin(customers, settings)
    cost, cost_source = _acquisition_cost(customers, settings)
    known_rates = rates.dropna()
    assumptions = {
        "discount_rate": d,
        "retention": float(known_rates.mean()) if not known_rates.empty else None,
        "retention_per_customer": isinstance(retention, pd.Series),
        "margin_source": margin_source,
        "margin_rate": settings.margin_rate if margin_source == "revenue_x_margin_rate" else None,
        "acquisition_cost_source": cost_source,
        "acquisition_cost": settings.acquisition_cost,
        "horizon_years": settings.horizon_years,
        "formula": FORMULA,
        "horizon_formula": HORIZON_FORMULA if settings.horizon_years is not None else None,
    }
    if margin is None:
        empty = pd.Series(np.nan, index=customers.index, name="clv")
        has_revenue = "revenue" in customers.columns and customers["revenue"].notna().any()
        note = "kpi.note.clv_no_margin" if has_revenue else "kpi.note.clv_no_money"
        return ClvResult(empty, None, None, None, None, assumptions, note)
    per_customer = (margin * rates / (1 + d - rates) - cost).rename("clv")
    mean, median, total = _summary(per_customer)
    horizon_value = None
    if settings.horizon_years is not None:
        ratio = rates / (1 + d)
        discounted_years = sum(ratio**year for year in range(1, settings.horizon_years + 1))
        horizon_value = _summary(margin * discounted_years - cost)[0]
    note = None
    if mean is None:
        note = "kpi.note.clv_no_values"
    elif cost_source == "zero":
        note = "kpi.note.clv_no_acquisition_cost"
    return ClvResult(per_customer, mean, median, total, horizon_value, assumptions, note)
