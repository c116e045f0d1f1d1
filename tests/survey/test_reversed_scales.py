"""Ratings where 1 is the best answer (German school grades, "1 = sehr gut … 5 = sehr schlecht").

Before: they were read as "higher is better", so the journey drew the best-graded touchpoint as the
weakest (a mean grade of 1.8 became 16/100 instead of 84/100) without a word.
"""

from __future__ import annotations

import pandas as pd
import pytest

from cxlib.i18n import t
from cxlib.scales import header_anchors
from tests.survey.conftest import analyze_survey, ratings

N = 300


def _journey(document: dict) -> dict[str, dict]:
    return {tp["touchpoint"]: tp for tp in document["journey"]["touchpoints"]}


@pytest.mark.parametrize(
    ("headers", "high"),
    [
        (["Schulnote Beratung", "Schulnote Lieferung", "Schulnote Rechnung"], 6),
        (["Note Beratung", "Note Lieferung", "Note Rechnung"], 6),
        ([f"{tp} (1 = sehr gut bis 5 = sehr schlecht)" for tp in ("Beratung", "Lieferung", "Rechnung")], 5),
        ([f"{tp} (1=excellent, 5=poor)" for tp in ("Advice", "Delivery", "Invoice")], 5),
    ],
)
def test_one_is_best_is_turned_around_and_said(rng, headers, high):
    grades = [ratings(rng, N, 1, high, centre=c) for c in (1.8, 3.2, 2.5)]
    frame = pd.DataFrame({"Nr": range(N), **dict(zip(headers, grades, strict=True))})
    loaded, document = analyze_survey(frame)
    journey = _journey(document)
    for header, values in zip(headers, grades, strict=True):
        assert journey[header]["native_mean"] == pytest.approx(round(1 + high - values.mean(), 3))
        assert journey[header]["mean"] == pytest.approx(round(100 * (high - values.mean()) / (high - 1), 2))
        assert "reversed_scale" in [e.code for e in loaded.validated.columns[header].evidence]
    best = max(journey, key=lambda tp: journey[tp]["mean"])
    assert best == headers[0]  # the best grade is the strongest touchpoint
    notes = [note.key for note in loaded.validated.report.notes if hasattr(note, "key")]
    assert "survey.note.reversed_scale" in notes


def test_low_is_worst_stays_as_it_is(rng):
    headers = [f"{tp} (1 = poor, 5 = excellent)" for tp in ("Website", "Delivery", "Invoice")]
    values = [ratings(rng, N, 1, 5, centre=c) for c in (4.0, 2.5, 3.0)]
    loaded, document = analyze_survey(
        pd.DataFrame({"Nr": range(N), **dict(zip(headers, values, strict=True))})
    )
    assert _journey(document)[headers[0]]["native_mean"] == pytest.approx(round(values[0].mean(), 3))
    assert "reversed_scale" not in [e.code for e in loaded.validated.columns[headers[0]].evidence]


def test_header_anchors():
    assert header_anchors("Lieferung (1 = sehr gut bis 6 = ungenügend)") == [
        (1, "sehr gut"),
        (6, "ungenügend"),
    ]
    assert header_anchors("Q2_1 How satisfied - Website") == []
    assert header_anchors("Weiterempfehlung (0-10)") == []


def test_the_evidence_is_worded_in_both_languages():
    params = {"best": 1, "worst": 6, "word": "schulnote"}
    assert "turned around" in t("evidence.reversed_scale", "en", **params)
    assert "umgedreht" in t("evidence.reversed_scale", "de", **params)


def test_grades_written_with_their_labels_are_turned_around(rng):
    words = {1: "sehr gut", 2: "gut", 3: "befriedigend", 4: "ausreichend", 5: "mangelhaft", 6: "ungenügend"}
    grades = {tp: ratings(rng, N, 1, 6, centre=c) for tp, c in (("Beratung", 2.0), ("Lieferung", 3.5))}
    written = {tp: [f"{g} ({words[g]})" for g in values] for tp, values in grades.items()}
    frame = pd.DataFrame({"Nr": range(N), **written})
    loaded, document = analyze_survey(frame)
    journey = _journey(document)
    for tp, values in grades.items():
        assert journey[tp]["native_mean"] == pytest.approx(round(7 - values.mean(), 3))
        codes = [e.code for e in loaded.validated.columns[tp].evidence]
        assert "labelled_numbers" in codes and "reversed_scale" in codes
