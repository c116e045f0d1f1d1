"""The committed sample_data/*.xlsx are exactly what ``python -m cxlib.demo`` generates (seed 42, 4,000)."""

from pathlib import Path

import pandas as pd
import pytest

from cxlib.demo import generate_demo

SAMPLE_DATA = Path(__file__).resolve().parents[2] / "sample_data"


@pytest.fixture(scope="module")
def data():
    return generate_demo()


@pytest.mark.parametrize(
    ("file", "sheet", "table"),
    [
        ("customers.xlsx", "Kunden", "customers"),
        ("survey.xlsx", "Umfrage", "survey"),
        ("transactions.xlsx", "Transaktionen", "transactions"),
    ],
)
def test_committed_file_equals_a_fresh_generation(data, file, sheet, table, read_sheet):
    path = SAMPLE_DATA / file
    assert path.stat().st_size < 1_500_000
    committed = read_sheet(path, sheet)
    # If this fails after a change to cxlib.demo: python -m cxlib.demo --out sample_data
    pd.testing.assert_frame_equal(committed, getattr(data, table), check_dtype=False)


def test_the_app_reads_maps_and_validates_the_demo_files_without_losses():
    from cxlib.intake import load_table

    customers = load_table(SAMPLE_DATA / "customers.xlsx", table="customers")
    survey = load_table(SAMPLE_DATA / "survey.xlsx", table="survey")
    transactions = load_table(SAMPLE_DATA / "transactions.xlsx", table="transactions")
    assert customers.sheet == "Kunden" and customers.sheets == ["Kunden", "Hinweise"]
    for loaded in (customers, survey, transactions):
        assert loaded.validated.report.rows_set_aside == 0
    assert set(customers.validated.data.columns) >= {
        "customer_id", "signup_date", "churn_date", "age", "gender", "region", "income", "orders", "revenue",
        "margin", "acquisition_cost", "Kanal", "Newsletter",
    }  # fmt: skip
    assert survey.validated.touchpoints[:2] == ["Werbung", "Social Media"]
    assert len(survey.validated.touchpoints) == 10
    assert {"response_id", "customer_id", "response_date", "recommend", "satisfaction", "comment"} <= set(
        survey.validated.data.columns
    )
    assert {"customer_id", "date", "amount"} <= set(transactions.validated.data.columns)
