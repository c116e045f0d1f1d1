"""cxlib.periods: the tile window, the comparison windows, last 12 months and the date presets."""

from datetime import date

import pytest

from cxlib.periods import (
    Period,
    comparison_window,
    current_window,
    last_12_months,
    preset_window,
    previous_window,
    same_window_last_year,
)


def test_current_window_counts_calendar_months_up_to_now():
    assert current_window(date(2026, 3, 15), 3) == (date(2026, 1, 1), date(2026, 3, 15))
    assert current_window(date(2026, 1, 31), 1) == (date(2026, 1, 1), date(2026, 1, 31))
    assert last_12_months(date(2026, 12, 31)) == (date(2026, 1, 1), date(2026, 12, 31))


def test_previous_window_by_months_or_by_days():
    assert previous_window((date(2026, 4, 1), date(2026, 6, 30)), 3) == (date(2026, 1, 1), date(2026, 3, 31))
    # a chosen window of 31 days is compared with the 31 days before it
    assert previous_window((date(2026, 3, 1), date(2026, 3, 31))) == (date(2026, 1, 29), date(2026, 2, 28))


def test_same_window_last_year_handles_a_leap_day():
    assert same_window_last_year((date(2024, 2, 29), date(2024, 3, 31))) == (
        date(2023, 2, 28),
        date(2023, 3, 31),
    )
    assert comparison_window((date(2026, 1, 1), date(2026, 3, 31)), comparison="last_year") == (
        date(2025, 1, 1),
        date(2025, 3, 31),
    )


@pytest.mark.parametrize(
    ("preset", "last", "expected"),
    [
        ("last_quarter", date(2026, 5, 10), (date(2026, 1, 1), date(2026, 3, 31))),
        ("last_quarter", date(2026, 3, 31), (date(2026, 1, 1), date(2026, 3, 31))),  # a quarter just ended
        ("last_12_months", date(2026, 5, 10), (date(2025, 6, 1), date(2026, 5, 10))),
        ("year_to_date", date(2026, 5, 10), (date(2026, 1, 1), date(2026, 5, 10))),
    ],
)
def test_presets(preset, last, expected):
    assert preset_window(preset, first=date(2020, 1, 1), last=last) == expected


def test_presets_are_clipped_to_the_data_and_all_is_no_window():
    assert preset_window("all", first=date(2026, 1, 1), last=date(2026, 5, 10)) is None
    assert preset_window("year_to_date", first=date(2026, 2, 1), last=date(2026, 5, 10)) == (
        date(2026, 2, 1),
        date(2026, 5, 10),
    )


def test_programmer_errors_are_value_errors():
    with pytest.raises(ValueError, match="preset"):
        preset_window("last_week", first=date(2026, 1, 1), last=date(2026, 2, 1))
    with pytest.raises(ValueError, match="comparison"):
        Period(comparison="yesterday")
    with pytest.raises(ValueError, match="starts after"):
        Period((date(2026, 2, 1), date(2026, 1, 1)))
    with pytest.raises(ValueError, match="months"):
        current_window(date(2026, 1, 1), 0)
