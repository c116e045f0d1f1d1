"""The journey of the demo data: the planted pain point is the lowest touchpoint, flagged, the top driver."""

import pytest

from cxlib.journey import build_journey, default_spec, journey_section

demo = pytest.importorskip("cxlib.demo", reason="cxlib.demo is not there yet")


@pytest.fixture(scope="module")
def result():
    survey = demo.generate_demo(n_customers=4000, seed=42).survey.rename(
        columns={
            "Weiterempfehlung": "recommend",
            "Gesamtzufriedenheit": "satisfaction",
            "Antwort-ID": "response_id",
        }
    )
    return build_journey(survey, default_spec(survey, list(demo.TOUCHPOINTS)), outcome="recommend")


def test_touchpoints_keep_the_demo_order_and_get_sensible_phases(result):
    assert result.touchpoints["touchpoint"].tolist() == list(demo.TOUCHPOINTS)
    phases = dict(zip(result.touchpoints["touchpoint"], result.touchpoints["phase"], strict=True))
    assert phases["Werbung"] == phases["Social Media"] == "activation"
    assert phases["Website"] == phases["Preisvergleich"] == "information"
    assert phases["Warenkorb"] == phases["Bezahlung"] == phases["Bestellbestätigung"] == "purchase"
    assert phases["Lieferung"] == phases["Kundenservice"] == phases["Rechnung"] == "loyalty"
    assert (result.touchpoints["scale_min"] == 1).all() and (result.touchpoints["scale_max"] == 5).all()


def test_the_planted_pain_point_is_the_lowest_and_flagged(result):
    table = result.touchpoints.set_index("touchpoint")
    assert table["mean"].idxmin() == demo.PAIN_POINT == "Lieferung"
    assert table.loc["Lieferung", "pain_point"]
    assert {"touchpoint": "Lieferung", "reason": "lowest"} in journey_section(result)["pain_points"]


def test_the_planted_pain_point_is_the_strongest_driver(result):
    assert result.outcome == "recommend"
    assert result.drivers["touchpoint"].iloc[0] == "Lieferung"
    assert result.drivers.set_index("touchpoint").loc["Lieferung", "quadrant"] == "fix_first"
