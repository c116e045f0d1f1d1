"""A first spec from the survey: order kept, phases guessed (cxlib.journey.default_spec)."""

import pandas as pd
import pytest

from cxlib.journey import default_spec


def test_order_is_kept_and_phases_are_guessed():
    survey = pd.DataFrame(columns=["Lieferung", "Website", "Schritt 3", "Plakat"], dtype=float)
    spec = default_spec(survey, ["Plakat", "Website", "Schritt 3", "Lieferung"])
    assert spec.touchpoints == ("Plakat", "Website", "Schritt 3", "Lieferung")
    assert spec.phases == {
        "Plakat": "activation",
        "Website": "information",
        "Schritt 3": "information",
        "Lieferung": "loyalty",
    }
    assert spec.scales is None and spec.na_codes == {} and spec.renames == {}


def test_a_long_survey_without_a_list_takes_its_touchpoints_in_order_of_appearance():
    long = pd.DataFrame({"touchpoint": ["Booking", "Crew", "Booking"], "score": [1.0, 2.0, 3.0]})
    spec = default_spec(long, [])
    assert spec.touchpoints == ("Booking", "Crew")
    assert spec.phases == {"Booking": "purchase", "Crew": "loyalty"}


def test_unknown_columns_are_a_programmer_error():
    with pytest.raises(ValueError, match="not in the survey"):
        default_spec(pd.DataFrame({"Website": [1.0]}), ["Website", "Kasse"])
