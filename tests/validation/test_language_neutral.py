"""Loading and validation compute without a language: rules, notes, evidence and set-aside reasons are
messages or codes, put in words only when shown (issue 15)."""

from __future__ import annotations

import pandas as pd
import pytest

from cxlib.analysis import inputs_section, load_files
from cxlib.errors import CxError
from cxlib.intake import load_table, rules_overview
from cxlib.mapping import suggest_mapping
from cxlib.messages import Message
from cxlib.validation import REASON_COLUMN, readable_set_aside, validate_table
from cxlib.value.customers import RECENCY_COLUMN, with_transaction_customers

CUSTOMERS = (
    "Kunden-ID;Alter;Signup date;Region;Region\n"
    "1;34;01/02/2024;Nord;a\n"
    "2;n/a;15/03/2024;Süd;b\n"
    "2;41;15/03/2024;Süd;c\n"
    ";50;01/04/2024;Nord;d\n"
    "3;29;01/05/2099;Nord;e\n"
).encode()


@pytest.fixture(scope="module")
def customers():
    return load_table(CUSTOMERS, table="customers", filename="kunden.csv")


def test_the_result_is_the_same_whatever_language_is_passed(customers):
    german = load_table(CUSTOMERS, table="customers", filename="kunden.csv", lang="de")
    assert german.validated.report.rules == customers.validated.report.rules
    assert german.validated.report.notes == customers.validated.report.notes
    assert german.validated.set_aside.equals(customers.validated.set_aside)
    assert german.validated.data.equals(customers.validated.data)


def test_rules_are_messages_told_in_either_language(customers):
    rules = customers.validated.report.rules
    assert {rule.rule for rule in rules} >= {
        "marked_missing",
        "duplicate_id",
        "missing_required",
        "future_date",
    }
    assert all(isinstance(rule.detail, Message) and rule.detail.key == f"rule.{rule.rule}" for rule in rules)
    future = next(rule for rule in rules if rule.rule == "future_date")
    assert future.detail.params["role"] == Message("role.signup_date")
    assert "“Signup date”" in future.text("en") and "„Anmeldedatum“" in future.text("de")
    assert future.detail.params["reference"] is not None  # a date, written the reader's way when shown
    assert all(rule.message == rule.text("en") != rule.text("de") for rule in rules)


def test_notes_and_the_json_section_render_in_the_chosen_language(customers):
    report = customers.validated.report
    assert report.notes == [Message("reading.note.duplicate_header", original="Region", renamed="Region (2)")]
    assert report.note_texts("en") == ['Duplicate header "Region" was renamed to "Region (2)".']
    assert "doppelte Überschrift" in report.note_texts("de")[0]
    english, german = (
        inputs_section({"customers": customers}),
        inputs_section({"customers": customers}, lang="de"),
    )
    assert english["customers"].keys() == german["customers"].keys()
    assert english["customers"]["notes"] == report.note_texts("en")
    assert german["customers"]["notes"] == report.note_texts("de")
    assert [r["message"] for r in german["customers"]["rules"]] == [r.text("de") for r in report.rules]
    assert [r["rule"] for r in german["customers"]["rules"]] == [
        r["rule"] for r in english["customers"]["rules"]
    ]


def test_dates_read_day_first_say_so_in_words_in_the_json(customers):
    section = inputs_section({"customers": customers}, lang="de")["customers"]
    evidence = next(e for e in section["columns"]["signup_date"]["evidence"] if e["code"] == "date_order")
    assert evidence["order"] == "day_first" and evidence["order_text"] == "Tag vor Monat (T/M/J)"
    assert section["reading"]["date_order"]["signup_date"]["order_text"] == "Tag vor Monat (T/M/J)"


def test_set_aside_reasons_are_codes_put_in_words_when_shown(customers):
    aside = customers.validated.set_aside
    assert sorted(aside[REASON_COLUMN]) == ["duplicate_id", "missing_required"]
    english = readable_set_aside(customers.validated, lang="en")[REASON_COLUMN].tolist()
    german = readable_set_aside(customers.validated, lang="de")[REASON_COLUMN].tolist()
    assert all(text.startswith("1 ") for text in english + german)
    assert english != german and set(english).isdisjoint(aside[REASON_COLUMN])
    assert aside[REASON_COLUMN].tolist() == ["duplicate_id", "missing_required"]  # not changed in place


def test_the_rules_table_follows_the_language(customers):
    english, german = rules_overview(customers, lang="en"), rules_overview(customers, lang="de")
    assert english.iloc[:, 1].equals(german.iloc[:, 1])  # the same counts
    assert english.iloc[0, 0].startswith("Duplicate header") and german.iloc[0, 0].startswith("Die doppelte")


def test_a_refused_table_names_its_role_and_table_in_either_language():
    sheet = pd.DataFrame({"Kunden-ID": [None, None], "Alter": ["1", "2"]})
    mapping = suggest_mapping(sheet, "customers")
    with pytest.raises(CxError) as refused:
        validate_table(sheet, mapping)
    assert refused.value.params["table"] == Message("table.customers")
    assert refused.value.message("en") != refused.value.message("de")
    assert "Kunden-ID" in refused.value.message("de")


def test_buyers_as_customers_are_language_neutral(tmp_path):
    path = tmp_path / "kaeufe.csv"
    path.write_text(
        "Kunde,Datum,Betrag\n1,2024-01-05,10\n1,2024-02-05,20\n2,2024-03-01,5\n", encoding="utf-8"
    )
    loaded = load_files({"transactions": str(path)})
    tables = with_transaction_customers({name: item.validated for name, item in loaded.items()})
    buyers = tables["customers"]
    assert RECENCY_COLUMN in buyers.data.columns
    assert buyers.report.notes == [Message("value.note.customers_from_transactions", n=2)]
    assert buyers.report.note_texts("en") != buyers.report.note_texts("de")
    assert with_transaction_customers(tables, lang="de")["customers"].data.equals(buyers.data)
