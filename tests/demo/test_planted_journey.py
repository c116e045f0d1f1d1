"""The planted pain point: "Lieferung" is the lowest touchpoint and the strongest driver of recommend."""

import pytest

from cxlib.demo import PAIN_POINT, TOUCHPOINTS, generate_demo


@pytest.fixture(scope="module")
def survey():
    return generate_demo().survey


def test_touchpoints_run_through_the_four_phases_in_journey_order():
    assert TOUCHPOINTS == (
        "Werbung", "Social Media",  # activation
        "Website", "Preisvergleich",  # information
        "Warenkorb", "Bezahlung", "Bestellbestätigung",  # purchase
        "Lieferung", "Kundenservice", "Rechnung",  # loyalty
    )  # fmt: skip
    assert PAIN_POINT == "Lieferung"


def test_delivery_is_clearly_the_lowest_touchpoint(survey):
    means = survey[list(TOUCHPOINTS)].mean()
    others = means.drop(PAIN_POINT)
    assert means.idxmin() == PAIN_POINT
    assert 2.4 <= means[PAIN_POINT] <= 2.9
    assert others.min() - means[PAIN_POINT] >= 0.5
    assert others.between(3.2, 4.4).all()


def test_delivery_drives_the_recommend_score_most(survey):
    correlations = survey[list(TOUCHPOINTS)].corrwith(survey["Weiterempfehlung"])
    assert correlations.idxmax() == PAIN_POINT
    assert correlations[PAIN_POINT] - correlations.drop(PAIN_POINT).max() >= 0.1
    assert (correlations > 0).all()
