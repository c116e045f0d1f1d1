import pandas as pd
import pytest

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


def test_a_german_date_is_no_number():
    # "15.11.2024" with decimal comma used to become 15,112,024 (dots dropped as thousands separators)
    numbers, bad, _ = parse_numbers(pd.Series(["15.11.2024", "1.234,56", "01.02.2023"]), decimal=",")
    assert numbers.iloc[1] == 1234.56
    assert bad.tolist() == [True, False, True] and numbers[[0, 2]].isna().all()


def test_a_lone_decimal_mark_of_the_other_kind_is_read_as_a_decimal_mark():
    # in a column written with decimal points, "2,5" used to become 25; with commas, "1.5" became 15
    english, bad_en, _ = parse_numbers(pd.Series(["1.5", "2,5", "3.25"]), decimal=".")
    german, bad_de, _ = parse_numbers(pd.Series(["1,5", "7.5", "3,25"]), decimal=",")
    assert english.tolist() == [1.5, 2.5, 3.25] and not bad_en.any()
    assert german.tolist() == [1.5, 7.5, 3.25] and not bad_de.any()


def test_a_mark_that_could_group_thousands_follows_the_column():
    german, _, _ = parse_numbers(pd.Series(["1.500", "2,5"]), decimal=",")
    english, _, _ = parse_numbers(pd.Series(["1,500", "2.5"]), decimal=".")
    assert german.tolist() == [1500.0, 2.5] and english.tolist() == [1500.0, 2.5]


def test_thousands_groups_must_have_three_digits():
    numbers, bad, _ = parse_numbers(pd.Series(["1,234.50", "12,34.5", "1,234,567"]), decimal=".")
    assert numbers.iloc[0] == 1234.5 and numbers.iloc[2] == 1234567.0
    assert bad.tolist() == [False, True, False]


@pytest.mark.parametrize(
    ("cells", "decimal", "expected"),
    [
        (["1.234,56-", "99,00-", "5,00"], ",", [-1234.56, -99.0, 5.0]),  # SAP credit: trailing minus
        (["(1,234.56)", "(7)", "3.5"], ".", [-1234.56, -7.0, 3.5]),  # accounting parentheses
        (["12,-", "5,50"], ",", [12.0, 5.5]),  # a whole price written "12,-"
    ],
)
def test_accounting_forms(cells, decimal, expected):
    numbers, bad, _ = parse_numbers(pd.Series(cells), decimal=decimal)
    assert numbers.tolist() == expected and not bad.any()


@pytest.mark.parametrize(
    ("cell", "expected"), [("€ 1.234,56", 1234.56), ("CHF 1'234.50", 1234.5), ("1,234.56 USD", 1234.56)]
)
def test_currency_strings_of_three_countries(cell, expected):
    numbers, bad, _ = parse_numbers(pd.Series([cell, cell]))
    assert numbers.tolist() == [expected, expected] and not bad.any()


def test_excel_exponents_still_read():
    numbers, bad, _ = parse_numbers(pd.Series(["1.5E+05", "2e-3", ".5"]), decimal=".")
    assert numbers.tolist() == [150000.0, 0.002, 0.5] and not bad.any()


def test_numbers_shortened_with_k_tsd_mio_are_whole_amounts():
    cells = pd.Series(["1.2k", "$1.5k", "12,5 Tsd.", "3,4 Mio. €", "1.1bn", "12", "abc"])
    numbers, bad, _ = parse_numbers(cells, decimal=".")
    assert numbers.tolist()[:6] == [1200.0, 1500.0, 12500.0, 3_400_000.0, 1_100_000_000.0, 12.0]
    assert bad.tolist() == [False] * 6 + [True]


def test_revenue_written_as_1_2k_is_found_and_summed(tmp_path):
    # Before, "Annual Revenue" written as "1.2k" was no number: the column was not the revenue at all.
    from cxlib.intake import load_table

    revenue = [1200.0, 15300.0, 800.0, 2500.0, 40100.0, 950.0]
    lines = ["Customer ID,Annual Revenue,Age"]
    lines += [f'C{i},"{amount / 1000:.2f}k",{30 + i}' for i, amount in enumerate(revenue)]
    path = tmp_path / "customers.csv"
    path.write_text("\n".join(lines))

    data = load_table(path, table="customers").validated.data

    assert data["revenue"].sum() == sum(revenue)
