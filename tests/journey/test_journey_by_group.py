"""One curve per group, e.g. per persona (build_journey with group=)."""

import numpy as np
import pandas as pd
import pytest

from cxlib.journey import JourneySpec, build_journey

SPEC = JourneySpec(("Website", "Lieferung"), {"Website": "information", "Lieferung": "loyalty"})


def test_group_curves_are_computed_per_group_in_journey_order():
    survey = pd.DataFrame(
        {"Lieferung": [1.0, 2.0, 5.0, 4.0, 3.0], "Website": [5.0, 4.0, 2.0, 2.0, 1.0]},
        index=[10, 11, 12, 13, 14],
    )
    group = pd.Series(["Ulrike", "Ulrike", "Uwe", "Uwe", None], index=survey.index)
    result = build_journey(survey, SPEC, outcome=None, group=group)
    by_group = result.by_group
    assert by_group[["group", "touchpoint", "position"]].values.tolist() == [
        ["Ulrike", "Website", 1],
        ["Ulrike", "Lieferung", 2],
        ["Uwe", "Website", 1],
        ["Uwe", "Lieferung", 2],
    ]
    assert by_group["mean"].tolist() == pytest.approx([87.5, 12.5, 25.0, 87.5])
    assert by_group["n"].tolist() == [2, 2, 2, 2]
    # Two answers 100 and 75: sd 17.68, t(0.975, 1) = 12.706 -> the interval covers the whole axis.
    assert by_group.loc[0, ["ci_low", "ci_high"]].tolist() == [0.0, 100.0]
    # The overall curve still uses every row, including the one without a group.
    assert result.touchpoints["n"].tolist() == [5, 5]


def test_group_labels_follow_long_input_rows():
    long = pd.DataFrame(
        {
            "response_id": ["a", "a", "b", "b"],
            "touchpoint": ["Website", "Lieferung", "Website", "Lieferung"],
            "score": [5.0, 1.0, 3.0, 3.0],
        }
    )
    group = pd.Series(["X", "X", "Y", "Y"])
    by_group = build_journey(long, SPEC, outcome=None, group=group).by_group
    assert by_group["mean"].tolist() == pytest.approx([100.0, 0.0, 50.0, 50.0])


def test_a_group_without_answers_for_a_touchpoint_has_n_zero():
    survey = pd.DataFrame({"Website": [5.0, 4.0, 3.0], "Lieferung": [1.0, np.nan, np.nan]})
    group = pd.Series(["A", "B", "B"])
    by_group = build_journey(survey, SPEC, outcome=None, group=group).by_group
    row = by_group[(by_group["group"] == "B") & (by_group["touchpoint"] == "Lieferung")].iloc[0]
    assert row["n"] == 0 and np.isnan(row["mean"]) and np.isnan(row["ci_low"])


def test_without_a_group_there_are_no_group_curves():
    survey = pd.DataFrame({"Website": [5.0, 4.0], "Lieferung": [1.0, 2.0]})
    assert build_journey(survey, SPEC, outcome=None).by_group is None
