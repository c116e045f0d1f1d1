"""Long survey (touchpoint, score rows) to one row per response (cxlib.long_format.long_to_wide; moved
from cxlib.journey, which re-exports it)."""

import numpy as np
import pandas as pd
import pytest

from cxlib.long_format import long_to_wide


def test_one_row_per_response_one_column_per_touchpoint_in_order_of_appearance():
    long = pd.DataFrame(
        {
            "response_id": ["r2", "r2", "r1", "r1", "r1"],
            "touchpoint": ["Website", "Kasse", "Website", "Lieferung", "Kasse"],
            "score": [4.0, 2.0, 5.0, 1.0, 3.0],
            "recommend": [9.0, 9.0, 3.0, 3.0, 3.0],
        }
    )
    wide, touchpoints = long_to_wide(long)
    assert touchpoints == ["Website", "Kasse", "Lieferung"]
    assert wide["response_id"].tolist() == ["r2", "r1"]
    assert wide["recommend"].tolist() == [9.0, 3.0]
    assert wide["Website"].tolist() == [4.0, 5.0]
    assert wide["Kasse"].tolist() == [2.0, 3.0]
    assert np.isnan(wide["Lieferung"].iloc[0]) and wide["Lieferung"].iloc[1] == 1.0


def test_repeated_ratings_are_averaged_and_other_columns_take_the_first_value_given():
    long = pd.DataFrame(
        {
            "response_id": ["a", "a", "a"],
            "touchpoint": ["Hotline", "Hotline", "Rechnung"],
            "score": [2.0, 5.0, 4.0],
            "satisfaction": [np.nan, 4.0, 2.0],
        }
    )
    wide, _ = long_to_wide(long)
    assert wide["Hotline"].tolist() == [3.5]
    assert wide["satisfaction"].tolist() == [4.0]


def test_without_an_id_column_every_row_is_a_response():
    long = pd.DataFrame({"touchpoint": ["A", "B"], "score": [1.0, 2.0], "recommend": [5.0, 6.0]})
    wide, touchpoints = long_to_wide(long)
    assert len(wide) == 2 and touchpoints == ["A", "B"]
    assert wide["A"].tolist()[0] == 1.0 and np.isnan(wide["A"].tolist()[1])


def test_rows_without_a_touchpoint_keep_their_response_but_add_no_rating():
    long = pd.DataFrame(
        {
            "response_id": ["a", "a"],
            "touchpoint": [None, "Web"],
            "score": [3.0, 4.0],
            "recommend": [7.0, None],
        }
    )
    wide, touchpoints = long_to_wide(long)
    assert touchpoints == ["Web"]
    assert wide[["recommend", "Web"]].to_dict("list") == {"recommend": [7.0], "Web": [4.0]}


def test_wrong_shape_and_name_clashes_are_programmer_errors():
    with pytest.raises(ValueError, match="'touchpoint' and 'score'"):
        long_to_wide(pd.DataFrame({"Web": [1.0]}))
    with pytest.raises(ValueError, match="clash"):
        long_to_wide(pd.DataFrame({"touchpoint": ["recommend"], "score": [1.0], "recommend": [9.0]}))
