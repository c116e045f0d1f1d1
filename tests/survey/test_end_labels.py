"""Scales labelled only at their ends: survey tools export "Very dissatisfied", 2, 3, 4, "Very satisfied".

Before: such a column held numbers and words, so it was a category: the touchpoints left the journey (no
journey at all on a survey of three such items), and a recommend item written "Not at all likely", 1 … 9,
"Extremely likely" lost its ends. Now the pole words are the points beyond the numbers, with evidence.
Each test builds the survey in memory, runs the real pipeline and compares with pandas.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from cxlib.scales import end_label_points, evidence_text, profile_column
from tests.survey.conftest import analyze_survey, ratings

N = 240


def _labelled_ends(values: np.ndarray, low: int, high: int, low_word: str, high_word: str) -> list[str]:
    return [low_word if v == low else high_word if v == high else str(v) for v in values]


def _journey_means(document: dict) -> dict[str, float]:
    return {point["touchpoint"]: point["native_mean"] for point in document["journey"]["touchpoints"]}


@pytest.mark.parametrize(
    ("low_word", "high_word", "header"),
    [
        ("Very dissatisfied", "Very satisfied", "How satisfied were you with the {}?"),
        ("Strongly disagree", "Strongly agree", "The {} was easy"),
        ("sehr unzufrieden", "sehr zufrieden", "Zufriedenheit mit {}"),
        ("Poor", "Excellent", "Rate the {}"),
    ],
)
def test_touchpoints_labelled_at_their_ends_are_read_on_their_scale(rng, low_word, high_word, header):
    truth = {}
    frame = pd.DataFrame({"Respondent ID": range(5001, 5001 + N)})
    for name, centre in (("checkout", 3.8), ("delivery", 2.4), ("support", 3.2)):
        values = ratings(rng, N, 1, 5, centre=centre)
        frame[header.format(name)] = _labelled_ends(values, 1, 5, low_word, high_word)
        truth[header.format(name)] = values.mean()

    loaded, document = analyze_survey(frame)

    means = _journey_means(document)
    assert means.keys() == truth.keys()
    for column, mean in truth.items():
        assert means[column] == pytest.approx(mean, abs=1e-3)
        meaning = loaded.validated.columns[column]
        assert meaning.scale == (1, 5)
        assert [e.code for e in meaning.evidence if e.code == "end_labels"] == ["end_labels"]
    assert document["journey"]["pain_points"][0]["touchpoint"] == header.format("delivery")


def test_recommend_labelled_at_its_ends_gives_the_nps_of_every_answer(rng):
    scores = rng.integers(0, 11, N)
    scores[:11] = np.arange(11)
    frame = pd.DataFrame(
        {
            "How likely are you to recommend us to a friend or colleague?": _labelled_ends(
                scores, 0, 10, "Not at all likely", "Extremely likely"
            ),
            "Overall, how satisfied are you?": ratings(rng, N, 1, 5, centre=3.5),
        }
    )

    _, document = analyze_survey(frame)

    nps = document["kpis"]["nps"]
    expected = 100 * ((scores >= 9).mean() - (scores <= 6).mean())
    assert nps["n"] == N
    assert nps["score"] == pytest.approx(expected)


def test_end_words_are_shown_as_evidence_in_both_languages():
    values = pd.Series(["Very dissatisfied", "2", "3", "4", "Very satisfied", "4"])
    profile = profile_column(values, "Checkout")

    assert profile.counts == {1: 1, 2: 1, 3: 1, 4: 2, 5: 1}
    assert profile.end_labels == {"very dissatisfied": 1, "very satisfied": 5}
    frame = pd.DataFrame({"Checkout": values.tolist() * 20, "Delivery": values.tolist()[::-1] * 20})
    loaded, _ = analyze_survey(frame)
    evidence = next(e for e in loaded.validated.columns["Checkout"].evidence if e.code == "end_labels")
    assert "1 = Very dissatisfied, 5 = Very satisfied" in evidence_text(evidence, "en")
    assert "nur an den Enden beschriftet" in evidence_text(evidence, "de")


@pytest.mark.parametrize(
    "cells",
    [
        ["Very dissatisfied", "0", "1", "2"],  # no point below 0 for the worst word
        ["Neither satisfied nor dissatisfied", "1", "2", "4", "5"],  # a middle word is no end
        ["Very dissatisfied", "Satisfied", "Very satisfied", "2", "3"],  # three words: a mixed column
    ],
)
def test_words_that_are_not_the_ends_of_the_numbers_are_left_as_they_are(cells):
    profile = profile_column(pd.Series(cells * 10), "Checkout")

    assert profile.end_labels == {}
    assert not profile.is_candidate


def test_end_label_points_reads_only_the_end_words():
    values = pd.Series(["Very dissatisfied", "3", "Satisfied", None, "VERY SATISFIED"])

    points = end_label_points(values, {"very dissatisfied": 1, "very satisfied": 5})

    assert points.tolist()[:3] == [1, "3", "Satisfied"]
    assert pd.isna(points.iloc[3])
    assert points.iloc[4] == 5
