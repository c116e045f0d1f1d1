"""cxlib.long_format: the one home of long-format surveys (is_long, one_row_per_response)."""

import pandas as pd
import pytest

from cxlib.long_format import is_long, long_to_wide, one_row_per_response
from cxlib.nps import survey_responses


def _long() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "response_id": ["a", "a", None, "b", None],
            "touchpoint": ["Web", "Shop", "Web", "Web", "Shop"],
            "score": [4.0, 2.0, 5.0, 3.0, 1.0],
            "recommend": [9.0, 9.0, 7.0, 2.0, 10.0],
        }
    )


def test_is_long_needs_both_columns_and_no_wide_touchpoint_columns():
    assert is_long(_long())
    assert not is_long(_long().drop(columns="score"))
    assert not is_long(_long().assign(Web=1.0), ["Web"])
    assert is_long(_long().assign(Web=1.0), ["Web", "Kasse"])
    with pytest.raises(ValueError, match="DataFrame"):
        is_long([1, 2])


def test_one_row_per_response_keeps_every_row_without_an_id():
    rows = one_row_per_response(_long())
    # a and b once each; the two rows without an id each count as their own response
    assert rows["recommend"].tolist() == [9.0, 7.0, 2.0, 10.0]


def test_a_wide_survey_is_returned_unchanged_and_nps_uses_the_same_function():
    wide = pd.DataFrame({"recommend": [9.0, 3.0], "Web": [4.0, 5.0]})
    assert one_row_per_response(wide) is wide
    assert survey_responses(_long()).equals(one_row_per_response(_long()))


def test_rows_without_a_touchpoint_name_keep_their_response():
    long = pd.DataFrame(
        {"response_id": ["a", "b"], "touchpoint": ["Web", None], "score": [4.0, 2.0], "recommend": [9.0, 3.0]}
    )
    wide, touchpoints = long_to_wide(long)
    assert touchpoints == ["Web"]
    assert wide["response_id"].tolist() == ["a", "b"]  # b answered no touchpoint but still answered
    assert wide["recommend"].tolist() == [9.0, 3.0]
