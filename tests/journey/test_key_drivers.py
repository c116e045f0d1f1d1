"""Key drivers: importance (correlation with the outcome) × performance, quadrants (build_journey)."""

import numpy as np
import pandas as pd
import pytest

from cxlib.journey import JourneySpec, build_journey, default_spec


def _driven_survey(n=800, seed=5):
    """A and B drive the recommend score; C and D are noise. A and D are weak, B and C strong."""
    rng = np.random.default_rng(seed)
    frame = pd.DataFrame(
        {
            "A": rng.choice([1, 2, 3, 4, 5], n, p=[0.3, 0.3, 0.2, 0.1, 0.1]),
            "B": rng.choice([1, 2, 3, 4, 5], n, p=[0.05, 0.05, 0.2, 0.3, 0.4]),
            "C": rng.choice([1, 2, 3, 4, 5], n, p=[0.05, 0.05, 0.2, 0.3, 0.4]),
            "D": rng.choice([1, 2, 3, 4, 5], n, p=[0.3, 0.3, 0.2, 0.1, 0.1]),
        }
    ).astype(float)
    frame["recommend"] = np.clip(np.round(frame["A"] + frame["B"] - 1 + rng.normal(0, 1, n)), 0, 10)
    return frame


def _spec():
    return JourneySpec(("A", "B", "C", "D"), dict.fromkeys("ABCD", "purchase"))


def test_the_touchpoint_that_drives_the_outcome_is_the_most_important():
    survey = _driven_survey()
    drivers = build_journey(survey, _spec()).drivers.set_index("touchpoint")
    assert set(drivers.index[:2]) == {"A", "B"}  # sorted strongest first
    assert drivers.loc["A", "importance"] > 0.5 and drivers.loc["B", "importance"] > 0.4
    assert abs(drivers.loc["C", "importance"]) < 0.1 and abs(drivers.loc["D", "importance"]) < 0.1
    for name in "ABCD":
        expected = np.corrcoef(survey[name], survey["recommend"])[0, 1]
        assert drivers.loc[name, "importance"] == pytest.approx(expected)
    assert drivers.loc["A", "beta"] > 0.5 and abs(drivers.loc["C", "beta"]) < 0.1


def test_quadrants_split_at_the_medians():
    result = build_journey(_driven_survey(), _spec())
    drivers = result.drivers.set_index("touchpoint")
    assert drivers["quadrant"].to_dict() == {
        "A": "fix_first",
        "B": "keep_up",
        "C": "maintain",
        "D": "lower_priority",
    }
    assert drivers.loc["A", "quadrant_label"] == "Fix first"
    table = result.touchpoints.set_index("touchpoint")
    assert drivers["performance"].to_dict() == table["mean"].to_dict()


def test_importance_uses_the_rows_where_both_answers_are_given():
    survey = _driven_survey()
    survey.loc[:99, "A"] = np.nan
    survey.loc[50:149, "recommend"] = np.nan
    drivers = build_journey(survey, _spec()).drivers.set_index("touchpoint")
    both = survey["A"].notna() & survey["recommend"].notna()
    assert drivers.loc["A", "n"] == both.sum() == 650
    expected = np.corrcoef(survey.loc[both, "A"], survey.loc[both, "recommend"])[0, 1]
    assert drivers.loc["A", "importance"] == pytest.approx(expected)


def test_too_few_pairs_give_no_importance_and_a_note():
    survey = _driven_survey(n=60)
    survey.loc[5:, "D"] = np.nan
    result = build_journey(survey, _spec())
    row = result.drivers.set_index("touchpoint").loc["D"]
    assert np.isnan(row["importance"]) and pd.isna(row["quadrant"]) and row["n"] == 5
    assert result.drivers["touchpoint"].iloc[-1] == "D"
    assert any("“D”" in note for note in result.notes)


def test_the_other_outcome_is_used_when_the_requested_one_is_missing():
    survey = _driven_survey().rename(columns={"recommend": "satisfaction"})
    result = build_journey(survey, _spec(), outcome="recommend")
    assert result.outcome == "satisfaction"
    assert result.drivers["importance"].notna().all()
    assert any("Overall satisfaction" in note for note in result.notes)


def test_no_outcome_gives_no_drivers_but_a_curve():
    survey = _driven_survey().drop(columns="recommend")
    result = build_journey(survey, _spec())
    assert result.outcome is None and result.drivers.empty
    assert len(result.touchpoints) == 4
    assert any("key drivers" in note for note in result.notes)
    assert build_journey(_driven_survey(), _spec(), outcome=None).drivers.empty


def test_any_numeric_column_can_be_the_outcome():
    survey = _driven_survey()
    survey["spend"] = survey["C"] * 10.0
    drivers = build_journey(survey, default_spec(survey, list("ABCD")), outcome="spend").drivers
    assert drivers["touchpoint"].iloc[0] == "C"
    assert drivers["importance"].iloc[0] == pytest.approx(1.0)
