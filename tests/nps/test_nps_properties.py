import math

from hypothesis import given, settings
from hypothesis import strategies as st

from cxlib.nps import net_promoter_score

scores = st.lists(st.one_of(st.integers(0, 10).map(float), st.just(math.nan)), max_size=300)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(scores)
def test_score_interval_and_shares_are_consistent(values):
    result = net_promoter_score(values)
    if result.n == 0:
        assert result.score is None
        return
    low, high = result.ci95
    assert -100 <= low <= result.score <= high <= 100
    shares = result.promoter_share + result.passive_share + result.detractor_share
    assert math.isclose(shares, 1.0)
    assert result.promoters + result.passives + result.detractors == result.n
