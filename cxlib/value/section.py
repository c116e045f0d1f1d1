"""Customer value from a transaction log, end to end: the ``value`` section of the analysis document.

Steps: purchases per customer-day → per-customer summary → RFM → BG/NBD and Gamma-Gamma fitted on the
calibration period (up to ``calibration_end``) → check against the holdout → the same checked model
predicts every customer from the whole log: P(active), expected purchases, spend and CLV.

Fewer than ``min_repeat_buyers`` repeat buyers in the calibration period, or a failed fit, give a note
and the simple CLV (yearly revenue · r / (1 + d − r), r = share of last year's buyers who bought again
this year) instead of model figures; never a made-up number.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pandas as pd

from cxlib.i18n import t
from cxlib.value.bgnbd import BgnbdFit, fit_bgnbd
from cxlib.value.gamma_gamma import GammaGammaFit, fit_gamma_gamma
from cxlib.value.holdout import HoldoutCheck, default_calibration_end, holdout_check
from cxlib.value.purchases import CustomerDays, customer_days, summarize_purchases
from cxlib.value.rfm import rfm_scores, segment_table
from cxlib.value.valuation import INTERVAL_METHOD, customer_value

__all__ = ["MODEL_NAME", "ValueResult", "ValueSettings", "analyze_value", "value_section"]

MODEL_NAME = "BG/NBD + Gamma-Gamma"
SIMPLE_FORMULA = "m·r/(1+d−r)"
#: With this many buyers and not one who bought twice, the customer column likely names orders, not people.
MIN_CUSTOMERS_FOR_KEY_CHECK = 20


@dataclass(frozen=True)
class ValueSettings:
    """The user's choices: model check split, CLV horizon and discount rate (yearly), the P(active)
    threshold below which a customer counts as inactive, the repeat buyers a fit needs, margin rate."""

    calibration_end: date | None = None
    horizon_months: int = 12
    discount_rate: float = 0.10
    inactive_threshold: float = 0.5
    min_repeat_buyers: int = 300
    margin_rate: float | None = None

    def check(self) -> None:
        """ValueError for settings no data can have."""
        if isinstance(self.horizon_months, bool) or not isinstance(self.horizon_months, int):
            raise ValueError(f"horizon_months must be a whole number, got {self.horizon_months!r}")
        if not 1 <= self.horizon_months <= 600:
            raise ValueError(f"horizon_months must lie in 1..600, got {self.horizon_months}")
        if not 0 <= self.discount_rate < 1:
            raise ValueError(f"discount_rate must lie in [0, 1), got {self.discount_rate!r}")
        if not 0 < self.inactive_threshold < 1:
            raise ValueError(f"inactive_threshold must lie in (0, 1), got {self.inactive_threshold!r}")
        if self.margin_rate is not None and not 0 < self.margin_rate <= 1:
            raise ValueError(f"margin_rate must lie in (0, 1], got {self.margin_rate!r}")


@dataclass
class ValueResult:
    """Everything the page and the JSON section show.

    ``customers`` has one row per buyer: the purchase summary over the whole log, RFM scores and
    segment, and (with a usable model) ``p_alive``, ``expected_purchases_12m``, ``expected_spend``,
    ``expected_revenue_12m``, ``clv`` and ``inactive``; with the simple fallback only ``clv``.
    ``notes`` are (string-table key, params) pairs.
    """

    days: CustomerDays
    customers: pd.DataFrame
    segments: pd.DataFrame
    settings: ValueSettings
    observation_end: pd.Timestamp
    calibration_end: pd.Timestamp | None
    calibration_chosen: bool
    n_repeat_buyers: int
    bgnbd: BgnbdFit | None = None
    gamma_gamma: GammaGammaFit | None = None
    holdout: HoldoutCheck | None = None
    clv: dict | None = None
    notes: list[tuple[str, dict]] = field(default_factory=list)

    @property
    def has_model(self) -> bool:
        return self.bgnbd is not None and "p_alive" in self.customers


def _model_fits(
    calibration, settings: ValueSettings
) -> tuple[BgnbdFit | None, GammaGammaFit | None, str | None]:
    """Both fits on the calibration summary, or the note key saying why there is no model."""
    data = calibration.customers
    try:
        bg = fit_bgnbd(data["frequency"], data["recency"], data["T"])
    except (ValueError, FloatingPointError):
        return None, None, "value.note.fit_failed"
    if not bg.converged:
        return None, None, "value.note.fit_failed"
    repeat = data[(data["frequency"] > 0) & (data["monetary_value"] > 0)]
    if len(repeat) < 2:
        return bg, None, "value.note.no_amounts"
    try:
        gg = fit_gamma_gamma(repeat["frequency"], repeat["monetary_value"])
    except (ValueError, FloatingPointError):
        return bg, None, "value.note.fit_failed"
    if not gg.converged or gg.q <= 1:
        return bg, None, "value.note.fit_failed"
    return bg, gg, None


def _simple_clv(
    days: CustomerDays, summary: pd.DataFrame, settings: ValueSettings
) -> tuple[dict | None, pd.Series | None, str | None]:
    """The simple CLV per buyer: last 12 months' revenue · r / (1 + d − r); needs two years of log."""
    end = days.last_day
    if not days.has_amounts:  # the cause to name: two years of a log without amounts give no CLV either
        return None, None, "value.note.no_amounts"
    if end is None or (end - days.first_day).astype(np.int64) < 730 - 1:
        return None, None, "value.note.simple_needs_two_years"
    last_year = days.day > end - 365
    previous_year = (days.day > end - 730) & ~last_year
    buyers_before = np.unique(days.customer[previous_year])
    buyers_now = np.unique(days.customer[last_year])
    if buyers_before.size == 0:
        return None, None, "value.note.simple_needs_two_years"
    retention = float(np.isin(buyers_before, buyers_now).mean())
    d = settings.discount_rate
    revenue = np.bincount(
        days.customer[last_year], np.nan_to_num(days.amount[last_year]), minlength=len(days.ids)
    )
    per_id = pd.Series(revenue, index=pd.Index(days.ids, dtype="str"))
    factor = 1.0 if settings.margin_rate is None else settings.margin_rate
    clv = (per_id.reindex(summary.index).fillna(0.0) * factor * retention / (1 + d - retention)).rename("clv")
    section = {
        "method": "simple",
        "formula": SIMPLE_FORMULA,
        "retention": retention,
        "mean": float(clv.mean()),
        "total": float(clv.sum()),
        "interval": None,
        "interval_method": None,
    }
    return section, clv, None


def analyze_value(
    transactions: pd.DataFrame, *, settings: ValueSettings = ValueSettings()
) -> ValueResult | None:
    """Customer value from a validated transaction table (``customer_id``, ``date``, ``amount``).

    Returns None when the log has no usable purchase (the caller says so).
    """
    settings.check()
    days = customer_days(transactions)
    if days.day.size == 0:
        return None
    observation_end = pd.Timestamp(days.last_day)
    whole = summarize_purchases(days)
    customers = whole.customers.copy()
    scores = rfm_scores(customers)
    customers = customers.join(scores)
    notes: list[tuple[str, dict]] = []
    if days.set_aside:
        for reason, rows in days.set_aside.items():
            notes.append((f"value.note.set_aside.{reason}", {"rows": rows}))
    if len(customers) >= MIN_CUSTOMERS_FOR_KEY_CHECK and not (customers["frequency"] > 0).any():
        notes.append(("value.note.no_repeat_buyers", {"n": len(customers)}))
    chosen = settings.calibration_end is None
    calibration_end = (
        default_calibration_end(days.first_day, days.last_day)
        if chosen
        else pd.Timestamp(settings.calibration_end)
    )
    result = ValueResult(
        days,
        customers,
        segment_table(scores, customers),
        settings,
        observation_end,
        calibration_end,
        chosen,
        0,
        notes=notes,
    )
    if calibration_end is None:
        notes.append(("value.note.too_short", {}))
    elif not pd.Timestamp(days.first_day) <= calibration_end < observation_end:
        notes.append(("value.note.calibration_outside", {"date": calibration_end.date().isoformat()}))
        result.calibration_end = None
    else:
        _fit_and_value(result, days, customers, settings)
    if not result.has_model:
        section, clv, note = _simple_clv(days, customers, settings)
        if note and (note, {}) not in notes:
            notes.append((note, {}))
        if clv is not None:
            result.customers["clv"] = clv
            result.clv = {**section, "horizon_months": None, "discount_rate": settings.discount_rate}
            notes.append(("value.note.simple_clv", {"retention": section["retention"]}))
    result.segments = segment_table(scores, result.customers, result.customers.get("clv"))
    return result


def _fit_and_value(
    result: ValueResult, days: CustomerDays, customers: pd.DataFrame, settings: ValueSettings
) -> None:
    calibration = summarize_purchases(days, end=result.calibration_end)
    result.n_repeat_buyers = calibration.repeat_buyers
    if calibration.repeat_buyers < settings.min_repeat_buyers:
        result.notes.append(
            (
                "value.note.too_few_repeat_buyers",
                {"n": calibration.repeat_buyers, "minimum": settings.min_repeat_buyers},
            )
        )
        return
    if not days.has_amounts:
        result.notes.append(("value.note.no_amounts", {}))
        return
    bg, gg, problem = _model_fits(calibration, settings)
    if problem:
        result.notes.append((problem, {}))
        return
    result.bgnbd, result.gamma_gamma = bg, gg
    if bg.at_boundary:
        result.notes.append(("value.note.boundary_bgnbd", {}))
    if gg.at_boundary:
        result.notes.append(("value.note.boundary_gamma_gamma", {}))
    result.holdout = holdout_check(days, calibration, bg.vector, observation_end=result.observation_end)
    repeat = calibration.customers[calibration.customers["frequency"] > 0]
    correlation = repeat["frequency"].corr(repeat["monetary_value"])
    if pd.notna(correlation) and abs(correlation) > 0.3:
        result.notes.append(("value.note.spend_correlated", {"r": round(float(correlation), 2)}))
    value = customer_value(
        customers,
        bg,
        gg,
        horizon_months=settings.horizon_months,
        discount_rate=settings.discount_rate,
        margin_rate=settings.margin_rate,
    )
    if not np.isfinite(value.per_customer.to_numpy()).all() or value.clv_total <= 0:
        result.bgnbd = result.gamma_gamma = result.holdout = None
        result.notes.append(("value.note.fit_failed", {}))
        return
    for column in value.per_customer:
        result.customers[column] = value.per_customer[column]
    result.customers["inactive"] = result.customers["p_alive"] < settings.inactive_threshold
    result.clv = {
        "method": "model",
        "mean": float(value.per_customer["clv"].mean()),
        "total": value.clv_total,
        "interval": list(value.clv_interval) if value.clv_interval else None,
        "interval_method": INTERVAL_METHOD if value.clv_interval else None,
        "horizon_months": settings.horizon_months,
        "discount_rate": settings.discount_rate,
        "expected_revenue_12m": value.revenue_12m_total,
        "expected_revenue_12m_interval": list(value.revenue_12m_interval)
        if value.revenue_12m_interval
        else None,
    }
    if result.holdout.actual > 0:
        error = result.holdout.predicted / result.holdout.actual - 1
        if abs(error) > 0.2:
            result.notes.append(("value.note.holdout_off", {"percent": round(100 * error)}))


def _number(value) -> float | None:
    return None if value is None or (isinstance(value, float) and not np.isfinite(value)) else float(value)


def _top_customers(data: pd.DataFrame, n: int = 10) -> list[dict]:
    """The ``n`` customers with the highest expected CLV: id, CLV, P(active) (model only), revenue so far."""
    top = data.sort_values("clv", ascending=False).head(n)
    return [
        {
            "customer_id": str(customer),
            "clv": _number(row["clv"]),
            "p_alive": _number(row["p_alive"]) if "p_alive" in row else None,
            "revenue": _number(row["revenue"]),
            "segment": row["segment"],
        }
        for customer, row in top.iterrows()
    ]


def value_section(
    result: ValueResult | None, *, lang: str = "en", churn_rate: float | None = None
) -> dict | None:
    """The ``value`` section of the analysis document (None without usable purchases).

    ``customers`` is the number of buyers; ``rfm`` maps segment → {count, revenue, clv_mean};
    ``model`` is None without a usable model; ``clv`` says its ``method`` (``"model"`` or ``"simple"``).
    """
    if result is None:
        return None
    data = result.customers
    basis = "revenue" if result.settings.margin_rate is None else "margin"
    section: dict = {
        "customers": len(data),
        "repeat_buyers": int((data["frequency"] > 0).sum()),
        "purchases": int(data["purchases"].sum()),
        "revenue": _number(data["revenue"].sum(min_count=1)),
        "first_purchase": pd.Timestamp(result.days.first_day).date().isoformat(),
        "last_purchase": result.observation_end.date().isoformat(),
        "rows_used": result.days.rows_used,
        "rows_set_aside": dict(result.days.set_aside),
        "rfm": {
            segment: {
                "count": int(row["customers"]),
                "revenue": _number(row["revenue"]),
                "clv_mean": _number(row.get("clv_mean")),
            }
            for segment, row in result.segments.iterrows()
        },
        "active": None,
        "model": None,
        "clv": None,
    }
    if result.has_model:
        inactive = int(data["inactive"].sum())
        section["active"] = {
            "active": len(data) - inactive,
            "inactive": inactive,
            "inactive_share": inactive / len(data),
            "threshold": result.settings.inactive_threshold,
            "customer_table_churn_rate": churn_rate,
        }
        section["model"] = {
            "name": MODEL_NAME,
            "params": {"bgnbd": result.bgnbd.params, "gamma_gamma": result.gamma_gamma.params},
            "log_likelihood": {
                "bgnbd": result.bgnbd.log_likelihood,
                "gamma_gamma": result.gamma_gamma.log_likelihood,
            },
            "n_repeat_buyers": result.n_repeat_buyers,
            "calibration_end": result.calibration_end.date().isoformat(),
            "calibration_end_chosen": result.calibration_chosen,
            "time_unit": "weeks",
            "holdout": result.holdout.to_dict(),
        }
    if result.clv is not None:
        section["clv"] = {**result.clv, "basis": basis}
        section["top_customers"] = _top_customers(data)
    section["notes"] = [t(key, lang, **params) for key, params in result.notes]
    if result.has_model and result.calibration_chosen:
        section["notes"].append(
            t("value.note.calibration_chosen", lang, date=result.calibration_end.date().isoformat())
        )
    return section
