import json
from datetime import date

import pandas as pd
import pytest

from cxlib.clv import ClvSettings
from cxlib.kpis import KpiSettings, kpi_section

# current window Oct 2025..Sep 2026: 190 customers at 5 month ends, 160 at 7 -> 2070 / 12
AVERAGE = (5 * 190 + 7 * 160) / 12
CHURN = 30 / AVERAGE
CLV = 100 * (1 - CHURN) / (1.10 - (1 - CHURN)) - 50


def test_shape_and_hand_computed_values(customers, survey):
    section = kpi_section(customers, survey)
    assert set(section) == {
        "customers", "nps", "churn_rate", "retention", "clv", "notes", "recommend", "satisfaction"
    }  # fmt: skip
    assert section["satisfaction"] is None  # no overall rating in this survey
    assert section["recommend"] is None  # a 0–10 question gives the NPS, no other recommend summary
    assert section["customers"] == 200
    assert set(section["nps"]) == {"score", "ci95", "n", "promoters", "passives", "detractors"}
    assert section["nps"]["score"] == pytest.approx(10.0)  # 80 promoters, 60 passives, 60 detractors of 200
    assert (section["nps"]["promoters"], section["nps"]["passives"], section["nps"]["detractors"]) == (
        80,
        60,
        60,
    )
    assert section["churn_rate"] == {
        "value": pytest.approx(CHURN),
        "churned": 30,
        "average_customers": pytest.approx(AVERAGE),
        "window": ["2025-10-01", "2026-09-30"],
        "definition": "rolling_12_months",
        "months": 12,
    }
    assert section["retention"] == pytest.approx(1 - CHURN)
    assert set(section["clv"]) == {"mean", "median", "total", "assumptions"}
    assert section["clv"]["mean"] == pytest.approx(CLV)
    assert section["clv"]["total"] == pytest.approx(200 * CLV)
    assert section["clv"]["assumptions"]["retention"] == pytest.approx(1 - CHURN)
    # the customer table's last date (2026-03-15) lies half a year before the survey's: said with the churn
    assert section["notes"] == [
        "The customer table's latest date is 2026-03-15, the other data run to 2026-09-30: the churn rate "
        "is counted up to 2026-09-30; if the customer table was exported on 2026-03-15, customers lost "
        "after that day are missing from it."
    ]
    json.dumps(section)  # JSON-ready: no numpy or pandas objects


def test_as_of_is_the_latest_date_unless_set(customers):
    # the latest date is the churn date 2026-03-15 without the survey, so the window shifts
    section = kpi_section(customers, None)
    assert section["churn_rate"]["window"] == ["2025-04-01", "2026-03-15"]
    fixed = kpi_section(customers, None, settings=KpiSettings(as_of=date(2026, 9, 30)))
    assert fixed["churn_rate"]["window"] == ["2025-10-01", "2026-09-30"]


def test_clv_settings_are_passed_on(customers, survey):
    table = customers.drop(columns=["margin", "acquisition_cost"]).assign(revenue=400.0)
    settings = KpiSettings(clv=ClvSettings(margin_rate=0.25, acquisition_cost=50.0))
    section = kpi_section(table, survey, settings=settings)
    assert section["clv"]["mean"] == pytest.approx(CLV)
    assert section["clv"]["assumptions"]["margin_source"] == "revenue_x_margin_rate"


def test_unsupported_kpis_are_null_with_reasons_in_the_language():
    section = kpi_section(None, None, lang="de")
    assert section["customers"] is None
    assert section["nps"] is None
    assert section["churn_rate"] is None
    assert section["retention"] is None
    assert section["clv"] is None
    assert section["notes"] == [
        "Keine Umfragedaten: Der NPS lässt sich nicht berechnen.",
        "Keine Kundendaten: Abwanderungsquote, Kundenbindungsrate und Kundenertragswert lassen sich nicht "
        "berechnen.",
    ]


def test_missing_margin_and_flag_only_churn():
    table = pd.DataFrame({"customer_id": ["a", "b", "c", "d"], "churned": [True, False, False, False]})
    section = kpi_section(table, pd.DataFrame({"satisfaction": [4.0]}))
    assert section["nps"] is None
    assert section["churn_rate"]["definition"] == "share_churned"
    assert section["churn_rate"]["value"] == 0.25
    assert section["clv"] is None
    assert section["notes"] == [
        "The survey has no recommendation question (0–10): the NPS cannot be computed.",
        "There are no churn dates, so the churn rate is the share of customers marked as churned (not a rate "
        "per 12 months).",
        "The CLV needs money per customer: the data has neither a margin nor a revenue column. Map one on "
        "the Data page (or load a purchase log for the Customer value page).",
    ]
    with_revenue = table.assign(revenue=[10.0, 20.0, 30.0, 40.0])
    assert kpi_section(with_revenue, None)["notes"][-1] == (
        "The CLV needs a margin: the data has no margin column. Set a margin rate (share of revenue) to "
        "estimate it from revenue."
    )


def test_programmer_errors():
    with pytest.raises(ValueError, match="lang"):
        kpi_section(None, None, lang="fr")
    with pytest.raises(ValueError, match="nps_period_months"):
        kpi_section(None, None, settings=KpiSettings(nps_period_months=0))
