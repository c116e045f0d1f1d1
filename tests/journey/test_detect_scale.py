"""Scale detection of a rating column (cxlib.journey.detect_scale)."""

import pandas as pd
import pytest

from cxlib.journey import detect_scale


@pytest.mark.parametrize(
    ("values", "scale"),
    [
        ([1, 2, 3, 4], (1, 4)),
        ([1, 4, 2], (1, 4)),
        ([1, 5, 3], (1, 5)),
        ([2, 5], (1, 5)),  # nobody gave a 1: still the narrowest scale that holds the answers
        ([0, 3, 5], (0, 5)),
        ([1, 6], (1, 6)),
        ([1, 7], (1, 7)),
        ([1, 8, 10], (1, 10)),
        ([0, 8, 10], (0, 10)),
        ([0, 6], (0, 10)),
        ([5, 55.5, 99], (0, 100)),
    ],
)
def test_the_narrowest_known_scale_that_holds_every_answer(values, scale):
    assert detect_scale(pd.Series(values, dtype=float)) == scale


def test_missing_and_unreadable_values_are_ignored():
    assert detect_scale(pd.Series([None, 2.0, 4.0, None])) == (1, 4)
    assert detect_scale(pd.Series(["3", "x", "10"])) == (1, 10)


def test_values_outside_every_known_scale_fall_back_to_the_observed_range():
    assert detect_scale(pd.Series([-2.5, 3.0])) == (-3, 3)
    assert detect_scale(pd.Series([150.0, 150.0])) == (150, 151)


def test_no_numbers_is_a_programmer_error():
    with pytest.raises(ValueError, match="at least one numeric value"):
        detect_scale(pd.Series([None, None], dtype=float))
