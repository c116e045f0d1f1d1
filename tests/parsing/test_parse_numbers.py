import pandas as pd

from cxlib.parsing import parse_numbers


def test_german_numbers_with_currency_and_thousands():
    values = pd.Series(["12,5 €", "1.234,50", "−3,0", "0,5"])
    numbers, bad, marked = parse_numbers(values, decimal=",")
    assert numbers.tolist() == [12.5, 1234.5, -3.0, 0.5]
    assert not bad.any() and not marked.any()


def test_english_numbers_are_guessed_without_hint():
    numbers, bad, _ = parse_numbers(pd.Series(["1,234.5", "3.25", "$7"]))
    assert numbers.tolist() == [1234.5, 3.25, 7.0]
    assert not bad.any()


def test_text_is_counted_not_dropped():
    values = pd.Series(["n/a", "–", "zwölf", "", None, "7"])
    numbers, bad, marked = parse_numbers(values)
    assert bad.tolist() == [False, False, True, False, False, False]
    assert marked.tolist() == [True, True, False, False, False, False]
    assert numbers.iloc[-1] == 7.0 and numbers.iloc[:5].isna().all()


def test_numeric_columns_pass_through_and_infinities_become_missing():
    numbers, bad, _ = parse_numbers(pd.Series([1, 2.5, float("inf")]))
    assert numbers.iloc[:2].tolist() == [1.0, 2.5] and pd.isna(numbers.iloc[2])
    assert not bad.any()
