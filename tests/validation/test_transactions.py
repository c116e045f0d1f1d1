"""Transactions (issue 12, class 6): the amount of a line, cancelled/returned lines, header-less logs."""

from __future__ import annotations

import pandas as pd
import pytest

from cxlib.intake import load_table
from cxlib.mapping import suggest_mapping
from cxlib.validation import readable_set_aside, validate_table


def validated(frame: pd.DataFrame, **attrs):
    frame.attrs.update(attrs)
    return validate_table(frame, suggest_mapping(frame, "transactions"))


def rules(table) -> dict[str, int]:
    return {rule.rule: rule.rows for rule in table.report.rules}


def test_quantity_times_unit_price_when_there_is_no_line_total():
    frame = pd.DataFrame(
        {"Invoice": ["1", "2"], "Customer ID": ["7", "8"], "Quantity": ["3", "2"], "Price": ["2.50", "10"]}
    )
    table = validated(frame)
    assert table.report.mapping == {
        "order_id": "Invoice",
        "customer_id": "Customer ID",
        "quantity": "Quantity",
        "unit_price": "Price",
    }
    assert table.data["amount"].tolist() == [7.5, 20.0]  # the old mapping took 2.50 and 10 as amounts
    assert rules(table) == {"amount_from_quantity_price": 2}
    assert table.columns["amount"].evidence[-1].params == {"source": "quantity_times_unit_price"}


def test_a_line_total_is_preferred_over_quantity_times_price():
    frame = pd.DataFrame(
        {"Kunde": ["1"], "Menge": ["2"], "Einzelpreis": ["5,00"], "Gesamtbetrag": ["9,50"]}  # a discount
    )
    table = validated(frame, decimal=",")
    assert table.data["amount"].tolist() == [9.5]
    assert "amount_from_quantity_price" not in rules(table)


def test_a_unit_price_alone_is_used_with_a_note():
    frame = pd.DataFrame({"customer_id": ["1", "2"], "list_price": ["71.49", "2091.47"]})
    table = validated(frame)
    assert table.data["amount"].tolist() == [71.49, 2091.47]
    (rule,) = table.report.rules
    assert rule.rule == "amount_from_unit_price" and not rule.set_aside
    assert "list_price" in rule.message


@pytest.mark.parametrize("word", ["Cancelled", "canceled", "Storniert", "Returned", "Retoure", "refunded"])
def test_cancelled_or_returned_status_lines_are_set_aside(word):
    frame = pd.DataFrame(
        {
            "customer_id": ["1", "2", "3"],
            "order_status": ["Approved", word, "Approved"],
            "amount": ["5", "6", "7"],
        }
    )
    table = validated(frame)
    assert table.data["amount"].tolist() == [5.0, 7.0]
    assert rules(table) == {"cancelled_status": 1}
    assert (table.report.rows_read, table.report.rows_used, table.report.rows_set_aside) == (3, 2, 1)
    assert table.set_aside["row"].tolist() == [3]
    assert word in table.report.rules[0].message
    assert table.set_aside["reason"].tolist() == ["cancelled_status"]
    assert "cancelled or returned" in readable_set_aside(table)["reason"].iloc[0]


def test_online_retail_cancellations_and_returns():
    frame = pd.DataFrame(
        {
            "Invoice": ["489434", "C489449", "489450", "489451", "489452"],
            "Customer ID": ["1", "1", "2", "3", "4"],
            "Quantity": ["12", "-12", "-3", "4", "1"],
            "Price": ["6.95", "6.95", "2.10", "1.25", "-11062.06"],
        }
    )
    table = validated(frame)
    assert rules(table) == {
        "amount_from_quantity_price": 5,
        "cancelled_invoice": 1,
        "negative_quantity": 1,
        "negative_amount": 1,
    }
    assert table.data["amount"].tolist() == [83.4, 5.0]
    assert table.report.rows_set_aside == 3
    assert sorted(table.set_aside["row"]) == [3, 4, 6]


def test_c_prefix_is_not_a_cancellation_where_every_order_id_has_letters():
    frame = pd.DataFrame({"order id": ["C100", "C101"], "customer_id": ["1", "2"], "amount": ["1", "2"]})
    assert "cancelled_invoice" not in rules(validated(frame))


def test_missing_codes_in_a_status_are_missing_and_counted():
    frame = pd.DataFrame({"customer_id": ["1", "2"], "status": ["n/a", "Approved"], "amount": ["1", "2"]})
    table = validated(frame)
    assert table.data["status"].isna().tolist() == [True, False]
    assert rules(table) == {"marked_missing": 1}


def test_ambiguous_dates_in_an_english_csv_are_month_first_and_said_so():
    frame = pd.DataFrame(
        {"customer_id": ["1", "2"], "date": ["01/02/2024", "03/04/2024"], "amount": ["1", "2"]}
    )
    table = validated(frame, format="csv", decimal=".", separator=",")
    assert table.data["date"].dt.strftime("%Y-%m-%d").tolist() == ["2024-01-02", "2024-03-04"]
    (rule,) = table.report.rules
    assert rule.rule == "date_order_assumed" and "month before day" in rule.message
    assert table.report.reading["date_order"]["date"]["evidence"] == "assumed"


def test_ambiguous_dates_in_a_german_csv_are_day_first():
    frame = pd.DataFrame({"Kunden-ID": ["1"], "Datum": ["01/02/2024"], "Betrag": ["1,50"]})
    table = validated(frame, format="csv", decimal=",", separator=";")
    assert table.data["date"].dt.strftime("%Y-%m-%d").tolist() == ["2024-02-01"]
    assert "Tag" in validate_table(frame, suggest_mapping(frame, "transactions")).report.rules[0].text("de")


def test_header_less_purchase_log_is_mapped_by_its_values():
    # customer index, customer id, YYYYMMDD, number of items, dollar value (as CDNOW_sample.txt)
    lines = [
        f" {1000 + i % 40:05d} {i % 40 + 1:04d} 1997{1 + i % 12:02d}{1 + i % 28:02d}"
        f"  {1 + i % 3}  {9.99 + i:.2f}"
        for i in range(200)
    ]
    table = load_table("\n".join(lines).encode(), table="transactions", filename="log.txt")
    validated_table = table.validated
    assert validated_table.report.mapping == {
        "date": "Column 3",
        "amount": "Column 5",
        "customer_id": "Column 1",
    }
    assert validated_table.data["customer_id"].nunique() == 40
    assert validated_table.data["date"].min() == pd.Timestamp("1997-01-01")
    evidence = {key: meaning.evidence[0].code for key, meaning in validated_table.columns.items()}
    assert evidence == {
        "date": "yyyymmdd_integers",
        "amount": "money_decimals",
        "customer_id": "repeated_ids",
    }
    assert validated_table.report.to_dict()["reading"]["has_header"] is False


def test_named_columns_are_never_given_a_role_by_values_alone():
    frame = pd.DataFrame({"customer_id": ["1", "1", "2"], "postcode": ["19970101", "19970102", "19970103"]})
    assert "date" not in suggest_mapping(frame, "transactions").matches


def test_the_data_page_overview_says_how_a_header_less_file_was_read():
    from cxlib.intake import rules_overview

    loaded = load_table(
        b"Anna;Berlin;34\nBen;Koeln;41\n",
        table="customers",
        filename="k.csv",
        roles={"customer_id": "Column 1"},
    )
    for lang, word in (("en", "Column 1"), ("de", "Column 1")):
        overview = rules_overview(loaded, lang=lang)
        assert word in overview.iloc[0, 0]
        assert pd.isna(overview.iloc[0, 1])


def test_yyyymmdd_numbers_under_a_date_header_are_dates():
    frame = pd.DataFrame({"customer_id": ["1", "2"], "date": [19970101, 19980630], "amount": [1.5, 2.0]})
    table = validated(frame)
    assert table.report.mapping["date"] == "date"
    assert table.data["date"].dt.strftime("%Y-%m-%d").tolist() == ["1997-01-01", "1998-06-30"]
    assert table.columns["date"].evidence[0].code == "date_yyyymmdd"


def test_gender_spellings_and_unknown_codes_in_a_customer_table_are_counted():
    frame = pd.DataFrame(
        {"customer_id": ["1", "2", "3", "4", "5"], "gender": ["Femal", "F", "U", "n/a", "männlich"]}
    )
    table = validate_table(frame, suggest_mapping(frame, "customers"))
    assert table.data["gender"].tolist() == ["female", "female", pd.NA, pd.NA, "male"]
    assert {rule.rule: rule.rows for rule in table.report.rules} == {"marked_missing": 2}
