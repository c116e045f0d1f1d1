"""Filters with a date preset and a comparison: resolving a preset, the period-free copy, what restricts."""

from datetime import date

import pandas as pd
import pytest

from cxlib.filters import Filters, active_in_period, apply_filters

SPAN = (date(2024, 3, 1), date(2026, 5, 10))


def test_a_preset_resolves_to_the_dates_of_the_data():
    last_quarter = Filters(preset="last_quarter").resolved(SPAN)
    assert (last_quarter.start, last_quarter.end) == (date(2026, 1, 1), date(2026, 3, 31))
    assert last_quarter.preset == "last_quarter"
    assert Filters(preset="all", start=date(2025, 1, 1)).resolved(SPAN) == Filters()
    assert Filters(start=date(2025, 1, 1)).resolved(SPAN) == Filters(start=date(2025, 1, 1))


def test_only_dates_and_selections_restrict_and_the_comparison_survives_without_period():
    assert not Filters(comparison="last_year").restricts
    assert Filters(regions=("Nord",)).restricts and Filters(end=date(2026, 1, 1)).restricts
    chosen = Filters(start=date(2026, 1, 1), preset="year_to_date", regions=("Nord",), comparison="last_year")
    assert chosen.without_period() == Filters(regions=("Nord",), comparison="last_year")


def test_bad_presets_and_comparisons_are_value_errors():
    with pytest.raises(ValueError, match="preset"):
        apply_filters(None, None, Filters(preset="last_week"))
    with pytest.raises(ValueError, match="comparison"):
        apply_filters(None, None, Filters(comparison="yesterday"))


def test_active_in_period_is_public():
    customers = pd.DataFrame(
        {
            "signup_date": pd.to_datetime(["2025-01-01", "2026-04-01", "2025-01-01"]),
            "churn_date": pd.to_datetime([None, None, "2025-06-01"]),
        }
    )
    assert active_in_period(customers, date(2026, 1, 1), date(2026, 3, 31)).tolist() == [True, False, False]
