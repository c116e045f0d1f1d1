"""The CLI's ``journey`` JSON section (cxlib.journey.journey_section)."""

import json

import numpy as np
import pandas as pd

from cxlib.journey import JourneySpec, build_journey, journey_section


def _result():
    survey = pd.DataFrame(
        {
            "Werbung": [4.0, 5.0, 4.0, 3.0] * 5,
            "Kasse": [np.nan] * 20,
            "Lieferung": [1.0, 2.0, 1.0, 2.0] * 5,
            "recommend": [9.0, 10.0, 8.0, 5.0] * 5,
        }
    )
    spec = JourneySpec(
        ("Werbung", "Kasse", "Lieferung"),
        {"Werbung": "activation", "Kasse": "purchase", "Lieferung": "loyalty"},
    )
    return build_journey(survey, spec)


def test_the_section_has_exactly_the_specified_shape():
    section = journey_section(_result())
    assert set(section) == {"touchpoints", "pain_points", "drivers"}
    assert [tp["touchpoint"] for tp in section["touchpoints"]] == ["Werbung", "Kasse", "Lieferung"]
    for touchpoint in section["touchpoints"]:
        assert set(touchpoint) == {
            "touchpoint",
            "phase",
            "mean",
            "native_mean",
            "scale",
            "ci95",
            "n",
            "bottom_box",
        }
        assert touchpoint["phase"] in ("activation", "information", "purchase", "loyalty")
    werbung = section["touchpoints"][0]
    assert werbung["mean"] == 75.0 and werbung["native_mean"] == 4.0 and werbung["scale"] == [1, 5]
    assert werbung["n"] == 20 and werbung["bottom_box"] == 0.0
    assert werbung["ci95"][0] < 75.0 < werbung["ci95"][1]
    lieferung = section["touchpoints"][2]
    assert lieferung["mean"] == 12.5 and lieferung["bottom_box"] == 1.0


def test_a_touchpoint_without_answers_has_nulls_and_the_section_is_strict_json():
    section = journey_section(_result())
    kasse = section["touchpoints"][1]
    assert kasse == {
        "touchpoint": "Kasse",
        "phase": "purchase",
        "mean": None,
        "native_mean": None,
        "scale": [1, 5],
        "ci95": [None, None],
        "n": 0,
        "bottom_box": None,
    }
    json.dumps(section, allow_nan=False)


def test_pain_points_are_machine_readable_and_drivers_only_where_computed():
    section = journey_section(_result())
    assert section["pain_points"] == [
        {"touchpoint": "Lieferung", "reason": "lowest"},
        {"touchpoint": "Lieferung", "reason": "drop"},
    ]
    assert [d["touchpoint"] for d in section["drivers"]] == ["Werbung", "Lieferung"]
    for driver in section["drivers"]:
        assert set(driver) == {"touchpoint", "importance", "performance"}
        assert -1 <= driver["importance"] <= 1
    werbung = np.corrcoef([4.0, 5.0, 4.0, 3.0], [9.0, 10.0, 8.0, 5.0])[0, 1]
    assert section["drivers"][0]["importance"] == round(werbung, 4)
    assert section["drivers"][0]["performance"] == 75.0
