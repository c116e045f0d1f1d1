"""The journey curve per touchpoint and phase (build_journey): input shapes, scales, NA codes, gaps."""

import numpy as np
import pandas as pd
import pytest

from cxlib.errors import CxError
from cxlib.journey import JourneySpec, build_journey, default_spec

PHASES = {"Werbung": "activation", "Website": "information", "Kasse": "purchase", "Lieferung": "loyalty"}


def _wide_survey(n=60, seed=7):
    rng = np.random.default_rng(seed)
    frame = pd.DataFrame(
        {
            "response_id": [f"r{i}" for i in range(n)],
            "Werbung": rng.integers(1, 6, n).astype(float),
            "Website": rng.integers(1, 6, n).astype(float),
            "Kasse": rng.integers(1, 6, n).astype(float),
            "Lieferung": rng.integers(1, 6, n).astype(float),
            "recommend": rng.integers(0, 11, n).astype(float),
        }
    )
    # Leave some answers out so that the long form really has fewer rows for some touchpoints.
    frame.loc[rng.choice(n, 9, replace=False), "Website"] = np.nan
    frame.loc[rng.choice(n, 4, replace=False), "Lieferung"] = np.nan
    return frame


def _row(result, touchpoint):
    return result.touchpoints.set_index("touchpoint").loc[touchpoint]


def test_wide_and_long_input_give_the_same_result():
    wide = _wide_survey()
    long = wide.melt(id_vars=["response_id", "recommend"], var_name="touchpoint", value_name="score").dropna(
        subset=["score"]
    )
    long = long.sample(frac=1.0, random_state=3)  # row order must not matter
    spec = JourneySpec(tuple(PHASES), PHASES)
    from_wide = build_journey(wide, spec)
    from_long = build_journey(long, spec)
    pd.testing.assert_frame_equal(from_wide.touchpoints, from_long.touchpoints)
    pd.testing.assert_frame_equal(from_wide.phases, from_long.phases)
    pd.testing.assert_frame_equal(from_wide.drivers, from_long.drivers)
    assert from_wide.pain_points == from_long.pain_points
    assert _row(from_long, "Website")["n"] == 51


def test_mixed_scales_map_onto_one_0_to_100_axis():
    survey = pd.DataFrame(
        {
            "Website": [1.0, 3.0, 5.0, 5.0],  # 1–5: 0, 50, 100, 100
            "Kasse": [0.0, 3.0, 10.0, 7.0],  # 0–10: 0, 30, 100, 70
            "Lieferung": [1.0, 4.0, 10.0, 10.0],  # 1–10: 0, 33.3, 100, 100
        }
    )
    spec = default_spec(survey, ["Website", "Kasse", "Lieferung"])
    table = build_journey(survey, spec, outcome=None).touchpoints.set_index("touchpoint")
    assert table.loc["Website", ["scale_min", "scale_max"]].tolist() == [1, 5]
    assert table.loc["Kasse", ["scale_min", "scale_max"]].tolist() == [0, 10]
    assert table.loc["Lieferung", ["scale_min", "scale_max"]].tolist() == [1, 10]
    assert table.loc["Website", "mean"] == pytest.approx(62.5)
    assert table.loc["Website", "native_mean"] == pytest.approx(3.5)
    assert table.loc["Kasse", "mean"] == pytest.approx(50.0)
    assert table.loc["Kasse", "native_mean"] == pytest.approx(5.0)
    assert table.loc["Lieferung", "mean"] == pytest.approx((0 + 100 / 3 + 100 + 100) / 4)
    assert table.loc["Lieferung", "native_mean"] == pytest.approx(6.25)
    # Bottom box: lowest 2 points of 1–5 (1, 2), lowest 3 of 0–10 (0, 1, 2) and of 1–10 (1, 2, 3).
    assert table["bottom_box"].tolist() == [0.25, 0.25, 0.25]


def test_mixed_scales_are_noted():
    survey = pd.DataFrame({"Website": [1.0, 5.0], "Kasse": [0.0, 10.0]})
    notes = build_journey(survey, default_spec(survey, ["Website", "Kasse"]), outcome=None).notes
    assert any("1–5, 0–10" in note or "0–10, 1–5" in note for note in notes)


def test_the_95_percent_interval_is_t_based_and_on_the_0_to_100_axis():
    survey = pd.DataFrame({"Website": [2.0, 3.0, 4.0, 3.0, 3.0, np.nan, np.nan]})
    spec = JourneySpec(("Website",), {"Website": "information"}, scales={"Website": (1, 5)})
    row = _row(build_journey(survey, spec, outcome=None), "Website")
    # Scaled 25, 50, 75, 50, 50: mean 50, sd sqrt(1250 / 4), t(0.975, 4) = 2.776445
    half = 2.776445 * np.sqrt(1250 / 4) / np.sqrt(5)
    assert row["n"] == 5
    assert row["ci_low"] == pytest.approx(50 - half, abs=1e-4)
    assert row["ci_high"] == pytest.approx(50 + half, abs=1e-4)


def test_one_answer_has_no_interval():
    survey = pd.DataFrame({"Website": [4.0, np.nan], "Kasse": [2.0, 5.0]})
    row = _row(build_journey(survey, default_spec(survey, ["Website", "Kasse"]), outcome=None), "Website")
    assert row["n"] == 1 and np.isnan(row["ci_low"]) and np.isnan(row["ci_high"])


def test_not_applicable_codes_are_excluded_and_counted():
    survey = pd.DataFrame(
        {"Hotline": [0.0, 1.0, 5.0, 0.0, 3.0, np.nan], "Website": [2.0, 4.0, 1.0, 5.0, 3.0, 2.0]}
    )
    spec = JourneySpec(
        ("Website", "Hotline"),
        {"Website": "information", "Hotline": "information"},
        na_codes={"Hotline": (0,)},
    )
    result = build_journey(survey, spec, outcome=None)
    row = _row(result, "Hotline")
    assert row["na_excluded"] == 2
    assert row["n"] == 3
    assert (row["scale_min"], row["scale_max"]) == (1, 5)  # without the code the 0s would make it 0–5
    assert row["native_mean"] == pytest.approx(3.0)
    assert row["mean"] == pytest.approx(50.0)
    assert any("Hotline" in note and "2" in note for note in result.notes)
    assert _row(result, "Website")["na_excluded"] == 0


def test_not_applicable_codes_and_scales_may_be_keyed_by_the_display_name():
    survey = pd.DataFrame({"q7": [9.0, 1.0, 2.0, 9.0], "q8": [1.0, 2.0, 3.0, 4.0]})
    spec = JourneySpec(
        ("q7", "q8"),
        {"Hotline": "information", "q8": "purchase"},
        scales={"Hotline": (1, 5)},
        na_codes={"Hotline": (9,)},
        renames={"q7": "Hotline"},
    )
    table = build_journey(survey, spec, outcome=None).touchpoints
    assert table["touchpoint"].tolist() == ["Hotline", "q8"]
    assert table["phase"].tolist() == ["information", "purchase"]
    assert table.loc[0, ["n", "na_excluded", "mean"]].tolist() == [2, 2, pytest.approx(12.5)]


def test_a_touchpoint_with_no_answers_stays_in_the_table_without_a_value():
    survey = _wide_survey()
    survey["Kasse"] = np.nan
    result = build_journey(survey, JourneySpec(tuple(PHASES), PHASES))
    row = _row(result, "Kasse")
    assert row["n"] == 0 and row["na_excluded"] == 0
    assert np.isnan(row["mean"]) and np.isnan(row["native_mean"]) and np.isnan(row["bottom_box"])
    assert (row["scale_min"], row["scale_max"]) == (1, 5)  # borrowed from the other touchpoints
    assert not row["pain_point"]
    assert all(p["touchpoint"] != "Kasse" for p in result.pain_points)
    assert any("Kasse" in note for note in result.notes)
    assert result.touchpoints["touchpoint"].tolist() == list(PHASES)
    purchase = result.phases.set_index("phase").loc["purchase"]
    assert purchase["touchpoints"] == 1 and np.isnan(purchase["mean"])


def test_a_long_survey_may_lack_a_touchpoint_of_the_spec_entirely():
    long = pd.DataFrame(
        {"response_id": ["a", "b"], "touchpoint": ["Website", "Website"], "score": [2.0, 4.0]}
    )
    spec = JourneySpec(("Website", "Lieferung"), {"Website": "information", "Lieferung": "loyalty"})
    table = build_journey(long, spec, outcome=None).touchpoints
    assert table["n"].tolist() == [2, 0]


def test_no_ratings_at_all_is_a_user_error():
    survey = pd.DataFrame({"Website": [np.nan, np.nan], "Kasse": [0.0, 0.0]})
    spec = JourneySpec(
        ("Website", "Kasse"), {"Website": "information", "Kasse": "purchase"}, na_codes={"Kasse": (0,)}
    )
    with pytest.raises(CxError) as info:
        build_journey(survey, spec)
    assert info.value.key == "error.journey_no_ratings"
    assert "Touchpoint" in info.value.message("de")


def test_a_column_without_top_marks_is_read_on_the_common_scale_but_a_real_other_scale_is_kept():
    survey = pd.DataFrame(
        {
            "Website": [1.0, 5.0, 3.0],
            "Kasse": [2.0, 5.0, 4.0],
            "Lieferung": [1.0, 2.0, 4.0],
            "App": [1, 7, 7.0],
        }
    )
    result = build_journey(survey, default_spec(survey, list(survey.columns)), outcome=None)
    table = result.touchpoints.set_index("touchpoint")
    assert (table.loc["Lieferung", "scale_min"], table.loc["Lieferung", "scale_max"]) == (1, 5)
    assert table.loc["Lieferung", "mean"] == pytest.approx((0 + 25 + 75) / 3)
    assert (table.loc["App", "scale_min"], table.loc["App", "scale_max"]) == (1, 7)
    assert any("Lieferung" in note for note in result.notes)


def test_values_outside_a_given_scale_are_ignored_and_noted():
    survey = pd.DataFrame({"Website": [1.0, 5.0, 6.0, 3.0]})
    spec = JourneySpec(("Website",), {"Website": "information"}, scales={"Website": (1, 5)})
    result = build_journey(survey, spec, outcome=None)
    assert _row(result, "Website")["n"] == 3
    assert any("1–5" in note for note in result.notes)


def test_phase_means_and_thin_phases():
    survey = pd.DataFrame(
        {"Werbung": [1.0, 5.0], "Website": [5.0, 5.0], "Suche": [1.0, 1.0], "Kasse": [3.0, 3.0]}
    )
    result = build_journey(survey, default_spec(survey, list(survey.columns)), outcome=None, lang="de")
    phases = result.phases.set_index("phase")
    assert list(phases.index) == ["activation", "information", "purchase", "loyalty"]
    assert phases["touchpoints"].tolist() == [1, 2, 1, 0]
    assert phases.loc["activation", "mean"] == pytest.approx(50.0)
    assert phases.loc["information", "mean"] == pytest.approx(50.0)  # mean of 100 and 0
    assert phases.loc["purchase", "mean"] == pytest.approx(50.0)
    assert np.isnan(phases.loc["loyalty", "mean"])
    assert phases.loc["loyalty", "label"] == "Kundenbindung"
    assert "Die Phase Aktivierung hat nur einen Touchpoint." in result.notes
    assert "Die Phase Kauf hat nur einen Touchpoint." in result.notes
    assert any(note.startswith("Die Phase Kundenbindung hat keinen Touchpoint") for note in result.notes)


def test_positions_follow_the_spec_order_not_the_column_order():
    survey = pd.DataFrame({"Lieferung": [1.0, 5.0], "Website": [2.0, 4.0]})
    spec = JourneySpec(("Website", "Lieferung"), {"Website": "information", "Lieferung": "loyalty"})
    table = build_journey(survey, spec, outcome=None).touchpoints
    assert table[["touchpoint", "position"]].values.tolist() == [["Website", 1], ["Lieferung", 2]]


def test_missing_phases_are_guessed():
    survey = pd.DataFrame({"Plakat": [1.0, 5.0], "Rechnung": [2.0, 4.0]})
    spec = JourneySpec(("Plakat", "Rechnung"), {"Plakat": "purchase"})
    assert build_journey(survey, spec, outcome=None).touchpoints["phase"].tolist() == ["purchase", "loyalty"]


def test_programmer_errors_raise_value_error():
    survey = pd.DataFrame({"Website": [1.0, 2.0]})
    with pytest.raises(ValueError, match="not in the survey"):
        build_journey(survey, JourneySpec(("Kasse",), {}))
    with pytest.raises(ValueError, match="unknown phases"):
        build_journey(survey, JourneySpec(("Website",), {"Website": "awareness"}))
    with pytest.raises(ValueError, match="repeats"):
        build_journey(survey, JourneySpec(("Website", "Website"), {}))
    with pytest.raises(ValueError, match="empty"):
        build_journey(survey, JourneySpec((), {}))
    with pytest.raises(ValueError, match="group has 3 labels"):
        build_journey(survey, JourneySpec(("Website",), {}), group=pd.Series(["a", "b", "c"]))
    with pytest.raises(ValueError, match="min < max"):
        build_journey(survey, JourneySpec(("Website",), {}, scales={"Website": (5, 1)}))
    with pytest.raises(ValueError, match="lang"):
        build_journey(survey, JourneySpec(("Website",), {}), lang="fr")
