"""What fieldwork tools write beside the answers: the respondent's number and the survey weights.

Before: "RESPNUM" (SFO's panel export), Unipark's "lfdn" or SoSci's "CASE ID" were not response IDs, so
the survey said it had none and used row numbers; a "WEIGHT" column was silently ignored. Now those
headers are the response ID, and a weight column gives a note that the figures are unweighted (the
NPS stays the plain count of answers, checked against pandas)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from tests.survey.conftest import analyze_survey

N = 150


@pytest.mark.parametrize("header", ["RESPNUM", "lfdn", "Case ID", "Teilnehmer-Nr.", "Respondent"])
def test_respondent_numbers_are_the_response_id(rng, header):
    frame = pd.DataFrame(
        {header: rng.permutation(np.arange(1000, 1000 + N)), "Weiterempfehlung": rng.integers(0, 11, N)}
    )

    loaded, document = analyze_survey(frame)

    assert loaded.validated.report.mapping["response_id"] == header
    assert document["kpis"]["nps"]["n"] == N


def test_weights_are_named_and_the_nps_stays_unweighted(rng):
    scores = rng.integers(0, 11, N)
    frame = pd.DataFrame(
        {"RESPNUM": np.arange(N) * 2 + 1, "NETPRO": scores, "WEIGHT": rng.uniform(0.2, 3.9, N).round(7)}
    )

    loaded, document = analyze_survey(frame)

    notes = loaded.validated.report.note_texts("en")
    assert any("weights (WEIGHT)" in note and "unweighted" in note for note in notes)
    assert any("ungewichtet" in note for note in loaded.validated.report.note_texts("de"))
    assert document["kpis"]["nps"]["score"] == pytest.approx(
        100 * ((scores >= 9).mean() - (scores <= 6).mean())
    )


def test_a_body_weight_is_no_survey_weight(rng):
    frame = pd.DataFrame({"NPS": rng.integers(0, 11, N), "Gewicht (kg)": rng.normal(75, 12, N).round(1)})

    loaded, _ = analyze_survey(frame)

    assert not any("ungewichtet" in note for note in loaded.validated.report.note_texts("de"))
