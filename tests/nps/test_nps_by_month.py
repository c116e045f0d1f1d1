import pandas as pd
import pytest

from cxlib.nps import nps_by_month


def test_one_row_per_month_in_time_order_with_interval():
    survey = pd.DataFrame(
        {
            "response_date": pd.to_datetime(["2026-02-03", "2026-01-31", "2026-01-02", "2026-02-27", None]),
            "recommend": [10.0, 10.0, 2.0, 8.0, 10.0],
        }
    )
    table = nps_by_month(survey)
    assert list(table.columns) == ["month", "score", "low", "high", "n"]
    assert table["month"].tolist() == [pd.Timestamp("2026-01-01"), pd.Timestamp("2026-02-01")]
    assert table["n"].tolist() == [2, 2]  # the undated answer is left out
    assert table["score"].tolist() == [0.0, 50.0]
    assert (table["low"] <= table["score"]).all()
    assert (table["score"] <= table["high"]).all()


def test_long_format_counts_each_response_once():
    survey = pd.DataFrame(
        {
            "response_id": ["r1", "r1", "r1", "r2", "r2"],
            "touchpoint": ["a", "b", "c", "a", "b"],
            "score": [1.0, 2.0, 3.0, 4.0, 5.0],
            "response_date": pd.to_datetime(["2026-03-01"] * 5),
            "recommend": [10.0, 10.0, 10.0, 0.0, 0.0],
        }
    )
    table = nps_by_month(survey)
    assert table["n"].tolist() == [1 + 1]
    assert table["score"].tolist() == [pytest.approx(0.0)]


def test_custom_date_column_and_missing_columns():
    survey = pd.DataFrame({"when": pd.to_datetime(["2026-05-05"]), "recommend": [9.0]})
    assert nps_by_month(survey, date_column="when")["score"].tolist() == [100.0]
    assert nps_by_month(survey).empty
    assert nps_by_month(pd.DataFrame({"response_date": pd.to_datetime(["2026-05-05"])})).empty
