"""Which way is good (cxlib.charts.direction): high churn and costs are bad, high NPS and CLV good."""

import math

import pytest

from cxlib.charts.direction import HIGHER_IS_WORSE, is_higher_worse, oriented


@pytest.mark.parametrize("metric", ["churn_rate", "acquisition_cost", "complaints", "recency_days"])
def test_costs_and_losses_are_worse_when_higher(metric):
    assert is_higher_worse(metric)
    assert oriented(metric, 0.2) == -0.2


@pytest.mark.parametrize("metric", ["nps", "clv_mean", "revenue", "satisfaction", "age", "orders"])
def test_other_metrics_keep_their_direction(metric):
    assert not is_higher_worse(metric)
    assert oriented(metric, 0.2) == 0.2


def test_missing_differences_stay_missing():
    assert math.isnan(oriented("churn_rate", float("nan")))
    assert oriented("churn_rate", None) is None


def test_the_set_holds_keys_only():
    assert all(key == key.lower() and " " not in key for key in HIGHER_IS_WORSE)
    with pytest.raises(ValueError, match="metric key"):
        is_higher_worse(3)
