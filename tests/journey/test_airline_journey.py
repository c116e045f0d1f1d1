"""The real airline passenger survey (../shared/data/airline_journey_survey.csv) as a journey curve."""

from pathlib import Path

import pandas as pd
import pytest

from cxlib.journey import build_journey, default_spec, journey_section

AIRLINE = Path("../shared/data/airline_journey_survey.csv")
TOUCHPOINTS = ["o_booking", "o_checkin", "o_departure", "o_cabin", "o_meal", "o_crew"]


@pytest.fixture(scope="module")
def airline():
    if not AIRLINE.exists():
        pytest.skip(f"{AIRLINE} is not available")
    survey = pd.read_csv(AIRLINE, index_col=0)  # the first, unnamed column is a row index
    assert list(survey.columns) == [*TOUCHPOINTS, "o_experience"]
    return survey.rename(columns={"o_experience": "satisfaction"})


@pytest.fixture(scope="module")
def result(airline):
    return build_journey(airline, default_spec(airline, TOUCHPOINTS), outcome="recommend")


def test_the_curve_keeps_the_journey_order_with_sensible_phases(result):
    table = result.touchpoints
    assert table["touchpoint"].tolist() == TOUCHPOINTS
    assert table["phase"].tolist() == ["purchase", "purchase", "loyalty", "loyalty", "loyalty", "loyalty"]
    assert table["position"].tolist() == [1, 2, 3, 4, 5, 6]


def test_every_column_is_read_on_the_1_to_4_scale(result, airline):
    table = result.touchpoints.set_index("touchpoint")
    assert (table["scale_min"] == 1).all() and (table["scale_max"] == 4).all()
    assert len(airline) == 9720 and (table["n"] == 9720).all()
    assert table.loc["o_booking", "native_mean"] == pytest.approx(airline["o_booking"].mean())
    assert table.loc["o_booking", "mean"] == pytest.approx((airline["o_booking"].mean() - 1) / 3 * 100)
    # Bottom box on a 1–4 scale: answers 1 and 2 (booking: 797 + 1566 of 9720).
    assert table.loc["o_booking", "bottom_box"] == pytest.approx((797 + 1566) / 9720)


def test_the_meal_is_the_lowest_touchpoint_and_flagged(result):
    table = result.touchpoints.set_index("touchpoint")
    assert table["mean"].idxmin() == "o_meal"
    assert {"touchpoint": "o_meal", "reason": "lowest"} in journey_section(result)["pain_points"]
    assert table.loc["o_meal", "pain_point"]


def test_drivers_are_computed_against_the_overall_experience(result, airline):
    assert result.outcome == "satisfaction"  # recommend is missing, so the experience column is used
    drivers = result.drivers.set_index("touchpoint")
    assert set(drivers.index) == set(TOUCHPOINTS)
    assert drivers["importance"].between(0.45, 0.75).all()
    assert drivers.index[0] == "o_crew"  # the strongest correlation with the experience
    expected = airline["o_meal"].corr(airline["satisfaction"])
    assert drivers.loc["o_meal", "importance"] == pytest.approx(expected)
    assert drivers.loc["o_meal", "quadrant"] == "fix_first"  # important and weak


def test_the_empty_early_phases_are_pointed_out(result):
    notes = " ".join(result.notes)
    assert "The Activation phase has no touchpoint" in notes
    assert "The Information phase has no touchpoint" in notes
