"""Pain points of the journey: lowest touchpoint, clearly below average, biggest drop (build_journey)."""

import numpy as np
import pandas as pd
import pytest

from cxlib.journey import JourneySpec, build_journey, default_spec


def _survey(means_on_1_to_5, n=200, seed=11):
    """Ratings 1–5 around the given means (normal noise, rounded and clipped)."""
    rng = np.random.default_rng(seed)
    return pd.DataFrame(
        {name: np.clip(np.round(rng.normal(mean, 0.8, n)), 1, 5) for name, mean in means_on_1_to_5.items()}
    )


def _reasons(result):
    return [(p["touchpoint"], p["reason"]) for p in result.pain_points]


def test_lowest_below_average_and_biggest_drop_are_flagged():
    survey = _survey({"Werbung": 4.0, "Website": 4.2, "Kasse": 3.0, "Lieferung": 2.0, "Rechnung": 3.9})
    result = build_journey(survey, default_spec(survey, list(survey.columns)), outcome=None)
    table = result.touchpoints.set_index("touchpoint")
    assert table["mean"].idxmin() == "Lieferung"
    # Kasse falls about 30 points after Website, Lieferung about 25 after Kasse: Kasse has the biggest drop.
    drops = -table["mean"].diff()
    assert drops.idxmax() == "Kasse" and drops.max() > 10
    assert _reasons(result) == [("Kasse", "below_average"), ("Kasse", "drop"), ("Lieferung", "lowest")]
    assert table["pain_point"].tolist() == [False, False, True, True, False]
    drop = next(p for p in result.pain_points if p["reason"] == "drop")
    assert drop["value"] == pytest.approx(drops.max())
    assert "Website" in drop["text"]
    assert table.loc["Lieferung", "pain_reason"].startswith("lowest satisfaction of all touchpoints")


def test_small_drops_and_overlapping_intervals_are_not_flagged():
    survey = _survey({"Website": 3.6, "Kasse": 3.5, "Lieferung": 3.4}, n=40)
    result = build_journey(survey, default_spec(survey, list(survey.columns)), outcome=None)
    reasons = _reasons(result)
    lowest = result.touchpoints.loc[result.touchpoints["mean"].idxmin(), "touchpoint"]
    assert reasons == [(lowest, "lowest")]


def test_the_drop_is_measured_between_answered_touchpoints_only():
    survey = pd.DataFrame({"Website": [5.0, 5.0, 4.0], "Kasse": [np.nan] * 3, "Lieferung": [1.0, 2.0, 1.0]})
    result = build_journey(survey, default_spec(survey, list(survey.columns)), outcome=None)
    assert ("Lieferung", "drop") in _reasons(result)
    assert all(p["touchpoint"] != "Kasse" for p in result.pain_points)


def test_a_single_answered_touchpoint_has_no_pain_points():
    survey = pd.DataFrame({"Website": [1.0, 2.0], "Kasse": [np.nan, np.nan]})
    assert build_journey(survey, default_spec(survey, ["Website", "Kasse"]), outcome=None).pain_points == []


def test_reason_texts_follow_the_language():
    survey = pd.DataFrame({"Website": [5.0, 4.0, 5.0], "Lieferung": [1.0, 2.0, 1.0]})
    spec = JourneySpec(("Website", "Lieferung"), {"Website": "information", "Lieferung": "loyalty"})
    result = build_journey(survey, spec, outcome=None, lang="de")
    texts = [p["text"] for p in result.pain_points]
    assert texts[0].startswith("niedrigste Zufriedenheit")
    assert texts[1].startswith("Zufriedenheit fällt nach „Website“ um")
