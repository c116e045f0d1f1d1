"""Every date shape of issue 12 (class 7), with the day/month order decided per column and explained."""

from __future__ import annotations

import pandas as pd

from cxlib.parsing import date_order, parse_dates


def iso(dates) -> list[str | None]:
    return [d.strftime("%Y-%m-%d %H:%M") if pd.notna(d) else None for d in dates]


def test_yyyymmdd_integers_are_dates_not_excel_serials():
    dates, bad = parse_dates(pd.Series([19970101, 19970118, 19980630]))
    assert iso(dates) == ["1997-01-01 00:00", "1997-01-18 00:00", "1998-06-30 00:00"]
    assert not bad.any()
    assert dates.attrs["date_source"] == "yyyymmdd"


def test_yyyymmdd_text_and_an_impossible_day():
    dates, bad = parse_dates(pd.Series(["19970101", "19971345", None]))
    assert iso(dates) == ["1997-01-01 00:00", None, None]
    assert bad.tolist() == [False, True, False]


def test_month_first_decided_by_a_second_part_above_twelve_unpadded():
    dates, bad = parse_dates(pd.Series(["2/11/2013", "3/15/2015", "5/16/2011"]))
    assert iso(dates) == ["2013-02-11 00:00", "2015-03-15 00:00", "2011-05-16 00:00"]
    assert not bad.any()
    assert dates.attrs["date_order"] == {
        "order": "month_first",
        "evidence": "second_part_over_12",
        "example": "3/15/2015",
    }


def test_day_first_decided_by_a_first_part_above_twelve_with_dashes():
    dates, _ = parse_dates(pd.Series(["04-09-2012", "13-01-2012"]), ambiguous_day_first=False)
    assert iso(dates) == ["2012-09-04 00:00", "2012-01-13 00:00"]
    assert dates.attrs["date_order"]["evidence"] == "first_part_over_12"


def test_ambiguous_column_follows_the_default_and_says_it_was_assumed():
    values = pd.Series(["04-09-2012", "01/02/2026"])
    day_first, _ = parse_dates(values, ambiguous_day_first=True)
    month_first, _ = parse_dates(values, ambiguous_day_first=False)
    assert iso(day_first) == ["2012-09-04 00:00", "2026-02-01 00:00"]
    assert iso(month_first) == ["2012-04-09 00:00", "2026-01-02 00:00"]
    assert month_first.attrs["date_order"] == {
        "order": "month_first",
        "evidence": "assumed",
        "example": "04-09-2012",
    }


def test_twelve_hour_time_with_a_zone_suffix():
    dates, bad = parse_dates(pd.Series(["2019/10/01 12:38:43 PM GMT+8", "2019/10/01 01:05:00 AM GMT+8"]))
    assert iso(dates) == ["2019-10-01 12:38", "2019-10-01 01:05"]
    assert not bad.any()


def test_excel_serials_as_numbers_and_as_text():
    numbers, _ = parse_dates(pd.Series([41245.0, None]))
    text, bad = parse_dates(pd.Series(["41245", "2017-02-25"]))
    assert iso(numbers)[0] == iso(text)[0] == "2012-12-02 00:00"
    assert iso(text)[1] == "2017-02-25 00:00"
    assert not bad.any()


def test_missing_codes_in_a_date_column_are_empty_not_unreadable():
    dates, bad = parse_dates(pd.Series(["2024-01-01", "n/a", "?", "unknown", "BLANK"]))
    assert iso(dates)[1:] == [None] * 4
    assert not bad.any()


def test_date_order_of_a_column_without_day_month_values():
    assert date_order(pd.Series(["2024-01-01"])).order is None


def test_shop_timestamps_with_an_offset_keep_the_local_day():
    # Shopify "Created at", Stripe/ISO exports: these were all unreadable, so a shop log had no dates
    cells = [
        "2024-03-01 23:12:44 +0100",
        "2024-03-02T10:12:44.123+01:00",
        "2024-03-03T08:00:00Z",
        "2024-03-04 09:30:00 -0500",
    ]
    dates, bad = parse_dates(pd.Series(cells))
    assert iso(dates) == ["2024-03-01 23:12", "2024-03-02 10:12", "2024-03-03 08:00", "2024-03-04 09:30"]
    assert not bad.any()


def test_a_date_alone_is_not_cut_by_the_offset_rule():
    dates, bad = parse_dates(pd.Series(["2024-03-01", "2024-12-31"]))
    assert iso(dates) == ["2024-03-01 00:00", "2024-12-31 00:00"] and not bad.any()


def test_unix_seconds_and_milliseconds_as_numbers_or_text():
    seconds, bad_s = parse_dates(pd.Series([1709287964, 1709374364]))
    millis, bad_ms = parse_dates(pd.Series(["1709287964000", "1709374364000"]))
    assert iso(seconds) == iso(millis) == ["2024-03-01 10:12", "2024-03-02 10:12"]
    assert seconds.attrs["date_source"] == "unix_s" and millis.attrs["date_source"] == "unix_ms"
    assert not bad_s.any() and not bad_ms.any()


def test_small_numbers_stay_excel_serials():
    dates, _ = parse_dates(pd.Series([45000, 45001]))
    assert dates.attrs["date_source"] == "excel_serial" and iso(dates)[0] == "2023-03-15 00:00"


def test_whole_years_are_years_not_excel_serials_of_1905():
    # "Kunde seit: 2019" used to become 1905-07-11 (Excel serial 2019)
    numbers, _ = parse_dates(pd.Series([2019, 2023, None]))
    text, _ = parse_dates(pd.Series(["2019", "2023"]))
    assert iso(numbers) == ["2019-01-01 00:00", "2023-01-01 00:00", None]
    assert iso(text) == ["2019-01-01 00:00", "2023-01-01 00:00"]
    assert numbers.attrs["date_source"] == text.attrs["date_source"] == "year_only"


def test_german_month_names_and_day_month_abbreviation_dates():
    values = ["5. März 2024", "12. Mai 2023", "1.Okt.2022", "3 Dez 2021", "06-Jan-2021"]
    values.append("Jan 5, 2024 3:45 PM")
    dates, bad = parse_dates(pd.Series(values))
    assert iso(dates) == [
        "2024-03-05 00:00",
        "2023-05-12 00:00",
        "2022-10-01 00:00",
        "2021-12-03 00:00",
        "2021-01-06 00:00",
        "2024-01-05 15:45",
    ]
    assert not bad.any()


def test_customer_export_with_german_month_names_keeps_its_churn(tmp_path):
    # Before, "Kunde seit" and "Kündigungsdatum" written as "3. August 2023" were no dates: both columns
    # went unmapped and the churn of 3 customers vanished without a word.
    from cxlib.intake import load_table

    months = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
              "November", "Dezember"]  # fmt: skip
    signup = pd.date_range("2021-01-06", periods=12, freq="37D")
    churn = [signup[i] + pd.Timedelta(days=400) if i % 4 == 0 else None for i in range(12)]

    def german(day) -> str:
        return "" if day is None else f"{day.day}. {months[day.month - 1]} {day.year}"

    lines = ["Kundennummer;Kunde seit;Kündigungsdatum;Umsatz"]
    lines += [f"K{i};{german(signup[i])};{german(churn[i])};{100 + i},00" for i in range(12)]
    path = tmp_path / "kunden.csv"
    path.write_text("\n".join(lines), encoding="utf-8")

    data = load_table(path, table="customers").validated.data

    assert data["signup_date"].min() == signup.min() and data["signup_date"].max() == signup.max()
    assert int(data["churned"].sum()) == sum(day is not None for day in churn) == 3
    assert data["churn_date"].max() == max(day for day in churn if day is not None)


def test_two_digit_years_that_would_lie_in_the_future_are_last_century():
    dates, bad = parse_dates(pd.Series(["18.02.45", "27.08.88", "01.01.20", "2/18/45", "18.02.2045"]))
    assert iso(dates) == [
        "1945-02-18 00:00",
        "1988-08-27 00:00",
        "2020-01-01 00:00",
        "1945-02-18 00:00",
        "2045-02-18 00:00",  # a four-digit year is taken as written
    ]
    assert dates.attrs["century_shifted"] == 2
    assert not bad.any()


def test_birth_dates_with_two_digit_years_give_every_customer_an_age(tmp_path):
    # Before, "18.02.45" was read as 2045: 3 of 5 ages (1945, 1950, 1962) were negative and left empty.
    from cxlib.intake import load_table

    births = pd.to_datetime(
        ["1945-02-18", "1988-08-27", "1950-10-04", "1962-05-12", "2001-03-30", "1939-12-01"]
    )
    lines = ["Kundennummer;Geburtsdatum;Umsatz"]
    lines += [f"K{i};{day:%d.%m.%y};100,00" for i, day in enumerate(births)]
    path = tmp_path / "kunden.csv"
    path.write_text("\n".join(lines), encoding="utf-8")

    data = load_table(path, table="customers").validated.data

    today = pd.Timestamp.today().normalize()
    expected = ((today - births).days / 365.2425).astype(int)
    assert data["age"].tolist() == [float(age) for age in expected]


def test_signup_dates_with_two_digit_years_say_they_were_read_as_19xx(tmp_path):
    from cxlib.intake import load_table

    lines = ["Kundennummer;Kunde seit;Umsatz", "K1;18.02.95;10,00", "K2;01.07.03;20,00", "K3;30.11.68;5,00"]
    path = tmp_path / "kunden.csv"
    path.write_text("\n".join(lines), encoding="utf-8")

    loaded = load_table(path, table="customers")

    assert loaded.validated.data["signup_date"].dt.year.tolist() == [1995, 2003, 1968]
    rules = {rule.rule: rule.rows for rule in loaded.validated.report.rules}
    assert rules["two_digit_year_past"] == 1  # before: 30.11.68 was 2068, a future date left empty
