import pandas as pd

from cxlib.parsing import parse_dates


def _iso(dates):
    return [d.strftime("%Y-%m-%d") if pd.notna(d) else None for d in dates]


def test_three_formats_in_one_column():
    dates, bad = parse_dates(pd.Series(["2026-03-01", "02.03.2026", "3/15/2026"]))
    assert _iso(dates) == ["2026-03-01", "2026-03-02", "2026-03-15"]
    assert not bad.any()


def test_day_first_slashes_when_a_day_exceeds_twelve():
    dates, _ = parse_dates(pd.Series(["25/12/2025", "01/02/2026"]))
    assert _iso(dates) == ["2025-12-25", "2026-02-01"]


def test_two_digit_german_years_and_garbage():
    dates, bad = parse_dates(pd.Series(["30.09.26", "bald", None]))
    assert _iso(dates) == ["2026-09-30", None, None]
    assert bad.tolist() == [False, True, False]


def test_excel_serial_numbers():
    dates, bad = parse_dates(pd.Series([46295.0, 5_000_000.0]))
    assert _iso(dates)[0] == "2026-09-30"
    assert bad.tolist() == [False, True]
