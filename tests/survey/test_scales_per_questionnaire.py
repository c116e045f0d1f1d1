"""Defect class 3: scales per questionnaire, not per column; non-answer codes and words excluded and counted;
Likert words read as points; bipolar items are not satisfaction.

Before: items of one questionnaire landed on 0–5 in one column and 1–5 in the next, 0 = "not rated",
6 = "never used" and the word BLANK were counted as ratings, and the weakest touchpoint was the wrong one.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from tests.survey.conftest import analyze_survey, ratings

N = 400


def _battery(rng) -> tuple[pd.DataFrame, dict[str, np.ndarray]]:
    """A Q5 battery on 1–5 with 0 = blank and 6 = never used; the true answers per item."""
    truth = {
        "Q5PARKING": ratings(rng, N, 1, 5, centre=4.3),  # well rated, but often left blank (0)
        "Q5SHOPS": ratings(rng, N, 2, 5, centre=3.9),  # nobody gave a 1; most never used it (6)
        "Q5WIFI": ratings(rng, N, 1, 5, centre=3.0),  # the truly weakest
        "Q5SIGNS": ratings(rng, N, 1, 5, centre=4.0),
    }
    coded = {}
    for i, (name, values) in enumerate(truth.items()):
        values = values.astype(object)
        blank = rng.random(N) < (0.45 if name == "Q5PARKING" else 0.05)
        never = rng.random(N) < (0.6 if name == "Q5SHOPS" else 0.02 * (i + 1))
        values[never] = 6
        values[blank] = 0
        coded[name] = values
    overall = ratings(rng, N, 1, 5, centre=3.8).astype(object)
    overall[:25] = "BLANK"
    frame = pd.DataFrame({"RESPNUM": range(1, N + 1), **coded, "Q5ALL": overall})
    return frame, {name: pd.Series(coded[name]) for name in truth}


def test_items_of_one_question_share_a_scale_and_codes_are_counted_per_item(rng):
    frame, coded = _battery(rng)
    loaded, document = analyze_survey(frame)
    columns = loaded.validated.columns
    for name, values in coded.items():
        meaning = columns[name]
        assert (meaning.kind, meaning.scale, meaning.missing_codes) == ("rating", (1, 5), (0, 6)), name
        assert meaning.missing_count == int(values.isin([0, 6]).sum()), name
    assert columns["satisfaction"].missing_count == 25  # BLANK in the overall item
    touchpoints = {tp["touchpoint"]: tp for tp in document["journey"]["touchpoints"]}
    for name, values in coded.items():
        answered = values[~values.isin([0, 6])].astype(float)
        assert touchpoints[name]["scale"] == [1, 5]
        assert touchpoints[name]["n"] == answered.size
        assert touchpoints[name]["native_mean"] == pytest.approx(answered.mean(), abs=5e-4)


def test_the_weakest_touchpoint_is_the_weakest_rating_not_the_most_often_blank(rng):
    frame, _ = _battery(rng)
    _, document = analyze_survey(frame)
    lowest = next(p["touchpoint"] for p in document["journey"]["pain_points"] if p["reason"] == "lowest")
    assert lowest == "Q5WIFI"
    assert "Q5ALL" not in {tp["touchpoint"] for tp in document["journey"]["touchpoints"]}


def test_non_answer_words_are_excluded_and_counted(rng):
    website = ratings(rng, N, 1, 5, centre=4).astype(object)
    website[:30] = "weiß nicht"
    website[30:40] = "n/a"
    delivery = ratings(rng, N, 1, 5, centre=3).astype(object)
    delivery[:12] = "don't know"
    frame = pd.DataFrame({"Nr": range(N), "Website": website, "Lieferung": delivery})
    loaded, document = analyze_survey(frame)
    assert loaded.validated.columns["Website"].missing_count == 40
    assert loaded.validated.columns["Lieferung"].missing_count == 12
    assert not [rule for rule in loaded.validated.report.rules if rule.rule == "not_a_number"]
    n = {tp["touchpoint"]: tp["n"] for tp in document["journey"]["touchpoints"]}
    assert n == {"Website": N - 40, "Lieferung": N - 12}


@pytest.mark.parametrize(
    "words",
    [
        ("strongly disagree", "disagree", "neither agree nor disagree", "agree", "strongly agree"),
        ("stimme gar nicht zu", "stimme eher nicht zu", "teils/teils", "stimme eher zu", "stimme voll zu"),
        ("nie", "selten", "manchmal", "oft", "immer"),
        ("never", "rarely", "sometimes", "often", "always"),
    ],
)
def test_likert_words_are_read_as_points(words):
    from cxlib.scales import likert_points

    points, was_word = likert_points(pd.Series([w.upper() if i % 2 else w for i, w in enumerate(words)]))
    assert points.tolist() == [1.0, 2.0, 3.0, 4.0, 5.0] and was_word.all()


def test_likert_word_items_become_rated_touchpoints(rng):
    agree = ("stimme gar nicht zu", "stimme eher nicht zu", "teils/teils", "stimme eher zu", "stimme voll zu")
    points = ratings(rng, N, 1, 5, centre=3.5)
    frame = pd.DataFrame(
        {
            "Nr": range(N),
            "Beratung": [agree[p - 1] for p in points],
            "Website": ratings(rng, N, 1, 5, centre=4),
        }
    )
    _, document = analyze_survey(frame)
    beratung = next(tp for tp in document["journey"]["touchpoints"] if tp["touchpoint"] == "Beratung")
    assert beratung["scale"] == [1, 5]
    assert beratung["native_mean"] == pytest.approx(points.mean(), abs=5e-4)


def test_a_bipolar_item_is_not_a_touchpoint(rng):
    speed = rng.choice(["too slow", "just right", "too fast"], N, p=[0.3, 0.6, 0.1])
    frame = pd.DataFrame(
        {"Nr": range(N), "Website": ratings(rng, N, 1, 5, centre=4), "Delivery speed": speed,
         "Checkout": ratings(rng, N, 1, 5, centre=3.5)}
    )  # fmt: skip
    loaded, document = analyze_survey(frame)
    assert loaded.validated.columns["Delivery speed"].kind == "bipolar"
    assert [tp["touchpoint"] for tp in document["journey"]["touchpoints"]] == ["Website", "Checkout"]
    assert any("Delivery speed" in note for note in loaded.validated.report.note_texts())


def test_questionnaire_families_by_stem_and_answer_set():
    from cxlib.scales import read_questionnaire

    frame = pd.DataFrame(
        {
            "Q7A": ["1", "2", "3", "4", "5", "6", "0"] * 10,
            "Q7B": ["2", "3", "4", "4", "5", "6", "6"] * 10,  # no 1 given: still 1–5
            "o_booking": ["1", "2", "3", "4", "4", "2", "3"] * 10,
            "o_meal": ["2", "3", "3", "4", "1", "2", "3"] * 10,
            "o_crew": ["1", "4", "3", "4", "4", "2", "4"] * 10,
        }
    )
    questionnaire = read_questionnaire(frame)
    scales = {column: meaning.scale for column, meaning in questionnaire.meanings.items()}
    assert scales["Q7A"] == scales["Q7B"]
    assert scales["o_booking"] == scales["o_meal"] == scales["o_crew"] == (1, 4)


@pytest.mark.parametrize("code", [8, 9])
def test_a_dont_know_code_apart_from_a_short_scale_is_no_scale_point(rng, code):
    """Before: 1–5 answers with 9 = "don't know" were read as a 1–10 scale (mean 3.3 on 1–10, 25/100)."""
    frame = pd.DataFrame({"Nr": range(N), "Beratung": ratings(rng, N, 1, 5, centre=3.0)})
    values = frame["Beratung"].to_numpy().copy()
    values[:40] = code
    frame["Beratung"] = values
    frame["Website"] = ratings(rng, N, 1, 10, centre=6)  # a 1–10 item next to it keeps its scale
    loaded, document = analyze_survey(frame)
    meaning = loaded.validated.columns["Beratung"]
    assert (meaning.scale, meaning.missing_codes, meaning.missing_count) == ((1, 5), (code,), 40)
    assert "code_after_gap" in [e.code for e in meaning.evidence]
    touchpoints = {tp["touchpoint"]: tp for tp in document["journey"]["touchpoints"]}
    assert touchpoints["Beratung"]["native_mean"] == pytest.approx(round(values[40:].mean(), 3))
    assert touchpoints["Beratung"]["n"] == N - 40
    assert touchpoints["Website"]["scale"] == [1, 10]


@pytest.mark.parametrize("header", ["Case resolution", "Auswahl Mode", "Mode"])
def test_touchpoints_named_like_survey_metadata_stay_touchpoints(rng, header):
    """A support case and fashion ("Mode") are rated touchpoints, unlike a survey's mode or case number."""
    frame = pd.DataFrame({"Nr": range(N), header: ratings(rng, N, 1, 5, centre=3.5)})
    frame["Website"] = ratings(rng, N, 1, 5, centre=4.0)
    _, document = analyze_survey(frame)
    touchpoints = {tp["touchpoint"]: tp for tp in document["journey"]["touchpoints"]}
    assert touchpoints[header]["native_mean"] == pytest.approx(round(frame[header].mean(), 3))
