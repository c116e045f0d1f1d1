"""Automatic column mapping on German and English headers, and on the real files in ../shared/data."""

from pathlib import Path

import pandas as pd
import pytest

from cxlib.mapping import suggest_mapping

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data"


def test_german_customer_headers():
    sheet = pd.DataFrame(
        {
            "Kundennummer": ["K-1", "K-2"],
            "Anmeldedatum": ["01.02.2024", "03.04.2025"],
            "Kündigungsdatum": ["", "01.06.2026"],
            "Alter": [31, 45],
            "Geschlecht": ["weiblich", "männlich"],
            "Einkommen": ["42.000", "55.000"],
            "Umsatz": ["1.234,50", "99,90"],
            "Akquisitionskosten": [30, 40],
        }
    )
    mapping = suggest_mapping(sheet, "customers").as_dict()
    assert mapping == {
        "customer_id": "Kundennummer",
        "signup_date": "Anmeldedatum",
        "churn_date": "Kündigungsdatum",
        "age": "Alter",
        "gender": "Geschlecht",
        "income": "Einkommen",
        "revenue": "Umsatz",
        "acquisition_cost": "Akquisitionskosten",
    }


def test_english_headers_and_fuzzy_spelling():
    sheet = pd.DataFrame({"Customer ID": [1, 2], "Exited": [0, 1], "Custmer Segment": ["A", "B"]})
    mapping = suggest_mapping(sheet, "customers")
    assert mapping.as_dict() == {
        "customer_id": "Customer ID",
        "churned": "Exited",
        "segment": "Custmer Segment",
    }
    assert mapping.matches["segment"].method == "fuzzy"
    assert mapping.matches["segment"].confidence < mapping.matches["customer_id"].confidence


def test_survey_question_text_and_touchpoints_in_file_order():
    sheet = pd.DataFrame(
        {
            "Respondent ID": ["r1", "r2", "r3"],
            "How likely are you to recommend us to a friend?": [9, 3, 10],
            "Website": [4, 2, 5],
            "Checkout": [3, 3, 4],
            "Delivery": [1, 2, 5],
            "Kommentar": ["gut", "", "super"],
        }
    )
    mapping = suggest_mapping(sheet, "survey")
    assert mapping.as_dict() == {
        "response_id": "Respondent ID",
        "recommend": "How likely are you to recommend us to a friend?",
        "comment": "Kommentar",
        "touchpoints": ["Website", "Checkout", "Delivery"],
    }


def test_values_veto_a_name_that_does_not_fit():
    sheet = pd.DataFrame({"ID": ["a", "b"], "Alter": ["jung", "alt"]})
    assert "age" not in suggest_mapping(sheet, "customers").as_dict()


def test_long_format_survey():
    sheet = pd.DataFrame(
        {"Antwort-ID": ["1", "1"], "Touchpoint": ["Website", "Lieferung"], "Bewertung": [4, 2]}
    )
    mapping = suggest_mapping(sheet, "survey")
    assert mapping.is_long_format
    assert mapping.as_dict()["touchpoint"] == "Touchpoint" and mapping.as_dict()["score"] == "Bewertung"


def test_unknown_table_is_a_programming_error():
    with pytest.raises(ValueError, match="table must be one of"):
        suggest_mapping(pd.DataFrame({"a": [1]}), "orders")


@pytest.mark.skipif(not SHARED.exists(), reason="../shared/data is not available")
def test_mall_customers():
    sheet = pd.read_csv(SHARED / "mall_customers.csv", dtype=str)
    assert suggest_mapping(sheet, "customers").as_dict() == {
        "customer_id": "CustomerID",
        "gender": "Genre",
        "age": "Age",
        "income": "Annual Income (k$)",
    }


@pytest.mark.skipif(not SHARED.exists(), reason="../shared/data is not available")
def test_airline_survey_touchpoints():
    sheet = pd.read_csv(SHARED / "airline_journey_survey.csv")
    mapping = suggest_mapping(sheet, "survey").as_dict()
    assert mapping["touchpoints"] == ["o_booking", "o_checkin", "o_departure", "o_cabin", "o_meal", "o_crew"]
    assert mapping["satisfaction"] == "o_experience"


def test_short_touchpoint_names_are_not_mistaken_for_similar_roles():
    ratings = {"Website": [3, 4], "Beratung": [2, 5], "Lieferung": [1, 2]}
    sheet = pd.DataFrame({"Antwort-ID": ["1", "2"], **ratings})
    mapping = suggest_mapping(sheet, "survey").as_dict()
    assert "score" not in mapping
    assert mapping["touchpoints"] == ["Website", "Beratung", "Lieferung"]
