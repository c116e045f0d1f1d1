"""``python -m cxlib analyze``: one JSON document for the given files, exit code 2 with one line on errors."""

import json
from pathlib import Path

import pytest

from cxlib.cli import main

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "data"


def _analyze(capsys, *args):
    code = main(["analyze", *args, "--format", "json"])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_demo_document_has_every_section(demo_document):
    assert set(demo_document) >= {"inputs", "kpis", "personas", "journey", "findings", "notes"}
    customers = demo_document["inputs"]["customers"]
    assert customers["rows_read"] == customers["rows_used"] + customers["rows_set_aside"] == 4000
    assert customers["mapping"]["customer_id"] == "Kundennummer"
    assert demo_document["inputs"]["survey"]["mapping"]["touchpoints"][0] == "Werbung"


def test_demo_kpis_personas_and_journey(demo_document):
    kpis = demo_document["kpis"]
    assert kpis["customers"] == 4000
    low, high = kpis["nps"]["ci95"]
    assert low <= kpis["nps"]["score"] <= high
    assert kpis["churn_rate"]["definition"] == "rolling_12_months"
    assert demo_document["personas"]["k"] == 4
    assert len({persona["name"] for persona in demo_document["personas"]["personas"]}) == 4
    journey = demo_document["journey"]
    lowest = min(journey["touchpoints"], key=lambda tp: tp["mean"])
    assert lowest["touchpoint"] == "Lieferung"
    assert any(pain["touchpoint"] == "Lieferung" for pain in journey["pain_points"])
    assert {tp["phase"] for tp in journey["touchpoints"]} == {
        "activation",
        "information",
        "purchase",
        "loyalty",
    }
    assert 5 <= len(demo_document["findings"]) <= 8


def test_no_input_is_exit_code_2(capsys):
    code, out, err = _analyze(capsys)
    assert code == 2 and out == ""
    assert err.strip() == "Please give at least one file (customers, survey or transactions)."


def test_missing_file_in_german(capsys, tmp_path):
    code, out, err = _analyze(capsys, "--survey", str(tmp_path / "fehlt.csv"), "--lang", "de")
    assert code == 2 and out == "" and "Traceback" not in err
    assert "fehlt.csv" in err and len(err.strip().splitlines()) == 1


def test_unknown_sheet(capsys):
    code, _, err = _analyze(capsys, "--customers", "sample_data/customers.xlsx", "--customers-sheet", "Nope")
    assert code == 2
    assert "Nope" in err and "Kunden" in err


@pytest.mark.skipif(not SHARED.exists(), reason="../shared/data is not available")
@pytest.mark.parametrize(
    ("option", "file", "expected"),
    [
        (
            "--customers",
            "mall_customers.csv",
            {"customer_id": "CustomerID", "age": "Age", "gender": "Genre", "income": "Annual Income (k$)"},
        ),
        (
            "--survey",
            "airline_journey_survey.csv",
            {
                "satisfaction": "o_experience",
                "touchpoints": ["o_booking", "o_checkin", "o_departure", "o_cabin", "o_meal", "o_crew"],
            },
        ),
        (
            "--customers",
            "ecommerce_churn.xlsx",
            {
                "customer_id": "CustomerID",
                "churned": "Churn",
                "tenure": "Tenure",
                "gender": "Gender",
                "orders": "OrderCount",
            },
        ),
        (
            "--transactions",
            "online_retail_ii_two_sheets.xlsx",
            # no line total: the amount is Quantity x Price (a unit price), never the price alone
            {
                "customer_id": "Customer ID",
                "date": "InvoiceDate",
                "order_id": "Invoice",
                "quantity": "Quantity",
                "unit_price": "Price",
            },
        ),
    ],
)
def test_every_shared_file_loads_with_a_sensible_mapping(capsys, option, file, expected):
    code, out, err = _analyze(capsys, option, str(SHARED / file))
    assert code == 0, err
    document = json.loads(out)
    table = document["inputs"][option.removeprefix("--")]
    assert {role: table["mapping"][role] for role in expected} == expected
    assert table["rows_read"] == table["rows_used"] + table["rows_set_aside"]
    if file == "ecommerce_churn.xlsx":
        assert table["sheet"] == "E Comm"
        assert document["kpis"]["churn_rate"]["definition"] == "share_churned"
        # its 1–5 SatisfactionScore is the survey (no survey given): every customer's answer, no NPS
        answers = document["inputs"]["survey"]
        assert answers["mapping"]["satisfaction"] == "SatisfactionScore"
        assert answers["rows_used"] == 5630 and document["kpis"]["nps"] is None
