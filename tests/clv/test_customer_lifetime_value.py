import pandas as pd
import pytest

from cxlib.clv import ClvSettings, customer_lifetime_value


def test_formula_values_by_hand():
    customers = pd.DataFrame({"margin": [100.0, 300.0, 50.0], "acquisition_cost": [20.0, 40.0, 0.0]})
    result = customer_lifetime_value(customers, retention=0.75)
    # m * 0.75 / (1 + 0.10 - 0.75) - AC = m * 0.75 / 0.35 - AC
    expected = [100 * 0.75 / 0.35 - 20, 300 * 0.75 / 0.35 - 40, 50 * 0.75 / 0.35]
    assert result.per_customer.tolist() == pytest.approx(expected)
    assert result.per_customer.name == "clv"
    assert result.mean == pytest.approx(sum(expected) / 3)
    assert result.median == pytest.approx(100 * 0.75 / 0.35 - 20)
    assert result.total == pytest.approx(sum(expected))
    assert result.note is None
    assert result.horizon_value is None
    assert result.assumptions["discount_rate"] == 0.10
    assert result.assumptions["retention"] == 0.75
    assert result.assumptions["margin_source"] == "margin"
    assert result.assumptions["acquisition_cost_source"] == "acquisition_cost"
    assert result.assumptions["formula"] == "m·r/(1+d−r) − AC"


def test_margin_from_revenue_times_rate():
    customers = pd.DataFrame({"revenue": [1000.0, 400.0]})
    settings = ClvSettings(discount_rate=0.05, margin_rate=0.25, acquisition_cost=30.0)
    result = customer_lifetime_value(customers, retention=0.5, settings=settings)
    # m = 250 and 100; 250 * 0.5 / 0.55 - 30 = 197.27; 100 * 0.5 / 0.55 - 30 = 60.91
    assert result.per_customer.tolist() == pytest.approx([250 * 0.5 / 0.55 - 30, 100 * 0.5 / 0.55 - 30])
    assert result.assumptions["margin_source"] == "revenue_x_margin_rate"
    assert result.assumptions["margin_rate"] == 0.25
    assert result.assumptions["acquisition_cost_source"] == "setting"
    assert result.assumptions["acquisition_cost"] == 30.0


def test_margin_column_wins_over_a_margin_rate():
    customers = pd.DataFrame({"margin": [10.0], "revenue": [1000.0], "acquisition_cost": [0.0]})
    result = customer_lifetime_value(customers, retention=0.5, settings=ClvSettings(margin_rate=0.5))
    assert result.mean == pytest.approx(10 * 0.5 / 0.6)
    assert result.assumptions["margin_rate"] is None


def test_acquisition_cost_column_gaps_take_the_set_figure():
    customers = pd.DataFrame({"margin": [120.0, 120.0], "acquisition_cost": [10.0, None]})
    result = customer_lifetime_value(customers, retention=0.5, settings=ClvSettings(acquisition_cost=25.0))
    assert result.per_customer.tolist() == pytest.approx([100 - 10, 100 - 25])  # 120 * 0.5 / 0.6 = 100


def test_no_acquisition_cost_assumes_zero_and_says_so():
    result = customer_lifetime_value(pd.DataFrame({"margin": [120.0]}), retention=0.5)
    assert result.mean == pytest.approx(100.0)
    assert result.assumptions["acquisition_cost_source"] == "zero"
    assert result.note == "kpi.note.clv_no_acquisition_cost"


def test_finite_horizon_sum_by_hand():
    customers = pd.DataFrame({"margin": [100.0], "acquisition_cost": [50.0]})
    result = customer_lifetime_value(customers, retention=0.8, settings=ClvSettings(horizon_years=3))
    by_hand = 100 * (0.8 / 1.1 + 0.8**2 / 1.1**2 + 0.8**3 / 1.1**3) - 50
    assert result.horizon_value == pytest.approx(by_hand)
    assert result.horizon_value == pytest.approx(114.09, abs=0.01)
    assert result.assumptions["horizon_years"] == 3
    assert result.mean == pytest.approx(100 * 0.8 / 0.3 - 50)


def test_per_customer_retention_series():
    customers = pd.DataFrame({"margin": [100.0, 100.0, 100.0], "acquisition_cost": 0.0}, index=[10, 11, 12])
    retention = pd.Series({12: 0.9, 10: 0.5, 11: None})
    result = customer_lifetime_value(customers, retention=retention)
    assert result.per_customer.index.tolist() == [10, 11, 12]
    assert result.per_customer.loc[10] == pytest.approx(100 * 0.5 / 0.6)
    assert pd.isna(result.per_customer.loc[11])
    assert result.per_customer.loc[12] == pytest.approx(100 * 0.9 / 0.2)
    assert result.mean == pytest.approx((100 * 0.5 / 0.6 + 100 * 0.9 / 0.2) / 2)
    assert result.assumptions["retention_per_customer"] is True
    assert result.assumptions["retention"] == pytest.approx(0.7)


def test_no_margin_and_no_rate_gives_none_and_a_note():
    result = customer_lifetime_value(pd.DataFrame({"revenue": [100.0, 200.0]}), retention=0.8)
    assert (result.mean, result.median, result.total) == (None, None, None)
    assert result.note == "kpi.note.clv_no_margin"
    assert result.per_customer.isna().all()
    assert result.to_dict()["mean"] is None


def test_no_money_at_all_says_so_rather_than_asking_for_a_margin_rate():
    # an e-commerce churn table with tenure and orders but no revenue: a margin rate would not help
    customers = pd.DataFrame({"revenue": [None, None], "orders": [3, 5]})
    result = customer_lifetime_value(customers, retention=0.8, settings=ClvSettings(margin_rate=0.3))
    assert result.mean is None
    assert result.note == "kpi.note.clv_no_money"


def test_to_dict_shape():
    result = customer_lifetime_value(pd.DataFrame({"margin": [60.0]}), retention=0.5)
    assert set(result.to_dict()) == {"mean", "median", "total", "assumptions"}


@pytest.mark.parametrize(
    ("retention", "settings", "message"),
    [
        (1.2, ClvSettings(), "retention"),
        (0.5, ClvSettings(discount_rate=-0.1), "discount_rate"),
        (1.0, ClvSettings(discount_rate=0.0), "infinite"),
        (0.5, ClvSettings(margin_rate=2.0), "margin_rate"),
        (0.5, ClvSettings(horizon_years=0), "horizon_years"),
        (pd.Series({99: 0.5}), ClvSettings(), "no value"),
    ],
)
def test_programmer_errors(retention, settings, message):
    with pytest.raises(ValueError, match=message):
        customer_lifetime_value(pd.DataFrame({"margin": [1.0]}), retention=retention, settings=settings)
