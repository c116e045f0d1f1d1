"""The people behind a tile: they are exactly the rows the tile counted."""

from datetime import date

import pandas as pd
import pytest

from cxlib.churn import churn_rate
from cxlib.drilldown import churned_customers, nps_respondents
from cxlib.nps import net_promoter_score, nps_group


def test_respondents_are_the_answers_the_nps_counted(demo_tables):
    survey = demo_tables["survey"]
    window = (date(2026, 7, 1), date(2026, 9, 30))
    people = nps_respondents(survey, window=window)
    days = pd.to_datetime(survey["response_date"])
    inside = survey[(days >= "2026-07-01") & (days <= "2026-09-30") & survey["recommend"].notna()]
    assert len(people) == len(inside)
    counted = net_promoter_score(people["recommend"].to_numpy(dtype=float))
    assert counted.detractors == (people["group"] == "detractor").sum()
    assert counted.promoters == (people["group"] == "promoter").sum()
    assert people["group"].iloc[0] == "detractor" and people["group"].iloc[-1] == "promoter"


def test_churned_customers_are_the_ones_the_rate_counted(demo_tables):
    customers = demo_tables["customers"]
    result = churn_rate(customers)
    lost = churned_customers(customers, window=result.window)
    assert len(lost) == result.churned
    assert lost["churn_date"].is_monotonic_decreasing


def test_flag_only_tables_and_groups():
    customers = pd.DataFrame({"customer_id": ["a", "b"], "churned": [True, False]})
    assert churned_customers(customers)["customer_id"].tolist() == ["a"]
    assert (
        nps_group(pd.Series([0, 6, 7, 8, 9, 10])).tolist()
        == ["detractor"] * 2 + ["passive"] * 2 + ["promoter"] * 2
    )


def test_tables_without_the_needed_column_are_refused_precisely():
    with pytest.raises(ValueError, match="recommend"):
        nps_respondents(pd.DataFrame({"x": [1]}))
    with pytest.raises(ValueError, match="churn_date"):
        churned_customers(pd.DataFrame({"x": [1]}))
