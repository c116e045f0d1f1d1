"""Validation keeps an account of every row: read = used + set aside, with a reason for each rule."""

from datetime import date

import pandas as pd
import pytest

from cxlib.errors import CxError
from cxlib.mapping import mapping_from_dict, suggest_mapping
from cxlib.validation import REASON_COLUMN, ROW_COLUMN, validate_table

TODAY = date(2026, 11, 1)


def _validate(sheet, table, roles=None, **options):
    mapping = mapping_from_dict(sheet, table, roles) if roles else suggest_mapping(sheet, table)
    return validate_table(sheet, mapping, today=TODAY, **options)


def _rules(result):
    return {rule.rule: rule.rows for rule in result.report.rules}


def _balanced(result):
    report = result.report
    return (
        report.rows_read
        == report.rows_used + report.rows_set_aside
        == report.rows_used + len(result.set_aside)
    )


def test_customers_duplicates_and_missing_ids():
    sheet = pd.DataFrame(
        {
            "Kundennummer": ["1", "2", "2", "3", "3", None],
            "Alter": ["30", "40", "40", "50", "51", "60"],
        }
    )
    result = _validate(sheet, "customers")
    assert result.data["customer_id"].tolist() == ["1", "2", "3"]
    assert _rules(result) == {"missing_required": 1, "exact_duplicate": 1, "duplicate_id": 1}
    assert _balanced(result)
    assert result.set_aside[ROW_COLUMN].tolist() == [4, 6, 7]  # spreadsheet rows; the header is row 1
    assert result.set_aside[REASON_COLUMN].str.len().gt(0).all()


def test_text_in_numeric_columns_is_counted_and_rows_kept():
    sheet = pd.DataFrame({"Kunden-ID": ["1", "2", "3", "4"], "Umsatz": ["n/a", "–", "12,5 €", "viel"]})
    result = _validate(sheet, "customers")
    assert result.data["revenue"].tolist()[2] == 12.5
    assert _rules(result) == {"not_a_number": 1, "marked_missing": 2}
    assert result.report.rows_used == 4 and _balanced(result)


def test_recommend_scores_outside_the_scale():
    sheet = pd.DataFrame({"Antwort-ID": list("abcde"), "Weiterempfehlung": [11, -1, 7.5, 9, 0]})
    result = _validate(sheet, "survey")
    assert result.data["recommend"].tolist() == [9.0, 0.0]  # the other rows had no valid answer left
    assert _rules(result) == {"recommend_out_of_range": 3, "empty_response": 3}
    assert _balanced(result)


def test_dates_future_and_churn_before_signup():
    sheet = pd.DataFrame(
        {
            "Kundennummer": ["1", "2", "3"],
            "Anmeldedatum": ["01.01.2024", "2025-05-01", "3/15/2024"],
            "Kündigungsdatum": ["01.01.2023", "01.01.2099", ""],
        }
    )
    result = _validate(sheet, "customers")
    assert _rules(result) == {"future_date": 1, "churn_before_signup": 1}
    assert result.data["churn_date"].isna().all()
    assert result.data["churned"].tolist() == [False, False, False]


def test_churned_flag_follows_churn_dates():
    sheet = pd.DataFrame({"Kundennummer": ["1", "2"], "Kündigungsdatum": ["01.06.2026", None]})
    assert _validate(sheet, "customers").data["churned"].tolist() == [True, False]


def test_unknown_customers_are_counted_but_kept():
    sheet = pd.DataFrame({"Kundennummer": ["0001", "7"], "Weiterempfehlung": [9, 8]})
    result = _validate(sheet, "survey", known_customers={"1", "2"})
    assert result.data["customer_id"].tolist() == ["1", "7"]
    assert _rules(result) == {"unknown_customer": 1}


def test_required_role_missing_or_empty():
    without_id = _validate(pd.DataFrame({"Alter": [30, 40]}), "customers")  # row numbers, with a note
    assert without_id.data["customer_id"].tolist() == ["#2", "#3"] and _rules(without_id) == {
        "no_id_row_numbers": 2
    }
    with pytest.raises(CxError) as empty:
        _validate(pd.DataFrame({"Kundennummer": [None, ""]}), "customers", {"customer_id": "Kundennummer"})
    assert empty.value.key == "error.required_role_empty"


def test_blank_rows_reported_by_the_reader_are_accounted_for():
    sheet = pd.DataFrame({"Kundennummer": ["1", "2"]})
    sheet.attrs["blank_rows"] = 3
    result = _validate(sheet, "customers")
    assert (result.report.rows_read, result.report.rows_used, result.report.rows_set_aside) == (5, 2, 3)
    assert _balanced(result)


def test_extra_columns_keep_their_names_and_types():
    sheet = pd.DataFrame({"Kundennummer": ["1", "2"], "Kanal": ["Online", "Filiale"], "Punkte": ["1,5", "2"]})
    sheet.attrs["decimal"] = ","
    data = _validate(sheet, "customers").data
    assert data["Kanal"].tolist() == ["Online", "Filiale"]
    assert data["Punkte"].tolist() == [1.5, 2.0]


def test_messages_follow_the_language():
    sheet = pd.DataFrame({"Kundennummer": ["1", "1"], "Alter": [1, 2]})
    rule = _validate(sheet, "customers").report.rules[0]
    assert rule.text("de").startswith("1 Zeilen wiederholen eine Kunden-ID")
    assert rule.text("en") == rule.message and rule.message != rule.text("de")


def test_set_aside_rows_carry_their_row_number_in_the_file():
    from cxlib.reading import read_file

    text = "Kundenexport Q3\n\nKundennummer;Alter;Region\n1;30;Nord\n\n2;40;Süd\n2;41;Süd\n"
    sheet = next(iter(read_file(text.encode(), filename="kunden.csv").values()))
    result = _validate(sheet, "customers")
    assert result.set_aside[ROW_COLUMN].tolist()[0] == 7
    assert _rules(result)["duplicate_id"] == 1 and _balanced(result)


def test_linking_counts_the_same_unknown_customers_on_arrow_and_python_ids():
    from cxlib.validation import link_to_customers

    customers = _validate(pd.DataFrame({"Kundennummer": ["1", "2", "3"]}), "customers")
    survey = _validate(
        pd.DataFrame({"Kundennummer": ["1", "9", None, "3", "9"], "Weiterempfehlung": [9, 8, 7, 6, 5]}),
        "survey",
    )
    assert isinstance(survey.data["customer_id"].array, pd.arrays.ArrowStringArray)  # the Arrow lookup
    assert _rules(link_to_customers(survey, customers))["unknown_customer"] == 2
    by_set = _validate(
        pd.DataFrame({"Kundennummer": ["1", "9", None, "3", "9"], "Weiterempfehlung": [9, 8, 7, 6, 5]}),
        "survey",
        known_customers={"1", "2", "3"},
    )
    assert _rules(by_set)["unknown_customer"] == 2  # the set lookup while validating agrees


def test_unmapped_text_columns_stay_text_and_number_columns_numbers():
    numbers = [f"{i},5" for i in range(600)]
    text = [*numbers[:300], "siehe Notiz", *numbers[301:]]  # one word among numbers, past the first cells
    late = [*numbers[:599], "k.A."]  # a missing marker is no text
    sheet = pd.DataFrame(
        {"Kundennummer": [str(i) for i in range(600)], "Punkte": numbers, "Hinweis": text, "Bonus": late}
    )
    data = _validate(sheet, "customers").data
    assert data["Punkte"].dtype == "float64" and data["Punkte"].iloc[1] == 1.5
    assert data["Hinweis"].iloc[300] == "siehe Notiz" and data["Hinweis"].iloc[1] == "1,5"
    assert data["Bonus"].dtype == "float64" and pd.isna(data["Bonus"].iloc[599])
