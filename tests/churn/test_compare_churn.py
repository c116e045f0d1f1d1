import math

import pytest

from cxlib.churn import ChurnResult, compare_churn


def _rate(churned, average, definition="rolling_12_months"):
    value = churned / average
    return ChurnResult(value, churned, float(average), None, definition, 1 - value)


def test_hand_computed_two_proportion_z_test():
    current, previous = _rate(60, 400), _rate(30, 400)
    result = compare_churn(current, previous)
    pooled = 90 / 800
    z = (0.15 - 0.075) / math.sqrt(pooled * (1 - pooled) * (2 / 400))
    assert result.difference == pytest.approx(0.075)
    assert result.z == pytest.approx(z)
    assert result.p_value == pytest.approx(2 * (1 - 0.5 * (1 + math.erf(abs(z) / math.sqrt(2)))))
    assert result.verdict == "significant"


def test_small_bases_are_within_noise():
    result = compare_churn(_rate(3, 20), _rate(2, 20))
    assert result.significant is False
    assert result.verdict == "within_noise"


def test_no_churn_on_either_side_is_no_change():
    result = compare_churn(_rate(0, 50), _rate(0, 80))
    assert result.difference == 0.0
    assert result.p_value == 1.0
    assert result.verdict == "within_noise"


def test_missing_or_mismatched_sides_are_insufficient():
    empty = ChurnResult(None, 0, None, None, None, None, "kpi.note.no_customers")
    assert compare_churn(_rate(3, 20), empty).verdict == "insufficient_data"
    assert compare_churn(_rate(3, 20), _rate(3, 20, "share_churned")).verdict == "insufficient_data"
