import math

import numpy as np
import pandas as pd
import pytest

from cxlib.nps import net_promoter_score


def test_no_responses_gives_no_score():
    result = net_promoter_score([])
    assert result.score is None
    assert result.ci95 is None
    assert result.n == 0
    assert (result.promoters, result.passives, result.detractors) == (0, 0, 0)
    assert result.promoter_share is None
    assert result.to_dict() == {
        "score": None,
        "ci95": None,
        "n": 0,
        "promoters": 0,
        "passives": 0,
        "detractors": 0,
    }


def test_only_missing_scores_count_as_no_responses():
    assert net_promoter_score([np.nan, np.nan]).n == 0


def test_all_promoters_score_100_with_interval_inside_bounds():
    result = net_promoter_score([9, 10, 10, 9, 10, 9, 10, 10])
    assert result.score == 100.0
    low, high = result.ci95
    assert -100 <= low <= result.score <= high <= 100
    assert high == 100.0
    # adjusted-Wald: p+ = 8.75/11, p- = 0.75/11 -> centre 72.7, clearly below 100
    assert low < 72.8


def test_known_mix_matches_hand_computed_adjusted_wald_interval():
    scores = [10] * 12 + [9] * 8 + [8] * 10 + [7] * 8 + [5] * 7 + [0] * 5  # P=20, passives 18, D=12
    result = net_promoter_score(scores)
    assert (result.n, result.promoters, result.passives, result.detractors) == (50, 20, 18, 12)
    assert result.score == pytest.approx(16.0)  # 40% - 24%
    # by hand: n' = 53, p+ = 20.75/53 = 0.391509, p- = 12.75/53 = 0.240566
    # var = (0.391509 + 0.240566 - 0.150943**2) / 53 = 0.011496, se = 0.107220
    # centre 15.094, half width 1.959964 * 10.722 = 21.015 -> [-5.92, 36.11]
    assert result.ci95[0] == pytest.approx(-5.921, abs=0.01)
    assert result.ci95[1] == pytest.approx(36.110, abs=0.01)
    assert result.promoter_share == pytest.approx(0.40)
    assert result.passive_share == pytest.approx(0.36)
    assert result.detractor_share == pytest.approx(0.24)


def test_other_confidence_level_narrows_the_interval():
    scores = [10] * 30 + [8] * 30 + [3] * 40
    wide, narrow = net_promoter_score(scores), net_promoter_score(scores, confidence=0.80)
    n_adj, p_plus, p_minus = 103, 30.75 / 103, 40.75 / 103
    half_80 = 100 * 1.281552 * math.sqrt((p_plus + p_minus - (p_plus - p_minus) ** 2) / n_adj)
    assert narrow.ci95[1] - narrow.ci95[0] == pytest.approx(2 * half_80, rel=1e-4)
    assert narrow.ci95[1] - narrow.ci95[0] < wide.ci95[1] - wide.ci95[0]


def test_one_to_ten_scale_is_read_as_is():
    result = net_promoter_score([1, 6, 7, 8, 9, 10])
    assert (result.detractors, result.passives, result.promoters) == (2, 2, 2)
    assert result.score == 0.0


def test_nan_and_pandas_missing_are_ignored():
    result = net_promoter_score(pd.Series([10.0, None, 3.0, np.nan], dtype="Float64"))
    assert result.n == 2
    assert result.score == 0.0


def test_single_detractor_interval_contains_the_score():
    result = net_promoter_score([0])
    assert result.score == -100.0
    assert result.ci95[0] == -100.0
    assert result.ci95[1] > -100.0


@pytest.mark.parametrize("bad", [[11], [-1], ["x"], [[1, 2]]])
def test_programmer_errors_raise_value_error(bad):
    with pytest.raises(ValueError):
        net_promoter_score(bad)


def test_confidence_outside_zero_one_is_rejected():
    with pytest.raises(ValueError, match="confidence"):
        net_promoter_score([10], confidence=1.0)
