import math

import pytest

from cxlib.nps import compare_nps, net_promoter_score


def _variance(promoters, detractors, n):
    n_adj = n + 3
    p_plus, p_minus = (promoters + 0.75) / n_adj, (detractors + 0.75) / n_adj
    return (p_plus + p_minus - (p_plus - p_minus) ** 2) / n_adj


def test_large_drop_is_significant_with_hand_computed_z():
    current = net_promoter_score([10] * 100 + [8] * 100 + [2] * 200)  # NPS -25
    previous = net_promoter_score([10] * 200 + [8] * 100 + [2] * 100)  # NPS +25
    result = compare_nps(current, previous)
    assert result.difference == pytest.approx(-50.0)
    expected_z = -0.5 / math.sqrt(_variance(100, 200, 400) + _variance(200, 100, 400))
    assert result.z == pytest.approx(expected_z)
    assert result.p_value < 1e-6
    assert result.significant is True
    assert result.verdict == "significant"


def test_small_change_on_few_answers_is_within_noise():
    current = net_promoter_score([10, 10, 8, 3, 5])
    previous = net_promoter_score([10, 8, 8, 3, 5])
    result = compare_nps(current, previous)
    assert result.difference == pytest.approx(20.0)
    assert result.p_value > 0.05
    assert result.significant is False
    assert result.verdict == "within_noise"


def test_empty_side_gives_insufficient_data():
    result = compare_nps(net_promoter_score([10, 9]), net_promoter_score([]))
    assert result.verdict == "insufficient_data"
    assert result.difference is None
    assert result.significant is False


def test_alpha_changes_the_verdict():
    current = net_promoter_score([10] * 30 + [3] * 20)  # +20
    previous = net_promoter_score([10] * 25 + [3] * 25)  # 0
    loose, strict = compare_nps(current, previous, alpha=0.5), compare_nps(current, previous, alpha=0.01)
    assert 0.01 < loose.p_value < 0.5
    assert loose.verdict == "significant"
    assert strict.verdict == "within_noise"


def test_alpha_must_be_a_probability():
    with pytest.raises(ValueError, match="alpha"):
        compare_nps(net_promoter_score([10]), net_promoter_score([10]), alpha=0)
