"""Real public exports from ../shared/data (skipped when the folder is absent)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from cxlib.reading import pick_sheet, read_file


def test_mall_customers_csv(shared_data):
    sheets = read_file(shared_data / "mall_customers.csv")
    df = sheets["mall_customers"]
    assert df.shape == (200, 5)
    assert list(df.columns) == ["CustomerID", "Genre", "Age", "Annual Income (k$)", "Spending Score (1-100)"]
    assert df["CustomerID"].iloc[:2].tolist() == ["0001", "0002"]  # zero padding kept
    assert df.attrs["separator"] == ","
    assert df.attrs["blank_rows"] == 0
    assert not df.map(lambda value: "\r" in str(value)).to_numpy().any()  # CRLF gone


def test_airline_journey_survey_csv(shared_data):
    df = read_file(shared_data / "airline_journey_survey.csv")["airline_journey_survey"]
    assert df.shape == (9720, 8)
    assert df.columns[0] == "column_1"  # the unnamed row-index column
    assert list(df.columns[1:]) == [
        "o_booking", "o_checkin", "o_departure", "o_cabin", "o_meal", "o_crew", "o_experience",
    ]  # fmt: skip


def test_ecommerce_churn_xlsx(shared_data):
    sheets = read_file(shared_data / "ecommerce_churn.xlsx")
    assert list(sheets) == ["Data Dict", "E Comm"]
    assert pick_sheet(sheets) == "E Comm"
    data = sheets["E Comm"]
    assert data.shape == (5630, 20)
    assert data["CustomerID"].dtype == np.int64
    assert data["CustomerID"].iloc[0] == 50001
    assert data["Tenure"].dtype == np.float64 and data["Tenure"].isna().any()  # blanks stay NaN
    assert data.attrs["format"] == "xlsx"
    assert list(sheets["Data Dict"].columns) == ["Data", "Variable", "Discerption"]
    assert sheets["Data Dict"].attrs["header_row"] == 1  # the first row of that sheet is empty


def test_online_retail_two_sheets_xlsx(shared_data):
    sheets = read_file(shared_data / "online_retail_ii_two_sheets.xlsx")
    assert list(sheets) == ["Year 2009-2010", "Year 2010-2011"]
    assert [len(df) for df in sheets.values()] == [1589, 1972]
    first = sheets["Year 2009-2010"]
    assert pd.api.types.is_datetime64_any_dtype(first["InvoiceDate"])
    assert first["Price"].dtype == np.float64
    assert pick_sheet(sheets) == "Year 2010-2011"  # more filled cells


@pytest.mark.parametrize("name", ["ecommerce_churn.xlsx", "mall_customers.csv"])
def test_bytes_and_path_give_the_same_table(shared_data, name):
    by_path = read_file(shared_data / name)
    by_bytes = read_file((shared_data / name).read_bytes(), filename=name)
    for sheet in by_path:
        pd.testing.assert_frame_equal(by_path[sheet], by_bytes[sheet])
